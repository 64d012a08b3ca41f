"""Saving realised: measured use a year after a retrofit against the promised saving.

After a retrofit the corporation promises that the tenants' housing costs do not rise
(woonlastenwaarborg / woonlastengarantie: Woonbond and Aedes, 2009; "after one year the
actual saving was measured", woonbond.nl/nieuws/beter-energielabel-woonlastengarantie,
2-11-2012).  This module compares, per completed project (status ``gereed``), the measured
use (table ``usage``, sheet Verbruik) of the **year before** the project's year with that
of the **first full year after** it (project year + 1).

Measured use per complex and year (:func:`measured_use`): the average of its
dwelling-level rows when it has any, else its complex-level row (which is already the
average per dwelling).  For a project whose two years both have dwelling rows, only the
dwellings measured in *both* years count (per carrier), so a dwelling without a reading
changes neither average; the dwellings left out are named (``missing_dwellings``).  A
carrier without a reading in either year gives <NA> figures and a ``missing`` text: never
a silent 0.

Weather correction (where the ``degree_days`` table gives both years): heating gas is
normalised to a reference year by
``gas_corrected = gas_measured × REFERENCE_DEGREE_DAYS / degree_days(year)``
(weighted degree days, base 18 °C; "divide heating gas by (gewogen) graaddagen":
ecoheemskerk.nl/2023/01/20/graaddagen-om-effect-isoleren-te-bepalen/,
cbs.nl/nl-nl/nieuws/2012/15/…/correctie-voor-koude-en-zachte-winters).  The whole gas use
is scaled; cooking and hot water (~150–250 m³) do not depend on the weather, so in a
very cold or mild year the correction is slightly too large — a simplification stated
here and in docs/check.md.  Electricity is not corrected.

Money, per dwelling per month in whole cents, at the tariffs of the year after
(``yearly.tariffs_for_years``: the fallback rule), so that price changes do not count
as (lost) saving:

* ``energy_before_cents`` / ``energy_after_cents`` = round_half_up((gas × gas tariff +
  kWh × electricity tariff) × 100 / 12) of the (corrected) use of each year;
* ``realised_saving_cents`` = energy_before − energy_after; ``predicted_saving_cents``
  likewise from the project's predicted savings;
* ``housing_before_cents`` = rent + energy_before; ``housing_after_cents`` = rent + rent
  increase + energy_after (rent: the complex's average net rent; <NA> when unknown);
* ``guarantee_broken``: the rent increase is larger than the realised saving — the
  tenants pay more than before, against the promise; ``extra_cents_per_month`` = rent
  increase − realised saving (per dwelling per month; 0 when kept).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .affordability import _complex_rent_cents, monthly_saving_cents
from .dataset import Dataset
from .enums import Status
from .measures import catalogue, parse_measures
from .yearly import tariffs_for_years

# Weighted degree days (base 18 °C) of a normal year: ~2,600 (ecoheemskerk.nl 2023;
# herbergpv.nl/opbrengstpagina/gasverbruik/).
REFERENCE_DEGREE_DAYS = 2600.0
CARRIERS = (("gas_m3", "gas"), ("electricity_kwh", "electricity"))
_DONE = {Status.DONE.value, Status.DONE.english}


def _num(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def measured_use(ds: Dataset) -> pd.DataFrame:
    """Per (complex, year) with a reading: gas_m3 and electricity_kwh per dwelling (<NA>
    where that carrier is not measured), level (``dwellings`` | ``complex``) and
    dwellings (how many dwelling rows were averaged; <NA> for a complex row)."""
    U = ds.usage
    cols = ["complex", "year", "gas_m3", "electricity_kwh", "level", "dwellings"]
    if not len(U):
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            cols, ("string", "Int64", "Float64", "Float64", "string", "Int64"))})
    per_dwelling = U[U["dwelling"].notna()]
    agg = (per_dwelling.groupby(["complex", "year"], observed=True)
           .agg(gas_m3=("gas_m3", "mean"), electricity_kwh=("electricity_kwh", "mean"),
                dwellings=("dwelling", "nunique")).reset_index())
    agg["level"] = "dwellings"
    whole = U[U["dwelling"].isna()][["complex", "year", "gas_m3", "electricity_kwh"]].copy()
    whole["level"] = "complex"
    whole["dwellings"] = pd.NA
    if len(agg):    # dwelling rows win over a complex row of the same year
        have = pd.MultiIndex.from_frame(agg[["complex", "year"]])
        whole = whole[~pd.MultiIndex.from_frame(whole[["complex", "year"]]).isin(have)]
    out = pd.concat([agg[cols], whole[cols]], ignore_index=True)
    out = out.astype({"complex": "string", "year": "Int64", "gas_m3": "Float64",
                      "electricity_kwh": "Float64", "level": "string", "dwellings": "Int64"})
    return out.sort_values(["complex", "year"], kind="stable").reset_index(drop=True)


def private_usage(usage: pd.DataFrame) -> pd.DataFrame:
    """The ``usage`` rows for an export without personal data: dwelling rows merged into
    one complex row per complex and year (the average per dwelling; source "gemiddelde
    van N woningen"), unless the complex has its own row for that year (then the
    dwelling rows are left out)."""
    whole = usage[usage["dwelling"].isna()]
    rows = usage[usage["dwelling"].notna()]
    if not len(rows):
        return usage.reset_index(drop=True)
    agg = (rows.groupby(["complex", "year"], observed=True)
           .agg(gas_m3=("gas_m3", "mean"), electricity_kwh=("electricity_kwh", "mean"),
                n=("dwelling", "nunique")).reset_index())
    agg["source"] = "gemiddelde van " + agg["n"].astype(str) + " woningen"
    agg["dwelling"] = pd.NA
    have = pd.MultiIndex.from_frame(whole[["complex", "year"]].astype(object))
    agg = agg[~pd.MultiIndex.from_frame(agg[["complex", "year"]].astype(object)).isin(have)]
    # a merged row is new: no version or last editor of its own
    out = pd.concat([whole, agg.reindex(columns=usage.columns)], ignore_index=True)
    out = out.astype(usage.dtypes.to_dict())
    return out.sort_values(["complex", "year"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class _Pair:
    before: float | None
    after: float | None
    missing: tuple[str, ...]      # dwellings left out (no reading in one of the years)
    dwellings: int | None         # dwellings compared (None: complex-level figure)


def _pair(rows: pd.DataFrame, column: str, before: int, after: int) -> _Pair:
    """The use of ``column`` in the two years for one complex's usage ``rows``."""
    def level(year: int) -> tuple[pd.Series, float | None]:
        y = rows[rows["year"] == year]
        d = y[y["dwelling"].notna()]
        per = pd.Series(d[column].to_numpy(dtype="float64", na_value=np.nan),
                        index=d["dwelling"].astype(str).to_numpy())
        c = y[y["dwelling"].isna()][column]
        return per, (_num(c.iloc[-1]) if len(c) else None)

    pb, cb = level(before)
    pa, ca = level(after)
    if len(pb) and len(pa):
        everyone = sorted(set(pb.index) | set(pa.index))
        both = [d for d in everyone if d in pb.index and d in pa.index
                and not np.isnan(pb[d]) and not np.isnan(pa[d])]
        missing = tuple(d for d in everyone if d not in both)
        if not both:
            return _Pair(None, None, missing, 0)
        return _Pair(float(pb[both].mean()), float(pa[both].mean()), missing, len(both))

    def one(per: pd.Series, whole: float | None) -> tuple[float | None, tuple[str, ...], int | None]:
        if len(per):
            known = per.dropna()
            return (float(known.mean()) if len(known) else None,
                    tuple(sorted(per.index[per.isna()])), len(known))
        return whole, (), None

    b, mb, nb = one(pb, cb)
    a, ma, na = one(pa, ca)
    n = nb if nb is not None else na
    return _Pair(b, a, tuple(sorted(set(mb) | set(ma))), n)


