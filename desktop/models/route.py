"""The optimised route to 2050 (issue 21 point 4): a year for each remaining complex's
end-state package, chosen by a mixed-integer programme solved with HiGHS (``highspy``).

The problem (:func:`build_problem`)
-----------------------------------
* **Fixed**: a complex with a project that is ``akkoord``, ``in uitvoering`` or ``gereed``
  keeps its plan; its projects count in the emissions, the capacity, the budget and the
  targets as they are.  Every other complex (no project, or only ``gepland``,
  ``draagvlakmeting`` or ``vervallen`` ones) is **remaining**: its not-fixed projects are
  set aside and the optimiser chooses a year for its end-state package
  (:func:`endstate.end_states`) — or none.
* **Candidate years** ``first_year``–``last_year`` (2025–2050); a package whose end state
  is a heat network waits for the heat plan's availability year.
* **Cost** of a complex = the package's cost per dwelling × its dwellings (cents).
* **Emissions** per year = the CO2 model (:func:`co2.emissions`) with the fixed projects
  only, less, from a package's year on, (use before − use after) × dwellings at that
  year's factors (:func:`endstate.emissions_kg`).
* **Capacity** (homes) and **budget** (cents) per corporation and year: the Capaciteit
  table less what the fixed projects take that year (a missing row or value: no limit).
* **Agreed targets**: homes in a period per corporation (Doelen): fixed projects' homes
  in the period + proposed ones ≥ the target.
* **Path**: emissions in 2030 ≤ the −49 % point and in 2050 ≤ 0 (the municipal path of
  :func:`co2.target_path` on the base year 2020).

Targets and path are soft: each has a slack variable, so the programme is always
feasible.  It is solved in two phases (lexicographic): phase 1 minimises the summed
shortfalls, each as a share of what is needed; phase 2 keeps that shortfall and
minimises the objective — the total cost (default; the cumulative CO2 breaks ties) or
the cumulative CO2 2025–2050 (the cost breaks ties).  Binary x[complex, year], at most
one year per complex; relative MIP gap 1 %, a time limit, progress and cancel through
HiGHS's MIP interrupt callback.

When a target or a path point is not met, :func:`explain` names what binds — the
end states themselves, the heat plan, the capacity or the budget — by small exact
bounds (see there).
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from . import co2
from .dataset import Dataset
from .defaults import BASE_YEAR
from .endstate import emissions_kg, end_states
from .enums import Status
from .versions import FIXED_STATUSES, fixed

OBJECTIVES = ("cost", "co2")
FIRST_YEAR = 2025
LAST_YEAR = 2050
PATH_YEARS = (2030, 2050)
_log = logging.getLogger(__name__)
PROPOSAL_PREFIX = "V-"          # project ids of proposed steps: V-<complex>

ProgressFn = Callable[[float], bool]


class RouteInputError(ValueError):
    """The options or the data cannot make a problem (English and Dutch message)."""

    def __init__(self, en: str, nl: str):
        super().__init__(en)
        self.en, self.nl = en, nl


@dataclass
class RouteOptions:
    objective: str = "cost"              # "cost" or "co2"
    first_year: int = FIRST_YEAR
    last_year: int = LAST_YEAR
    path_years: tuple[int, ...] = PATH_YEARS
    mip_rel_gap: float = 0.01
    time_limit: float = 60.0             # seconds, both phases together
    threads: int | None = None

    def check(self) -> None:
        if self.objective not in OBJECTIVES:
            raise RouteInputError(f"Unknown objective {self.objective!r}; use cost or co2.",
                                  f"Onbekend doel {self.objective!r}; kies cost of co2.")
        if not BASE_YEAR < self.first_year <= self.last_year:
            raise RouteInputError(
                f"The years must run from after {BASE_YEAR} to at least the first year.",
                f"De jaren moeten na {BASE_YEAR} beginnen en niet voor het eerste jaar eindigen.")


@dataclass
class RouteProblem:
    """Everything the programme needs, as arrays (built by :func:`build_problem`)."""

    options: RouteOptions
    years: np.ndarray                 # candidate years (= reported years)
    candidates: pd.DataFrame          # remaining complexes: complex, corporation, neighbourhood,
                                      # dwellings, measures, target_label, heat_solution,
                                      # cost_cents, earliest_year, heat_available_year
    reduction: np.ndarray             # (candidates × years) tonnes saved that year if done by then
    base_tonnes: np.ndarray           # per year: emissions with the fixed projects only
    base_year_tonnes: float           # the path's base (2020)
    path: pd.DataFrame                # year, target_tonnes (path_years within the years)
    capacity: pd.DataFrame            # corporation, year, max_dwellings, budget_cents (NaN = no
                                      # limit), fixed_homes, fixed_cents, homes_left, cents_left
    targets: pd.DataFrame             # corporation, from_year, to_year, target, fixed_homes
    fixed: pd.DataFrame               # fixed projects: project, complex, corporation, year,
                                      # dwellings, cents
    fixed_complexes: list[str] = field(default_factory=list)


@dataclass
class RouteResult:
    objective: str
    status: str                       # optimal | time_limit | no_solution | nothing_to_plan
    solver_status: str                # HiGHS's model status text
    gap: float | None                 # relative MIP gap of the last phase (0 = proven optimal)
    seconds: float
    complexes: pd.DataFrame           # per candidate: complex, corporation, neighbourhood,
                                      # dwellings, year (Int64, <NA> = not scheduled), measures,
                                      # cost_cents, earliest_year
    years: pd.DataFrame               # per year: homes_fixed, homes_proposed, cost_fixed_cents,
                                      # cost_proposed_cents, tonnes, tonnes_fixed_only
    targets: pd.DataFrame             # corporation, from_year, to_year, target, fixed, proposed,
                                      # total, met
    path: pd.DataFrame                # year, tonnes, target_tonnes, met, over_tonnes
    explanations: list[tuple[str, str]] = field(default_factory=list)   # (English, Dutch)

    @property
    def total_cost_cents(self) -> int:
        return int(self.complexes["cost_cents"].where(self.complexes["year"].notna(), 0).sum())

    @property
    def all_met(self) -> bool:
        return bool(self.targets["met"].all() and self.path["met"].all())


# --------------------------------------------------------------------------------------
# the problem
def fixed_mask(projects: pd.DataFrame) -> np.ndarray:
    """Projects the proposal keeps as they are: agreed, in progress or done, with a year."""
    return fixed(projects["status"]) & projects["year"].notna().to_numpy(dtype=bool)


def _limits(ds: Dataset, years: np.ndarray, corporations: list[str], fixed: pd.DataFrame
            ) -> pd.DataFrame:
    caps = ds.capacities.dropna(subset=["corporation", "year"]).drop_duplicates(
        ["corporation", "year"], keep="last")
    caps = caps.assign(corporation=caps["corporation"].astype(str), year=caps["year"].astype(int))
    caps = caps.set_index(["corporation", "year"])
    idx = pd.MultiIndex.from_product([corporations, [int(y) for y in years]],
                                     names=["corporation", "year"])
    out = pd.DataFrame(index=idx)
    out["max_dwellings"] = caps["max_dwellings"].astype("Float64").reindex(idx).to_numpy(
        dtype="float64", na_value=np.nan)
    out["budget_cents"] = caps["budget_cents"].astype("Float64").reindex(idx).to_numpy(
        dtype="float64", na_value=np.nan)
    f = fixed.dropna(subset=["corporation"]).groupby(["corporation", "year"])[
        ["dwellings", "cents"]].sum()
    out["fixed_homes"] = f["dwellings"].reindex(idx, fill_value=0).to_numpy(dtype="float64")
    out["fixed_cents"] = f["cents"].reindex(idx, fill_value=0).to_numpy(dtype="float64")
    out["homes_left"] = np.maximum(0.0, out["max_dwellings"] - out["fixed_homes"])
    out["cents_left"] = np.maximum(0.0, out["budget_cents"] - out["fixed_cents"])
    return out.reset_index()


def build_problem(ds: Dataset, options: RouteOptions | None = None) -> RouteProblem:
    """The programme's data for ``ds`` (see the module docstring)."""
    opt = options or RouteOptions()
    opt.check()
    years = np.arange(opt.first_year, opt.last_year + 1)

    P = ds.projects_with_owner()
    is_fixed = fixed_mask(P)
    F = P[is_fixed]
    fixed = pd.DataFrame({
        "project": F["project"].astype("string"), "complex": F["complex"].astype("string"),
        "corporation": F["corporation"].astype("string"),
        "year": F["year"].astype("int64"), "dwellings": F["dwellings"].astype("int64"),
        "cents": (F["investment_cents"].astype("Int64").fillna(0).astype("int64")
                  * F["dwellings"].astype("int64")),
    }).reset_index(drop=True)
    fixed_complexes = sorted(set(fixed["complex"].dropna().astype(str)))

    E = end_states(ds)
    rem = E[~E["complex"].astype(str).isin(fixed_complexes) & (E["dwellings"] > 0)]
    rem = rem.reset_index(drop=True)
    before, after = emissions_kg(rem, ds, years)
    dw = rem["dwellings"].to_numpy(dtype="float64")
    reduction = (before - after) * dw[:, None] / 1000.0
    avail = rem["heat_available_year"].to_numpy(dtype="float64", na_value=np.nan)
    earliest = np.where(np.isnan(avail), opt.first_year, np.maximum(avail, opt.first_year))
    candidates = pd.DataFrame({
        "complex": rem["complex"].astype("string"),
        "corporation": rem["corporation"].astype("string"),
        "neighbourhood": rem["neighbourhood"].astype("string"),
        "dwellings": rem["dwellings"].astype("int64"),
        "measures": rem["measures"].astype("string"),
        "target_label": rem["target_label"].astype("string"),
        "heat_solution": rem["heat_solution"].astype("string"),
        "cost_cents": (rem["cost_per_dwelling_cents"].fillna(0).astype("int64")
                       * rem["dwellings"].astype("int64")).astype("int64"),
        "earliest_year": earliest.astype("int64"),
        "heat_available_year": rem["heat_available_year"].astype("Int64"),
    })

    # emissions with the fixed projects only (the remaining complexes' own projects set aside)
    only_fixed = ds.with_tables(projects=ds.projects[is_fixed].reset_index(drop=True))
    result, _ = co2.emissions(only_fixed, base_year=BASE_YEAR, end_year=opt.last_year)
    totals = result.totals().set_index("year")["tonnes"]
    base_year_tonnes = float(totals.loc[BASE_YEAR])
    base_tonnes = totals.reindex(years).to_numpy(dtype="float64")
    tp = co2.target_path(base_year_tonnes, BASE_YEAR, opt.last_year).set_index("year")
    path_years = [y for y in opt.path_years if opt.first_year <= y <= opt.last_year]
    path = pd.DataFrame({"year": np.array(path_years, dtype="int64"),
                         "target_tonnes": tp["target_tonnes"].reindex(path_years).to_numpy()})

    corporations = sorted(set(candidates["corporation"].dropna().astype(str))
                          | set(fixed["corporation"].dropna().astype(str)))
    capacity = _limits(ds, years, corporations, fixed)

    t = ds.targets.dropna(subset=["corporation", "from_year", "to_year"]).reset_index(drop=True)
    fixed_homes = []
    for corp, a, b in zip(t["corporation"], t["from_year"], t["to_year"]):
        m = (fixed["corporation"] == corp) & (fixed["year"] >= int(a)) & (fixed["year"] <= int(b))
        fixed_homes.append(int(fixed.loc[m.fillna(False), "dwellings"].sum()))
    targets = pd.DataFrame({
        "corporation": t["corporation"].astype("string"),
        "from_year": t["from_year"].astype("int64"), "to_year": t["to_year"].astype("int64"),
        "target": t["dwellings"].astype("Int64").fillna(0).astype("int64"),
        "fixed_homes": np.array(fixed_homes, dtype="int64"),
    })
    return RouteProblem(opt, years, candidates, reduction, base_tonnes, base_year_tonnes, path,
                        capacity, targets, fixed, fixed_complexes)


