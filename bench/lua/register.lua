-- wrk script: POST /api/v1/entries with a new, valid IIN per request (each wrk thread its own
-- serial range, birth dates spread over ~27 years), so every request registers a new person.
-- thread_no is a global: setup() sets it in each thread's own Lua state (a local would stay 0).
counter = 0
thread_no = 0
local next_thread = 0
local token = os.getenv("BENCH_TOKEN")
local today = os.date("!%Y-%m-%d")

ok, refused, client, unavailable, server = 0, 0, 0, 0, 0
local threads = {}

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

-- Answers by class, so a drill can tell refusals (429) and outages (503) from failures (other 5xx).
response = function(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 429 then refused = refused + 1
  elseif status < 500 then client = client + 1
  elseif status == 503 then unavailable = unavailable + 1
  else server = server + 1 end
end

local function check_digit(d)
  local w1 = {1,2,3,4,5,6,7,8,9,10,11}
  local w2 = {3,4,5,6,7,8,9,10,11,1,2}
  local s = 0
  for i = 1, 11 do s = s + d[i] * w1[i] end
  local c = s % 11
  if c == 10 then
    s = 0
    for i = 1, 11 do s = s + d[i] * w2[i] end
    c = s % 11
  end
  return c
end

local function next_iin()
  while true do
    counter = counter + 1
    -- 10,000 serials x 10,000 birth days = 10^8 distinct IINs; each step of each run (BENCH_SEED,
    -- 0..99) and each thread gets its own block, so no request meets a person registered before.
    local n = (tonumber(os.getenv("BENCH_SEED") or "0") % 100) * 1000000 + thread_no * 100000 + counter
    local serial = n % 10000
    local day = math.floor(n / 10000) % 10000          -- spreads birth dates over 10,000 days
    local t = os.time({year = 1970, month = 1, day = 1, hour = 12}) + day * 86400
    local yy = tonumber(os.date("!%y", t)); local mm = tonumber(os.date("!%m", t)); local dd = tonumber(os.date("!%d", t))
    local s = string.format("%02d%02d%02d%d%04d", yy, mm, dd, 3, serial)
    local d = {}
    for i = 1, 11 do d[i] = tonumber(s:sub(i, i)) end
    local c = check_digit(d)
    if c ~= 10 then return s .. c end
  end
end

request = function()
  local iin = next_iin()
  local body = string.format([[{"person":{"iin":"%s","lastName":"Ахметов","firstName":"Данияр","citizenship":"KAZ",
"address":{"text":"г. Алматы, ул. Абая, 10","kato":"751110000"}},"category":"OFFICIAL_WARNING",
"groundingDocument":{"type":"COURT_RULING","number":"B-%s","date":"%s","issuer":"Суд"},
"registeringBody":"УП","responsibleOfficer":{"name":"Сапаров А. К.","rank":"капитан"},
"region":"750000000","startDate":"%s"}]], iin, iin, today, today)
  return wrk.format("POST", os.getenv("BENCH_PATH") or "/api/v1/entries", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token}, body)
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
