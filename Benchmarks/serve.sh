#!/usr/bin/env bash
# Stub-server benchmark (issue 4): `wrk -t2 -c64 -d10s` on one mocked GET endpoint (fetchTransaction), with Surety's
# release build side by side, in the same run and interleaved rounds, with the peers of ../shared/bench: nginx
# serving the same path as a static file (the ceiling on this machine), Pact's Rust stub server, connexion and
# mockintosh. Also measures the time from process start to the first 200 answer. Prints the BENCH lines, then a
# table with the ratios. Every server runs on 127.0.0.1 only.
#
# Surety runs with --quiet (no request log), as every peer runs without an access log; WITH_LOG=1 (the default) adds
# a row for the same server with its request log on (text lines to the server log file), so the cost is visible.
#
# usage: Benchmarks/serve.sh            ROUNDS=3 (default 2), PEERS="nginx pact connexion mockintosh", WRK_DURATION=10,
#                                       WITH_LOG=0|1
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-2}
peers=${PEERS:-"nginx pact connexion mockintosh"}
bench_results serve
setup_peers

# Ours: the schema-driven mock (the default mode), request log off as for every peer.
export OURS_LABEL=surety-mock OURS_BODY_CHECK=json
export OURS_CMD="exec '$surety' serve --mock --no-auth --contracts '$root/contracts' --quiet --host 127.0.0.1 --port {port}"

for round in $(seq "$rounds"); do
  echo "== round $round" >&2
  for tool in ours $peers; do
    (cd "$bench" && "./stub_$tool.sh") | grep '^BENCH ' | tee -a "$results" || echo "($tool failed in round $round)" >&2
  done
  if [ "${WITH_LOG:-1}" = 1 ]; then
    (cd "$bench" && OURS_LABEL=surety-mock-logged OURS_CMD="${OURS_CMD/ --quiet/}" ./stub_ours.sh) | grep '^BENCH ' \
      | tee -a "$results" || echo "(surety-mock-logged failed in round $round)" >&2
  fi
done

# Time from process start to the first 200 answer, best of 5, measured by polling every millisecond.
first_answer_ms=$(python3 "$root/Benchmarks/first_answer.py" 5 18190 \
  /policy/5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94/transactions/01J8Z3K6Q4M7N2P5R8T1V4W7XA \
  "$surety" serve --contracts "$root/contracts" --quiet --no-auth --port "{port}")
echo "BENCH kind=startup tool=surety-mock first_answer_ms=$first_answer_ms" | tee -a "$results"

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    if not line.startswith("BENCH kind=stub"): continue
    kv = dict(p.split("=", 1) for p in line.split()[1:])
    rows.setdefault(kv["tool"], []).append(kv)
def med(tool, key):
    values = [float(r[key]) for r in rows.get(tool, []) if r.get(key) not in (None, "na")]
    return statistics.median(values) if values else None
ours = "surety-mock"
print(f"\n{'tool':<24}{'req/s':>10}{'p99 ms':>9}{'RSS MB':>8}{'body B':>8}  ours÷tool")
for tool in sorted(rows, key=lambda t: -(med(t, "rps") or 0)):
    rps, ours_rps = med(tool, "rps"), med(ours, "rps")
    ratio = f"{ours_rps / rps:.2f}×" if rps and ours_rps else "-"
    print(f"{tool:<24}{rps or 0:>10.0f}{med(tool, 'p99_ms') or 0:>9.2f}{med(tool, 'server_rss_mb') or 0:>8.1f}"
          f"{med(tool, 'body_bytes') or 0:>8.0f}  {ratio}")
print("(medians over rounds; wrk and the servers share the machine's cores)")
PY
