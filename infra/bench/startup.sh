#!/usr/bin/env bash
# Startup time of the packaged app until /actuator/health/readiness answers UP, in three set-ups:
#   embedded-fresh  embedded PostgreSQL + Redis, empty data directory (includes initdb and migrations)
#   embedded-warm   embedded PostgreSQL + Redis, data directory from an earlier run
#   external        the machine's PostgreSQL and Redis (LIVEHALL_DATABASE_URL / LIVEHALL_REDIS_URL)
# Usage: infra/bench/startup.sh [runs=3]   (build first: mvn -DskipTests package)
# Needs for "external": PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=target/livehall.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# one start: prints milliseconds until readiness is UP, then stops the app with SIGTERM
start_once() {
  local data=$1; shift
  local port; port=$(free_port)
  local t0; t0=$(date +%s%N)
  env LIVEHALL_DATA_DIR="$data" "$@" java -jar "$jar" --server.port="$port" > "$work/app.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "app died; log:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  local t1; t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

report() { printf '%-15s runs=%s  median=%5s ms  all=%s\n' "$1" "$runs" "$(printf '%s\n' $2 | median)" "$(echo $2 | tr ' ' ',')"; }

fresh=(); warm=(); external=()
for i in $(seq "$runs"); do
  d="$work/data-$i"
  fresh+=("$(start_once "$d")")
  warm+=("$(start_once "$d")")
done
report embedded-fresh "${fresh[*]}"
report embedded-warm "${warm[*]}"

if pg_isready -q -h 127.0.0.1 -p 5432 && [ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" = PONG ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists livehall_bench with (force)' -c 'create database livehall_bench'
  for i in $(seq "$runs"); do
    external+=("$(start_once "$work/ext" LIVEHALL_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/livehall_bench LIVEHALL_REDIS_URL=redis://127.0.0.1:6379/10)")
  done
  report external "${external[*]}"
else
  echo "external: skipped (no PostgreSQL/Redis on 127.0.0.1)"
fi
