"""Reading programme workbooks: any spelling of the same programme gives the same data."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from desktop.exchange.columns import SHEETS
from desktop.exchange.reader import WorkbookUnreadable, read_workbook
from desktop.models import fields

DATA = Path(__file__).resolve().parent.parent / "data"


def _frames(result):
    return result.dataset.frames()


@pytest.fixture(scope="module")
def valid():
    return read_workbook(DATA / "valid_soest.xlsx")


def _write(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def test_valid_workbook_reads_without_problems(valid):
    assert valid.problems == []
    f = _frames(valid)
    assert {t: len(f[t]) for t in ("complexes", "dwellings", "projects", "votes", "targets",
                                   "tariffs", "emission_factors")} == {
        "complexes": 3, "dwellings": 16, "projects": 3, "votes": 10, "targets": 4, "tariffs": 3,
        "emission_factors": 1}
    assert valid.sheets_found["votes"] == "Stemmen"


def test_values_are_typed_and_money_is_cents(valid):
    c = _frames(valid)["complexes"].set_index("complex")
    assert c.loc["P-1002", "rent_cents"] == 60050           # 600.5 euro
    assert c.loc["A-2001", "rent_cents"] == 57525           # 575.25 euro
    assert c.loc["P-1002", "dwellings"] == 72
    assert pd.isna(c.loc["P-1001", "dwellings"])
    assert c.loc["P-1001", "gas_m3"] == 1100.0
    assert c.loc["P-1001", "build_year"] == 1965
    p = _frames(valid)["projects"].set_index("project")
    assert p.loc["A-22-001", "investment_cents"] == 1200050
    assert p.loc["A-22-001", "electricity_saving_kwh"] == -1500.0
    assert p.loc["P-21-001", "measures"] == "dakisolatie; hr++ glas"
    assert p.loc["P-21-001", "rent_increase_cents"] == 1800
    assert p["year"].tolist() == [2021, 2021, 2022]
    v = _frames(valid)["votes"]
    assert v["date"].iloc[0] == pd.Timestamp(dt.date(2021, 3, 1))
    assert v["vote"].tolist()[-3:] == ["ja", "nee", "geen reactie"]


def test_defaults_fill_empty_cells(valid):
    f = _frames(valid)
    c = f["complexes"].set_index("complex")
    assert c.loc["A-2001", "heating"] == "gasketel"          # empty cell
    p = f["projects"].set_index("project")
    assert p.loc["A-22-001", "status"] == "gepland"
    assert p.loc["P-21-001", "electricity_saving_kwh"] == 0.0
    assert p.loc["A-22-001", "rent_increase_cents"] == 0


def test_ids_stay_text(valid):
    d = _frames(valid)["dwellings"].set_index("dwelling")
    assert "0042" in d.index and "42" not in d.index
    assert d.loc["W-0011", "let"] == False  # noqa: E712  (vacant)
    assert d.loc["W-0001", "let"] == True  # noqa: E712


def test_row_numbers_are_excel_rows(valid):
    assert valid.row_numbers["dwellings"] == list(range(2, 18))
    assert valid.row_numbers["complexes"] == [2, 3, 4]


def test_present_columns(valid):
    # an older workbook: every column of the spec, none of the later additions (audit, and
    # the energy performance columns of issue 24, the heat use of issue 21)
    performance = {"dwelling_type", "ep2_kwh_m2", "floor_area_m2", "loss_area_m2", "heat_demand_kwh_m2",
                   "heat_gj"}
    assert valid.present_columns["complexes"] == {
        c.field for c in SHEETS[0].columns
        if c.field not in fields.audit_fields("complexes") and c.field not in performance}
    assert valid.present_columns["tariffs"] == {"year", "gas_eur_m3", "electricity_eur_kwh"}


@pytest.mark.parametrize("name", ["english_headers.xlsx", "shuffled_columns.xlsx",
                                  "dutch_numbers.xlsx", "libreoffice_calc.xlsx"])
def test_other_spellings_read_identically(valid, name):
    other = read_workbook(DATA / name)
    assert other.errors == []
    for table, frame in _frames(valid).items():
        pd.testing.assert_frame_equal(_frames(other)[table], frame, check_exact=False, rtol=1e-12,
                                      obj=f"{name}:{table}")


def test_shuffled_layout_warnings_and_rows():
    r = read_workbook(DATA / "shuffled_columns.xlsx")
    warned = {(w.sheet, w.row, w.column) for w in r.warnings}
    assert warned == {("Woningen", 4, "Opmerking"), ("Notities", None, None)}
    # header on row 4, an empty row after the 2nd, 5th, ... data row is skipped
    assert r.row_numbers["dwellings"][:6] == [5, 6, 8, 9, 10, 12]
    assert r.row_numbers["dwellings"][-1] == 25


def test_libreoffice_file_has_true_formulas_and_they_count():
    with zipfile.ZipFile(DATA / "libreoffice_calc.xlsx") as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert b"TRUE()" in xml and b"FALSE()" in xml
    d = _frames(read_workbook(DATA / "libreoffice_calc.xlsx"))["dwellings"]
    assert d["let"].tolist() == [True] * 10 + [False, False] + [True] * 4


def test_english_headers_are_found_case_insensitively():
    r = read_workbook(DATA / "english_headers.xlsx")
    assert r.sheets_found["dwellings"] == " DWELLINGS "
    assert r.headers["complexes"]["neighbourhood"] == "NEIGHBOURHOOD"


def test_missing_required_column_is_one_error_for_the_sheet(tmp_path):
    path = _write(tmp_path / "w.xlsx", {"Stemmen": [["Project", "Woning"], ["P1", "W1"], ["P1", "W2"]]})
    r = read_workbook(path)
    errors = [(e.sheet, e.row, e.column) for e in r.errors if e.sheet == "Stemmen"]
    assert ("Stemmen", 1, None) in errors
    stem_errors = [e for e in r.errors if e.sheet == "Stemmen" and "Stem [Vote]" in e.message]
    assert len(stem_errors) == 1
    assert "verplichte kolom ontbreekt" in stem_errors[0].message_nl


def test_duplicate_column_is_an_error_and_unknown_column_a_warning(tmp_path):
    path = _write(tmp_path / "w.xlsx", {
        "Tarieven": [["Jaar", "Gas euro per m3", "Electricity euro per kWh", "jaar", "Bron"],
                     [2021, 0.8, 0.22, 2022, "CBS"]]})
    r = read_workbook(path)
    assert [(e.sheet, e.row, e.column) for e in r.errors] == [("Tarieven", 1, "jaar")]
    assert [(w.sheet, w.row, w.column) for w in r.warnings] == [("Tarieven", 1, "Bron")]
    assert r.dataset.tariffs["year"].tolist() == [2021]


def test_subset_of_sheets_and_hidden_helper_sheet(tmp_path):
    path = _write(tmp_path / "w.xlsx", {
        "Tarieven": [["Jaar", "Gas euro per m3", "Elektriciteit euro per kWh"], [2021, "0,80", "0,22"]],
        "Lijsten": [["gasketel"], ["warmtepomp"]]}, hidden=("Lijsten",))
    r = read_workbook(path)
    assert r.problems == []
    assert r.dataset.tariffs["gas_eur_m3"].tolist() == [0.8]
    assert set(r.sheets_found) == {"tariffs"}
    assert len(r.dataset.complexes) == 0


def test_two_sheets_for_one_table_is_an_error(tmp_path):
    rows = [["Jaar", "Gas euro per m3", "Elektriciteit euro per kWh"], [2021, 0.8, 0.22]]
    r = read_workbook(_write(tmp_path / "w.xlsx", {"Tarieven": rows, "Tariffs": rows}))
    assert [(e.sheet, e.row) for e in r.errors] == [("Tariffs", None)]


def test_cell_errors_point_at_the_excel_cell(tmp_path):
    path = _write(tmp_path / "w.xlsx", {"Tarieven": [
        [None], ["Jaar", "Gas euro per m3", "Elektriciteit euro per kWh"],
        [2021, "1.234", 0.22], [None, None, None], [2022, "2,30", "veel"]]})
    r = read_workbook(path)
    assert [(e.sheet, e.row, e.column) for e in r.errors] == [
        ("Tarieven", 3, "Gas euro per m3"), ("Tarieven", 5, "Elektriciteit euro per kWh")]
    assert r.row_numbers["tariffs"] == [3, 5]


def test_required_empty_cell(tmp_path):
    path = _write(tmp_path / "w.xlsx", {"Tarieven": [
        ["Jaar", "Gas euro per m3", "Elektriciteit euro per kWh"], [2021, None, 0.22]]})
    r = read_workbook(path)
    assert [(e.row, e.column, e.message) for e in r.errors] == [
        (2, "Gas euro per m3", "this value is required")]


# ----------------------------------------------------------------------------- refusals
@pytest.mark.parametrize("name, words", [
    ("not_xlsx.xlsx", "not an Excel workbook"), ("truncated.xlsx", "damaged"),
    ("empty.xlsx", "empty (0 bytes)"), ("encrypted.xlsx", "encrypted"),
])
def test_unreadable_files_are_refused(name, words):
    with pytest.raises(WorkbookUnreadable) as info:
        read_workbook(DATA / name)
    assert words in info.value.message
    assert info.value.message_nl and info.value.message_nl != info.value.message


def test_old_xls_and_ods_are_refused_with_advice(tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    with pytest.raises(WorkbookUnreadable, match=r"\.xls"):
        read_workbook(xls)
    ods = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(WorkbookUnreadable, match="OpenDocument"):
        read_workbook(ods)


def test_missing_file(tmp_path):
    with pytest.raises(WorkbookUnreadable, match="not found"):
        read_workbook(tmp_path / "nope.xlsx")


def test_too_large_file_names_the_limit():
    with pytest.raises(WorkbookUnreadable) as info:
        read_workbook(DATA / "valid_soest.xlsx", max_bytes=1000)
    assert "too large (9 KB); the limit is 1000 bytes" in info.value.message


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(DATA / "valid_soest.xlsx") as src, \
            zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/padding.bin", bytes(3 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(WorkbookUnreadable, match="unpacks to 3 MB; the limit is 2 MB"):
        read_workbook(bomb, max_uncompressed=2 * 1024 * 1024)


def test_too_many_cells_names_the_limit():
    with pytest.raises(WorkbookUnreadable, match="the limit is 100"):
        read_workbook(DATA / "valid_soest.xlsx", max_cells=100)


# ----------------------------------------------------------------------------- invariants
def test_validate_dataset_on_frames_for_the_store():
    from desktop.models.dataset import Dataset

    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees", "dwellings": 2},
                   {"complex": "C2", "corporation": "Portaal", "neighbourhood": "Overhees", "dwellings": 10}],
        dwellings=[{"dwelling": "D1", "complex": "C1", "let": True},
                   {"dwelling": "D2", "complex": "C1", "let": False},
                   {"dwelling": "D1", "complex": "C1", "let": True}],
        projects=[{"project": "P1", "complex": "C2", "year": 2021, "gas_saving_m3": 100.0}],
        votes=[{"project": "P1", "dwelling": "D1", "vote": "ja"}],
        targets=[{"corporation": "Portaal", "from_year": 2022, "to_year": 2021, "dwellings": 5}],
    )
    found = {(p.table, p.row, p.column) for p in ds.validate()}
    assert found == {
        ("dwellings", 2, "dwelling"),        # duplicate D1, the later row
        ("complexes", 0, "dwellings"),       # 2 declared, 3 rows
        ("votes", 0, "dwelling"),            # D1 is in C1, P1 covers C2
        ("targets", 0, "to_year"),           # 2022-2021
    }
    assert all(p.message_nl and p.severity == "error" for p in ds.validate())
    dup = next(p for p in ds.validate() if p.table == "dwellings")
    assert dup.key == "D1" and "duplicate dwelling 'D1'" in dup.message


def test_validate_dataset_is_empty_for_an_empty_dataset():
    from desktop.models.dataset import Dataset

    assert Dataset.empty().validate() == []


def test_impossible_form_dates_are_errors_at_the_date_cell(tmp_path):
    """Issue 19.2 in the reader: a form date in the future, or before the project's
    campaign started (A-25-001: 15-02-2026, known from the workspace read against)."""
    from desktop.exchange.writer import write_workbook
    from desktop.sample import build_sample

    ds, _ = build_sample()
    v = ds.votes.copy()
    mine = v.index[v["project"] == "A-25-001"]
    v.loc[mine[0], "date"] = pd.Timestamp(dt.date.today() + dt.timedelta(days=30))
    v.loc[mine[1], "date"] = pd.Timestamp("2026-01-10")
    ds.votes = v
    path = write_workbook(ds, tmp_path / "dates.xlsx", lang="nl") or tmp_path / "dates.xlsx"
    base, _ = build_sample()
    result = read_workbook(tmp_path / "dates.xlsx", context=base)
    found = [(e.sheet, e.column, e.message) for e in result.errors]
    assert [f[:2] for f in found] == [("Stemmen", "Datum")] * 2
    assert "future" in found[0][2] and "before the campaign started (15-02-2026)" in found[1][2]
