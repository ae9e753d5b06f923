#!/usr/bin/env bash
# Replay benchmark (issue 5): `surety serve --replay` with 100 recordings vs 100,000 recordings in the store, under
# the same wrk load as ../shared/bench's stub harness (fetchTransaction, the recorded example body checked exactly),
# and `surety serve --mock` under the same load for reference; then the time from process start to the first 200
# answer with each store. The recordings are written by Benchmarks/make_recordings.py (cached under /tmp), not
# recorded. Release build; every server on 127.0.0.1; wrk bounded by WRK_DURATION.
#
# usage: Benchmarks/replay.sh     ROUNDS=2 WRK_DURATION=5 SMALL=100 LARGE=100000 PORT=18290
# (PORT is not the harness's default 18090, which other runs of stub_ours.sh on a shared machine use.)
# The figure that matters: replay req/s with LARGE recordings ÷ with SMALL, which must stay within 20% (≥ 0.80).
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-2}
small=${SMALL:-100}
large=${LARGE:-100000}
export WRK_DURATION=${WRK_DURATION:-5}
export BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-120}
export PORT=${PORT:-18290}
data=${REPLAY_DATA:-/tmp/surety-bench-replay}
bench_results replay
setup_peers
bench_fixtures

for count in "$small" "$large"; do
  if [ ! -f "$data/$count/.complete" ]; then
    echo "writing $count recordings to $data/$count" >&2
    rm -rf "$data/$count"
    started=$(date +%s.%N)
    python3 "$root/Benchmarks/make_recordings.py" "$count" "$data/$count" "$bench/fixtures/examples"
    touch "$data/$count/.complete"
    echo "  ($(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s)" >&2
  fi
done

replay_cmd() { echo "exec '$surety' serve --replay '$data/$1' --no-auth --quiet --contracts '$root/contracts' --host 127.0.0.1 --port {port}"; }

for round in $(seq "$rounds"); do
  echo "== round $round" >&2
  for count in "$small" "$large"; do
    (cd "$bench" && OURS_LABEL="surety-replay-$count" OURS_CMD="$(replay_cmd "$count")" ./stub_ours.sh) | grep '^BENCH ' | tee -a "$results" \
      || echo "(replay of $count failed in round $round)" >&2
  done
  (cd "$bench" && OURS_LABEL=surety-mock OURS_BODY_CHECK=json \
     OURS_CMD="exec '$surety' serve --mock --no-auth --quiet --contracts '$root/contracts' --host 127.0.0.1 --port {port}" ./stub_ours.sh) \
    | grep '^BENCH ' | tee -a "$results" || echo "(mock failed in round $round)" >&2
done

path=$(jq -r '.[] | select(.operationId=="fetchTransaction") | .path' "$bench/fixtures/routes.json")
for count in "$small" "$large"; do
  ms=$(python3 "$root/Benchmarks/first_answer.py" 3 $((PORT + 1)) "$path" "$surety" serve --replay "$data/$count" --no-auth --quiet \
        --contracts "$root/contracts" --port "{port}")
  echo "BENCH kind=startup tool=surety-replay-$count recordings=$count first_answer_ms=$ms" | tee -a "$results"
done

python3 - "$results" "$small" "$large" <<'PY'
import statistics, sys
path, small, large = sys.argv[1], sys.argv[2], sys.argv[3]
rows, startup = {}, {}
for line in open(path):
    kv = dict(p.split("=", 1) for p in line.split()[1:])
    if kv["kind"] == "stub": rows.setdefault(kv["tool"], []).append(kv)
    if kv["kind"] == "startup": startup[kv["tool"]] = kv["first_answer_ms"]
def med(tool, key):
    values = [float(r[key]) for r in rows.get(tool, []) if r.get(key) not in (None, "na")]
    return statistics.median(values) if values else None
print(f"\n{'server':<26}{'req/s':>10}{'p99 ms':>9}{'RSS MB':>8}{'start→200 ms':>14}")
for tool in [f"surety-replay-{small}", f"surety-replay-{large}", "surety-mock"]:
    print(f"{tool:<26}{med(tool, 'rps') or 0:>10.0f}{med(tool, 'p99_ms') or 0:>9.2f}{med(tool, 'server_rss_mb') or 0:>8.1f}"
          f"{startup.get(tool, '-'):>14}")
a, b, m = med(f"surety-replay-{small}", "rps"), med(f"surety-replay-{large}", "rps"), med("surety-mock", "rps")
if a and b:
    ratio = b / a
    print(f"replay {large} ÷ replay {small}: {ratio:.2f}× ({'within' if ratio >= 0.8 else 'NOT within'} 20%)")
if a and m: print(f"replay {small} ÷ mock: {a / m:.2f}×   replay {large} ÷ mock: {(b or 0) / m:.2f}×")
print("(medians over rounds; wrk and the server share the machine's 2 cores, which other work also uses)")
PY
