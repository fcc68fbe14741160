#!/usr/bin/env bash
# Multi-instance proof (issue 15, item 4): two Live Hall instances (the packaged jar) on one PostgreSQL and one Redis,
# Debian's nginx in front of them (infra/nginx/livehall.conf: no sticky sessions, WebSocket upgrade), a scripted client
# mix through nginx (proof.mjs), one instance SIGKILLed mid-run. Exit 0 when every check passed, 1 otherwise;
# 0 with "SKIPPED" when nginx is not installed.
#
#   infra/proof/run.sh           # full run, about 2 minutes after the build
#   infra/proof/run.sh --quick   # the reduced run of `mvn verify` (about 60-90 s)
#
# Environment (defaults in brackets):
#   PROOF_PGHOST [127.0.0.1] PROOF_PGPORT [5432] PROOF_PGUSER [postgres] PROOF_DB [livehall_proof]
#       the database is DROPPED and created again: give the proof a database of its own
#   PROOF_REDIS_URL [redis://127.0.0.1:6379/10]   that Redis database is EMPTIED (flushdb) first
#   PROOF_PORT [8150]     nginx listens there, the instances on PROOF_PORT+1 and PROOF_PORT+2
#   LIVEHALL_JAR [target/livehall.jar]   built with `mvn -B -DskipTests package` when missing
#   NGINX [/usr/sbin/nginx]   JAVA_XMX [512m]   PROOF_KEEP=1 keeps the temporary directory (logs; kept on failure too)
#   PROOF_LOGS   on failure the instances' and nginx's logs are also copied there (mvn verify: target/proof-logs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
. infra/bench/lib/lib.sh

MODE=full
[ "${1:-}" = "--quick" ] && MODE=quick
NGINX=${NGINX:-/usr/sbin/nginx}
if [ ! -x "$NGINX" ]; then
  echo "SKIPPED multi-instance proof: $NGINX is missing (Debian: apt-get install -y nginx; .ci/run installs it)"
  exit 0
fi
for tool in java node psql redis-cli; do
  command -v "$tool" >/dev/null || { echo "SKIPPED multi-instance proof: $tool is not installed"; exit 0; }
done

