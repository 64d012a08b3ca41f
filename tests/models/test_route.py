"""The optimised route (issue 21.4): small programmes whose optimum is known by hand, the
explanation of what binds, and properties every proposal keeps (capacity, budget, the
heat plan, fixed projects)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models import route
from desktop.models import fields
from desktop.models.dataset import Dataset

# constant factors: 1,000 m3 gas = 2 t a year; electricity and heat play no part
FACTORS = [{"year": 2020, "gas_kg_m3": 2.0, "electricity_kg_kwh": 0.0, "heat_kg_gj": 0.0}]


def _complex(cid, dwellings=10, gas=1000.0, nb="Midden", corp="Portaal"):
    return {"complex": cid, "corporation": corp, "neighbourhood": nb, "dwellings": dwellings,
            "label": "C", "gas_m3": gas, "electricity_kwh": 0.0}


def _end(cid, euros_per_dwelling, gas_after=0.0, **extra):
    """An end state by hand: cost per dwelling, gas after (no electricity, no heat)."""
    return {"complex": cid, "measures": "dakisolatie", "cost_per_dwelling_cents":
            euros_per_dwelling * 100, "gas_m3_after": gas_after, "electricity_kwh_after": 0.0,
            "heat_gj_after": 0.0, **extra}


def _caps(per_year: dict[int, tuple[int | None, int | None]], corp="Portaal"):
    return [{"corporation": corp, "year": y, "max_dwellings": homes,
             "budget_cents": None if euros is None else euros * 100}
            for y, (homes, euros) in per_year.items()]


def _ds(complexes, ends, **tables) -> Dataset:
    return Dataset.from_records(complexes=complexes, end_states=ends,
                                emission_factors=FACTORS, **tables)


def _years(res) -> dict[str, int | None]:
    return {r.complex: (None if pd.isna(r.year) else int(r.year))
            for r in res.complexes.itertuples(index=False)}


ONLY_2030 = route.RouteOptions(path_years=(2030,), time_limit=20)


def test_a_capacity_that_forces_a_choice():
    # base 4 x 20 t... D saves only 4 t; the 2030 path needs 49 % of 64 t = 31.4 t less.
    # Capacity: 10 homes in 2029 and 10 in 2030, none before: two complexes fit, and only
    # two 20-t complexes reach 31.4 t; of those B and C are the cheapest (5k + 8k < 10k).
    ds = _ds([_complex("A"), _complex("B"), _complex("C"), _complex("D", gas=200.0)],
             [_end("A", 10_000), _end("B", 5_000), _end("C", 8_000), _end("D", 1_000)],
             capacities=_caps({**{y: (0, None) for y in range(2025, 2029)},
                               2029: (10, None), 2030: (10, None)}))
    res = route.propose(ds, ONLY_2030)
    years = _years(res)
    assert res.status == "optimal" and res.gap <= 0.01
    assert {years["B"], years["C"]} == {2029, 2030}
    assert years["A"] is None and years["D"] is None
    assert res.total_cost_cents == (5_000 + 8_000) * 10 * 100
    assert res.path["met"].all() and not res.explanations
    row = res.years.set_index("year")
    assert row.loc[2029, "homes_proposed"] == 10 and row.loc[2030, "homes_proposed"] == 10
    assert row.loc[2030, "tonnes"] == pytest.approx(64 - 40)


def test_a_heat_network_that_arrives_in_2032():
    ds = _ds([_complex("N", nb="Noord"), _complex("Z", nb="Zuid")],
             [_end("N", 9_000, heat_solution="warmtenet"), _end("Z", 9_000)],
             heat_plan=[{"neighbourhood": "Noord", "heat_solution": "warmtenet",
                         "available_year": 2032}])
    # least cumulative CO2: as early as possible, which for N is the network's year
    res = route.propose(ds, route.RouteOptions(objective="co2", time_limit=20))
    years = _years(res)
    assert years == {"N": 2032, "Z": 2025}
    assert res.complexes.set_index("complex").loc["N", "earliest_year"] == 2032
    # and with the 2030 path demanding both, the heat plan is named as what binds
    ds2 = _ds([_complex("N", nb="Noord"), _complex("Z", nb="Zuid", gas=100.0)],
              [_end("N", 9_000, heat_solution="warmtenet"), _end("Z", 9_000)],
              heat_plan=[{"neighbourhood": "Noord", "heat_solution": "warmtenet",
                          "available_year": 2032}])
    res2 = route.propose(ds2, ONLY_2030)
    assert _years(res2)["N"] is None or _years(res2)["N"] >= 2032
    assert not res2.path["met"].all()
    en, nl = res2.explanations[0]
    assert en.startswith("2030: the heat plan binds") and "1 complexes (10 homes)" in en
    assert "warmteplan" in nl


def test_a_budget_that_binds():
    # three complexes of € 100,000 each, budget € 100,000 a year: one a year, the largest
    # saving first when the objective is the least cumulative CO2
    ds = _ds([_complex("S", gas=500.0), _complex("L", gas=1500.0), _complex("M", gas=1000.0)],
             [_end("S", 10_000), _end("L", 10_000), _end("M", 10_000)],
             capacities=_caps({y: (None, 100_000) for y in range(2025, 2051)}))
    res = route.propose(ds, route.RouteOptions(objective="co2", time_limit=20))
    assert _years(res) == {"L": 2025, "M": 2026, "S": 2027}
    assert (res.years["cost_proposed_cents"] <= 100_000 * 100).all()


def test_an_infeasible_2030_names_the_capacity():
    # ten complexes of 10 homes, 20 t each: 200 t; the path wants 102 t in 2030, so 98 t
    # less = at least 49 homes; capacity 10 homes a year in 2025-2027 only = 30 homes
    cx = [_complex(f"C{i}") for i in range(10)]
    ds = _ds(cx, [_end(c["complex"], 5_000) for c in cx],
             capacities=_caps({**{y: (10, None) for y in (2025, 2026, 2027)},
                               **{y: (0, None) for y in (2028, 2029, 2030)}}))
    res = route.propose(ds, ONLY_2030)
    assert res.status == "optimal"
    p = res.path.iloc[0]
    assert not p["met"] and p["tonnes"] == pytest.approx(200 - 60)
    # the best route within the limits: three complexes, one in each year with capacity
    assert sorted(y for y in _years(res).values() if y is not None) == [2025, 2026, 2027]
    en, nl = res.explanations[0]
    assert en.startswith("2030 needs 19 more homes than the capacity of 2025–2030 allows")
    assert nl.startswith("2030 vraagt 19 woningen meer dan de capaciteit van 2025–2030 toelaat")


def test_fixed_projects_stay_and_take_their_capacity():
    # F has an agreed project in 2026 on 10 homes: F is not proposed, and 2026's capacity
    # of 10 is used up; G's planned project is set aside and G is proposed
    ds = _ds([_complex("F"), _complex("G")], [_end("F", 5_000), _end("G", 5_000)],
             projects=[{"project": "P1", "complex": "F", "year": 2026, "status": "akkoord",
                        "gas_saving_m3": 1000.0, "investment_cents": 500_000},
                       {"project": "P2", "complex": "G", "year": 2040, "status": "gepland",
                        "gas_saving_m3": 1000.0}],
             capacities=_caps({2025: (0, None), 2026: (10, None)}))
    res = route.propose(ds, route.RouteOptions(objective="co2", time_limit=20))
    assert list(res.complexes["complex"]) == ["G"]
    assert _years(res) == {"G": 2027}
    row = res.years.set_index("year")
    assert row.loc[2026, "homes_fixed"] == 10 and row.loc[2026, "cost_fixed_cents"] == 5_000_000
    # the fixed project's saving is in the emissions from 2026: 40 t -> 20 t -> 0
    assert row.loc[2025, "tonnes"] == pytest.approx(40)
    assert row.loc[2026, "tonnes"] == pytest.approx(20)
    assert row.loc[2027, "tonnes"] == pytest.approx(0)


def test_a_target_is_met_by_the_proposal_and_a_short_one_is_explained():
    cx = [_complex(f"C{i}") for i in range(4)]
    ds = _ds(cx, [_end(c["complex"], 5_000) for c in cx],
             targets=[{"corporation": "Portaal", "from_year": 2026, "to_year": 2027, "dwellings": 30},
                      {"corporation": "Portaal", "from_year": 2028, "to_year": 2028,
                       "dwellings": 20}],
             capacities=_caps({y: (10, None) for y in range(2025, 2051)}))
    res = route.propose(ds, route.RouteOptions(path_years=(), time_limit=20))
    t = res.targets
    assert list(t["total"]) == [20, 10] and not t["met"].any()
    assert res.explanations[0][0] == ("Target Portaal 2026–2027 (30 homes) is 10 short: it needs "
                                      "10 more homes than the capacity of 2026–2027 allows (20).")


def test_the_sample_names_what_prevents_2030():
    from desktop.sample import build_sample

    ds, _ = build_sample()
    res = route.propose(ds, route.RouteOptions(time_limit=20))
    # capacity and budget bind: the best route found within the limit, with its gap
    assert res.status in ("optimal", "time_limit") and res.gap is not None
    yrs = res.years.set_index("year")
    cap = ds.capacities.groupby(["year"])["max_dwellings"].sum()
    assert all(yrs.loc[y, "homes_proposed"] + yrs.loc[y, "homes_fixed"] <= cap.loc[y] for y in cap.index
               if y in yrs.index)
    p = res.path.set_index("year")
    assert p.loc[2030, "met"] or any(en.startswith("2030") for en, _ in res.explanations)
    assert res.total_cost_cents > 0


def test_proposal_projects_are_project_rows():
    from desktop.models import fields

    ds = _ds([_complex("A"), _complex("B")], [_end("A", 5_000), _end("B", 7_000)])
    res = route.propose(ds, route.RouteOptions(objective="co2", time_limit=20))
    frame = route.proposal_projects(res, ds)
    assert list(frame.columns) == [f.name for f in fields.table("projects").fields]
    assert list(frame["project"]) == ["V-A", "V-B"]
    assert list(frame["year"]) == [2025, 2025]
    assert list(frame["investment_cents"]) == [500_000, 700_000]
    assert list(frame["gas_saving_m3"]) == [1000.0, 1000.0]
    assert set(frame["status"]) == {"gepland"}
    assert list(frame["measures"]) == ["dakisolatie", "dakisolatie"]


def test_the_proposal_plan_keeps_fixed_projects_and_the_open_projects_ids():
    """What is saved as a plan version: the whole plan. Agreed work stays as it is; a
    proposed complex with one open project keeps that project's id (so a comparison shows
    it moved); a complex with two open projects gets the proposal's own id."""
    cx = [_complex("A"), _complex("B"), _complex("C")]
    projects = [
        {"project": "P-A", "complex": "A", "year": 2023, "status": "akkoord", "measures": "dakisolatie"},
        {"project": "P-B", "complex": "B", "year": 2040, "status": "gepland", "measures": "dakisolatie"},
        {"project": "P-C1", "complex": "C", "year": 2041, "status": "gepland"},
        {"project": "P-C2", "complex": "C", "year": 2042, "status": "gepland"},
        {"project": "P-X", "complex": "C", "year": 2030, "status": "vervallen"},
    ]
    ds = _ds(cx, [_end("B", 5_000), _end("C", 6_000)], projects=projects)
    res = route.propose(ds, route.RouteOptions(objective="co2", time_limit=20))
    plan = route.proposal_plan(res, ds).set_index("project")
    assert list(plan.columns) == [f.name for f in fields.table("projects").fields if f.name != "project"]
    assert set(plan.index) == {"P-A", "P-B", "V-C"}
    assert plan.loc["P-A", "status"] == "akkoord" and plan.loc["P-A", "year"] == 2023
    assert plan.loc["P-B", "year"] == 2025 and plan.loc["P-B", "status"] == "gepland"
    assert plan.loc["P-B", "investment_cents"] == 500_000
    assert plan.loc["V-C", "complex"] == "C" and plan.loc["V-C", "year"] == 2025


