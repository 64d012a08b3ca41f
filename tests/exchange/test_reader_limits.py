"""Issue 25: a sheet's grid is measured before calamine builds it (a far cell is refused
by name, stray empty cells are ignored); a damaged zip header is "damaged"; a number,
whole number or amount out of range is an error on its cell; the cells of an untrusted
file can be loaded in a child process whose crash is an error."""
from __future__ import annotations

import io
import struct
import time
import warnings
import zipfile
import re
from pathlib import Path

import pytest

from desktop.exchange import reader
from desktop.exchange.check import check_workbook
from desktop.exchange.reader import WorkbookUnreadable, read_workbook

DATA = Path(__file__).resolve().parent.parent / "data"
VALID = DATA / "valid_soest.xlsx"
SHEET = {"Complexen": "xl/worksheets/sheet1.xml", "Woningen": "xl/worksheets/sheet2.xml",
         "Projecten": "xl/worksheets/sheet3.xml", "Tarieven": "xl/worksheets/sheet6.xml"}


def _patched(tmp_path: Path, sheet: str, old: str, new: str, name: str = "patched.xlsx") -> Path:
    out = tmp_path / name
    with zipfile.ZipFile(VALID) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == SHEET[sheet]:
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode(), 1)
            zo.writestr(info, data)
    return out


def _far(cells: str) -> str:
    return f"{cells}</sheetData>"


