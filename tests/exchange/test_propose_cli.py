"""``python -m desktop propose``: the route on a real workspace, as text and JSON, and
its exit codes (0 solved, 1 input errors, 2 workspace unreadable)."""
from __future__ import annotations

import re

import json
import os
import subprocess
import sys

import pytest

from desktop.__main__ import main
from desktop.models.dataset import Dataset
from desktop.store.workspace import Workspace

FACTORS = [{"year": 2020, "gas_kg_m3": 2.0, "electricity_kg_kwh": 0.0, "heat_kg_gj": 0.0}]


@pytest.fixture
def sample_ws(tmp_path):
    from desktop.sample import create_sample_workspace

    ws = create_sample_workspace(tmp_path / "soest.rpw")
    ws.close()
    return tmp_path / "soest.rpw"


def _small(tmp_path, **extra):
    """Ten complexes of 10 homes (20 t each), capacity 10 homes a year in 2025-2027 only."""
    cx = [{"complex": f"C{i}", "corporation": "Portaal", "neighbourhood": "Midden",
           "dwellings": 10, "label": "C", "gas_m3": 1000.0, "electricity_kwh": 0.0}
          for i in range(10)]
    ends = [{"complex": c["complex"], "measures": "dakisolatie", "cost_per_dwelling_cents": 500_000,
             "gas_m3_after": 0.0, "electricity_kwh_after": 0.0, "heat_gj_after": 0.0} for c in cx]
    caps = [{"corporation": "Portaal", "year": y, "max_dwellings": 10 if y <= 2027 else 0}
            for y in range(2025, 2031)]
    ds = Dataset.from_records(complexes=cx, end_states=ends, capacities=caps,
                              emission_factors=FACTORS, **extra)
    path = tmp_path / "small.rpw"
    with Workspace.open(path) as ws:
        ws.replace_all(ds)
    return path


def test_propose_on_the_sample_names_what_prevents_2030(sample_ws, capsys):
    # the sample's capacity (200 / 40 homes a year) and budget bind: HiGHS may not prove
    # the 1 % gap within the limit; the route is then the best found, with its gap
    assert main(["propose", "--workspace", str(sample_ws), "--lang", "en",
                 "--time-limit", "20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Route proposal — objective: least total cost\nSolver HiGHS: ")
    assert re.search(r"Solver HiGHS: (optimal|time limit) \(.*\), gap \d+\.\d\d %", out)
    assert "79 complexes to plan" in out and "13 fixed" in out
    assert "Per complex:" in out and "P-1402" in out and "hybride warmtepomp" in out
    assert "Per year:" in out and "\n  2030 " in out
    assert "Targets:" in out and "Portaal 2022–2024: 542" in out
    # the sample's end states cannot reach −49 % in 2030: said, and why
    assert "  2030: " in out and "not met (+" in out
    assert "What prevents it:\n  - 2030: even with every remaining complex's end state done by " \
           "2030" in out


def test_propose_in_dutch(sample_ws, capsys):
    assert main(["propose", "--workspace", str(sample_ws), "--lang", "nl",
                 "--objective", "co2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Routevoorstel — doel: minste cumulatieve CO2\nRekenmachine HiGHS: optimaal")
    assert "Per jaar:" in out and "Doelen:" in out and "Pad:" in out
    assert "Wat het tegenhoudt:\n  - 2030: ook als elk overig complex" in out


def test_propose_json_in_a_process_of_its_own(tmp_path):
    ws = _small(tmp_path)
    done = subprocess.run([sys.executable, "-m", "desktop", "propose", "--workspace", str(ws),
                           "--json"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)          # nothing else on standard output (no banner)
    assert data["status"] == "optimal" and data["solver"] == "HiGHS" and data["gap"] <= 0.01
    years = sorted(c["year"] for c in data["complexes"] if c["year"] is not None)
    assert years[:3] == [2025, 2026, 2027] and all(y >= 2031 for y in years[3:])
    p2030 = next(p for p in data["path"] if p["year"] == 2030)
    assert p2030["met"] is False and p2030["tonnes"] == pytest.approx(140.0)
    assert data["explanations"][0]["en"].startswith(
        "2030 needs 19 more homes than the capacity of 2025–2030 allows")
    assert data["explanations"][0]["nl"].startswith("2030 vraagt 19 woningen meer")
    row = next(y for y in data["years"] if y["year"] == 2025)
    assert row["homes_proposed"] == 10 and row["cost_proposed_eur"] == 50_000.0


def test_exit_2_when_the_workspace_cannot_be_read(tmp_path, capsys):
    assert main(["propose", "--workspace", str(tmp_path / "none.rpw")]) == 2
    bad = tmp_path / "bad.rpw"
    bad.write_text("not a database")
    assert main(["propose", "--workspace", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("propose: ") == 2 and "Traceback" not in err


def test_exit_1_on_input_errors(tmp_path, capsys):
    ws = _small(tmp_path)
    assert main(["propose", "--workspace", str(ws), "--time-limit", "0"]) == 1
    assert "The time limit must be more than 0 seconds." in capsys.readouterr().err
    # a project on a complex that does not exist (written past the app, which refuses it)
    import sqlite3

    con = sqlite3.connect(ws)
    with con:
        con.execute("INSERT INTO projects (project, complex, year) VALUES ('X', 'NOPE', 2026)")
    con.close()
    assert main(["propose", "--workspace", str(ws)]) == 1
    err = capsys.readouterr().err
    assert "propose: the workspace's data has" in err and "NOPE" in err
