#!/usr/bin/env bash
# Feeds every file of JSONTestSuite's test_parsing/ through `surety json-check` and fails on any mismatch:
# every y_ file accepted, every n_ file rejected, and every i_ file decided as docs/json.md documents.
set -euo pipefail
surety=$1
corpus=$2
[ -d "$corpus" ] || { echo "json-corpus: no corpus at $corpus" >&2; exit 2; }

# The implementation-defined cases Surety accepts; every other i_ file is rejected (see docs/json.md).
accepted_i=" i_number_double_huge_neg_exp.json i_number_huge_exp.json i_number_neg_int_huge_exp.json i_number_pos_double_huge_exp.json i_number_real_neg_overflow.json i_number_real_pos_overflow.json i_number_real_underflow.json i_number_too_big_neg_int.json i_number_too_big_pos_int.json i_number_very_big_negative_int.json i_structure_500_nested_arrays.json "

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# json-check exits 1 when it rejects anything, which the n_ files guarantee.
"$surety" json-check "$corpus"/*.json > "$out" || [ $? -eq 1 ]

total=0; mismatches=0
while IFS= read -r line; do
  verdict=${line%% *}
  rest=${line#* }
  file=${rest%%:*}
  name=$(basename "$file")
  total=$((total + 1))
  case "$name" in
    y_*) want=accept ;;
    n_*) want=reject ;;
    i_*) if [[ "$accepted_i" == *" $name "* ]]; then want=accept; else want=reject; fi ;;
    *) continue ;;
  esac
  if [ "$verdict" != "$want" ]; then
    echo "MISMATCH $name: expected $want, got: $line"
    mismatches=$((mismatches + 1))
  fi
done < "$out"

files=$(ls "$corpus"/*.json | wc -l)
[ "$total" -eq "$files" ] || { echo "json-corpus: $files files but $total verdicts" >&2; exit 1; }
echo "json-corpus: $total files, $mismatches mismatches"
[ "$mismatches" -eq 0 ]
