"""The check command: JSON contract, exit codes, readable report, no tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.exchange.check import PARTS, check_workbook, main_check, report_json, report_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

EXPECTED_ERRORS = [
    ("Complexen", 4, "Aantal woningen"),      # 5 declared, 4 rows
    ("Complexen", 5, "Complex"),              # duplicate P-1001, on the later row
    ("Complexen", 6, "Aantal woningen"),      # neither a count nor rows
    ("Woningen", 2, "Verhuurd"),              # "misschien"
    ("Woningen", 18, "Complex"),              # complex P-9999 does not exist
    ("Projecten", 2, "Gasbesparing m3 per woning per jaar"),   # "1.234" ambiguous
    ("Projecten", 3, "Jaar"),                 # 1999
    ("Projecten", 4, "Status"),               # "bijna klaar"
    ("Stemmen", 3, "Stem"),                   # "misschien"
    ("Stemmen", 12, "Stem"),                  # vacant dwelling W-0011
    ("Stemmen", 13, "Woning"),                # second vote P-21-001 / W-0001
    ("Stemmen", 14, "Woning"),                # 0042 is in another complex
    ("Stemmen", 15, "Project"),               # project P-99-999 does not exist
    ("Doelen", 5, "Tot en met jaar"),         # 2025-2022
    ("Tarieven", 1, None),                    # required column missing
]


def run_check(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANGUAGE="en")
    return subprocess.run([sys.executable, "-m", "desktop.exchange.check", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def test_errors_are_located_where_the_spec_puts_them():
    report = check_workbook(DATA / "errors.xlsx")
    assert [(e.sheet, e.row, e.column) for e in report.errors] == EXPECTED_ERRORS
    by_place = {(e.sheet, e.row, e.column): e for e in report.errors}
    assert "vacant" in by_place[("Stemmen", 12, "Stem")].message
    assert "staat leeg" in by_place[("Stemmen", 12, "Stem")].message_nl
    assert "5 dwellings declared, but Woningen has 4 rows" in by_place[("Complexen", 4, "Aantal woningen")].message
    assert "ambiguous" in by_place[("Projecten", 2, "Gasbesparing m3 per woning per jaar")].message


def test_cli_json_with_errors_exits_1_and_still_prints():
    proc = run_check(str(DATA / "errors.xlsx"), "--json")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    data = json.loads(proc.stdout)
    assert list(data) == ["errors", "warnings", *PARTS]
    assert [(e["sheet"], e["row"], e["column"]) for e in data["errors"]] == EXPECTED_ERRORS
    for e in data["errors"]:
        assert list(e) == ["sheet", "row", "column", "message"]
        assert isinstance(e["message"], str) and e["message"]


def test_cli_json_valid_exits_0():
    proc = run_check(str(DATA / "valid_soest.xlsx"), "--json", "--base-year", "2021")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["errors", "warnings", *PARTS]
    assert data["errors"] == []
    for part in PARTS:
        assert isinstance(data[part], list)


def test_cli_dutch_messages():
    proc = run_check(str(DATA / "errors.xlsx"), "--json", "--lang", "nl")
    data = json.loads(proc.stdout)
    messages = [e["message"] for e in data["errors"]]
    assert any("staat leeg" in m for m in messages)
    assert any("verplichte kolom ontbreekt" in m for m in messages)


@pytest.mark.parametrize("name, words", [
    ("not_xlsx.xlsx", "not an Excel workbook"), ("truncated.xlsx", "damaged"),
    ("empty.xlsx", "empty"), ("encrypted.xlsx", "encrypted"), ("missing.xlsx", "not found"),
])
def test_cli_unreadable_exits_2_with_one_line(name, words):
    proc = run_check(str(DATA / name), "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert words in proc.stderr


def test_cli_bad_arguments_and_help():
    proc = run_check("--json")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = run_check(str(DATA / "valid_soest.xlsx"), "--base-year", "soon")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = run_check("--help")
    assert proc.returncode == 0 and "--base-year" in proc.stdout and "--json" in proc.stdout


def test_text_report_in_both_languages(capsys):
    assert main_check([str(DATA / "errors.xlsx"), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "Errors (15)" in out
    assert "Stemmen, row 12, Stem: dwelling 'W-0011' is vacant" in out
    assert main_check([str(DATA / "errors.xlsx"), "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    assert "Fouten (15)" in out
    assert "Stemmen, rij 12, Stem: woning 'W-0011' staat leeg" in out
    assert main_check([str(DATA / "shuffled_columns.xlsx"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    # 2 about the layout, 4 grouped estimates (use from the complex or the label)
    assert "Warnings (6)" in out and "Woningen, row 4, Opmerking: unknown column" in out
    assert "Complex P-1001: gas use of 11 dwellings taken from the complex value" in out


def test_report_json_numbers_are_plain():
    report = check_workbook(DATA / "valid_soest.xlsx")
    text = report_json(report)
    assert "NaN" not in text
    json.loads(text)
    assert report_text(report).startswith("Workbook check: valid_soest.xlsx")


# ----------------------------------------------------------------------------- the parts
def _parts_or_skip(name="valid_soest.xlsx", base_year=2020):
    for module in ("support", "affordability", "programme", "co2"):
        pytest.importorskip(f"desktop.models.{module}")
    report = check_workbook(DATA / name, base_year=base_year)
    return report


def test_support_part_of_the_soest_sample():
    report = _parts_or_skip()
    assert report.parts["support"] == [{
        "project": "P-21-001", "dwellings": 12, "tenants": 10, "yes": 8, "no": 1,
        "no_response": 1, "support_pct": 80.0, "status": "reached"}]


def test_affordability_part_of_the_soest_sample():
    report = _parts_or_skip()
    rows = {r["project"]: r for r in report.parts["affordability"]}
    # 300 m3 x 0.80 / 12 = 20.00; 400 x 0.80 / 12 = 26.67; (650 x 2.30 - 1500 x 0.535) / 12 = 57.71
    assert rows["P-21-001"]["tariff_year"] == 2021
    assert rows["P-21-001"]["energy_saving_per_month"] == pytest.approx(20.0, abs=0.005)
    assert rows["P-21-001"]["rent_increase_per_month"] == 18.0 and rows["P-21-001"]["ok"] is True
    assert rows["P-21-002"]["energy_saving_per_month"] == pytest.approx(26.67, abs=0.005)
    assert rows["A-22-001"]["tariff_year"] == 2022
    assert rows["A-22-001"]["energy_saving_per_month"] == pytest.approx(57.71, abs=0.005)


def test_programme_part_of_the_soest_sample():
    report = _parts_or_skip()
    rows = {(r["corporation"], r["from_year"], r["to_year"]): r for r in report.parts["programme"]}
    # Portaal 2021: P-21-001 (12 dwellings rows) + P-21-002 (72 declared); none done
    assert (rows[("Portaal", 2021, 2021)]["target"], rows[("Portaal", 2021, 2021)]["planned"],
            rows[("Portaal", 2021, 2021)]["done"]) == (176, 84, 0)
    assert rows[("de Alliantie", 2022, 2025)]["planned"] == 4
    assert rows[("Portaal", 2022, 2024)]["planned"] == 0


def test_co2_part_covers_base_year_to_2050():
    report = _parts_or_skip(base_year=2030)
    years = sorted({r["year"] for r in report.parts["co2"]})
    assert years[0] == 2030 and years[-1] == 2050
    assert {r["corporation"] for r in report.parts["co2"]} == {"Portaal", "de Alliantie"}


def test_parts_with_errors_leave_out_the_bad_rows():
    report = _parts_or_skip("errors.xlsx")
    assert not report.complete
    # P-21-001 lost its ambiguous gas saving row, so no support row for it is computed
    assert all(r["project"] != "P-21-001" for r in report.parts["support"])


def test_cli_json_tariff_year_is_the_year_whose_tariffs_were_used(tmp_path):
    """Tariffs for 2021, 2022 and 2024 only: a 2023 project takes 2022's (the nearest
    earlier year), a 2019 project 2021's (before every row: the first); the JSON says
    so in tariff_year, the project's own year in project_year."""
    import pandas as pd

    from desktop.exchange.writer import write_workbook
    from desktop.models.dataset import conform
    from desktop.sample import build_sample

    ds, _ = build_sample()
    ds.tariffs = conform("tariffs", pd.DataFrame({
        "year": [2021, 2022, 2024], "gas_eur_m3": [0.9, 1.1, 1.3],
        "electricity_eur_kwh": [0.25, 0.3, 0.35]}))
    p = ds.projects.copy()
    p.loc[p["project"] == "A-21-001", "year"] = 2019
    ds.projects = conform("projects", p)
    path = tmp_path / "tariffs.xlsx"
    write_workbook(ds, path, lang="nl")
    proc = run_check(str(path), "--json", "--base-year", "2019")
    assert proc.returncode == 0, proc.stderr
    rows = {r["project"]: r for r in json.loads(proc.stdout)["affordability"]}
    assert (rows["P-23-001"]["project_year"], rows["P-23-001"]["tariff_year"]) == (2023, 2022)
    assert (rows["A-21-001"]["project_year"], rows["A-21-001"]["tariff_year"]) == (2019, 2021)
    assert rows["P-24-001"]["tariff_year"] == 2024


