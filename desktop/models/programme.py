"""The retrofit programme: targets per corporation and period against planned and
finished homes, the homes-per-year matrix, capacity and budget, and the checks on a
project edit.

A project covers its whole complex, so it counts with the complex's dwellings
(:meth:`Dataset.dwelling_counts`: its Woningen rows when it has any, else the declared
count).  ``planned`` = every project that is not ``vervallen`` (cancelled), including
finished ones; ``done`` = the ``gereed`` ones.
"""
from __future__ import annotations

import math
from numbers import Real
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import fields
from .dataset import Dataset, Problem
from .enums import Status, parse_label
from .numbers import user_number

PROGRAMME_COLUMNS = [
    "corporation", "from_year", "to_year", "target", "planned", "done",
    "shortfall", "verdict",
]
CAPACITY_COLUMNS = [
    "corporation", "year", "planned", "investment_cents", "max_dwellings",
    "budget_cents", "over_capacity", "over_budget",
]

_STATUS_ALIASES = Status.aliases()


def _canonical_status(status: pd.Series) -> pd.Series:
    """Status as canonical Dutch text; empty means the default ``gepland``."""
    s = status.astype("string").str.strip().str.casefold()
    out = s.map(_STATUS_ALIASES).astype("string")
    return out.fillna(Status.PLANNED.value)


def _projects(ds: Dataset) -> pd.DataFrame:
    """Projects with corporation, neighbourhood, dwellings, canonical status and
    their 0-based position in the projects frame (``row``)."""
    out = ds.projects_with_owner()
    out["row"] = np.arange(len(out), dtype="int64")
    out["status"] = _canonical_status(out["status"])
    return out


def _live(ds: Dataset) -> pd.DataFrame:
    """Non-cancelled projects with a year."""
    p = _projects(ds)
    keep = (p["status"] != Status.CANCELLED.value) & p["year"].notna()
    return p[keep.fillna(False).astype(bool)]


