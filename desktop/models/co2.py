"""The CO2 model (seed 3E; the ``co2`` part of the ``check`` report).

Emissions of a dwelling in a year = gas m³ × gas factor + electricity kWh × electricity
factor + network heat GJ × heat factor, with the savings of every non-cancelled project of its complex applied from the
project's year on (summed per carrier, then the use clamped at zero), at that year's
emission factors (``yearly.factors_for_years``: fallback rule, else the defaults).
Every dwelling counts, let or vacant.  Where a complex has measured use in a year (sheet
Verbruik, :func:`realised.measured_use`), that measured average per dwelling × its
dwellings is the complex's use in that year instead (per carrier; other years and
complexes are unchanged).

Use per dwelling (:func:`dwelling_use`):

* gas: the dwelling's own value, else its complex's value, else — when the complex's
  heating burns no gas (``GAS_FREE_HEATING``: district heating, heat pump, electric) —
  zero, else the typical use for its label (the dwelling's label, else the complex's; a
  label is the one its EP2 gives by the NTA 8800 bands where EP2 is known, issue 24),
  else zero with a warning;
* electricity: own value, else the complex's, else the Dutch average household use;
* heat from a heat network (only a complex whose heating is district heating,
  ``stadsverwarming``; issue 21): the complex's ``heat_gj`` per dwelling, else estimated
  as the typical gas use for the dwelling's label (else the average household's gas use)
  × 0.03165 GJ/m³ × 0.87 (an HR boiler's efficiency: the heat that gas would have
  delivered, sector-notes 2.3), with a warning that it is an estimate.  Its factor is the
  network's own (``heat_kg_gj`` of the neighbourhood's row in Warmteplan), else the
  year's ``heat_kg_gj`` in Emissiefactoren (default 40.45 kg/GJ).  Projects' savings and
  measured use (gas and electricity) leave the heat use as it is.

Values not given for the dwelling itself are estimates, reported as grouped warnings:
one per complex and kind, with the number of dwellings (never one per
dwelling).  A complex without dwelling rows taking its own complex values is not an
estimate and gives no warning.

The zero gas for gas-free heating goes beyond the literal chain (complex value,
else label, else zero): the typical use per label is the use of a gas-heated home, and
counting it for a district-heated one would invent emissions.

A complex without Woningen rows counts as its declared number of identical dwellings
with the complex's values; it is represented by a single row whose ``dwellings``
column holds that count (a real dwelling row has ``dwellings`` = 1).

Vectorised: everything per dwelling is a numpy array; savings are a (complex × year)
matrix of cumulative sums; since max(0, v − S) = (v − S) + max(0, S − v) the linear
per-complex sums are corrected, as a (dwelling × year) array, only for the dwellings
whose use lies below the largest saving of their complex.  :func:`prepare_use` keeps
the stock's part for repeated runs while only projects or factors change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from .dataset import Dataset, Problem
from .defaults import (AVERAGE_HOUSEHOLD_GAS_M3, BASE_YEAR, CO2_TARGET_PATH, GJ_PER_M3_GAS,
                       HORIZON_YEAR, HR_BOILER_EFFICIENCY, TYPICAL_ELECTRICITY_KWH,
                       TYPICAL_GAS_M3_BY_LABEL)
from .energy_label import label_codes_from_ep2
from .enums import GAS_FREE_HEATING, LABELS, Heating, Status
from .measures import is_gas_free
from .yearly import factors_for_years, heat_factors_for_years

GAS_SOURCES = ("dwelling", "complex", "heating", "label", "none")
EL_SOURCES = ("dwelling", "complex", "default")
HEAT_SOURCES = ("none", "complex", "label", "average")   # none: not on district heating
# network heat (GJ) that the gas of a gas-heated home would deliver
HEAT_GJ_PER_M3 = GJ_PER_M3_GAS * HR_BOILER_EFFICIENCY
UNKNOWN_LABEL = "onbekend"          # label column value when neither dwelling nor complex gives one
_NL = len(LABELS)                  # code of the unknown label in label histograms
_TYPICAL_GAS = np.array([TYPICAL_GAS_M3_BY_LABEL[lab] for lab in LABELS], dtype="float64")
_GAS_FREE = {h.value for h in GAS_FREE_HEATING}
_gas_free_text = lru_cache(maxsize=16384)(is_gas_free)
_CANCELLED = {Status.CANCELLED.value.casefold(), Status.CANCELLED.english.casefold()}


# --------------------------------------------------------------------------------------
# helpers
def _wsum(x: np.ndarray, weights: np.ndarray, minlength: int) -> np.ndarray:
    """Weighted ``np.bincount`` that stays float64 when ``x`` is empty."""
    return np.bincount(x, weights=weights, minlength=minlength).astype("float64", copy=False)


def _floats(s: pd.Series) -> np.ndarray:
    return s.to_numpy(dtype="float64", na_value=np.nan)


_LABEL_CODE = {lab: i for i, lab in enumerate(LABELS)}


def label_codes(s: pd.Series) -> np.ndarray:
    """0..10 for A++++..G, -1 for missing or unknown text (normalised per distinct
    value: few distinct labels among many rows)."""
    if len(s) == 0:
        return np.zeros(0, dtype="int64")
    codes, uniques = pd.factorize(s.to_numpy(dtype=object, na_value=None))
    lookup = np.array([_LABEL_CODE.get(str(v).strip().upper(), -1) for v in uniques] + [-1],
                      dtype="int64")
    return lookup[codes]          # code -1 (missing) takes the trailing -1


def _label_with_ep2(frame: pd.DataFrame) -> np.ndarray:
    """Label codes of a complexes or dwellings frame: from its EP2 by the NTA 8800 bands
    where given, else its label (-1: neither)."""
    given = label_codes(frame["label"])
    from_ep2 = label_codes_from_ep2(_floats(frame["ep2_kwh_m2"]))
    return np.where(from_ep2 >= 0, from_ep2, given)


def not_cancelled(status: pd.Series) -> np.ndarray:
    """Boolean mask of projects that are not ``vervallen`` (missing status = gepland)."""
    s = status.astype("string").str.strip().str.casefold()
    return ~s.isin(_CANCELLED).fillna(False).to_numpy(dtype=bool)


def _plural(n: float, one: str, many: str) -> str:
    n = int(n + 0.5)
    return f"{n} {one if n == 1 else many}"


# --------------------------------------------------------------------------------------
# use per dwelling
@dataclass
class _Use:
    """Per-dwelling arrays (one row per dwelling, or per complex without dwelling rows)."""

    complex_ids: np.ndarray          # per complex index: id (object)
    c_row: np.ndarray                # per complex: row in ds.complexes, -1 when absent
    c_corporation: np.ndarray        # object, may hold NA
    c_neighbourhood: np.ndarray
    c_heating: np.ndarray            # object, canonical value (gasketel when missing)
    c_gas_free: np.ndarray           # bool
    c_label: np.ndarray              # label code, -1 unknown
    ci: np.ndarray                   # per row: complex index
    weight: np.ndarray               # per row: dwellings it stands for (float64)
    let: np.ndarray                  # bool
    label: np.ndarray                # label code, -1 unknown
    gas: np.ndarray
    el: np.ndarray
    gas_src: np.ndarray              # index into GAS_SOURCES
    el_src: np.ndarray               # index into EL_SOURCES
    virtual: np.ndarray              # bool: row stands for a complex without dwelling rows
    heat: np.ndarray = field(repr=False, default=None)      # GJ network heat per row
    heat_src: np.ndarray = field(repr=False, default=None)  # index into HEAT_SOURCES
    index: pd.Index = field(repr=False, default=None)
    _dwelling_ids: pd.Series = field(repr=False, default=None)
    _rows_d: np.ndarray | None = field(repr=False, default=None)

    @property
    def dwelling(self) -> np.ndarray:
        """Per row: dwelling id (object; None for a complex without dwelling rows)."""
        ids = self._dwelling_ids.to_numpy(dtype=object, na_value=None)
        if self._rows_d is not None:
            ids = ids[self._rows_d]
        return np.concatenate([ids, np.full(int(self.virtual.sum()), None, dtype=object)])

    @property
    def n_complexes(self) -> int:
        return len(self.complex_ids)

    # ---- quantities that depend on the stock only (cached: an edit to a project
    # ---- does not need them again; see :func:`prepare_use`)
    @cached_property
    def _sorted(self) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
        """(order or None when ci is already sorted, sorted ci, segment starts)."""
        ci = self.ci
        order = None
        if len(ci) > 1 and (np.diff(ci) < 0).any():
            order = np.argsort(ci, kind="stable")
            ci = ci[order]
        starts = np.flatnonzero(np.r_[True, ci[1:] != ci[:-1]]) if len(ci) else \
            np.zeros(0, dtype="int64")
        return order, ci, starts

    def per_complex_min(self, values: np.ndarray) -> np.ndarray:
        """Lowest value per complex (inf for a complex without rows)."""
        out = np.full(self.n_complexes, np.inf)
        order, ci, starts = self._sorted
        if len(ci):
            v = values if order is None else values[order]
            out[ci[starts]] = np.minimum.reduceat(v, starts)
        return out

    @cached_property
    def count(self) -> np.ndarray:
        return _wsum(self.ci, weights=self.weight, minlength=self.n_complexes)

    @cached_property
    def gas_total(self) -> np.ndarray:
        return _wsum(self.ci, weights=self.weight * self.gas, minlength=self.n_complexes)

    @cached_property
    def el_total(self) -> np.ndarray:
        return _wsum(self.ci, weights=self.weight * self.el, minlength=self.n_complexes)

    @cached_property
    def heat_total(self) -> np.ndarray:
        return _wsum(self.ci, weights=self.weight * self.heat, minlength=self.n_complexes)

    @cached_property
    def gas_min(self) -> np.ndarray:
        return self.per_complex_min(self.gas)

    @cached_property
    def el_min(self) -> np.ndarray:
        return self.per_complex_min(self.el)

    @cached_property
    def label_hist(self) -> np.ndarray:
        """(complex × labels+1) dwellings per label code; the last column is unknown."""
        nc = self.n_complexes
        code = np.where(self.label >= 0, self.label, _NL)
        return _wsum(self.ci * (_NL + 1) + code, weights=self.weight,
                           minlength=nc * (_NL + 1)).reshape(nc, _NL + 1)

    @cached_property
    def group_label_hist(self) -> np.ndarray:
        """(group × labels+1) dwellings per label code at the stock's own labels."""
        return self.groups.sum(self.label_hist)

    @cached_property
    def groups(self) -> "_Groups":
        return _Groups.of(self)

    @cached_property
    def warnings(self) -> list[Problem]:
        return _use_warnings(self)


