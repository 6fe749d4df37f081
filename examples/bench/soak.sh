#!/usr/bin/env bash
# The soak: the demo as one web node and two function nodes on loopback (the README's "Scaling out"),
# under a bounded mixed load for MINUTES, with a function node killed and restarted every few minutes.
# Prints, for the web node and the function node that is never restarted, heap after GC, threads and
# open files after the warm-up (which includes a first restart) and at the end, and the errors; then
# whether it passed:
#   heap after GC at the end within +-10 % of the start, threads and open files flat (the web node's
#   files give or take the slow clients' sockets, which come and go), and errors only
#   for calls in flight at a kill (failed within api.timeout + 2 s after one).
#
# From the repository root:  examples/bench/soak.sh        (builds the fat jar first; SKIP_BUILD=1 reuses it)
# Env: MINUTES=10  WARMUP=60 (s of load before the start figures)  RESTART_EVERY=180 (s)
#      KILL_SIGNAL=KILL (or TERM: a graceful stop)  RATE=100 (requests/s)  SUBSCRIBERS=20  SLOW=20
#      PORT=18180  HZ_BASE=15701 (six Hazelcast ports)  WEB_TIMEOUT_MS=3000 (the web node's api.timeout)
#      JAVA=java  HEAP=-Xmx256m  MVN_FLAGS=-q  OUT=examples/target/soak/<time>
# Database: a PostgreSQL of its own (Debian's postgresql, initdb in OUT, trust auth on 127.0.0.1:PORT+1)
# shared by the three nodes, as the README's cluster runs; without the binaries each node gets an H2 file
# of its own and the load leaves out the todos (which need one shared database).
# Needs bash, curl, a JDK with jcmd. Everything it starts is stopped on exit; logs are in OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

MINUTES=${MINUTES:-10}
WARMUP=${WARMUP:-60}
RESTART_EVERY=${RESTART_EVERY:-180}
KILL_SIGNAL=${KILL_SIGNAL:-KILL}
RATE=${RATE:-100}
SUBSCRIBERS=${SUBSCRIBERS:-20}
SLOW=${SLOW:-20}
PORT=${PORT:-18180}
HZ_BASE=${HZ_BASE:-15701}
WEB_TIMEOUT_MS=${WEB_TIMEOUT_MS:-3000}
JAVA=${JAVA:-java}
JCMD=${JCMD:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd}
HEAP=${HEAP:--Xmx256m}
MVN_FLAGS=${MVN_FLAGS:--q}
OUT=${OUT:-$ROOT/examples/target/soak/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
URL=http://127.0.0.1:$PORT
TOTAL=$(( MINUTES * 60 ))
(( WARMUP < TOTAL )) || { echo "WARMUP ($WARMUP s) must be shorter than MINUTES" >&2; exit 1; }
[ -x "$JCMD" ] || { echo "no jcmd next to $JAVA (set JCMD)" >&2; exit 1; }

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now_ms() { date +%s%3N; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the examples fat jar"
  # shellcheck disable=SC2086
  mvn $MVN_FLAGS -B -pl examples -am package -Dmaven.test.skip=true
fi
BUILT=$(ls "$ROOT"/examples/target/verve-examples-*-fat.jar 2>/dev/null | head -1)
[ -f "$BUILT" ] || { echo "no fat jar in examples/target; run without SKIP_BUILD" >&2; exit 1; }
JAR=$OUT/verve-examples-fat.jar
cp "$BUILT" "$JAR"

PIDS=()
PG_CTL=
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ -n "$PG_CTL" ]; then $PG_CTL -D "$OUT/pg/data" -m immediate stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- the database
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
USER_ARG=
if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]; then
  PG_PORT=$(( PORT + 1 ))
  mkdir -p "$OUT/pg"
  AS=()
  # PostgreSQL refuses to run as root: as root, its commands run as the postgres user of the package.
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$OUT/pg"; AS=(runuser -u postgres --); fi
  "${AS[@]}" "$PG_BIN/initdb" -D "$OUT/pg/data" -U verve --auth=trust -E UTF8 --no-sync >"$OUT/pg/initdb.log" 2>&1
  PG_CTL="${AS[*]} $PG_BIN/pg_ctl"
  $PG_CTL -D "$OUT/pg/data" -l "$OUT/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -h 127.0.0.1 -k $OUT/pg -c fsync=off" start >/dev/null
  DB=postgresql://verve@127.0.0.1:$PG_PORT/postgres
  USER_ARG=soak:soak-password-0123
  log "PostgreSQL on 127.0.0.1:$PG_PORT (data in $OUT/pg)"
