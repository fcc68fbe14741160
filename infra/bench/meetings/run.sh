#!/usr/bin/env bash
# Meeting-booking benchmark (see README.md). From the repository root, after `mvn -DskipTests package`:
#   infra/bench/meetings/run.sh
# Starts the packaged app against the machine's PostgreSQL and Redis, prepares ROUNDS × (a race fair with one table and
# a spread fair with a table per pair), fires every round's 200 accepts at once, verifies in PostgreSQL that no place
# and no participant is booked twice and that each race fair booked exactly its slots, stops the app. About 3 minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/lib.sh"
DB=${DB:-livehall_meetings}
REDIS_PORT=${REDIS_PORT:-6397}
PORT=${PORT:-18097}
ROUNDS=${ROUNDS:-6}
PAIRS=${PAIRS:-200}
SLOTS=${SLOTS:-20}
CONCURRENCY=${CONCURRENCY:-200}
DATA=${DATA:-/tmp/livehall-meetings-bench}
OUT=${OUT:-$DATA/results}
export PGHOST=127.0.0.1 PGUSER=postgres
mkdir -p "$OUT"
run=$(date +%s)

echo "== machine: $(nproc) cores, $(uname -r), $(date -u +%FT%TZ), load: $(bench_load)"
psql -d postgres -qAt -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 || createdb "$DB"
bench_redis "$REDIS_PORT"

SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:5432/$DB" SPRING_R2DBC_USERNAME=postgres \
SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
  java -Xmx1g ${JAVA_OPTS:-} -jar target/livehall.jar --server.port="$PORT" --livehall.data-dir="$DATA" \
       ${APP_ARGS:-} > "$OUT/app-meetings-$run.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
bench_wait_ready "$PORT" 180

accepts="$OUT/meetings-accepts-$run.csv"
eval "$(psql -d "$DB" -v run="$run" -v rounds="$ROUNDS" -v pairs="$PAIRS" -v slots="$SLOTS" -v out="$accepts" -qAt -f "$here/setup.sql")"
echo "== app pid $app on :$PORT; fairs $FAIRS; $(wc -l < "$accepts") accepts prepared"

BASE="http://127.0.0.1:$PORT" KEY_FILE="$DATA/secrets/jwt-signing-key.json" ACCEPTS="$accepts" CONCURRENCY=$CONCURRENCY \
OUT="$OUT/meetings-$run.json" APP_PID=$app DB=$DB node "$here/bench.mjs"
cat "$OUT/meetings-$run.json"

echo "== verification in PostgreSQL"
psql -d "$DB" -qAt <<SQL
select 'race fairs: booked per fair ' || string_agg(n::text, ',' order by fair_id) || ' (each must be $SLOTS)'
  from (select f.id as fair_id, count(m.id) filter (where m.status = 'BOOKED') n from fair f
          left join fair_meeting m on m.fair_id = f.id where f.id in ($FAIRS) and f.title like '%-race' group by f.id) x;
select 'spread fairs: booked per fair ' || string_agg(n::text, ',' order by fair_id) || ' (each must be $PAIRS)'
  from (select f.id as fair_id, count(m.id) filter (where m.status = 'BOOKED') n from fair f
          left join fair_meeting m on m.fair_id = f.id where f.id in ($FAIRS) and f.title like '%-spread' group by f.id) x;
select 'double bookings (place or participant): ' || count(*) from fair_meeting a join fair_meeting b on a.id < b.id
 where a.fair_id in ($FAIRS) and b.fair_id = a.fair_id and a.status = 'BOOKED' and b.status = 'BOOKED'
   and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
   and (a.place_id = b.place_id or a.requester_id in (b.requester_id, b.invitee_id) or a.invitee_id in (b.requester_id, b.invitee_id));
SQL
echo "== load after: $(bench_load)"
