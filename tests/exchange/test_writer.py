"""Writing programme workbooks: what a user sees when opening an exported file, and that
an export reads back (with the workbook reader) to the same data."""
from __future__ import annotations

import datetime as dt
import string

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.columns import SHEETS
from desktop.exchange.progress import Cancelled
from desktop.exchange.reader import read_workbook
from desktop.exchange.writer import ENGINES, INSTRUCTIONS_SHEET, write_workbook
from desktop.models.dataset import Dataset
from desktop.models.enums import LABELS

TABLE_SHEETS = [s.dutch for s in SHEETS]


# the energy performance columns (issue 24), last on Complexen and Woningen
PERFORMANCE_HEADERS = ["Woningtype", "EP2 kWh per m2 per jaar", "Gebruiksoppervlakte Ag m2",
                       "Verliesoppervlakte Als m2", "Netto warmtebehoefte kWh per m2 per jaar"]
TYPES = '"eengezins,meergezins"'


def small_dataset() -> Dataset:
    return Dataset.from_records(
        complexes=[
            {"complex": "P-1001", "corporation": "Portaal", "neighbourhood": "'t Hart",
             "name": "Beukenlaan e.o.", "build_year": 1965, "dwellings": 3, "heating": "gasketel",
             "label": "D", "gas_m3": 1200.0, "electricity_kwh": 2450.0, "rent_cents": 61250},
            {"complex": "0042", "corporation": "de Alliantie", "neighbourhood": "Smitsveen",
             "name": "=HYPERLINK(\"x\")", "build_year": None, "dwellings": 12,
             "heating": "stadsverwarming", "label": None, "gas_m3": None,
             "electricity_kwh": None, "rent_cents": None},
        ],
        dwellings=[
            {"dwelling": "0001", "complex": "P-1001", "address": "=SUM(A1:A9)", "let": True,
             "label": "C", "gas_m3": 950.5, "electricity_kwh": 2100.0, "rent_cents": 12345},
            {"dwelling": "0002", "complex": "P-1001", "address": "+31 35 123 4567", "let": False,
             "label": None, "gas_m3": None, "electricity_kwh": None, "rent_cents": None},
            {"dwelling": "0003", "complex": "P-1001", "address": "Kerkebuurt 3, Soest", "let": True,
             "label": "A++++", "gas_m3": 0.0, "electricity_kwh": 0.0, "rent_cents": 0},
        ],
        projects=[
            {"project": "PR-1", "complex": "P-1001", "year": 2026,
             "measures": "dakisolatie; warmtepomp", "label_after": "A", "gas_saving_m3": 900.0,
             "electricity_saving_kwh": -1500.0, "rent_increase_cents": 2500,
             "investment_cents": 4_500_000, "status": "draagvlakmeting"},
        ],
        votes=[
            {"project": "PR-1", "dwelling": "0001", "vote": "ja", "date": "2025-03-01",
             "recorded_by": "@jansen"},
            {"project": "PR-1", "dwelling": "0003", "vote": "geen reactie", "date": None,
             "recorded_by": "-"},
        ],
        targets=[{"corporation": "Portaal", "from_year": 2022, "to_year": 2024, "dwellings": 542}],
        tariffs=[{"year": 2023, "gas_eur_m3": 1.45, "electricity_eur_kwh": 0.40}],
        emission_factors=[{"year": 2020, "gas_kg_m3": 1.779, "electricity_kg_kwh": 0.497}],
    )


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


def export(tmp_path, ds=None, **kw):
    path = tmp_path / "programma.xlsx"
    write_workbook(small_dataset() if ds is None else ds, path, **kw)
    return path, openpyxl.load_workbook(path)


def header(ws) -> list:
    return [c.value for c in ws[1]]


def column(ws, title: str) -> list:
    j = header(ws).index(title)
    return [row[j] for row in ws.iter_rows(min_row=2)]


