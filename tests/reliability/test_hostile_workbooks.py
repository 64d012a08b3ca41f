"""Hostile workbooks: mutated files never cause a traceback or a partial import; a zip
bomb is refused within bounded memory and time; macros and external links are reported."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.check import check_workbook
from desktop.exchange.importer import import_workbook
from desktop.exchange.reader import WorkbookUnreadable, read_workbook
from desktop.sample import create_sample_workspace
from desktop.store.workspace import Workspace, count_rows

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "data" / "valid_soest.xlsx"
VALID_BYTES = VALID.read_bytes()

# every mutated file that reached here, for docs/reliability.md
FUZZ_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                         suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                HealthCheck.too_slow])


@FUZZ_SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(VALID_BYTES) - 1), st.integers(0, 255)),
                min_size=1, max_size=12),
       st.one_of(st.none(), st.integers(0, len(VALID_BYTES))))
def test_byte_mutations_never_raise_anything_but_unreadable(tmp_path_factory, flips, cut):
    data = bytearray(VALID_BYTES)
    for pos, value in flips:
        data[pos] = value
    if cut is not None:
        data = data[:cut]
    path = tmp_path_factory.mktemp("fuzz") / "mutated.xlsx"
    path.write_bytes(bytes(data))
    try:
        report = check_workbook(path)
    except WorkbookUnreadable as exc:
        assert exc.message_in("en") and exc.message_in("nl")
        return
    json.dumps(report.to_dict())          # the report always serialises


CELL_VALUES = st.one_of(
    # control characters cannot be written to xlsx at all (openpyxl refuses them)
    st.none(), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.sampled_from(["=1+1", "=HYPERLINK(\"http://x\")", "1.234", "€ 12,50", "-1.500,0", "ja",
                     "geen reactie", "31-12-2025", "2025-02-30", "A+++++", "🏠", " "]))


@pytest.fixture(scope="module")
def sample_ws_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("tpl") / "soest.rpw"
    create_sample_workspace(path).close()
    return path


@FUZZ_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["Complexen", "Woningen", "Projecten", "Stemmen", "Doelen"]),
                          st.integers(1, 12), st.integers(1, 11), CELL_VALUES),
                min_size=1, max_size=8))
def test_cell_mutations_import_all_or_nothing(tmp_path_factory, sample_ws_template, edits):
    tmp = tmp_path_factory.mktemp("cells")
    wb = openpyxl.load_workbook(VALID)
    for sheet, row, col, value in edits:
        if sheet in wb.sheetnames:
            try:
                wb[sheet].cell(row=row, column=col).value = value
            except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses control characters
                pass
    book = tmp / "mutated.xlsx"
    wb.save(book)
    ws_path = tmp / "ws.rpw"
    shutil.copy(sample_ws_template, ws_path)
    with Workspace.open(ws_path) as ws:
        with ws.engine.connect() as conn:
            before = count_rows(conn)
        outcome = import_workbook(book, ws)
        with ws.engine.connect() as conn:
            after = count_rows(conn)
    if not outcome.ok:
        assert after == before                     # nothing of a rejected workbook
        assert all(p.sheet for p in outcome.errors)
    else:
        assert outcome.applied or outcome.plan.is_empty


def _bomb(path: Path, gigabytes: float = 2.0) -> Path:
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 1000 + b"</t></is></c></row>"
    chunk = row * 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(int(gigabytes * 1e9 / len(chunk))):
                f.write(chunk)
    return path


def test_zip_bomb_is_refused_in_bounded_memory_and_time(tmp_path):
    bomb = _bomb(tmp_path / "bomb.xlsx", 2.0)
    assert bomb.stat().st_size < 20e6
    # peak RSS from VmHWM: ru_maxrss survives exec on Linux and would report the
    # (large) pytest process that started this one
    code = ("import re, sys, time\n"
            "from desktop.exchange.check import main_check\n"
            "t = time.perf_counter()\n"
            f"code = main_check([{str(bomb)!r}, '--json'])\n"
            "hwm = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
            "print(code, round(time.perf_counter() - t, 2), hwm // 1024)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    exit_code, seconds, peak_mb = out.stdout.split()
    assert exit_code == "2"
    assert "unpacks to" in out.stderr and "the limit is" in out.stderr
    assert float(seconds) < 5
    assert int(peak_mb) < 400          # the interpreter with pandas is ~150 MB


def _add_members(src: Path, dst: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        for name, data in members.items():
            zout.writestr(name, data)
    return dst


def test_macros_and_external_links_are_ignored_and_reported(tmp_path):
    book = _add_members(VALID, tmp_path / "macro.xlsx", {
        "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not run",
        "xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    result = read_workbook(book)
    messages = [w.message for w in result.warnings]
    assert any("macros" in m for m in messages)
    assert any("links to 1 other workbook" in m for m in messages)
    assert result.ok
