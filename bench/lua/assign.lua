-- wrk script: POST /api/v1/plans/{id}/measures — a preventive conversation by the police in one of
-- the plans listed in BENCH_PLANS (a file, one plan id per line), each thread walking the list from
-- its own offset, so measures-service publishes a measure.assigned per acknowledged request.
-- Counts answers by class (2xx / 429 / other 4xx / 503 / other 5xx) so a drill can tell refusals and
-- outages (503 with Retry-After while the database restarts) from failures.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "answers.lua")
local token = os.getenv("BENCH_TOKEN")
local today = os.date("!%Y-%m-%d")
local due = os.date("!%Y-%m-%d", os.time() + 14 * 86400)
local plans = {}
for line in io.lines(os.getenv("BENCH_PLANS")) do
  if line ~= "" then plans[#plans + 1] = line end
end
if #plans == 0 then error("BENCH_PLANS lists no plan") end
local i = 0

request = function()
  i = i + 1
  local plan = plans[((thread_no * 7919 + i) % #plans) + 1]
  local body = string.format([[{"type":"PREVENTIVE_CONVERSATION","executingAgency":"POLICE","organisation":"980340001239",
"responsiblePerson":"участковый инспектор","startDate":"%s","dueDate":"%s"}]], today, due)
  return wrk.format("POST", "/api/v1/plans/" .. plan .. "/measures", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token}, body)
end
