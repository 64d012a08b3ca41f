#!/usr/bin/env bash
# Set up Retrofit Planner on a Debian machine: the system libraries Qt needs, a virtual
# environment in .venv and the package with its test tools. Safe to run again: it only
# installs what is missing.   Usage: scripts/setup.sh [--gui]
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt offscreen (tests, screenshots) needs these; a real window on X11 also the xcb set.
pkgs=(python3-venv python3-pip libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6
      libfontconfig1 libdbus-1-3 fonts-dejavu-core)
if [[ "${1:-}" == "--gui" ]]; then
  pkgs+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
         libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)
fi
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $($python --version)"
  $python -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
echo "setup: ready (.venv)"