else
  DB=
  log "no PostgreSQL binaries: each node gets an H2 file of its own, and the load has no todos"
fi

# ---------------------------------------------------------------- the cluster: conf/cluster.xml on ports of its own
CLUSTER_XML=$OUT/cluster.xml
sed -e "s/<cluster-name>verve</<cluster-name>verve-soak-$HZ_BASE</" \
    -e "s/>5701</>$HZ_BASE</" \
    $(for i in 1 2 3 4 5 6; do echo "-e s/127.0.0.1:570$i</127.0.0.1:$(( HZ_BASE + i - 1 ))</"; done) \
    conf/cluster.xml > "$CLUSTER_XML"
grep -q "127.0.0.1:$HZ_BASE<" "$CLUSTER_XML" || { echo "conf/cluster.xml no longer lists 127.0.0.1:5701..5706" >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi

# start_node ROLE NAME [-Dextra...] -> sets LAST
start_node() {
  local role=$1 name=$2; shift 2
  local db=${DB:-jdbc:h2:$OUT/h2-$name}
  (cd "$OUT" && exec "$JAVA" $HEAP -XX:+UseG1GC "$@" -Dnode.role="$role" -Dvertx.hazelcast.config="$CLUSTER_XML" \
    -Ddb.url="$db" -Dauth.tokenKey=soak-token-key-0123456789abcdef0123 -Dauth.passwordIterations=1000 \
    -jar "$JAR" -cluster -cluster-host 127.0.0.1) >>"$OUT/$name.log" 2>&1 &
  LAST=$!
  PIDS+=("$LAST")
}

wait_for() {  # CMD TIMEOUT_S
  local deadline=$(( $(date +%s) + $2 ))
  until eval "$1" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "timed out waiting for: $1"; exit 1; }
    sleep 0.5
  done
}

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$URL/health/ready")" = 200 ]; }

