#!/usr/bin/env bash
# The API server's cost over its store, and watch delivery delay with many watchers, in one run
# on this machine: io.disponent.bench.ApiBench. See the Benchmark section of apiserver/README.md.
set -euo pipefail

usage() {
  cat <<'EOF2'
usage: hack/bench-api.sh [--quick] [--json FILE] [--seconds N] [ApiBench options...]
  --quick       short windows (0.5 s warm-up, 1 s measured, a 2 s watch window): a smoke run
  --json FILE   also write every result to FILE as JSON
  --seconds N   the measured window of every point and of the watch writer (default 10)
  Other options go to ApiBench as they are: --inflight 1,16,64,256, --watchers 1000,
  --watch-rate 500, --watch-seconds N, --warmup-seconds N, --skip-watch, --skip-creates,
  --clients 4, --client-threads 4, --watch-clients 4, --healthz-inflight 64.
Environment: BENCH_DIR (parent of the temporary data dirs, default /var/tmp),
             BENCH_JAVA_OPTS (JVM options replacing the defaults below, e.g. to add a JFR recording),
             BENCH_MVN_OPTS (extra Maven options, e.g. -o),
             JAVA_HOME (the JDK; default: java on the PATH).
EOF2
}

ARGS=()
JSON=""
while [ $# -gt 0 ]; do
  case "$1" in
    --json) JSON="${2:?--json needs a file}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
if [ -n "$JSON" ]; then
  JSON="$(cd "$(dirname "$JSON")" && pwd)/$(basename "$JSON")"
  ARGS+=(--json "$JSON")
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
log() { echo "bench-api: [${SECONDS} s] $*" >&2; }

log "building"
# shellcheck disable=SC2086
(cd "$ROOT" && mvn -q -B ${BENCH_MVN_OPTS:-} -DskipTests -pl hack/bench -am install dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt)
BENCH_CP="$ROOT/hack/bench/target/classes:$(cat "$ROOT/hack/bench/target/classpath.txt")"

DATA_PARENT="${BENCH_DIR:-/var/tmp}"
mkdir -p "$DATA_PARENT"
LOG=$(mktemp "${TMPDIR:-/tmp}/bench-api.XXXXXX.log")
TABLES=$(mktemp "${TMPDIR:-/tmp}/bench-api.XXXXXX.txt")
log "data under $DATA_PARENT on $(df -P "$DATA_PARENT" | awk 'NR == 2 {print $1}'); full log in $LOG"

# One JVM holds the store, the server and the client: a fixed heap big enough for the watch
# cache and the bench's bookkeeping, G1 (the default) with its pauses left visible in the p99s.
# shellcheck disable=SC2206
JAVA_OPTS=(${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch})

# Progress lines ("[  12.3s] ...") to the terminal, the libraries' chatter only to the log; the
# tables go to a file and are shown once the run has finished.
status=0
"$JAVA" "${JAVA_OPTS[@]}" -cp "$BENCH_CP" io.disponent.bench.ApiBench --data-dir "$DATA_PARENT" "${ARGS[@]}" \
  2>&1 >"$TABLES" | tee -a "$LOG" | { grep --line-buffered '^\[' >&2 || true; } || status=$?
echo
cat "$TABLES"
rm -f "$TABLES"
if [ "$status" != 0 ]; then
  log "ApiBench exited with $status; the end of its log:"; tail -n 40 "$LOG" >&2
  exit "$status"
fi
[ -z "$JSON" ] || log "results in $JSON"
log "done in ${SECONDS} s"
