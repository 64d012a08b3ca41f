#!/usr/bin/env bash
# Build the packaged program (scripts/build-app.sh) and run its smoke tests
# (tests/test_packaged.py): --version, check, screenshot and the window's first start, run
# from dist/retrofit-planner/ without the project's virtual environment, in a fresh home
# folder and without network where the machine allows it.  Not part of the normal test run
# (CI skips those tests: the build takes a minute or more).
#   Usage: scripts/test-packaged.sh [--no-build] [pytest options]
# Needs the project's .venv (scripts/setup.sh) for pytest itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--no-build" ]]; then shift; else scripts/build-app.sh; fi
export PYTHONPATH=$PWD QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -p no:cacheprovider tests/test_packaged.py "$@"
