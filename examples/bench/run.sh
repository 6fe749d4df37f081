#!/usr/bin/env bash
# Verve's benchmark: the shared workload (GET /fortunes page + a JSON function, see WORKLOAD.md of the
# peers) served by the Verve app (dev.verve.examples.bench.BenchVerticle) and by a raw vertx-web baseline
# (dev.verve.examples.bench.raw.RawVerticle), both from the examples fat jar, one verticle per core, under
# Vert.x's launcher with the same JVM flags.
#
# Each round starts one app, checks its answers, warms it up, measures it with wrk, and stops it; then the
# other. The order alternates every round, so both share the machine's noise; ratios are per round.
#
#   Verve  127.0.0.1:18091  GET /fortunes   POST /api/Bench/doubleNumber
#   raw    127.0.0.1:18092  GET /fortunes   POST /api/double
#
# The function's URL differs: Verve serves functions at <api.prefix>/<Interface>/<method> and `double` is a
# Java keyword, so the workload's /api/double cannot be spelled. Request and response bytes are the same
# on both ({"number": 21} -> {"result":42}, Content-Type: application/json).
# The Verve page embeds its state as <script type="application/json" id="verve-state"> (the workload's
# peers use id="state") and adds the runtime's script tag; rows, escaping and the state's "fortunes" list
# are the same.
#
# Usage:  examples/bench/run.sh
# Env:    ROUNDS=3 WARMUP=30 DURATION=10   (seconds per endpoint; defaults keep a run under ~10 minutes.
#                                           JDK 17 needs >= 60 s of load to warm the template path on 2
#                                           cores: for publishable numbers use WARMUP=90 DURATION=30 ROUNDS=5)
#         THREADS=2 CONNS=64 INSTANCES=<nproc> JAVA=java JAVA_OPTS="-XX:+UseParallelGC -Xms512m -Xmx1g"
#         METRICS=1 (Verve under dev.verve.VerveLauncher, Vert.x's metrics on, as the demo runs;
#                    0: Vert.x's plain launcher, as the raw app always runs)
#         SKIP_BUILD=1 (reuse the fat jar)  MVN_FLAGS="-q" (add -o offline)  OUT=examples/target/bench/<time>
#         BASELINE=peer: the raw side is the independent peer in ../shared/peers/vertx-web (its own fat jar,
#                        built there if missing, its own main: one verticle per core, native epoll transport)
#                        instead of this repository's RawVerticle; same URLs, same checks
# Output: per endpoint median req/s, p50/p99, errors, server RSS and the Verve/raw ratio (min..max over
#         rounds); the last lines are `RESULT <endpoint> verve_rps=<n> raw_rps=<n> ratio=<x>`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=$ROOT/examples/bench

ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
INSTANCES=${INSTANCES:-$(nproc)}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseParallelGC -Xms512m -Xmx1g}
MVN_FLAGS=${MVN_FLAGS:--q}
OUT=${OUT:-$ROOT/examples/target/bench/$(date +%Y%m%d-%H%M%S)}
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

declare -A PORT=([verve]=18091 [raw]=18092)
declare -A VERTICLE=([verve]=dev.verve.examples.bench.BenchVerticle [raw]=dev.verve.examples.bench.raw.RawVerticle)
# Verve as it ships: its launcher creates Vert.x with metrics (HTTP, event bus) on; METRICS=0 turns them off.
if [ "${METRICS:-1}" = 1 ]; then VERVE_MAIN=dev.verve.VerveLauncher; else VERVE_MAIN=io.vertx.launcher.application.VertxApplication; fi
declare -A MAIN=([verve]=$VERVE_MAIN [raw]=io.vertx.launcher.application.VertxApplication)
declare -A DOUBLE_PATH=([verve]=/api/Bench/doubleNumber [raw]=/api/double)
declare -A STATE_ID=([verve]=verve-state [raw]=state)

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------- wrk (Debian's package), the jar
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } \
    || { echo "wrk missing and could not be installed: apt-get install -y wrk" >&2; exit 1; }
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the examples fat jar (both apps)"
  # shellcheck disable=SC2086
  mvn $MVN_FLAGS -B -pl examples -am package -Dmaven.test.skip=true
