#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite offscreen, the store's tests against both
# SQLite and a PostgreSQL server on loopback (installed and started by scripts/postgres.sh
# unless RETROFIT_PG_URL names one). Fails when no test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ -z "${RETROFIT_PG_URL:-}" ]]; then
  if url="$(bash scripts/postgres.sh)"; then
    export RETROFIT_PG_URL="$url"
  else
    echo "test.sh: no PostgreSQL server; the PostgreSQL tests will skip (and fail under CI=true)" >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