export PGHOST=${PROOF_PGHOST:-127.0.0.1} PGPORT=${PROOF_PGPORT:-5432} PGUSER=${PROOF_PGUSER:-postgres}
DB=${PROOF_DB:-livehall_proof}
REDIS_URL=${PROOF_REDIS_URL:-redis://127.0.0.1:6379/10}
PORT=${PROOF_PORT:-8150}
PORT1=$((PORT + 1)) PORT2=$((PORT + 2))
JAR=${LIVEHALL_JAR:-target/livehall.jar}
if ! pg_isready -q; then echo "SKIPPED multi-instance proof: no PostgreSQL at $PGHOST:$PGPORT"; exit 0; fi
if [ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null)" != PONG ]; then
  echo "SKIPPED multi-instance proof: no Redis at $REDIS_URL"; exit 0
fi
for p in "$PORT" "$PORT1" "$PORT2"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "multi-instance proof: port $p is in use (set PROOF_PORT: nginx there, the instances on the next two)"; exit 1
  fi
done
if [ ! -f "$JAR" ]; then
  echo "== building $JAR (mvn -B -DskipTests package)"
  mvn -B -q -DskipTests package
fi
(cd infra/bench/stomp && [ -d node_modules/ws ] || npm ci --no-audit --no-fund --silent)

tmp=$(mktemp -d /tmp/livehall-proof.XXXXXX)
pids=()    # the instances' java processes
waiters=() # the subshells waiting for them
nginx_started=
cleanup() {
  local rc=$? p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$nginx_started" ] && "$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -s stop 2>/dev/null || true
  for p in "${waiters[@]}"; do wait "$p" || true; done
  if [ "$rc" != 0 ] && [ -n "${PROOF_LOGS:-}" ]; then
    mkdir -p "$PROOF_LOGS" && cp "$tmp"/app*.log "$tmp"/nginx/logs/*.log "$PROOF_LOGS"/ 2>/dev/null || true
    echo "== logs (instances, nginx) copied to $PROOF_LOGS"
  fi
  if [ "${PROOF_KEEP:-}" = 1 ] || [ "$rc" != 0 ]; then echo "== logs kept in $tmp (instances, nginx)"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "== multi-instance proof ($MODE): nginx :$PORT -> instances :$PORT1 and :$PORT2; database $DB, $REDIS_URL"

# a fresh database and Redis database; one signing key shared by both instances (tokens of one are valid on the other)
psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
redis-cli -u "$REDIS_URL" flushdb >/dev/null
node -e "const c = require('node:crypto'); const k = c.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
         require('node:fs').writeFileSync(process.argv[1], JSON.stringify(k.export({ format: 'jwk' })), { mode: 0o600 })" \
  "$tmp/jwt-signing-key.json"

# nginx: infra/nginx/livehall.conf's upstream and server blocks, pointed at the two local ports, inside an http block
# of a config of its own (no root, no /etc/nginx, no /var); the upstream each answer came from in a response header,
# so the proof can tell which instance holds each connection
mkdir -p "$tmp/nginx/logs" "$tmp/nginx/temp"
# started as root (CI), nginx's workers run as an unprivileged user: they may pass through $tmp and write their temp files
if [ "$(id -u)" = 0 ]; then chmod 711 "$tmp"; chmod 1777 "$tmp/nginx/temp"; fi
{
  echo "worker_processes 1; pid $tmp/nginx/nginx.pid; error_log $tmp/nginx/logs/error.log warn;"
  echo "events { worker_connections 4096; }"
  echo "http {"
  echo "  access_log $tmp/nginx/logs/access.log; client_body_temp_path $tmp/nginx/temp/body;"
  echo "  proxy_temp_path $tmp/nginx/temp/proxy; fastcgi_temp_path $tmp/nginx/temp/fastcgi;"
  echo "  uwsgi_temp_path $tmp/nginx/temp/uwsgi; scgi_temp_path $tmp/nginx/temp/scgi;"
  echo "  default_type application/octet-stream;"
  sed -e "s/server livehall-1:8080/server 127.0.0.1:$PORT1/" -e "s/server livehall-2:8080/server 127.0.0.1:$PORT2/" \
      -e "s/^\( *\)listen 80;/\1listen 127.0.0.1:$PORT;\n\1add_header X-Livehall-Upstream \$upstream_addr always;/" \
      infra/nginx/livehall.conf
  echo "}"
} > "$tmp/nginx/nginx.conf"
grep -q "127.0.0.1:$PORT1" "$tmp/nginx/nginx.conf" && grep -q "listen 127.0.0.1:$PORT;" "$tmp/nginx/nginx.conf" \
  || { echo "infra/nginx/livehall.conf changed shape: the proof could not point it at the local instances"; exit 1; }
"$NGINX" -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>&1 | grep -v 'could not open error log' >&2 || true

# two instances of the packaged jar; Flyway's lock lets them start together on the fresh database
# Each instance runs under a subshell that waits for it: the proof SIGKILLs the java process, and bash reports only
# the subshell's exit (no "Killed" notice in the output).
start_instance() { # start_instance N PORT: sets APP<N> to the java process's pid
  mkdir -p "$tmp/app$1"
  (
    SPRING_R2DBC_URL="r2dbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_R2DBC_USERNAME=$PGUSER SPRING_DATA_REDIS_URL=$REDIS_URL \
    LIVEHALL_EMBEDDED=false LIVEHALL_JWT_KEY_FILE="$tmp/jwt-signing-key.json" \
    LIVEHALL_REALTIME_ALLOWED_ORIGINS="http://127.0.0.1:$PORT" LIVEHALL_HTTP_TRUSTED_PROXIES=127.0.0.1/32 \
      java -Xmx"${JAVA_XMX:-512m}" -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="$2" --livehall.data-dir="$tmp/app$1" \
        > "$tmp/app$1.log" 2>&1 &
    echo $! > "$tmp/app$1.pid"
    wait 2>/dev/null
  ) &
  waiters+=($!)
  while [ ! -s "$tmp/app$1.pid" ]; do sleep 0.1; done
  pids+=("$(cat "$tmp/app$1.pid")")
  eval "APP$1=$(cat "$tmp/app$1.pid")"
}
started=$(date +%s)
start_instance 1 "$PORT1"
start_instance 2 "$PORT2"
bench_wait_ready "$PORT1" 180 "$APP1" "$tmp/app1.log"
bench_wait_ready "$PORT2" 180 "$APP2" "$tmp/app2.log"
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf"
nginx_started=1
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null
echo "== both instances ready after $(($(date +%s) - started)) s (pids $APP1, $APP2), nginx $("$NGINX" -v 2>&1 | sed 's/.*: //')"

if [ "$MODE" = quick ]; then BUYERS=160 PAIRS=12 SLOTS=4; else BUYERS=400 PAIRS=40 SLOTS=10; fi
eval "$(psql -d "$DB" -qAt -v run="$(date +%s)" -v buyers=$BUYERS -v pairs=$PAIRS -v slots=$SLOTS \
        -v out="$tmp/accepts.csv" -f "$here/seed.sql")"

BASE="http://127.0.0.1:$PORT" KEY_FILE="$tmp/jwt-signing-key.json" MODE=$MODE DB=$DB REDIS_URL=$REDIS_URL \
APP1=$APP1 APP2=$APP2 PORT1=$PORT1 PORT2=$PORT2 ACCEPTS="$tmp/accepts.csv" MERCHANT_USER_ID=$MERCHANT_USER_ID \
PRODUCT_ID=$PRODUCT_ID ROOM_A=$ROOM_A ROOM_B=$ROOM_B FIRST_BUYER=$FIRST_BUYER LAST_BUYER=$LAST_BUYER \
ORGANISER_ID=$ORGANISER_ID ADMIN_ID=$ADMIN_ID TRAINING_ID=$TRAINING_ID SERIES_ID=$SERIES_ID FAIR_ID=$FAIR_ID \
SLOTS=$SLOTS \
  node "$here/proof.mjs"
