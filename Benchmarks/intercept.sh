#!/usr/bin/env bash
# The cost of one request intercepted in-process by SuretyTesting (issue 20) against the same request over loopback
# to `surety serve --mock --quiet`: both sent through URLSession, sequentially, release builds; prints microseconds
# per request each way and the ratio loopback / in-process.
#
# usage: Benchmarks/intercept.sh        REQUESTS=2000, ROUNDS=5
source "$(dirname "$0")/common.sh"
package="$root/Benchmarks/InterceptBench"
swift build -c release --package-path "$package" --product intercept-bench >&2
out=$(mktemp)
"$surety" serve --mock --quiet --port 0 --contracts "$root/contracts" >"$out" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$out")
"$package/.build/release/intercept-bench" "$root/contracts" "$base" "${REQUESTS:-2000}" "${ROUNDS:-5}"
