#!/usr/bin/env bash
# Flash-sale order benchmark (see README.md). From the repository root, after `mvn -DskipTests package`:
#   infra/bench/orders/run.sh
# Starts the packaged app against the machine's PostgreSQL and Redis, runs bench.mjs (accepted orders/s, then
# refused buys/s), verifies every order in PostgreSQL, runs pgbench's bare hot-row update with the same number of
# clients on the same database, stops the app and prints everything. Bounded: about 5 minutes.
# APP_ARGS adds settings to the app's command line (e.g. --spring.r2dbc.pool.max-size=40).
# JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=delay=40s,duration=20s,filename=/tmp/orders.jfr).
# CPUS confines the whole run (app, client, Redis, every PostgreSQL process, pgbench) to those cores (taskset list,
# e.g. CPUS=0); PostgreSQL's processes get all cores back at the end. Unset: no confinement.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/lib.sh"
DB=${DB:-livehall_orders}
REDIS_PORT=${REDIS_PORT:-6396}
PORT=${PORT:-18096}
CLIENTS=${CLIENTS:-64}
DURATION=${DURATION:-20}
BUYERS=${BUYERS:-2000}
QUANTITY=${QUANTITY:-1000000}
DATA=${DATA:-/tmp/livehall-orders-bench}
OUT=${OUT:-$DATA/results}
export PGHOST=127.0.0.1 PGUSER=postgres
mkdir -p "$OUT"
run=$(date +%s)
all_cpus="0-$(($(nproc --all) - 1))"
pin() { # pin CPUS PID...: every thread of each process onto CPUS (no-op without CPUS)
  local cpus=$1; shift
  [ -n "${CPUS:-}" ] || return 0
  local p
  for p in "$@"; do taskset -a -p -c "$cpus" "$p" >/dev/null; done
}

echo "== machine: $(nproc) cores, $(uname -r), $(date -u +%FT%TZ), load: $(bench_load), confined to cores: ${CPUS:-none}"
bench_redis "$REDIS_PORT"
REDIS_PID=$(pgrep -f "redis-server.*:$REDIS_PORT" | head -1)
# new PostgreSQL backends inherit the postmaster's affinity, so the app's and pgbench's connections are confined too
pin "${CPUS:-}" $(pgrep -x postgres) "$REDIS_PID"

SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:5432/$DB" SPRING_R2DBC_USERNAME=postgres \
SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
  java -Xmx1g ${JAVA_OPTS:-} -jar target/livehall.jar --server.port="$PORT" --livehall.data-dir="$DATA" \
       --livehall.orders.max-attempts-per-window=100000000 ${APP_ARGS:-} > "$OUT/app-$run.log" 2>&1 &
app=$!
pin "${CPUS:-}" $app
trap 'kill $app 2>/dev/null || true; pin "$all_cpus" $(pgrep -x postgres) "$REDIS_PID"' EXIT
bench_wait_ready "$PORT" 120

eval "$(psql -d "$DB" -v run="$run" -v buyers="$BUYERS" -qAt -f "$here/setup.sql")"
echo "== app pid $app on :$PORT; session $SESSION_ID, buyers $FIRST_BUYER..$LAST_BUYER"

commits() { psql -d "$DB" -qAt -c "select xact_commit + xact_rollback from pg_stat_database where datname = '$DB'"; }
BASE="http://127.0.0.1:$PORT" KEY_FILE="$DATA/secrets/jwt-signing-key.json" MERCHANT_USER_ID=$MERCHANT_USER_ID \
PRODUCT_ID=$PRODUCT_ID SESSION_ID=$SESSION_ID SOLDOUT_SESSION_ID=$SOLDOUT_SESSION_ID FIRST_BUYER=$FIRST_BUYER \
LAST_BUYER=$LAST_BUYER CLIENTS=$CLIENTS SECONDS=$DURATION QUANTITY=$QUANTITY OUT="$OUT/orders-$run.json" \
WARMUP_SECONDS=${WARMUP:-120} APP_PID=$app DB=$DB REDIS_PID=$REDIS_PID \
  ${CPUS:+taskset -c "$CPUS"} node "$here/bench.mjs"
cat "$OUT/orders-$run.json"

deal=$(node -e "console.log(require('$OUT/orders-$run.json').dealId)")
soldout=$(node -e "console.log(require('$OUT/orders-$run.json').soldOutDealId)")
accepted=$(node -e "console.log(require('$OUT/orders-$run.json').accepted.total201)")
echo "== verification in PostgreSQL (deal $deal: the HTTP client saw $accepted orders accepted)"
psql -d "$DB" -qAt <<SQL
select 'orders committed: ' || count(*) || ', units sold: ' || coalesce(sum(quantity), 0) from customer_order where deal_id = $deal;
select 'units left in shards: ' || sum(remaining) || ', quantity: ' || (select quantity from flash_deal where id = $deal)
       || ', oversold: ' || greatest(0, (select coalesce(sum(quantity), 0) from customer_order where deal_id = $deal)
                                        + sum(remaining) - (select quantity from flash_deal where id = $deal))
from flash_deal_stock where deal_id = $deal;
select 'orders per shard: min ' || min(n) || ', max ' || max(n) from (select count(*) n from customer_order where deal_id = $deal group by deal_shard) s;
select 'sold-out deal: ' || count(*) || ' order(s) (the one unit)' from customer_order where deal_id = $soldout;
SQL
test "$(psql -d "$DB" -qAt -c "select count(*) from customer_order where deal_id = $deal")" = "$accepted"

echo "== pgbench: bare conditional hot-row update, $CLIENTS clients, ${DURATION}s, same database"
psql -d "$DB" -qc "drop table if exists bench_hot_row; create table bench_hot_row (id int primary key, stock bigint not null);
                   insert into bench_hot_row values (1, 1000000000000)"
pg_cpu() { # CPU ms of pgbench's backends on this database and of pgbench itself (USER_HZ = 100)
  local t=0 p
  for p in $(pgrep -f "postgres: postgres $DB ") $(pgrep -x pgbench); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $((t * 10))
}
${CPUS:+taskset -c "$CPUS"} pgbench -n -c "$CLIENTS" -j 2 -T "$DURATION" -f "$here/hot-row.sql" "$DB" > "$OUT/pgbench-$run.txt" &
bench=$!
sleep 2; before=$(pg_cpu); sleep $((DURATION - 4)); after=$(pg_cpu)
wait $bench
grep -E "tps|latency|clients" "$OUT/pgbench-$run.txt"
tps=$(grep -oP 'tps = \K[0-9.]+' "$OUT/pgbench-$run.txt")
echo "pgbench CPU (PostgreSQL backends + pgbench): $(( after - before )) ms over $((DURATION - 4)) s, about $(node -e "console.log(($((after - before)) / ($tps * $((DURATION - 4)))).toFixed(3))") ms per transaction"
psql -d "$DB" -qc "drop table bench_hot_row"
echo "== load after: $(bench_load)"