# --------------------------------------------------------------------------------------
# evaluating a route (a year index per candidate, -1 = not scheduled)
def evaluate(problem: RouteProblem, chosen: np.ndarray, *, objective: str = "cost",
             status: str = "optimal", solver_status: str = "", gap: float | None = 0.0,
             seconds: float = 0.0) -> RouteResult:
    """The result of a route: ``chosen[i]`` is the index into ``problem.years`` of
    candidate ``i``'s year, -1 when it is not scheduled."""
    pr = problem
    years = pr.years
    ny = len(years)
    C = pr.candidates
    chosen = np.asarray(chosen, dtype="int64")
    on = chosen >= 0
    year_col = pd.array(np.where(on, years[np.clip(chosen, 0, ny - 1)], 0), dtype="Int64")
    year_col[~on] = pd.NA
    complexes = pd.DataFrame({
        "complex": C["complex"], "corporation": C["corporation"],
        "neighbourhood": C["neighbourhood"], "dwellings": C["dwellings"], "year": year_col,
        "measures": C["measures"], "cost_cents": C["cost_cents"],
        "earliest_year": C["earliest_year"],
    })
    dw = C["dwellings"].to_numpy(dtype="float64")
    cents = C["cost_cents"].to_numpy(dtype="float64")
    homes_p = np.bincount(chosen[on], weights=dw[on], minlength=ny)
    cost_p = np.bincount(chosen[on], weights=cents[on], minlength=ny)
    # a package saves from its year on
    done_by = on[:, None] & (chosen[:, None] <= np.arange(ny)[None, :])
    saved = (pr.reduction * done_by).sum(axis=0) if len(C) else np.zeros(ny)
    tonnes = pr.base_tonnes - saved
    fy = pr.fixed.groupby("year")[["dwellings", "cents"]].sum()
    ylist = [int(y) for y in years]
    per_year = pd.DataFrame({
        "year": years.astype("int64"),
        "homes_fixed": fy["dwellings"].reindex(ylist, fill_value=0).to_numpy(dtype="int64"),
        "homes_proposed": homes_p.round().astype("int64"),
        "cost_fixed_cents": fy["cents"].reindex(ylist, fill_value=0).to_numpy(dtype="int64"),
        "cost_proposed_cents": cost_p.round().astype("int64"),
        "tonnes": tonnes, "tonnes_fixed_only": pr.base_tonnes,
    })
    rows = []
    for k, t in pr.targets.iterrows():
        m = (complexes["corporation"] == t["corporation"]).fillna(False).to_numpy(dtype=bool) & on
        y = years[np.clip(chosen, 0, ny - 1)]
        m &= (y >= t["from_year"]) & (y <= t["to_year"])
        proposed = int(dw[m].sum())
        total = int(t["fixed_homes"]) + proposed
        rows.append((t["corporation"], int(t["from_year"]), int(t["to_year"]), int(t["target"]),
                     int(t["fixed_homes"]), proposed, total, total >= int(t["target"])))
    targets = pd.DataFrame(rows, columns=["corporation", "from_year", "to_year", "target", "fixed",
                                          "proposed", "total", "met"])
    targets["met"] = targets["met"].astype(bool)
    prow = []
    for y, target in zip(pr.path["year"], pr.path["target_tonnes"]):
        v = float(tonnes[int(y) - int(years[0])])
        over = v - float(target)
        prow.append((int(y), v, float(target), over <= _path_tolerance(target), max(0.0, over)))
    path = pd.DataFrame(prow, columns=["year", "tonnes", "target_tonnes", "met", "over_tonnes"])
    path["met"] = path["met"].astype(bool)
    return RouteResult(objective, status, solver_status, gap, seconds, complexes, per_year,
                       targets, path)


