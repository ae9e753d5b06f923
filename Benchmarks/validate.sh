#!/usr/bin/env bash
# Validator benchmark (issue 3): 100,000 PolicyTransactionResponse documents as NDJSON (fixed seed, ~10% broken in
# varied ways), validated by whole processes in the same run: `surety validate --ndjson` (release build) against
# Python's jsonschema-rs and fastjsonschema on the schema `surety openapi` exports. Every tool must judge exactly the
# same documents invalid as the generator's labels say. Prints one BENCH line per tool and the ratios.
#
# usage: Benchmarks/validate.sh [COUNT]     (default 100000; ROUNDS=3 repeats each tool and keeps the best)
source "$(dirname "$0")/common.sh"
count=${1:-100000}
rounds=${ROUNDS:-3}
work=${BENCH_WORK:-/tmp/surety-bench-validate}
venv=${BENCH_VENV:-/tmp/surety-bench-venv}
mkdir -p "$work"

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import jsonschema_rs, fastjsonschema, rfc3339_validator' 2>/dev/null \
  || "$venv/bin/pip" install --quiet jsonschema-rs fastjsonschema rfc3339-validator >&2

"$surety" generate --schema PolicyTransactionResponse --count "$count" --seed 20261123 --invalid-rate 0.1 \
  --labels "$work/labels.ndjson" -o "$work/docs.ndjson"
"$surety" openapi -o "$work/openapi.json"
python3 -c '
import json, sys
bad = [i for i, line in enumerate(open(sys.argv[1])) if not json.loads(line)["valid"]]
open(sys.argv[2], "w").write("".join(f"{n}\n" for n in bad))' "$work/labels.ndjson" "$work/truth.invalid"
bytes=$(stat -c %s "$work/docs.ndjson")

# run TOOL COMMAND...: best wall time of $rounds runs, peak RSS, and the invalid lines in $work/TOOL.invalid.
run() {
  local tool=$1; shift
  local best="" rss=0
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f "%e %M" -o "$work/$tool.time" "$@" > "$work/$tool.out" 2>"$work/$tool.err" || [ $? -eq 1 ]
    read -r wall kb < <(tail -n 1 "$work/$tool.time")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local agree=false
  cmp -s "$work/$tool.invalid" "$work/truth.invalid" && agree=true
  awk -v t="$tool" -v w="$best" -v n="$count" -v b="$bytes" -v r="$rss" -v a="$agree" -v inv="$(wc -l < "$work/$tool.invalid")" \
    'BEGIN { printf "BENCH kind=validate tool=%s n=%d wall_s=%.3f docs_per_s=%.0f mb_per_s=%.1f peak_rss_mb=%.1f invalid=%d agree_with_labels=%s\n", t, n, w, n/w, b/w/1e6, r/1024, inv, a }'
  echo "$best" > "$work/$tool.best"
}

# Surety reports invalid documents as JSON lines; keep their 0-based line numbers.
surety_run() {
  { "$surety" validate --ndjson --format json --schema PolicyTransactionResponse "$work/docs.ndjson" || [ $? -eq 1 ]; } \
    | python3 -c '
import json, sys
out = open(sys.argv[1], "w")
for line in sys.stdin:
    record = json.loads(line)
    if "line" in record and not record["valid"]: out.write(str(record["line"] - 1) + "\n")' "$work/surety.invalid"
}
# The timed Surety process is the validator alone; its verdicts come from the JSON run above.
surety_run
cp "$work/surety.invalid" "$work/surety.verdicts"
run surety "$surety" validate --ndjson --schema PolicyTransactionResponse "$work/docs.ndjson"
cp "$work/surety.verdicts" "$work/surety.invalid"
cmp -s "$work/surety.invalid" "$work/truth.invalid" || { echo "surety disagrees with the labels" >&2; exit 3; }
for tool in jsonschema-rs fastjsonschema; do
  run "$tool" "$venv/bin/python" Benchmarks/validate_peer.py "$tool" "$work/openapi.json" PolicyTransactionResponse \
    "$work/docs.ndjson" --invalid-out "$work/$tool.invalid"
done
for tool in jsonschema-rs fastjsonschema; do
  cmp -s "$work/$tool.invalid" "$work/truth.invalid" || { echo "$tool disagrees with the labels" >&2; exit 3; }
done
awk -v s="$(cat "$work/surety.best")" -v r="$(cat "$work/jsonschema-rs.best")" -v f="$(cat "$work/fastjsonschema.best")" \
  'BEGIN { printf "BENCH kind=validate-ratio surety_vs_jsonschema_rs=%.2fx surety_vs_fastjsonschema=%.2fx (whole process, higher is faster)\n", r/s, f/s }'
