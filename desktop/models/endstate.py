"""The end state per complex (eindbeeld, issue 21 point 2): where each complex should
end up, the measure package that gets it there, what it costs and what it then uses.

Defaults (every one can be overridden field by field in the Eindbeeld table):

* **target label**: ``A`` — the label the sector's route to 2050 aims at for a
  retrofitted social-rent home (the Aedes Routekaart's "maximaal isoleren" end point
  reaches it; sector-notes 1); a user sets another per complex.
* **heat solution**: the neighbourhood's heat plan (:mod:`heatplan`), ``nog onbekend``
  without one.
* **package**: insulation to the target label plus the heat solution's installation:
  ``warmtenet`` → a connection (``stadsverwarming``); ``all-electric`` → an
  all-electric heat pump; ``hybride``, ``groen gas`` and ``nog onbekend`` → a hybrid
  heat pump (the no-regret package: it fits whatever the neighbourhood gets).
  Insulation: one catalogue insulation measure per label step from the current label to
  the target (a complex without a label counts as ``D``, an assumption), taking the
  measures with the lowest cost per m³ gas saved first, by the catalogue in force
  (``measures.catalogue(ds)``, workspace rows included).
* **cost**: the sum of the package's catalogue costs per dwelling.
* **use after**: the catalogue's gas savings are for an average household (1,197 m³), so
  each measure saves that share of what the measures before it left (at most 90 %;
  :func:`remaining_share`): overlapping measures save less than their sum, a hybrid heat
  pump leaves gas, and only a gas-free measure (all-electric heat pump, heat network)
  ends it.  Summing the savings, as a project's proposed savings do
  (``measures.propose_savings``), took most packages to 0 m³ and overstated what they
  reach.  Electricity: the catalogue's savings summed.  Heat after: a package that
  connects to the heat network turns the gas left after its insulation into network heat
  at 0.03165 GJ/m³ × 0.87 (the heat an HR boiler's gas gives, sector-notes 2.3); on a
  network already, insulation leaves its share of the heat; an all-electric heat pump
  ends it (0).
* **heat_available_year**: the neighbourhood's network year when the end state is a
  heat network in a neighbourhood planned for one (the package cannot be done earlier);
  else ``<NA>`` (no constraint: a heat pump or insulation needs no network).

Use before: the CO2 model's use per dwelling (``co2.complex_use``: measured or given
values, else its estimates), before any project.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from . import co2
from .dataset import Dataset
from .enums import LABELS, HeatSolution
from .heatplan import HEAT_NETWORK_MEASURE, HEAT_PUMP_MEASURE, plan_by_neighbourhood
from .defaults import AVERAGE_HOUSEHOLD_GAS_M3
from .measures import Measure, catalogue, parse_measures, propose_savings, split_measures
from .yearly import factors_for_years, heat_factors_for_years

DEFAULT_TARGET_LABEL = "A"
UNKNOWN_LABEL_ASSUMED = "D"
HYBRID_HEAT_PUMP_MEASURE = "hybride warmtepomp"
MAX_SHARE_SAVED = 0.9      # no single measure saves more than 90 % of what is left
# the catalogue's insulation measures, from which a package takes one per label step
INSULATION_MEASURES = ("spouwmuurisolatie", "vloerisolatie", "dakisolatie", "hr++ glas",
                       "gevelisolatie")
INSTALLATION: dict[str, str] = {
    HeatSolution.HEAT_NETWORK.value: HEAT_NETWORK_MEASURE,
    HeatSolution.ALL_ELECTRIC.value: HEAT_PUMP_MEASURE,
    HeatSolution.HYBRID.value: HYBRID_HEAT_PUMP_MEASURE,
    HeatSolution.GREEN_GAS.value: HYBRID_HEAT_PUMP_MEASURE,
    HeatSolution.UNKNOWN.value: HYBRID_HEAT_PUMP_MEASURE,
}
OVERRIDABLE = ("target_label", "heat_solution", "measures", "cost_per_dwelling_cents",
               "gas_m3_after", "electricity_kwh_after", "heat_gj_after")
COLUMNS = ("complex", "corporation", "neighbourhood", "dwellings", "label_now", "target_label",
           "heat_solution", "heat_available_year", "measures", "cost_per_dwelling_cents",
           "gas_m3_before", "electricity_kwh_before", "heat_gj_before", "gas_m3_after",
           "electricity_kwh_after", "heat_gj_after", "overridden")
_FLOATS = ("gas_m3_before", "electricity_kwh_before", "heat_gj_before", "gas_m3_after",
           "electricity_kwh_after", "heat_gj_after")
_LABEL_CODE = {lab: i for i, lab in enumerate(LABELS)}


def insulation_order(cat: Iterable[Measure]) -> list[Measure]:
    """The catalogue's insulation measures, lowest cost per m³ gas saved first (a measure
    without a gas saving last)."""
    by_key = {m.key: m for m in cat}
    found = [by_key[k] for k in INSULATION_MEASURES if k in by_key]
    return sorted(found, key=lambda m: (m.cost_per_dwelling_eur / m.gas_saving_m3
                                        if m.gas_saving_m3 else float("inf")))


def default_package(label_now: str | None, target_label: str, heat_solution: str,
                    cat: list[Measure]) -> str:
    """The default package "a; b" for a complex: one insulation measure per label step
    to the target, then the heat solution's installation."""
    now = _LABEL_CODE.get(label_now or UNKNOWN_LABEL_ASSUMED, _LABEL_CODE[UNKNOWN_LABEL_ASSUMED])
    target = _LABEL_CODE.get(target_label, _LABEL_CODE[DEFAULT_TARGET_LABEL])
    steps = max(0, now - target)
    names = [m.key for m in insulation_order(cat)[:steps]]
    names.append(INSTALLATION.get(heat_solution, HYBRID_HEAT_PUMP_MEASURE))
    return "; ".join(names)


