#!/usr/bin/env bash
# Billing benchmark (issue 9): lattice and installment generation for 10,000 policies with monthly cadence, through
# the real product. A fixtures file with N policies (one vehicle each, a 12-month term) is loaded by the release
# build's `surety serve --emulate --fixtures FILE --port 0`; loading issues every policy, which builds its lattice
# and spreads its charges into installments. Wall time is measured from process start to the listening line, peak
# memory by /usr/bin/time -v. One policy's installments are then fetched over loopback to check the work was done.
# The same load with cadence `none` (lattices without frames, no installments) and `fullPay` (one installment per
# policy) runs in the same rounds as the baseline; the ratios say what monthly installments cost on top.
#
# usage: Benchmarks/billing.sh          POLICIES=10000 (default), ROUNDS=3 (default; the best round is kept)
source "$(dirname "$0")/common.sh"
policies=${POLICIES:-10000}
rounds=${ROUNDS:-3}
work=$(mktemp -d /tmp/surety-bench-billing.XXXXXX)
trap 'rm -rf "$work"' EXIT

for cadence in monthly fullPay none; do
  python3 - "$policies" "$cadence" >"$work/$cadence.json" <<'PY'
import json, sys
count, cadence = int(sys.argv[1]), sys.argv[2]
tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0d004"
product = {"name": "Auto", "durationBasis": "months", "timeZone": "America/New_York", "currency": "USD",
           "elementTypes": [{"name": "Auto"}, {"name": "Vehicle"}],
           "rates": [{"elementType": "Auto", "chargeType": "fee", "annualAmount": 25},
                     {"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 613.37}],
           "billing": {"installmentPlans": [{"name": "plan", "cadence": cadence, "generateLeadDays": 10, "dueLeadDays": 2}]}}
def ulid(prefix, n):
    digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    text = ""
    for _ in range(8):
        text = digits[n % 32] + text
        n //= 32
    return prefix + text
policies = []
for i in range(count):
    month = 1 + i % 12
    policies.append({"locator": ulid("01J6B0000000000000", i), "accountLocator": "01J6B00000000000000000AC01", "productName": "Auto",
                     "startTime": f"2024-{month:02d}-{1 + i % 28:02d}T05:00:00Z", "endTime": f"2025-{month:02d}-{1 + i % 28:02d}T05:00:00Z",
                     "element": {"type": "Auto", "elements": [{"type": "Vehicle", "data": {"vin": f"V{i}"}}]}})
json.dump({"tenants": [{"locator": tenant, "products": [product], "accounts": [{"locator": "01J6B00000000000000000AC01"}],
                        "policies": policies}],
           "tokens": [{"token": "bench", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000009", "tenants": [tenant], "permissions": ["*"]}]},
          sys.stdout)
PY
done
echo "fixtures: $policies policies, $(du -h "$work/monthly.json" | cut -f1) each file" >&2

# One load: prints "seconds peak_kb installments_of_first_policy".
run_once() {
  python3 - "$surety" "$root/contracts" "$1" "$work/time.txt" <<'PY'
import json, os, signal, subprocess, sys, time, urllib.request
surety, contracts, fixtures, timing = sys.argv[1:5]
start = time.monotonic()
proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", timing, surety, "serve", "--emulate", "--fixtures", fixtures,
                         "--contracts", contracts, "--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
line = proc.stdout.readline()
elapsed = time.monotonic() - start
try:
    base = line.strip().rsplit(" ", 1)[-1]
    request = urllib.request.Request(base + "/billing/5a1c8a34-6a3c-4d55-9a57-2b1de1f0d004/installments/policies/01J6B000000000000000000000/list",
                                     headers={"Authorization": "Bearer bench"})
    with urllib.request.urlopen(request, timeout=30) as response:
        installments = len(json.load(response))
finally:
    # Stop surety itself (the child of /usr/bin/time), so that time reports its figures.
    children = open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()
    for child in children:
        os.kill(int(child), signal.SIGTERM)
    proc.wait(timeout=30)
peak = next(int(l.split(":")[1]) for l in open(timing) if "Maximum resident set size" in l)
print(f"{elapsed:.3f} {peak} {installments}")
PY
}

declare -A best_time best_peak count
for round in $(seq "$rounds"); do
  for cadence in monthly fullPay none; do
    read -r seconds peak installments < <(run_once "$work/$cadence.json")
    echo "BENCH billing round=$round cadence=$cadence policies=$policies seconds=$seconds peak_kb=$peak installments_of_first_policy=$installments"
    if [[ -z "${best_time[$cadence]:-}" ]] || python3 -c "import sys; sys.exit(0 if $seconds < ${best_time[$cadence]} else 1)"; then
      best_time[$cadence]=$seconds; best_peak[$cadence]=$peak; count[$cadence]=$installments
    fi
  done
done

python3 - "$policies" "${best_time[monthly]}" "${best_peak[monthly]}" "${count[monthly]}" "${best_time[fullPay]}" "${best_peak[fullPay]}" \
  "${count[fullPay]}" "${best_time[none]}" "${best_peak[none]}" "${count[none]}" <<'PY'
import sys
n = int(sys.argv[1]); rows = [("monthly", *sys.argv[2:5]), ("fullPay", *sys.argv[5:8]), ("none (no installments)", *sys.argv[8:11])]
base_time, base_peak = float(rows[2][1]), int(rows[2][2])
print(f"\nLoading {n:,} policies (issue, lattice, installments), best round; shared machine, figures indicative")
print(f"| cadence | installments/policy | wall s | policies/s | peak RSS MB | time vs none | memory vs none |")
print(f"|---|---|---|---|---|---|---|")
for name, seconds, peak, per in rows:
    s, p = float(seconds), int(peak)
    print(f"| {name} | {per} | {s:.2f} | {n / s:,.0f} | {p / 1024:.1f} | {s / base_time:.2f}× | {p / base_peak:.2f}× |")
PY
