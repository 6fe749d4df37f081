#!/usr/bin/env bash
# The stream benchmark (a command, not a test): 1,000,000 small items in one response.
#
#   Verve  Counter.count over HTTP, in process (node.role=both)            127.0.0.1:18093
#   raw    the same NDJSON lines written by hand on vertx-web               127.0.0.1:18094
#          (dev.verve.examples.bench.raw.RawCountVerticle: 16 KB writes, its own back-pressure)
#   Verve  across nodes: a web node, and Counter on a function node (two JVMs, clustered over Hazelcast
#          on 127.0.0.1 with conf/cluster.xml)                               127.0.0.1:18095
#
# Each app is one verticle instance in its own JVM (a stream is one connection). curl reads each answer
# (-N, through wc -l, which checks the count); items/s = items / curl's time_total (request sent to last
# byte read, without curl's own start-up). Rounds alternate the apps; 10 answers each warm them up first.
# Then the slow reader: a client reading count(10000000) at 1 KB/s for 20 s, and the Verve server's heap
# (after a full GC, jcmd GC.run + jstat) before and while it reads.
#
# Usage:  examples/bench/stream.sh
# Env:    ITEMS=1000000 ROUNDS=7 SLOW_SECONDS=20 JAVA=java JAVA_OPTS="-XX:+UseParallelGC -Xms256m -Xmx1g"
#         SKIP_BUILD=1 (reuse the fat jar)  MVN_FLAGS="-q"  OUT=examples/target/bench/stream-<time>
# Output: a table per case (median items/s over rounds, the Verve/raw ratio) and the heap figures; the last
#         lines are `RESULT <case> items_per_s=<n> ratio=<x>` and `RESULT slow_reader heap_growth_mb=<n>`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ITEMS=${ITEMS:-1000000}
ROUNDS=${ROUNDS:-7}
SLOW_SECONDS=${SLOW_SECONDS:-20}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseParallelGC -Xms256m -Xmx1g}
MVN_FLAGS=${MVN_FLAGS:--q}
OUT=${OUT:-$ROOT/examples/target/bench/stream-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the examples fat jar"
  # shellcheck disable=SC2086
  mvn $MVN_FLAGS -B -pl examples -am package -Dmaven.test.skip=true
fi
BUILT=$(ls "$ROOT"/examples/target/verve-examples-*-fat.jar 2>/dev/null | head -1)
[ -f "$BUILT" ] || { echo "no fat jar in examples/target; run without SKIP_BUILD" >&2; exit 1; }
JAR=$OUT/verve-examples-fat.jar
cp "$BUILT" "$JAR"
# conf/cluster.xml on ports 5751-5756 and a cluster name of its own: a demo cluster running beside it stays apart.
sed -E -e 's/127\.0\.0\.1:570([1-6])/127.0.0.1:575\1/; s/>5701<\/port>/>5751<\/port>/; s/<cluster-name>[^<]*</<cluster-name>verve-stream-bench</' \
  "$ROOT/conf/cluster.xml" >"$OUT/cluster.xml"

PIDS=()
start() {  # name port main verticle [extra args...] -> pid on stdout
  local name=$1 port=$2 main=$3 verticle=$4; shift 4
  # shellcheck disable=SC2086
  (cd "$OUT" && exec setsid "$JAVA" $JAVA_OPTS "$@" -cp "$JAR" "$main" "$verticle" \
    -options '{"preferNativeTransport":true}' -conf "{\"http.host\":\"127.0.0.1\",\"http.port\":$port}" ${CLUSTER_ARGS:-}) \
    >"$OUT/$name.log" 2>&1 &
  echo $!
}
stop_all() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -KILL -- "-$p" 2>/dev/null || true; done
  PIDS=()
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM
wait_serving() {  # port path json seconds
  local i
  for i in $(seq 1 $(( $4 * 10 ))); do
    [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -d "$3" "http://127.0.0.1:$1$2" || true)" = 200 ] && return 0
    sleep 0.1
  done
  log "nothing served on $1$2"; return 1
}
# items/s of one answer: curl reads it all, wc counts the lines (NDJSON) or the data: events (SSE).
measure() {  # port path accept -> items/s
  local port=$1 path=$2 accept=$3 n accept_header="Accept: application/x-ndjson"
  [ "$accept" = sse ] && accept_header="Accept: text/event-stream"
  n=$(curl -s -N -X POST -H 'Content-Type: application/json' -H "$accept_header" -d "{\"to\":$ITEMS}" \
    -w '%{stderr}%{time_total}\n' "http://127.0.0.1:$port$path" 2>"$OUT/.time" | grep -c '^\(data: \)\?[0-9]')
  [ "$n" = "$ITEMS" ] || { log "$port$path ($accept): $n items, not $ITEMS"; echo 0; return; }
  awk -v n="$ITEMS" '{printf "%d", n / $1}' "$OUT/.time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
heap_mb() {  # pid -> heap used after a full GC, MB
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jstat -gc "$1" | awk 'NR==2 {printf "%.1f", ($3 + $4 + $6 + $8) / 1024}'
}

log "starting Verve (in process) and raw vertx-web"
PIDS+=("$(start verve 18093 dev.verve.VerveLauncher dev.verve.examples.bench.StreamBenchVerticle)")
PIDS+=("$(start raw 18094 io.vertx.launcher.application.VertxApplication dev.verve.examples.bench.raw.RawCountVerticle)")
wait_serving 18093 /api/Counter/count '{"to":1}' 60
wait_serving 18094 /api/count '{"to":1}' 60
log "starting a function node and a web node (clustered)"
PIDS+=("$(CLUSTER_ARGS="-cluster -cluster-host 127.0.0.1" start functions-node 18096 dev.verve.VerveLauncher \
  dev.verve.examples.bench.StreamBenchVerticle -Dnode.role=functions -Dvertx.hazelcast.config="$OUT/cluster.xml")")
PIDS+=("$(CLUSTER_ARGS="-cluster -cluster-host 127.0.0.1" start web-node 18095 dev.verve.VerveLauncher \
  dev.verve.examples.bench.StreamBenchVerticle -Dnode.role=web -Dvertx.hazelcast.config="$OUT/cluster.xml")")
wait_serving 18095 /api/Counter/count '{"to":1}' 120

log "warming up (10 answers each)"
for i in $(seq 1 10); do
  measure 18093 /api/Counter/count ndjson >/dev/null; measure 18094 /api/count ndjson >/dev/null
  measure 18093 /api/Counter/count sse >/dev/null; measure 18095 /api/Counter/count ndjson >/dev/null
done
: >"$OUT/rounds.tsv"
for r in $(seq 1 "$ROUNDS"); do
  v=$(measure 18093 /api/Counter/count ndjson); w=$(measure 18094 /api/count ndjson)
  s=$(measure 18093 /api/Counter/count sse); c=$(measure 18095 /api/Counter/count ndjson)
  printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$v" "$w" "$s" "$c" | tee -a "$OUT/rounds.tsv" >&2
done
V=$(cut -f2 "$OUT/rounds.tsv" | median); W=$(cut -f3 "$OUT/rounds.tsv" | median)
S=$(cut -f4 "$OUT/rounds.tsv" | median); C=$(cut -f5 "$OUT/rounds.tsv" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

log "slow reader: count(10000000) read at 1 KB/s for ${SLOW_SECONDS} s"
VERVE_PID=${PIDS[0]}
BEFORE=$(heap_mb "$VERVE_PID")
python3 - "$SLOW_SECONDS" <<'PY' &
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.connect(("127.0.0.1", 18093))
body = b'{"to":10000000}'
s.sendall(b"POST /api/Counter/count HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
          + str(len(body)).encode() + b"\r\n\r\n" + body)
end = time.time() + float(sys.argv[1]) + 5
while time.time() < end:
    s.recv(1024); time.sleep(1)
s.close()
PY
READER=$!
sleep "$SLOW_SECONDS"
DURING=$(heap_mb "$VERVE_PID")
wait "$READER" 2>/dev/null || true
GROWTH=$(awk -v a="$DURING" -v b="$BEFORE" 'BEGIN {printf "%.1f", a - b}')

{
  echo
  echo "stream of $ITEMS items, median items/s over $ROUNDS rounds (per round: $OUT/rounds.tsv)"
  printf '%-44s %12s %8s\n' "case" "items/s" "vs raw"
  printf '%-44s %12s %8s\n' "raw vertx-web, NDJSON" "$W" "1.00"
  printf '%-44s %12s %8s\n' "Verve in process, NDJSON" "$V" "$(ratio "$V" "$W")"
  printf '%-44s %12s %8s\n' "Verve in process, text/event-stream" "$S" "$(ratio "$S" "$W")"
  printf '%-44s %12s %8s\n' "Verve, function on another node, NDJSON" "$C" "$(ratio "$C" "$W")"
  echo "slow reader (1 KB/s, ${SLOW_SECONDS} s): Verve heap after GC ${BEFORE} MB before, ${DURING} MB while reading"
  echo "RESULT in_process items_per_s=$V ratio=$(ratio "$V" "$W")"
  echo "RESULT in_process_sse items_per_s=$S ratio=$(ratio "$S" "$W")"
  echo "RESULT across_nodes items_per_s=$C ratio=$(ratio "$C" "$W")"
  echo "RESULT slow_reader heap_growth_mb=$GROWTH"
} | tee "$OUT/summary.txt"
