"""Editing use cases: each checks its input and returns the command that makes the edit
(:mod:`desktop.store.commands`: one transaction, one undo step), None when there is
nothing to change, or raises :class:`EditError` naming the field and saying why in
English and Dutch.

No Qt and no writing: the window runs the commands through its controller
(:meth:`desktop.views.controller.Controller.run`, which also asks for the reason when the
store's support gate refuses a status), the command line or a test can apply them on a
:class:`~desktop.store.workspace.Workspace` directly.  Figures come from the domain
frames (:class:`~desktop.models.dataset.Dataset`) the caller holds.

Floor: above the store and the models (imports both), below the views.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from numbers import Real
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .models import campaign_dates as campaign_dates_rules
from .models import programme
from .models.dataset import Dataset
from .models.enums import Status, Vote
from .store.commands import Batch, Delete, RecordVotes, SetStatus, Upsert


class EditError(ValueError):
    """An edit refused before it reaches the store: ``errors`` maps each invalid field
    to its message (English, Dutch); ``field`` / ``message`` / ``message_nl`` are the
    first one's (what a page shows in one line)."""

    def __init__(self, errors: Mapping[str, tuple[str, str]]):
        self.errors = dict(errors)
        self.field, (self.message, self.message_nl) = next(iter(self.errors.items()))
        super().__init__(self.message)

    def messages(self, language: str = "en") -> dict[str, str]:
        """Field -> message in ``language`` ("nl" or "en")."""
        return {f: (nl if language == "nl" else en) for f, (en, nl) in self.errors.items()}


def _refuse(field: str, en: str, nl: str) -> EditError:
    return EditError({field: (en, nl)})


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _plain(v):
    if _missing(v):
        return None
    return v.item() if isinstance(v, np.generic) else v


def same(a, b) -> bool:
    """Whether a stored value and an edited one are equal (None/<NA>, 12 and 12.0 alike)."""
    a, b = _plain(a), _plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return str(a) == str(b)


def _batch(commands: list, label: str):
    if not commands:
        return None
    return commands[0] if len(commands) == 1 else Batch(tuple(commands), label=label)


# ----- projects ---------------------------------------------------------------------
MONEY = ("rent_increase_cents", "investment_cents")


def project_record(ds: Dataset, project: str) -> dict[str, Any] | None:
    """The project's row as plain values (a missing status read as gepland), or None."""
    projects = ds.projects
    hit = projects[projects["project"] == project]
    if not len(hit):
        return None
    out = {k: _plain(v) for k, v in hit.iloc[0].to_dict().items()}
    if _missing(out.get("status")):
        out["status"] = Status.PLANNED.value
    return out


def check_project(raw: Mapping[str, Any], known_complexes: set[str], existing: set[str],
                  new: bool) -> None:
    """Check the project form's values (money in cents, possibly with fractions; text
    where a number was not understood); raises :class:`EditError` with every invalid
    field (:func:`desktop.models.programme.validate_project_edit`'s rules, and: money
    in at most two decimals, a new project's id not taken)."""
    en = programme.validate_project_edit(raw, known_complexes, require_all=True, lang="en")
    nl = programme.validate_project_edit(raw, known_complexes, require_all=True, lang="nl")
    errors = {name: (en[name], nl[name]) for name in en}
    for name in MONEY:
        value = raw.get(name)
        if (name in errors and isinstance(value, Real) and not isinstance(value, bool)
                and math.isfinite(value) and value >= 0 and value != int(value)):
            errors[name] = ("Use at most two decimals.", "Gebruik hoogstens twee decimalen.")
    if new and "project" not in errors and raw.get("project") in existing:
        errors["project"] = ("A project with this id exists already.",
                             "Er bestaat al een project met dit nummer.")
    if errors:
        raise EditError(errors)