def _label_now(u) -> np.ndarray:
    """Per complex of the CO2 model's arrays: its most common label (dwellings' labels,
    else the complex's), None when none is known."""
    hist = u.label_hist[:, :len(LABELS)]
    best = hist.argmax(axis=1)
    names = np.array(LABELS, dtype=object)[best]
    return np.where(hist.sum(axis=1) > 0, names, None)


def _value(v):
    return None if v is None or v is pd.NA or (isinstance(v, float) and v != v) or pd.isna(v) else v


def remaining_share(measures: Iterable[Measure]) -> float:
    """The share of the gas (or network heat) use left after ``measures``: each measure's
    catalogue saving is for an average household (``AVERAGE_HOUSEHOLD_GAS_M3``), so it
    saves that share of what the measures before it left (at most 90 %).  Overlapping
    measures thus save less than their sum, in any order, and only a gas-free measure
    takes the use to 0; one measure on an average household saves its catalogue figure."""
    left = 1.0
    for m in measures:
        if m.gas_saving_m3:
            left *= 1.0 - min(max(m.gas_saving_m3, 0.0) / AVERAGE_HOUSEHOLD_GAS_M3, MAX_SHARE_SAVED)
    return left


def after_use(measures: str, gas: float, el: float, heat: float, cat: list[Measure]
              ) -> tuple[float, float, float, int]:
    """(gas m³, electricity kWh, network heat GJ after, cost in cents) per dwelling of a
    package on a dwelling using ``gas``, ``el``, ``heat`` (see the module's rule)."""
    _gas_saving, el_saving, cents = propose_savings(measures, gas, cat)
    known, _ = parse_measures(split_measures(measures), cat)
    keys = {m.key for m in known}
    gas_free = any(m.gas_saving_m3 is None for m in known)
    insulation = [m for m in known if not m.gas_free and m.key != HYBRID_HEAT_PUMP_MEASURE]
    insulated = remaining_share(insulation)          # what insulation leaves of the heat demand
    gas_after = 0.0 if gas_free else max(0.0, gas) * remaining_share(known)
    el_after = el - el_saving
    if HEAT_PUMP_MEASURE in keys:
        heat_after = 0.0
    elif HEAT_NETWORK_MEASURE in keys:       # the gas left after insulation becomes heat
        heat_after = max(0.0, heat) * insulated + max(0.0, gas) * insulated * co2.HEAT_GJ_PER_M3
        gas_after = 0.0
    elif heat > 0:                           # on the network already: insulation saves heat
        heat_after = heat * insulated
    else:
        heat_after = 0.0
    return gas_after, el_after, heat_after, cents


