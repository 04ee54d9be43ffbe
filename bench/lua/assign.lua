-- wrk script: POST /api/v1/plans/{id}/measures — a preventive conversation by the police in one of
-- the plans listed in BENCH_PLANS (a file, one plan id per line), each thread walking the list from
-- its own offset, so measures-service publishes a measure.assigned per acknowledged request.
-- Counts answers by class (2xx / 429 / other 4xx / 503 / other 5xx) so a drill can tell refusals and
-- outages (503 with Retry-After while the database restarts) from failures.
thread_no = 0
local next_thread = 0
local token = os.getenv("BENCH_TOKEN")
local today = os.date("!%Y-%m-%d")
local due = os.date("!%Y-%m-%d", os.time() + 14 * 86400)
local plans = {}
for line in io.lines(os.getenv("BENCH_PLANS")) do
  if line ~= "" then plans[#plans + 1] = line end
end
if #plans == 0 then error("BENCH_PLANS lists no plan") end
local i = 0
ok, refused, client, unavailable, server = 0, 0, 0, 0, 0
local threads = {}

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

request = function()
  i = i + 1
  local plan = plans[((thread_no * 7919 + i) % #plans) + 1]
  local body = string.format([[{"type":"PREVENTIVE_CONVERSATION","executingAgency":"POLICE",
"responsiblePerson":"участковый инспектор","startDate":"%s","dueDate":"%s"}]], today, due)
  return wrk.format("POST", "/api/v1/plans/" .. plan .. "/measures", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token}, body)
end

response = function(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 429 then refused = refused + 1
  elseif status < 500 then client = client + 1
  elseif status == 503 then unavailable = unavailable + 1
  else server = server + 1 end
end

done = function(summary, latency)
  local o, r, c, u, s = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); r = r + t:get("refused"); c = c + t:get("client"); u = u + t:get("unavailable")
    s = s + t:get("server")
  end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d errors_non2xx=%d ok=%d refused=%d client=%d unavailable=%d server=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, o, r, c, u, s))
end
