#!/usr/bin/env bash
# Deploy figures with the example app (examples/apps/hello) on the local orchestrator: deploy
# request to the web process answering through web_url (median of DEPLOYS), redeploys, and the
# failed requests during rolling restarts under load. See bench/deploy_figures.py.
#   DEPLOYS=5 RESTARTS=3 bench/deploy.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
snapshot_server
data=$(mktemp -d /tmp/paas-bench.XXXX)
chmod 711 "$data" # the apps run as an unprivileged user who must pass through it
port=$(free_port)
log=$data.log
cleanup() {
  local status=$?
  stop_server
  rm -rf "$data" "$bench_home"
  if [ "$status" = 0 ]; then rm -f "$log"; else echo "server log kept: $log" >&2; fi
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
start_server "$port" "$data" "$log"
api=http://127.0.0.1:$port
wait_ready "$api/v1/healthz" 120
signup_app "$api" deploys@example.com
tar -czf "$data/hello.tgz" -C "$root/examples/apps/hello" .
BENCH_TOKEN=$TOKEN python3 "$root/bench/deploy_figures.py" "$api" "$data/hello.tgz" "${DEPLOYS:-5}" "${RESTARTS:-3}"
