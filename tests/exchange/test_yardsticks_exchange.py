"""The energy performance columns in a real workbook, and check's ``indicators``."""
from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest

from desktop.exchange.check import check_workbook, main_check
from desktop.exchange.reader import read_workbook
from desktop.exchange.writer import write_workbook
from tests.models.test_yardsticks import small_stock

PERFORMANCE = ["dwelling_type", "ep2_kwh_m2", "floor_area_m2", "loss_area_m2", "heat_demand_kwh_m2"]


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "prestaties.xlsx"
    write_workbook(small_stock(), path)
    return path


def test_the_new_columns_go_out_and_come_back(workbook):
    ws = openpyxl.load_workbook(workbook)["Complexen"]
    headers = [c.value for c in ws[1]]
    for h in ("Woningtype", "EP2 kWh per m2 per jaar", "Gebruiksoppervlakte Ag m2",
              "Verliesoppervlakte Als m2", "Netto warmtebehoefte kWh per m2 per jaar"):
        assert h in headers
    assert [c.value for c in ws[2]][headers.index("EP2 kWh per m2 per jaar")] == 200
    back = read_workbook(workbook)
    assert back.errors == []
    ds = small_stock()
    for table, key, columns in (("complexes", "complex", PERFORMANCE),
                                ("dwellings", "dwelling", PERFORMANCE),
                                ("projects", "project", ["ep2_after_kwh_m2", "heat_demand_after_kwh_m2"])):
        got = getattr(back.dataset, table).set_index(key)[columns]
        want = getattr(ds, table).set_index(key)[columns]
        pd.testing.assert_frame_equal(got, want, check_dtype=True)


def test_english_dwelling_type_is_read_and_a_wrong_one_is_an_error(tmp_path, workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Complexen"]
    col = [c.value for c in ws[1]].index("Woningtype") + 1
    ws.cell(row=2, column=col, value="Single-family")
    ws.cell(row=3, column=col, value="flat")
    wb.save(workbook)
    back = read_workbook(workbook)
    assert [(e.sheet, e.row, e.column) for e in back.errors] == [("Complexen", 3, "Woningtype")]
    assert back.dataset.complexes["dwelling_type"].iloc[0] == "eengezins"


def test_check_reports_indicators_per_corporation_and_year(workbook, capsys):
    report = check_workbook(workbook, base_year=2025)
    assert report.ok
    rows = {(r["corporation"], r["year"]): r for r in report.parts["indicators"]}
    assert len(rows) == 2 * (2050 - 2025 + 1)
    a = rows[("Alpha", 2026)]
    assert (a["dwellings"], a["efg"], a["toekomstklaar"], a["gas_free"]) == (7, 3, 4, 4)
    assert a["avg_ep2_kwh_m2"] == pytest.approx(1480 / 7)
    assert a["avg_distance_kwh_m2"] == pytest.approx(165 / 7)
    assert a["co2_gas_kg_m2"] == pytest.approx(11.25)
    assert rows[("Alpha", 2027)]["efg"] == 0
    assert [r["complex"] for r in report.parts["efg_2028"]] == ["C3"]
    # the command line prints the same as JSON (no NaN: unknown averages are null)
    assert main_check([str(workbook), "--json", "--base-year", "2025"]) == 0
    out = json.loads(capsys.readouterr().out)
    beta = [r for r in out["indicators"] if r["corporation"] == "Beta" and r["year"] == 2030][0]
    assert beta == {"corporation": "Beta", "year": 2030, "dwellings": 2, "efg": 2, "toekomstklaar": 0,
                    "gas_free": 2, "avg_distance_kwh_m2": None, "avg_ep2_kwh_m2": None,
                    "co2_gas_kg_m2": None}
    assert out["efg_2028"] == [{"complex": "C3", "name": "De Linden", "corporation": "Beta",
                                "neighbourhood": "Oost", "dwellings": 2, "efg": 2,
                                "next_project_year": None}]