def end_states(ds: Dataset) -> pd.DataFrame:
    """One row per complex (in Complexen order), columns :data:`COLUMNS`: the end state
    with its defaults and the user's overrides (Eindbeeld), field by field."""
    C = ds.complexes[ds.complexes["complex"].notna()].drop_duplicates("complex")
    ids = C["complex"].astype(str).tolist()
    u = co2.prepare_use(ds)
    pos = pd.Index([str(c) for c in u.complex_ids]).get_indexer(ids)
    n = np.maximum(u.count[pos], 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        safe = np.where(n > 0, n, 1)
        gas_b = np.where(n > 0, u.gas_total[pos] / safe, 0.0)
        el_b = np.where(n > 0, u.el_total[pos] / safe, 0.0)
        heat_b = np.where(n > 0, u.heat_total[pos] / safe, 0.0)
    label_now = _label_now(u)[pos] if len(pos) else np.array([], dtype=object)
    plan = plan_by_neighbourhood(ds)
    cat = catalogue(ds)
    over = ds.end_states.dropna(subset=["complex"]).drop_duplicates("complex", keep="last")
    over = over.set_index(over["complex"].astype(str))
    counts = ds.dwelling_counts()

    rows = []
    for i, row in enumerate(C[["complex", "corporation", "neighbourhood"]].itertuples(
            index=False, name=None)):
        cid, corp, nb = str(row[0]), row[1], row[2]
        o = {f: _value(over.at[cid, f]) for f in OVERRIDABLE} if cid in over.index else \
            dict.fromkeys(OVERRIDABLE)
        planned = plan.loc[nb] if nb is not None and not pd.isna(nb) and nb in plan.index else None
        plan_solution = planned["heat_solution"] if planned is not None else HeatSolution.UNKNOWN.value
        target = o["target_label"] or DEFAULT_TARGET_LABEL
        solution = HeatSolution.canonical(o["heat_solution"]) or plan_solution
        available = None
        if (solution == HeatSolution.HEAT_NETWORK.value == plan_solution and planned is not None
                and not pd.isna(planned["available_year"])):
            available = int(planned["available_year"])
        measures = o["measures"] or default_package(label_now[i], target, solution, cat)
        gas_a, el_a, heat_a, cents = after_use(measures, float(gas_b[i]), float(el_b[i]),
                                               float(heat_b[i]), cat)
        rows.append({
            "complex": cid, "corporation": corp, "neighbourhood": nb,
            "dwellings": int(counts.get(cid, 0)), "label_now": label_now[i],
            "target_label": target, "heat_solution": solution, "heat_available_year": available,
            "measures": "; ".join(split_measures(measures)),
            "cost_per_dwelling_cents": int(o["cost_per_dwelling_cents"])
            if o["cost_per_dwelling_cents"] is not None else cents,
            "gas_m3_before": float(gas_b[i]), "electricity_kwh_before": float(el_b[i]),
            "heat_gj_before": float(heat_b[i]),
            "gas_m3_after": float(o["gas_m3_after"]) if o["gas_m3_after"] is not None else gas_a,
            "electricity_kwh_after": float(o["electricity_kwh_after"])
            if o["electricity_kwh_after"] is not None else el_a,
            "heat_gj_after": float(o["heat_gj_after"]) if o["heat_gj_after"] is not None else heat_a,
            "overridden": any(v is not None for v in o.values()),
        })
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in ("complex", "corporation", "neighbourhood", "label_now", "target_label",
              "heat_solution", "measures"):
        out[c] = out[c].astype("string")
    out["dwellings"] = out["dwellings"].astype("int64")
    out["heat_available_year"] = out["heat_available_year"].astype("Int64")
    out["cost_per_dwelling_cents"] = out["cost_per_dwelling_cents"].astype("Int64")
    for c in _FLOATS:
        out[c] = out[c].astype("Float64")
    out["overridden"] = out["overridden"].astype(bool)
    return out


def emissions_kg(frame: pd.DataFrame, ds: Dataset, years: Iterable[int]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """kg CO2 per dwelling per year, (rows of ``frame`` × ``years``), before and after
    the package: gas × the year's gas factor + electricity × the year's electricity
    factor + network heat × the network's own factor (Warmteplan) else the year's heat
    factor (``yearly``: the nearest earlier year's row, else the defaults)."""
    years = list(years)
    fac = factors_for_years(ds, years).reindex(years)
    fg = fac["gas_kg_m3"].to_numpy(dtype="float64")
    fe = fac["electricity_kg_kwh"].to_numpy(dtype="float64")
    fh = heat_factors_for_years(ds, years)
    own = co2.network_factors(ds, frame["neighbourhood"].to_numpy(dtype=object, na_value=None))
    F = np.where(np.isnan(own)[:, None], fh[None, :], own[:, None])

    def kg(suffix: str) -> np.ndarray:
        g = frame[f"gas_m3_{suffix}"].to_numpy(dtype="float64", na_value=0.0)
        e = frame[f"electricity_kwh_{suffix}"].to_numpy(dtype="float64", na_value=0.0)
        h = frame[f"heat_gj_{suffix}"].to_numpy(dtype="float64", na_value=0.0)
        return g[:, None] * fg[None, :] + e[:, None] * fe[None, :] + h[:, None] * F

    return kg("before"), kg("after")


__all__ = ["end_states", "emissions_kg", "default_package", "after_use", "remaining_share", "insulation_order",
           "COLUMNS", "OVERRIDABLE", "DEFAULT_TARGET_LABEL", "INSULATION_MEASURES", "INSTALLATION"]