def test_repeated_warnings_are_one_line_with_a_count(tmp_path):
    """The sample gave 191 warnings, 92 of them 'gas use of N dwellings taken from the
    complex value', one per complex: each kind is now one line with the count."""
    from desktop.exchange.writer import write_workbook
    from desktop.sample import build_sample

    ds, _ = build_sample()
    path = tmp_path / "sample.xlsx"
    write_workbook(ds, path, lang="nl")
    report = check_workbook(path)
    gas = [w for w in report.warnings if "gas use of" in w.message and "complex value" in w.message]
    assert len(gas) == 1
    assert "(and 91 more of this kind: rows 3, 4, 5, 6, 7, …)" in gas[0].message
    assert "(en nog 91 van deze soort: rijen 3, 4, 5, 6, 7, …)" in gas[0].message_nl
    assert len(report.warnings) < 10


def test_grouping_leaves_errors_and_rare_warnings_alone():
    from desktop.exchange.problems import WorkbookProblem, group_warnings

    def warn(row, cid):
        return WorkbookProblem("Complexen", row, "Gas", f"Complex {cid}: 12 dwellings estimated",
                               f"Complex {cid}: 12 woningen geschat", "warning")
    error = WorkbookProblem("Complexen", 9, "Gas", "Complex C9: 12 dwellings estimated", "x")
    two = [warn(2, "C1"), error, warn(3, "C2")]
    assert group_warnings(two) == two
    grouped = group_warnings([warn(2, "C1"), error, warn(3, "C2"), warn(4, "C3")])
    assert grouped[1] is error and len(grouped) == 2
    assert grouped[0].message == "Complex C1: 12 dwellings estimated (and 2 more of this kind: rows 3, 4)"
    assert grouped[0].row == 2


