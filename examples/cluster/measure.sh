#!/usr/bin/env bash
# Runs the README's "Scaling out" commands in the background and measures them:
#   cluster formation (start -> first call served through the web node), round-robin,
#   kill -9 of a function node and SIGTERM of another (how long until calls consistently succeed),
#   and TotalSubscriber receiving counter.total.
#
# The topology the README recommends: every node on one PostgreSQL (an embedded H2 file serves one process
# only, and a second process on it refuses to start). The database is DB_URL (postgresql://...) when set;
# otherwise the script starts a temporary PostgreSQL of Debian's package on a free loopback port, the way
# the PostgreSQL tests do (initdb in a temporary directory, trust authentication for the role verve, as the
# postgres user when run as root), and removes it on exit.
#
# From the repository root, after `mvn -pl examples -am package -DskipTests`:
#   examples/cluster/measure.sh                      # or: DB_URL=postgresql://verve@127.0.0.1:5432/postgres ...
# Needs bash, curl and free ports 8080 and 5701-5706. Every node it starts is stopped on exit;
# their logs are in target/cluster-measure/ (WEB_TIMEOUT_MS=3000 by default, so that a call lost with
# a killed node fails within seconds instead of 30).
set -euo pipefail

JAR=examples/target/verve-examples-0.1.0-SNAPSHOT-fat.jar
LOGS=target/cluster-measure
WEB_TIMEOUT_MS=${WEB_TIMEOUT_MS:-3000}
URL=http://127.0.0.1:8080
[ -f "$JAR" ] || { echo "no $JAR: run mvn -pl examples -am package -DskipTests first" >&2; exit 1; }
[ -f conf/cluster.xml ] || { echo "run from the repository root" >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then echo "port 8080 is taken" >&2; exit 1; fi
mkdir -p "$LOGS"

PIDS=()
PG_DIR=
# As root, PostgreSQL's commands run as the postgres user its package creates (it refuses to run as root).
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ -n "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT

now() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# The README's commands, in the background ($1: role, $2: log name, then extra -D options).
start_node() {
  local role=$1 name=$2; shift 2
  java "$@" -Dnode.role="$role" -Dvertx.hazelcast.config=conf/cluster.xml \
    -jar "$JAR" -cluster -cluster-host 127.0.0.1 > "$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
  LAST=$!
}

whoami() { curl -s -m 10 -X POST "$URL/api/Nodes/whoami" 2>/dev/null || true; }
pid_of() { sed -n 's/.*pid \([0-9]*\).*/\1/p' <<< "$1"; }

# wait_for CMD TIMEOUT_S: until CMD succeeds
wait_for() {
  local deadline=$(( $(now) + $2 * 1000 ))
  until eval "$1"; do
    [ "$(now)" -lt "$deadline" ] || { echo "timed out waiting for: $1" >&2; exit 1; }
    sleep 0.1
  done
}

# probe OUT SECONDS: a call every 100 ms, in parallel; lines "start_ms status body"
probe() {
  local out=$1 end=$(( $(now) + $2 * 1000 ))
  : > "$out"
  while [ "$(now)" -lt "$end" ]; do
    ( s=$(now); r=$(curl -s -m 40 -X POST -w ' %{http_code}' "$URL/api/Nodes/whoami" || echo ' 000')
      echo "$s ${r##* } $(pid_of "$r")" >> "$out" ) &
    sleep 0.1
  done
  wait   # run in the background, this subshell's only children are the calls
}

# window OUT T0: seconds from T0 until every later call succeeded, and the failed calls
window() {
  sort -n "$1" | awk -v t0="$2" '
    { start[NR] = $1; ok[NR] = ($2 == 200); if ($2 != 200) { failed++; codes[$2]++ } }
    END { last = 0; for (i = 1; i <= NR; i++) if (!ok[i]) last = i
          if (last == NR) { print "NEVER: the last call failed"; exit }
          w = last == 0 ? 0 : (start[last + 1] - t0) / 1000; if (w < 0) w = 0
          c = ""; for (k in codes) c = c " " codes[k] "x" k
          printf "%.2f s (%d calls, %d failed%s)\n", w, NR, failed, c }'
}

if [ -z "${DB_URL:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$PG_BIN" ] || { echo "no PostgreSQL server: install Debian's postgresql package, or set DB_URL" >&2; exit 1; }
  PG_PORT=55432
  while (exec 3<>/dev/tcp/127.0.0.1/$PG_PORT) 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  PG_DIR=$(mktemp -d /tmp/verve-measure-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U verve --auth=trust -E UTF8 --no-sync > "$LOGS/initdb.log" 2>&1
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DIR -c fsync=off" start > "$LOGS/pg_ctl.log" 2>&1
  DB_URL=postgresql://verve@127.0.0.1:$PG_PORT/postgres
  echo "== PostgreSQL $(basename "$(dirname "$PG_BIN")") started for the run: $DB_URL"
else
  echo "== PostgreSQL: $DB_URL"
fi
# Every node on the same database and token key, as the README's commands.
DB=(-Ddb.url="$DB_URL" -Dauth.tokenKey=measure-token-key-of-32-or-more-characters)

echo "== formation: web node, then two function nodes started together"
t0=$(now)
start_node web web "${DB[@]}" -Dapi.timeout="$WEB_TIMEOUT_MS"; WEB=$LAST
wait_for '[ "$(curl -s -o /dev/null -w %{http_code} -X POST $URL/api/Nodes/whoami)" = 503 ]' 90
echo "web node answering (503: no function node yet) after $(secs $(( $(now) - t0 ))) s"
t1=$(now)
start_node functions functions-1 "${DB[@]}"; F1=$LAST
start_node functions functions-2 "${DB[@]}"; F2=$LAST
wait_for '[ -n "$(pid_of "$(whoami)")" ]' 90
echo "first call served through the web node $(secs $(( $(now) - t1 ))) s after starting the function nodes"
seen=" "
wait_for 'p=$(pid_of "$(whoami)"); [ -n "$p" ] && seen="$seen$p "; [[ "$seen" == *" $F1 "* && "$seen" == *" $F2 "* ]]' 60
echo "both function nodes serving $(secs $(( $(now) - t1 ))) s after starting them"
echo -n "whoami x6:"; for i in 1 2 3 4 5 6; do echo -n " $(pid_of "$(whoami)")"; done; echo " (function nodes: $F1 $F2)"
echo "doubleServer(21) through the web node: $(curl -s -X POST -H 'Content-Type: application/json' -d '{"number":21}' $URL/api/Counter/doubleServer)"

echo "== TotalSubscriber"
java -Dvertx.hazelcast.config=conf/cluster.xml -cp "$JAR" dev.verve.examples.TotalSubscriber \
  > "$LOGS/subscriber.out" 2> "$LOGS/subscriber.log" &
PIDS+=($!); SUB=$!
t2=$(now)
wait_for 'grep -q Joined "$LOGS/subscriber.out"' 90
echo "subscriber joined after $(secs $(( $(now) - t2 ))) s"
total=$(curl -s -X POST $URL/api/Counter/highFive)
wait_for 'grep -q "counter.total = $total" "$LOGS/subscriber.out"' 10
echo "highFive -> $total; the subscriber printed: $(grep "counter.total = $total" "$LOGS/subscriber.out")"
kill -TERM "$SUB"

echo "== kill -9 of function node $F2 (web node's api.timeout: $WEB_TIMEOUT_MS ms)"
probe "$LOGS/kill.txt" $(( WEB_TIMEOUT_MS / 1000 + 8 )) &
PROBER=$!
sleep 2; tk=$(now); kill -9 "$F2"
wait "$PROBER"
echo "calls consistently succeed again $(window "$LOGS/kill.txt" "$tk") after the kill"

echo "== a third function node joins the running cluster"
t3=$(now)
start_node functions functions-3 "${DB[@]}"; F3=$LAST
wait_for '[ "$(pid_of "$(whoami)")" = "$F3" ]' 90
echo "it served its first call $(secs $(( $(now) - t3 ))) s after its start"

echo "== SIGTERM (Ctrl-C) of function node $F1"
probe "$LOGS/term.txt" $(( WEB_TIMEOUT_MS / 1000 + 8 )) &
PROBER=$!
sleep 2; tt=$(now); kill -TERM "$F1"
wait "$PROBER"
echo "calls consistently succeed again $(window "$LOGS/term.txt" "$tt") after the signal"