def test_unknown_objective_is_an_input_error():
    with pytest.raises(route.RouteInputError):
        route.build_problem(Dataset.empty(), route.RouteOptions(objective="fast"))


def test_cancel_stops_the_solver():
    cx = [_complex(f"C{i}", dwellings=5 + i) for i in range(40)]
    ds = _ds(cx, [_end(c["complex"], 5_000 + 100 * i) for i, c in enumerate(cx)],
             capacities=_caps({y: (23, 300_000) for y in range(2025, 2051)}))
    with pytest.raises(route.RouteCancelled):
        route.propose(ds, route.RouteOptions(time_limit=30), progress=lambda f: False)


# ----------------------------------------------------------------------------- properties
@st.composite
def programmes(draw):
    n = draw(st.integers(2, 7))
    nbs = ["Noord", "Zuid"]
    complexes, ends, projects = [], [], []
    for i in range(n):
        corp = draw(st.sampled_from(["Portaal", "Ymere"]))
        complexes.append(_complex(f"C{i}", dwellings=draw(st.integers(1, 30)),
                                  gas=float(draw(st.integers(100, 1500))),
                                  nb=draw(st.sampled_from(nbs)), corp=corp))
        network = draw(st.booleans())
        ends.append(_end(f"C{i}", draw(st.integers(1_000, 20_000)),
                         **({"heat_solution": "warmtenet"} if network else {})))
        if draw(st.integers(0, 3)) == 0:
            projects.append({"project": f"P{i}", "complex": f"C{i}",
                             "year": draw(st.integers(2022, 2030)),
                             "status": draw(st.sampled_from(["akkoord", "gereed", "gepland",
                                                             "in uitvoering"])),
                             "gas_saving_m3": 300.0, "investment_cents": 100_000})
    caps = []
    for corp in ("Portaal", "Ymere"):
        for y in range(2025, 2051):
            if draw(st.integers(0, 2)):
                caps.append({"corporation": corp, "year": y,
                             "max_dwellings": draw(st.one_of(st.none(), st.integers(0, 40))),
                             "budget_cents": draw(st.one_of(
                                 st.none(), st.integers(0, 300_000).map(lambda e: e * 100)))})
    heat_plan = [{"neighbourhood": "Noord", "heat_solution": "warmtenet",
                  "available_year": draw(st.integers(2025, 2055))}]
    targets = [{"corporation": "Portaal", "from_year": draw(st.integers(2025, 2030)),
                "to_year": 2032, "dwellings": draw(st.integers(0, 60))}]
    objective = draw(st.sampled_from(route.OBJECTIVES))
    return _ds(complexes, ends, projects=projects, capacities=caps, heat_plan=heat_plan,
               targets=targets), objective


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes())
def test_every_proposal_respects_capacity_budget_heat_plan_and_fixed_projects(case):
    ds, objective = case
    problem = route.build_problem(ds, route.RouteOptions(objective=objective, time_limit=10))
    res = route.solve(problem)
    C = res.complexes
    chosen = C[C["year"].notna()]
    # fixed projects: their complexes are not proposed
    fixed_statuses = {"akkoord", "gereed", "in uitvoering"}
    fixed = set(ds.projects.loc[ds.projects["status"].isin(fixed_statuses), "complex"])
    assert not fixed & set(C["complex"])
    assert set(C["complex"]) == set(ds.complexes["complex"]) - fixed
    # the heat plan: a network end state not before its year (never, when after 2050)
    noord = ds.heat_plan["available_year"].iloc[0]
    ends = ds.end_states.set_index("complex")
    nb = ds.complexes.set_index("complex")["neighbourhood"]
    for r in chosen.itertuples(index=False):
        assert 2025 <= r.year <= 2050
        if str(ends.loc[r.complex, "heat_solution"]) == "warmtenet" and nb[r.complex] == "Noord":
            assert r.year >= noord
    # capacity and budget per corporation and year, the fixed projects' share included
    fixed_rows = problem.fixed
    for cap in ds.capacities.itertuples(index=False):
        mine = chosen[(chosen["corporation"] == cap.corporation) & (chosen["year"] == cap.year)]
        f = fixed_rows[(fixed_rows["corporation"] == cap.corporation)
                       & (fixed_rows["year"] == cap.year)]
        if not pd.isna(cap.max_dwellings):
            assert mine["dwellings"].sum() <= max(0, cap.max_dwellings - f["dwellings"].sum())
        if not pd.isna(cap.budget_cents):
            assert mine["cost_cents"].sum() <= max(0, cap.budget_cents - f["cents"].sum())
    # the totals per year add up
    assert res.years["homes_proposed"].sum() == chosen["dwellings"].sum()
    assert res.total_cost_cents == res.years["cost_proposed_cents"].sum()
    # and the route is at least as good as the greedy one on what it is judged on first
    g = route.greedy(problem)
    assert _shortfall(problem, res) <= _shortfall(problem, g) * 1.011 + 1e-6