def _path_tolerance(target: float) -> float:
    return 1e-6 * max(1.0, abs(float(target))) + 1e-3


# --------------------------------------------------------------------------------------
# the programme
@dataclass
class _Model:
    ncx: int                       # x columns
    col_c: np.ndarray              # candidate of each x column
    col_y: np.ndarray              # year index of each x column
    slack_names: list[str]
    slack_weight: np.ndarray       # phase-1 weight per slack (1 / need)
    cost: np.ndarray               # per x column, scaled cost (k€)
    cum: np.ndarray                # per x column, tonnes saved 2025-2050 cumulated
    lp: object


def _build_model(pr: RouteProblem):
    import highspy

    years = pr.years
    ny = len(years)
    C = pr.candidates
    n = len(C)
    earliest_idx = C["earliest_year"].to_numpy(dtype="int64") - int(years[0])
    # x columns: (candidate, year) with year >= earliest
    cc, yy = np.nonzero(np.arange(ny)[None, :] >= earliest_idx[:, None]) if n else \
        (np.zeros(0, dtype="int64"), np.zeros(0, dtype="int64"))
    ncx = len(cc)
    dw = C["dwellings"].to_numpy(dtype="float64")
    cents = C["cost_cents"].to_numpy(dtype="float64")
    corp = C["corporation"].astype("string").fillna("").to_numpy(dtype=object)

    rows_i: list[np.ndarray] = []     # row index per nonzero
    cols_i: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    lower: list[float] = []
    upper: list[float] = []

    def add_rows(row_of_col: np.ndarray, col: np.ndarray, val: np.ndarray, lo, hi) -> None:
        base = len(lower)
        rows_i.append(row_of_col + base)
        cols_i.append(col)
        vals.append(val)
        lower.extend(lo)
        upper.extend(hi)

    inf = highspy.kHighsInf
    # one year at most per candidate
    add_rows(cc, np.arange(ncx), np.ones(ncx), [-inf] * n, [1.0] * n)
    # capacity and budget per corporation and year
    cap = pr.capacity
    key = pd.MultiIndex.from_arrays([cap["corporation"].astype(str), cap["year"].astype(int)])
    col_key = pd.MultiIndex.from_arrays([corp[cc].astype(str), years[yy].astype(int)])
    pos = key.get_indexer(col_key)
    for column, coef in (("homes_left", dw[cc]), ("cents_left", cents[cc] / 1e5)):
        limit = cap[column].to_numpy(dtype="float64")
        scale = 1.0 if column == "homes_left" else 1e5
        finite = np.flatnonzero(~np.isnan(limit))
        if not len(finite):
            continue
        row_of = np.full(len(cap), -1)
        row_of[finite] = np.arange(len(finite))
        r = np.where(pos >= 0, row_of[np.clip(pos, 0, None)], -1)
        take = r >= 0
        add_rows(r[take], np.flatnonzero(take), coef[take], [-inf] * len(finite),
                 list(limit[finite] / scale))
    # soft rows: targets and path points, each with a slack column
    slack_names: list[str] = []
    slack_need: list[float] = []
    slack_rows: list[int] = []
    yv = years[yy]
    for k, t in pr.targets.iterrows():
        need = float(t["target"] - t["fixed_homes"])
        if need <= 0 or t["to_year"] < years[0] or t["from_year"] > years[-1]:
            continue
        m = (corp[cc] == t["corporation"]) & (yv >= t["from_year"]) & (yv <= t["to_year"])
        slack_rows.append(len(lower))
        add_rows(np.zeros(int(m.sum()), dtype="int64"), np.flatnonzero(m), dw[cc][m], [need], [inf])
        slack_names.append(f"target:{k}")
        slack_need.append(need)
    for y, target in zip(pr.path["year"], pr.path["target_tonnes"]):
        yi = int(y) - int(years[0])
        need = float(pr.base_tonnes[yi] - target)
        m = (yy <= yi) & (pr.reduction[cc, yi] != 0) if ncx else np.zeros(0, dtype=bool)
        if need <= _path_tolerance(target):
            # met by the fixed projects: a hard row, so that no package that adds
            # emissions takes the route above the path
            add_rows(np.zeros(int(m.sum()), dtype="int64"), np.flatnonzero(m),
                     pr.reduction[cc[m], yi], [need], [inf])
            continue
        slack_rows.append(len(lower))
        add_rows(np.zeros(int(m.sum()), dtype="int64"), np.flatnonzero(m),
                 pr.reduction[cc[m], yi], [need], [inf])
        slack_names.append(f"path:{int(y)}")
        slack_need.append(need)
    ns = len(slack_names)
    # slack columns
    add_rows(np.zeros(0, dtype="int64"), np.zeros(0, dtype="int64"), np.zeros(0), [], [])
    r_all = np.concatenate(rows_i) if rows_i else np.zeros(0, dtype="int64")
    c_all = np.concatenate(cols_i) if cols_i else np.zeros(0, dtype="int64")
    v_all = np.concatenate(vals) if vals else np.zeros(0)
    r_all = np.concatenate([r_all, np.array(slack_rows, dtype="int64")])
    c_all = np.concatenate([c_all, ncx + np.arange(ns)])
    v_all = np.concatenate([v_all, np.ones(ns)])
    keep = v_all != 0
    r_all, c_all, v_all = r_all[keep], c_all[keep], v_all[keep]
    order = np.lexsort((r_all, c_all))
    r_all, c_all, v_all = r_all[order], c_all[order], v_all[order]
    ncol = ncx + ns
    start = np.concatenate([[0], np.cumsum(np.bincount(c_all, minlength=ncol))])

    # cumulative tonnes saved 2025..last if done in year index y: sum_{t>=y} reduction[c, t]
    tail = np.cumsum(pr.reduction[:, ::-1], axis=1)[:, ::-1] if n else np.zeros((0, ny))
    cum = tail[cc, yy] if ncx else np.zeros(0)
    lp = highspy.HighsLp()
    lp.num_col_ = ncol
    lp.num_row_ = len(lower)
    lp.col_cost_ = np.zeros(ncol)
    lp.col_lower_ = np.zeros(ncol)
    lp.col_upper_ = np.concatenate([np.ones(ncx), np.array(slack_need, dtype="float64")])
    lp.row_lower_ = np.array(lower, dtype="float64")
    lp.row_upper_ = np.array(upper, dtype="float64")
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = start.astype("int32")
    lp.a_matrix_.index_ = r_all.astype("int32")
    lp.a_matrix_.value_ = v_all.astype("float64")
    lp.a_matrix_.num_col_ = ncol
    lp.a_matrix_.num_row_ = len(lower)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * ncx + [highspy.HighsVarType.kContinuous] * ns
    return _Model(ncx, cc, yy, slack_names, 1.0 / np.array(slack_need, dtype="float64"),
                  cents[cc] / 1e5 if ncx else np.zeros(0), cum, lp)


