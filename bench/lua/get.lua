-- wrk script: GET one path with a bearer token; prints a machine-readable RESULT line.
local token = os.getenv("BENCH_TOKEN")
request = function()
  return wrk.format("GET", wrk.path, {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d errors_non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
