"""The sector's yardsticks (issue 24): label from EP2, the insulation standard,
"toekomstklaar", gas-free, and the counts per year under the plan.

Sources (checked 2026-12; what is assumed is said where it is used):

* **Label from EP2** — :mod:`energy_label` (NTA 8800 bands of the *Regeling
  energieprestatie gebouwen*; EP2 exactly on a limit gets the better label).  A dwelling's
  label: its own EP2, else its own label, else its complex's EP2, else its complex's
  label — as in :mod:`co2`, which uses the same label.
* **Standaard voor woningisolatie** — maximum net heat demand (kWh/m²·yr) by dwelling
  type, build period and shape factor x = Als/Ag (aedes.nl/verduurzaming/
  standaard-en-streefwaarden, 6-9-2021, after the minister's letter of 18-3-2021)::

      eengezins,  before 1945:  60  (x < 1),  60 + 105·(x − 1)  (x ≥ 1)
      eengezins,  from 1945:    43,           43 +  40·(x − 1)
      meergezins, before 1945:  95,           95 +  70·(x − 1)
      meergezins, from 1945:    45,           45 +  45·(x − 1)

  The first three rows are *verified* at that page.  The meergezins-from-1945 row was
  cut off there; it is *assumed* equal to the RVO EPV-Basis threshold for meergezins
  (rvo.nl/onderwerpen/energieprestatievergoeding-epv/tabellen-maximale), whose
  eengezins threshold equals the eengezins-from-1945 row of the Standaard.  The rows
  are data (:data:`STANDARD`), not code.
* **Toekomstklaar geïsoleerd** (BZK + Aedes, aedes.nl/verduurzaming/toekomstklaar-
  isoleren-wat-betekent-dat-voor-corporaties) counts a dwelling when any of: (1) it
  meets the Standaard; (2) it can be heated well at 50 °C without large insulation
  steps; (3) it reached A+ after insulation measures; (4) all dwellings of its complex
  meet the Standaard "op enkele na"; (5) a tenant's ZAV prevents meeting it.  *Computed
  here*: (1) — net heat demand ≤ its Standaard — and (3), read as: a project of the
  plan done by that year gives a label (from its EP2 after, else its label after) of
  A+ or better.  Not computed (no data): (2), (4) ("a few" is not defined), (5).
* **Gas-free** — the complex's heating burns no gas (``GAS_FREE_HEATING``) or a project
  done by that year lists a gas-free measure; the rule of :mod:`co2`.
* **Benchmark indicators** (Aedes benchmark, prestatieveld duurzaamheid, since 2021;
  aedes.nl/aedes-benchmark/toelichting-op-het-prestatieveld-duurzaamheid):
  isolatieprestatie = average distance to the Standaard (kWh/m²), energetische
  prestatie = average EP2 (kWh/m²), direct CO2 from gas use (kg/m²).  Here: the
  distance of a dwelling is max(0, heat demand − Standaard) (*assumed*: a dwelling that
  meets the Standaard counts 0, none counts negative), averaged over the dwellings
  whose type, build year, Ag, Als and heat demand are known; EP2 averaged over the
  dwellings with an EP2; CO2 = Σ gas m³ × the year's gas factor / Σ Ag over the
  dwellings with an Ag (gas use after the projects' savings, as in :mod:`co2`).
* **National targets** (Nationaal Prestatieakkoord Volkshuisvesting 2022): no E, F or G
  label after 2028; 675,000 toekomstklaar and 450,000 gas-free corporation dwellings by
  2030 (sector-wide).  A corporation's own path: no E/F/G in its stock from 2028 on.

Years: a project counts from its year on (like :mod:`co2`), so the figure of 2028 is
the stock after every project done in 2028 — what is left "after 2028".
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .co2 import first_gas_free, label_codes, not_cancelled, prepare_use
from .dataset import Dataset
from .defaults import BASE_YEAR, HORIZON_YEAR
from .energy_label import EP2_LIMITS, label_codes_from_ep2, label_from_ep2
from .enums import LABELS, DwellingType
from .yearly import factors_for_years

EFG = ("E", "F", "G")
EFG_DEADLINE = 2028            # NPA: no E, F or G label after 2028
TOEKOMSTKLAAR_YEAR = 2030      # NPA: 675,000 toekomstklaar, 450,000 gas-free
NATIONAL_TARGETS = {"toekomstklaar": 675_000, "gas_free": 450_000}   # sector-wide, by 2030
BUILD_PERIOD_LIMIT = 1945      # Standaard: "before 1945" / "from 1945"
# (dwelling type, built before 1945) -> (limit at x < 1, slope per unit of x − 1 for x ≥ 1)
STANDARD: dict[tuple[str, bool], tuple[float, float]] = {
    (DwellingType.SINGLE_FAMILY.value, True): (60.0, 105.0),
    (DwellingType.SINGLE_FAMILY.value, False): (43.0, 40.0),
    (DwellingType.MULTI_FAMILY.value, True): (95.0, 70.0),
    (DwellingType.MULTI_FAMILY.value, False): (45.0, 45.0),     # assumed: see above
}
_A_PLUS = LABELS.index("A+")
_EFG_CODES = [LABELS.index(x) for x in EFG]


# --------------------------------------------------------------------------- single rules
def standard_limits(dwelling_type, build_year, floor_area, loss_area) -> np.ndarray:
    """The Standaard's maximum net heat demand (kWh/m²·yr) per dwelling; NaN where type,
    build year, Ag (> 0) or Als is unknown."""
    kind = pd.Series(dwelling_type, dtype="string").to_numpy(dtype=object, na_value=None)
    year = np.asarray(pd.array(build_year, dtype="Float64").to_numpy(dtype="float64", na_value=np.nan))
    ag = np.asarray(pd.array(floor_area, dtype="Float64").to_numpy(dtype="float64", na_value=np.nan))
    als = np.asarray(pd.array(loss_area, dtype="Float64").to_numpy(dtype="float64", na_value=np.nan))
    base = np.full(len(kind), np.nan)
    slope = np.full(len(kind), np.nan)
    for (k, before), (b, s) in STANDARD.items():
        hit = (kind == k) & ((year < BUILD_PERIOD_LIMIT) if before else (year >= BUILD_PERIOD_LIMIT))
        base[hit], slope[hit] = b, s
    with np.errstate(invalid="ignore", divide="ignore"):
        x = np.where(ag > 0, als / np.where(ag > 0, ag, 1.0), np.nan)
    return np.where(x < 1, base, base + slope * (x - 1))


def standard_limit(dwelling_type: str, build_year: int, floor_area: float, loss_area: float) -> float | None:
    """The Standaard for one dwelling (see :func:`standard_limits`)."""
    v = float(standard_limits([dwelling_type], [build_year], [floor_area], [loss_area])[0])
    return None if np.isnan(v) else v


# --------------------------------------------------------------------------- per dwelling
def _positions(frame: pd.DataFrame, key: str, ids) -> np.ndarray:
    """Row of ``frame`` for each id (the first row with that key), -1 where absent."""
    keys = pd.Index(frame[key].to_numpy(dtype=object, na_value=None))
    first = np.flatnonzero(~keys.duplicated())
    found = keys[first].get_indexer(pd.Index(ids, dtype=object))
    return np.where(found >= 0, first[np.maximum(found, 0)] if len(first) else -1, -1)


def _column(frame: pd.DataFrame, column: str, pos: np.ndarray, numeric: bool) -> np.ndarray:
    """``column`` at the rows ``pos`` (NaN or None where -1 or missing)."""
    if numeric:
        values = np.append(frame[column].to_numpy(dtype="float64", na_value=np.nan), np.nan)
    else:
        values = np.append(frame[column].to_numpy(dtype=object, na_value=None), None)
    return values[np.where(pos >= 0, pos, len(values) - 1)]


@dataclass
class _Stock:
    """One row per dwelling (or per complex without dwelling rows, weighted)."""

    u: object                   # co2's per-dwelling arrays (prepare_use)
    dwelling_type: np.ndarray   # object
    build_year: np.ndarray      # float, NaN unknown
    ep2: np.ndarray
    floor_area: np.ndarray
    loss_area: np.ndarray
    heat_demand: np.ndarray
    label: np.ndarray           # code (co2's: own EP2, else own label, else the complex's); -1 unknown
    standard: np.ndarray


def _stock(ds: Dataset) -> _Stock:
    u = prepare_use(ds)
    d, c = ds.dwellings, ds.complexes
    d_pos = _positions(d, "dwelling", u.dwelling)
    c_pos = _positions(c, "complex", u.complex_ids)[u.ci]

    def pick(column: str, numeric: bool = True) -> np.ndarray:
        own, shared = _column(d, column, d_pos, numeric), _column(c, column, c_pos, numeric)
        missing = np.isnan(own) if numeric else pd.isna(own)
        return np.where(missing, shared, own)

    kind = pick("dwelling_type", numeric=False)
    ep2 = pick("ep2_kwh_m2")
    ag, als = pick("floor_area_m2"), pick("loss_area_m2")
    year = _column(c, "build_year", c_pos, numeric=True)
    return _Stock(u, kind, year, ep2, ag, als, pick("heat_demand_kwh_m2"), u.label,
                  standard_limits(kind, year, ag, als))


def dwelling_performance(ds: Dataset) -> pd.DataFrame:
    """Per dwelling (a complex without dwelling rows: one row, ``dwellings`` = its
    count): dwelling, complex, dwellings, dwelling_type, build_year, ep2_kwh_m2,
    floor_area_m2, loss_area_m2, shape_factor, label (from EP2, else as given),
    label_source (``ep2``/``given``), heat_demand_kwh_m2, standard_kwh_m2,
    meets_standard (<NA> when unknown), distance_kwh_m2 — in today's stock."""
    s = _stock(ds)
    u = s.u
    names = np.array(list(LABELS) + [None], dtype=object)
    with np.errstate(invalid="ignore", divide="ignore"):
        x = np.where(s.floor_area > 0, s.loss_area / np.where(s.floor_area > 0, s.floor_area, 1), np.nan)
    known = ~np.isnan(s.heat_demand) & ~np.isnan(s.standard)
    return pd.DataFrame({
        "dwelling": pd.array(u.dwelling, dtype="string"),
        "complex": pd.array(u.complex_ids[u.ci], dtype="string"),
        "dwellings": u.weight.astype("int64"),
        "dwelling_type": pd.array(s.dwelling_type, dtype="string"),
        "build_year": pd.array(s.build_year, dtype="Float64").astype("Int64"),
        "ep2_kwh_m2": s.ep2, "floor_area_m2": s.floor_area, "loss_area_m2": s.loss_area,
        "shape_factor": x,
        "label": pd.array(names[s.label], dtype="string"),
        "label_source": pd.array(np.where(s.label < 0, None, np.where(
            label_codes_from_ep2(s.ep2) == s.label, "ep2", "given")), dtype="string"),
        "heat_demand_kwh_m2": s.heat_demand,
        "standard_kwh_m2": s.standard,
        "meets_standard": pd.array(np.where(known, s.heat_demand <= s.standard, None), dtype="boolean"),
        "distance_kwh_m2": np.where(known, np.maximum(0.0, s.heat_demand - s.standard), np.nan),
    })


