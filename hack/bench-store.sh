#!/usr/bin/env bash
# Runs the same closed-loop load against a local etcd and a local Disponent store, side by side:
# 3 members against 3 replicas, then 1 against 1. See hack/bench/BENCH.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: hack/bench-store.sh [--quick] [--json FILE] [--replicas 1|3|both] [--systems etcd|disponent|both]
  --quick     short windows (0.5 s warm-up, 1 s measured) and 300 pre-created keys instead of
              1,000: the whole run stays under 3 minutes
  --json      write every result to FILE as a JSON list
  --replicas  which cluster sizes to run (default both: 3, then 1)
  --systems   which systems to run (default both)
Environment: BENCH_DIR (parent of the temporary data dir, default /var/tmp),
             BENCH_BASE_PORT (default 23790; uses BASE+1..3, +11..13, +21..23),
             BENCH_SECONDS / BENCH_WARMUP_SECONDS (override the windows),
             BENCH_TRANSPORT (grpc or netty, Disponent's Raft transport; default grpc),
             BENCH_JAVA_OPTS (extra JVM options of the bench client, e.g. -Dbench.writeBatchesInFlight=1),
             JAVA_HOME (the JDK for the replicas and the client; default: java on the PATH).
EOF
}

QUICK=0
JSON=""
REPLICAS=both
SYSTEMS=both
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --json) JSON="${2:?--json needs a file}"; shift ;;
    --replicas) REPLICAS="${2:?--replicas needs 1, 3 or both}"; shift ;;
    --systems) SYSTEMS="${2:?--systems needs etcd, disponent or both}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
case "$REPLICAS" in 1) SIZES=(1) ;; 3) SIZES=(3) ;; both) SIZES=(3 1) ;; *) usage >&2; exit 2 ;; esac
case "$SYSTEMS" in etcd|disponent|both) ;; *) usage >&2; exit 2 ;; esac
want() { [ "$SYSTEMS" = both ] || [ "$SYSTEMS" = "$1" ]; }

if [ "$QUICK" = 1 ]; then
  SECONDS_MEASURED=${BENCH_SECONDS:-1}; SECONDS_WARMUP=${BENCH_WARMUP_SECONDS:-0.5}; KEYS=300
else
  SECONDS_MEASURED=${BENCH_SECONDS:-10}; SECONDS_WARMUP=${BENCH_WARMUP_SECONDS:-3}; KEYS=1000
fi
if [ -n "$JSON" ]; then
  JSON="$(cd "$(dirname "$JSON")" && pwd)/$(basename "$JSON")"
  rm -f "$JSON"
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TRANSPORT=${BENCH_TRANSPORT:-grpc}
BASE_PORT=${BENCH_BASE_PORT:-23790}
log() { echo "bench-store: [${SECONDS} s] $*" >&2; }

# --- processes: every one we start is recorded and stopped by its own PID ---------------------
PIDS=()
WORK=""
stop_started() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
cleanup() {
  stop_started
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
need_ports() {
  local p
  for p in "$@"; do port_free "$p" || { log "port $p is in use; set BENCH_BASE_PORT"; exit 1; }; done
}

# --- etcd ---------------------------------------------------------------------------------------
ensure_etcd() {
  command -v etcd >/dev/null && command -v etcdctl >/dev/null && return
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  log "installing Debian's etcd-server and etcd-client"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q etcd-server etcd-client >/dev/null \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q etcd-server etcd-client >/dev/null; }
}

ETCD_ENDPOINTS=""
start_etcd() { # members
  local n=$1 i cluster="" endpoints=()
  for i in $(seq 1 "$n"); do
    need_ports $((BASE_PORT + i)) $((BASE_PORT + 10 + i))
    cluster+="${cluster:+,}e$i=http://127.0.0.1:$((BASE_PORT + 10 + i))"
    endpoints+=("127.0.0.1:$((BASE_PORT + i))")
  done
  for i in $(seq 1 "$n"); do
    local client="http://127.0.0.1:$((BASE_PORT + i))" peer="http://127.0.0.1:$((BASE_PORT + 10 + i))"
    etcd --name "e$i" --data-dir "$WORK/etcd-$n/e$i" \
      --listen-client-urls "$client" --advertise-client-urls "$client" \
      --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
      --initial-cluster "$cluster" --initial-cluster-state new --initial-cluster-token "bench-$n-$$" \
      --quota-backend-bytes $((8 * 1024 * 1024 * 1024)) \
      --logger zap --log-outputs stderr >"$WORK/logs/etcd-$n-e$i.log" 2>&1 &
    PIDS+=($!)
  done
  ETCD_ENDPOINTS=$(IFS=,; echo "${endpoints[*]}")
  local deadline=$((SECONDS + 60))
  until ETCDCTL_API=3 etcdctl --endpoints="$ETCD_ENDPOINTS" --command-timeout=2s endpoint health >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "etcd ($n members) not healthy after 60 s; logs:"; tail -n 20 "$WORK"/logs/etcd-"$n"-*.log >&2; exit 1
    fi
    sleep 0.5
  done
  log "etcd $(etcd --version | head -n 1 | awk '{print $3}'): $n members healthy at $ETCD_ENDPOINTS"
}

