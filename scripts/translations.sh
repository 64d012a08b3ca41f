#!/usr/bin/env bash
# Update the translations from the source: lupdate collects every tr()/translate() text of
# desktop/**/*.py into resources/translations/retrofit_planner_{nl,en}.ts (keeping what is
# translated, dropping what vanished), lrelease compiles them into the .qm files the app
# loads.  The .qm files are committed, so a fresh install needs neither tool.
#   Usage: scripts/translations.sh            update .ts and rebuild .qm
#          scripts/translations.sh --release  only rebuild .qm from the .ts
# Then translate what lupdate marked type="unfinished" (Qt Linguist: .venv/bin/pyside6-linguist)
# and run it again; tests/test_translations.py fails while a Dutch text is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
dir=${TRANSLATIONS_DIR:-resources/translations}   # tests point it at a temporary copy
mapfile -t sources < <(find desktop -name '*.py' -not -path '*/migrations/*' | LC_ALL=C sort)
if [[ "${1:-}" != "--release" ]]; then
  # Dutch: every text.  English: the source texts are English, so only the plural forms
  # ("%n home(s)" → "1 home" / "2 homes") need a translation.
  "$bin/pyside6-lupdate" -silent -locations none -no-obsolete -source-language en_GB \
    -target-language nl_NL "${sources[@]}" -ts "$dir/retrofit_planner_nl.ts"
  "$bin/pyside6-lupdate" -silent -locations none -no-obsolete -pluralonly -source-language en_GB \
    -target-language en_GB "${sources[@]}" -ts "$dir/retrofit_planner_en.ts"
fi
for lang in nl en; do
  "$bin/pyside6-lrelease" -silent "$dir/retrofit_planner_$lang.ts" -qm "$dir/retrofit_planner_$lang.qm"
done
