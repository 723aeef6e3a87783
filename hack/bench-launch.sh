#!/usr/bin/env bash
# From a Service create to all N tasks RUNNING on one real agent (N = 1, 10, 100 by default):
# io.disponent.e2e.LaunchBenchE2E with a real `disponent up --no-agent` and `disponent agent`.
# See the Benchmark sections of controllers/README.md and node-agent/README.md.
set -euo pipefail

usage() {
  cat <<'EOF2'
usage: hack/bench-launch.sh [--sizes 1,10,100] [--rounds 5]
Environment: BENCH_MVN_OPTS (extra Maven options, e.g. -o).
EOF2
}

SIZES=1,10,100
ROUNDS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="${2:?--sizes needs a list}"; shift ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck disable=SC2086
mvn -B -q ${BENCH_MVN_OPTS:-} -DskipTests install -pl cli -am
rm -f test-e2e/target/launch-bench.md
LOG=$(mktemp "${TMPDIR:-/tmp}/bench-launch.XXXXXX.log")
echo "bench-launch: full log in $LOG" >&2
status=0
# shellcheck disable=SC2086
mvn -B ${BENCH_MVN_OPTS:-} verify -pl test-e2e -Dit.test=LaunchBenchE2E -Dbench.launch=true \
  -Dbench.sizes="$SIZES" -Dbench.rounds="$ROUNDS" >"$LOG" 2>&1 || status=$?
grep -E '^\[launch-bench\]' "$LOG" >&2 || true
if [ "$status" != 0 ] || [ ! -f test-e2e/target/launch-bench.md ]; then
  echo "bench-launch: failed (exit $status); the end of the log:" >&2; tail -n 40 "$LOG" >&2
  exit 1
fi
cat test-e2e/target/launch-bench.md
