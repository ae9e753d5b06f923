#!/usr/bin/env bash
# Emulator benchmark (issue 18, "flat cost at scale"), release build, loopback only, bounded in count and time:
#  1. for each size of SIZES (default 1,000 and 100,000 policies): `serve --emulate` loads a fixtures file of that
#     many issued policies (each with its term, segment, document, monthly lattice and 12 installments); the time to
#     the listening line and the resident memory (VmRSS) are taken, the memory against the same file with no policy,
#     so memory per policy = (RSS with N − RSS with none) / N;
#  2. then, on a fresh server for each kind of flow in FLOWS, requests/s of the issue-a-change flow (create change →
#     price → issue → fetch), each change priced and billed: `cycle` adds a vehicle and the next flow on the policy
#     deletes it (the policy keeps its size), `add` adds one every time (each flow makes the policy larger); driven by wrk
#     (Benchmarks/emulate_flow.lua, THREADS threads of one keep-alive connection each) for DURATION seconds and at most
#     MAX_FLOWS flows, over TARGETS of the policies spread evenly through the file (the same number at every size, so
#     each policy gathers a like history); a 2-second warm-up first;
#  3. the same wrk command against `serve --mock` (the same requests, answered statelessly), so the ratio says what
#     the state and the rules cost; with JOURNAL=1, also `serve --emulate --state DIR` at the first size.
# Prints BENCH lines and a table.
#
#  4. with WINDOWS=N, N back-to-back WINDOW-second runs of the first flow on one server (see below);
#  5. for every run, the server's CPU time a request and page faults a flow (from /proc/PID/stat), and how much the
#     server grew a flow (VmRSS after the run − after its warm-up, ÷ flows).
# usage: Benchmarks/emulate.sh      SIZES="1000 100000" FLOWS="cycle add" DURATION=15 THREADS=8 TARGETS=1000 MAX_FLOWS=400000 JOURNAL=0 WINDOWS=0 WINDOW=5
source "$(dirname "$0")/common.sh"
sizes=${SIZES:-"1000 100000"}
duration=${DURATION:-15}
threads=${THREADS:-8}
targets=${TARGETS:-1000}
max_flows=${MAX_FLOWS:-400000}
journal=${JOURNAL:-0}
kinds=${FLOWS:-"cycle add"}
windows=${WINDOWS:-0}
window=${WINDOW:-5}
work=$(mktemp -d /tmp/surety-bench-emulate.XXXXXX)
bench_results emulate
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

tenant=5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001