def _use_arrays(ds: Dataset) -> _Use:
    C = ds.complexes.reset_index(drop=True)
    if C["complex"].isna().any() or C["complex"].duplicated().any():
        C = C[C["complex"].notna()].drop_duplicates("complex", keep="first")
    D = ds.dwellings
    ids = pd.Index(C["complex"].to_numpy(dtype=object))
    ci_d = ids.get_indexer(D["complex"]).astype("int64")
    dangling = ci_d < 0
    extra = pd.Index([])
    if dangling.any():           # dwellings of complexes missing from Complexen
        values = D["complex"][dangling]
        extra = pd.Index(values[values.notna()].unique().to_numpy(dtype=object))
        if len(extra):
            sub = extra.get_indexer(values)
            ci_d[dangling] = np.where(sub >= 0, len(ids) + sub, -1)
    index = ids.append(extra) if len(extra) else ids
    nc = len(index)
    n_known = len(ids)
    rows_d = np.flatnonzero(ci_d >= 0) if (ci_d < 0).any() else None
    if rows_d is not None:
        ci_d = ci_d[rows_d]

    def dcol(name: str, kind: str, na_value):
        col = D[name]
        if kind == "object":
            arr = col.to_numpy(dtype=object, na_value=na_value)
        else:
            arr = col.to_numpy(dtype=kind, na_value=na_value)
        return arr if rows_d is None else arr[rows_d]

    def pad(values: np.ndarray, fill) -> np.ndarray:
        if len(extra) == 0:
            return values
        return np.concatenate([values, np.full(len(extra), fill, dtype=values.dtype)])

    c_gas = pad(_floats(C["gas_m3"]), np.nan)
    c_el = pad(_floats(C["electricity_kwh"]), np.nan)
    c_label = pad(_label_with_ep2(C), -1)
    heating = C["heating"].astype("string").str.strip().str.casefold()
    heating = heating.map({h.value: h.value for h in Heating} | {h.english: h.value for h in Heating})
    c_heating = pad(heating.fillna(Heating.GAS_BOILER.value).to_numpy(dtype=object),
                    Heating.GAS_BOILER.value)
    c_gas_free = np.isin(c_heating, list(_GAS_FREE))
    declared = pad(C["dwellings"].to_numpy(dtype="float64", na_value=0.0), 0.0)
    c_row = pad(C.index.to_numpy(dtype="int64"), -1)
    c_corp = pad(C["corporation"].to_numpy(dtype=object, na_value=None), None)
    c_nb = pad(C["neighbourhood"].to_numpy(dtype=object, na_value=None), None)

    has_rows = np.bincount(ci_d, minlength=nc) > 0
    virt = np.flatnonzero(~has_rows[:n_known] & (declared[:n_known] > 0))
    nd, nv = len(ci_d), len(virt)

    ci = np.concatenate([ci_d, virt])
    weight = np.concatenate([np.ones(nd), declared[virt]])
    own_gas = np.concatenate([dcol("gas_m3", "float64", np.nan), np.full(nv, np.nan)])
    own_el = np.concatenate([dcol("electricity_kwh", "float64", np.nan), np.full(nv, np.nan)])
    labels_d = _label_with_ep2(D)
    own_label = np.concatenate([labels_d if rows_d is None else labels_d[rows_d],
                                np.full(nv, -1, dtype="int64")])
    virtual = np.concatenate([np.zeros(nd, dtype=bool), np.ones(nv, dtype=bool)])
    let = np.concatenate([dcol("let", "bool", True), np.ones(nv, dtype=bool)])

    label = np.where(own_label >= 0, own_label, c_label[ci])

    gas = own_gas.copy()
    gas_src = np.zeros(len(ci), dtype="int8")
    miss = np.isnan(gas)
    cg = c_gas[ci]
    take = miss & ~np.isnan(cg)
    gas[take] = cg[take]
    gas_src[take] = 1
    miss &= ~take
    take = miss & c_gas_free[ci]
    gas[take] = 0.0
    gas_src[take] = 2
    miss &= ~take
    take = miss & (label >= 0)
    gas[take] = _TYPICAL_GAS[label[take]]
    gas_src[take] = 3
    miss &= ~take
    gas[miss] = 0.0
    gas_src[miss] = 4

    el = own_el.copy()
    el_src = np.zeros(len(ci), dtype="int8")
    miss = np.isnan(el)
    ce = c_el[ci]
    take = miss & ~np.isnan(ce)
    el[take] = ce[take]
    el_src[take] = 1
    miss &= ~take
    el[miss] = TYPICAL_ELECTRICITY_KWH
    el_src[miss] = 2

    heat, heat_src = _heat_use(ci, label, c_heating, pad(_floats(C["heat_gj"]), np.nan))
    return _Use(index.to_numpy(dtype=object), c_row, c_corp, c_nb, c_heating, c_gas_free,
                c_label, ci, weight, let, label, gas, el, gas_src, el_src,
                virtual, heat, heat_src, index, D["dwelling"], rows_d)


