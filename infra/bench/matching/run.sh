#!/bin/bash
# Starts the packaged app with the bench endpoints on external PostgreSQL + Redis, seeds a fair at the issue's scale
# (seed.sql: 2,000 approved enterprises × 5 listings = 10,000 listings), then measures
#  1. the full computation of its matches (twice: the first run also segments every listing with HanLP), with the
#     heap's peak during it;
#  2. the incremental update after one listing changed (10 listings, one after another; median);
#  3. the matches page under 50 concurrent participants next to the trivial endpoint (bench.mjs),
# and stops the app.
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/livehall_bench REDIS_URL=redis://127.0.0.1:6379/0 \
#   infra/bench/matching/run.sh [bench.mjs options]
set -euo pipefail
cd "$(dirname "$0")/../../.."
. infra/bench/lib/lib.sh
: "${DATABASE_URL:?set DATABASE_URL (postgresql://user@host:port/db)}"
: "${REDIS_URL:?set REDIS_URL (redis://host:port/db)}"
PORT=${PORT:-18097}
ENTERPRISES=${ENTERPRISES:-2000}
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp)
WORK=$(mktemp -d)
bench_start_app "$PORT" "$LOG"
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$LOG" "$WORK"; true' EXIT
bench_wait_ready "$PORT" 180 $APP "$LOG"

RUN=$(date -u +%H%M%S)
PASSWORD=Bench-pass-123
TEMPLATE="match-$RUN-tpl"
bench_register "$BASE" "$TEMPLATE" "$PASSWORD"
START=$(date +%s)
psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -v run="$RUN" -v template="$TEMPLATE" -v enterprises="$ENTERPRISES" \
  -f infra/bench/matching/seed.sql
psql "$DATABASE_URL" -q -c 'analyze fair_listing; analyze fair_participant; analyze enterprise; analyze app_user'
FAIR=$(psql "$DATABASE_URL" -Atc "select id from fair where title = '规模对接会$RUN'")
echo "seeded in $(( $(date +%s) - START )) s: fair $FAIR, $(psql "$DATABASE_URL" -Atc \
  "select count(*) from fair_listing l join fair_participant p on p.enterprise_id = l.enterprise_id where p.fair_id = $FAIR") listings"

login() { bench_login "$BASE" "$1" "$PASSWORD"; }
ORG=$(login "match-$RUN-org")
mkdir -p infra/bench/results
OUT=infra/bench/results/matching-$(date -u +%Y%m%d-%H%M%S)
echo "load before the full runs: $(bench_load)"
for run in first second; do
  R=$(curl -sf -X POST "$BASE/api/bench/matching/fairs/$FAIR/full" -H "Authorization: Bearer $ORG")
  echo "full computation ($run run$([ $run = first ] && echo ', with segmentation')): $R"
  echo "$R" >"$OUT-full-$run.json"
done
echo "load after the full runs: $(bench_load)"

# incremental: 10 listings spread over the fair, each edited (a new description) and recomputed on its own
: >"$OUT-incremental.txt"
for L in $(psql "$DATABASE_URL" -Atc "select l.id from fair_listing l join fair_participant p on p.enterprise_id = l.enterprise_id
                                     where p.fair_id = $FAIR order by l.id" | awk 'NR % 1000 == 500'); do
  psql "$DATABASE_URL" -q -c "update fair_listing set description = description || '可定制。', updated_at = now() where id = $L"
  R=$(curl -sf -X POST "$BASE/api/bench/matching/listings/$L" -H "Authorization: Bearer $ORG")
  echo "incremental, listing $L: $R" | tee -a "$OUT-incremental.txt"
done

# 50 participants (every 40th enterprise)
echo '[' >"$WORK/members.json"
for i in $(seq 1 50); do
  TOKEN=$(login "match-$RUN-$(( i * 40 - 1 ))")
  [ "$i" -gt 1 ] && echo ',' >>"$WORK/members.json"
  echo "{\"token\":\"$TOKEN\",\"fairId\":$FAIR}" >>"$WORK/members.json"
done
echo ']' >>"$WORK/members.json"
node infra/bench/matching/bench.mjs --base "$BASE" --members "$WORK/members.json" --out "$OUT-page.json" "$@"
echo "raw figures: $OUT-*"
