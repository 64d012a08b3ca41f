"""Plan versions compared (models/versions.py), on a stock small enough to count by hand.

Stock (no dwelling rows; declared counts; factors 1.8 kg/m3 gas, 0.4 kg/kWh from 2020 on):

* C1 Portaal/Noord, 10 dwellings, 1000 m3 + 2000 kWh: 26.0 t; after P1 (−500 m3) 17.0 t
* C2 Portaal/Zuid, 20 dwellings, 1200 m3 + 2500 kWh: 63.2 t; after P2 (−600 m3) 41.6 t
* C3 Alliantie/Noord, 5 dwellings, 800 m3 + 2000 kWh: 11.2 t; after P3 (−300) 8.5 t,
  after P4 (−400) 7.6 t

Active plan: P1 2026, P2 2028 (akkoord), P3 2030.  Version "Bod": P1 2027, P2 2029, P4
2027 (P3 dropped).
"""
from __future__ import annotations

import pandas as pd
import pytest

from desktop.models import versions
from desktop.models.dataset import Dataset

ACTIVE = [
    {"project": "P1", "complex": "C1", "year": 2026, "gas_saving_m3": 500.0,
     "investment_cents": 1_000_000, "measures": "dakisolatie", "status": "gepland"},
    {"project": "P2", "complex": "C2", "year": 2028, "gas_saving_m3": 600.0,
     "investment_cents": 2_000_000, "measures": "hr++ glas", "status": "akkoord"},
    {"project": "P3", "complex": "C3", "year": 2030, "gas_saving_m3": 300.0,
     "investment_cents": 500_000, "measures": "spouwmuurisolatie", "status": "gepland"},
]
BOD = [
    {**ACTIVE[0], "year": 2027},
    {**ACTIVE[1], "year": 2029},
    {"project": "P4", "complex": "C3", "year": 2027, "gas_saving_m3": 400.0,
     "investment_cents": 600_000, "measures": "spouwmuurisolatie; hr++ glas", "status": "gepland"},
]


def stock(projects=ACTIVE, version=BOD) -> Dataset:
    return Dataset.from_records(
        complexes=[
            {"complex": "C1", "corporation": "Portaal", "neighbourhood": "Noord", "dwellings": 10,
             "gas_m3": 1000.0, "electricity_kwh": 2000.0},
            {"complex": "C2", "corporation": "Portaal", "neighbourhood": "Zuid", "dwellings": 20,
             "gas_m3": 1200.0, "electricity_kwh": 2500.0},
            {"complex": "C3", "corporation": "Alliantie", "neighbourhood": "Noord", "dwellings": 5,
             "gas_m3": 800.0, "electricity_kwh": 2000.0},
        ],
        projects=projects,
        targets=[{"corporation": "Portaal", "from_year": 2025, "to_year": 2028, "dwellings": 30},
                 {"corporation": "Alliantie", "from_year": 2025, "to_year": 2030, "dwellings": 5}],
        emission_factors=[{"year": 2020, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.4}],
        plan_versions=[{"version": "Bod", "kind": "bid", "created": "2026-01-05 10:00"},
                       {"version": "Voorstel", "kind": "proposal", "created": "2026-02-01 09:00"}],
        plan_version_projects=[{**r, "version": "Bod"} for r in version]
        + [{**ACTIVE[0], "version": "Voorstel"}],
    )


@pytest.fixture
def cmp() -> versions.Comparison:
    return versions.compare(stock(), None, "Bod", base_year=2025, end_year=2031)


def test_a_versions_projects_replace_the_active_plans():
    ds = stock()
    p = versions.version_projects(ds, "Bod")
    assert list(p.columns) == list(ds.projects.columns)
    assert p.set_index("project")["year"].to_dict() == {"P1": 2027, "P2": 2029, "P4": 2027}
    assert versions.plan_dataset(ds, None) is ds
    with pytest.raises(KeyError):
        versions.version_projects(ds, "Nope")


def test_versions_are_listed_oldest_first_and_the_newest_proposal_is_found():
    ds = stock()
    assert versions.version_names(ds) == ["Bod", "Voorstel"]
    assert versions.newest(ds) == "Voorstel"
    assert versions.newest(ds, "bid") == "Bod"
    assert versions.newest(ds, None) == "Voorstel"
    assert versions.newest(Dataset.empty()) is None