class _Run:
    """One HiGHS run with the interrupt callbacks (simplex, IPM, MIP): progress by time
    (and by gap in a MIP), cancel."""

    def __init__(self, h, progress: ProgressFn | None, lo: float, hi: float, limit: float):
        self.progress, self.lo, self.hi, self.limit = progress, lo, hi, limit
        self.cancelled = False
        self.started = time.monotonic()
        self.last = 0.0
        if progress is not None:
            for event in (h.cbMipInterrupt, h.cbSimplexInterrupt, h.cbIpmInterrupt):
                event.subscribe(self._on_interrupt)

    def _on_interrupt(self, e) -> None:
        if self.cancelled:
            e.interrupt()
            return
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        done = min(1.0, (now - self.started) / max(self.limit, 1e-9))
        if self.progress(self.lo + (self.hi - self.lo) * done) is False:
            self.cancelled = True
            e.interrupt()


_BANNER_SHOWN = False


def _new_highs():
    """A Highs object; the first one of the process prints HiGHS's banner on standard
    output from C++, which would spoil ``propose --json``: it goes to /dev/null."""
    import os

    import highspy

    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        return highspy.Highs()
    _BANNER_SHOWN = True
    try:
        import sys
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):
        return highspy.Highs()
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _highs(pr: RouteProblem, limit: float, gap: float | None = None):
    h = _new_highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", float(pr.options.mip_rel_gap if gap is None else gap))
    h.setOptionValue("time_limit", max(0.2, float(limit)))
    if pr.options.threads:
        h.setOptionValue("threads", int(pr.options.threads))
    return h


def _status_text(h) -> str:
    return h.modelStatusToString(h.getModelStatus())


def _solution(h, ncol: int) -> np.ndarray | None:
    info = h.getInfo()
    if int(info.primal_solution_status) != 2:       # kSolutionStatusFeasible
        return None
    return np.asarray(h.getSolution().col_value, dtype="float64")[:ncol]


class RouteCancelled(Exception):
    """The user stopped the solver."""


@dataclass
class _Phase:
    x: np.ndarray | None          # the integer solution (None: none found)
    value: float                  # its objective value (with the offset)
    bound: float                  # a proven lower bound
    status: str                   # HiGHS's status of the run that decided
    optimal: bool                 # the gap is within the options' gap
    floor: float = 1e-9           # the gap's denominator at least (phase 1: one requirement)

    @property
    def gap(self) -> float:
        if self.x is None:
            return math.inf
        if abs(self.value - self.bound) <= 1e-9:
            return 0.0
        return max(0.0, (self.value - self.bound) / max(abs(self.value), self.floor))


