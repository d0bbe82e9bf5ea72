-- POST /activities spread over the writer users: 80% dated today, the rest backfills of
-- the last 30 days. Tokens and dates come from the environment.
dofile(os.getenv("BENCH_LUA_DIR") .. "/wrk_report.lua")

local function split(text)
  local items = {}
  for item in string.gmatch(text, "[^,]+") do table.insert(items, item) end
  return items
end

local tokens = split(os.getenv("BENCH_TOKENS"))
local dates = split(os.getenv("BENCH_DATES"))  -- today first, then the 29 days before
local types = {"discovery", "email", "video", "call"}
local counter = 0

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
  counter = thread_id or 0
end

function request()
  counter = counter + 1
  local day = dates[1]
  if math.random() >= 0.8 then day = dates[math.random(2, #dates)] end
  local body = string.format(
    '{"type": "%s", "status": "done", "date": "%s", "amount": %d, "notes": "bench"}',
    types[math.random(#types)], day, math.random(1, 3))
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Content-Type"] = "application/json",
  }, body)
end