def save_project(ds: Dataset, values: Mapping[str, Any], original: str | None = None, *,
                 reason: str | None = None, user: str | None = None,
                 expected_version: int | None = None, label: str = ""):
    """Create (``original`` None) or update a project from checked values (store units):
    the changed fields as one Upsert (refused if the record changed since
    ``expected_version``), a status change as SetStatus (the store's support gate;
    ``reason`` when support is not reached).  None when nothing changed."""
    pid = values["project"]
    status = Status.parse(values.get("status") or Status.PLANNED.value).value
    fields = {k: v for k, v in values.items() if k not in ("project", "status")}
    commands: list = []
    if original is None:
        commands.append(Upsert("projects", {"project": pid}, {**fields, "status": Status.PLANNED.value}))
        if status != Status.PLANNED.value:
            commands.append(SetStatus(pid, status, reason=reason, changed_by=user))
    else:
        old = project_record(ds, original) or {}
        changed = {k: v for k, v in fields.items() if not same(old.get(k), v)}
        if changed:
            commands.append(Upsert("projects", {"project": original}, changed,
                                   expected_version=expected_version))
        if not same(old.get("status"), status):
            commands.append(SetStatus(original, status, reason=reason, changed_by=user))
    return _batch(commands, label)


def move_projects(ds: Dataset, ids: Iterable[str], year: int, versions: Mapping[tuple, int],
                  label: str = ""):
    """Move projects to ``year``, each refused if it changed since its row version
    (``versions``: the store's row versions); projects already there or gone are left
    out; None when none is left."""
    year = int(year)
    p = ds.projects
    current = dict(zip(p["project"].astype(str), p["year"]))
    ids = [i for i in ids if (i,) in versions and not same(current.get(i), year)]
    return _batch([Upsert("projects", {"project": i}, {"year": year},
                          expected_version=versions[(i,)]) for i in ids], label)


# a project past these is built or being built: moving it to another year is asked first
STATUSES_CONFIRM_MOVE = (Status.IN_PROGRESS.value, Status.DONE.value)


def moves_needing_confirmation(ds: Dataset, ids: Iterable[str]) -> list[str]:
    """The projects among ``ids`` whose move to another year needs the user's
    confirmation: those in uitvoering or gereed (their year records what happened)."""
    p = ds.projects
    status = dict(zip(p["project"].astype(str), p["status"].to_numpy(dtype=object, na_value=None)))
    return [i for i in ids if status.get(i) in STATUSES_CONFIRM_MOVE]


def moved(command) -> list[str]:
    """The project ids a :func:`move_projects` command moves."""
    commands = command.commands if isinstance(command, Batch) else (command,)
    return [c.key["project"] for c in commands]


def delete_projects(ids: Iterable[str], label: str = ""):
    """Delete projects (the store refuses one with recorded votes); None for no ids."""
    return _batch([Delete("projects", {"project": i}) for i in ids], label)


def set_status(project: str, status: str, *, reason: str | None = None,
               changed_by: str | None = None, label: str = "") -> SetStatus:
    """Move a project to ``status`` (any spelling of a status; the store's gate
    refuses akkoord or later without support unless ``reason`` is given)."""
    try:
        status = Status.parse(status).value
    except ValueError as exc:
        raise _refuse("status", str(exc), f"{status!r} is geen status") from None
    return SetStatus(project, status, reason=reason, changed_by=changed_by, label=label)


# ----- capacity ---------------------------------------------------------------------
def check_capacity(max_dwellings, budget_cents) -> None:
    """Homes at most: a whole number ≥ 0; budget: whole cents ≥ 0 (None: no limit)."""
    errors = {}
    x = max_dwellings
    if x is not None and (not isinstance(x, Real) or x != int(x) or x < 0):
        errors["max_dwellings"] = ("Enter a whole number of homes, 0 or more.",
                                   "Vul een geheel aantal woningen in, 0 of meer.")
    if budget_cents is not None and (not isinstance(budget_cents, int) or budget_cents < 0):
        errors["budget_cents"] = ("Enter an amount in euros, 0 or more.",
                                  "Vul een bedrag in euro in, 0 of meer.")
    if errors:
        raise EditError(errors)


