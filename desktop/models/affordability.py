"""Affordability (seed 3K, 3L; the ``check`` report's parts ``affordability`` and
``affordability_by_corporation_year``).

3K: the rent increase from energy measures may not exceed the drop in energy costs at
the tariffs of that moment — per project, and per corporation and year as a
dwelling-weighted average.  3L: show total housing costs (rent + energy) before and
after.

Money is compared in whole **cents**, never as raw floats:

* ``to_cents`` / :func:`monthly_saving_cents` round **half up** (commercial rounding:
  a half cent goes away from zero, so −0.005 becomes −0.01) with ``Decimal`` on the
  decimal text of the inputs, so 12.345 is 1,235 cents whatever its binary float is;
* the table functions compute in float64 and redo exactly, with ``Decimal``, only the
  values that lie within 1e-6 cent of a half cent — the same result, vectorised.

Monthly energy saving (cents) = round_half_up((gas saving m³ × gas €/m³ + electricity
saving kWh × electricity €/kWh) / 12 × 100); a heat pump's negative electricity saving
lowers it.  ``ok`` = rent increase cents ≤ saving cents: equality is affordable.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np
import pandas as pd

from .dataset import Dataset, Problem
from .defaults import DEFAULT_RENT_LIMITS, NO_ENERGY_RENT_INCREASE_FROM
from .co2 import _wsum
from .yearly import resolve_years, tariffs_for_years

RENT_LIMIT_COLUMNS = ("aftopping_small_cents", "aftopping_large_cents", "liberalisation_cents")
_HALF_TOLERANCE = 1e-6        # in cents: closer to a half cent than this -> exact Decimal


# --------------------------------------------------------------------------------------
# money
def _dec(value) -> Decimal:
    """The decimal value the user wrote: ``repr`` of a float is its shortest text."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, np.integer)):
        return Decimal(int(value))
    return Decimal(repr(float(value)))


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def to_cents(euros) -> int | None:
    """Euros -> whole cents, rounded half up (away from zero); None for a missing value."""
    if _is_missing(euros):
        return None
    return int((_dec(euros) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def monthly_saving_cents(gas_m3, kwh, gas_tariff, el_tariff) -> int:
    """Energy saving per dwelling per month in whole cents:
    round_half_up((gas_m3 × gas_tariff + kwh × el_tariff) / 12 × 100).

    Missing savings count as 0; ``kwh`` may be negative (a heat pump uses more)."""
    gas_m3 = 0.0 if _is_missing(gas_m3) else gas_m3
    kwh = 0.0 if _is_missing(kwh) else kwh
    with localcontext() as ctx:
        ctx.prec = 60
        value = (_dec(gas_m3) * _dec(gas_tariff) + _dec(kwh) * _dec(el_tariff)) * 100 / 12
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _round_half_up(x: np.ndarray) -> np.ndarray:
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def _saving_cents_array(gas: np.ndarray, el: np.ndarray, tg: np.ndarray,
                        te: np.ndarray) -> np.ndarray:
    """Vectorised :func:`monthly_saving_cents` (int64); exact near half cents."""
    gas = np.nan_to_num(gas)
    el = np.nan_to_num(el)
    x = (gas * tg + el * te) * 100.0 / 12.0
    out = _round_half_up(x)
    frac = np.abs(x) - np.floor(np.abs(x))
    for i in np.flatnonzero(np.abs(frac - 0.5) < _HALF_TOLERANCE):
        out[i] = monthly_saving_cents(gas[i], el[i], tg[i], te[i])
    return out.astype("int64")


# whole cents beyond this cannot be held as int64 (NaN and inf cannot at all)
_MAX_CENTS = 2.0 ** 62


def _countable(cents: np.ndarray) -> np.ndarray:
    """Where float cents can become whole int64 cents: finite and within range."""
    with np.errstate(invalid="ignore"):
        return np.isfinite(cents) & (np.abs(cents) < _MAX_CENTS)


def _cost_cents_array(values: np.ndarray) -> np.ndarray:
    """Float cents -> whole cents, half up; exact (Decimal) near half cents."""
    out = _round_half_up(values)
    frac = np.abs(values) - np.floor(np.abs(values))
    for i in np.flatnonzero(np.abs(frac - 0.5) < _HALF_TOLERANCE):
        out[i] = float(Decimal(repr(float(values[i]))).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return out.astype("int64")


def round_half_up_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """Exact integer num / den rounded half up (away from zero); den > 0."""
    num = np.asarray(num, dtype="int64")
    den = np.asarray(den, dtype="int64")
    q = (2 * np.abs(num) + den) // (2 * den)
    return np.sign(num) * q


def _euros(cents) -> np.ndarray:
    return np.asarray(cents, dtype="float64") / 100.0


# --------------------------------------------------------------------------------------
# rent limits
@dataclass(frozen=True)
class RentLimitsForYear:
    year: int                 # the year asked for
    source_year: int          # the year whose limits are used (fallback rule)
    aftopping_small_cents: int
    aftopping_large_cents: int
    liberalisation_cents: int
    from_defaults: bool

    @property
    def exact(self) -> bool:
        return self.year == self.source_year


def _limits_table(ds_or_none, table: pd.DataFrame | None) -> pd.DataFrame | None:
    if table is not None:
        return table
    return getattr(ds_or_none, "rent_limits", None)


def rent_limits_for_years(years, ds_or_none=None, table: pd.DataFrame | None = None
                          ) -> pd.DataFrame:
    """Rent limits per year by the fallback rule: ``table`` (columns year,
    aftopping_small_cents, aftopping_large_cents, liberalisation_cents), else a
    ``rent_limits`` frame on the dataset, else ``DEFAULT_RENT_LIMITS`` (2020–2025)."""
    frame = resolve_years(_limits_table(ds_or_none, table), years, RENT_LIMIT_COLUMNS,
                          DEFAULT_RENT_LIMITS)
    for c in RENT_LIMIT_COLUMNS:
        frame[c] = frame[c].round().astype("int64")
    return frame


def rent_limits(ds_or_none, year: int, table: pd.DataFrame | None = None) -> RentLimitsForYear:
    """The aftoppingsgrenzen and liberalisatiegrens in force for ``year``."""
    row = rent_limits_for_years([year], ds_or_none, table).iloc[0]
    return RentLimitsForYear(int(year), int(row["source_year"]),
                             int(row["aftopping_small_cents"]), int(row["aftopping_large_cents"]),
                             int(row["liberalisation_cents"]), bool(row["from_defaults"]))


# --------------------------------------------------------------------------------------
# per project
def _complex_rent_cents(ds: Dataset, index: pd.Index) -> np.ndarray:
    """Average net rent per complex in ``index`` (float cents, NaN when unknown): the
    dwellings' rents (a dwelling without one takes the complex's) averaged over the
    dwellings with a known rent; a complex without dwelling rows: its own rent."""
    C = ds.complexes.drop_duplicates("complex", keep="first")
    c_rent = pd.Series(C["rent_cents"].to_numpy(dtype="float64", na_value=np.nan),
                       index=pd.Index(C["complex"].to_numpy(dtype=object)))
    c_rent = c_rent.reindex(index).to_numpy()
    D = ds.dwellings
    ci = index.get_indexer(D["complex"])
    keep = ci >= 0
    ci = ci[keep]
    rent = D["rent_cents"].to_numpy(dtype="float64", na_value=np.nan)[keep]
    rent = np.where(np.isnan(rent), c_rent[ci], rent)
    known = ~np.isnan(rent)
    n = np.bincount(ci[known], minlength=len(index))
    total = _wsum(ci[known], weights=rent[known], minlength=len(index))
    has_rows = np.bincount(ci, minlength=len(index)) > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        avg = np.where(n > 0, total / np.where(n > 0, n, 1), np.nan)
    return np.where(has_rows, avg, c_rent)


def _without_unknown_saving(ds: Dataset, P: pd.DataFrame, rows: np.ndarray,
                            warnings: list[Problem]) -> np.ndarray:
    """``rows`` less the projects whose energy saving cannot be priced in whole cents
    (a saving or tariff so large the product is not finite or overflows int64): each
    is left out with a warning, as a project without a year is."""
    p = P.iloc[rows]
    years = p["year"].to_numpy(dtype="int64")
    tar = tariffs_for_years(ds, years)
    tg = tar["gas_eur_m3"].reindex(years).to_numpy(dtype="float64")
    te = tar["electricity_eur_kwh"].reindex(years).to_numpy(dtype="float64")
    gas = np.nan_to_num(p["gas_saving_m3"].to_numpy(dtype="float64", na_value=np.nan))
    el = np.nan_to_num(p["electricity_saving_kwh"].to_numpy(dtype="float64", na_value=np.nan))
    with np.errstate(over="ignore", invalid="ignore"):
        ok = _countable((gas * tg + el * te) * 100.0 / 12.0)
    for i in np.flatnonzero(~ok):
        pid = str(p["project"].iat[i])
        warnings.append(_problem(
            rows[i], pid, "gas_saving_m3",
            f"Project {pid}: the energy saving cannot be computed (the saving or the tariff is "
            f"too large); left out of the affordability check",
            f"Project {pid}: de energiebesparing kan niet berekend worden (de besparing of het "
            f"tarief is te groot); niet meegenomen in de betaalbaarheidstoets"))
    return rows[ok]


def _problem(row: int, project: str, column: str, en: str, nl: str) -> Problem:
    return Problem("projects", int(row), column, en, "warning", project, nl)


def _fmt_eur(cents: int) -> str:
    return f"€ {cents / 100:,.2f}"


def _fmt_eur_nl(cents: int) -> str:
    """Dutch notation: € 1.234,56."""
    return "€ " + f"{cents / 100:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def project_table(ds: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per project that is not ``vervallen``, in the order of the projects.

    Check columns: project, tariff_year (the year whose tariffs were used, after the
    fallback rule; the same as tariff_source_year), project_year, rent_increase_per_month,
    energy_saving_per_month (euros), ok (rent increase ≤ saving, in cents).

    Further: row (position in ``ds.projects``), complex, corporation, neighbourhood,
    year, status, dwellings, gas_saving_m3, electricity_saving_kwh, gas_tariff,
    electricity_tariff, tariff_source_year, tariff_estimate, rent_increase_cents,
    energy_saving_cents, margin_cents / margin_per_month (saving − increase), verdict
    (``ok``/``not_ok``), rent_before_cents (average net rent of the complex),
    catalogue_saving_cents (the saving before the cap), saving_capped (a saving per
    carrier above the complex's average use is capped at that use, for 3K and the
    housing costs alike),
    rent_after_cents, rent_limits_year, over_aftopping (rent after the increase above
    the aftoppingsgrens for 1–2 persons), over_aftopping_large (above the one for 3+
    persons too), over_liberalisation (above the liberalisatiegrens: leaves the social
    stock) — each only when the project raises the rent —,
    energy_rent_increase_forbidden (year ≥ 2023 and an increase), gas_m3 and
    electricity_kwh (average use per dwelling before), energy_cost_before/after and
    housing_cost_before/after/change per month (cents and euros; 3L).  Housing costs
    are NaN where the rent is unknown.

    Warnings (Dutch and English): a project without a year (left out), an energy rent
    increase from 2023 on, a rent pushed over a limit, estimated default tariffs.
    """
    from .co2 import complex_use, not_cancelled   # no cycle: co2 does not import us

    P = ds.projects.reset_index(drop=True)
    warnings: list[Problem] = []
    keep = not_cancelled(P["status"])
    year_missing = P["year"].isna().to_numpy()
    for i in np.flatnonzero(keep & year_missing):
        pid = str(P.at[i, "project"])
        warnings.append(_problem(i, pid, "year",
                                 f"Project {pid} has no year: left out of the affordability check",
                                 f"Project {pid} heeft geen jaar: niet meegenomen in de "
                                 f"betaalbaarheidstoets"))
    rows = np.flatnonzero(keep & ~year_missing)
    rows = _without_unknown_saving(ds, P, rows, warnings)
    p = P.iloc[rows]
    years = p["year"].to_numpy(dtype="int64")

    # owner and dwellings
    C = ds.complexes.drop_duplicates("complex", keep="first")
    cidx = pd.Index(C["complex"].to_numpy(dtype=object))
    pc = cidx.get_indexer(p["complex"])
    corp = C["corporation"].to_numpy(dtype=object, na_value=None)
    nb = C["neighbourhood"].to_numpy(dtype=object, na_value=None)
    counts = ds.dwelling_counts()
    dwellings = p["complex"].map(counts).fillna(0).to_numpy(dtype="int64")

    # tariffs (fallback rule) and savings
    tar = tariffs_for_years(ds, years)
    tg = tar["gas_eur_m3"].reindex(years).to_numpy(dtype="float64")
    te = tar["electricity_eur_kwh"].reindex(years).to_numpy(dtype="float64")
    gas_saving = p["gas_saving_m3"].to_numpy(dtype="float64", na_value=np.nan)
    el_saving = p["electricity_saving_kwh"].to_numpy(dtype="float64", na_value=np.nan)
    uses = complex_use(ds)
    use_index = pd.Index(uses.index.to_numpy(dtype=object))
    ui = use_index.get_indexer(p["complex"])
    g_use = np.where(ui >= 0, uses["gas_m3"].to_numpy()[np.clip(ui, 0, None)], np.nan)
    e_use = np.where(ui >= 0, uses["electricity_kwh"].to_numpy()[np.clip(ui, 0, None)], np.nan)
    # a dwelling cannot save more than it uses: the saving per carrier is capped at the
    # complex's average use, for 3K and the housing costs alike (one saving per project)
    g_known = np.where(ui >= 0, uses["gas_known"].to_numpy(dtype=bool)[np.clip(ui, 0, None)], False)
    with np.errstate(invalid="ignore"):
        gas_capped = g_known & (gas_saving > g_use)      # an unknown use (0) caps nothing
        el_capped = el_saving > e_use
    gas_used = np.where(gas_capped, g_use, gas_saving)
    el_used = np.where(el_capped, e_use, el_saving)
    saving = _saving_cents_array(gas_used, el_used, tg, te)
    increase = p["rent_increase_cents"].to_numpy(dtype="float64", na_value=0.0).astype("int64")
    ok = increase <= saving

    # rent limits
    lim = rent_limits_for_years(years, ds)
    lim = lim.reindex(years)
    rent_before = _complex_rent_cents(ds, use_index)
    rb = np.where(ui >= 0, rent_before[np.clip(ui, 0, None)], np.nan)
    rb = np.where(np.isnan(rb), np.nan, _round_half_up(rb))
    ra = rb + increase
    raising = increase > 0
    with np.errstate(invalid="ignore"):
        over_small = raising & (ra > lim["aftopping_small_cents"].to_numpy())
        over_large = raising & (ra > lim["aftopping_large_cents"].to_numpy())
        over_lib = raising & (ra > lim["liberalisation_cents"].to_numpy())
    forbidden = raising & (years >= NO_ENERGY_RENT_INCREASE_FROM)

    # housing costs (3L) at the complex's average use; after the measures the energy
    # costs drop by exactly the (capped) saving 3K uses.  A use too large to price is
    # unknown, like a missing gas use (never an arbitrary int64)
    with np.errstate(over="ignore", invalid="ignore"):
        before_f = (g_use * tg + e_use * te) * 100.0 / 12.0
    too_large = ~np.isnan(before_f) & ~_countable(before_f)
    e_before = _cost_cents_array(np.where(too_large, 0.0, np.nan_to_num(before_f)))
    unknown_use = np.isnan(g_use) | too_large
    e_after_c = np.where(unknown_use, 0, e_before - saving)
    h_before = np.where(np.isnan(rb), np.nan, rb + e_before)
    h_after = np.where(np.isnan(rb), np.nan, ra + e_after_c)

    def money(cents_float: np.ndarray) -> pd.array:
        return pd.array(np.where(np.isnan(cents_float), np.nan, cents_float), dtype="Float64") \
            .round(0).astype("Int64")

    frame = pd.DataFrame({
        "project": p["project"].to_numpy(dtype=object),
        "tariff_year": tar["source_year"].reindex(years).to_numpy(dtype="int64"),
        "project_year": years,
        "rent_increase_per_month": _euros(increase),
        "energy_saving_per_month": _euros(saving),
        "ok": ok,
        "row": rows.astype("int64"),
        "complex": p["complex"].to_numpy(dtype=object),
        "corporation": np.where(pc >= 0, corp[np.clip(pc, 0, None)] if len(corp) else None, None),
        "neighbourhood": np.where(pc >= 0, nb[np.clip(pc, 0, None)] if len(nb) else None, None),
        "year": years,
        "status": p["status"].to_numpy(dtype=object, na_value=None),
        "dwellings": dwellings,
        "gas_saving_m3": np.nan_to_num(gas_saving),
        "electricity_saving_kwh": np.nan_to_num(el_saving),
        "gas_tariff": tg,
        "electricity_tariff": te,
        "tariff_source_year": tar["source_year"].reindex(years).to_numpy(dtype="int64"),
        "tariff_estimate": tar["estimate"].reindex(years).to_numpy(dtype=bool),
        "rent_increase_cents": increase,
        "energy_saving_cents": saving,
        "catalogue_saving_cents": _saving_cents_array(gas_saving, el_saving, tg, te),
        "saving_capped": gas_capped | el_capped,
        "margin_cents": saving - increase,
        "margin_per_month": _euros(saving - increase),
        "verdict": np.where(ok, "ok", "not_ok"),
        "rent_before_cents": money(rb),
        "rent_after_cents": money(ra),
        "rent_limits_year": lim["source_year"].to_numpy(dtype="int64"),
        "over_aftopping": over_small,
        "over_aftopping_large": over_large,
        "over_liberalisation": over_lib,
        "energy_rent_increase_forbidden": forbidden,
        "gas_m3": g_use,
        "electricity_kwh": e_use,
        "energy_cost_before_cents": money(np.where(unknown_use, np.nan, e_before)),
        "energy_cost_after_cents": money(np.where(unknown_use, np.nan, e_after_c)),
        "housing_cost_before_cents": money(h_before),
        "housing_cost_after_cents": money(h_after),
    })
    for c in ("project", "complex", "corporation", "neighbourhood", "status", "verdict"):
        frame[c] = frame[c].astype("string")
    for stem in ("energy_cost_before", "energy_cost_after", "housing_cost_before",
                 "housing_cost_after"):
        frame[f"{stem}_per_month"] = frame[f"{stem}_cents"].astype("Float64") / 100
    frame["housing_cost_change_per_month"] = (frame["housing_cost_after_per_month"]
                                              - frame["housing_cost_before_per_month"])

    # ---- warnings -------------------------------------------------------------------
    pid = frame["project"].to_numpy(dtype=object)
    for i in np.flatnonzero(forbidden):
        warnings.append(_problem(
            rows[i], pid[i], "rent_increase_cents",
            f"Project {pid[i]} ({years[i]}): rent increase of {_fmt_eur(increase[i])} per month "
            f"for energy measures; since 1 January {NO_ENERGY_RENT_INCREASE_FROM} corporations "
            f"charge no rent increase for energy measures",
            f"Project {pid[i]} ({years[i]}): huurverhoging van {_fmt_eur_nl(increase[i])} per maand "
            f"voor energiemaatregelen; sinds 1 januari {NO_ENERGY_RENT_INCREASE_FROM} vragen "
            f"corporaties geen huurverhoging voor energiemaatregelen"))
    lib = lim["liberalisation_cents"].to_numpy()
    small = lim["aftopping_small_cents"].to_numpy()
    lim_year = lim["source_year"].to_numpy()
    for i in np.flatnonzero(over_lib | over_small):
        after = int(ra[i])
        if over_lib[i]:
            en = (f"the average rent after the increase ({_fmt_eur(after)}) exceeds the "
                  f"liberalisation limit ({_fmt_eur(int(lib[i]))}, {lim_year[i]}): "
                  f"the dwellings would leave the social stock")
            nl = (f"de gemiddelde huur na de verhoging ({_fmt_eur_nl(after)}) ligt boven de "
                  f"liberalisatiegrens ({_fmt_eur_nl(int(lib[i]))}, {lim_year[i]}): "
                  f"de woningen verlaten de sociale voorraad")
        else:
            en = (f"the average rent after the increase ({_fmt_eur(after)}) exceeds the "
                  f"aftopping limit for 1–2 persons ({_fmt_eur(int(small[i]))}, "
                  f"{lim_year[i]})")
            nl = (f"de gemiddelde huur na de verhoging ({_fmt_eur_nl(after)}) ligt boven de "
                  f"aftoppingsgrens voor 1–2 personen ({_fmt_eur_nl(int(small[i]))}, "
                  f"{lim_year[i]})")
        warnings.append(_problem(rows[i], pid[i], "rent_increase_cents",
                                 f"Project {pid[i]}: {en}", f"Project {pid[i]}: {nl}"))
    est = frame["tariff_estimate"].to_numpy()
    if est.any():
        used = sorted(set(frame["tariff_source_year"].to_numpy()[est].tolist()))
        ys = ", ".join(str(y) for y in used)
        warnings.append(Problem(
            "tariffs", None, None,
            f"No tariffs given: the built-in default tariffs of {ys} are used; they are "
            f"estimates (supply part unverified)", "warning", None,
            f"Geen tarieven opgegeven: de ingebouwde standaardtarieven van {ys} zijn "
            f"gebruikt; dat zijn schattingen (leveringsdeel niet geverifieerd)"))
    return frame, warnings


# --------------------------------------------------------------------------------------
# per corporation and year
def corporation_year_table(ds: Dataset, projects: pd.DataFrame | None = None
                           ) -> tuple[pd.DataFrame, list[Problem]]:
    """Per corporation and project year (cancelled projects left out): dwellings (sum),
    projects, projects_not_ok, avg_rent_increase_per_month and
    avg_energy_saving_per_month (euros), their *_cents, and ok.

    The averages are weighted by each project's dwellings (projects with 0 dwellings
    carry no weight; a group where no project has dwellings takes the plain average).
    Choice: each project's saving is first rounded to whole cents (as in the project
    table); the weighted average Σ(cents × dwellings) / Σ dwellings is then rounded
    half up to whole cents with exact integer arithmetic, and ``ok`` compares these
    rounded averages — so ``ok`` always agrees with the two amounts shown.

    ``projects``: a :func:`project_table` frame already at hand (saves recomputing).
    Warnings are those of the project table and are not repeated here (empty list).
    """
    if projects is None:
        projects, _ = project_table(ds)
    cols = ["corporation", "year", "dwellings", "projects", "projects_not_ok",
            "avg_rent_increase_cents", "avg_energy_saving_cents",
            "avg_rent_increase_per_month", "avg_energy_saving_per_month", "ok"]
    if projects.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols}), []
    f = projects[["corporation", "year", "dwellings", "rent_increase_cents",
                  "energy_saving_cents", "ok"]].copy()
    w = f["dwellings"].to_numpy(dtype="int64")
    f["w_rent"] = f["rent_increase_cents"].to_numpy(dtype="int64") * w
    f["w_save"] = f["energy_saving_cents"].to_numpy(dtype="int64") * w
    f["n"] = 1
    f["not_ok"] = ~f["ok"].to_numpy(dtype=bool)
    g = f.groupby(["corporation", "year"], dropna=False, sort=True).agg(
        dwellings=("dwellings", "sum"), projects=("n", "sum"), projects_not_ok=("not_ok", "sum"),
        w_rent=("w_rent", "sum"), w_save=("w_save", "sum"),
        rent=("rent_increase_cents", "sum"), save=("energy_saving_cents", "sum"))
    g = g.reset_index()
    den = g["dwellings"].to_numpy(dtype="int64")
    weighted = den > 0
    n = g["projects"].to_numpy(dtype="int64")
    rent_num = np.where(weighted, g["w_rent"].to_numpy(dtype="int64"), g["rent"].to_numpy(dtype="int64"))
    save_num = np.where(weighted, g["w_save"].to_numpy(dtype="int64"), g["save"].to_numpy(dtype="int64"))
    d = np.where(weighted, den, n)
    avg_rent = round_half_up_div(rent_num, d)
    avg_save = round_half_up_div(save_num, d)
    out = pd.DataFrame({
        "corporation": g["corporation"].astype("string"),
        "year": g["year"].to_numpy(dtype="int64"),
        "dwellings": den,
        "projects": n,
        "projects_not_ok": g["projects_not_ok"].to_numpy(dtype="int64"),
        "avg_rent_increase_cents": avg_rent,
        "avg_energy_saving_cents": avg_save,
        "avg_rent_increase_per_month": _euros(avg_rent),
        "avg_energy_saving_per_month": _euros(avg_save),
        "ok": avg_rent <= avg_save,
    })
    return out, []


__all__ = ["to_cents", "monthly_saving_cents", "round_half_up_div", "rent_limits",
           "rent_limits_for_years", "RentLimitsForYear", "project_table",
           "corporation_year_table"]