def _cents(value) -> int | None:
    return None if value is None else int(value)


REALISED_COLUMNS = (
    "project", "complex", "year", "before_year", "after_year", "dwellings", "measures",
    "gas_before_m3", "gas_after_m3", "electricity_before_kwh", "electricity_after_kwh",
    "weather_corrected", "degree_days_before", "degree_days_after",
    "dwellings_compared", "missing_dwellings", "missing",
    "predicted_gas_saving_m3", "realised_gas_saving_m3",
    "predicted_electricity_saving_kwh", "realised_electricity_saving_kwh",
    "gas_tariff", "electricity_tariff",
    "predicted_saving_cents", "realised_saving_cents", "rent_increase_cents",
    "housing_before_cents", "housing_after_cents", "guarantee_broken", "extra_cents_per_month",
)


def realised(ds: Dataset) -> pd.DataFrame:
    """One row per completed project (status gereed), in project order; columns
    :data:`REALISED_COLUMNS` (see the module docstring).  Use per dwelling per year;
    money per dwelling per month in whole cents; <NA>/None where a reading is missing
    (``missing`` says which), never 0."""
    P = ds.projects_with_owner()
    P = P[P["status"].isin(_DONE) & P["year"].notna()].reset_index(drop=True)
    if not len(P):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in REALISED_COLUMNS})
    after_years = sorted({int(y) + 1 for y in P["year"]})
    tar = tariffs_for_years(ds, after_years)
    rent = pd.Series(_complex_rent_cents(ds, pd.Index(P["complex"].to_numpy(dtype=object))))
    dd = {int(y): float(v) for y, v in zip(ds.degree_days["year"], ds.degree_days["degree_days"])
          if not pd.isna(y) and not pd.isna(v)}
    by_complex = {c: f for c, f in ds.usage.groupby("complex", observed=True)}
    empty = ds.usage.iloc[0:0]
    rows = []
    for i, p in P.iterrows():
        year = int(p["year"])
        before, after = year - 1, year + 1
        urows = by_complex.get(p["complex"], empty)
        gas = _pair(urows, "gas_m3", before, after)
        el = _pair(urows, "electricity_kwh", before, after)
        corrected = before in dd and after in dd
        g_b, g_a = gas.before, gas.after
        if corrected:
            g_b = None if g_b is None else g_b * REFERENCE_DEGREE_DAYS / dd[before]
            g_a = None if g_a is None else g_a * REFERENCE_DEGREE_DAYS / dd[after]
        missing = []
        for name, pair in (("gas", gas), ("electricity", el)):
            for y, v in ((before, pair.before), (after, pair.after)):
                if v is None:
                    missing.append(f"{name} {y}")
        tg = float(tar.loc[after, "gas_eur_m3"])
        te = float(tar.loc[after, "electricity_eur_kwh"])
        pred_gas = _num(p["gas_saving_m3"]) or 0.0
        pred_el = _num(p["electricity_saving_kwh"]) or 0.0
        increase = int(p["rent_increase_cents"]) if not pd.isna(p["rent_increase_cents"]) else 0
        complete = not missing
        e_before = monthly_saving_cents(g_b, el.before, tg, te) if complete else None
        e_after = monthly_saving_cents(g_a, el.after, tg, te) if complete else None
        saving = None if not complete else e_before - e_after
        r = rent.iloc[i]
        rent_cents = None if np.isnan(r) else int(round(r))
        compared = [n for n in (gas.dwellings, el.dwellings) if n is not None]
        rows.append({
            "project": p["project"], "complex": p["complex"], "year": year,
            "before_year": before, "after_year": after, "dwellings": int(p["dwellings"]),
            "measures": p["measures"] if not pd.isna(p["measures"]) else None,
            "gas_before_m3": g_b, "gas_after_m3": g_a,
            "electricity_before_kwh": el.before, "electricity_after_kwh": el.after,
            "weather_corrected": corrected,
            "degree_days_before": dd.get(before), "degree_days_after": dd.get(after),
            "dwellings_compared": min(compared) if compared else None,
            "missing_dwellings": sorted(set(gas.missing) | set(el.missing)),
            "missing": missing,
            "predicted_gas_saving_m3": pred_gas,
            "realised_gas_saving_m3": None if g_b is None or g_a is None else g_b - g_a,
            "predicted_electricity_saving_kwh": pred_el,
            "realised_electricity_saving_kwh":
                None if el.before is None or el.after is None else el.before - el.after,
            "gas_tariff": tg, "electricity_tariff": te,
            "predicted_saving_cents": monthly_saving_cents(pred_gas, pred_el, tg, te),
            "realised_saving_cents": saving, "rent_increase_cents": increase,
            "housing_before_cents": None if rent_cents is None or not complete
            else rent_cents + e_before,
            "housing_after_cents": None if rent_cents is None or not complete
            else rent_cents + increase + e_after,
            "guarantee_broken": None if saving is None else increase > saving,
            "extra_cents_per_month": None if saving is None else max(0, increase - saving),
        })
    return pd.DataFrame(rows, columns=list(REALISED_COLUMNS))