def _phase(pr: RouteProblem, m: _Model, costs: np.ndarray, offset: float,
           extra_row: tuple | None, start: np.ndarray | None,
           deadline: float, progress: ProgressFn | None, lo: float, hi: float,
           floor: float = 1e-9) -> _Phase:
    """Minimise ``costs`` · x + ``offset`` over the model (plus ``extra_row``: an upper
    bound on a weighted sum of columns), to the options' gap or the deadline.

    1. The LP relaxation (interior point, crossover to a vertex): a lower bound, and a
       vertex in which all but a few complexes (at most about one per coupling row:
       capacity, budget, targets, path) take one whole year or none.
    2. Those complexes are fixed; a small MIP chooses the years of the rest.
    3. When its value is not within the gap of the LP bound, the full MIP runs for the
       time left, from the best solution so far.
    """
    import highspy

    gap_wanted = float(pr.options.mip_rel_gap)
    ncol = m.ncx + len(m.slack_names)
    cols = np.arange(ncol, dtype="int32")
    span = hi - lo

    def model(limit: float, gap: float | None = None, relaxation: bool = False,
              room: int = 0):
        h = _highs(pr, limit, gap)
        h.passModel(m.lp)
        h.changeColsCost(ncol, cols, costs)
        if extra_row is not None:
            lp_upper, mip_uppers, idx, val = extra_row
            h.addRow(-highspy.kHighsInf, lp_upper if relaxation else mip_uppers[room], len(idx),
                     idx.astype("int32"), val)
        return h

    def left() -> float:
        return deadline - time.monotonic()

    def value_of(x: np.ndarray) -> float:
        return float(costs @ x) + offset

    # 1. the relaxation
    h = model(max(0.5, left()), relaxation=True)
    h.setOptionValue("solve_relaxation", True)
    h.setOptionValue("solver", "ipm")
    run = _Run(h, progress, lo, lo + 0.4 * span, max(0.5, left()))
    h.run()
    if run.cancelled:
        raise RouteCancelled()
    lp_x = _solution(h, ncol)
    best = _Phase(start, value_of(start) if start is not None else math.inf, -math.inf,
                  _status_text(h), False, floor)
    if lp_x is None or h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        lp_x = None
    else:
        best.bound = float(h.getInfo().objective_function_value) + offset
    _log.debug("LP relaxation %.1f s: %s, bound %s", time.monotonic() - run.started,
               _status_text(h), best.bound)
    # 2. fix the complexes the vertex gives one whole year (or none); a MIP for the rest
    if lp_x is not None and left() > 0.2:
        xs = lp_x[:m.ncx]
        frac = (xs > 1e-6) & (xs < 1 - 1e-6)
        free = np.zeros(len(pr.candidates), dtype=bool)
        free[m.col_c[frac]] = True
        # (free complexes, which upper bound of the extra row, start from ``start``)
        tries = [(free, 0, False)]
        if extra_row is not None:
            # rounding may need more room in the extra row than the vertex leaves
            tries.append((free, 1, False))
        if start is not None:
            # else also free the complexes where the start differs from the vertex: then
            # the start is a solution of the MIP
            differs = np.zeros(len(pr.candidates), dtype=bool)
            differs[m.col_c[np.abs(np.round(xs) - start[:m.ncx]) > 0.5]] = True
            tries.append((free | differs, 0, True))
        for free, room, from_start in tries:
            if left() <= 0.2:
                break
            fix = np.flatnonzero(~free[m.col_c])
            # a try from the start frees many complexes: it gets a third of the time
            # left, so the full MIP (cuts, a better bound) keeps the rest
            h = model(max(0.2, left() / 3 if from_start else left()), gap=gap_wanted / 4,
                      room=room)
            if len(fix):
                v = np.round(xs[fix])
                h.changeColsBounds(len(fix), fix.astype("int32"), v, v)
            if from_start:
                sol = highspy.HighsSolution()
                sol.col_value = list(start)
                sol.value_valid = True
                h.setSolution(sol)
            run = _Run(h, progress, lo + 0.4 * span, lo + 0.7 * span, max(0.2, left()))
            h.run()
            if run.cancelled:
                raise RouteCancelled()
            x = _solution(h, ncol)
            if x is not None and value_of(x) < best.value - 1e-9:
                best.x, best.value, best.status = x, value_of(x), _status_text(h)
            _log.debug("MIP of %d free complexes (%d fixed columns) %.1f s: %s, value %s, "
                       "gap %.4f", int(free.sum()), len(fix), time.monotonic() - run.started,
                       _status_text(h), best.value, best.gap)
            if x is not None:
                break
    if best.x is not None and best.gap <= gap_wanted:
        best.optimal = True
        return best
    # 3. the full MIP, from the best solution so far
    if left() > 0.2:
        h = model(max(0.2, left()))
        if best.x is not None:
            sol = highspy.HighsSolution()
            sol.col_value = list(best.x)
            sol.value_valid = True
            h.setSolution(sol)
        run = _Run(h, progress, lo + 0.7 * span, hi, max(0.2, left()))
        h.run()
        if run.cancelled:
            raise RouteCancelled()
        x = _solution(h, ncol)
        info = h.getInfo()
        if math.isfinite(info.mip_dual_bound):
            best.bound = max(best.bound, float(info.mip_dual_bound) + offset)
        if x is not None and value_of(x) < best.value - 1e-9:
            best.x, best.value = x, value_of(x)
        best.status = _status_text(h)
        _log.debug("full MIP %.1f s: %s, value %s, gap %.4f", time.monotonic() - run.started,
                   best.status, best.value, best.gap)
        best.optimal = best.x is not None and (
            h.getModelStatus() == highspy.HighsModelStatus.kOptimal or best.gap <= gap_wanted)
    return best


def _start_vector(pr: RouteProblem, m: _Model, chosen: np.ndarray) -> np.ndarray:
    """The model's columns for a route (year index per candidate, -1 = none), with the
    slack of each soft row at the route's shortfall."""
    x = np.zeros(m.ncx + len(m.slack_names))
    key = {(int(c), int(y)): k for k, (c, y) in enumerate(zip(m.col_c, m.col_y))}
    for c, y in enumerate(chosen):
        if y >= 0:
            x[key[(c, int(y))]] = 1.0
    res = evaluate(pr, chosen)
    for k, name in enumerate(m.slack_names):
        kind, _, ref = name.partition(":")
        if kind == "target":
            t = res.targets.iloc[int(ref)]
            x[m.ncx + k] = max(0, int(t["target"]) - int(t["total"]))
        else:
            p = res.path.set_index("year").loc[int(ref)]
            x[m.ncx + k] = float(p["tonnes"] - p["target_tonnes"]) if not p["met"] else 0.0
            x[m.ncx + k] = max(0.0, x[m.ncx + k])
    return x