# fixtures N: writes $work/fixtures-N.json (tenant A, its product and account, N policies with locators 01J6B + 21
# digits) and $work/targets-N.txt (min(N, TARGETS) of them, evenly spread).
fixtures() {
  python3 - "$1" "$targets" "$work/fixtures-$1.json" "$work/targets-$1.txt" <<'PY'
import json, sys
count, targets, out, target_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
product = {"name": "PersonalAuto", "durationBasis": "months", "timeZone": "UTC", "currency": "USD",
           "elementTypes": [{"name": "PersonalAuto"}, {"name": "Vehicle", "requiredData": ["vin"]}, {"name": "Driver"}],
           "rates": [{"elementType": "PersonalAuto", "chargeType": "fee", "annualAmount": 25},
                     {"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 600}],
           "documents": [{"trigger": "issued", "staticName": "declaration", "name": "Declarations", "referenceType": "transaction"}]}
locator = lambda index: f"01J6B{index:021d}"
tenant = {"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001", "name": "Tenant A", "products": [product],
          "accounts": [{"locator": "01J6A00000000000000000AA01", "name": "Ada"}]}
tokens = [{"token": "bench-token", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000001",
           "tenants": ["5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"], "permissions": ["*"]}]
with open(out, "w") as file:  # written policy by policy: 100,000 policies are about 40 MB of JSON
    file.write('{"tenants": [' + json.dumps(tenant)[:-1] + ', "policies": [')
    for index in range(count):
        policy = {"locator": locator(index), "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
                  "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
                  "element": {"type": "PersonalAuto", "data": {"garageState": "CA"}, "elements": [
                      {"type": "Vehicle", "data": {"vin": f"VIN{index:014d}"}}, {"type": "Driver", "data": {"name": "D"}}]}}
        file.write(("," if index else "") + json.dumps(policy))
    file.write(']}], "tokens": ' + json.dumps(tokens) + '}')
chosen = min(count, targets)
with open(target_file, "w") as file:
    file.write("".join(locator(index * count // chosen) + "\n" for index in range(chosen)))
PY
}

# start NAME ARGS...: starts `surety serve` on 127.0.0.1, port 0; sets $base, $pid and $load_seconds (to the listening line).
start() {
  local name=$1; shift
  local started; started=$(date +%s.%N)
  "$surety" serve --host 127.0.0.1 --port 0 --quiet --contracts "$root/contracts" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  for _ in $(seq 6000); do grep -q 'listening on' "$work/$name.out" 2>/dev/null && break; sleep 0.05; done
  load_seconds=$(echo "$(date +%s.%N) - $started" | bc)
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/$name.out") || { cat "$work/$name.err" >&2; exit 2; }
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
# cpu: the server's user and system clock ticks and its minor page faults so far (from /proc/PID/stat).
cpu() { awk '{print $14, $15, $10}' "/proc/$pid/stat"; }
# measured SECONDS TARGETS_FILE KIND: the flow's FLOW line, with the server's CPU ticks and page faults over it appended.
measured() {
  local user0 system0 faults0 user1 system1 faults1 line
  read -r user0 system0 faults0 < <(cpu)
  line=$(flow "$@")
  read -r user1 system1 faults1 < <(cpu)
  echo "$line user_ticks=$((user1 - user0)) system_ticks=$((system1 - system0)) faults=$((faults1 - faults0))"
}
# flow SECONDS TARGETS_FILE KIND: the wrk client; prints its FLOW line.
flow() {
  wrk -t"$threads" -c"$threads" -d"$1s" --timeout 10s -s "$root/Benchmarks/emulate_flow.lua" "$base" \
    -- "$tenant" bench-token "$max_flows" "$2" "$threads" "$3" | grep '^FLOW '
}

fixtures 0
start empty --emulate --fixtures "$work/fixtures-0.json"
rss_empty=$(rss_kb)
stop
echo "BENCH kind=emulate-memory policies=0 rss_kb=$rss_empty" | tee -a "$results"

first=""
for size in $sizes; do
  fixtures "$size"
  first=${first:-$size}
  for kind in $kinds; do  # a fresh server for each kind of flow, so each starts from the fixtures alone
    start "emulate-$size-$kind" --emulate --fixtures "$work/fixtures-$size.json"
    rss_loaded=$(rss_kb)
    flow 2 "$work/targets-$size.txt" "$kind" >/dev/null
    rss_warm=$(rss_kb)
    line=$(measured "$duration" "$work/targets-$size.txt" "$kind")
    rss_after=$(rss_kb)
    stop
    echo "BENCH kind=emulate server=emulate flow=$kind policies=$size load_s=$load_seconds rss_kb=$rss_loaded rss_warm_kb=$rss_warm rss_after_kb=$rss_after ${line#FLOW }" | tee -a "$results"
  done
done

for kind in $kinds; do
  start mock --mock --no-auth
  flow 2 "$work/targets-$first.txt" "$kind" >/dev/null
  line=$(measured "$duration" "$work/targets-$first.txt" "$kind")
  stop
  echo "BENCH kind=emulate server=mock flow=$kind ${line#FLOW }" | tee -a "$results"
done

if [ "$journal" = 1 ]; then
  for kind in $kinds; do
    start journal --emulate --fixtures "$work/fixtures-$first.json" --state "$work/state-$kind"
    flow 2 "$work/targets-$first.txt" "$kind" >/dev/null
    line=$(flow "$duration" "$work/targets-$first.txt" "$kind")
    stop
    echo "BENCH kind=emulate server=emulate-state flow=$kind policies=$first ${line#FLOW }" | tee -a "$results"
  done
fi

# WINDOWS=N: N back-to-back WINDOW-second runs of the first flow on one server at the first size, no warm-up, so the
# rate is seen falling as the run's history grows (and the server's user and system CPU a request, and its page faults).
if [ "$windows" -gt 0 ]; then
  kind=${kinds%% *}
  start windows --emulate --fixtures "$work/fixtures-$first.json"
  for index in $(seq "$windows"); do
    line=$(measured "$window" "$work/targets-$first.txt" "$kind")
    echo "BENCH kind=emulate-window flow=$kind policies=$first window=$index ${line#FLOW }" | tee -a "$results"
  done
  stop
fi

python3 - "$results" <<'PY'
import sys
rows = [dict(p.split("=", 1) for p in line.split()[1:]) for line in open(sys.argv[1])]
empty = next(int(r["rss_kb"]) for r in rows if r["kind"] == "emulate-memory")
flows = [r for r in rows if r["kind"] == "emulate"]
rate = lambda r: int(r["requests"]) / float(r["seconds"])
if any(r["capped"] == "1" for r in flows):
    print("warning: a run reached MAX_FLOWS before its DURATION: its rate is not comparable")
names = {"emulate": "surety serve --emulate", "mock": "surety serve --mock (same client)",
         "emulate-state": "surety serve --emulate --state DIR"}
tick = 1e6 / 100  # microseconds a clock tick (USER_HZ 100)
cpu = lambda r: (int(r["user_ticks"]) + int(r["system_ticks"])) * tick / int(r["requests"])
print(f"\n{'server':<36}{'flow':>7}{'policies':>9}{'flows':>7}{'req/s':>9}{'flows/s':>9}{'p99 ms':>8}{'non-200':>8}{'÷ mock':>8}"
      f"{'CPU µs/req':>11}{'faults/flow':>12}")
for r in flows:
    mock = next(m for m in flows if m["server"] == "mock" and m["flow"] == r["flow"])
    measured = "user_ticks" in r
    print(f"{names[r['server']]:<36}{r['flow']:>7}{r.get('policies', '-'):>9}{r['flows']:>7}{rate(r):>9.0f}"
          f"{int(r['flows']) / float(r['seconds']):>9.0f}{float(r['p99_ms']):>8.2f}{r['non200']:>8}{rate(r) / rate(mock):>8.2f}"
          + (f"{cpu(r):>11.1f}{int(r['faults']) / int(r['flows']):>12.1f}" if measured else ""))
for kind in dict.fromkeys(r["flow"] for r in flows):
    emulated = [r for r in flows if r["server"] == "emulate" and r["flow"] == kind]
    if len(emulated) > 1:
        print(f"{kind}: largest ÷ smallest size: {rate(emulated[-1]) / rate(emulated[0]):.2f}")
for r in (r for r in rows if r["kind"] == "emulate-window"):
    n = int(r["requests"])
    print(f"window {r['window']} ({r['flow']}, {r['policies']} policies): {r['flows']} flows, {rate(r):,.0f} req/s, "
          f"user {int(r['user_ticks']) * tick / n:.1f} µs and system {int(r['system_ticks']) * tick / n:.1f} µs a request, "
          f"{int(r['faults']) / max(1, int(r['flows'])):.1f} page faults a flow")
for r in (r for r in flows if r["server"] == "emulate"):
    grown = (int(r["rss_after_kb"]) - int(r["rss_warm_kb"])) * 1024 / int(r["flows"])
    print(f"{r['flow']} at {int(r['policies']):,} policies: the server grew {grown:,.0f} bytes a flow")
print(f"\nmemory: {empty / 1024:.1f} MB with the fixtures and no policy")
for r in flows:
    if r["server"] != "emulate" or r["flow"] != flows[0]["flow"]:
        continue
    n = int(r["policies"])
    print(f"  {n:>7,} policies: loaded in {float(r['load_s']):.1f} s ({n / float(r['load_s']):,.0f}/s), {int(r['rss_kb']) / 1024:.1f} MB "
          f"({(int(r['rss_kb']) - empty) * 1024 / n:,.0f} bytes a policy), {int(r['rss_after_kb']) / 1024:.1f} MB after the {r['flow']} flows")
print("(wrk and the server share the machine's cores; compare within one run)")
PY