fi
if [ "${BASELINE:-own}" = peer ]; then
  PEER_DIR=$(cd "$ROOT/../shared/peers/vertx-web" 2>/dev/null && pwd) \
    || { echo "BASELINE=peer needs ../shared/peers/vertx-web beside the repository" >&2; exit 1; }
  if [ ! -f "$PEER_DIR/target/peer-fat.jar" ]; then
    log "building the vertx-web peer"
    # shellcheck disable=SC2086
    (cd "$PEER_DIR" && mvn $MVN_FLAGS -B package -Dmaven.test.skip=true)
  fi
  cp "$PEER_DIR/target/peer-fat.jar" "$OUT/peer-fat.jar"
fi
BUILT=$(ls "$ROOT"/examples/target/verve-examples-*-fat.jar 2>/dev/null | head -1)
[ -f "$BUILT" ] || { echo "no fat jar in examples/target; run without SKIP_BUILD" >&2; exit 1; }
# A copy: what was measured stays with the results, and a rebuild during the run cannot touch it.
JAR=$OUT/verve-examples-fat.jar
cp "$BUILT" "$JAR"

# ---------------------------------------------------------------- start / stop, in the app's own process group
PID=
start_app() {  # app round -> sets PID; appends start-up time and idle RSS to starts.tsv
  local app=$1 round=$2 port=${PORT[$1]} t0 code i
  t0=$(date +%s%N)
  # setsid: the JVM leads its own process group (and session), stopped by group id; cwd is the output
  # folder, so no conf/config.json is read and Vert.x's file cache stays out of the source tree.
  if [ "$app" = raw ] && [ "${BASELINE:-own}" = peer ]; then
    # shellcheck disable=SC2086
    (cd "$OUT" && exec setsid "$JAVA" $JAVA_OPTS -Dport="$port" -Dinstances="$INSTANCES" -jar "$OUT/peer-fat.jar") \
      >"$OUT/$app-r$round.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    # Both on Netty's epoll transport, as VerveLauncher (and the peer) choose by default.
    (cd "$OUT" && exec setsid "$JAVA" $JAVA_OPTS -cp "$JAR" "${MAIN[$app]}" \
      "${VERTICLE[$app]}" -instances "$INSTANCES" -options '{"preferNativeTransport":true}' \
      -conf "{\"http.host\":\"127.0.0.1\",\"http.port\":$port}") \
      >"$OUT/$app-r$round.log" 2>&1 &
  fi
  PID=$!
  for i in $(seq 1 1200); do   # at most 60 s
    code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$port/fortunes" || true)
    if [ "$code" = 200 ]; then
      local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      [ "$(ps -o pgid= -p "$PID" 2>/dev/null | tr -d ' ')" = "$PID" ] || log "warning: $app (pid $PID) does not lead its process group"
      echo "$ms" >"$OUT/.startup"
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.05
  done
  log "$app did not serve GET /fortunes with 200 (last status $code); its log:"; cat "$OUT/$app-r$round.log" >&2
  stop_app; return 1
}

