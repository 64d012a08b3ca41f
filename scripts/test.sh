#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite offscreen. Fails when no test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
