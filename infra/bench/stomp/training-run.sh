#!/usr/bin/env bash
# Scenario t (training room, issue 13) against a running Live Hall and the local RabbitMQ, side by side:
#   infra/bench/stomp/training-run.sh [extra bench.mjs options]
# Environment: PORT (8080) of the running Live Hall, DATA (its LIVEHALL_DATA_DIR, for secrets/jwt-signing-key.json),
# DB (livehall) and PGHOST/PGUSER for psql (127.0.0.1/postgres), ACCOUNTS (2000: one per poll vote), APP_PID (the
# Live Hall JVM; found with pgrep -f livehall.jar when alone). It creates a fresh organiser, ACCOUNTS viewer
# accounts and a session (training-setup.sql), then runs node bench.mjs --target both --scenario t.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-8080}
DATA=${DATA:?DATA: the data dir of the running Live Hall (its secrets/jwt-signing-key.json signs the tokens)}
DB=${DB:-livehall}
ACCOUNTS=${ACCOUNTS:-2000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
[ -f "$DATA/secrets/jwt-signing-key.json" ] || { echo "no $DATA/secrets/jwt-signing-key.json" >&2; exit 1; }
[ "$(ulimit -n)" -ge 12000 ] || ulimit -n 20000
run=$(date -u +%Y%m%d%H%M%S)
eval "$(psql -d "$DB" -v run="$run" -v accounts="$ACCOUNTS" -qAt -f "$here/training-setup.sql")"
echo "== session $SESSION_ID, organiser $ORGANISER_ID, accounts $FIRST_USER..$LAST_USER"
pid_opt=()
[ -n "${APP_PID:-}" ] && pid_opt=(--livehall-pid "$APP_PID")
cd "$here"
exec node bench.mjs --target both --scenario t --livehall-url "ws://127.0.0.1:$PORT/ws" "${pid_opt[@]}" \
  --t-session "$SESSION_ID" --t-organiser "$ORGANISER_ID" --t-users "$FIRST_USER-$LAST_USER" \
  --t-key-file "$DATA/secrets/jwt-signing-key.json" "$@"
