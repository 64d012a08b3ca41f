"""The translations are complete and the committed files are current.

scripts/translations.sh is run on a temporary copy of resources/translations: lupdate reads
every tr()/translate() text of desktop/**/*.py, lrelease compiles the .qm files.  Then:
no Dutch text is unfinished, no committed entry vanished (the source no longer has it),
the committed .ts lists exactly what the source holds, and the committed .qm files are
byte-for-byte what lrelease makes of the committed .ts (so a fresh install, which has
neither tool, shows what the .ts says).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGS = ("nl", "en")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a .ts file."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out[(name, m.findtext("source"))] = m
    return out


def state(m: ET.Element) -> str:
    return m.find("translation").get("type") or "finished"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """The translation files as scripts/translations.sh makes them from today's source."""
    if not (BIN / "pyside6-lupdate").exists() or not (BIN / "pyside6-lrelease").exists():
        pytest.fail("pyside6-lupdate/lrelease missing from the venv (they come with PySide6)")
    out = tmp_path_factory.mktemp("translations")
    for lang in LANGS:
        shutil.copy(TRANSLATIONS / f"retrofit_planner_{lang}.ts", out)
    env = {"PATH": "/usr/bin:/bin", "TRANSLATIONS_DIR": str(out)}
    done = subprocess.run(["bash", str(ROOT / "scripts" / "translations.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def test_every_dutch_text_is_translated(regenerated):
    msgs = messages(regenerated / "retrofit_planner_nl.ts")
    assert len(msgs) > 500
    unfinished = sorted(k for k, m in msgs.items() if state(m) == "unfinished")
    assert not unfinished, (
        f"{len(unfinished)} Dutch text(s) to translate (run scripts/translations.sh, then fill "
        f"resources/translations/retrofit_planner_nl.ts): {unfinished[:10]}")
    for (ctx, source), m in msgs.items():
        forms = [f.text for f in m.iter("numerusform")] or [m.findtext("translation")]
        assert all(f and f.strip() for f in forms), (ctx, source)
        if "%1" in source:
            assert all("%1" in f for f in forms), (ctx, source)


def test_no_vanished_or_obsolete_entries(regenerated):
    for lang in LANGS:
        states = {state(m) for m in messages(regenerated / f"retrofit_planner_{lang}.ts").values()}
        assert states <= {"finished"}, (lang, states)


def test_committed_ts_lists_what_the_source_holds(regenerated):
    for lang in LANGS:
        committed = messages(TRANSLATIONS / f"retrofit_planner_{lang}.ts")
        current = messages(regenerated / f"retrofit_planner_{lang}.ts")
        assert set(committed) == set(current), (
            lang, "run scripts/translations.sh",
            sorted(set(current) - set(committed))[:5], sorted(set(committed) - set(current))[:5])


def test_english_file_holds_the_plural_forms(regenerated):
    msgs = messages(TRANSLATIONS / "retrofit_planner_en.ts")
    assert msgs and all(m.get("numerus") == "yes" for m in msgs.values())
    forms = [f.text for f in msgs[("ProgrammePage", "%n project(s)")].iter("numerusform")]
    assert forms == ["%n project", "%n projects"]


def test_committed_qm_is_built_from_the_committed_ts(regenerated):
    for lang in LANGS:
        qm = TRANSLATIONS / f"retrofit_planner_{lang}.qm"
        assert qm.read_bytes() == (regenerated / qm.name).read_bytes(), (
            f"{qm.name} is stale: run scripts/translations.sh --release")


def test_the_qm_translates_texts_and_plurals():
    from PySide6.QtCore import QTranslator

    nl, en = QTranslator(), QTranslator()
    assert nl.load(str(TRANSLATIONS / "retrofit_planner_nl.qm"))
    assert en.load(str(TRANSLATIONS / "retrofit_planner_en.qm"))
    assert nl.translate("MainWindow", "&File") == "&Bestand"
    assert nl.translate("pages", "Tenant support") == "Draagvlak"
    assert nl.translate("ProgrammePage", "%n project(s)", "", 1) == "%n project"
    assert nl.translate("ProgrammePage", "%n project(s)", "", 3) == "%n projecten"
    assert en.translate("ProgrammePage", "%n project(s)", "", 1) == "%n project"
    assert en.translate("ProgrammePage", "%n project(s)", "", 0) == "%n projects"
    assert en.translate("MainWindow", "&File") == ""     # English texts are the source itself
