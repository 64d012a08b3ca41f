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

from .models import fields as registry
from .models import invariants, programme
from .models.dataset import Dataset, conform
from .models.enums import Status, Vote
from .models.support import by_current_tenant
from .store.commands import Batch, Delete, RecordVotes, SetStatus, SetTenancy, Upsert


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
    is not in the project's complex or is vacant, for an unknown vote and without the
    name of who records it."""
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
    they equal the project's."""
    unknown = set(values) - {"campaign_start", "notified_on"}
    if unknown:
        raise ValueError(f"not a campaign date: {sorted(unknown)}")
    old = project_record(ds, project) or {}
    current = {k: None if _missing(old.get(k)) else pd.Timestamp(old[k]).date() for k in values}
    if dict(values) == current:
        return None
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


# ----- the stock: complexes, dwellings, agreed targets --------------------------------
# A record is checked with the invariants the workbook reader applies
# (:func:`desktop.models.invariants.validate_dataset`, derived from the field registry):
# the edited rows are validated against the rest of the workspace, so a reference to a
# complex that does not exist, a value out of range, a label that is not a label or a
# dwelling count that does not match the complex's dwellings is refused with the same
# rule and message as in a workbook.  Values come in store units (money in whole cents);
# a number the form did not understand comes as its text and is refused.
# The tables the Stock page and the target editor edit.
STOCK_TABLES = ("complexes", "dwellings", "targets")

# A complex's figures the dwellings give when they have them (the form's hint).
PER_DWELLING = ("label", "gas_m3", "electricity_kwh", "rent_cents")


