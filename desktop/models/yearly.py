"""Per-year tables with the fallback rule.

"A year missing from Tarieven or Emissiefactoren takes the nearest earlier year given,
else the nearest later one. A workbook or workspace without rows in that table uses
the built-in defaults."  The same rule serves tariffs, emission factors and rent limits,
so it lives here once.

The built-in default tables are small (``DEFAULT_EMISSION_FACTORS`` has one row, 2020,
that stands for every year): the same fallback rule applied to the defaults gives a
value for any year.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .defaults import DEFAULT_EMISSION_FACTORS, DEFAULT_TARIFFS, DISTRICT_HEAT_KG_PER_GJ

TARIFF_COLUMNS = ("gas_eur_m3", "electricity_eur_kwh")
FACTOR_COLUMNS = ("gas_kg_m3", "electricity_kg_kwh")


def _defaults_frame(defaults, value_cols: Sequence[str]) -> pd.DataFrame:
    """Defaults given as a DataFrame or a sequence of dataclasses -> a frame with
    ``year``, the value columns and ``estimate`` (bool)."""
    if defaults is None:
        return pd.DataFrame({"year": pd.Series(dtype="int64"),
                             **{c: pd.Series(dtype="float64") for c in value_cols},
                             "estimate": pd.Series(dtype="bool")})
    if isinstance(defaults, pd.DataFrame):
        frame = defaults.copy()
    else:
        frame = pd.DataFrame([dataclasses.asdict(d) if dataclasses.is_dataclass(d) else dict(d)
                              for d in defaults])
    if "estimate" not in frame.columns:
        frame["estimate"] = False
    return frame


def _clean(table: pd.DataFrame | None, value_cols: Sequence[str]) -> pd.DataFrame:
    """Rows with a year and every value given, one per year (the last wins), sorted."""
    if table is None or len(table) == 0:
        return pd.DataFrame(columns=["year", *value_cols])
    cols = ["year", *value_cols]
    extra = [c for c in ("estimate",) if c in table.columns]
    frame = table[cols + extra]
    frame = frame[frame[cols].notna().all(axis=1)]
    frame = frame.drop_duplicates("year", keep="last").sort_values("year", kind="stable")
    return frame.reset_index(drop=True)


def resolve_years(table: pd.DataFrame | None, years: Iterable[int],
                  value_cols: Sequence[str], defaults=None) -> pd.DataFrame:
    """The value of each requested year by the fallback rule.

    ``table`` holds the user's rows (column ``year`` plus ``value_cols``); rows lacking
    the year or any value are ignored.  When it has no usable rows, ``defaults`` (a
    frame or a sequence of default dataclasses such as ``DEFAULT_TARIFFS``) is used with
    the same rule.

    Returns a frame indexed by ``year`` (the distinct requested years, ascending) with
    the value columns as float and:

    * ``source_year`` — the year whose row gave the values;
    * ``exact`` — ``source_year == year``;
    * ``from_defaults`` — the built-in defaults were used (the table had no rows);
    * ``estimate`` — the value came from a default row marked as an estimate
      (a user's row is never an estimate; see ``exact`` for a borrowed year).

    An empty result (no usable rows and no defaults) holds NaN values and ``<NA>``
    source years.
    """
    value_cols = list(value_cols)
    req = pd.Series(list(years) if not isinstance(years, (pd.Series, np.ndarray)) else years)
    req = req.dropna().astype("int64").drop_duplicates().sort_values().to_numpy()

    given = _clean(table, value_cols)
    from_defaults = len(given) == 0
    if from_defaults:
        given = _clean(_defaults_frame(defaults, value_cols), value_cols)

    out = pd.DataFrame(index=pd.Index(req, name="year", dtype="int64"))
    if len(given) == 0:
        for c in value_cols:
            out[c] = np.nan
        out["source_year"] = pd.array([pd.NA] * len(req), dtype="Int64")
        out["exact"] = False
        out["from_defaults"] = from_defaults
        out["estimate"] = True
        return out

    given_years = given["year"].to_numpy(dtype="int64")
    # nearest earlier (or same) year; before the first given year: the first (nearest later)
    pos = np.searchsorted(given_years, req, side="right") - 1
    pos = np.clip(pos, 0, len(given_years) - 1)
    for c in value_cols:
        out[c] = given[c].to_numpy(dtype="float64")[pos]
    source = given_years[pos]
    out["source_year"] = source
    out["exact"] = source == req
    out["from_defaults"] = from_defaults
    if "estimate" in given.columns:
        est = given["estimate"].fillna(False).to_numpy(dtype=bool)[pos]
    else:
        est = np.zeros(len(req), dtype=bool)
    out["estimate"] = est & from_defaults
    return out


def tariffs_for_years(ds_or_table, years: Iterable[int]) -> pd.DataFrame:
    """Gas €/m³ and electricity €/kWh per year (``resolve_years`` on the Tarieven
    table, else ``DEFAULT_TARIFFS``)."""
    table = getattr(ds_or_table, "tariffs", ds_or_table)
    return resolve_years(table, years, TARIFF_COLUMNS, DEFAULT_TARIFFS)


def factors_for_years(ds_or_table, years: Iterable[int]) -> pd.DataFrame:
    """Emission factors kg CO2 per m³ gas and per kWh per year (``resolve_years`` on the
    Emissiefactoren table, else ``DEFAULT_EMISSION_FACTORS``)."""
    table = getattr(ds_or_table, "emission_factors", ds_or_table)
    if table is not None and not isinstance(table, pd.DataFrame):
        table = _defaults_frame(table, FACTOR_COLUMNS)   # a scenario: list of dataclasses
    return resolve_years(table, years, FACTOR_COLUMNS, DEFAULT_EMISSION_FACTORS)


def heat_factors_for_years(ds_or_table, years: Iterable[int]) -> np.ndarray:
    """kg CO2 per GJ of network heat per year: the Emissiefactoren rows' ``heat_kg_gj``
    by the same rule as :func:`factors_for_years` (the rows that give gas and electricity
    decide which year's row holds; an empty heat cell is the default 40.45), else
    40.45 for every year (a table or scenario without the column)."""
    table = getattr(ds_or_table, "emission_factors", ds_or_table)
    years = list(years)
    if isinstance(table, pd.DataFrame) and "heat_kg_gj" in table.columns and len(table):
        frame = table.assign(heat_kg_gj=table["heat_kg_gj"].astype("Float64")
                             .fillna(DISTRICT_HEAT_KG_PER_GJ))
        frame = frame[frame[list(FACTOR_COLUMNS)].notna().all(axis=1)]
        if len(frame):
            out = resolve_years(frame, years, ("heat_kg_gj",))
            return out["heat_kg_gj"].reindex(years).to_numpy(dtype="float64")
    return np.full(len(years), DISTRICT_HEAT_KG_PER_GJ)


__all__ = ["resolve_years", "heat_factors_for_years", "tariffs_for_years", "factors_for_years",
           "TARIFF_COLUMNS", "FACTOR_COLUMNS"]