# figures PID [NAME] -> "heap_after_gc_kb threads open_files"; with NAME, the live objects' class
# histogram goes to OUT/NAME.histo (which classes grew, when the heap did)
figures() {
  local pid=$1 heap
  "$JCMD" "$pid" GC.run >/dev/null
  if [ -n "${2:-}" ]; then
    "$JCMD" "$pid" GC.class_histogram >"$OUT/$2.histo" 2>/dev/null || true
    # Thread names without their numbers: which kind of thread came or went.
    cat /proc/"$pid"/task/*/comm 2>/dev/null | sed 's/[-#]*[0-9]*$//' | sort | uniq -c >"$OUT/$2.threads" || true
  fi
  heap=$("$JCMD" "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  echo "$heap $(ls /proc/"$pid"/task | wc -l) $(ls /proc/"$pid"/fd | wc -l)"
}

log "starting the web node and two function nodes (HTTP $URL, Hazelcast $HZ_BASE..$(( HZ_BASE + 5 )))"
start_node web web -Dhttp.port="$PORT" -Dapi.timeout="$WEB_TIMEOUT_MS"; WEB=$LAST
start_node functions functions-1; FN1=$LAST
start_node functions functions-2; FN2=$LAST
wait_for ready 180
log "ready: $(curl -s "$URL/health/ready")"

log "load for $MINUTES min: $RATE requests/s, $SUBSCRIBERS bridge subscribers, $SLOW slow clients"
T0=$(now_ms)
"$JAVA" -Xmx256m -cp "$JAR" dev.verve.examples.soak.SoakLoad "$URL" "$TOTAL" "$OUT" "$RATE" "$SUBSCRIBERS" "$SLOW" $USER_ARG \
  >"$OUT/load.log" 2>&1 &
LOAD=$!
PIDS+=("$LOAD")

: >"$OUT/kills.txt"
# The first restart is part of the warm-up: a cluster's first change of members makes Hazelcast build its
# per-partition migration state (271 partitions; about 2 MB of live heap on each node, measured), once.
next_restart=$(( T0 / 1000 + WARMUP / 2 ))
start_taken=0
end=$(( T0 / 1000 + TOTAL ))
while kill -0 "$LOAD" 2>/dev/null; do
  t=$(date +%s)
  if [ "$start_taken" = 0 ] && [ "$t" -ge $(( T0 / 1000 + WARMUP )) ]; then
    WEB_START=$(figures "$WEB" web-start); FN1_START=$(figures "$FN1" functions-1-start); start_taken=1
    log "start figures (after $WARMUP s of load): web $WEB_START, functions-1 $FN1_START"
  fi
  # A kill leaves time to see the survivor serve before the end figures.
  if [ "$t" -ge "$next_restart" ] && [ "$t" -lt $(( end - 40 )) ]; then
    log "kill -$KILL_SIGNAL functions-2 (pid $FN2), then start it again"
    echo "$(now_ms) $KILL_SIGNAL $FN2" >>"$OUT/kills.txt"
    kill -"$KILL_SIGNAL" "$FN2" 2>/dev/null || true
    wait "$FN2" 2>/dev/null || true
    start_node functions functions-2; FN2=$LAST
    if [ "$start_taken" = 0 ]; then next_restart=$(( T0 / 1000 + WARMUP + RESTART_EVERY )); else next_restart=$(( t + RESTART_EVERY )); fi
  fi
  if [ "$t" -ge $(( end - 5 )) ] && [ -z "${WEB_END:-}" ]; then
    WEB_END=$(figures "$WEB" web-end); FN1_END=$(figures "$FN1" functions-1-end)
    log "end figures (under load): web $WEB_END, functions-1 $FN1_END"
  fi
  sleep 1
done
wait "$LOAD" || true
[ -n "${WEB_END:-}" ] || { WEB_END=$(figures "$WEB"); FN1_END=$(figures "$FN1"); }
[ -n "${WEB_START:-}" ] || { echo "the load ended before the warm-up did" >&2; exit 1; }

# ---------------------------------------------------------------- report
LOAD_SUMMARY=$(grep '^SOAK-LOAD' "$OUT/load.log" | tail -1 | cut -d' ' -f2-)
# An error is "at a kill" when its call was open at the kill, or started in the api.timeout + 2 s after it.
read -r AT_KILL OTHER < <(awk -v w=$(( WEB_TIMEOUT_MS + 2000 )) '
  FILENAME == ARGV[1] { kill[++k] = $1; next }
  { s = $1; e = $2; at = 0
    for (i = 1; i <= k; i++) if (s <= kill[i] + w && e >= kill[i]) at = 1
    if (at) a++; else o++ }
  END { print a + 0, o + 0 }' "$OUT/kills.txt" "$OUT/errors.log")
METRICS_WEB=$(curl -s "$URL/metrics" | grep -c '^verve_function_calls_seconds_count' || true)

row() {  # name start end
  local s=($2) e=($3)
  printf '%-12s heap after GC %7s KB -> %7s KB (%+.1f %%)   threads %4s -> %4s   open files %4s -> %4s\n' \
    "$1" "${s[0]}" "${e[0]}" "$(awk -v a="${s[0]}" -v b="${e[0]}" 'BEGIN { print (b - a) * 100 / a }')" \
    "${s[1]}" "${e[1]}" "${s[2]}" "${e[2]}"
}
# start end [sockets] -> PASS/FAIL for heap +-10 %, threads and files flat (within max(3, 5 %)); files
# also within [sockets]: the web node's slow clients are closed at the header deadline and reconnect, so
# up to SLOW of their sockets can be open at one reading and not at the other.
verdict() {
  local s=($1) e=($2) slack=${3:-0} ok=PASS
  awk -v a="${s[0]}" -v b="${e[0]}" 'BEGIN { d = (b - a) / a; exit !(d <= 0.10 && d >= -0.10) }' || ok="FAIL(heap)"
  for i in 1 2; do
    awk -v a="${s[$i]}" -v b="${e[$i]}" -v x="$([ "$i" = 2 ] && echo "$slack" || echo 0)" \
      'BEGIN { t = a * 0.05; if (t < 3) t = 3; t += x; exit !(b - a <= t && a - b <= t) }' \
      || ok="FAIL(${ok#PASS}$([ "$i" = 1 ] && echo threads || echo files))"
  done
  echo "$ok"
}

echo
echo "== soak: $MINUTES min, $RATE requests/s, $SUBSCRIBERS subscribers, $SLOW slow clients, database ${DB:-H2 per node}"
echo "restarts of functions-2 (kill -$KILL_SIGNAL): $(wc -l <"$OUT/kills.txt")"
echo "load: $LOAD_SUMMARY"
row web "$WEB_START" "$WEB_END"
row functions-1 "$FN1_START" "$FN1_END"
echo "errors (5xx or failed): $(( AT_KILL + OTHER )) — at a kill: $AT_KILL, other: $OTHER (details: $OUT/errors.log)"
echo "web node /metrics: $METRICS_WEB verve_function_calls_seconds series; health: $(curl -s "$URL/health/ready")"
V_WEB=$(verdict "$WEB_START" "$WEB_END" "$SLOW"); V_FN=$(verdict "$FN1_START" "$FN1_END")
# The classes whose live bytes grew most between the two figures.
growth() {
  [ -f "$OUT/$1-start.histo" ] && [ -f "$OUT/$1-end.histo" ] || return 0
  awk 'FILENAME == ARGV[1] && $1 ~ /^[0-9]+:$/ { a[$4] = $3; next }
       $1 ~ /^[0-9]+:$/ { d = $3 - a[$4]; if (d > 0) print d, $4 }' "$OUT/$1-start.histo" "$OUT/$1-end.histo" \
    | sort -rn | awk -v n="$1" 'NR <= 5 { l = l sprintf(" %s +%d KB;", $2, $1 / 1024) } END { print n ", live bytes grown most:" l }'
}
# Kinds of threads whose number changed.
threads_changed() {
  [ -f "$OUT/$1-start.threads" ] && [ -f "$OUT/$1-end.threads" ] || return 0
  awk 'FILENAME == ARGV[1] { $1 = $1; n = $1; $1 = ""; a[$0] = n; next }
       { $1 = $1; n = $1; $1 = ""; b[$0] = n }
       END { for (k in b) if (b[k] != a[k]) l = l sprintf(" %s %d->%d;", k, a[k], b[k])
             for (k in a) if (!(k in b)) l = l sprintf(" %s %d->0;", k, a[k])
             print "'"$1"', threads changed:" (l == "" ? " none" : l) }' "$OUT/$1-start.threads" "$OUT/$1-end.threads"
}
growth web
growth functions-1
threads_changed web
threads_changed functions-1
echo "web: $V_WEB   functions-1: $V_FN   errors outside kills: $([ "$OTHER" = 0 ] && echo PASS || echo FAIL)"
if [ "$V_WEB" = PASS ] && [ "$V_FN" = PASS ] && [ "$OTHER" = 0 ]; then echo "SOAK PASS"; else echo "SOAK FAIL"; exit 1; fi