# ----------------------------------------------------------------------------- heat plan
def _heat_plan_workbook(tmp_path):
    """Two neighbourhoods: Overhees gets a heat network from 2032, Hart goes all-electric.
    P1 (Overhees) installs a heat pump, P2 (Overhees) connects in 2030 before the network
    is there, P3 (Hart) connects to a network there, P4 (Hart) installs a hybrid one."""
    from desktop.exchange.writer import write_workbook
    from desktop.models.dataset import Dataset

    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 10},
                   {"complex": "C2", "corporation": "Portaal", "neighbourhood": "Hart",
                    "dwellings": 8}],
        projects=[{"project": "P1", "complex": "C1", "year": 2033, "status": "gepland",
                   "measures": "all-electric warmtepomp", "gas_saving_m3": 900.0},
                  {"project": "P2", "complex": "C1", "year": 2030, "status": "gepland",
                   "measures": "stadsverwarming", "gas_saving_m3": 900.0},
                  {"project": "P3", "complex": "C2", "year": 2030, "status": "gepland",
                   "measures": "stadsverwarming", "gas_saving_m3": 900.0},
                  {"project": "P4", "complex": "C2", "year": 2030, "status": "gepland",
                   "measures": "hybride warmtepomp", "gas_saving_m3": 400.0}],
        heat_plan=[{"neighbourhood": "Overhees", "heat_solution": "warmtenet",
                    "available_year": 2032},
                   {"neighbourhood": "Hart", "heat_solution": "all-electric",
                    "available_year": 2030}],
    )
    path = tmp_path / "heat.xlsx"
    write_workbook(ds, path, lang="nl")
    return path


def test_heat_plan_conflicts_are_warnings_and_a_json_part(tmp_path):
    path = _heat_plan_workbook(tmp_path)
    proc = run_check(str(path), "--json")
    assert proc.returncode == 0, proc.stderr                 # conflicts are no errors
    data = json.loads(proc.stdout)
    assert list(data) == ["errors", "warnings", *PARTS] and PARTS[-1] == "conflicts"
    assert [(c["project"], c["complex"], c["rule"]) for c in data["conflicts"]] == [
        ("P1", "C1", "heat_pump_in_heat_network"), ("P2", "C1", "network_before_available"),
        ("P3", "C2", "network_in_all_electric")]
    for c in data["conflicts"]:
        assert list(c) == ["project", "complex", "rule", "reason"]
    assert "available from 2032" in data["conflicts"][1]["reason"]
    # one warning per project, on its row in Projecten at the measures
    mine = [w for w in data["warnings"] if w["message"].startswith("Project P")]
    assert [(w["sheet"], w["row"], w["column"]) for w in mine] == [
        ("Projecten", 2, "Maatregelen"), ("Projecten", 3, "Maatregelen"),
        ("Projecten", 4, "Maatregelen")]
    assert mine[0]["message"].startswith("Project P1: Neighbourhood Overhees is planned for a "
                                          "heat network (from 2032)")
    nl = json.loads(run_check(str(path), "--json", "--lang", "nl").stdout)
    assert nl["conflicts"][2]["reason"].startswith("Wijk Hart wordt volgens het warmteplan "
                                                   "all-electric")


def test_heat_plan_conflicts_in_the_text_report(tmp_path, capsys):
    path = _heat_plan_workbook(tmp_path)
    assert main_check([str(path), "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Projecten in strijd met het warmteplan" in out
    assert "Projecten, rij 3, Maatregelen: Project P2: Het warmtenet van Overhees is er vanaf 2032" in out
    section = out.split("Projecten in strijd met het warmteplan")[1]
    assert "heat_pump" not in section and "reden" in section


def test_no_heat_plan_no_conflicts():
    report = check_workbook(DATA / "valid_soest.xlsx")
    assert report.parts["conflicts"] == []
