-- wrk client of Benchmarks/emulate.sh: issue-a-change flows (create change -> price -> issue -> fetch) against
-- `surety serve --emulate` (or, the same requests, `--mock`) on loopback.
--
-- usage: wrk -tN -cN -dSECONDS -s Benchmarks/emulate_flow.lua URL -- TENANT TOKEN MAX_FLOWS POLICIES_FILE N [cycle|add]
-- Every change is priced and billed. `cycle` (the default) adds a vehicle to a policy and the next flow on that
-- policy deletes it (the vehicle's static locator is read from the price response's charge), so a policy keeps its
-- size and only its history grows; `add` adds a vehicle every time, so every flow makes the policy one vehicle larger.
-- (The mock's generated price answers seldom name a premium's vehicle: against it, `cycle` sends few deletes.)
-- Run it with as many connections as threads (-c = -t = N): each thread then has one connection, so its responses
-- come back in the order of its requests and the thread's own variables carry its flow. Each thread runs flows on
-- its share of the policies (one locator a line in POLICIES_FILE) for the -d seconds, and stops early after its
-- share of MAX_FLOWS (a bound on the count; a run that reaches it says `capped=1`, and its rate is not comparable).
-- Prints `FLOW flows=N requests=N seconds=S non200=N p99_ms=P capped=0|1`.

local threads = {}
local count = 0

function setup(thread)
  thread:set("id", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  tenant, token, total = args[1], args[2], tonumber(args[3])
  local policies = {}
  for line in io.lines(args[4]) do table.insert(policies, line) end
  local threadCount = tonumber(args[5])  -- the -t given to wrk (setup's count lives in another environment)
  mine = {}
  for index = id + 1, #policies, threadCount do table.insert(mine, policies[index]) end
  if #mine == 0 then mine = policies end
  quota = math.floor(total / threadCount) + ((id < total % threadCount) and 1 or 0)
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  kind = args[6] or "cycle"
  local params = '[{"action":"params","effectiveTime":"2024-11-01T00:00:00Z"},'
  local add = params .. '{"action":"add","element":{"type":"Vehicle","data":{"vin":"BENCH0000000000001"}}}]'
  added = {}  -- policy locator -> static locator of the vehicle a `cycle` flow added and the next one deletes
  change = function(policy)
    if kind == "cycle" and added[policy] then
      return params .. '{"action":"delete","staticElementLocators":["' .. added[policy] .. '"]}]'
    end
    return add
  end
  step, flows, requests, non200, locator, policy, vehicle = 0, 0, 0, 0, nil, nil, nil
end

function request()
  if step == 0 then
    policy = mine[flows % #mine + 1]
    return wrk.format("PATCH", "/policy/" .. tenant .. "/policies/" .. policy .. "/change", headers, change(policy))
  elseif step == 1 then
    return wrk.format("PATCH", "/policy/" .. tenant .. "/transactions/" .. locator .. "/price", headers)
  elseif step == 2 then
    return wrk.format("PATCH", "/policy/" .. tenant .. "/transactions/" .. locator .. "/issue", headers)
  end
  return wrk.format("GET", "/policy/" .. tenant .. "/transactions/" .. locator, headers)
end

function response(status, headers, body)
  requests = requests + 1
  if status ~= 200 then non200 = non200 + 1 end
  if step == 0 then
    -- The mock answers the change with a body that has no locator: go on with a well-formed one, so it answers 200.
    locator = body:match('^{"locator":"([0-9A-Z]+)"') or "01J6A00000000000000000ZZ01"
  elseif step == 1 and kind == "cycle" then
    -- An add's price charges the new vehicle's premium; a delete's refunds it.
    vehicle = added[policy] and "" or body:match('"elementStaticLocator":"([0-9A-Z]+)","chargeType":"premium","amount":[0-9]')
  elseif step == 2 and kind == "cycle" and status == 200 and vehicle then
    added[policy] = vehicle ~= "" and vehicle or nil
  end
  step = (step + 1) % 4
  if step == 0 then
    flows = flows + 1
    if flows >= quota then wrk.thread:stop() end
  end
end

function done(summary, latency, rates)
  local flowCount, requestCount, failed = 0, 0, 0
  for _, thread in ipairs(threads) do
    flowCount = flowCount + thread:get("flows")
    requestCount = requestCount + thread:get("requests")
    failed = failed + thread:get("non200")
  end
  local capped = 0
  for _, thread in ipairs(threads) do
    if thread:get("flows") >= thread:get("quota") then capped = 1 end
  end
  io.write(string.format("FLOW flows=%d requests=%d seconds=%.3f non200=%d p99_ms=%.2f capped=%d\n", flowCount,
    requestCount, summary.duration / 1e6, failed, latency:percentile(99.0) / 1000, capped))
end
