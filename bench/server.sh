#!/usr/bin/env bash
# Server figures: start-to-ready, RSS, bare route vs authenticated route throughput.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
(cd "$root" && mvn -B -q -DskipTests install) >&2
data=$(mktemp -d /tmp/paas-bench.XXXX)
port=$(free_port)
log=$data.log

# first start initialises the embedded PostgreSQL; the figure we want is the restart
start_server "$port" "$data" "$log"; wait_ready "http://127.0.0.1:$port/v1/healthz" 120; stop_server
t0=$(now_ms)
start_server "$port" "$data" "$log"
wait_ready "http://127.0.0.1:$port/v1/healthz" 60
t1=$(now_ms)
echo "start_to_ready_ms: $((t1 - t0))"
sleep 2
echo "rss_after_start_mb: $(rss_mb "$SERVER_PID")"

api=http://127.0.0.1:$port
curl -sf -X POST $api/v1/signup -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-1","tenant":"bench"}' >/dev/null
token=$(curl -sf -X POST $api/v1/auth/login -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-1"}' | json_field '["access_token"]')
app=$(curl -sf -X POST $api/v1/apps -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench-app"}' | json_field '["id"]')

# the bare baseline: a plain Helidon server with one constant route, same JVM settings
bare_port=$(free_port)
cp=$(ls "$root"/server/target/paas-runtime-all.jar):$root/server/target/test-classes
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -cp "$cp" io.paasruntime.server.bench.BareHelidon "$bare_port" >/dev/null 2>&1 &
bare_pid=$!
wait_ready "http://127.0.0.1:$bare_port/constant" 30

lua=$(mktemp /tmp/auth.XXXX.lua)
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$lua"
run_wrk() { # label url [lua]
  wrk -t2 -c"$connections" -d5s --latency ${3:+-s "$3"} "$2" >/dev/null  # warm-up
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency ${3:+-s "$3"} "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$1: rps=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0}"
  eval "${1}_rps=$rps"
}
run_wrk bare "http://127.0.0.1:$bare_port/constant"
kill $bare_pid; wait $bare_pid 2>/dev/null || true
# the authenticated route runs under the per-token limit of 600/min: the bench server lifts it
run_wrk authenticated "$api/v1/apps/$app" "$lua"
python3 -c "print('ratio_authenticated_to_bare: %.2f' % ($authenticated_rps / $bare_rps))"
echo "rss_after_load_mb: $(rss_mb "$SERVER_PID")"
stop_server
rm -rf "$data" "$lua"
