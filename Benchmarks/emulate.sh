#!/usr/bin/env bash
# Emulator benchmark (issue 8), release build, loopback only, bounded:
#  1. requests/s of a full issue-a-change flow (create change -> price -> issue -> fetch), FLOWS flows spread over
#     the policies of a generated fixtures file, by WORKERS keep-alive clients (Benchmarks/emulate_flow.py); the same
#     client against `serve --mock` in the same run gives the ratio (what the state and the business rules cost),
#     and against `serve --emulate --state DIR` what the fsynced journal costs;
#  2. memory per 10,000 policies: resident set size (VmRSS) of `serve --emulate` with the built-in fixtures and
#     with a fixtures file of POLICIES policies (default 10,000), the difference scaled to 10,000.
#
# usage: Benchmarks/emulate.sh      FLOWS=2000 WORKERS=4 POLICIES=10000
source "$(dirname "$0")/common.sh"
flows=${FLOWS:-2000}
workers=${WORKERS:-4}
policies=${POLICIES:-10000}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

tenant=5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001

# Fixtures: the built-in ones plus POLICIES policies of tenant A (locators 01J6B + 21 digits).
python3 - "$surety" "$policies" >"$work/fixtures.json" <<'PY'
import json, subprocess, sys
count = int(sys.argv[2])
product = {"name": "PersonalAuto", "durationBasis": "months", "timeZone": "UTC", "currency": "USD",
           "elementTypes": [{"name": "PersonalAuto"}, {"name": "Vehicle", "requiredData": ["vin"]}, {"name": "Driver"}],
           "rates": [{"elementType": "PersonalAuto", "chargeType": "fee", "annualAmount": 25},
                     {"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 600}],
           "documents": [{"trigger": "issued", "staticName": "declaration", "name": "Declarations", "referenceType": "transaction"}]}
policies = [{"locator": f"01J6B{index:021d}", "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
             "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
             "element": {"type": "PersonalAuto", "data": {"garageState": "CA"}, "elements": [
                 {"type": "Vehicle", "data": {"vin": f"VIN{index:014d}"}}, {"type": "Driver", "data": {"name": "D"}}]}}
            for index in range(count)]
print(json.dumps({"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001", "name": "Tenant A", "products": [product],
                               "accounts": [{"locator": "01J6A00000000000000000AA01", "name": "Ada"}], "policies": policies}],
                  "tokens": [{"token": "bench-token", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000001",
                              "tenants": ["5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"], "permissions": ["*"]}]}))
PY

# start NAME ARGS...: starts surety serve on port 0 and sets $base and $pid.
start() {
  local name=$1; shift
  "$surety" serve --port 0 --quiet --contracts "$root/contracts" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1200); do grep -q 'listening on' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  base=$(grep -o 'http://[0-9.:]*' "$work/$name.out")
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

start builtin --emulate
rss_builtin=$(rss_kb "$pid")
kill "$pid"

started=$(date +%s.%N)
start emulator --emulate --fixtures "$work/fixtures.json"
load_seconds=$(echo "$(date +%s.%N) - $started" | bc)
rss_loaded=$(rss_kb "$pid")
policy_list=$(python3 -c "print(' '.join(f'01J6B{i:021d}' for i in range(min($policies, $flows))))")
flow_emulator=$(python3 Benchmarks/emulate_flow.py "$base" "$tenant" bench-token "$flows" "$workers" $policy_list)
rss_after=$(rss_kb "$pid")
kill "$pid"

start mock --mock --no-auth
flow_mock=$(python3 Benchmarks/emulate_flow.py "$base" "$tenant" bench-token "$flows" "$workers" $policy_list)
kill "$pid"

journal_flows=$(( flows / 4 ))
start journal --emulate --fixtures "$work/fixtures.json" --state "$work/state"
flow_journal=$(python3 Benchmarks/emulate_flow.py "$base" "$tenant" bench-token "$journal_flows" "$workers" $policy_list)
kill "$pid"

echo "BENCH emulator $flow_emulator"
echo "BENCH mock $flow_mock"
echo "BENCH emulator-state $flow_journal"
python3 - "$flow_emulator" "$flow_mock" "$flow_journal" "$rss_builtin" "$rss_loaded" "$rss_after" "$policies" "$load_seconds" <<'PY'
import sys
def parse(line):
    fields = dict(item.split("=") for item in line.split()[1:])
    return int(fields["requests"]), float(fields["seconds"]), int(fields["non200"]), int(fields["flows"])
rows = [("surety serve --emulate", parse(sys.argv[1])), ("surety serve --mock (same client)", parse(sys.argv[2])),
        ("surety serve --emulate --state DIR", parse(sys.argv[3]))]
emulator_rate = rows[0][1][0] / rows[0][1][1]
print(f"{'server':38} {'flows':>6} {'requests':>9} {'req/s':>9} {'flows/s':>8} {'non-200':>8} {'ratio':>7}")
for name, (requests, seconds, non200, flows) in rows:
    rate = requests / seconds
    print(f"{name:38} {flows:6d} {requests:9d} {rate:9.0f} {flows / seconds:8.0f} {non200:8d} {rate / emulator_rate:6.2f}x")
builtin, loaded, after, count, load = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8])
per = (loaded - builtin) * 10000 / count / 1024
print(f"memory: RSS {builtin / 1024:.1f} MB with the built-in fixtures, {loaded / 1024:.1f} MB with {count} policies "
      f"(loaded and issued in {load:.1f} s), {after / 1024:.1f} MB after the flows")
print(f"memory per 10,000 policies: {per:.1f} MB ({(loaded - builtin) * 1024 / count:.0f} bytes per policy)")
PY