# ----- targets ----------------------------------------------------------------------
def programme_table(ds: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per target row (in Doelen order): corporation, from_year, to_year,
    target, planned, done, shortfall (= planned - target, negative when short) and
    verdict (``short`` / ``met`` / ``over``).

    A complex with two or more non-cancelled projects in one target period counts
    once per project; each later project gets a warning on its projects row.
    """
    t = ds.targets.reset_index(drop=True)
    target_rows = pd.DataFrame({
        "t": np.arange(len(t), dtype="int64"),
        "corporation": t["corporation"],
        "from_year": t["from_year"],
        "to_year": t["to_year"],
    })
    live = _live(ds)[["row", "project", "complex", "corporation", "year", "status",
                      "dwellings"]]
    pairs = target_rows.merge(live, on="corporation", how="inner")
    inside = (pairs["year"] >= pairs["from_year"]) & (pairs["year"] <= pairs["to_year"])
    pairs = pairs[inside.fillna(False).astype(bool)]

    done_dw = pairs["dwellings"].where(pairs["status"] == Status.DONE.value, 0)
    sums = pd.DataFrame({"planned": pairs["dwellings"], "done": done_dw}).groupby(
        pairs["t"]).sum()
    planned = sums["planned"].reindex(target_rows["t"], fill_value=0).to_numpy("int64")
    done = sums["done"].reindex(target_rows["t"], fill_value=0).to_numpy("int64")

    target = t["dwellings"].astype("Int64")
    shortfall = pd.Series(planned, dtype="Int64") - target
    verdict = pd.Series(pd.NA, index=shortfall.index, dtype="string")
    verdict[(shortfall < 0).fillna(False)] = "short"
    verdict[(shortfall == 0).fillna(False)] = "met"
    verdict[(shortfall > 0).fillna(False)] = "over"
    frame = pd.DataFrame({
        "corporation": t["corporation"].astype("string"),
        "from_year": t["from_year"].astype("Int64"),
        "to_year": t["to_year"].astype("Int64"),
        "target": target,
        "planned": planned,
        "done": done,
        "shortfall": shortfall,
        "verdict": verdict,
    })
    return frame[PROGRAMME_COLUMNS], _double_counts(pairs)


def _double_counts(pairs: pd.DataFrame) -> list[Problem]:
    """Warnings for a complex with more than one non-cancelled project in a period."""
    pairs = pairs[pairs["complex"].notna()].sort_values(["t", "row"], kind="stable")
    dup = pairs.duplicated(["t", "complex"], keep="first")
    if not dup.any():
        return []
    first = pairs.drop_duplicates(["t", "complex"], keep="first").set_index(
        ["t", "complex"])["project"]
    problems: list[Problem] = []
    seen: set[int] = set()
    for r in pairs[dup].itertuples(index=False):
        row = int(r.row)
        if row in seen:   # same project in two overlapping target periods: warn once
            continue
        seen.add(row)
        earlier = first.loc[(r.t, r.complex)]
        problems.append(Problem(
            table="projects", row=row, column="Complex", severity="warning",
            key=str(r.project),
            message=(f"Complex {r.complex} already has project {earlier} in the target "
                     f"period {r.from_year}–{r.to_year} of {r.corporation}; project "
                     f"{r.project} counts its {int(r.dwellings)} dwellings again."),
            message_nl=(f"Complex {r.complex} heeft al project {earlier} in de doelperiode "
                        f"{r.from_year}–{r.to_year} van {r.corporation}; project "
                        f"{r.project} telt zijn {int(r.dwellings)} woningen nog een keer."),
        ))
    return problems


def period_status(ds: Dataset) -> pd.DataFrame:
    """The programme frame of :func:`programme_table`, without the warnings."""
    return programme_table(ds)[0]


# ----- homes per year ---------------------------------------------------------------
def target_table(ds: Dataset) -> pd.DataFrame:
    """The agreed targets as the pages show them: :func:`programme_table` plus
    ``period`` ("2025" or "2025–2027"), ``planned_pct`` and ``done_pct`` (of the
    target; missing for a target of 0)."""
    frame = programme_table(ds)[0].copy()
    frame["period"] = [str(a) if a == b else f"{a}–{b}"
                       for a, b in zip(frame["from_year"], frame["to_year"])]
    frame["planned_pct"] = [p / t * 100 if t else None
                            for p, t in zip(frame["planned"], frame["target"])]
    frame["done_pct"] = [d / t * 100 if t else None for d, t in zip(frame["done"], frame["target"])]
    return frame


def matrix(ds: Dataset, years: range | None = None, done: bool = False) -> pd.DataFrame:
    """Homes per year by corporation and neighbourhood.

    Rows: MultiIndex (corporation, neighbourhood), sorted; columns: years as ints
    (``years``, or every year from the first to the last project year).  Values: the
    dwellings of non-cancelled projects completing that year, or with ``done=True``
    only the ``gereed`` ones.  Projects outside any target period are included; a
    project whose complex is unknown shows with an empty corporation/neighbourhood.
    """
    p = _live(ds)
    if done:
        p = p[p["status"] == Status.DONE.value]
    years_all = p["year"].astype("int64")
    if years is None:
        cols = list(range(int(years_all.min()), int(years_all.max()) + 1)) if len(p) else []
    else:
        cols = [int(y) for y in years]
    index_names = ["corporation", "neighbourhood"]
    if not len(p):
        return pd.DataFrame(
            index=pd.MultiIndex.from_arrays([[], []], names=index_names),
            columns=pd.Index(cols, dtype="int64"), dtype="int64")
    keys = pd.DataFrame({
        "corporation": p["corporation"].astype("string").fillna(""),
        "neighbourhood": p["neighbourhood"].astype("string").fillna(""),
        "year": years_all,
        "dwellings": p["dwellings"].astype("int64"),
    })
    table = keys.pivot_table(index=index_names, columns="year", values="dwellings",
                             aggfunc="sum", fill_value=0)
    table = table.reindex(columns=cols, fill_value=0).astype("int64")
    table.columns = pd.Index([int(c) for c in table.columns], dtype="int64", name=None)
    return table.sort_index()


def done_matrix(ds: Dataset, years: range | None = None) -> pd.DataFrame:
    """:func:`matrix` of the finished (``gereed``) projects only."""
    return matrix(ds, years, done=True)


# ----- capacity and budget ----------------------------------------------------------
def capacity_flags(ds: Dataset) -> pd.DataFrame:
    """Per corporation and year (every pair with non-cancelled projects or a
    capacities row): planned dwellings, investment (investment per dwelling × the
    project's dwellings, in cents; unknown investment counts 0), the capacities row
    (``max_dwellings``, ``budget_cents``, <NA> when none) and the flags
    ``over_capacity`` (planned > max_dwellings) and ``over_budget``
    (investment_cents > budget_cents); a flag is False when its limit is unknown.
    """
    p = _live(ds)
    per = pd.DataFrame({
        "corporation": p["corporation"].astype("string"),
        "year": p["year"].astype("Int64"),
        "planned": p["dwellings"].astype("int64"),
        "investment_cents": (p["investment_cents"].astype("Int64").fillna(0)
                             * p["dwellings"].astype("int64")).astype("int64"),
    })
    per = per[per["corporation"].notna()]
    sums = per.groupby(["corporation", "year"], observed=True)[
        ["planned", "investment_cents"]].sum().reset_index()
    caps = ds.capacities.drop_duplicates(["corporation", "year"], keep="last")[
        ["corporation", "year", "max_dwellings", "budget_cents"]]
    out = sums.merge(caps, on=["corporation", "year"], how="outer")
    out["planned"] = out["planned"].fillna(0).astype("int64")
    out["investment_cents"] = out["investment_cents"].fillna(0).astype("int64")
    out["max_dwellings"] = out["max_dwellings"].astype("Int64")
    out["budget_cents"] = out["budget_cents"].astype("Int64")
    out["over_capacity"] = (out["planned"] > out["max_dwellings"]).fillna(False).astype(bool)
    out["over_budget"] = (out["investment_cents"] > out["budget_cents"]).fillna(False).astype(bool)
    out["corporation"] = out["corporation"].astype("string")
    out["year"] = out["year"].astype("Int64")
    out = out.sort_values(["corporation", "year"], kind="stable").reset_index(drop=True)
    return out[CAPACITY_COLUMNS]


# ----- checks on one edit -----------------------------------------------------------
def _blank(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _number(value: Any) -> float | None:
    """A finite number from a number, or from text by the one set of rules of
    :mod:`desktop.models.numbers` (as in a workbook cell: "1.234" is ambiguous, so not a
    number); None if not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Real):
        x = float(value)
        return x if math.isfinite(x) else None
    if isinstance(value, str):
        return user_number(value, None)
    return None


def validate_project_edit(values: Mapping[str, Any], known_complexes: set[str],
                          require_all: bool = False, lang: str = "en") -> dict[str, str]:
    """Field -> message for every invalid value in ``values`` (keys are the
    projects columns of :data:`SCHEMA`); empty dict when all is well.  Messages are
    English, or Dutch with ``lang="nl"``.

    Only the fields present are checked, so one edited cell can be validated alone;
    with ``require_all`` (a new project) the required fields of the registry
    (:mod:`desktop.models.fields`) must be present too.  Money fields are whole cents.
    """
    nl = lang == "nl"
    decl = fields.table("projects")

    def say(en: str, dutch: str) -> str:
        return dutch if nl else en

    def missing(name: str) -> str:
        return say(*(decl.field(name).missing or _MISSING))

    errors: dict[str, str] = {}
    if require_all:
        for name in fields.required("projects"):
            if name not in values or _blank(values[name]):
                errors[name] = missing(name)

    def check(name: str) -> bool:
        return name in values and name not in errors

    if check("project") and _blank(values["project"]):
        errors["project"] = missing("project")

    if check("complex"):
        value = values["complex"]
        if _blank(value):
            errors["complex"] = missing("complex")
        elif str(value).strip() not in known_complexes:
            errors["complex"] = say(f"Unknown complex {str(value).strip()!r}: add it first.",
                                    f"Onbekend complex {str(value).strip()!r}: voeg het eerst toe.")

    if check("year"):
        value = values["year"]
        x = None if _blank(value) else _number(value)
        lo, hi = decl.field("year").minimum, decl.field("year").maximum
        if _blank(value):
            errors["year"] = missing("year")
        elif x is None or x != int(x):
            errors["year"] = say("The year must be a whole number.", "Het jaar moet een geheel getal zijn.")
        elif not lo <= x <= hi:
            errors["year"] = say(f"The year must lie between {lo} and {hi}.",
                                 f"Het jaar moet tussen {lo} en {hi} liggen.")

    for field in decl.fields:      # the amounts: a number, within their range, whole cents
        name = field.name
        if field.kind not in ("number", "money") or not check(name):
            continue
        label, label_nl = field.subject or (name, name)
        value = values[name]
        if _blank(value):
            if field.required:
                errors[name] = missing(name)
            continue
        x = _number(value)
        if x is None:
            errors[name] = say(f"{label} must be a number.", f"{label_nl} moet een getal zijn.")
        elif field.minimum is not None and x < field.minimum:
            least = f"{field.minimum / (100 if field.kind == 'money' else 1):g}"   # money in euros
            errors[name] = say(f"{label} cannot be negative.", f"{label_nl} kan niet negatief zijn.") \
                if field.minimum == 0 else say(f"{label} must be at least {least}.",
                                               f"{label_nl} moet minstens {least} zijn.")
        elif field.kind == "money" and x != int(x):
            errors[name] = say(f"{label} must be a whole number of cents.",
                               f"{label_nl} moet een geheel aantal centen zijn.")

    if check("status") and not _blank(values["status"]):
        try:
            Status.parse(values["status"])
        except ValueError:
            allowed = ", ".join((m.value if nl else m.english) for m in Status)
            errors["status"] = say(f"Unknown status {values['status']!r}; use one of: {allowed}.",
                                   f"Onbekende status {values['status']!r}; kies uit: {allowed}.")

    if check("label_after") and not _blank(values["label_after"]):
        try:
            parse_label(values["label_after"])
        except ValueError:
            errors["label_after"] = say(
                f"{values['label_after']!r} is not an energy label (A++++ … A, B … G).",
                f"{values['label_after']!r} is geen energielabel (A++++ … A, B … G).")
    return errors


# a required field that declares no message of its own
_MISSING = ("This value is required.", "Deze waarde is verplicht.")


__all__ = [
    "PROGRAMME_COLUMNS", "CAPACITY_COLUMNS", "programme_table", "period_status",
    "matrix", "done_matrix", "capacity_flags", "validate_project_edit",
]