# --------------------------------------------------------------------------- per year
def _latest(pc: np.ndarray, py: np.ndarray, values: np.ndarray, nc: int, ny: int) -> np.ndarray:
    """(complex × year): the value of the latest project (by year, then row) that gives
    one, done by that year; NaN before any."""
    out = np.full((nc, ny), np.nan)
    given = ~np.isnan(values)
    if not given.any():
        return out
    ev = pd.DataFrame({"c": pc[given], "y": py[given], "v": values[given]})
    ev = ev.drop_duplicates(["c", "y"], keep="last")     # rows are in project order
    out[ev["c"].to_numpy(), ev["y"].to_numpy()] = ev["v"].to_numpy()
    return pd.DataFrame(out).ffill(axis=1).to_numpy()


COUNTS = ("dwellings", "efg", "toekomstklaar", "gas_free", "with_standard", "distance_sum",
          "with_ep2", "ep2_sum", "gas_kg", "floor_area_m2")


@dataclass
class YardstickResult:
    """``by_group``: per year, corporation and neighbourhood the sums :data:`COUNTS`
    (dwellings, E/F/G dwellings, toekomstklaar, gas-free; the dwellings with a known
    distance and its sum, with a known EP2 and its sum, kg CO2 from gas and m² Ag of
    the dwellings with an Ag) and the averages (:func:`with_averages`).
    ``complex_efg``: per year and complex the E/F/G dwellings (only where > 0)."""

    base_year: int
    end_year: int
    by_group: pd.DataFrame
    complex_efg: pd.DataFrame

    def by_corporation(self) -> pd.DataFrame:
        sums = self.by_group.groupby(["year", "corporation"], dropna=False, sort=True)[list(COUNTS)]
        return with_averages(sums.sum().reset_index())

    def totals(self) -> pd.DataFrame:
        years = pd.Index(range(self.base_year, self.end_year + 1), name="year")
        sums = self.by_group.groupby("year")[list(COUNTS)].sum().reindex(years, fill_value=0)
        return with_averages(sums.reset_index())


