# The prologue every benchmark script sources (`source "$(dirname "$0")/common.sh"`): strict mode, the repository
# root as the working directory, the release build, and the names the scripts share:
#   root      the repository                      surety   the release build's binary (or $SURETY_BIN)
#   shared    ../shared, or $SURETY_SHARED          bench    $shared/bench, the peers' harness
# and the helpers
#   bench_results NAME   sets `results` to $BENCH_RESULTS or /tmp/surety-bench-NAME.txt, emptied;
#   setup_peers          installs the peers of ../shared/bench (quietly when already there);
#   bench_fixtures       writes ../shared/bench's fixtures (the recorded examples), tolerating a missing generator.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
# Not every benchmark needs ../shared, so its absence only fails the scripts that use it.
shared=$(cd "${SURETY_SHARED:-../shared}" 2>/dev/null && pwd || echo "${SURETY_SHARED:-../shared}")
bench="$shared/bench"

bench_results() {
  results=${BENCH_RESULTS:-/tmp/surety-bench-$1.txt}
  : >"$results"
}

setup_peers() { (cd "$bench" && ./setup_peers.sh >&2); }

bench_fixtures() { (cd "$bench" && python3 gen_fixtures.py >/dev/null 2>&1 || true); }

# SURETY_BIN names another build to measure (an earlier commit's, for a before/after comparison); then nothing is built.
if [ -n "${SURETY_BIN:-}" ]; then
  surety=$SURETY_BIN
else
  swift build -c release >&2
  surety="$root/.build/release/surety"
fi
