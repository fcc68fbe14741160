#!/bin/bash
# Starts the packaged app with the bench endpoint on external PostgreSQL + Redis, seeds the course library at the
# issue's scale (seed.sql: 200 courses × 8 lessons, 10,000 learners in three courses each), logs 50 learners in,
# runs bench.mjs (my learning and a course page vs the trivial endpoint), stops the app.
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/livehall_bench REDIS_URL=redis://127.0.0.1:6379/0 \
#   infra/bench/courses/run.sh [bench.mjs options]
# JAVA_OPTS: extra JVM options of the app (e.g. a profiler: -XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile)
set -euo pipefail
cd "$(dirname "$0")/../../.."
. infra/bench/lib/lib.sh
: "${DATABASE_URL:?set DATABASE_URL (postgresql://user@host:port/db)}"
: "${REDIS_URL:?set REDIS_URL (redis://host:port/db)}"
PORT=${PORT:-18096}
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp)
WORK=$(mktemp -d)
bench_start_app "$PORT" "$LOG"
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$LOG" "$WORK"' EXIT
bench_wait_ready "$PORT" 120 $APP "$LOG"

RUN=$(date -u +%H%M%S)
PASSWORD=Bench-pass-123
TEMPLATE="scale-$RUN-tpl"
bench_register "$BASE" "$TEMPLATE" "$PASSWORD"
START=$(date +%s)
psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -v run="$RUN" -v template="$TEMPLATE" -v courses=200 -v lessons=8 \
  -v learners=10000 -f infra/bench/courses/seed.sql
psql "$DATABASE_URL" -q -c 'analyze course; analyze course_lesson; analyze course_learner; analyze course_lesson_progress; analyze app_user'
echo "seeded in $(( $(date +%s) - START )) s: $(psql "$DATABASE_URL" -Atc "select count(*) from course_learner") learner rows," \
  "$(psql "$DATABASE_URL" -Atc "select count(*) from course_lesson_progress") progress rows"

# 50 learners (every 200th, spread over the courses), each with the course they last learned
echo '[' >"$WORK/learners.json"
for i in $(seq 1 50); do
  N=$(( i * 200 ))
  TOKEN=$(bench_login "$BASE" "scale-$RUN-$N" "$PASSWORD")
  COURSE=$(curl -sf "$BASE/api/me/learning?limit=1" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"courseId":([0-9]+).*/\1/')
  [ "$i" -gt 1 ] && echo ',' >>"$WORK/learners.json"
  echo "{\"token\":\"$TOKEN\",\"courseId\":$COURSE}" >>"$WORK/learners.json"
done
echo ']' >>"$WORK/learners.json"

mkdir -p infra/bench/results
OUT=infra/bench/results/courses-$(date -u +%Y%m%d-%H%M%S).json
node infra/bench/courses/bench.mjs --base "$BASE" --learners "$WORK/learners.json" --out "$OUT" "$@"
echo "raw figures: $OUT"