def _shortfall(problem, res) -> float:
    """The phase-1 measure: each target's and path point's shortfall as a share of what
    it needs beyond the fixed projects."""
    total = 0.0
    for t in res.targets.itertuples(index=False):
        need = t.target - t.fixed
        if need > 0 and t.to_year >= 2025:
            total += max(0, t.target - t.total) / need
    for p in res.path.itertuples(index=False):
        yi = p.year - 2025
        need = problem.base_tonnes[yi] - p.target_tonnes
        if need > 1e-3:
            total += p.over_tonnes / need
    return total


def test_evaluate_counts_a_route_by_hand():
    ds = _ds([_complex("A"), _complex("B", dwellings=5)], [_end("A", 1_000), _end("B", 2_000)])
    pr = route.build_problem(ds)
    res = route.evaluate(pr, np.array([0, 5]))
    assert _years(res) == {"A": 2025, "B": 2030}
    row = res.years.set_index("year")
    assert row.loc[2025, "tonnes"] == pytest.approx(10) and row.loc[2030, "tonnes"] == 0
    assert res.total_cost_cents == (10 * 1_000 + 5 * 2_000) * 100


def test_a_path_point_met_by_the_fixed_projects_stays_met():
    # F's agreed project takes it to 0 in 2024: 2030 is met (2 t against 11.2 t). G's
    # package would add 18 t a year: the 2026 target of 10 homes cannot have it without
    # breaking 2030, so it stays short, and the path stays met
    ds = _ds([_complex("F"), _complex("G", gas=100.0)],
             [_end("F", 5_000), _end("G", 1_000, gas_after=1000.0)],
             projects=[{"project": "P1", "complex": "F", "year": 2024, "status": "akkoord",
                        "gas_saving_m3": 1000.0}],
             targets=[{"corporation": "Portaal", "from_year": 2026, "to_year": 2026,
                       "dwellings": 10}])
    res = route.propose(ds, route.RouteOptions(path_years=(2030,), time_limit=20))
    assert _years(res)["G"] is None or _years(res)["G"] > 2030
    assert res.path["met"].all()
    assert not res.targets["met"].iloc[0]
    assert res.explanations[0][0].startswith("Target Portaal 2026 (10 homes) is 10 short")
