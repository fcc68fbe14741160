#!/usr/bin/env bash
# Writes the secrets infra/compose.yaml mounts, once: infra/secrets/ is ignored by git and never committed.
#   postgres-password      PostgreSQL password (the app reads it as spring.r2dbc.password)
#   metrics-token          bearer token Prometheus sends to /actuator/prometheus (livehall.metrics.token)
#   jwt-signing-key.json   the RSA private JWK every instance signs and checks tokens with (livehall.jwt.key-file)
# Existing files are kept (a new JWT key would log everybody out). Needs openssl and node (the front end's).
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077
[ -s "$dir/postgres-password" ] || openssl rand -hex 24 | tr -d '\n' > "$dir/postgres-password"
[ -s "$dir/metrics-token" ] || openssl rand -hex 32 | tr -d '\n' > "$dir/metrics-token"
if [ ! -s "$dir/jwt-signing-key.json" ]; then
  node -e '
    const { generateKeyPairSync, randomUUID } = require("crypto");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    process.stdout.write(JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: randomUUID() }));
  ' > "$dir/jwt-signing-key.json"
fi
# the containers run as user 10001 and compose bind-mounts the files as they are: the files are readable, the
# directory stays closed to other users of this host
chmod 644 "$dir"/*
echo "secrets in $dir"