# --- Disponent ----------------------------------------------------------------------------------
DISPONENT_MEMBERS=""
start_disponent() { # replicas
  local n=$1 i peers=""
  for i in $(seq 1 "$n"); do
    need_ports $((BASE_PORT + 20 + i))
    peers+="${peers:+,}n$i=127.0.0.1:$((BASE_PORT + 20 + i))"
  done
  for i in $(seq 1 "$n"); do
    mkdir -p "$WORK/disponent-$n/n$i"
    "$JAVA" -cp "$STORE_CP" io.disponent.store.StoreServerMain --id "n$i" --address "127.0.0.1:$((BASE_PORT + 20 + i))" \
      --transport "$TRANSPORT" --peers "$peers" --data-dir "$WORK/disponent-$n/n$i" >"$WORK/logs/disponent-$n-n$i.log" 2>&1 &
    PIDS+=($!)
  done
  DISPONENT_MEMBERS=$peers
  local deadline=$((SECONDS + 90))
  for i in $(seq 1 "$n"); do
    until grep -q '^READY' "$WORK/logs/disponent-$n-n$i.log" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        log "Disponent replica n$i not READY after 90 s; log:"; tail -n 30 "$WORK/logs/disponent-$n-n$i.log" >&2; exit 1
      fi
      sleep 0.5
    done
  done
  log "Disponent: $n replicas READY at $peers"
}

# --- build and run ------------------------------------------------------------------------------
want etcd && ensure_etcd
log "building"
(cd "$ROOT" && mvn -q -B -DskipTests -pl hack/bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt)
BENCH_CP="$ROOT/hack/bench/target/classes:$(cat "$ROOT/hack/bench/target/classpath.txt")"
STORE_CP="$ROOT/store/target/classes:$(cat "$ROOT/store/target/classpath.txt")"
if want disponent && [ ! -f "$ROOT/store/target/classes/io/disponent/store/StoreServerMain.class" ]; then
  log "this build has no io.disponent.store.StoreServerMain yet: run with --systems etcd"; exit 1
fi

# etcd's and Disponent's data share this one directory, so one disk.
WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}/disponent-bench.XXXXXX")
mkdir -p "$WORK/logs"
log "data in $WORK on $(df -P "$WORK" | awk 'NR == 2 {print $1}')"

first=1
for n in "${SIZES[@]}"; do
  args=(--seconds "$SECONDS_MEASURED" --warmup-seconds "$SECONDS_WARMUP" --keys "$KEYS")
  if want etcd; then start_etcd "$n"; args+=(--etcd-endpoints "$ETCD_ENDPOINTS"); fi
  if want disponent; then start_disponent "$n"; args+=(--disponent-members "$DISPONENT_MEMBERS"); fi
  if [ -n "$JSON" ]; then
    args+=(--json "$JSON")
    [ $first = 1 ] || args+=(--append-json)
  fi
  echo
  title=""
  want etcd && title="$n-member etcd"
  want disponent && title="${title:+$title vs }$n-replica Disponent"
  echo "== $title (${SECONDS_MEASURED} s windows after ${SECONDS_WARMUP} s warm-up) =="
  # Progress lines ("[  12.3s] ...") to the terminal, the client libraries' chatter only to the log;
  # the tables go to a file and are shown once the pipeline has drained, so the two do not interleave.
  "$JAVA" -Dbench.transport="$TRANSPORT" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" io.disponent.bench.StoreBench "${args[@]}" 2>&1 >"$WORK/tables.txt" \
    | tee -a "$WORK/logs/bench.log" | { grep --line-buffered '^\[' >&2 || true; } \
    || { log "bench failed; its log:"; tail -n 40 "$WORK/logs/bench.log" >&2; exit 1; }
  cat "$WORK/tables.txt"
  stop_started
  rm -rf "$WORK/etcd-$n" "$WORK/disponent-$n"
  first=0
done
[ -z "$JSON" ] || log "results in $JSON"
log "done in ${SECONDS} s"
