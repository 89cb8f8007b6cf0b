#!/usr/bin/env bash
# Server figures: start-to-ready of bin/paas-runtime on an initialised data dir (median of STARTS),
# RSS after start, and wrk requests/s with p50/p99 for a bare Helidon route returning a constant
# vs. the authenticated GET /v1/apps/:id, plus their ratio.
#   DURATION=15s CONNECTIONS=32 STARTS=5 bench/server.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
starts=${STARTS:-5}
snapshot_server
data=$(mktemp -d /tmp/paas-bench.XXXX)
port=$(free_port)
log=$data.log
cleanup() {
  local status=$?
  stop_server; kill ${bare_pid:-} 2>/dev/null || true
  rm -rf "$data" "$bench_home" ${lua:-}
  if [ "$status" = 0 ]; then rm -f "$log"; else echo "server log kept: $log" >&2; fi
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

# the first start initialises the embedded PostgreSQL and writes the CDS archive; the figure
# wanted is a start with both in place
start_server "$port" "$data" "$log"; wait_ready "http://127.0.0.1:$port/v1/healthz" 120; stop_server
times=()
for i in $(seq "$starts"); do
  t0=$(now_ms)
  start_server "$port" "$data" "$log"
  wait_ready "http://127.0.0.1:$port/v1/healthz" 60
  t1=$(now_ms)
  times+=($((t1 - t0)))
  [ "$i" = "$starts" ] || stop_server
done
echo "start_to_ready_ms: median $(printf '%s\n' "${times[@]}" | median) (runs: ${times[*]})"
sleep 2
echo "rss_after_start_mb: $(rss_mb "$SERVER_PID") (JVM); embedded PostgreSQL PSS: $(pss_mb_under "$data") MB"

api=http://127.0.0.1:$port
signup_app "$api" bench@example.com bench-app
token=$TOKEN app=$APP_ID

# the bare baseline: a plain Helidon server with one constant route, the server's JVM options
bare_port=$(free_port)
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xms64m -Xmx256m -cp "$bench_home/server/target/paas-runtime-all.jar:$bench_home/bench-classes" \
  io.paasruntime.server.bench.BareHelidon "$bare_port" >/dev/null 2>&1 &
bare_pid=$!
wait_ready "http://127.0.0.1:$bare_port/constant" 30

lua=$(mktemp /tmp/auth.XXXX.lua)
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$lua"
# run_wrk LABEL URL LUA|"" PID…: wrk figures plus the CPU the listed processes spent per request
# (less sensitive than requests/s to other load on a shared machine)
run_wrk() {
  local label=$1 url=$2 script=$3 before after requests
  shift 3
  wrk -t2 -c"$connections" -d5s --latency ${script:+-s "$script"} "$url" >/dev/null  # warm-up
  before=$(cpu_ticks "$@")
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency ${script:+-s "$script"} "$url")
  after=$(cpu_ticks "$@")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  errors=$(echo "$out" | awk '/Socket errors/ {print $0}')
  echo "$label: rps=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0} cpu_us_per_request=$(( (after - before) * 10000 / requests ))${errors:+ ($errors)}"
  eval "${label}_rps=$rps"
}
run_wrk bare "http://127.0.0.1:$bare_port/constant" "" "$bare_pid"
kill $bare_pid; wait $bare_pid 2>/dev/null || true
# the server's CPU includes the embedded PostgreSQL's processes
run_wrk authenticated "$api/v1/apps/$app" "$lua" "$SERVER_PID" $(pids_under "$data")
python3 -c "print('ratio_authenticated_to_bare: %.2f' % ($authenticated_rps / $bare_rps))"
echo "rss_after_load_mb: $(rss_mb "$SERVER_PID") (JVM)"
