"""Projects, capacity, votes and campaigns, and tenancy changes during a campaign."""
from __future__ import annotations

import datetime as dt
import math
from numbers import Real
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from ..models import campaign_dates as campaign_dates_rules
from ..models import programme
from ..models.dataset import Dataset
from ..models.enums import Status, Vote
from ..models.support import by_current_tenant
from ..store.commands import Batch, Delete, RecordVotes, SetStatus, SetTenancy, Upsert
from .base import EditError, _batch, _missing, _plain, _refuse, same

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
    since = _day(d["let_since"].iat[int(hit[0])])
    if since is not None and not by_current_tenant(date, since):
        raise _refuse("date", f"The tenancy of {dwelling} started on {since:%d-%m-%Y}: a vote dated "
                              f"{_shown(date)} is a former tenant's and cannot be recorded for the "
                              "current tenant.",
                      f"De huur van {dwelling} begon op {since:%d-%m-%Y}: een stem van "
                      f"{_shown(date, 'nl')} is van een vorige huurder en kan niet worden "
                      "vastgelegd voor de huidige huurder.")
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


# ----- tenancy changes during a campaign --------------------------------------------
def _day(value) -> dt.date | None:
    return None if _missing(value) else pd.Timestamp(value).date()


def _shown(date, language: str = "en") -> str:
    return f"{date:%d-%m-%Y}" if date is not None else ("no date" if language == "en" else "geen datum")


def _dwelling_row(ds: Dataset, dwelling: str) -> dict[str, Any]:
    d = ds.dwellings
    hit = np.flatnonzero(d["dwelling"].isin([dwelling]).to_numpy(dtype=bool))
    if not len(hit):
        raise _refuse("dwelling", f"{dwelling} is not a known dwelling.",
                      f"{dwelling} is geen bekende woning.")
    row = d.iloc[int(hit[0])]
    return {"let": bool(True if _missing(row["let"]) else row["let"]),
            "let_since": _day(row["let_since"]), "vacant_since": _day(row["vacant_since"])}


def _tenancy_date(date) -> dt.date:
    if _missing(date) or not isinstance(date, dt.date):
        raise _refuse("date", "Enter the date of the change.", "Vul de datum van de wijziging in.")
    return date.date() if isinstance(date, dt.datetime) else date


def _votes_from(ds: Dataset, dwelling: str, day: dt.date) -> pd.DataFrame:
    """The dwelling's current votes (one per project) dated on or after ``day``: of its
    current tenant when it is let, any when it is vacant."""
    v = ds.votes
    v = v[v["dwelling"].isin([dwelling]).to_numpy(dtype=bool)]
    row = _dwelling_row(ds, dwelling)
    dates = v["date"].to_numpy(dtype="datetime64[D]")
    limit = np.datetime64(day, "D")
    later = dates >= limit
    mine = by_current_tenant(v["date"], row["let_since"]) if row["let"] else np.ones(len(v), bool)
    return v[later & mine & ~np.isnat(dates)]


def _refuse_later_votes(later: pd.DataFrame, dwelling: str, en: str, nl: str) -> None:
    if len(later):
        first = later.iloc[0]
        when = pd.Timestamp(first["date"]).date()
        raise _refuse("date", f"The vote for project {first['project']} of {dwelling} is dated "
                              f"{when:%d-%m-%Y}, {en}.",
                      f"De stem voor project {first['project']} van {dwelling} is van "
                      f"{when:%d-%m-%Y}, {nl}.")


def move_out(ds: Dataset, dwelling: str, date: dt.date, *, expected_version: int | None = None,
             label: str = "") -> SetTenancy:
    """The tenant of ``dwelling`` moved out: vacant from ``date`` (the first day without a
    tenant).  The tenant's votes stay in the history as a former tenant's and no longer
    count (the dwelling has no tenant).  Refused for a vacant dwelling, a date before the
    tenancy started, and while one of the tenant's votes is dated on or after it."""
    date = _tenancy_date(date)
    row = _dwelling_row(ds, dwelling)
    if not row["let"]:
        since = f" since {row['vacant_since']:%d-%m-%Y}" if row["vacant_since"] else ""
        since_nl = f" sinds {row['vacant_since']:%d-%m-%Y}" if row["vacant_since"] else ""
        raise _refuse("dwelling", f"{dwelling} is vacant already{since}.",
                      f"{dwelling} staat al leeg{since_nl}.")
    if row["let_since"] is not None and date < row["let_since"]:
        raise _refuse("date", f"The tenancy of {dwelling} started on {row['let_since']:%d-%m-%Y}: "
                              "the move-out cannot be earlier.",
                      f"De huur van {dwelling} begon op {row['let_since']:%d-%m-%Y}: het vertrek "
                      "kan niet eerder zijn.")
    _refuse_later_votes(_votes_from(ds, dwelling, date), dwelling,
                        "on or after the day it is vacant from", "op of na de dag vanaf wanneer "
                        "de woning leegstaat")
    return SetTenancy(dwelling, False, row["let_since"], date, label=label,
                      expected_version=expected_version)


def new_tenant(ds: Dataset, dwelling: str, date: dt.date, *, expected_version: int | None = None,
               label: str = "") -> SetTenancy:
    """A new tenant for ``dwelling``, let from ``date``: the new tenant starts with no vote;
    earlier votes stay in the history as a former tenant's and no longer count.  On a
    let dwelling the current tenancy ends that day.  Refused for a date before the
    dwelling became vacant or on/before the current tenancy's start, and while a vote is
    dated on or after it (it would count as the new tenant's)."""
    date = _tenancy_date(date)
    row = _dwelling_row(ds, dwelling)
    if not row["let"] and row["vacant_since"] is not None and date < row["vacant_since"]:
        raise _refuse("date", f"{dwelling} is vacant since {row['vacant_since']:%d-%m-%Y}: the new "
                              "tenancy cannot start earlier.",
                      f"{dwelling} staat leeg sinds {row['vacant_since']:%d-%m-%Y}: de nieuwe huur "
                      "kan niet eerder beginnen.")
    if row["let"] and row["let_since"] is not None and date <= row["let_since"]:
        raise _refuse("date", f"The current tenancy of {dwelling} started on "
                              f"{row['let_since']:%d-%m-%Y}: a new one must start later.",
                      f"De huidige huur van {dwelling} begon op {row['let_since']:%d-%m-%Y}: een "
                      "nieuwe huur moet later beginnen.")
    _refuse_later_votes(_votes_from(ds, dwelling, date), dwelling,
                        "on or after the new tenancy's start: it would count as the new tenant's",
                        "op of na het begin van de nieuwe huur: die zou als stem van de nieuwe "
                        "huurder tellen")
    return SetTenancy(dwelling, True, date, None, label=label, expected_version=expected_version)


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