def solve(problem: RouteProblem, progress: ProgressFn | None = None,
          start: np.ndarray | None = None) -> RouteResult:
    """Solve the programme (two phases, see the module docstring).  ``progress(fraction)``
    is called now and then; when it returns False the solver stops and
    :class:`RouteCancelled` is raised.  The time limit covers both phases; the gap
    reported is the last phase's, proven against its LP or MIP bound.  ``start``: a
    route to start from (a year index per candidate, -1 = none; e.g. the greedy one),
    which the result is then never worse than."""
    pr = problem
    opt = pr.options
    t0 = time.monotonic()
    deadline = t0 + float(opt.time_limit)
    n = len(pr.candidates)
    if n == 0:
        res = evaluate(pr, np.zeros(0, dtype="int64"), objective=opt.objective,
                       status="nothing_to_plan", solver_status="no remaining complexes", gap=0.0)
        res.explanations = explain(pr, res)
        return res
    m = _build_model(pr)
    ns = len(m.slack_names)
    ncol = m.ncx + ns
    slack_cols = np.arange(m.ncx, ncol)
    given = _start_vector(pr, m, np.asarray(start, dtype="int64")) if start is not None else None
    start = given
    extra = None
    if ns:
        # ---- phase 1: the least weighted shortfall of targets and path ------------
        costs = np.zeros(ncol)
        costs[m.ncx:] = m.slack_weight
        # half the time at most; what phase 1 leaves, phase 2 may use
        # its gap is taken on at least one whole requirement (a shortfall's weight is
        # 1 / what it needs): 1 % = a hundredth of one target or path point
        one = _phase(pr, m, costs, 0.0, None, given, t0 + opt.time_limit * 0.5, progress,
                     0.0, 0.5, floor=1.0)
        if one.x is None:
            return _failed(pr, one.status, time.monotonic() - t0)
        start = one.x
        shortfall = float(m.slack_weight @ one.x[m.ncx:])
        # phase 2 keeps the shortfall of phase 1 (itself within the gap of the least):
        # its LP bound is taken at that shortfall; its routes may exceed it by a quarter
        # of the gap, else by the gap of one whole requirement (room to round the few
        # fractional complexes of the LP's vertex)
        g = opt.mip_rel_gap
        extra = (shortfall * (1 + 1e-9) + 1e-9,
                 (shortfall * (1 + g / 4) + 1e-9, shortfall + g * max(shortfall, 1.0) + 1e-9)
                 if shortfall > 1e-9 else (1e-9, 1e-9),
                 slack_cols, m.slack_weight)
        # what phase 1 met stays met
        upper = np.array(m.lp.col_upper_, dtype="float64")
        met = np.flatnonzero(one.x[m.ncx:] <= 1e-9)
        upper[m.ncx + met] = 0.0
        m.lp.col_upper_ = upper
    # ---- phase 2: the objective, keeping the shortfall of phase 1 -----------------
    n_x = m.ncx
    scale_cost = float(np.abs(m.cost).sum()) or 1.0
    scale_cum = float(np.abs(m.cum).sum()) or 1.0
    costs = np.zeros(ncol)
    if opt.objective == "cost":
        # the cost in k€, then (a thousandth of its scale) the tonnes saved
        costs[:n_x] = m.cost - 1e-3 * (scale_cost / scale_cum) * m.cum
        offset = 0.0
    else:
        # the cumulative tonnes first_year..last_year, then (a thousandth) the cost
        costs[:n_x] = -m.cum + 1e-3 * (scale_cum / scale_cost) * m.cost
        offset = float(pr.base_tonnes.sum())
    if given is not None and start is not given and extra is not None \
            and float(m.slack_weight @ given[m.ncx:]) <= extra[1][0] \
            and float(costs @ given) < float(costs @ start):
        start = given               # the given route keeps the shortfall and costs less
    two = _phase(pr, m, costs, offset, extra, start, deadline, progress, 0.5 if ns else 0.0, 1.0)
    x = two.x if two.x is not None else start
    if x is None:
        return _failed(pr, two.status, time.monotonic() - t0)
    chosen = np.full(n, -1, dtype="int64")
    on = x[:m.ncx] > 0.5
    chosen[m.col_c[on]] = m.col_y[on]
    gap = two.gap if two.x is not None else None
    status = "optimal" if two.optimal else "time_limit"
    res = evaluate(pr, chosen, objective=opt.objective, status=status,
                   solver_status=two.status, gap=gap if gap is None or math.isfinite(gap) else None,
                   seconds=time.monotonic() - t0)
    res.explanations = explain(pr, res)
    return res


def _failed(pr: RouteProblem, solver_status: str, seconds: float) -> RouteResult:
    res = evaluate(pr, np.full(len(pr.candidates), -1, dtype="int64"),
                   objective=pr.options.objective, status="no_solution",
                   solver_status=solver_status, gap=None, seconds=seconds)
    res.explanations = [(f"The solver found no route within the time limit ({solver_status}).",
                         f"De rekenmachine vond binnen de tijdgrens geen route ({solver_status}).")]
    return res


def propose(ds: Dataset, options: RouteOptions | None = None,
            progress: ProgressFn | None = None) -> RouteResult:
    """Build the problem for ``ds`` and solve it."""
    return solve(build_problem(ds, options), progress)


# --------------------------------------------------------------------------------------
# what binds
def _fmt(n: float) -> str:
    return f"{int(round(n)):,}"


def _fmt_nl(n: float) -> str:
    return _fmt(n).replace(",", ".")


def _eur(cents: float) -> tuple[str, str]:
    e = cents / 100
    return f"€ {_fmt(e)}", f"€ {_fmt_nl(e)}"


def _fractional_least(weight: np.ndarray, value: np.ndarray, need: float) -> float:
    """The least total ``weight`` of a fractional choice of items whose ``value`` sums to
    ``need`` (the LP bound of a knapsack: best value per weight first); inf when all
    items together fall short."""
    ok = value > 0
    w, v = weight[ok], value[ok]
    if v.sum() < need - 1e-9:
        return math.inf
    order = np.argsort(-(v / np.maximum(w, 1e-12)), kind="stable")
    cv = np.cumsum(v[order])
    k = int(np.searchsorted(cv, need - 1e-9))
    before_w = w[order][:k].sum()
    before_v = cv[k - 1] if k else 0.0
    return float(before_w + w[order][k] * (need - before_v) / v[order][k])