def set_capacity(ds: Dataset, corporation: str, year: int, max_dwellings: int | None,
                 budget_cents: int | None, label: str = ""):
    """Set a corporation's capacity and budget for a year; both None removes the row
    (None when there is none)."""
    check_capacity(max_dwellings, budget_cents)
    key = {"corporation": corporation, "year": int(year)}
    if max_dwellings is None and budget_cents is None:
        caps = ds.capacities
        exists = bool(((caps["corporation"] == corporation) & (caps["year"] == year)).any()) \
            if len(caps) else False
        return Delete("capacities", key, label=label) if exists else None
    return Upsert("capacities", key, {"max_dwellings": None if max_dwellings is None
                                      else int(max_dwellings), "budget_cents": budget_cents},
                  label=label)


# ----- votes and campaigns ----------------------------------------------------------
def record_vote(ds: Dataset, project: str, dwelling: str, vote: str, date: dt.date,
                recorded_by: str | None, label: str = "") -> RecordVotes:
    """Record a tenant's vote (a new entry in its history).  Refused for a dwelling that
    is not in the project's complex or is vacant, for an unknown vote, for a form date
    that cannot be (in the future, before the campaign started) and without the name of
    who records it."""
    try:
        vote = Vote.parse(vote).value
    except ValueError as exc:
        raise _refuse("vote", str(exc), f"{vote!r} is geen stem (ja, nee, geen reactie)") from None
    p = ds.projects
    complex_id = p.loc[p["project"].isin([project]).to_numpy(dtype=bool), "complex"]
    d = ds.dwellings
    # isin on 100,000 ids: a third of the time of ==, and <NA> never matches
    hit = np.flatnonzero(d["dwelling"].isin([dwelling]).to_numpy(dtype=bool))
    hit = hit[d["complex"].iloc[hit].isin(complex_id.dropna()).to_numpy(dtype=bool)]
    if not len(hit):
        raise _refuse("dwelling", f"{dwelling} is not a dwelling of project {project}'s complex.",
                      f"{dwelling} is geen woning van het complex van project {project}.")
    if not bool(d["let"].iloc[hit[:1]].fillna(True).iat[0]):
        raise _refuse("dwelling", f"{dwelling} is vacant: a vacant dwelling has no tenant and no vote.",
                      f"{dwelling} staat leeg: een leegstaande woning heeft geen huurder en geen stem.")
    started = (project_record(ds, project) or {}).get("campaign_start")
    wrong = campaign_dates_rules.vote_date_error(date, None if _missing(started) else started)
    if wrong:
        raise _refuse("date", *wrong)
    if not (recorded_by or "").strip():
        raise _refuse("recorded_by", "Not recorded: a vote needs the name of who recorded it.",
                      "Niet vastgelegd: bij een stem hoort de naam van wie die vastlegt.")
    frame = pd.DataFrame([{"project": project, "dwelling": dwelling, "vote": vote,
                           "date": date, "recorded_by": recorded_by.strip()}])
    return RecordVotes(frame, label=label)


def campaign_dates(ds: Dataset, project: str, values: Mapping[str, dt.date | None],
                   expected_version: int | None = None, label: str = ""):
    """Set the campaign start and/or notification date (None clears one); None when
    they equal the project's.  Refused when the notification would come before the
    campaign started (:mod:`desktop.models.campaign_dates`)."""
    unknown = set(values) - {"campaign_start", "notified_on"}
    if unknown:
        raise ValueError(f"not a campaign date: {sorted(unknown)}")
    old = project_record(ds, project) or {}
    current = {k: None if _missing(old.get(k)) else pd.Timestamp(old[k]).date() for k in values}
    if dict(values) == current:
        return None
    after = {k: None if _missing(old.get(k)) else old[k] for k in ("campaign_start", "notified_on")}
    errors = campaign_dates_rules.campaign_date_errors(**{**after, **values})
    if errors:
        raise EditError(errors)
    return Upsert("projects", {"project": project}, dict(values),
                  expected_version=expected_version, label=label)