def validations(ws) -> dict[str, str]:
    """Column letter -> list formula of the sheet's dropdowns."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        for rng in dv.sqref.ranges:
            assert rng.min_row == 2 and rng.max_row == 1_048_576
            out[openpyxl.utils.get_column_letter(rng.min_col)] = dv.formula1
    return out


def test_sheets_in_spec_order_with_instructions_last(tmp_path, engine):
    _, wb = export(tmp_path, engine=engine)
    assert wb.sheetnames == TABLE_SHEETS + ["Toelichting"]
    # every table of the workspace has its sheet (issue 18), the histories last
    assert TABLE_SHEETS[-5:] == ["Capaciteit", "Huurgrenzen", "Maatregelencatalogus",
                                 "Stemgeschiedenis", "Statusgeschiedenis"]


def test_headers_are_dutch_bold_filled_frozen_and_filtered(tmp_path, engine):
    _, wb = export(tmp_path, engine=engine)
    ws = wb["Woningen"]
    assert header(ws) == ["Woning", "Complex", "Adres", "Verhuurd", "Energielabel",
                          "Gas m3 per jaar", "Elektriciteit kWh per jaar", "Kale huur per maand",
                          "Huurder", "Verhuurd sinds", "Leeg sinds", *PERFORMANCE_HEADERS, "Versie",
                          "Gewijzigd door", "Gewijzigd op", "Gewijzigde velden"]
    for cell in ws[1]:
        assert cell.font.b is True
        assert cell.fill.fgColor.rgb.endswith("1F5C4A")
        assert cell.alignment.wrap_text is True
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:T4"           # header + 3 dwellings
    assert wb["Projecten"].auto_filter.ref == "A1:R2"
    for name in TABLE_SHEETS:
        assert wb[name].freeze_panes == "A2"


def test_column_widths_fit_header_words_and_data_capped(tmp_path, engine):
    long = "Heel lange straatnaam " * 10              # 220 characters
    ds = small_dataset()
    ds.dwellings.loc[2, "address"] = long
    _, wb = export(tmp_path, ds, engine=engine)
    dims = wb["Woningen"].column_dimensions
    widths = {c: dims[c].width for c in "ABCDEFGH"}
    # (XlsxWriter stores the width plus Excel's cell padding of ~0.71)
    assert widths["C"] == pytest.approx(50, abs=1)     # address: capped
    assert 8 <= widths["A"] < 20                       # "Woning", short ids
    # "Elektriciteit kWh per jaar" wraps, but its longest word fits: 13 + 2
    assert widths["G"] >= 15
    assert all(8 <= w <= 51 for w in widths.values())


def test_dropdowns_for_yes_no_labels_heating_status_vote(tmp_path, engine):
    _, wb = export(tmp_path, engine=engine)
    labels = '"' + ",".join(LABELS) + '"'
    assert labels == '"A++++,A+++,A++,A+,A,B,C,D,E,F,G"'
    assert validations(wb["Complexen"]) == {
        "G": '"gasketel,blokverwarming,stadsverwarming,warmtepomp,hybride warmtepomp,elektrisch"',
        "H": labels, "L": TYPES}
    assert validations(wb["Woningen"]) == {"D": '"ja,nee"', "E": labels, "L": TYPES}
    assert validations(wb["Projecten"]) == {
        "E": labels,
        "J": '"gepland,draagvlakmeting,akkoord,in uitvoering,gereed,vervallen"'}
    assert validations(wb["Stemmen"]) == {"C": '"ja,nee,geen reactie"'}
    assert validations(wb["Tarieven"]) == {}


def test_numbers_are_numbers_money_in_euros_dates_are_dates(tmp_path, engine):
    _, wb = export(tmp_path, engine=engine)
    ws = wb["Woningen"]
    rent = column(ws, "Kale huur per maand")
    assert [c.value for c in rent] == [123.45, None, 0]
    assert rent[0].data_type == "n" and "€" in rent[0].number_format \
        and "#,##0.00" in rent[0].number_format
    gas = column(ws, "Gas m3 per jaar")
    assert gas[0].data_type == "n" and gas[0].value == 950.5
    assert [c.value for c in column(ws, "Verhuurd")] == ["ja", "nee", "ja"]
    assert [c.value for c in column(ws, "Woning")] == ["0001", "0002", "0003"]   # ids stay text

    p = wb["Projecten"]
    assert [c.value for c in p[2]] == ["PR-1", "P-1001", 2026, "dakisolatie; warmtepomp", "A",
                                       900, -1500, 25, 45000, "draagvlakmeting", None, None,
                                       None, None, 1, None, None, None]
    saving = column(p, "Elektriciteitsbesparing kWh per woning per jaar")[0]
    assert saving.data_type == "n" and saving.value == -1500         # a negative NUMBER
    assert column(p, "Investering per woning")[0].number_format == rent[0].number_format

    date = column(wb["Stemmen"], "Datum")
    assert date[0].is_date and date[0].value == dt.datetime(2025, 3, 1)
    assert date[0].number_format == "dd-mm-yyyy"
    assert date[1].value is None
    t = wb["Tarieven"]
    assert [c.value for c in t[2]] == [2023, 1.45, 0.4, 1, None, None, None]   # + last editor


def test_formula_looking_text_stays_text(tmp_path, engine):
    path, wb = export(tmp_path, engine=engine)
    cells = column(wb["Woningen"], "Adres")[:2] + column(wb["Stemmen"], "Vastgelegd door") \
        + [column(wb["Complexen"], "Naam")[1]]
    assert [c.value for c in cells] == ["=SUM(A1:A9)", "+31 35 123 4567", "@jansen", "-",
                                        '=HYPERLINK("x")']
    for c in cells:
        assert c.data_type == "s"
    # no formula anywhere in the file: openpyxl would show data_type 'f' and a cell
    # formula element would be in the sheet XML
    import zipfile
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_template_has_headers_dropdowns_and_instructions_but_no_rows(tmp_path, engine):
    _, wb = export(tmp_path, template=True, engine=engine)
    assert wb.sheetnames == TABLE_SHEETS + ["Toelichting"]
    for sheet in SHEETS:
        ws = wb[sheet.dutch]
        assert ws.max_row == 1
        assert header(ws) == [c.dutch for c in sheet.columns]
    assert validations(wb["Stemmen"]) == {"C": '"ja,nee,geen reactie"'}
    assert wb["Toelichting"].max_row > 50


def test_privacy_export_leaves_out_addresses_and_recorders(tmp_path, engine):
    path, wb = export(tmp_path, personal_data=False, engine=engine)
    assert "Adres" not in header(wb["Woningen"])
    assert "Vastgelegd door" not in header(wb["Stemmen"])
    assert header(wb["Woningen"])[:3] == ["Woning", "Complex", "Verhuurd"]
    assert validations(wb["Woningen"]) == {"C": '"ja,nee"', "D": '"' + ",".join(LABELS) + '"',
                                           "J": TYPES}
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    for personal in ("Kerkebuurt 3, Soest", "=SUM(A1:A9)", "+31 35 123 4567", "@jansen"):
        assert personal not in texts
    # the instructions describe only what is in the file
    instructions = " ".join(str(v) for v in texts if v)
    assert "Adres [Address]" not in instructions
    # and an import of it leaves the addresses in the workspace alone
    r = read_workbook(path)
    assert "address" not in r.present_columns["dwellings"]
    assert "recorded_by" not in r.present_columns["votes"]


def test_instructions_describe_every_sheet_and_column_in_both_languages(tmp_path, engine):
    _, wb = export(tmp_path, engine=engine)
    ws = wb[INSTRUCTIONS_SHEET[0]]
    texts = [c.value for row in ws.iter_rows() for c in row if c.value]
    joined = "\n".join(str(t) for t in texts)
    for sheet in SHEETS:
        assert f"{sheet.dutch} [{sheet.english}]" in texts
        for col in sheet.columns:
            assert f"{col.dutch} [{col.english}]" in texts
    assert "Eén rij per woning" in joined and "One row per dwelling" in joined
    assert "gepland, draagvlakmeting, akkoord" in joined and "planned, consulting, agreed" in joined
    assert "Dit tabblad wordt bij importeren overgeslagen." in texts


def test_english_names_and_headers(tmp_path, engine):
    path, wb = export(tmp_path, lang="en", engine=engine)
    assert wb.sheetnames == [s.english for s in SHEETS] + ["Instructions"]
    assert header(wb["Votes"]) == ["Project", "Dwelling", "Vote", "Date", "Recorded by"]
    r = read_workbook(path)
    assert r.errors == []
    assert r.dataset.votes["recorded_by"].tolist() == ["@jansen", "-"]


def test_progress_reports_rising_fractions_up_to_one(tmp_path, engine):
    seen = []
    export(tmp_path, progress=lambda f: seen.append(f) or True, engine=engine)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_cancel_raises_and_leaves_an_existing_file_alone(tmp_path, engine):
    path = tmp_path / "programma.xlsx"
    path.write_bytes(b"previous export")
    calls = []

    def cancel_soon(fraction):
        calls.append(fraction)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        write_workbook(small_dataset(), path, progress=cancel_soon, engine=engine)
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["programma.xlsx"]    # no temp file left


def test_export_reads_back_to_the_same_data(tmp_path, engine):
    ds = small_dataset()
    path, _ = export(tmp_path, ds, engine=engine)
    r = read_workbook(path)
    assert r.errors == []
    assert [(w.sheet, w.severity) for w in r.warnings] in ([], [("Toelichting", "warning")])
    assert_same_dataset(ds, r.dataset)


def assert_same_dataset(expected: Dataset, got: Dataset) -> None:
    for sheet in SHEETS:
        a = getattr(expected, sheet.table)
        b = getattr(got, sheet.table)
        cols = [c.field for c in sheet.columns]
        pd.testing.assert_frame_equal(a[cols].reset_index(drop=True), b[cols], check_exact=True,
                                      obj=sheet.dutch)


# ---- property: any small programme survives export -> read ------------------------
_TEXT_ALPHABET = string.ascii_letters + string.digits + " éëïóöüĳ'&()/.,=+-@€"
_text = st.text(_TEXT_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)
_ids = st.one_of(st.from_regex(r"\A[0-9]{1,5}\Z"), st.from_regex(r"\A[=+@A-Z-][A-Za-z0-9-]{0,6}\Z"))
_maybe = lambda s: st.one_of(st.none(), s)                               # noqa: E731
_amount = st.integers(0, 10_000_000)                                     # cents
_number = st.integers(-10**7, 10**7).map(lambda n: n / 100)              # two decimals


@st.composite
def programmes(draw) -> Dataset:
    ids = draw(st.lists(_ids, min_size=2, max_size=8, unique=True))
    n_c = draw(st.integers(1, max(1, len(ids) // 2)))
    c_ids, d_ids = ids[:n_c], ids[n_c:]
    complexes = [{
        "complex": c, "corporation": draw(_text), "neighbourhood": draw(_text),
        "name": draw(_maybe(_text)), "build_year": draw(_maybe(st.integers(1800, 2100))),
        "dwellings": draw(_maybe(st.integers(1, 500))),
        "heating": draw(st.sampled_from(["gasketel", "warmtepomp", "hybride warmtepomp"])),
        "label": draw(_maybe(st.sampled_from(LABELS))),
        "gas_m3": draw(_maybe(_number.map(abs))), "electricity_kwh": draw(_maybe(_number.map(abs))),
        "rent_cents": draw(_maybe(_amount)),
    } for c in c_ids]
    dwellings = [{
        "dwelling": d, "complex": draw(st.sampled_from(c_ids)), "address": draw(_maybe(_text)),
        "let": draw(st.booleans()), "label": draw(_maybe(st.sampled_from(LABELS))),
        "gas_m3": draw(_maybe(_number.map(abs))), "electricity_kwh": draw(_maybe(_number.map(abs))),
        "rent_cents": draw(_maybe(_amount)),
    } for d in d_ids]
    projects = [{
        "project": f"PR-{i:04d}", "complex": c, "year": draw(st.integers(2000, 2100)),
        "measures": draw(_maybe(st.lists(_text.filter(lambda t: ";" not in t), min_size=1,
                                         max_size=3).map("; ".join))),
        "label_after": draw(_maybe(st.sampled_from(LABELS))),
        "gas_saving_m3": draw(_number.map(abs)),
        "electricity_saving_kwh": draw(_number),                         # may be negative
        "rent_increase_cents": draw(_amount), "investment_cents": draw(_maybe(_amount)),
        "status": draw(st.sampled_from(["gepland", "akkoord", "vervallen"])),
    } for i, c in enumerate(c_ids)]
    votes = []
    for p in projects:
        for d in dwellings:
            if d["complex"] == p["complex"] and d["let"] and draw(st.booleans()):
                votes.append({
                    "project": p["project"], "dwelling": d["dwelling"],
                    "vote": draw(st.sampled_from(["ja", "nee", "geen reactie"])),
                    "date": draw(_maybe(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
                                        .map(lambda x: pd.Timestamp(x)))),
                    "recorded_by": draw(_maybe(_text))})
    years = draw(st.lists(st.integers(2000, 2100), max_size=3, unique=True))
    tariffs = [{"year": y, "gas_eur_m3": draw(_number.map(abs)),
                "electricity_eur_kwh": draw(_number.map(abs))} for y in years]
    return Dataset.from_records(complexes=complexes, dwellings=dwellings, projects=projects,
                                votes=votes, tariffs=tariffs)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=programmes(), engine=st.sampled_from(ENGINES))
def test_property_export_then_read_gives_the_same_frames(tmp_path, ds, engine):
    path = tmp_path / f"prop-{engine}.xlsx"
    write_workbook(ds, path, engine=engine)
    r = read_workbook(path)
    # declared counts may disagree with the generated dwellings: that is the only
    # kind of error a generated programme may have, and it does not touch the frames
    assert_same_dataset(ds, r.dataset)
