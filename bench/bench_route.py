"""The optimised route at corporation scale: 4,000 complexes (100,000 dwellings), 26 years,
against a greedy baseline measured in the same run.

Builds the synthetic programme (``bench.synthetic``: ~4,000 complexes, 4 corporations,
projects 2021–2035 of which the agreed, in-progress and done ones are fixed) and gives it
a heat plan (every neighbourhood all-electric, five on a heat network arriving 2028–2040)
and a capacity and budget per corporation and year, then

* builds the problem (``route.build_problem``: end states, emissions, limits);
* solves it with HiGHS (``route.solve``, gap 1 %, time limit 60 s) for each objective:
  the time, the solver's status and proven gap, the cost and the shortfall on the path;
* runs the greedy baseline (``route.greedy``: the most CO2 per euro first, each in the
  earliest year with room, until every target and path point is met);
* compares the cost at the same requirement: the 2030 path and the targets only (the
  2050 zero point left out, which no route meets here), the MIP started from the greedy
  route, so it never costs more; prints by how much less it costs.

Prints figures and ratios; never fails on time.

    .venv/bin/python -m bench.bench_route [--dwellings N] [--capacity HOMES] [--budget EUR]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import CORPORATIONS, synthetic_dataset  # noqa: E402
from desktop.models import route  # noqa: E402
from desktop.models.dataset import conform  # noqa: E402


def route_dataset(n_dwellings: int, capacity: int, budget_eur: int, seed: int = 1):
    ds = synthetic_dataset(n_dwellings, seed=seed)
    years = np.arange(route.FIRST_YEAR, route.LAST_YEAR + 1)
    caps = pd.DataFrame({
        "corporation": np.repeat(CORPORATIONS, len(years)), "year": np.tile(years, len(CORPORATIONS)),
        "max_dwellings": capacity, "budget_cents": budget_eur * 100})
    nbs = sorted(ds.complexes["neighbourhood"].dropna().unique())
    networks = {nb: y for nb, y in zip(nbs[:5], (2028, 2030, 2032, 2035, 2040))}
    plan = pd.DataFrame({
        "neighbourhood": nbs,
        "heat_solution": ["warmtenet" if nb in networks else "all-electric" for nb in nbs],
        "available_year": [networks.get(nb) for nb in nbs]})
    # a greening grid: the synthetic factors until 2024, then 0.20 kg/kWh falling to 0 in 2050
    f = ds.emission_factors.copy()
    late = f["year"] >= 2025
    f.loc[late, "electricity_kg_kwh"] = (0.20 * (2050 - f.loc[late, "year"]) / 25).round(6)
    return ds.with_tables(capacities=conform("capacities", caps),
                          heat_plan=conform("heat_plan", plan),
                          emission_factors=conform("emission_factors", f))


def shortfall(res) -> str:
    parts = [f"{int(p.year)} +{p.over_tonnes:,.0f} t" if not p.met else f"{int(p.year)} met"
             for p in res.path.itertuples(index=False)]
    t = res.targets
    past = t["to_year"] < route.FIRST_YEAR
    short = int((~t["met"] & ~past).sum())
    return ", ".join(parts) + (f"; targets from {route.FIRST_YEAR} short {short}/{int((~past).sum())}"
                               f" (before: {int((~t['met'] & past).sum())}/{int(past.sum())})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dwellings", type=int, default=100_000)
    p.add_argument("--capacity", type=int, default=1_200, help="homes per corporation and year")
    p.add_argument("--budget", type=int, default=40_000_000, help="euros per corporation and year")
    p.add_argument("--time-limit", type=float, default=60.0)
    p.add_argument("--verbose", action="store_true", help="log each solver step")
    args = p.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="  %(relativeCreated)7.0f ms %(message)s")

    t = time.perf_counter()
    ds = route_dataset(args.dwellings, args.capacity, args.budget)
    t_data = time.perf_counter() - t
    rows = []

    def row(name, seconds, res, anchor=None):
        rows.append((name, seconds, res, anchor))
        gap = "—" if res.gap is None else f"{res.gap * 100:.2f} %"
        print(f"{name:<44} {seconds:7.2f} s  {res.status:<12} gap {gap:>8}  "
              f"cost € {res.total_cost_cents / 100 / 1e6:9.1f} M  {shortfall(res)}", flush=True)

    print(f"synthetic data: {args.dwellings:,} dwellings, {len(ds.complexes):,} complexes "
          f"({t_data:.1f} s); capacity {args.capacity:,} homes and budget € {args.budget:,} "
          f"per corporation and year")
    t = time.perf_counter()
    full = route.build_problem(ds, route.RouteOptions(time_limit=args.time_limit))
    t_build = time.perf_counter() - t
    n = len(full.candidates)
    print(f"problem: {n:,} remaining complexes ({int(full.candidates['dwellings'].sum()):,} "
          f"dwellings) x {len(full.years)} years, {len(full.fixed_complexes):,} fixed; built in "
          f"{t_build:.2f} s")

    t = time.perf_counter()
    g = route.greedy(full)
    row("greedy baseline (2030, 2050, targets)", time.perf_counter() - t, g)
    for objective in route.OBJECTIVES:
        full.options.objective = objective
        t = time.perf_counter()
        res = route.solve(full)
        row(f"HiGHS MIP, objective {objective} (2030, 2050, targets)", time.perf_counter() - t, res)

    # the same requirement for both: the 2030 path and the targets
    pr = route.build_problem(ds, route.RouteOptions(path_years=(2030,), time_limit=args.time_limit))
    t = time.perf_counter()
    g30 = route.greedy(pr)
    t_g = time.perf_counter() - t
    row("greedy baseline (2030, targets)", t_g, g30)
    t = time.perf_counter()
    m30 = route.solve(pr, start=route.year_indices(g30, pr))
    t_m = time.perf_counter() - t
    row("HiGHS MIP, cost, from greedy (2030, targets)", t_m, m30)
    cheaper = g30.total_cost_cents - m30.total_cost_cents
    share = cheaper / g30.total_cost_cents * 100 if g30.total_cost_cents else 0.0
    print(f"\nsame requirement (2030 path and targets): the proposal costs € "
          f"{cheaper / 100 / 1e6:,.1f} M less than the greedy baseline ({share:.1f} % less; "
          f"greedy {g30.total_cost_cents / 100 / 1e6:,.1f} M, proposal "
          f"{m30.total_cost_cents / 100 / 1e6:,.1f} M); solver {t_m:.1f} s vs greedy {t_g:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
