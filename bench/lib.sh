# Shared by the bench scripts: JDK, tools, a private copy of the server to start, small helpers.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "installing $tool" >&2; apt-get install -y -qq "$tool" >/dev/null; }
done
json_field() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

# snapshot_server: copies bin/ and the server jar into $bench_home, so bin/paas-runtime runs exactly
# as shipped (same script, same JVM options, its own CDS archive) but cannot start a rebuild when
# someone edits sources during the run. Builds the jar (server module only) when it is missing or
# BENCH_BUILD=1; the modules it bundles come from ~/.m2 (mvn install them first when they changed).
snapshot_server() {
  local jar="$root/server/target/paas-runtime-all.jar"
  if [ ! -f "$jar" ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
    echo "building the server jar (server module only)" >&2
    (cd "$root" && mvn -B -q -o -pl server package -DskipTests) >&2
  fi
  bench_home=$(mktemp -d /tmp/paas-bench-home.XXXX)
  mkdir -p "$bench_home/server/target" "$bench_home/bench-classes"
  cp -r "$root/bin" "$bench_home/"
  cp "$jar" "$bench_home/server/target/"
  if [ -d "$root/server/target/test-classes/io/paasruntime/server/bench" ]; then
    mkdir -p "$bench_home/bench-classes/io/paasruntime/server"
    cp -r "$root/server/target/test-classes/io/paasruntime/server/bench" "$bench_home/bench-classes/io/paasruntime/server/"
  fi
  echo "server jar built $(date -u -r "$jar" +%FT%TZ); HEAD now $(git -C "$root" rev-parse --short HEAD)"
}

# start_server PORT DATADIR LOGFILE: starts the snapshot's bin/paas-runtime in the background, sets
# SERVER_PID (bin/paas-runtime execs the JVM, so it is the JVM's pid). The per-token rate limit
# (server.rate-limit.authenticated, 600/min) is raised to 1,000,000/min: the benchmark measures
# throughput, not 429s.
start_server() {
  RUNTIME_SERVER_RATE_LIMIT_AUTHENTICATED=${BENCH_TOKEN_LIMIT:-100000000} \
    "$bench_home/bin/paas-runtime" --port "$1" --data-dir "$2" >"$3" 2>&1 &
  SERVER_PID=$!
}
wait_ready() { # URL, timeout seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "server not ready after $2 s" >&2; return 1; }
    sleep 0.01
  done
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# pss_mb_under DIR: proportional set size of every process whose working directory is below DIR
# (the embedded PostgreSQL's processes share memory: PSS counts it once, RSS once per process)
pss_mb_under() {
  local total=0 p cwd pss
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    case "$cwd" in "$1"/*) ;; *) continue ;; esac
    pss=$(awk '/^Pss:/ {print $2}' "$p/smaps_rollup" 2>/dev/null) || continue
    total=$(( total + ${pss:-0} ))
  done
  echo $(( total / 1024 ))
}
# pids_under DIR: processes whose working directory is below DIR
pids_under() {
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    case "$cwd" in "$1"/*) echo "${p#/proc/}" ;; esac
  done
}
# cpu_ticks PID…: user+system CPU time the processes used so far, in clock ticks (1/100 s)
cpu_ticks() {
  local total=0 p t
  for p in "$@"; do
    t=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null) || continue
    total=$(( total + ${t:-0} ))
  done
  echo "$total"
}
# api_call EXPECTED_STATUS METHOD URL curl-args…: prints the body; on another status says which and
# fails (naming the method and URL only: the arguments may hold a token)
api_call() {
  local expected=$1 method=$2 url=$3 out status
  shift 3
  out=$(curl -s -w '\n%{http_code}' -X "$method" "$url" "$@") || { echo "curl failed: $method $url" >&2; return 1; }
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  [ "$status" = "$expected" ] || { echo "HTTP $status (expected $expected) from $method $url: $out" >&2; return 1; }
  printf '%s' "$out"
}
# signup_app API EMAIL [APP]: signs a tenant up, logs in and creates APP if given; sets TOKEN and APP_ID
signup_app() {
  api_call 201 POST "$1/v1/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"bench-password-1\",\"tenant\":\"bench\"}" >/dev/null
  TOKEN=$(api_call 200 POST "$1/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"bench-password-1\"}" | json_field '["access_token"]')
  [ -n "${3:-}" ] || return 0
  APP_ID=$(api_call 201 POST "$1/v1/apps" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$3\"}" | json_field '["id"]')
}