def test_homes_per_year_per_corporation_and_neighbourhood(cmp):
    h = cmp.homes
    assert h.loc[("Portaal", "Noord"), ("a", 2026)] == 10
    assert h.loc[("Portaal", "Noord"), ("b", 2026)] == 0
    assert h.loc[("Portaal", "Noord"), ("b", 2027)] == 10
    assert h.loc[("Portaal", "Zuid"), ("a", 2028)] == 20
    assert h.loc[("Portaal", "Zuid"), ("b", 2029)] == 20
    assert h.loc[("Alliantie", "Noord"), ("a", 2030)] == 5
    assert h.loc[("Alliantie", "Noord"), ("b", 2027)] == 5
    assert int(h["a"].to_numpy().sum()) == int(h["b"].to_numpy().sum()) == 35


def test_cost_per_year_in_cents(cmp):
    c = cmp.cost.set_index("year")
    # active: 10 x 10,000 in 2026; 20 x 20,000 in 2028; 5 x 5,000 in 2030
    assert c.loc[2026, "cost_a"] == 10_000_000
    assert c.loc[2028, "cost_a"] == 40_000_000
    assert c.loc[2030, "cost_a"] == 2_500_000
    # Bod: 10 x 10,000 + 5 x 6,000 in 2027; 20 x 20,000 in 2029
    assert c.loc[2027, "cost_b"] == 13_000_000
    assert c.loc[2029, "cost_b"] == 40_000_000
    assert c.loc[2027, "difference"] == 13_000_000
    assert c["cost_a"].sum() == 52_500_000 and c["cost_b"].sum() == 53_000_000


def test_the_co2_path_of_both_plans(cmp):
    t = cmp.co2.set_index("year")
    assert t.loc[2025, "tonnes_a"] == pytest.approx(100.4)
    assert t.loc[2025, "tonnes_b"] == pytest.approx(100.4)
    assert t.loc[2027, "tonnes_a"] == pytest.approx(17 + 63.2 + 11.2)
    assert t.loc[2027, "tonnes_b"] == pytest.approx(17 + 63.2 + 7.6)
    assert t.loc[2030, "tonnes_a"] == pytest.approx(17 + 41.6 + 8.5)
    assert t.loc[2030, "tonnes_b"] == pytest.approx(17 + 41.6 + 7.6)
    # the path from the base year 2025 (100.4 t): -49 % in 2030
    assert t.loc[2030, "path"] == pytest.approx(100.4 * 0.51)
    assert cmp.gap(2030, "a") == pytest.approx(67.1 - 51.204)
    assert t.loc[2027, "difference"] == pytest.approx(-3.6)


def test_targets_met_in_each_plan(cmp):
    t = cmp.targets.set_index("corporation")
    assert t.loc["Portaal", "planned_a"] == 30 and t.loc["Portaal", "verdict_a"] == "met"
    assert t.loc["Portaal", "planned_b"] == 10 and t.loc["Portaal", "verdict_b"] == "short"
    assert t.loc["Alliantie", "verdict_a"] == t.loc["Alliantie", "verdict_b"] == "met"
    assert t.loc["Portaal", "period"] == "2025–2028"


def test_the_complexes_that_differ(cmp):
    d = cmp.differences.set_index("project")
    assert list(d.index) == ["P1", "P2", "P3", "P4"]
    assert d.loc["P1", "change"] == "moved"
    assert (d.loc["P1", "year_a"], d.loc["P1", "year_b"]) == (2026, 2027)
    assert d.loc["P3", "change"] == "removed" and pd.isna(d.loc["P3", "year_b"])
    assert d.loc["P4", "change"] == "added" and d.loc["P4", "year_b"] == 2027
    assert d.loc["P4", "corporation"] == "Alliantie" and d.loc["P4", "dwellings"] == 5


def test_a_package_change_and_the_same_plan():
    changed = [dict(r) for r in ACTIVE]
    changed[0]["measures"] = "dakisolatie; hr++ glas"
    changed[2]["measures"] = "SPOUWMUURISOLATIE"       # same package, other spelling
    ds = stock(version=changed)
    d = versions.differences(ds, None, "Bod")
    assert d[["project", "change"]].values.tolist() == [["P1", "package"]]
    same = versions.compare(ds, "Bod", "Bod", 2025, 2030)
    assert same.differences.empty
    assert (same.co2["difference"] == 0).all() and (same.cost["difference"] == 0).all()


def test_snapshot_keeps_the_planning_columns():
    snap = versions.snapshot(stock().projects)
    assert list(snap.columns) == list(versions.PLANNING_FIELDS)
    assert "version" not in snap.columns and "row_version" not in snap.columns
    assert snap["year"].tolist() == [2026, 2028, 2030]
