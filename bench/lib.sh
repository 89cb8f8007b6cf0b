# Shared by the bench scripts: JDK, build, a server on a fresh data dir, JSON field extraction.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
json_field() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
# start_server PORT DATADIR LOGFILE: starts bin/paas-runtime in the background, sets SERVER_PID
start_server() {
  RUNTIME_SERVER_RATE_LIMIT_AUTHENTICATED=${BENCH_TOKEN_LIMIT:-100000000} \
    "$root/bin/paas-runtime" --port "$1" --data-dir "$2" >"$3" 2>&1 &
  SERVER_PID=$!
}
wait_ready() { # URL, timeout seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "server not ready after $2 s" >&2; return 1; }
    sleep 0.02
  done
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# the JVM is the child of the bin/paas-runtime exec, i.e. the same PID
