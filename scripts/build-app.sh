#!/usr/bin/env bash
# Build the packaged program from this checkout: dist/retrofit-planner/, one folder with its
# own Python, Qt and the app (start it with dist/retrofit-planner/RetrofitPlanner; on Linux
# its install.sh adds it to the applications menu).  PyInstaller, recipe in
# packaging/retrofit-planner.spec; why PyInstaller and what was verified: docs/install.md.
# The build gets an environment of its own in build/venv (the project's .venv is untouched)
# with the app installed as users get it: not editable, so nothing points into the checkout.
#   Usage: scripts/build-app.sh [--clean]     --clean: start from a new build/venv
#   PYTHON=python3.11 picks the interpreter (needs its shared libpython, as python.org's,
#   Debian's and pyenv's have).
# Linux: PyInstaller copies the system libraries Qt's X11 platform links into the folder, so
# they must be on the build machine; on Debian: apt-get install libxcb-cursor0 libxcb-icccm4
# libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
# libxkbcommon-x11-0 (the script names any that are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=build/venv
if [[ "${1:-}" == "--clean" ]]; then
  rm -rf "$venv" build/pyinstaller build/icons dist/retrofit-planner
fi
start=$(date +%s)
if [[ ! -x $venv/bin/python ]]; then
  echo "build-app: creating $venv with $($python --version)"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
fi
# setuptools builds in build/lib; a file left there from an earlier build would be packed again
rm -rf build/lib build/bdist.*
"$venv/bin/python" -m pip install -q "pyinstaller>=6.10,<7" .
"$venv/bin/python" -m pip install -q --no-deps --force-reinstall .   # this checkout's code, always
rm -rf build/lib build/bdist.*
QT_QPA_PLATFORM=offscreen "$venv/bin/python" packaging/make_icons.py build/icons >/dev/null
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/retrofit-planner.spec
out=dist/retrofit-planner
if [[ "$(uname -s)" == Linux ]]; then
  # pyenv's and self-built Pythons keep their symbols in libpython (23 MB against 5 MB);
  # only that library is stripped: wheels' libraries are stripped already, and stripping
  # a library that auditwheel patched can break it
  lib=$(ls "$out"/_internal/libpython3*.so* 2>/dev/null | head -n 1 || true)
  if [[ -n $lib ]] && command -v strip >/dev/null && file "$lib" | grep -q "not stripped"; then
    strip --strip-unneeded "$lib"
  fi
  internal=$out/_internal
  missing=$(LD_LIBRARY_PATH=$internal:$internal/PySide6/Qt/lib ldd \
    "$internal/PySide6/Qt/plugins/platforms/libqxcb.so" | awk '/not found/ {print $1}' | tr '\n' ' ')
  [[ -z $missing ]] || echo "build-app: WARNING: not on this machine, so not in the folder: $missing" \
                           "(the X11 window needs them on the user's machine)" >&2
  cp packaging/linux/retrofit-planner.desktop packaging/linux/install.sh "$out/"
  chmod +x "$out/install.sh"
fi
echo "build-app: $out ($(du -sh "$out" | cut -f1)) in $(( $(date +%s) - start )) s"
