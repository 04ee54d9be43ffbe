-- Shared by the wrk scripts (loaded with dofile): each thread's number, thread_no, set by setup() in
-- the thread's own Lua state (a local would stay 0), and the answers counted by class — 2xx, 429,
-- other 4xx, 503 (an outage, e.g. the database restarting) and other 5xx (failures) — summed over
-- the threads in done() into one RESULT line that bench/run and bench/drills read.
thread_no = 0
ok, refused, client, unavailable, server = 0, 0, 0, 0, 0
local next_thread = 0
local threads = {}

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 429 then refused = refused + 1
  elseif status < 500 then client = client + 1
  elseif status == 503 then unavailable = unavailable + 1
  else server = server + 1 end
end

function done(summary, latency)
  local o, r, c, u, s = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); r = r + t:get("refused"); c = c + t:get("client"); u = u + t:get("unavailable")
    s = s + t:get("server")
  end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d errors_non2xx=%d ok=%d refused=%d client=%d unavailable=%d server=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, o, r, c, u, s))
end
