"""The neighbourhood heat plan (Transitievisie Warmte / warmteprogramma, issue 21) and
the conflicts of projects with it.

The municipality decides per neighbourhood which heat solution replaces natural gas
(``warmtenet``, ``all-electric``, ``hybride``, ``groen gas``, or ``nog onbekend``) and
from which year it is available (sector-notes 2.1).  A neighbourhood without a row in
Warmteplan is ``nog onbekend``.

The conflict rules are written here once (sector-notes 2.2, "Feature implication"); the
Programme page, ``check --json`` and the optimiser read them from :func:`conflicts`:

* ``heat_pump_in_heat_network`` — an all-electric (individual) heat pump in a
  neighbourhood planned for a heat network (rule a);
* ``network_in_all_electric`` — a heat-network connection in a neighbourhood planned
  all-electric (rule b);
* ``network_before_available`` — going gas-free through the heat network before the year
  the network is available (rule d: the complex's gas-free year against the plan's);
* ``network_not_planned`` — a heat-network connection in a neighbourhood where no heat
  network is planned (hybrid, green gas, unknown or no row), unless the complex is on
  district heating already (a network is there).

A project is judged by the measures it lists (the measures catalogue in force, with its
names and aliases): a heat-network connection is the catalogue's ``stadsverwarming``, an
all-electric heat pump its ``all-electric warmtepomp``; a hybrid heat pump conflicts with
no plan (it is the no-regret step).  Cancelled projects are not judged.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .co2 import not_cancelled
from .dataset import Dataset
from .enums import Heating, HeatSolution
from .measures import catalogue, parse_measures

HEAT_NETWORK_MEASURE = "stadsverwarming"          # catalogue key of a network connection
HEAT_PUMP_MEASURE = "all-electric warmtepomp"      # catalogue key of an individual heat pump

RULES: tuple[str, ...] = ("heat_pump_in_heat_network", "network_in_all_electric",
                          "network_before_available", "network_not_planned")
CONFLICT_COLUMNS = ("project", "complex", "rule", "reason_en", "reason_nl")


def plan_by_neighbourhood(ds: Dataset) -> pd.DataFrame:
    """The heat plan of every neighbourhood of the stock and of the plan, indexed by
    neighbourhood (sorted): heat_solution (``nog onbekend`` without a row),
    available_year (Int64), heat_kg_gj (Float64, the network's own factor), note,
    planned (bool: the neighbourhood has a row)."""
    plan = ds.heat_plan.dropna(subset=["neighbourhood"]).drop_duplicates(
        "neighbourhood", keep="last").set_index("neighbourhood")
    names = sorted(set(ds.complexes["neighbourhood"].dropna().astype(str)) | set(plan.index))
    out = pd.DataFrame(index=pd.Index(names, name="neighbourhood", dtype="string"))
    out["heat_solution"] = pd.array(
        [HeatSolution.canonical(v) or HeatSolution.UNKNOWN.value
         for v in plan["heat_solution"].reindex(out.index).to_numpy(dtype=object, na_value=None)],
        dtype="string")
    out["available_year"] = plan["available_year"].reindex(out.index).astype("Int64")
    out["heat_kg_gj"] = plan["heat_kg_gj"].reindex(out.index).astype("Float64")
    out["note"] = plan["note"].reindex(out.index).astype("string")
    out["planned"] = out.index.isin(plan.index)
    return out


def _kinds(measures: object, cat) -> tuple[bool, bool]:
    """(connects to a heat network, installs an all-electric heat pump)."""
    known, _ = parse_measures(measures, cat)
    keys = {m.key for m in known}
    return HEAT_NETWORK_MEASURE in keys, HEAT_PUMP_MEASURE in keys


def _text(rule: str, nb: str, year, project_year) -> tuple[str, str]:
    since_en = f" (from {year})" if year is not None else ""
    since_nl = f" (vanaf {year})" if year is not None else ""
    if rule == "heat_pump_in_heat_network":
        return (f"Neighbourhood {nb} is planned for a heat network{since_en}; an all-electric "
                f"heat pump conflicts with the heat plan.",
                f"Wijk {nb} krijgt volgens het warmteplan een warmtenet{since_nl}; een "
                f"all-electric warmtepomp strijdt daarmee.")
    if rule == "network_in_all_electric":
        return (f"Neighbourhood {nb} is planned all-electric; a heat-network connection "
                f"conflicts with the heat plan.",
                f"Wijk {nb} wordt volgens het warmteplan all-electric; een aansluiting op een "
                f"warmtenet strijdt daarmee.")
    if rule == "network_before_available":
        return (f"The heat network of {nb} is available from {year}; the project goes gas-free "
                f"through it in {project_year}, before it is there.",
                f"Het warmtenet van {nb} is er vanaf {year}; het project gaat er in "
                f"{project_year} al mee van het gas af, voordat het er is.")
    return (f"No heat network is planned in neighbourhood {nb}; the project connects to one.",
            f"In wijk {nb} is geen warmtenet gepland; het project sluit erop aan.")


def conflicts(ds: Dataset) -> pd.DataFrame:
    """Every conflict of a (not cancelled) project with its neighbourhood's heat plan:
    one row per project and rule, columns project, complex, rule (see :data:`RULES`),
    reason_en, reason_nl; ordered by project, then rule."""
    P = ds.projects_with_owner()
    rows: list[tuple] = []
    if len(P):
        P = P[not_cancelled(P["status"])]
    if not len(P):
        return pd.DataFrame({c: pd.Series(dtype="string") for c in CONFLICT_COLUMNS})
    plan = plan_by_neighbourhood(ds)
    cat = catalogue(ds)
    on_network = set(ds.complexes.loc[ds.complexes["heating"].astype("string")
                                      == Heating.DISTRICT_HEATING.value, "complex"].astype(str))
    kinds = {m: _kinds(m, cat) for m in P["measures"].dropna().unique()}
    solution = P["neighbourhood"].map(plan["heat_solution"]).fillna(HeatSolution.UNKNOWN.value)
    available = P["neighbourhood"].map(plan["available_year"])
    for (project, complex_id, nb, measures, year), sol, avail in zip(
            P[["project", "complex", "neighbourhood", "measures", "year"]].itertuples(
                index=False, name=None), solution, available):
        network, heat_pump = kinds.get(measures, (False, False))
        if not (network or heat_pump):
            continue
        avail = None if avail is None or pd.isna(avail) else int(avail)
        year = None if year is None or pd.isna(year) else int(year)
        hits = []
        if heat_pump and sol == HeatSolution.HEAT_NETWORK.value:
            hits.append("heat_pump_in_heat_network")
        if network and sol == HeatSolution.ALL_ELECTRIC.value:
            hits.append("network_in_all_electric")
        if (network and sol == HeatSolution.HEAT_NETWORK.value and avail is not None
                and year is not None and year < avail):
            hits.append("network_before_available")
        if (network and sol not in (HeatSolution.HEAT_NETWORK.value, HeatSolution.ALL_ELECTRIC.value)
                and str(complex_id) not in on_network):
            hits.append("network_not_planned")
        for rule in hits:
            en, nl = _text(rule, "?" if nb is None or pd.isna(nb) else str(nb), avail, year)
            rows.append((str(project), str(complex_id), rule, en, nl))
    out = pd.DataFrame(rows, columns=list(CONFLICT_COLUMNS)).astype("string")
    if len(out):
        order = out["rule"].map({r: i for i, r in enumerate(RULES)})
        out = out.assign(_o=order).sort_values(["project", "_o"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)


def conflicts_by_project(ds: Dataset) -> dict[str, tuple[str, str]]:
    """project -> (English, Dutch) reasons of its conflicts, joined by a space (for a
    column or tooltip)."""
    c = conflicts(ds)
    out: dict[str, tuple[str, str]] = {}
    for project, group in c.groupby("project", sort=False):
        out[str(project)] = (" ".join(group["reason_en"]), " ".join(group["reason_nl"]))
    return out


def network_summary(ds: Dataset, year: int, use=None) -> dict[str, float]:
    """What the CO2 page says about heat networks in ``year``: ``dwellings`` on district
    heating now and their network heat ``heat_gj`` a year and ``tonnes`` CO2 that year
    (at the network's own factor from the heat plan, else the year's heat factor, the
    CO2 model's rule); ``planned_dwellings`` in neighbourhoods the heat plan gives a
    heat network.  ``use``: :func:`co2.prepare_use` of ``ds`` when the caller has it."""
    from . import co2
    from .yearly import heat_factors_for_years

    u = use if use is not None else co2.prepare_use(ds)
    on = u.heat_total > 0
    own = co2.network_factors(ds, u.c_neighbourhood)
    factor = np.where(np.isnan(own), heat_factors_for_years(ds, [year])[0], own)
    plan = plan_by_neighbourhood(ds)
    networked = set(plan.index[(plan["heat_solution"] == HeatSolution.HEAT_NETWORK.value)
                               .to_numpy(dtype=bool)])
    in_planned = np.array([nb is not None and not pd.isna(nb) and str(nb) in networked
                           for nb in u.c_neighbourhood], dtype=bool)
    return {"dwellings": float(u.count[on].sum()), "heat_gj": float(u.heat_total[on].sum()),
            "tonnes": float((u.heat_total[on] * factor[on]).sum() / 1000.0),
            "planned_dwellings": float(u.count[in_planned].sum())}


__all__ = ["plan_by_neighbourhood", "conflicts", "conflicts_by_project", "network_summary", "RULES",
           "CONFLICT_COLUMNS", "HEAT_NETWORK_MEASURE", "HEAT_PUMP_MEASURE"]