def _heat_use(ci: np.ndarray, label: np.ndarray, c_heating: np.ndarray, c_heat: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """Network heat GJ per row and its source (:data:`HEAT_SOURCES`): only rows of a
    district-heated complex; its ``heat_gj``, else the label's typical gas use (else the
    average household's) × :data:`HEAT_GJ_PER_M3`."""
    heat = np.zeros(len(ci))
    src = np.zeros(len(ci), dtype="int8")
    on_network = c_heating[ci] == Heating.DISTRICT_HEATING.value
    if not on_network.any():
        return heat, src
    given = c_heat[ci]
    take = on_network & ~np.isnan(given)
    heat[take] = given[take]
    src[take] = 1
    rest = on_network & ~take
    by_label = rest & (label >= 0)
    heat[by_label] = _TYPICAL_GAS[label[by_label]] * HEAT_GJ_PER_M3
    src[by_label] = 2
    rest &= ~by_label
    heat[rest] = AVERAGE_HOUSEHOLD_GAS_M3 * HEAT_GJ_PER_M3
    src[rest] = 3
    return heat, src


_USE_WARNINGS = (
    # (carrier column, source array, source code, only rows with own dwelling row,
    #  English text, Dutch text)
    ("gas_m3", "gas_src", 1, True,
     "gas use of {n} taken from the complex value (estimate)",
     "gasverbruik van {n_nl} overgenomen van de complexwaarde (schatting)"),
    ("gas_m3", "gas_src", 2, False,
     "gas use of {n} counted as 0: heating '{heating}' burns no natural gas (estimate)",
     "gasverbruik van {n_nl} geteld als 0: verwarming '{heating}' gebruikt geen aardgas "
     "(schatting)"),
    ("gas_m3", "gas_src", 3, False,
     "gas use of {n} taken from the typical use for the energy label (Woonbond; estimate)",
     "gasverbruik van {n_nl} overgenomen van het gebruikelijke verbruik bij het "
     "energielabel (Woonbond; schatting)"),
    ("gas_m3", "gas_src", 4, False,
     "gas use of {n} unknown (no value and no energy label): counted as 0",
     "gasverbruik van {n_nl} onbekend (geen waarde en geen energielabel): geteld als 0"),
    ("electricity_kwh", "el_src", 1, True,
     "electricity use of {n} taken from the complex value (estimate)",
     "elektriciteitsverbruik van {n_nl} overgenomen van de complexwaarde (schatting)"),
    ("electricity_kwh", "el_src", 2, False,
     "electricity use of {n} unknown: the average household use of "
     f"{TYPICAL_ELECTRICITY_KWH:,.0f} kWh/yr is used (CBS 2020; estimate)",
     "elektriciteitsverbruik van {n_nl} onbekend: het gemiddelde huishoudverbruik van "
     f"{TYPICAL_ELECTRICITY_KWH:,.0f}".replace(",", ".") + " kWh/jaar is gebruikt "
     "(CBS 2020; schatting)"),
    ("heat_gj", "heat_src", 2, False,
     "heat use of {n} on district heating estimated as the typical gas use for the energy "
     "label × 0.03165 GJ/m3 × 0.87 (estimate; enter Heat GJ per dwelling per year)",
     "warmteverbruik van {n_nl} op stadsverwarming geschat als het gebruikelijke "
     "gasverbruik bij het energielabel × 0,03165 GJ/m3 × 0,87 (schatting; vul Warmte GJ per "
     "woning per jaar in)"),
    ("heat_gj", "heat_src", 3, False,
     "heat use of {n} on district heating estimated as the average household's gas use "
     f"({AVERAGE_HOUSEHOLD_GAS_M3:,.0f} m3) × 0.03165 GJ/m3 × 0.87 (estimate; no energy label)",
     "warmteverbruik van {n_nl} op stadsverwarming geschat als het gasverbruik van een "
     f"gemiddeld huishouden ({AVERAGE_HOUSEHOLD_GAS_M3:,.0f} m3)".replace(",", ".")
     + " × 0,03165 GJ/m3 × 0,87 (schatting; geen energielabel)"),
)


def _use_warnings(u: _Use) -> list[Problem]:
    """One warning per complex and kind, with the number of dwellings; ordered by
    complex, then kind."""
    nc = u.n_complexes
    parts_c, parts_k, parts_n = [], [], []
    for kind, (_, src_name, code, own_rows, _, _) in enumerate(_USE_WARNINGS):
        mask = getattr(u, src_name) == code
        if own_rows:
            mask &= ~u.virtual
        if not mask.any():
            continue
        counts = _wsum(u.ci[mask], weights=u.weight[mask], minlength=nc)
        hit = np.flatnonzero(counts > 0)
        parts_c.append(hit)
        parts_k.append(np.full(len(hit), kind))
        parts_n.append(counts[hit])
    if not parts_c:
        return []
    cs, ks, ns = (np.concatenate(p) for p in (parts_c, parts_k, parts_n))
    order = np.lexsort((ks, cs))
    cs, ks = cs[order], ks[order]
    rows = u.c_row[cs].astype("int64").tolist()
    ids = [str(c) for c in u.complex_ids[cs].tolist()]
    counts = np.rint(ns[order]).astype("int64").tolist()
    heating = u.c_heating[cs].tolist()
    # the texts repeat (same kind, count and heating): each is formatted once
    texts: dict[tuple[int, int, object], tuple[str, str]] = {}
    out = []
    for k, row, cid, n, h in zip(ks.tolist(), rows, ids, counts, heating):
        column, _, _, _, text, text_nl = _USE_WARNINGS[k]
        pair = texts.get((k, n, h))
        if pair is None:
            fmt = {"n": f"{n} dwelling" if n == 1 else f"{n} dwellings",
                   "n_nl": f"{n} woning" if n == 1 else f"{n} woningen", "heating": h}
            pair = texts[(k, n, h)] = (text.format(**fmt), text_nl.format(**fmt))
        out.append(Problem("complexes", row if row >= 0 else None, column,
                           f"Complex {cid}: {pair[0]}", "warning", cid, f"Complex {cid}: {pair[1]}"))
    return out


def dwelling_use(ds: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """Gas and electricity use per dwelling, with where each value came from.

    Columns: dwelling, complex, corporation, neighbourhood, heating, let, label,
    gas_m3, electricity_kwh, gas_source (``dwelling|complex|heating|label|none``),
    el_source (``dwelling|complex|default``), dwellings (how many identical dwellings
    the row stands for: 1, or the declared count of a complex without dwelling rows).
    """
    u = _use_arrays(ds)
    labels = np.array(list(LABELS) + [UNKNOWN_LABEL], dtype=object)
    frame = pd.DataFrame({
        "dwelling": pd.array(u.dwelling, dtype="string"),
        "complex": pd.array(u.complex_ids[u.ci], dtype="string"),
        "corporation": pd.array(u.c_corporation[u.ci], dtype="string"),
        "neighbourhood": pd.array(u.c_neighbourhood[u.ci], dtype="string"),
        "heating": pd.array(u.c_heating[u.ci], dtype="string"),
        "let": u.let,
        "label": pd.array(labels[u.label], dtype="string"),
        "gas_m3": u.gas,
        "electricity_kwh": u.el,
        "gas_source": pd.Categorical.from_codes(u.gas_src, categories=list(GAS_SOURCES)),
        "el_source": pd.Categorical.from_codes(u.el_src, categories=list(EL_SOURCES)),
        "dwellings": u.weight.astype("int64"),
    })
    frame.loc[frame["label"] == UNKNOWN_LABEL, "label"] = pd.NA
    return frame, _use_warnings(u)


def complex_use(ds: Dataset) -> pd.DataFrame:
    """Per complex (index ``complex``): dwellings, average gas m³/yr, electricity
    kWh/yr and network heat GJ/yr per dwelling (after the fallbacks of :func:`dwelling_use`), gas_known (no
    dwelling's gas use unknown and counted as 0)."""
    u = _use_arrays(ds)
    nc = u.n_complexes
    n = _wsum(u.ci, weights=u.weight, minlength=nc)
    g = _wsum(u.ci, weights=u.weight * u.gas, minlength=nc)
    e = _wsum(u.ci, weights=u.weight * u.el, minlength=nc)
    h = u.heat_total
    unknown_gas = _wsum(u.ci, weights=u.weight * (u.gas_src == 4), minlength=nc)
    with np.errstate(invalid="ignore", divide="ignore"):
        return pd.DataFrame({"dwellings": n.astype("int64"),
                             "gas_m3": np.where(n > 0, g / np.where(n > 0, n, 1), np.nan),
                             "electricity_kwh": np.where(n > 0, e / np.where(n > 0, n, 1), np.nan),
                             "heat_gj": np.where(n > 0, h / np.where(n > 0, n, 1), np.nan),
                             # no dwelling's gas use was unknown (counted as 0)
                             "gas_known": (n > 0) & (unknown_gas == 0)},
                            index=pd.Index(u.complex_ids, name="complex", dtype="string"))


# --------------------------------------------------------------------------------------
# emissions
@dataclass
class Co2Result:
    """The outcome of :func:`emissions`.

    * ``by_group``: per year, corporation and neighbourhood — dwellings, gas_m3 and
      electricity_kwh (total use after savings), heat_gj (network heat, district heating), tonnes, tonnes_without_retrofits (the
      stock as in the base year — projects up to the base year applied, later ones not —
      at each year's factors), tonnes_at_base_factors (each year's savings at the base
      year's factors).  In the base year the three tonnes coincide, so
      ``drop = (base − without_retrofits) [cleaner grid] + (without_retrofits − tonnes)
      [retrofits]``.
    * ``labels``: per year and group, dwellings per label (``label`` <NA> = unknown).
    * ``gas_free``: per year and group, dwellings, gas_free_dwellings, gas_free_share.
    * ``factors``: the emission factors used per year, with their source year.
    """

    base_year: int
    end_year: int
    by_group: pd.DataFrame
    labels: pd.DataFrame
    gas_free: pd.DataFrame
    factors: pd.DataFrame

    def totals(self) -> pd.DataFrame:
        """Per year: the sums of ``by_group`` over all groups."""
        cols = ["dwellings", "gas_m3", "electricity_kwh", "tonnes",
                "tonnes_without_retrofits", "tonnes_at_base_factors", "heat_gj"]
        years = pd.Index(range(self.base_year, self.end_year + 1), name="year")
        return self.by_group.groupby("year")[cols].sum().reindex(years, fill_value=0).reset_index()

    def by_corporation(self) -> pd.DataFrame:
        cols = ["dwellings", "gas_m3", "electricity_kwh", "tonnes",
                "tonnes_without_retrofits", "tonnes_at_base_factors", "heat_gj"]
        return (self.by_group.groupby(["year", "corporation"], dropna=False, sort=True)[cols]
                .sum().reset_index())


def _clamped_use(u: _Use, values: np.ndarray, total: np.ndarray, lowest: np.ndarray,
                 S: np.ndarray):
    """Per complex and year: sum over dwellings of weight × max(0, value − saving).

    The per-complex sums are exact wherever no saving exceeds the lowest use in the
    complex; only the other complexes are evaluated per dwelling and year.
    Returns (use matrix, clamped dwellings per complex, first year index per complex
    where a saving exceeds a dwelling's use, -1 when never)."""
    nc, ny = S.shape
    use = total[:, None] - u.count[:, None] * S
    smax = S.max(axis=1, initial=-np.inf)
    clamped = np.zeros(nc)
    first = np.full(nc, -1, dtype="int64")
    if not (smax > lowest).any():
        return use, clamped, first
    # max(0, v − S) = (v − S) + max(0, S − v): the linear sums above plus a correction
    # from the dwellings whose use lies below the largest saving of their complex.
    rows = np.flatnonzero(values < smax[u.ci])
    rc = u.ci[rows]
    w = u.weight[rows]
    short = S[rc] - values[rows, None]                    # (candidates × years)
    np.maximum(short, 0.0, out=short)
    short *= w[:, None]
    flat = (rc[:, None] * ny + np.arange(ny)).ravel()
    correction = _wsum(flat, short.ravel(), nc * ny).reshape(nc, ny)
    use += correction
    clamped = _wsum(rc, w, nc)           # dwellings whose use some saving exceeds
    first = np.where(clamped > 0, (S > lowest[:, None]).argmax(axis=1), -1)
    return use, clamped, first


@dataclass
class _Groups:
    """(corporation, neighbourhood) groups of the complexes, sorted for reduceat."""

    code: np.ndarray            # per complex
    frame: pd.DataFrame         # corporation, neighbourhood per group code
    order: np.ndarray           # complexes sorted by group
    starts: np.ndarray          # segment starts in that order
    present: np.ndarray         # group codes that have complexes, in segment order

    @classmethod
    def of(cls, u: _Use) -> "_Groups":
        keys = pd.DataFrame({"corporation": pd.array(u.c_corporation, dtype="string"),
                             "neighbourhood": pd.array(u.c_neighbourhood, dtype="string")})
        code = keys.groupby(["corporation", "neighbourhood"], dropna=False, sort=True).ngroup()
        code = code.to_numpy(dtype="int64")
        frame = keys.assign(_g=code).drop_duplicates("_g").sort_values("_g")
        order = np.argsort(code, kind="stable")
        sc = code[order]
        starts = np.flatnonzero(np.r_[True, sc[1:] != sc[:-1]]) if len(sc) else \
            np.zeros(0, dtype="int64")
        return cls(code, frame[["corporation", "neighbourhood"]].reset_index(drop=True),
                   order, starts, sc[starts] if len(sc) else sc)

    @property
    def n(self) -> int:
        return len(self.frame)

    def sum(self, matrix: np.ndarray) -> np.ndarray:
        """Sum the per-complex rows of ``matrix`` per group (axis 0)."""
        out = np.zeros((self.n,) + matrix.shape[1:])
        if len(self.starts):
            out[self.present] = np.add.reduceat(matrix[self.order], self.starts, axis=0)
        return out


def _use_measured(ds: Dataset, u: _Use, N: np.ndarray, GU: np.ndarray, EU: np.ndarray,
                  base_year: int, ny: int) -> None:
    """Where a complex has measured use in a year (``realised.measured_use``: the average
    per dwelling), that year's use of the complex is the measured average × its
    dwellings, in place of the modelled use after savings; per carrier, only where
    measured."""
    from .realised import measured_use     # realised imports affordability, which imports co2

    m = measured_use(ds)
    ci = u.index.get_indexer(m["complex"].astype(object).to_numpy())
    yi = m["year"].to_numpy(dtype="float64", na_value=np.nan) - base_year
    ok = (ci >= 0) & (yi >= 0) & (yi < ny)
    for column, matrix in (("gas_m3", GU), ("electricity_kwh", EU)):
        v = m[column].to_numpy(dtype="float64", na_value=np.nan)
        take = ok & ~np.isnan(v)
        matrix[ci[take], yi[take].astype("int64")] = v[take] * N[ci[take]]


def prepare_use(ds: Dataset) -> _Use:
    """The stock's use per dwelling and its per-complex sums, for repeated
    :func:`emissions` calls while only projects or factors change (pass it as
    ``use=``).  Recompute it whenever complexes or dwellings change."""
    return _use_arrays(ds)


def emissions(ds: Dataset, base_year: int = BASE_YEAR, end_year: int = HORIZON_YEAR,
              factors=None, use: _Use | None = None) -> tuple[Co2Result, list[Problem]]:
    """Emissions per year (base..end inclusive) and corporation/neighbourhood.

    ``factors``: an emission-factor table (frame with year, gas_kg_m3,
    electricity_kg_kwh, or a list such as ``defaults.cleaner_grid_scenario()``) used
    instead of the dataset's own; missing years by the fallback rule.
    ``use``: the result of :func:`prepare_use` for this dataset's complexes and
    dwellings (saves most of the work when only projects or factors changed).

    Label per year: a dwelling's label (else its complex's) until a non-cancelled
    project of its complex with a ``label_after`` is done (year ≤ that year); then the
    label after the latest such project (same year: the later row).
    Gas-free per year: the complex's heating is in ``GAS_FREE_HEATING``, or a
    non-cancelled project done by that year lists a gas-free measure (all-electric heat
    pump, district heating; a hybrid heat pump is not gas-free).
    """
    if end_year < base_year:
        raise ValueError("end_year before base_year")
    years = np.arange(base_year, end_year + 1)
    ny = len(years)
    fac = factors_for_years(ds.emission_factors if factors is None else factors, years)
    fg = fac["gas_kg_m3"].to_numpy(dtype="float64")
    fe = fac["electricity_kg_kwh"].to_numpy(dtype="float64")
    fh = heat_factors_for_years(ds.emission_factors if factors is None else factors, years)

    u = _use_arrays(ds) if use is None else use
    warnings = list(u.warnings)
    nc = u.n_complexes

    # ---- projects: savings per (complex × year), cumulative -------------------------
    P = ds.projects
    pci = u.index.get_indexer(P["complex"].astype(object).to_numpy()) if len(P) else \
        np.zeros(0, dtype="int64")
    pyear = P["year"].to_numpy(dtype="float64", na_value=np.nan)
    valid = not_cancelled(P["status"]) & (pci >= 0) & ~np.isnan(pyear) & (pyear <= end_year)
    pos = np.flatnonzero(valid)
    pc = pci[pos]
    py = np.clip(pyear[pos].astype("int64") - base_year, 0, ny - 1)
    flat = pc * ny + py
    gs = np.nan_to_num(_floats(P["gas_saving_m3"])[pos])
    es = np.nan_to_num(_floats(P["electricity_saving_kwh"])[pos])
    Sg = _wsum(flat, weights=gs, minlength=nc * ny).reshape(nc, ny).cumsum(axis=1)
    Se = _wsum(flat, weights=es, minlength=nc * ny).reshape(nc, ny).cumsum(axis=1)

    GU, g_clamped, g_first = _clamped_use(u, u.gas, u.gas_total, u.gas_min, Sg)
    EU, e_clamped, e_first = _clamped_use(u, u.el, u.el_total, u.el_min, Se)
    for name, name_nl, column, clamped, first in (
            ("gas", "gasbesparingen", "gas_m3", g_clamped, g_first),
            ("electricity", "elektriciteitsbesparingen", "electricity_kwh", e_clamped, e_first)):
        for c in np.flatnonzero(clamped > 0):
            row = int(u.c_row[c])
            warnings.append(Problem(
                "complexes", row if row >= 0 else None, column,
                f"Complex {u.complex_ids[c]}: from {years[first[c]]} the summed {name} "
                f"savings of its projects exceed the use of "
                f"{_plural(clamped[c], 'dwelling', 'dwellings')}; their use is counted as 0",
                "warning", str(u.complex_ids[c]),
                f"Complex {u.complex_ids[c]}: vanaf {years[first[c]]} zijn de opgetelde "
                f"{name_nl} van zijn projecten groter dan het verbruik van "
                f"{_plural(clamped[c], 'woning', 'woningen')}; dat verbruik telt als 0"))

    # ---- measured use (sheet Verbruik) replaces the modelled use of its complex-years --
    N = u.count
    if len(ds.usage):
        _use_measured(ds, u, N, GU, EU, base_year, ny)

    # ---- aggregate per group ---------------------------------------------------------
    grp = u.groups
    groups = grp.frame
    GUg = grp.sum(GU)
    EUg = grp.sum(EU)
    Ng = grp.sum(N)
    # network heat: constant use, at the network's own factor else the year's
    heat_kg = np.zeros((grp.n, ny))
    HUg = np.zeros((grp.n, ny))
    if u.heat_total.any():
        own = network_factors(ds, u.c_neighbourhood)
        F = np.where(np.isnan(own)[:, None], fh[None, :], own[:, None])
        heat_kg = grp.sum(u.heat_total[:, None] * F)
        heat_kg_base = grp.sum(u.heat_total[:, None] * F[:, :1])
        HUg = np.broadcast_to(grp.sum(u.heat_total)[:, None], (grp.n, ny))
    else:
        heat_kg_base = heat_kg
    kg = GUg * fg + EUg * fe + heat_kg
    kg_frozen = GUg[:, :1] * fg + EUg[:, :1] * fe + heat_kg
    kg_base_factors = GUg * fg[0] + EUg * fe[0] + heat_kg_base

    keep = np.flatnonzero(Ng > 0)
    nk = len(keep)
    rep_years = np.tile(years, nk)
    rep_g = np.repeat(keep, ny)

    def long(values: np.ndarray) -> np.ndarray:
        return values[keep].reshape(-1)

    corp = groups["corporation"].to_numpy(dtype=object, na_value=None)
    nb = groups["neighbourhood"].to_numpy(dtype=object, na_value=None)
    by_group = pd.DataFrame({
        "year": rep_years.astype("int64"),
        "corporation": pd.array(corp[rep_g], dtype="string"),
        "neighbourhood": pd.array(nb[rep_g], dtype="string"),
        "dwellings": np.repeat(Ng[keep], ny).astype("int64"),
        "gas_m3": long(GUg),
        "electricity_kwh": long(EUg),
        "tonnes": long(kg) / 1000.0,
        "tonnes_without_retrofits": long(kg_frozen) / 1000.0,
        "tonnes_at_base_factors": long(kg_base_factors) / 1000.0,
        "heat_gj": long(HUg),
    })

    # ---- labels per year -------------------------------------------------------------
    # Complexes without a label-changing project keep their label histogram every year
    # (summed per group once, cached); only complexes with one are worked out per year.
    nl = _NL + 1
    per_label = np.broadcast_to(u.group_label_hist[:, None, :], (grp.n, ny, nl)).copy()
    la = label_codes(P["label_after"].iloc[pos]) if len(pos) else np.zeros(0, dtype="int64")
    has_la = la >= 0
    if has_la.any():
        ev = pd.DataFrame({"c": pc[has_la], "y": py[has_la], "l": la[has_la],
                           "order": np.flatnonzero(has_la)})
        ev = ev.sort_values(["y", "order"]).drop_duplicates(["c", "y"], keep="last")
        ec, inv = np.unique(ev["c"].to_numpy(), return_inverse=True)   # complexes with events
        event = np.full((len(ec), ny), -1, dtype="int64")
        event[inv, ev["y"].to_numpy()] = ev["l"].to_numpy()
        idx = np.where(event >= 0, np.arange(ny), 0)
        np.maximum.accumulate(idx, axis=1, out=idx)
        L = np.take_along_axis(event, idx, axis=1)       # (events × ny), -1 = unchanged
        cc, yy = np.nonzero(L >= 0)
        g = grp.code[ec[cc]]
        size = grp.n * ny * nl
        # remove the old histogram of a changed complex-year, add all its dwellings at L
        slot = (g * ny + yy) * nl
        old = _wsum((slot[:, None] + np.arange(nl)).ravel(), u.label_hist[ec[cc]].ravel(), size)
        new = _wsum(slot + L[cc, yy], weights=N[ec[cc]], minlength=size)
        per_label += (new - old).reshape(grp.n, ny, nl)
    per_label = per_label[keep]                            # (nk × ny × labels+1)
    kk, yy, ll = np.nonzero(per_label > 0)
    label_names = np.array(list(LABELS) + [None], dtype=object)
    labels = pd.DataFrame({
        "year": years[yy].astype("int64"),
        "corporation": pd.array(corp[keep[kk]], dtype="string"),
        "neighbourhood": pd.array(nb[keep[kk]], dtype="string"),
        "label": pd.array(label_names[ll], dtype="string"),
        "dwellings": per_label[kk, yy, ll].astype("int64"),
    })

    # ---- gas-free share per year ----------------------------------------------------
    free = first_gas_free(u, P, pos, pc, py, ny)
    free_g = grp.sum(free * N[:, None])
    gas_free = pd.DataFrame({
        "year": rep_years.astype("int64"),
        "corporation": pd.array(corp[rep_g], dtype="string"),
        "neighbourhood": pd.array(nb[rep_g], dtype="string"),
        "dwellings": np.repeat(Ng[keep], ny).astype("int64"),
        "gas_free_dwellings": long(free_g).astype("int64"),
    })
    gas_free["gas_free_share"] = gas_free["gas_free_dwellings"] / gas_free["dwellings"]

    factors_used = fac.reset_index()
    factors_used.insert(3, "heat_kg_gj", fh)
    result = Co2Result(base_year, end_year, by_group, labels, gas_free, factors_used)
    return result, warnings


def network_factors(ds: Dataset, neighbourhoods) -> np.ndarray:
    """Per entry of ``neighbourhoods``: the heat network's own factor kg CO2/GJ from the
    heat plan (Warmteplan ``heat_kg_gj``), NaN where the plan gives none."""
    plan = ds.heat_plan
    nbs = pd.Series(np.asarray(neighbourhoods, dtype=object))
    if not len(plan):
        return np.full(len(nbs), np.nan)
    own = plan.dropna(subset=["neighbourhood"]).drop_duplicates("neighbourhood", keep="last")
    own = own.set_index("neighbourhood")["heat_kg_gj"].astype("Float64")
    return nbs.map(own).to_numpy(dtype="float64", na_value=np.nan)


def first_gas_free(u: _Use, P: pd.DataFrame, pos: np.ndarray, pc: np.ndarray, py: np.ndarray,
                   ny: int) -> np.ndarray:
    """(complex × year) bool: gas-free that year — the complex's heating burns no gas,
    or one of the projects ``pos`` (rows of ``P``, of complex ``pc``, year index ``py``)
    done by then lists a gas-free measure."""
    first_free = np.full(u.n_complexes, ny, dtype="int64")
    if len(pos):
        measures = P["measures"].astype("string").iloc[pos]
        distinct = measures.dropna().unique()
        free_map = {m: _gas_free_text(m) for m in distinct}
        pfree = np.array([free_map.get(m, False) for m in
                          measures.to_numpy(dtype=object, na_value=None)], dtype=bool)
        if pfree.any():
            np.minimum.at(first_free, pc[pfree], py[pfree])
    return u.c_gas_free[:, None] | (np.arange(ny)[None, :] >= first_free[:, None])


def co2_by_corporation(ds: Dataset, base_year: int = BASE_YEAR
                       ) -> tuple[pd.DataFrame, list[Problem]]:
    """The ``co2`` part of the check report: year, corporation, tonnes (kg / 1000,
    rounded to whole kilograms), every year from ``base_year`` to 2050 inclusive."""
    result, warnings = emissions(ds, base_year=base_year, end_year=max(HORIZON_YEAR, base_year))
    frame = result.by_corporation()[["year", "corporation", "tonnes"]].copy()
    frame["tonnes"] = frame["tonnes"].round(3)
    return frame.reset_index(drop=True), warnings


# --------------------------------------------------------------------------------------
# targets
def target_path(base_tonnes: float, base_year: int = BASE_YEAR,
                end_year: int = HORIZON_YEAR) -> pd.DataFrame:
    """The municipal path relative to the base year: −12.3 % in 2025, −49 % in 2030,
    −100 % in 2050, linear in between (and from 0 % in the base year).

    Columns: year, reduction (fraction, negative), target_tonnes.
    """
    points = {base_year: 0.0}
    points.update({y: r for y, r in CO2_TARGET_PATH.items() if y > base_year})
    xs = np.array(sorted(points), dtype="float64")
    ys = np.array([points[int(x)] for x in xs])
    years = np.arange(base_year, end_year + 1)
    reduction = np.interp(years, xs, ys)
    return pd.DataFrame({"year": years.astype("int64"), "reduction": reduction,
                         "target_tonnes": float(base_tonnes) * (1.0 + reduction)})


def gap(result: Co2Result | pd.DataFrame, year: int) -> dict:
    """How far the stock is from the target path in ``year``.

    ``result``: a :class:`Co2Result`, or a frame with ``year`` and ``tonnes`` (and
    optionally ``tonnes_without_retrofits``), summed over its rows per year; its first
    year is the base.  Returns plain floats: tonnes, base_tonnes, target_tonnes,
    gap_tonnes (tonnes − target; positive = behind the path), drop_tonnes and its parts
    drop_from_retrofits and drop_from_grid (None without the decomposition columns).
    """
    if isinstance(result, Co2Result):
        totals = result.totals()
    else:
        cols = [c for c in ("tonnes", "tonnes_without_retrofits") if c in result.columns]
        totals = result.groupby("year")[cols].sum().reset_index()
    totals = totals.sort_values("year")
    base_year = int(totals["year"].iloc[0])
    base = float(totals["tonnes"].iloc[0])
    row = totals[totals["year"] == year]
    if row.empty:
        raise KeyError(f"year {year} not in the result")
    tonnes = float(row["tonnes"].iloc[0])
    path = target_path(base, base_year, max(year, base_year))
    target = float(path.loc[path["year"] == year, "target_tonnes"].iloc[0])
    out = {"year": int(year), "tonnes": tonnes, "base_tonnes": base,
           "target_tonnes": target, "gap_tonnes": tonnes - target,
           "drop_tonnes": base - tonnes, "drop_from_retrofits": None, "drop_from_grid": None}
    if "tonnes_without_retrofits" in totals.columns:
        frozen = float(row["tonnes_without_retrofits"].iloc[0])
        out["drop_from_retrofits"] = frozen - tonnes
        out["drop_from_grid"] = base - frozen
    return out


__all__ = ["dwelling_use", "complex_use", "emissions", "Co2Result", "co2_by_corporation",
           "target_path", "gap", "not_cancelled", "network_factors", "GAS_SOURCES", "EL_SOURCES",
           "HEAT_SOURCES", "HEAT_GJ_PER_M3"]
