#!/usr/bin/env bash
# Starts the production build on a fresh embedded database for the e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .next/BUILD_ID ]; then
  echo "No production build: run 'npm run build' first." >&2
  exit 1
fi
# It wipes the data directory first, so it refuses any that is not meant for tests.
case "$(basename "${GAVEL_DATA_DIR:?}")" in
  *e2e*) rm -rf "$GAVEL_DATA_DIR" ;;
  *) echo "GAVEL_DATA_DIR=$GAVEL_DATA_DIR: e2e/serve.sh wipes it, so its name must contain 'e2e'." >&2; exit 1 ;;
esac
# Server modules import 'server-only', which is an empty module only under the react-server
# condition (what Next's server bundles use); the scripts below run with it too.
# The seed takes the database lock and releases it before the server opens the database.
node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/db-seed.ts
# Further set-up scripts named as arguments (the security suite's fixtures) run in turn.
for script in "$@"; do
  node node_modules/tsx/dist/cli.mjs --conditions=react-server "$script"
done
exec node node_modules/next/dist/bin/next start -p "${PORT:?}" -H 127.0.0.1
