#!/bin/sh
# Put Retrofit Planner in this user's applications menu: no root, nothing outside your home
# folder.  Run it from the unpacked folder (again after moving the folder):
#   ./install.sh            add the menu entry and the icon
#   ./install.sh --remove   take them out again (your workspaces and settings stay)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$share/applications/retrofit-planner.desktop
png=$share/icons/hicolor/256x256/apps/retrofit-planner.png
svg=$share/icons/hicolor/scalable/apps/retrofit-planner.svg
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$png" "$svg"
  echo "Retrofit Planner removed from the applications menu."
  exit 0
fi
mkdir -p "$(dirname "$entry")" "$(dirname "$png")" "$(dirname "$svg")"
cp "$here/_internal/resources/icons/retrofit-planner.png" "$png"
cp "$here/_internal/resources/icons/retrofit-planner.svg" "$svg"
sed "s|^Exec=.*|Exec=\"$here/RetrofitPlanner\"|" "$here/retrofit-planner.desktop" > "$entry"
chmod +x "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
echo "Retrofit Planner is in the applications menu ($entry)."
