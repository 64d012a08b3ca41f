"""Sheets Verbruik and Graaddagen (issue 23): export -> import round trip, the privacy
export, and check --json's realised section on a real workbook."""
from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest

from desktop.exchange.check import check_workbook, report_json
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.exchange.writer import write_workbook
from desktop.models.dataset import Dataset
from desktop.store.workspace import Workspace

USAGE = [
    {"complex": "C1", "dwelling": None, "year": 2021, "gas_m3": 1200.0, "electricity_kwh": 2500.0,
     "source": "jaarafrekening"},
    {"complex": "C1", "dwelling": None, "year": 2023, "gas_m3": 900.0, "electricity_kwh": 2500.0,
     "source": "jaarafrekening"},
    {"complex": "C2", "dwelling": "D1", "year": 2021, "gas_m3": 1000.0, "electricity_kwh": 2000.0,
     "source": "slimme meter"},
    {"complex": "C2", "dwelling": "D2", "year": 2021, "gas_m3": 1200.0, "electricity_kwh": -300.0,
     "source": "slimme meter"},
    {"complex": "C2", "dwelling": "D1", "year": 2023, "gas_m3": 800.0, "electricity_kwh": None,
     "source": None},
]
DEGREE_DAYS = [{"year": 2021, "degree_days": 2860.0}, {"year": 2023, "degree_days": 2340.0}]


def dataset() -> Dataset:
    complexes = [{"complex": c, "corporation": "Portaal", "neighbourhood": "Overhees",
                  "dwellings": n, "rent_cents": 60000} for c, n in (("C1", 10), ("C2", None))]
    return Dataset.from_records(
        complexes=complexes,
        dwellings=[{"dwelling": d, "complex": "C2"} for d in ("D1", "D2")],
        projects=[{"project": "P1", "complex": "C1", "year": 2022, "gas_saving_m3": 500.0,
                   "rent_increase_cents": 4000, "status": "gereed", "measures": "dakisolatie"}],
        tariffs=[{"year": 2023, "gas_eur_m3": 1.20, "electricity_eur_kwh": 0.40}],
        usage=USAGE, degree_days=DEGREE_DAYS)


def rows(frame: pd.DataFrame) -> list[tuple]:
    return sorted(tuple(None if pd.isna(v) else v for v in r)
                  for r in frame.itertuples(index=False, name=None))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_then_import_into_an_empty_workspace_gives_the_same_rows(tmp_path, lang):
    ws = Workspace.open(tmp_path / "a.rpw")
    ws.replace_all(dataset())
    assert rows(ws.load().usage) == rows(dataset().usage)        # stored and loaded back
    book = tmp_path / "export.xlsx"
    export_workspace(ws, book, lang=lang)
    names = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert ("Verbruik" if lang == "nl" else "Use") in names
    assert ("Graaddagen" if lang == "nl" else "Degree days") in names
    empty = Workspace.open(tmp_path / "b.rpw")
    outcome = import_workbook(book, empty)
    assert outcome.ok, [p.message for p in outcome.errors]
    back = empty.load()
    assert rows(back.usage) == rows(dataset().usage)
    assert rows(back.degree_days) == rows(dataset().degree_days)
    # the same workbook again changes nothing (the empty dwelling matches as a key)
    again = import_workbook(book, empty)
    assert again.plan.summary["usage"] == {"added": 0, "changed": 0, "unchanged": 5}
    # a corrected complex-level reading (no dwelling: NULL in the key) updates its row
    wb = openpyxl.load_workbook(book)
    sheet = wb["Verbruik" if lang == "nl" else "Use"]
    header = [c.value for c in sheet[1]]
    gas = header.index("Gas m3") + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "C1" and row[2].value == 2023:
            row[gas - 1].value = 950
    wb.save(book)
    fixed = import_workbook(book, empty)
    assert fixed.ok and fixed.plan.summary["usage"] == {"added": 0, "changed": 1, "unchanged": 4}
    u = empty.load().usage
    assert u[(u["complex"] == "C1") & (u["year"] == 2023)]["gas_m3"].tolist() == [950.0]
    assert len(u) == 5
    ws.close()
    empty.close()


def test_export_without_personal_data_averages_dwelling_use_per_complex(tmp_path):
    book = tmp_path / "private.xlsx"
    write_workbook(dataset(), book, personal_data=False)
    sheet = openpyxl.load_workbook(book, read_only=True)["Verbruik"]
    values = list(sheet.values)
    assert "Woning" not in values[0]
    assert "D1" not in {v for r in values for v in r}
    body = {(r[0], r[1]): r for r in values[1:]}
    # C2 2021: (1000 + 1200) / 2 m3, (2000 − 300) / 2 kWh; 2023: D1 alone
    assert body[("C2", 2021)][2:4] == (1100, 850)
    assert body[("C2", 2023)][2] == 800
    assert body[("C1", 2021)][2] == 1200


def test_check_json_has_the_realised_section(tmp_path):
    book = tmp_path / "realised.xlsx"
    write_workbook(dataset(), book)
    report = check_workbook(book)
    assert report.ok, [e.message for e in report.errors]
    data = json.loads(report_json(report))
    [r] = data["realised"]
    # weather-corrected: 1200 × 2600/2860 = 1090.909 -> 900 × 2600/2340 = 1000
    assert r["project"] == "P1" and r["weather_corrected"] is True
    assert r["gas_before_m3"] == 1090.909 and r["gas_after_m3"] == 1000.0
    assert r["realised_saving_cents"] == 909 and r["predicted_saving_cents"] == 5000
    assert r["guarantee_broken"] is True and r["extra_cents_per_month"] == 3091
    assert r["housing_after_cents"] - r["housing_before_cents"] == 3091
    assert r["missing"] == [] and r["missing_dwellings"] == []


def test_text_report_lists_the_missing_readings(tmp_path):
    from desktop.exchange.check import report_text

    ds = dataset()
    ds.usage = ds.usage[ds.usage["year"] != 2023].reset_index(drop=True)
    book = tmp_path / "missing.xlsx"
    write_workbook(ds, book)
    text = report_text(check_workbook(book), "en")
    assert "gas 2023, electricity 2023" in text
