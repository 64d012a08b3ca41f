"""CO2 recomputation at corporation scale, against anchors measured in the same run.

Builds the synthetic programme (100,000 dwellings, ~4,000 complexes) and tops its
projects up to ~6,000, then times

* ``emissions`` from scratch (use per dwelling, warnings, savings, labels, gas-free);
* ``emissions`` after an edit to one project, with the stock's use prepared once
  (``prepare_use``: what a view does while only projects or factors change);
* ``co2_by_corporation`` (the check part);

and two anchors over the same dwelling rows: a plain numpy dot product of use and
factors for every year, and ``DataFrame.groupby().sum()`` of one year's emissions per
corporation and neighbourhood.  Prints figures and ratios; never fails on time.

    .venv/bin/python -m bench.bench_co2 [--dwellings N] [--projects P] [--repeat R]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import synthetic_dataset  # noqa: E402
from desktop.models import co2  # noqa: E402
from desktop.models.dataset import conform  # noqa: E402


def with_projects(ds, n_projects: int, seed: int = 2):
    """Top the projects up to ``n_projects`` with copies of existing ones on random
    complexes and years (fresh ids)."""
    extra = n_projects - len(ds.projects)
    if extra <= 0:
        return ds
    rng = np.random.default_rng(seed)
    src = ds.projects.iloc[rng.integers(0, len(ds.projects), extra)].reset_index(drop=True)
    src = src.assign(
        project=[f"PX-{i:05d}" for i in range(extra)],
        complex=ds.complexes["complex"].to_numpy()[rng.integers(0, len(ds.complexes), extra)],
        year=rng.integers(2021, 2040, extra))
    ds.projects = conform("projects", pd.concat([ds.projects, src], ignore_index=True))
    return ds


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--projects", type=int, default=6_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)

    ds = with_projects(synthetic_dataset(args.dwellings), args.projects)
    print(f"stock: {len(ds.dwellings):,} dwellings, {len(ds.complexes):,} complexes, "
          f"{len(ds.projects):,} projects; years 2020-2050")

    # anchors over the same rows
    use, _ = co2.dwelling_use(ds)
    gas = use["gas_m3"].to_numpy() * use["dwellings"].to_numpy()
    el = use["electricity_kwh"].to_numpy() * use["dwellings"].to_numpy()
    fac = ds.emission_factors
    fg = np.resize(fac["gas_kg_m3"].to_numpy(dtype=float), 31)
    fe = np.resize(fac["electricity_kg_kwh"].to_numpy(dtype=float), 31)
    stacked = np.stack([gas, el], axis=1)                       # (dwellings x 2)
    factors = np.stack([fg, fe], axis=0)                        # (2 x years)
    t_dot = best_of(lambda: stacked @ factors, args.repeat)     # (dwellings x years)
    frame = use[["corporation", "neighbourhood"]].assign(kg=gas * fg[0] + el * fe[0])
    t_groupby = best_of(lambda: frame.groupby(["corporation", "neighbourhood"])["kg"].sum(),
                        args.repeat)

    t_full = best_of(lambda: co2.emissions(ds), args.repeat)
    prepared = co2.prepare_use(ds)
    co2.emissions(ds, use=prepared)                              # fills the stock's caches

    col = ds.projects.columns.get_loc("gas_saving_m3")

    def edit_and_recompute():
        ds.projects.iloc[0, col] = float(ds.projects.iat[0, col]) + 1.0   # an edit
        co2.emissions(ds, use=prepared)

    t_edit = best_of(edit_and_recompute, args.repeat)
    t_check = best_of(lambda: co2.co2_by_corporation(ds), args.repeat)
    result, warnings = co2.emissions(ds)
    totals = result.totals().set_index("year")

    print(f"anchor numpy dot (dwellings x 2) @ (2 x 31):   {t_dot * 1000:8.1f} ms")
    print(f"anchor groupby(corporation, neighbourhood).sum: {t_groupby * 1000:8.1f} ms")
    print(f"emissions from scratch:                         {t_full * 1000:8.1f} ms"
          f"   = {t_full / t_dot:5.1f} x dot, {t_full / t_groupby:5.1f} x groupby")
    print(f"emissions after a project edit (prepared use):  {t_edit * 1000:8.1f} ms"
          f"   = {t_edit / t_dot:5.1f} x dot, {t_edit / t_groupby:5.1f} x groupby")
    print(f"co2_by_corporation (check part):                {t_check * 1000:8.1f} ms"
          f"   = {t_check / t_dot:5.1f} x dot, {t_check / t_groupby:5.1f} x groupby")
    print(f"warnings: {len(warnings):,}; tonnes 2020 {totals.loc[2020, 'tonnes']:,.0f}, "
          f"2030 {totals.loc[2030, 'tonnes']:,.0f}, 2050 {totals.loc[2050, 'tonnes']:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