def with_averages(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the benchmark's averages to a frame of :data:`COUNTS` sums: avg_distance_kwh_m2,
    avg_ep2_kwh_m2, co2_gas_kg_m2 (NaN where no dwelling has the data)."""
    out = frame.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        for name, total, n in (("avg_distance_kwh_m2", "distance_sum", "with_standard"),
                               ("avg_ep2_kwh_m2", "ep2_sum", "with_ep2"),
                               ("co2_gas_kg_m2", "gas_kg", "floor_area_m2")):
            d = out[n].to_numpy(dtype="float64")
            out[name] = np.where(d > 0, out[total].to_numpy(dtype="float64") / np.where(d > 0, d, 1), np.nan)
    return out


def yardsticks(ds: Dataset, base_year: int = BASE_YEAR, end_year: int = HORIZON_YEAR) -> YardstickResult:
    """The yardsticks per year (base..end inclusive) for the stock under the plan: every
    project that is not ``vervallen`` counts from its year on (a project before the base
    year counts from the base year).  Per dwelling and year:

    * label: after the latest project done that gives one — its EP2 after (through the
      bands), else its label after — else the dwelling's own (EP2, else given label);
    * EP2: the latest project's EP2 after, else the dwelling's;
    * heat demand: the latest project's heat demand after, else the dwelling's;
    * toekomstklaar: heat demand ≤ Standaard, or a project's label of A+ or better;
    * gas-free: as in :mod:`co2`; gas use: the use of :mod:`co2` minus the summed gas
      savings of the projects done, at least 0, at that year's gas factor.
    """
    if end_year < base_year:
        raise ValueError("end_year before base_year")
    years = np.arange(base_year, end_year + 1)
    ny = len(years)
    s = _stock(ds)
    u = s.u
    nc, ci, w = u.n_complexes, u.ci, u.weight

    P = ds.projects
    pci = u.index.get_indexer(P["complex"].astype(object).to_numpy()) if len(P) else np.zeros(0, "int64")
    pyear = P["year"].to_numpy(dtype="float64", na_value=np.nan)
    pos = np.flatnonzero(not_cancelled(P["status"]) & (pci >= 0) & ~np.isnan(pyear) & (pyear <= end_year))
    pc = pci[pos]
    py = np.clip(pyear[pos].astype("int64") - base_year, 0, ny - 1)

    def project_values(column: str) -> np.ndarray:
        return P[column].to_numpy(dtype="float64", na_value=np.nan)[pos]

    ep2_after = project_values("ep2_after_kwh_m2")
    given_after = label_codes(P["label_after"].iloc[pos]).astype("float64")
    label_after = label_codes_from_ep2(ep2_after).astype("float64")
    label_after = np.where(label_after >= 0, label_after, np.where(given_after >= 0, given_after, np.nan))
    L = _latest(pc, py, label_after, nc, ny)[ci]                    # rows × years
    E = _latest(pc, py, ep2_after, nc, ny)[ci]
    H = _latest(pc, py, project_values("heat_demand_after_kwh_m2"), nc, ny)[ci]

    label = np.where(np.isnan(L), s.label[:, None], L)
    ep2 = np.where(np.isnan(E), s.ep2[:, None], E)
    demand = np.where(np.isnan(H), s.heat_demand[:, None], H)
    std = s.standard[:, None]
    known = ~np.isnan(demand) & ~np.isnan(std)
    meets = known & (demand <= std)
    distance = np.where(known, np.maximum(0.0, demand - std), 0.0)
    toekomstklaar = meets | (~np.isnan(L) & (L <= _A_PLUS))
    efg = np.isin(label, _EFG_CODES)
    free = first_gas_free(u, P, pos, pc, py, ny)[ci]

    saving = np.zeros((nc, ny))
    np.add.at(saving, (pc, py), np.nan_to_num(project_values("gas_saving_m3")))
    gas = np.maximum(0.0, u.gas[:, None] - np.cumsum(saving, axis=1)[ci])
    fg = factors_for_years(ds.emission_factors, years)["gas_kg_m3"].to_numpy(dtype="float64")
    has_area = ~np.isnan(s.floor_area) & (s.floor_area > 0)

    grp = u.groups
    g = grp.code[ci]
    ng = grp.n
    order = np.argsort(g, kind="stable")          # rows by group: contiguous segments
    sg = g[order]
    starts = np.flatnonzero(np.r_[True, sg[1:] != sg[:-1]]) if len(sg) else np.zeros(0, "int64")
    w_sorted = w[order][:, None]

    def per_group(matrix) -> np.ndarray:
        """Dwelling-weighted sums per (corporation, neighbourhood) group and year."""
        out = np.zeros((ng, ny))
        if len(starts):
            m = np.broadcast_to(matrix, (len(ci), ny))
            out[sg[starts]] = np.add.reduceat(m[order] * w_sorted, starts, axis=0)
        return out

    sums = {
        "dwellings": per_group(np.ones((1, ny))),
        "efg": per_group(efg),
        "toekomstklaar": per_group(toekomstklaar),
        "gas_free": per_group(free),
        "with_standard": per_group(known),
        "distance_sum": per_group(distance),
        "with_ep2": per_group(~np.isnan(ep2)),
        "ep2_sum": per_group(np.nan_to_num(ep2)),
        "gas_kg": per_group(np.where(has_area[:, None], gas * fg[None, :], 0.0)),
        "floor_area_m2": per_group(np.where(has_area, s.floor_area, 0.0)[:, None]),
    }
    keep = np.flatnonzero(sums["dwellings"][:, 0] > 0)
    groups = grp.frame.iloc[keep]
    by_group = pd.DataFrame({
        "year": np.tile(years, len(keep)).astype("int64"),
        "corporation": pd.array(np.repeat(groups["corporation"].to_numpy(dtype=object), ny), dtype="string"),
        "neighbourhood": pd.array(np.repeat(groups["neighbourhood"].to_numpy(dtype=object), ny),
                                  dtype="string"),
        **{k: v[keep].reshape(-1) for k, v in sums.items()},
    })
    for k in ("dwellings", "efg", "toekomstklaar", "gas_free", "with_standard", "with_ep2"):
        by_group[k] = np.rint(by_group[k]).astype("int64")

    cflat = (ci[:, None] * ny + np.arange(ny)).ravel()
    cefg = np.bincount(cflat, weights=(efg * w[:, None]).ravel(), minlength=nc * ny).reshape(nc, ny)
    cc, yy = np.nonzero(cefg > 0)
    complex_efg = pd.DataFrame({"year": years[yy].astype("int64"),
                                "complex": pd.array(u.complex_ids[cc], dtype="string"),
                                "efg": np.rint(cefg[cc, yy]).astype("int64")})
    return YardstickResult(base_year, end_year, with_averages(by_group), complex_efg)


def efg_after_deadline(ds: Dataset, result: YardstickResult | None = None,
                       year: int = EFG_DEADLINE) -> pd.DataFrame:
    """Every complex that still has E/F/G dwellings in ``year`` under the plan (after the
    projects done in that year): complex, name, corporation, neighbourhood, dwellings,
    efg (its E/F/G dwellings then), next_project_year (the first later project, <NA>
    when none is planned).  Sorted by corporation, neighbourhood, complex."""
    if result is None or not result.base_year <= year <= result.end_year:
        result = yardsticks(ds, min(year, BASE_YEAR), max(year, HORIZON_YEAR))
    hit = result.complex_efg[result.complex_efg["year"] == year][["complex", "efg"]]
    info = ds.complexes[["complex", "name", "corporation", "neighbourhood"]].drop_duplicates("complex")
    out = hit.merge(info, on="complex", how="left")
    out.insert(4, "dwellings", out["complex"].map(ds.dwelling_counts()).fillna(0).astype("int64"))
    P = ds.projects[not_cancelled(ds.projects["status"])]
    later = P[P["year"] > year].groupby("complex")["year"].min()
    out["next_project_year"] = out["complex"].map(later).astype("Int64")
    cols = ["complex", "name", "corporation", "neighbourhood", "dwellings", "efg", "next_project_year"]
    return out[cols].sort_values(["corporation", "neighbourhood", "complex"]).reset_index(drop=True)


def indicators_by_corporation(ds: Dataset, base_year: int = BASE_YEAR, end_year: int = HORIZON_YEAR,
                              result: YardstickResult | None = None) -> pd.DataFrame:
    """The ``indicators`` part of ``check``: per corporation and year — dwellings, efg,
    toekomstklaar, gas_free, avg_distance_kwh_m2, avg_ep2_kwh_m2, co2_gas_kg_m2
    (``result``: :func:`yardsticks` already computed for these years)."""
    frame = (result or yardsticks(ds, base_year, end_year)).by_corporation()
    return frame[["corporation", "year", "dwellings", "efg", "toekomstklaar", "gas_free",
                  "avg_distance_kwh_m2", "avg_ep2_kwh_m2", "co2_gas_kg_m2"]]


__all__ = [
    "EP2_LIMITS", "EFG", "EFG_DEADLINE", "TOEKOMSTKLAAR_YEAR", "NATIONAL_TARGETS", "STANDARD",
    "BUILD_PERIOD_LIMIT", "COUNTS", "YardstickResult", "label_from_ep2", "label_codes_from_ep2",
    "standard_limit", "standard_limits", "dwelling_performance", "yardsticks", "with_averages",
    "efg_after_deadline", "indicators_by_corporation",
]
