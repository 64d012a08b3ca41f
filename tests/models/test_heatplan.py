"""Conflicts of projects with the neighbourhood heat plan: each rule on a hand-built
dataset, and no conflict where the plan and the project agree."""
from __future__ import annotations

import pytest

from desktop.models import heatplan
from desktop.models.dataset import Dataset


def _ds(plan: list[dict], projects: list[dict], heating: str = "gasketel") -> Dataset:
    return Dataset.from_records(
        complexes=[{"complex": "K1", "corporation": "Portaal", "neighbourhood": "Noord",
                    "dwellings": 20, "label": "D", "heating": heating},
                   {"complex": "K2", "corporation": "Portaal", "neighbourhood": "Zuid",
                    "dwellings": 12, "label": "C"}],
        projects=[{"gas_saving_m3": 0.0, **p} for p in projects],
        heat_plan=plan)


def _rules(ds: Dataset) -> list[tuple[str, str]]:
    return [(r.project, r.rule) for r in heatplan.conflicts(ds).itertuples()]


def test_heat_pump_in_a_neighbourhood_planned_for_a_heat_network():
    ds = _ds([{"neighbourhood": "Noord", "heat_solution": "warmtenet", "available_year": 2030}],
             [{"project": "P1", "complex": "K1", "year": 2031, "measures": "dakisolatie; warmtepomp"},
              {"project": "P2", "complex": "K2", "year": 2026, "measures": "warmtepomp"}])
    assert _rules(ds) == [("P1", "heat_pump_in_heat_network")]
    row = heatplan.conflicts(ds).iloc[0]
    assert "heat network" in row["reason_en"] and "Noord" in row["reason_en"]
    assert "warmtenet" in row["reason_nl"] and "2030" in row["reason_nl"]


def test_network_connection_in_a_neighbourhood_planned_all_electric():
    ds = _ds([{"neighbourhood": "Noord", "heat_solution": "all-electric"}],
             [{"project": "P1", "complex": "K1", "year": 2028, "measures": "stadsverwarming"}])
    assert _rules(ds) == [("P1", "network_in_all_electric")]


def test_gas_free_through_the_network_before_it_is_available():
    ds = _ds([{"neighbourhood": "Noord", "heat_solution": "heat network", "available_year": 2032}],
             [{"project": "EARLY", "complex": "K1", "year": 2029, "measures": "warmtenet"},
              {"project": "ONTIME", "complex": "K1", "year": 2032, "measures": "warmtenet"}])
    assert _rules(ds) == [("EARLY", "network_before_available")]
    assert "2032" in heatplan.conflicts(ds).iloc[0]["reason_en"]


@pytest.mark.parametrize("plan", [[], [{"neighbourhood": "Noord", "heat_solution": "hybride"}],
                                  [{"neighbourhood": "Noord", "heat_solution": "groen gas"}]])
def test_network_connection_where_no_network_is_planned(plan):
    ds = _ds(plan, [{"project": "P1", "complex": "K1", "year": 2028, "measures": "stadsverwarming"}])
    assert _rules(ds) == [("P1", "network_not_planned")]


def test_no_conflict_when_the_complex_is_on_a_network_already_or_the_project_is_cancelled():
    ds = _ds([], [{"project": "P1", "complex": "K1", "year": 2028, "measures": "stadsverwarming"}],
             heating="stadsverwarming")
    assert _rules(ds) == []
    ds = _ds([{"neighbourhood": "Noord", "heat_solution": "warmtenet"}],
             [{"project": "P1", "complex": "K1", "year": 2028, "measures": "warmtepomp",
               "status": "vervallen"}])
    assert _rules(ds) == []


def test_hybrid_heat_pump_and_insulation_conflict_with_no_plan():
    for solution in ("warmtenet", "all-electric", "hybride", "groen gas", "nog onbekend"):
        ds = _ds([{"neighbourhood": "Noord", "heat_solution": solution, "available_year": 2040}],
                 [{"project": "P1", "complex": "K1", "year": 2026,
                   "measures": "spouwmuurisolatie; hybride warmtepomp"}])
        assert _rules(ds) == [], solution


def test_plan_by_neighbourhood_names_every_neighbourhood():
    ds = _ds([{"neighbourhood": "Noord", "heat_solution": "warmtenet", "available_year": 2030,
               "heat_kg_gj": 25.0}], [])
    plan = heatplan.plan_by_neighbourhood(ds)
    assert list(plan.index) == ["Noord", "Zuid"]
    assert plan.loc["Noord", "heat_solution"] == "warmtenet"
    assert plan.loc["Zuid", "heat_solution"] == "nog onbekend" and not plan.loc["Zuid", "planned"]
    assert plan.loc["Noord", "available_year"] == 2030 and plan.loc["Noord", "heat_kg_gj"] == 25.0


def test_network_summary_counts_the_dwellings_on_a_network_and_their_emissions():
    from desktop.models.heatplan import network_summary

    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "X", "neighbourhood": "Noord", "dwellings": 10,
                    "heating": "stadsverwarming", "heat_gj": 20.0},
                   {"complex": "C2", "corporation": "X", "neighbourhood": "Zuid", "dwellings": 5,
                    "heating": "stadsverwarming", "heat_gj": 30.0},
                   {"complex": "C3", "corporation": "X", "neighbourhood": "Noord", "dwellings": 7,
                    "gas_m3": 1200.0}],
        heat_plan=[{"neighbourhood": "Noord", "heat_solution": "warmtenet", "heat_kg_gj": 20.0}])
    s = network_summary(ds, 2025)
    # Noord's own 20 kg/GJ: 10 x 20 GJ x 20 = 4,000 kg; Zuid the default 40.45: 5 x 30 x 40.45
    assert s["dwellings"] == 15 and s["heat_gj"] == 10 * 20 + 5 * 30
    assert s["tonnes"] == pytest.approx((4000 + 5 * 30 * 40.45) / 1000)
    assert s["planned_dwellings"] == 17                       # C1 and C3 in Noord
