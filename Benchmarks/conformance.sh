#!/usr/bin/env bash
# Conformance-runner benchmark (issue 6), release build, in one run:
#   1. `surety check` against the in-process backend (wall time of the whole process, best of ROUNDS);
#   2. `surety check --base-url` against `surety serve --emulate` over loopback (the backend the emulator-* scenarios
#      expect; against a plain mock their expectations fail by design), through ../shared/bench's hook
#      (conformance_ours.sh with OURS_CONFORMANCE_CMD);
#   3. Schemathesis (the bench venv) on the OpenAPI document `surety openapi` exports, against the same server, with
#      ST_MAX_EXAMPLES examples per operation in the ST_PHASES phases (default 5 in `fuzzing` only: about 5 × 77
#      requests, close to ours; all four phases send ~12× more, see the README).
# The server logs every request, so the number of requests each runner sent is counted, not estimated.
# Prints BENCH lines, then a table with the ratios.
#
# usage: Benchmarks/conformance.sh     ROUNDS=3 ST_MAX_EXAMPLES=5 ST_PHASES=fuzzing
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-3}
max_examples=${ST_MAX_EXAMPLES:-5}
phases=${ST_PHASES:-fuzzing}
work=$(mktemp -d /tmp/surety-bench-conformance.XXXXXX)
bench_results conformance
token=surety-token                         # the built-in fixtures' token of tenant A
tenant=5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001
setup_peers
"$surety" openapi --contracts "$root/contracts" -o "$work/openapi.json"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }
checks_in() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["checks"], s["failed"])' "$1"; }

# 1. In-process.
best=""
for round in $(seq "$rounds"); do
  started=$(now)
  "$surety" check --contracts "$root/contracts" --seed 1 --report "json:$work/inprocess.json" >"$work/inprocess.txt" || true
  wall=$(elapsed "$started" "$(now)")
  best=$(awk -v a="${best:-$wall}" -v b="$wall" 'BEGIN{print (b < a ? b : a)}')
done
read -r checks failed < <(checks_in "$work/inprocess.json")
echo "BENCH kind=conformance tool=surety-check target=in-process wall_s=$best requests=$checks failures=$failed rounds=$rounds" | tee -a "$results"

# The server both loopback runners drive: the emulator with its built-in fixtures, logging one line per request.
"$surety" serve --emulate --port 0 --max-request-line 65536 --contracts "$root/contracts" \
  >"$work/serve.out" 2>"$work/serve.log" &
serve_pid=$!
trap 'kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true' EXIT
for _ in $(seq 200); do grep -q 'listening on' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out")
requests_logged() { grep -c ' violations=' "$work/serve.log" || true; }

# 2. Ours over loopback, through the shared harness (it prints the BENCH line; cases= and failures= come from our report).
before=$(requests_logged)
line=$(cd "$bench" && OURS_LABEL=surety-check OURS_CONFORMANCE_CMD="'$surety' check --base-url {base_url} --token $token --tenant $tenant \
  --contracts '$root/contracts' --seed 1 --report json:$work/loopback.json >$work/loopback.txt; rc=\$?; \
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))[\"summary\"]; print(\"cases=%d failures=%d\" % (s[\"checks\"], s[\"failed\"]))' $work/loopback.json; \
  exit \$rc" ./conformance_ours.sh "$base" | grep '^BENCH ')
ours_requests=$(( $(requests_logged) - before ))
echo "$line requests=$ours_requests" | tee -a "$results"

# 3. Schemathesis on our exported OpenAPI against the same server (the harness's arguments, our document and token).
before=$(requests_logged)
started=$(now)
set +e
(cd "$work" && timeout 600 "${BENCH_VENV_ROOT:-/tmp/benchvenv}/main/bin/schemathesis" run "$work/openapi.json" --url "$base" \
  --max-examples "$max_examples" --phases "$phases" --seed 20240301 --workers 1 --no-color --generation-database none --request-timeout 5 \
  -H "Authorization: Bearer $token" >"$work/schemathesis.txt" 2>&1)
st_rc=$?
set -e
st_wall=$(elapsed "$started" "$(now)")
st_requests=$(( $(requests_logged) - before ))
st_cases=$(grep -A1 '^Test cases:' "$work/schemathesis.txt" | tail -n 1 | grep -oE '^ *[0-9]+ generated' | grep -oE '[0-9]+' || echo na)
st_failures=$(grep -A1 '^Test cases:' "$work/schemathesis.txt" | tail -n 1 | grep -oE '[0-9]+ unique failures?' | grep -oE '[0-9]+' || echo 0)
st_version=$("${BENCH_VENV_ROOT:-/tmp/benchvenv}/main/bin/schemathesis" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -n 1 || echo na)
echo "BENCH kind=conformance tool=schemathesis-$st_version target=surety-serve-emulate wall_s=$st_wall cases=$st_cases failures=$st_failures requests=$st_requests exit=$st_rc max_examples=$max_examples phases=$phases" | tee -a "$results"

python3 - "$results" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    kv = dict(p.split("=", 1) for p in line.split()[1:])
    rows.append(kv)
print(f"\n{'runner':<28}{'target':<22}{'wall s':>9}{'requests':>10}{'req/s':>9}{'failures':>10}")
for r in rows:
    wall, requests = float(r["wall_s"]), int(r["requests"])
    print(f"{r['tool']:<28}{r['target']:<22}{wall:>9.2f}{requests:>10}{requests / wall:>9.0f}{r.get('failures', '-'):>10}")
loop = next(r for r in rows if r["tool"] == "surety-check" and r["target"] != "in-process")
inproc = next(r for r in rows if r["target"] == "in-process")
st = next(r for r in rows if r["tool"].startswith("schemathesis"))
print(f"schemathesis ÷ surety check (same server): wall {float(st['wall_s']) / float(loop['wall_s']):.1f}×, "
      f"requests {int(st['requests']) / max(1, int(loop['requests'])):.2f}×; "
      f"per request {float(st['wall_s']) / int(st['requests']) / (float(loop['wall_s']) / int(loop['requests'])):.1f}×")
print(f"loopback ÷ in-process (surety check): {float(loop['wall_s']) / float(inproc['wall_s']):.1f}×")
print("(whole processes, wall time; on a shared 2-core machine)")
PY
