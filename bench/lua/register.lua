-- wrk script: POST /api/v1/entries with a new, valid IIN per request (each wrk thread its own
-- serial range, birth dates spread over ~27 years), so every request registers a new person.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "answers.lua")
counter = 0
local token = os.getenv("BENCH_TOKEN")
local today = os.date("!%Y-%m-%d")

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
