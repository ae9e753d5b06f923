#!/usr/bin/env bash
# Validator benchmark on ../shared/bench's own fixture (issue 23): its 10,000 PolicyTransactionResponse documents,
# validated by whole processes, rounds interleaved: `surety validate --ndjson` against jsonschema-rs and fastjsonschema
# on the fixture's schema (fixtures/openapi.json). The harness is copied to a temporary folder and the fixture
# generated there, so ../shared is only read. Times are wall clock in milliseconds, best of $ROUNDS per tool.
#
# The peers must match the fixture's labels exactly. Surety judges by the contract, whose ULIDs may be lowercase
# (the fixture's schema demands uppercase), so it finds the 28 lowercase-ULID documents valid: its count is printed.
#
# usage: Benchmarks/validate_shared.sh      (ROUNDS=7 by default)
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-7}
venv=${BENCH_VENV:-/tmp/surety-bench-venv}
work=$(mktemp -d /tmp/surety-bench-shared.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$bench/." "$work/" && chmod -R u+w "$work"
(cd "$work" && python3 gen_fixtures.py >/dev/null)
docs=$work/fixtures/policy_transactions.ndjson
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import jsonschema_rs, fastjsonschema, rfc3339_validator' 2>/dev/null \
  || "$venv/bin/pip" install --quiet jsonschema-rs fastjsonschema rfc3339-validator >&2

command_for() {
  case $1 in
    surety) echo "$surety validate --ndjson --schema PolicyTransactionResponse $docs" ;;
    *) echo "$venv/bin/python Benchmarks/validate_peer.py $1 $work/fixtures/openapi.json PolicyTransactionResponse $docs --invalid-out $work/$1.invalid" ;;
  esac
}
declare -A best
tools=(surety jsonschema-rs fastjsonschema)
for _ in $(seq "$rounds"); do
  for tool in "${tools[@]}"; do
    read -ra command <<<"$(command_for "$tool")"  # outside the timed part: a command substitution forks
    start=$EPOCHREALTIME
    "${command[@]}" >"$work/$tool.out" 2>&1 || [ $? -eq 1 ]
    ms=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
    if [ -z "${best[$tool]:-}" ] || awk "BEGIN{exit !($ms < ${best[$tool]})}"; then best[$tool]=$ms; fi
  done
done
truth=$(python3 -c 'import json, sys; print(sum(not json.loads(l)["valid"] for l in open(sys.argv[1])))' "$work/fixtures/policy_transactions.labels.ndjson")
for tool in jsonschema-rs fastjsonschema; do
  [ "$(wc -l < "$work/$tool.invalid")" -eq "$truth" ] || { echo "$tool disagrees with the labels" >&2; exit 3; }
done
echo "BENCH kind=validate-shared n=$(wc -l < "$docs") labels_invalid=$truth surety_$(tail -n 1 "$work/surety.out" | tr ' ' '\n' | grep '^invalid=')" \
  "surety_ms=${best[surety]} jsonschema_rs_ms=${best[jsonschema-rs]} fastjsonschema_ms=${best[fastjsonschema]}" \
  "$(awk -v s="${best[surety]}" -v r="${best[jsonschema-rs]}" -v f="${best[fastjsonschema]}" \
     'BEGIN { printf "surety_vs_jsonschema_rs=%.2fx surety_vs_fastjsonschema=%.2fx", r/s, f/s }')"