def measure_feedback(ds: Dataset, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per catalogue measure used by a completed project with a realised gas saving:
    the average realisation ratio (realised ÷ predicted gas saving of the project, over
    the projects that used the measure, each project counting once) and what it gives
    for the measure: ``realised_gas_m3`` = assumed × average ratio.  A project shares its
    ratio over all its measures (the saving of one measure cannot be measured apart).
    Measures that save all gas (no number) and projects predicting no gas saving are
    left out.  Columns: measure, name, projects, assumed_gas_m3, average_ratio,
    realised_gas_m3."""
    table = realised(ds) if table is None else table
    cat = catalogue(ds)
    by_key = {m.key: m for m in cat}
    ratios: dict[str, list[float]] = {}
    for _, r in table.iterrows():
        if r["realised_gas_saving_m3"] is None or pd.isna(r["realised_gas_saving_m3"]):
            continue
        if not r["predicted_gas_saving_m3"]:
            continue
        ratio = float(r["realised_gas_saving_m3"]) / float(r["predicted_gas_saving_m3"])
        found, _unknown = parse_measures(r["measures"], cat)
        for m in dict.fromkeys(m.key for m in found):
            ratios.setdefault(m, []).append(ratio)
    rows = []
    for key, values in ratios.items():
        m = by_key.get(key)
        if m is None or m.gas_saving_m3 is None:
            continue
        avg = sum(values) / len(values)
        rows.append({"measure": key, "name": m.dutch, "name_en": m.english,
                     "projects": len(values), "assumed_gas_m3": float(m.gas_saving_m3),
                     "average_ratio": avg, "realised_gas_m3": float(m.gas_saving_m3) * avg})
    cols = ["measure", "name", "name_en", "projects", "assumed_gas_m3", "average_ratio",
            "realised_gas_m3"]
    return pd.DataFrame(rows, columns=cols).sort_values("measure").reset_index(drop=True)


CHECK_COLUMNS = (
    "project", "before_year", "after_year", "weather_corrected", "gas_before_m3", "gas_after_m3",
    "electricity_before_kwh", "electricity_after_kwh", "predicted_gas_saving_m3",
    "realised_gas_saving_m3", "predicted_electricity_saving_kwh",
    "realised_electricity_saving_kwh", "predicted_saving_cents", "realised_saving_cents",
    "rent_increase_cents", "housing_before_cents", "housing_after_cents", "guarantee_broken",
    "extra_cents_per_month", "dwellings_compared", "missing_dwellings", "missing",
)


def _plain(v):
    if isinstance(v, (list, tuple)):
        return list(v)
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    return round(v, 3) if isinstance(v, float) else v


def check_section(ds: Dataset) -> list[dict]:
    """The ``realised`` part of ``check --json``: one object per completed project with
    :data:`CHECK_COLUMNS` (plain JSON values; null for a figure that needs a missing
    reading; use rounded to 0.001)."""
    return [{c: _plain(r[c]) for c in CHECK_COLUMNS} for r in realised(ds).to_dict("records")]


__all__ = ["REFERENCE_DEGREE_DAYS", "REALISED_COLUMNS", "measured_use", "private_usage",
           "realised", "measure_feedback", "check_section", "CHECK_COLUMNS"]
