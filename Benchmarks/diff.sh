#!/usr/bin/env bash
# Diff benchmark (issue 7), release build: `surety diff OLD NEW` over two recordings folders of N exchanges each, 1%
# of NEW's bodies changed (Benchmarks/make_recordings.py --changed-every 100; cached under /tmp), for N = 1,000,
# 10,000 and 50,000: wall time, CPU time (user + system) and peak memory of the whole process (best of ROUNDS), and
# both per exchange, which must stay flat for the growth to be linear. On a shared machine the CPU time is the steadier
# figure: wall time also counts the time other work held the cores.
#
# With PRETTY=1 every response body is stored as `serve --record` stores a pretty-printed answer (its value and the
# indented bytes received), so the run measures reading and diffing real traffic's JSON.
#
# usage: Benchmarks/diff.sh     ROUNDS=3 SIZES="1000 10000 50000" PRETTY=0
source "$(dirname "$0")/common.sh"
examples="$bench/fixtures/examples"
rounds=${ROUNDS:-3}
sizes=${SIZES:-"1000 10000 50000"}
pretty=${PRETTY:-0}
suffix="" shape=""
if [ "$pretty" = 1 ]; then suffix="-pretty" shape="--pretty"; fi
data=${DIFF_DATA:-/tmp/surety-bench-diff$suffix}
bench_results diff
bench_fixtures

for n in $sizes; do
  if [ ! -f "$data/$n/.complete" ]; then
    echo "writing 2 × $n recordings to $data/$n" >&2
    rm -rf "$data/$n"
    python3 "$root/Benchmarks/make_recordings.py" "$n" "$data/$n/old" "$examples" $shape
    python3 "$root/Benchmarks/make_recordings.py" "$n" "$data/$n/new" "$examples" --changed-every 100 $shape
    touch "$data/$n/.complete"
  fi
  # Wall time and peak RSS of the whole process, best of ROUNDS (the process's own figures, from wait4's rusage).
  python3 - "$rounds" "$n" "$surety" "$root/contracts" "$data/$n" <<'PY' | tee -a "$results"
import os, resource, subprocess, sys, time
rounds, n, surety, contracts, data = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
best_wall, best_cpu, best_rss, summary = None, None, None, ""
for _ in range(rounds):
    started = time.monotonic()
    process = subprocess.Popen([surety, "diff", data + "/old", data + "/new", "--contracts", contracts, "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1): sys.exit(f"surety diff exited {code}")
    rss = usage.ru_maxrss / 1024  # KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    best_rss = rss if best_rss is None else min(best_rss, rss)
    import json
    report = json.loads(output)
    summary = f"changed_exchanges={len(report['exchanges'])} paired={report['paired']}"
print(f"BENCH kind=diff tool=surety-diff exchanges={n} wall_s={best_wall:.3f} cpu_s={best_cpu:.3f} peak_rss_mb={best_rss:.1f} "
      f"us_per_exchange={best_wall / n * 1e6:.1f} cpu_us_per_exchange={best_cpu / n * 1e6:.1f} {summary}")
PY
done

python3 - "$results" <<'PY'
import sys
rows = [dict(p.split("=", 1) for p in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith("BENCH kind=diff")]
print(f"\n{'exchanges':>10}{'wall s':>9}{'CPU s':>8}{'peak MB':>9}{'wall µs/ex':>12}{'CPU µs/ex':>11}{'changed':>9}  CPU/ex vs smallest")
base = float(rows[0]["cpu_us_per_exchange"])
for r in rows:
    per = float(r["cpu_us_per_exchange"])
    print(f"{int(r['exchanges']):>10}{float(r['wall_s']):>9.2f}{float(r['cpu_s']):>8.2f}{float(r['peak_rss_mb']):>9.1f}"
          f"{float(r['us_per_exchange']):>12.1f}{per:>11.1f}{r['changed_exchanges']:>9}  {per / base:.2f}×")
print("(exchanges per side; whole processes, best of rounds, on a shared 2-core machine; linear growth = flat µs/exchange)")
PY