def explain(pr: RouteProblem, res: RouteResult) -> list[tuple[str, str]]:
    """(English, Dutch) sentences: per target or path point not met, what binds.

    For a path year Y with need N tonnes (emissions with the fixed projects − the path):
    if every remaining package done by Y (heat plan ignored) saves less than N, the end
    states cannot reach it; else if those allowed by the heat plan save less, the heat
    plan binds; else the least homes (and the least cost) of any fractional choice of
    packages saving N — a lower bound — is set against the capacity (budget) of
    first_year–Y; the larger excess is named ("2030 needs 1,840 more homes than the
    capacity of 2025–2030 allows").  Else capacity and budget bind together per
    corporation and year.  A target is treated alike with homes instead of tonnes.
    """
    out: list[tuple[str, str]] = []
    C = pr.candidates
    years = pr.years
    y0 = int(years[0])
    dw = C["dwellings"].to_numpy(dtype="float64")
    cents = C["cost_cents"].to_numpy(dtype="float64")
    earliest = C["earliest_year"].to_numpy(dtype="int64")
    cap = pr.capacity

    def limits(corporation: str | None, a: int, b: int) -> tuple[float, float]:
        m = (cap["year"] >= a) & (cap["year"] <= b)
        if corporation is not None:
            m &= cap["corporation"] == corporation
        else:   # the corporations that have candidates
            m &= cap["corporation"].isin(set(C["corporation"].dropna().astype(str)))
        sub = cap[m]
        homes = sub["homes_left"].sum() if sub["homes_left"].notna().all() else math.inf
        money = sub["cents_left"].sum() if sub["cents_left"].notna().all() else math.inf
        return float(homes), float(money)

    for _, p in res.path[~res.path["met"]].iterrows():
        Y = int(p["year"])
        yi = Y - y0
        need = float(pr.base_tonnes[yi] - p["target_tonnes"])
        red = pr.reduction[:, yi] if len(C) else np.zeros(0)
        allowed = earliest <= Y
        if red[red > 0].sum() < need:
            short = need - red[red > 0].sum()
            out.append((
                f"{Y}: even with every remaining complex's end state done by {Y}, emissions stay "
                f"{_fmt(short)} t above the path ({_fmt(p['target_tonnes'])} t): the end states "
                f"(packages) do not reach it.",
                f"{Y}: ook als elk overig complex zijn eindbeeld in {Y} af heeft, blijft de uitstoot "
                f"{_fmt_nl(short)} t boven het pad ({_fmt_nl(p['target_tonnes'])} t): de eindbeelden "
                f"(pakketten) halen het niet."))
            continue
        red_ok = np.where(allowed, red, 0.0)
        if red_ok[red_ok > 0].sum() < need:
            late = ~allowed & (red > 0)
            out.append((
                f"{Y}: the heat plan binds — the heat networks of {int(late.sum())} complexes "
                f"({_fmt(dw[late].sum())} homes) arrive after {Y}; without them at most "
                f"{_fmt(red_ok[red_ok > 0].sum())} t can be saved by {Y}, "
                f"{_fmt(need - red_ok[red_ok > 0].sum())} t short.",
                f"{Y}: het warmteplan bepaalt het — de warmtenetten van {int(late.sum())} complexen "
                f"({_fmt_nl(dw[late].sum())} woningen) komen pas na {Y}; zonder hen is in {Y} "
                f"hoogstens {_fmt_nl(red_ok[red_ok > 0].sum())} t te besparen, "
                f"{_fmt_nl(need - red_ok[red_ok > 0].sum())} t te weinig."))
            continue
        homes_needed = _fractional_least(dw[allowed], red[allowed], need)
        cents_needed = _fractional_least(cents[allowed], red[allowed], need)
        homes_cap, cents_cap = limits(None, y0, Y)
        if homes_needed > homes_cap + 1e-6:
            more = math.ceil(homes_needed - homes_cap - 1e-6)
            out.append((
                f"{Y} needs {_fmt(more)} more homes than the capacity of {y0}–{Y} allows "
                f"(at least {_fmt(math.ceil(homes_needed - 1e-6))} homes for {_fmt(need)} t less; "
                f"capacity {_fmt(homes_cap)}).",
                f"{Y} vraagt {_fmt_nl(more)} woningen meer dan de capaciteit van {y0}–{Y} toelaat "
                f"(minstens {_fmt_nl(math.ceil(homes_needed - 1e-6))} woningen voor "
                f"{_fmt_nl(need)} t minder; capaciteit {_fmt_nl(homes_cap)})."))
        elif cents_needed > cents_cap + 1:
            en, nl = _eur(cents_needed - cents_cap)
            out.append((
                f"{Y} needs {en} more than the budget of {y0}–{Y} allows "
                f"(at least {_eur(cents_needed)[0]} for {_fmt(need)} t less; budget "
                f"{_eur(cents_cap)[0]}).",
                f"{Y} vraagt {nl} meer dan het budget van {y0}–{Y} toelaat "
                f"(minstens {_eur(cents_needed)[1]} voor {_fmt_nl(need)} t minder; budget "
                f"{_eur(cents_cap)[1]})."))
        else:
            out.append((
                f"{Y}: the capacity and budget per corporation and year together leave "
                f"{_fmt(p['over_tonnes'])} t above the path.",
                f"{Y}: capaciteit en budget per corporatie en jaar samen laten "
                f"{_fmt_nl(p['over_tonnes'])} t boven het pad."))

    for _, t in res.targets[~res.targets["met"]].iterrows():
        corp, a, b = str(t["corporation"]), int(t["from_year"]), int(t["to_year"])
        period = f"{a}" if a == b else f"{a}–{b}"
        need = int(t["target"]) - int(t["fixed"])
        short = int(t["target"]) - int(t["total"])
        head_en = f"Target {corp} {period} ({_fmt(t['target'])} homes) is {_fmt(short)} short"
        head_nl = f"Doel {corp} {period} ({_fmt_nl(t['target'])} woningen) mist {_fmt_nl(short)}"
        if b < y0:
            out.append((f"{head_en}: the period lies before {y0}, only fixed projects count.",
                        f"{head_nl}: de periode ligt voor {y0}, alleen vaste projecten tellen."))
            continue
        mine = (C["corporation"] == corp).fillna(False).to_numpy(dtype=bool)
        lo = max(a, y0)
        fits = mine & (earliest <= b)
        if dw[mine].sum() < need:
            out.append((f"{head_en}: the corporation has only {_fmt(dw[mine].sum())} homes left "
                        f"to plan.",
                        f"{head_nl}: de corporatie heeft nog maar {_fmt_nl(dw[mine].sum())} woningen "
                        f"te plannen."))
            continue
        if dw[fits].sum() < need:
            out.append((f"{head_en}: the heat plan binds — heat networks arrive after {b} for "
                        f"{_fmt(dw[mine & ~fits].sum())} of its homes.",
                        f"{head_nl}: het warmteplan bepaalt het — voor {_fmt_nl(dw[mine & ~fits].sum())} "
                        f"van haar woningen komt het warmtenet pas na {b}."))
            continue
        homes_cap, cents_cap = limits(corp, lo, b)
        cents_needed = _fractional_least(cents[fits], dw[fits], need)
        if need > homes_cap + 1e-6:
            out.append((f"{head_en}: it needs {_fmt(need - homes_cap)} more homes than the capacity "
                        f"of {lo}–{b} allows ({_fmt(homes_cap)}).",
                        f"{head_nl}: het vraagt {_fmt_nl(need - homes_cap)} woningen meer dan de "
                        f"capaciteit van {lo}–{b} toelaat ({_fmt_nl(homes_cap)})."))
        elif cents_needed > cents_cap + 1:
            en, nl = _eur(cents_needed - cents_cap)
            out.append((f"{head_en}: it needs {en} more than the budget of {lo}–{b} allows.",
                        f"{head_nl}: het vraagt {nl} meer dan het budget van {lo}–{b} toelaat."))
        else:
            out.append((f"{head_en}: capacity, budget and the other targets and path together "
                        f"leave no room for more.",
                        f"{head_nl}: capaciteit, budget en de andere doelen en het pad laten samen "
                        f"geen ruimte voor meer."))
    return out