# ----------------------------------------------------------------------------- far cells
def test_a_value_at_the_last_cell_is_refused_by_name_before_it_is_read(tmp_path):
    book = _patched(tmp_path, "Woningen", "</sheetData>",
                    _far('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    t = time.perf_counter()
    with pytest.raises(WorkbookUnreadable) as info:
        read_workbook(book)
    assert time.perf_counter() - t < 5
    assert "sheet Woningen has a value at XFD1048576; delete it or the rows below your data" \
        in info.value.message
    assert "blad Woningen heeft een waarde in XFD1048576; verwijder die of de rijen onder uw " \
           "gegevens" in info.value.message_nl
    assert "1,048,576 rows × 16,384 columns; the limit is 5,000,000 cells" in info.value.message


def test_a_far_column_is_named(tmp_path):
    book = _patched(tmp_path, "Projecten", '<c r="J2" t="inlineStr">',
                    '<c r="XFD2"><v>7</v></c><c r="J2" t="inlineStr">')
    read_workbook(book)           # 4 rows × 16,384 columns: within 5,000,000 cells
    with pytest.raises(WorkbookUnreadable, match="sheet Projecten has a value at XFD2;"):
        read_workbook(book, max_cells=10_000)


def test_cells_without_a_reference_are_placed_as_calamine_places_them(tmp_path):
    # rows and cells without r: the row after 1048575 is 1048576, the cell after C is D
    book = _patched(tmp_path, "Complexen", "</sheetData>",
                    _far('<row r="1048575"><c r="ZZ1048575"/></row><row><c r="C1048576"/>'
                         '<c><v>1</v></c></row>'))
    with pytest.raises(WorkbookUnreadable, match="sheet Complexen has a value at D1048576;"):
        read_workbook(book)


@pytest.mark.parametrize("cell", [
    '<c r="XFD1048576" s="1"/>',                    # formatted, no value
    '<c r="XFD1048576"><v></v></c>',                # an empty value
    '<c r="XFD1048576"><f>A1</f></c>',              # a formula never calculated
])
def test_stray_empty_cells_far_away_are_ignored(tmp_path, cell):
    book = _patched(tmp_path, "Woningen", "</sheetData>",
                    _far(f'<row r="1048576">{cell}</row>'))
    # the <dimension> says the whole sheet: it is not trusted either
    with zipfile.ZipFile(book) as z:
        assert b'<dimension ref="A1:H17"' in z.read(SHEET["Woningen"])
    result = read_workbook(book)
    expected = read_workbook(VALID)
    assert result.ok
    assert result.dataset.dwellings.equals(expected.dataset.dwellings)


def test_a_huge_dimension_alone_is_not_refused(tmp_path):
    book = _patched(tmp_path, "Woningen", '<dimension ref="A1:H17" />',
                    '<dimension ref="A1:XFD1048576" />')
    assert read_workbook(book).ok


def test_the_limit_counts_the_grid_calamine_would_build(tmp_path):
    # 17 rows × 8 columns = 136 cells in Woningen: within 200, a value at H30 is not
    book = _patched(tmp_path, "Woningen", "</sheetData>",
                    _far('<row r="30"><c r="H30"><v>1</v></c></row>'))
    others = sum(r * c for r, c in [(4, 11), (4, 10), (11, 5), (5, 4), (4, 3), (2, 3)])
    read_workbook(VALID, max_cells=17 * 8 + others)
    with pytest.raises(WorkbookUnreadable, match="the limit is"):
        read_workbook(book, max_cells=17 * 8 + others)


# ----------------------------------------------------------------------------- damaged zip
def _with_extract_version(version: int) -> bytes:
    data = bytearray(VALID.read_bytes())
    at = data.index(b"PK\x01\x02")                 # the first central directory entry
    data[at + 6:at + 8] = struct.pack("<H", version)
    return bytes(data)


def test_a_damaged_zip_version_is_damaged(tmp_path):
    book = tmp_path / "version.xlsx"
    book.write_bytes(_with_extract_version(107))
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(io.BytesIO(book.read_bytes()))
    with pytest.raises(WorkbookUnreadable, match="the workbook is damaged") as info:
        read_workbook(book)
    assert "zip file version 10.7" in info.value.message
    assert "beschadigd" in info.value.message_nl


# ----------------------------------------------------------------------------- out of range
def _problem_at(report, sheet, row, column):
    return [p for p in report.errors if (p.sheet, p.row, p.column) == (sheet, row, column)]


@pytest.mark.parametrize("value, words", [
    ("1e308", "the amount is out of range (at most 10,000,000,000 euros)"),
    ("-1E+20", "the amount is out of range"),
    ("NaN", "the number is not finite"),
    ("inf", "the number is not finite"),
])
def test_an_amount_out_of_range_is_an_error_on_its_cell(tmp_path, value, words):
    book = _patched(tmp_path, "Woningen", '<c r="H2" t="n"><v>560</v></c>',
                    f'<c r="H2" t="n"><v>{value}</v></c>')
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        report = check_workbook(book)
    [problem] = _problem_at(report, "Woningen", 2, "Kale huur per maand")
    assert words in problem.message and problem.message_nl


@pytest.mark.parametrize("value", ["100000000000000000000", "1e20", "1e308"])
def test_a_whole_number_out_of_range_is_an_error_on_its_cell(tmp_path, value):
    book = _patched(tmp_path, "Projecten", '<c r="C2" t="n"><v>2021</v></c>',
                    f'<c r="C2" t="n"><v>{value}</v></c>')
    report = check_workbook(book)
    [problem] = _problem_at(report, "Projecten", 2, "Jaar")
    assert problem.message.startswith("the number is out of range (at most 1,000,000,000,000)")
    assert "buiten het bereik" in problem.message_nl


def test_out_of_range_text_cells_are_errors_too(tmp_path):
    # text with a number beside real numbers takes the per-cell path
    book = _patched(tmp_path, "Projecten", '<c r="C2" t="n"><v>2021</v></c>',
                    '<c r="C2" t="inlineStr"><is><t>100000000000000000000</t></is></c>')
    report = check_workbook(book)
    [problem] = _problem_at(report, "Projecten", 2, "Jaar")
    assert "out of range" in problem.message


def test_an_unpriceable_saving_leaves_the_project_out_with_a_warning(tmp_path):
    """Savings and tariffs within range whose product overflows int64 cents: the
    project is left out of the affordability check, never given arbitrary cents."""
    book = _patched(tmp_path, "Projecten", '<c r="F2" t="n"><v>300</v></c>',
                    '<c r="F2" t="n"><v>900000000000</v></c>')
    with zipfile.ZipFile(book) as z:
        tariffs = z.read(SHEET["Tarieven"]).decode()
    gas_2021 = re.search(r'<c r="B3"[^>]*><v>[^<]*</v></c>', tariffs)[0]
    book2 = tmp_path / "both.xlsx"
    with zipfile.ZipFile(book) as zi, zipfile.ZipFile(book2, "w") as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == SHEET["Tarieven"]:
                data = data.replace(gas_2021.encode(), b'<c r="B3" t="n"><v>900000000000</v></c>')
            zo.writestr(info, data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        report = check_workbook(book2)
    assert not report.errors
    projects = {row["project"] for row in report.parts["affordability"]}
    assert "P-21-001" not in projects and projects
    assert any("P-21-001" in p.message and "cannot be computed" in p.message for p in report.warnings)


def test_valid_figures_are_unchanged():
    report = check_workbook(VALID)
    assert not report.errors
    assert {r["project"] for r in report.parts["affordability"]} >= {"P-21-001", "P-21-002"}


# ----------------------------------------------------------------------------- isolation
def test_isolated_read_gives_the_same_result():
    here = read_workbook(DATA / "shuffled_columns.xlsx")
    there = read_workbook(DATA / "shuffled_columns.xlsx", isolated=True)
    assert here.problems == there.problems
    assert here.row_numbers == there.row_numbers
    for a, b in zip(here.dataset.frames().values(), there.dataset.frames().values()):
        assert a.equals(b)


def test_isolated_read_reports_a_refusal_of_the_child():
    with pytest.raises(WorkbookUnreadable, match="encrypted|password"):
        read_workbook(DATA / "encrypted.xlsx", isolated=True)


def test_a_native_crash_of_the_isolated_reader_is_an_error(monkeypatch):
    """Without the preflight the far cell makes calamine abort (SIGABRT): in the child,
    so this process gets an error naming what happened."""
    monkeypatch.setattr(reader, "_refuse_large_sheets", lambda *args: None)
    with pytest.raises(WorkbookUnreadable) as info:
        read_workbook(DATA / "crashers" / "far_cell_issue25.xlsx", isolated=True)
    assert "the reader stopped (SIGABRT" in info.value.message
    assert "Nothing was changed" in info.value.message
    assert "de lezer is gestopt" in info.value.message_nl


def test_the_isolated_reader_starts_through_the_command_line_too(tmp_path):
    """A packaged program has no ``python -m``: it starts the reader child with the
    internal ``read-sheets`` subcommand, which gives the same sheets."""
    import pickle
    import subprocess
    import sys

    from desktop.exchange.sheets import CHILD_SUBCOMMAND

    valid = Path(__file__).resolve().parent.parent / "data" / "valid_soest.xlsx"
    done = subprocess.run([sys.executable, "-m", "desktop", CHILD_SUBCOMMAND, str(valid),
                           "5000000", "0"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    kind, names, _hidden, sheets = pickle.loads(done.stdout)
    assert kind == "ok"
    assert "Complexen" in names and "Woningen" in names
