#!/usr/bin/env bash
# The serve stack in-process (issue 4): one mocked GET at a time through the HTTP parser, the stack that
# `surety serve --mock --quiet` runs on its event loop (admin, validation, mock) and the serializer, with no socket.
# Prints the best round's nanoseconds per request and, where valgrind is installed, the instructions per request
# (callgrind, the difference between a run of REQUESTS+N and one of N requests: repeatable whatever else the machine
# is doing, so it compares two commits on a loaded machine). The socket side is Benchmarks/serve.sh.
#
# usage: Benchmarks/stack.sh        REQUESTS=200000, ROUNDS=5, COUNTED=3000 (requests counted by callgrind); CORS=0 leaves
#        out the CORS layer that `surety serve` adds on loopback (the requests carry no Origin)
source "$(dirname "$0")/common.sh"
package="$root/Benchmarks/StackBench"
swift build -c release --package-path "$package" >&2
bench="$package/.build/release/stack-bench"
"$bench" "$root/contracts" "${REQUESTS:-200000}" "${ROUNDS:-5}"
if command -v valgrind >/dev/null; then
  counted=${COUNTED:-3000}
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" "$root/contracts" "$1" 1 2>&1 >/dev/null \
      | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
  }
  base=$(instructions 1)
  more=$(instructions $((counted + 1)))
  echo "BENCH kind=stack-instructions requests=$counted instructions_per_request=$(( (more - base) / counted ))"
fi