# --------------------------------------------------------------------------------------
# the benchmark's anchor: a greedy route
def greedy(problem: RouteProblem) -> RouteResult:
    """The greedy baseline: packages by CO2 saved per euro (the saving in the first path
    year, else the last year), most first, each in the earliest year that its heat plan,
    its corporation's capacity and budget allow, until every target and path point is
    met (or every package is placed or has no room)."""
    t0 = time.monotonic()
    pr = problem
    C = pr.candidates
    years = pr.years
    y0 = int(years[0])
    ny = len(years)
    yi = (int(pr.path["year"].iloc[0]) - y0) if len(pr.path) else ny - 1
    red = pr.reduction[:, yi] if len(C) else np.zeros(0)
    cents = C["cost_cents"].to_numpy(dtype="float64")
    dw = C["dwellings"].to_numpy(dtype="float64")
    score = red / np.maximum(cents, 1.0)
    order = np.argsort(-score, kind="stable")
    cap = pr.capacity.set_index(["corporation", "year"])
    homes = {k: (np.inf if np.isnan(v) else v) for k, v in cap["homes_left"].items()}
    money = {k: (np.inf if np.isnan(v) else v) for k, v in cap["cents_left"].items()}
    corp = C["corporation"].astype("string").fillna("").to_numpy(dtype=object)
    earliest = C["earliest_year"].to_numpy(dtype="int64")
    chosen = np.full(len(C), -1, dtype="int64")
    # what is still needed: tonnes per path year, homes per target
    path_idx = [int(y) - y0 for y in pr.path["year"]]
    path_need = [float(pr.base_tonnes[i] - t) for i, t in zip(path_idx, pr.path["target_tonnes"])]
    T = pr.targets
    target_need = (T["target"] - T["fixed_homes"]).to_numpy(dtype="float64")
    outside = ((T["to_year"] < y0) | (T["from_year"] > int(years[-1]))).to_numpy(dtype=bool)
    target_need[outside] = 0.0          # periods outside the years: nothing to place
    t_corp = T["corporation"].astype("string").fillna("").to_numpy(dtype=object)
    t_from = T["from_year"].to_numpy(dtype="int64")
    t_to = T["to_year"].to_numpy(dtype="int64")

    def all_met() -> bool:
        return all(n <= _path_tolerance(0) for n in path_need) and bool((target_need <= 0).all())

    for i in order:
        if all_met():
            break
        if red[i] <= 0 and cents[i] > 0:
            continue
        for j in range(max(0, earliest[i] - y0), ny):
            k = (str(corp[i]), int(years[j]))
            h, c = homes.get(k, np.inf), money.get(k, np.inf)
            if h >= dw[i] and c >= cents[i]:
                homes[k], money[k] = h - dw[i], c - cents[i]
                chosen[i] = j
                for p, pi in enumerate(path_idx):
                    if j <= pi:
                        path_need[p] -= float(pr.reduction[i, pi])
                y = int(years[j])
                target_need[(t_corp == corp[i]) & (t_from <= y) & (t_to >= y)] -= dw[i]
                break
    res = evaluate(pr, chosen, objective="greedy", status="greedy", solver_status="greedy",
                   gap=None, seconds=time.monotonic() - t0)
    return res


def year_indices(result: RouteResult, problem: RouteProblem) -> np.ndarray:
    """A result's route as year indices per candidate (-1 = not scheduled), e.g. to
    start :func:`solve` from the greedy route."""
    y = result.complexes["year"].to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isnan(y), -1, y - int(problem.years[0])).astype("int64")


# --------------------------------------------------------------------------------------
# the proposal as projects (for a plan version)
def proposal_projects(result: RouteResult, ds: Dataset) -> pd.DataFrame:
    """The proposed (not fixed, scheduled) complexes as rows of the projects table
    (columns of ``fields`` "projects"): project ``V-<complex>``, the package's measures,
    its year, the label after (the end state's target label), the gas and electricity
    saving per dwelling (use before − after), the investment per dwelling, status
    ``gepland``."""
    from .dataset import conform

    E = end_states(ds).set_index("complex")
    chosen = result.complexes[result.complexes["year"].notna()]
    rows = []
    for r in chosen.itertuples(index=False):
        e = E.loc[r.complex]
        rows.append({
            "project": f"{PROPOSAL_PREFIX}{r.complex}", "complex": r.complex, "year": int(r.year),
            "measures": e["measures"], "label_after": e["target_label"],
            "gas_saving_m3": round(float(e["gas_m3_before"]) - float(e["gas_m3_after"]), 1),
            "electricity_saving_kwh": round(float(e["electricity_kwh_before"])
                                            - float(e["electricity_kwh_after"]), 1),
            "investment_cents": int(e["cost_per_dwelling_cents"]),
            "status": Status.PLANNED.value,
        })
    return conform("projects", rows)



def proposal_plan(result: RouteResult, ds: Dataset) -> pd.DataFrame:
    """The whole plan the proposal stands for, as rows of the projects table, to be saved
    as a plan version: the active plan's fixed projects (agreed, in progress, done) as they
    are, plus :func:`proposal_projects`.  A proposed complex that has exactly one open
    (not fixed, not cancelled) project in the active plan keeps that project's id, so a
    comparison shows the step as that project moved, not as one removed and one added;
    the remaining complexes' other open projects are left out (the proposal replaces them)."""
    from .dataset import conform

    P = ds.projects
    is_fixed = fixed_mask(P)
    fixed = P[is_fixed]
    open_ = P[~is_fixed & co2.not_cancelled(P["status"])]
    counts = open_["complex"].astype("string").value_counts()
    own = {str(c): str(p) for c, p in zip(open_["complex"], open_["project"])
           if pd.notna(c) and counts.get(str(c), 0) == 1}
    proposed = proposal_projects(result, ds)
    if len(proposed):
        proposed = proposed.assign(project=[own.get(str(c), str(p)) for c, p in
                                            zip(proposed["complex"], proposed["project"])])
    rows = pd.concat([fixed, proposed], ignore_index=True) if len(fixed) else proposed
    return conform("projects", rows.reset_index(drop=True))

__all__ = ["RouteOptions", "RouteProblem", "RouteResult", "RouteInputError", "RouteCancelled",
           "build_problem", "solve", "propose", "evaluate", "explain", "greedy",
           "proposal_projects", "proposal_plan", "fixed_mask", "year_indices", "FIXED_STATUSES", "OBJECTIVES", "PATH_YEARS"]