def _blank(v) -> bool:
    return _plain(v) is None or (isinstance(v, str) and not v.strip())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _type_errors(table: str, values: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Numbers that are not numbers, whole numbers with fractions, cents with fractions."""
    errors = {}
    decl = registry.table(table)
    for name, value in values.items():
        kind = decl.field(name).kind
        if kind not in ("int", "money", "number") or _blank(value):
            continue
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
            errors[name] = (f"{value!r} is not a number.", f"{value!r} is geen getal.")
        elif kind == "int" and value != int(value):
            errors[name] = ("Enter a whole number.", "Vul een geheel getal in.")
        elif kind == "money" and value != int(value):
            errors[name] = ("Use at most two decimals.", "Gebruik hoogstens twee decimalen.")
    return errors


def _clean(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Blank text as None, text trimmed, whole numbers as int (store values)."""
    decl = registry.table(table)
    out = {}
    for name, value in values.items():
        value = _plain(value)
        if isinstance(value, str):
            value = value.strip() or None
        kind = decl.field(name).kind
        if value is not None and kind in ("int", "money"):
            value = int(value)
        elif value is not None and kind == "number":
            value = float(value)
        out[name] = value
    return out


def check_rows(ds: Dataset, table: str, rows: list[dict[str, Any]], *,
               counted: bool = True) -> None:
    """Refuse ``rows`` (whole records of ``table``) that break an invariant of the
    workbook reader, judged against the rest of ``ds``; the first problem per field.
    ``counted`` False: leave the workspace's dwellings out (a new record whose id is
    taken is not the complex those dwellings belong to)."""
    errors: dict[str, tuple[str, str]] = {}
    frame = conform(table, rows)
    # empty tables as zero-row views of the workspace's (building new empty frames
    # costs ~10 ms a table)
    empty = {name: f.iloc[:0] for name, f in ds.frames().items()}
    candidate = Dataset(**{**empty, table: frame})
    # the records the rows can be judged against: their complexes and those complexes'
    # dwellings (at 100,000 dwellings the whole workspace would take 0.2 s per check)
    context = None
    if "complex" in frame.columns:
        ids = frame["complex"].dropna().unique()
        context = Dataset(**{
            **empty, "complexes": ds.complexes[ds.complexes["complex"].isin(ids).to_numpy(dtype=bool)],
            "dwellings": ds.dwellings[ds.dwellings["complex"].isin(ids if counted else [])
                                     .to_numpy(dtype=bool)]})
    for p in invariants.validate_dataset(candidate, context=context):
        if p.table == table and p.column and p.column not in errors:
            errors[p.column] = (_sentence(p.message), _sentence(p.message_nl or p.message))
    if errors:
        raise EditError(errors)


def record(ds: Dataset, table: str, key: Mapping[str, Any]) -> dict[str, Any] | None:
    """The record of ``table`` with ``key`` as plain values, or None."""
    frame = getattr(ds, table)
    mask = np.ones(len(frame), dtype=bool)
    for k, v in key.items():
        mask &= (frame[k].isna() if v is None else frame[k].isin([v])).to_numpy(dtype=bool)
    hit = np.flatnonzero(mask)
    if not len(hit):
        return None
    return {k: _plain(v) for k, v in frame.iloc[int(hit[0])].to_dict().items()}


def _save(ds: Dataset, table: str, values: Mapping[str, Any], new: bool,
          expected_version: int | None, label: str, what: tuple[str, str]):
    """Check and save one record (keys in ``values``); None when nothing changed."""
    decl = registry.table(table)
    errors = _type_errors(table, values)
    if errors:
        raise EditError(errors)
    values = _clean(table, values)
    for name in decl.keys:
        if values.get(name) is None and decl.field(name).required:   # usage.dwelling may be empty
            errors[name] = ("This value is required.", "Deze waarde is verplicht.")
    key = {k: values[k] for k in decl.keys}
    old = None if errors else record(ds, table, key)
    en, nl = what
    if new and old is not None:
        errors[decl.keys[-1]] = (f"{en.capitalize()} with this id exists already.",
                                 f"Er bestaat al een {nl} met dit nummer.")
    if not new and old is None and not errors:
        raise EditError({decl.keys[0]: (f"This {en} does not exist any more.",
                                        f"Deze {nl} bestaat niet meer.")})
    try:          # every invalid field at once
        check_rows(ds, table, [{**(old if not new else {}), **values}], counted=not (new and old is not None))
    except EditError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise EditError(errors)
    rest = {k: v for k, v in values.items() if k not in decl.keys}
    if new:
        return Upsert(table, key, rest, label=label)
    changed = {k: v for k, v in rest.items() if not same(old.get(k), v)}
    if not changed:
        return None
    return Upsert(table, key, changed, expected_version=expected_version,
                  expected={k: old.get(k) for k in changed}, label=label)


# ----- complexes --------------------------------------------------------------------
def save_complex(ds: Dataset, values: Mapping[str, Any], *, new: bool,
                 expected_version: int | None = None, label: str = ""):
    """Create (``new``) or update a complex (its id does not change)."""
    return _save(ds, "complexes", values, new, expected_version, label, ("a complex", "complex"))


def complex_users(ds: Dataset, complex_id: str) -> tuple[list[str], int]:
    """The projects of a complex and the number of votes recorded on its dwellings."""
    p = ds.projects
    projects = sorted(p.loc[p["complex"].isin([complex_id]).to_numpy(dtype=bool), "project"]
                      .astype(str))
    d = ds.dwellings
    ids = d.loc[d["complex"].isin([complex_id]).to_numpy(dtype=bool), "dwelling"]
    votes = int(ds.votes["dwelling"].isin(ids).sum()) if len(ids) else 0
    return projects, votes


def delete_complex(ds: Dataset, complex_id: str, *, expected_version: int | None = None,
                   label: str = ""):
    """Delete a complex and its dwellings (one undo step); refused while projects or
    votes refer to it, naming them."""
    projects, votes = complex_users(ds, complex_id)
    if projects or votes:
        shown = ", ".join(projects[:5]) + (" …" if len(projects) > 5 else "")
        en = (f"Complex {complex_id} cannot be deleted: projects {shown} refer to it"
              if projects else f"Complex {complex_id} cannot be deleted")
        nl = (f"Complex {complex_id} kan niet worden verwijderd: projecten {shown} verwijzen ernaar"
              if projects else f"Complex {complex_id} kan niet worden verwijderd")
        if votes:
            en += f"; {votes} tenant vote(s) are recorded on its dwellings"
            nl += f"; er zijn {votes} stem(men) van huurders op de woningen vastgelegd"
        raise EditError({"complex": (en + ". Delete or move those projects first.",
                                     nl + ". Verwijder of verplaats die projecten eerst.")})
    d = ds.dwellings
    ids = d.loc[d["complex"].isin([complex_id]).to_numpy(dtype=bool), "dwelling"].astype(str)
    commands = [Delete("dwellings", {"dwelling": i}, label=label) for i in ids]
    commands.append(Delete("complexes", {"complex": complex_id}, label=label,
                           expected_version=expected_version))
    return _batch(commands, label)


# ----- dwellings --------------------------------------------------------------------
def _count_follows(ds: Dataset, complex_id: str, rows: int, label: str) -> list:
    """Keep the complex's declared dwelling count equal to its Woningen rows (the
    invariant), when it has rows."""
    old = record(ds, "complexes", {"complex": complex_id}) or {}
    if rows <= 0 or same(old.get("dwellings"), rows):
        return []
    return [Upsert("complexes", {"complex": complex_id}, {"dwellings": rows}, label=label)]


def _rows_of(ds: Dataset, complex_id: str) -> int:
    return int(ds.dwellings["complex"].isin([complex_id]).sum())


def add_dwelling(ds: Dataset, values: Mapping[str, Any], label: str = ""):
    """Add a dwelling to its complex; the complex's dwelling count follows."""
    command = _save(ds, "dwellings", values, True, None, label, ("a dwelling", "woning"))
    complex_id = _clean("dwellings", {"complex": values.get("complex")})["complex"]
    follow = _count_follows(ds, complex_id, _rows_of(ds, complex_id) + 1, label)
    return _batch([command, *follow], label)


def _let_with_votes(ds: Dataset, olds: list[Mapping[str, Any]], values: Mapping[str, Any]) -> None:
    """Refuse flipping let/vacant by hand on a dwelling with recorded votes: only a
    tenancy change (:func:`move_out`, :func:`new_tenant`, dated) can tell whose votes
    they are, else a former tenant's vote would count again (or a vacant dwelling's
    vote be an error in the workbook)."""
    if "let" not in values or values["let"] is None:
        return
    flipped = [o["dwelling"] for o in olds
               if bool(True if _missing(o.get("let")) else o.get("let")) != bool(values["let"])]
    voted = sorted(set(ds.votes.loc[ds.votes["dwelling"].isin(flipped), "dwelling"].astype(str)))
    if voted:
        shown = ", ".join(voted[:5]) + (" …" if len(voted) > 5 else "")
        raise _refuse("let", f"Tenants voted for {shown}: record the change with its date on the "
                             "Tenant support page (Tenancy change: Tenant moved out… / New tenant…), "
                             "so that a former tenant's vote no longer counts.",
                      f"Voor {shown} stemden huurders: leg de wijziging met de datum vast op de "
                      "pagina Draagvlak (Huurderswissel: Huurder vertrokken… / Nieuwe huurder…), "
                      "zodat de stem van een vorige huurder niet meer telt.")


def save_dwelling(ds: Dataset, values: Mapping[str, Any], *, expected_version: int | None = None,
                  label: str = ""):
    """Update one dwelling (its id and complex do not change); let/vacant of a dwelling
    with votes changes only by a dated tenancy change (:func:`move_out`, :func:`new_tenant`)."""
    old = record(ds, "dwellings", {"dwelling": values.get("dwelling")})
    if old is not None:
        _let_with_votes(ds, [old], values)
    return _save(ds, "dwellings", values, False, expected_version, label, ("a dwelling", "woning"))


def edit_dwellings(ds: Dataset, ids: Iterable[str], values: Mapping[str, Any],
                   versions: Mapping[tuple, int] | None = None, label: str = ""):
    """Set the same ``values`` (e.g. a new label after a retrofit) on several dwellings
    as one undo step; each refused if it changed since its row version.  None when no
    dwelling changes."""
    ids = list(dict.fromkeys(ids))
    values = {k: v for k, v in values.items() if k not in ("dwelling", "complex")}
    errors = _type_errors("dwellings", values)
    if errors:
        raise EditError(errors)
    values = _clean("dwellings", values)
    d = ds.dwellings
    rows = d[d["dwelling"].isin(ids).to_numpy(dtype=bool)]
    if not len(rows) or not values:
        return None
    olds = [{k: _plain(v) for k, v in r.items()} for r in rows.to_dict("records")]
    _let_with_votes(ds, olds, values)
    check_rows(ds, "dwellings", [{**o, **values} for o in olds])
    versions = versions or {}
    commands = []
    for old in olds:
        changed = {k: v for k, v in values.items() if not same(old.get(k), v)}
        if changed:
            commands.append(Upsert("dwellings", {"dwelling": old["dwelling"]}, changed,
                                   expected_version=versions.get((old["dwelling"],)),
                                   expected={k: old.get(k) for k in changed}, label=label))
    return _batch(commands, label)


def delete_dwellings(ds: Dataset, ids: Iterable[str], label: str = ""):
    """Remove dwellings (one undo step); refused for a dwelling with recorded votes.
    The complexes' dwelling counts follow."""
    ids = list(dict.fromkeys(ids))
    voted = sorted(set(ds.votes.loc[ds.votes["dwelling"].isin(ids), "dwelling"].astype(str)))
    if voted:
        shown = ", ".join(voted[:5]) + (" …" if len(voted) > 5 else "")
        raise EditError({"dwelling": (
            f"Not removed: tenant votes are recorded for {shown}; votes are never thrown away.",
            f"Niet verwijderd: voor {shown} zijn stemmen van huurders vastgelegd; stemmen "
            "worden nooit weggegooid.")})
    d = ds.dwellings
    rows = d[d["dwelling"].isin(ids).to_numpy(dtype=bool)]
    if not len(rows):
        return None
    commands: list = [Delete("dwellings", {"dwelling": str(i)}, label=label) for i in rows["dwelling"]]
    for complex_id, gone in rows.groupby("complex", observed=True).size().items():
        commands += _count_follows(ds, str(complex_id), _rows_of(ds, str(complex_id)) - int(gone),
                                   label)
    return _batch(commands, label)


# ----- agreed targets ---------------------------------------------------------------
def target_key(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values.get(k) for k in registry.table("targets").keys}


def save_target(ds: Dataset, values: Mapping[str, Any], original: Mapping[str, Any] | None = None,
                label: str = ""):
    """Create (``original`` None) or update an agreed target; a changed corporation or
    period replaces the old row (one undo step)."""
    errors = _type_errors("targets", values)
    if errors:
        raise EditError(errors)
    clean = _clean("targets", values)
    new_key = target_key(clean)
    old_key = _clean("targets", target_key(original)) if original else None
    if old_key is not None and old_key == new_key:
        return _save(ds, "targets", values, False, None, label, ("a target", "doel"))
    if record(ds, "targets", new_key) is not None and all(v is not None for v in new_key.values()):
        raise EditError({"to_year": (
            "A target for this corporation and period exists already.",
            "Er is al een doel voor deze corporatie en periode.")})
    command = _save(ds, "targets", values, True, None, label, ("a target", "doel"))
    if old_key is None:
        return command
    return _batch([Delete("targets", old_key, label=label), command], label)


def delete_target(ds: Dataset, key: Mapping[str, Any], label: str = ""):
    key = _clean("targets", target_key(key))
    return Delete("targets", key, label=label) if record(ds, "targets", key) else None


def known(frame: pd.DataFrame, column: str) -> list[str]:
    """The distinct values of a text column, sorted (a form's choices)."""
    return sorted(frame[column].dropna().astype(str).unique()) if len(frame) else []


__all__ = ["EditError", "same", "project_record", "check_project", "save_project",
           "move_projects", "moved", "delete_projects", "set_status", "check_capacity",
           "set_capacity", "record_vote", "move_out", "new_tenant", "campaign_dates", "YEAR_TABLES", "set_year_values",
           "set_years", "delete_year", "set_measure", "delete_measure",
           "STOCK_TABLES", "PER_DWELLING", "check_rows", "record", "save_complex",
           "complex_users", "delete_complex", "add_dwelling", "save_dwelling",
           "edit_dwellings", "delete_dwellings", "target_key", "save_target", "delete_target",
           "known"]


# ----- measured use, degree days, and what the catalogue learns from them (issue 23) ----
def usage_key(values: Mapping[str, Any]) -> dict[str, Any]:
    """The key of a usage row: complex, dwelling (None: the complex's own row), year."""
    return {k: _plain(values.get(k)) for k in registry.table("usage").keys}


def save_usage(ds: Dataset, values: Mapping[str, Any], original: Mapping[str, Any] | None = None,
               *, expected_version: int | None = None, label: str = ""):
    """Enter or correct one year's measured use of a dwelling or complex (``original``:
    the key the row had, when its key is changed: the old row goes, one undo step)."""
    values = {**values, "dwelling": None if _blank(values.get("dwelling")) else values.get("dwelling")}
    if original is not None and usage_key(original) != usage_key(values):
        cmd = _save(ds, "usage", values, True, None, label, ("reading", "meting"))
        return _batch([Delete("usage", usage_key(original), label=label), cmd], label)
    new = original is None
    return _save(ds, "usage", values, new, expected_version, label, ("reading", "meting"))


def delete_usage(key: Mapping[str, Any], label: str = "") -> Delete:
    return Delete("usage", usage_key(key), label=label)


def set_degree_days(ds: Dataset, year: int, degree_days: float, label: str = ""):
    """Enter or correct the degree days of a year (weather correction of measured gas)."""
    new = record(ds, "degree_days", {"year": _plain(year)}) is None
    return _save(ds, "degree_days", {"year": year, "degree_days": degree_days}, new, None, label,
                 ("degree days year", "graaddagenjaar"))


def delete_degree_days(year: int, label: str = "") -> Delete:
    return Delete("degree_days", {"year": int(year)}, label=label)


def learn_measure(ds: Dataset, measure: str, label: str = "") -> Upsert:
    """Set a catalogue measure's gas saving to what the completed projects realised
    (:func:`desktop.models.realised.measure_feedback`: the assumed saving × the average
    realisation ratio, rounded to whole m³); its electricity saving and cost stay."""
    from .models.measures import catalogue, find_measure
    from .models.realised import measure_feedback

    fb = measure_feedback(ds)
    hit = fb[fb["measure"] == measure]
    m = find_measure(measure, catalogue(ds))
    if not len(hit) or m is None:
        raise _refuse("measure", f"No completed project with measured use used {measure!r}.",
                      f"Geen opgeleverd project met gemeten verbruik gebruikte {measure!r}.")
    r = hit.iloc[0]
    pct = round(float(r["average_ratio"]) * 100)
    return set_measure(m.key, {
        "gas_saving_m3": float(round(float(r["realised_gas_m3"]))),
        "electricity_saving_kwh": float(m.electricity_saving_kwh),
        "cost_cents": int(round(m.cost_per_dwelling_eur * 100)),
        "source": f"gemeten: {pct} % van de aanname, {int(r['projects'])} project(en)",
    }, label=label)