WRK=
stop_app() {
  [ -z "$WRK" ] || { kill -TERM "$WRK" 2>/dev/null || true; WRK=; }
  [ -n "$PID" ] || return 0
  kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID" 2>/dev/null || true
  local i
  for i in $(seq 1 40); do
    kill -0 -- "-$PID" 2>/dev/null || { PID=; return 0; }
    sleep 0.25
  done
  kill -KILL -- "-$PID" 2>/dev/null || true
  PID=
}
trap 'stop_app' EXIT
trap 'stop_app; exit 130' INT TERM

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status" 2>/dev/null || echo NA; }
ticks() { local line rest; read -r line <"/proc/$PID/stat"; rest=${line##*) }; set -- $rest; echo $((${12} + ${13})); }
# All CPUs' busy ticks (user, nice, system, irq, softirq, steal): what is not the server's or wrk's is other work.
busy_ticks() { local cpu u n s idle io irq soft steal rest; read -r cpu u n s idle io irq soft steal rest </proc/stat; echo $((u + n + s + irq + soft + steal)); }
# CPU seconds of this script's reaped children (wrk, through timeout), from what bash's `times` wrote to a
# file: `times` must run in this shell, since a subshell has children of its own.
child_secs() { awk 'NR == 2 {s = 0; for (i = 1; i <= 2; i++) {split($i, a, /[ms]/); s += a[1] * 60 + a[2]}; printf "%.3f", s}' "$1"; }

# ---------------------------------------------------------------- correctness (the JUnit test checks more)
verify() {
  local app=$1 base=http://127.0.0.1:${PORT[$1]} path=${DOUBLE_PATH[$1]} page body code
  page=$(curl -s --max-time 5 "$base/fortunes")
  python3 - "$app" "${STATE_ID[$app]}" "$page" <<'PY' || return 1
import html, json, re, sys
app, state_id, page = sys.argv[1:4]
rows = re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td></tr>", page)
assert len(rows) == 13, f"{app}: expected 13 rows, got {len(rows)}"
msgs = [html.unescape(m) for _, m in rows]
assert msgs == sorted(msgs, key=lambda s: s.encode("utf-16-be")), f"{app}: rows not sorted by UTF-16 code units"
assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page, f"{app}: xss row not escaped"
m = re.search(r'<script type="application/json" id="%s">(.*?)</script>' % state_id, page, re.S)
assert m, f"{app}: no state block id={state_id}"
assert "<" not in m.group(1), f"{app}: state not escaped"
state = json.loads(m.group(1))
assert [(f["id"], f["message"]) for f in state["fortunes"]] == [(int(i), s) for (i, _), s in zip(rows, msgs)], \
    f"{app}: state differs from table"
PY
  body=$(curl -s --max-time 5 -X POST -H 'Content-Type: application/json' -d '{"number": 21}' "$base$path")
  [ "$body" = '{"result":42}' ] || { log "$app: POST $path answered '$body', not {\"result\":42}"; return 1; }
  code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{"number": 21' "$base$path")
  [ "$code" = 400 ] || { log "$app: malformed JSON gave $code, not 400"; return 1; }
  code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' "$base$path")
  [ "$code" = 400 ] || { log "$app: a body without number gave $code, not 400"; return 1; }
  echo -e "$app\t$(curl -s --max-time 5 -o /dev/null -w '%{size_download}' "$base/fortunes")" >>"$OUT/sizes.tsv"
}

# ---------------------------------------------------------------- load
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print "NA"}'; }
wrk_run() {  # round app endpoint seconds warmup|measure
  local round=$1 app=$2 endpoint=$3 dur=$4 kind=$5 url lua=() f
  if [ "$endpoint" = fortunes ]; then url=http://127.0.0.1:${PORT[$app]}/fortunes
  else url=http://127.0.0.1:${PORT[$app]}${DOUBLE_PATH[$app]}; lua=(-s "$HERE/post-double.lua"); fi
  f=$OUT/wrk-r$round-$app-$endpoint-$kind.txt
  local load1 t0 t1 s0 s1 b0 b1
  load1=$(cut -d' ' -f1 /proc/loadavg); t0=$(ticks); s0=$(date +%s%N); b0=$(busy_ticks); times >"$OUT/.times0"
  # In the background, so that a signal to this script is handled at once (bash runs traps only
  # between foreground commands, and timeout keeps wrk out of the terminal's process group).
  timeout $((dur + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${dur}s" --timeout 10s --latency "${lua[@]}" "$url" >"$f" 2>&1 &
  WRK=$!
  wait "$WRK" || true
  WRK=
  t1=$(ticks); s1=$(date +%s%N); b1=$(busy_ticks); times >"$OUT/.times1"
  [ "$kind" = measure ] || return 0
  local rps p50 p99 errs non2xx rss cores per
  rps=$(awk '/^Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' "$f" | to_ms)
  errs=$(awk '/Socket errors/ {gsub(",",""); s=0; for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) s+=$i; print s}' "$f")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$f")
  rss=$(rss_mb)
  cores=$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" -v n0="$s0" -v n1="$s1" 'BEGIN {printf "%.3f", (b - a) / hz / ((n1 - n0) / 1e9)}')
  per=$(awk -v r="${rps:-0}" -v c="$cores" 'BEGIN {printf "%.0f", (c > 0 ? r / c : 0)}')
  local wrk_cores other_cores c0 c1
  c0=$(child_secs "$OUT/.times0"); c1=$(child_secs "$OUT/.times1")
  wrk_cores=$(awk -v a="$c0" -v b="$c1" -v n0="$s0" -v n1="$s1" 'BEGIN {printf "%.3f", (b - a) / ((n1 - n0) / 1e9)}')
  other_cores=$(awk -v a="$b0" -v b="$b1" -v hz="$CLK_TCK" -v n0="$s0" -v n1="$s1" -v c="$cores" -v w="$wrk_cores" \
    'BEGIN {o = (b - a) / hz / ((n1 - n0) / 1e9) - c - w; printf "%.3f", (o > 0 ? o : 0)}')
  echo -e "$round\t$app\t$endpoint\t${rps:-0}\t${p50:-NA}\t${p99:-NA}\t$(( ${errs:-0} + ${non2xx:-0} ))\t$rss\t$cores\t$per\t$load1\t$wrk_cores\t$other_cores" >>"$OUT/runs.tsv"
  log "  $app $endpoint: ${rps:-0} req/s p50=${p50:-NA}ms p99=${p99:-NA}ms errors=$(( ${errs:-0} + ${non2xx:-0} )) rss=${rss}MB cpu=$cores -> $per req/cpu-s wrk=$wrk_cores other=$other_cores"
}

# ---------------------------------------------------------------- rounds
echo -e "round\tapp\tendpoint\trps\tp50_ms\tp99_ms\terrors\trss_mb\tcpu_cores\trps_per_cpu\tload1\twrk_cores\tother_cores" >"$OUT/runs.tsv"
echo -e "round\tapp\tstartup_ms\tidle_rss_mb" >"$OUT/starts.tsv"
: >"$OUT/sizes.tsv"
log "results in $OUT; rounds=$ROUNDS warmup=${WARMUP}s duration=${DURATION}s per endpoint; wrk -t$THREADS -c$CONNS;" \
  "instances=$INSTANCES; $("$JAVA" -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="verve raw"; else order="raw verve"; fi
  for app in $order; do
    log "round $round: $app"
    start_app "$app" "$round" || exit 1
    startup=$(cat "$OUT/.startup")
    verify "$app" || { log "$app gave wrong answers: not measured"; exit 1; }
    sleep 1
    idle=$(rss_mb)
    echo -e "$round\t$app\t$startup\t$idle" >>"$OUT/starts.tsv"
    log "  $app: first page served ${startup} ms after launch; idle RSS ${idle} MB"
    for endpoint in fortunes double; do wrk_run "$round" "$app" "$endpoint" "$WARMUP" warmup; done
    for endpoint in fortunes double; do wrk_run "$round" "$app" "$endpoint" "$DURATION" measure; done
    stop_app
  done
done
rm -f "$OUT/.startup"
log "page sizes (bytes): $(sort -u "$OUT/sizes.tsv" | tr '\t\n' '= ')"
python3 "$HERE/summarize.py" "$OUT/runs.tsv" "$OUT/starts.tsv" | tee "$OUT/table.txt"
