"""Fuzzing in the suite (issue 25): mutated workbooks — bytes of the zip, text of the
sheet XML, cell values — each judged in a forked child, so a native crash (a signal) or
a hang is a reported failure instead of the end of the test run; and every file that
ever crashed or raised is kept under tests/data/ and gets a clear error."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from bench.fuzz_workbooks import make_case, run, run_case
from desktop.exchange.check import check_workbook

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CRASHERS = sorted((DATA / "crashers").glob("*.xlsx"))
FUZZED = sorted((DATA / "fuzzed").glob("*.xlsx"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a child per case")


def test_mutated_workbooks_never_crash_hang_or_raise():
    """240 cases (80 of each kind), fixed seed; every 30th is also imported into a copy
    of a workspace whose tables must stay as they were when the import fails."""
    tally = run(240, seed=25, workspace_every=30)
    assert tally.failures == []
    c = tally.counts
    assert c["refused"] + c["errors"] + c["clean"] == 240
    # the generator really produces all three outcomes, and imports were compared
    assert c["refused"] > 30 and c["errors"] > 30 and c["clean"] > 10
    assert c["imports compared"] >= 5


def test_the_cases_are_the_same_for_a_seed():
    assert make_case(7, seed=3) == make_case(7, seed=3)
    assert make_case(7, seed=3) != make_case(8, seed=3)


def test_a_crash_in_the_child_is_reported_not_suffered(tmp_path, monkeypatch):
    """The harness itself: a far cell that passes no preflight aborts calamine in the
    child; the parent reports "crashed" and goes on."""
    from desktop.exchange import reader

    monkeypatch.setattr(reader, "_refuse_large_sheets", lambda *args: None)
    outcome, detail = run_case(DATA / "crashers" / "far_cell_issue25.xlsx")
    assert outcome == "crashed" and "signal 6" in detail


@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_every_file_that_crashed_gets_a_clear_error_and_exit_2(path):
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "desktop", "check", str(path), "--json"],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 2, out.stderr
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"check: {path.name}: ")
    assert "Traceback" not in out.stderr
    assert ("has a value at" in lines[0] and "delete it or the rows below your data" in lines[0]) \
        or "the workbook is damaged" in lines[0]
    assert time.perf_counter() - t < 60


def test_the_issue_reproduction_is_refused_fast_in_both_languages():
    path = DATA / "crashers" / "far_cell_issue25.xlsx"
    for lang, words in (("en", "sheet Complexen has a value at XFD1048576; delete it or the "
                                "rows below your data"),
                        ("nl", "blad Complexen heeft een waarde in XFD1048576; verwijder die "
                               "of de rijen onder uw gegevens")):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "desktop", "check", str(path), "--json",
                              "--lang", lang], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert out.returncode == 2 and words in out.stderr
        assert time.perf_counter() - t < 15      # a process start and the preflight


@pytest.mark.parametrize("path", FUZZED, ids=[p.name for p in FUZZED])
def test_every_fuzzed_cell_that_raised_is_an_error_on_its_cell(path):
    """Cells that raised (InvalidOperation, OverflowError, a pandas cast) or were cast
    from NaN to int64: now a report, no RuntimeWarning of a cast, every error located."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        report = check_workbook(path)
    json.dumps(report.to_dict())
    for problem in report.errors:
        assert problem.sheet and problem.message and problem.message_nl
