#!/usr/bin/env bash
# Set up (if needed) and open the window; the first start creates the sample Soest workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --gui
exec .venv/bin/python -m desktop "$@"
