# Shell helpers of the bench run.sh scripts (source it: . "$(dirname "$0")/../lib/lib.sh").

# bench_load: the 1, 5 and 15 minute load averages.
bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

# bench_wait_ready PORT TRIES [PID LOG]: waits (a second a try) until the app on PORT is ready; with PID and LOG,
# prints the log and fails as soon as the app died. Without them it fails after the last try if it is not ready.
bench_wait_ready() {
  local port=$1 tries=$2 pid=${3:-} log=${4:-}
  for _ in $(seq 1 "$tries"); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0
    if [ -n "$pid" ]; then kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }; fi
    sleep 1
  done
  [ -n "$pid" ] || curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null
}

# bench_start_app PORT LOG [app arguments...]: starts target/livehall.jar with the bench endpoints on
# DATABASE_URL / REDIS_URL (JAVA_OPTS adds JVM options); sets APP to its pid.
bench_start_app() {
  local port=$1 log=$2; shift 2
  LIVEHALL_DATABASE_URL=$DATABASE_URL LIVEHALL_REDIS_URL=$REDIS_URL \
    java ${JAVA_OPTS:-} -jar target/livehall.jar --server.port="$port" --livehall.bench.enabled=true "$@" >"$log" 2>&1 &
  APP=$!
}

# bench_register BASE USERNAME PASSWORD: registers a viewer (display name 模板, the seeds' template account).
bench_register() {
  curl -sf -X POST "$1/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\",\"displayName\":\"模板\"}" >/dev/null
}

# bench_login BASE USERNAME PASSWORD: prints the user's access token.
bench_login() {
  curl -sf -X POST "$1/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# bench_redis PORT: a throw-away Redis on PORT unless one answers there.
bench_redis() {
  redis-cli -p "$1" ping >/dev/null 2>&1 || redis-server --port "$1" --save '' --appendonly no --daemonize yes
}
