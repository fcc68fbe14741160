#!/bin/bash
# Starts the packaged app with the bench endpoint on external PostgreSQL + Redis, seeds one product, runs
# bench.mjs (cached catalogue GET vs the trivial endpoint), stops the app.
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/livehall_bench REDIS_URL=redis://127.0.0.1:6379/0 \
#   infra/bench/catalogue/run.sh [bench.mjs options]
set -euo pipefail
cd "$(dirname "$0")/../../.."
. infra/bench/lib/lib.sh
: "${DATABASE_URL:?set DATABASE_URL (postgresql://user@host:port/db)}"
: "${REDIS_URL:?set REDIS_URL (redis://host:port/db)}"
PORT=${PORT:-18095}
LOG=$(mktemp)
bench_start_app "$PORT" "$LOG"
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -f "$LOG"' EXIT
bench_wait_ready "$PORT" 120 $APP "$LOG"
PRODUCT=$(infra/bench/catalogue/seed-product.sh "http://127.0.0.1:$PORT" "$DATABASE_URL")
mkdir -p infra/bench/results
OUT=infra/bench/results/catalogue-$(date -u +%Y%m%d-%H%M%S).json
node infra/bench/catalogue/bench.mjs --base "http://127.0.0.1:$PORT" --product "$PRODUCT" --out "$OUT" "$@"
echo "raw figures: $OUT"