# ----- values per year: tariffs, emission factors, rent limits; the measures catalogue --
YEAR_TABLES = {
    "tariffs": ("gas_eur_m3", "electricity_eur_kwh"),
    "emission_factors": ("gas_kg_m3", "electricity_kg_kwh"),
    "rent_limits": ("aftopping_small_cents", "aftopping_large_cents", "liberalisation_cents"),
}
YEAR_MIN, YEAR_MAX = 2000, 2100


def _year_values(table: str, year: int, values: Mapping[str, float]) -> Upsert:
    """One year's row, checked: a known table and field, a year 2000–2100, numbers
    ≥ 0; rent limits are given in whole cents."""
    fields = YEAR_TABLES.get(table)
    if fields is None:
        raise ValueError(f"{table!r} has no values per year")
    errors = {}
    if year is None or not YEAR_MIN <= int(year) <= YEAR_MAX:
        errors["year"] = (f"The year must be between {YEAR_MIN} and {YEAR_MAX}.",
                          f"Het jaar moet tussen {YEAR_MIN} en {YEAR_MAX} liggen.")
    for key, value in values.items():
        if key not in fields:
            raise ValueError(f"{key!r} is not a field of {table}")
        if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
            errors[key] = (f"{key}: enter a number.", f"{key}: vul een getal in.")
        elif value < 0:
            errors[key] = (f"{key} cannot be negative.", f"{key} kan niet negatief zijn.")
    if errors:
        raise EditError(errors)
    cast = int if table == "rent_limits" else float
    return Upsert(table, {"year": int(year)}, {k: cast(v) for k, v in values.items()})


def set_year_values(table: str, year: int, values: Mapping[str, float], label: str = "") -> Upsert:
    """Insert or update one year's tariffs, emission factors or rent limits (cents)."""
    return dataclasses.replace(_year_values(table, year, values), label=label)


def set_years(table: str, rows: Iterable[Mapping[str, Any]], label: str = ""):
    """Several years at once (one undo step): ``rows`` hold a year and the values, e.g.
    the built-in defaults copied into the workspace or a scenario."""
    fields = YEAR_TABLES.get(table, ())
    return _batch([dataclasses.replace(
        _year_values(table, int(r["year"]), {k: r[k] for k in fields if k in r}), label=label)
        for r in rows], label) if fields else None


def delete_year(table: str, year: int, label: str = "") -> Delete:
    """Delete one year's row (a year without a row takes the nearest year's)."""
    if table not in YEAR_TABLES:
        raise ValueError(f"{table!r} has no values per year")
    return Delete(table, {"year": int(year)}, label=label)


def set_measure(key: str, values: Mapping[str, Any], label: str = "") -> Upsert:
    """Store a measure of the catalogue (a workspace row over the built-in one)."""
    from .models.measures import normalise_key

    key = normalise_key(key)
    if not key:
        raise _refuse("measure", "A measure needs a name.", "Een maatregel heeft een naam nodig.")
    return Upsert("measures", {"measure": key}, dict(values), label=label)


def delete_measure(key: str, label: str = "") -> Delete:
    """Delete the workspace's row of a measure (a built-in one gets its values back)."""
    return Delete("measures", {"measure": key}, label=label)


__all__ = ["EditError", "same", "project_record", "check_project", "save_project",
           "move_projects", "moved", "moves_needing_confirmation", "STATUSES_CONFIRM_MOVE", "delete_projects", "set_status", "check_capacity",
           "set_capacity", "record_vote", "campaign_dates", "YEAR_TABLES", "set_year_values",
           "set_years", "delete_year", "set_measure", "delete_measure"]
