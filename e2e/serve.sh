#!/usr/bin/env bash
# Starts the production build on a fresh embedded database for the e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .next/BUILD_ID ]; then
  echo "No production build: run 'npm run build' first." >&2
  exit 1
fi
rm -rf "${GAVEL_DATA_DIR:?}"
# The seed takes the database lock and releases it before the server opens the database.
node node_modules/tsx/dist/cli.mjs scripts/db-seed.ts
exec node node_modules/next/dist/bin/next start -p "${PORT:?}" -H 127.0.0.1
