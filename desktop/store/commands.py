"""Edits as values: applying a command on a connection returns its inverse.

The window wraps these in a thin ``QUndoCommand``; the store applies each in one
transaction (``Workspace.apply``).  Votes are never edited in place: recording,
correcting and undoing a vote all append an entry to its history.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..models import support
from ..models.enums import STATUSES_NEEDING_SUPPORT, Status
from . import schema as s
from .workspace import (
    ConflictError, WorkspaceError, _ensure_names, append_votes, current_user, lock_projects, now,
)

# Dutch names of the records a conflict message names
_TABLE_NL = {"complexes": "complex", "dwellings": "woning", "projects": "project",
             "targets": "doelstelling", "tariffs": "tarief", "emission_factors": "emissiefactor",
             "capacities": "capaciteit"}
_TABLE_EN = {"complexes": "complex", "dwellings": "dwelling", "projects": "project",
             "targets": "target", "tariffs": "tariff", "emission_factors": "emission factor",
             "capacities": "capacity"}


def _where(table, key: dict[str, Any]):
    return and_(*[table.c[k] == v for k, v in key.items()])


def _describe(table_name: str, key: dict[str, Any]) -> str:
    return f"{table_name} " + ", ".join(str(v) for v in key.values())


def _same(a, b) -> bool:
    if a is None or b is None or (isinstance(a, float) and pd.isna(a)) or (isinstance(b, float) and pd.isna(b)):
        return (a is None or pd.isna(a)) and (b is None or pd.isna(b))
    if isinstance(a, dt.datetime) or isinstance(b, dt.datetime):
        return pd.Timestamp(a) == pd.Timestamp(b)
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return pd.Timestamp(a).date() == pd.Timestamp(b).date()
    return a == b


def conflict(table_name: str, key: dict[str, Any], current, expected: dict[str, Any] | None = None,
             *, deleted: bool = False) -> ConflictError:
    """The refusal of an edit made against an older version of a record: what changed
    (the fields whose values differ from ``expected``, else those of the last edit) and
    who changed it, in English and Dutch."""
    what = ", ".join(str(v) for v in key.values())
    en_name, nl_name = _TABLE_EN.get(table_name, table_name), _TABLE_NL.get(table_name, table_name)
    if deleted or current is None:
        return ConflictError(
            f"{en_name.capitalize()} {what} was deleted by someone else since you opened it.",
            message_nl=f"{nl_name.capitalize()} {what} is intussen door iemand anders verwijderd.",
            table=table_name, key=key)
    row = dict(current)
    if expected:
        fields = tuple(k for k, v in expected.items() if k in row and not _same(row[k], v))
    else:
        fields = ()
    if not fields and row.get("changed_fields"):
        fields = tuple(f.strip() for f in str(row["changed_fields"]).split(",") if f.strip())
    who, when = row.get("changed_by"), row.get("changed_at")
    at = f" at {when:%Y-%m-%d %H:%M}" if when is not None else ""
    at_nl = f" op {when:%d-%m-%Y} om {when:%H:%M}" if when is not None else ""
    en = (f"{en_name.capitalize()} {what} was changed by someone else since you opened it: "
          f"{who or 'another user'} changed {', '.join(fields) or 'it'}{at}. "
          "Reload to see the current values, then make your edit again.")
    nl = (f"{nl_name.capitalize()} {what} is gewijzigd sinds u het opende: "
          f"{who or 'een andere gebruiker'} wijzigde {', '.join(fields) or 'het'}{at_nl}. "
          "Laad opnieuw om de huidige waarden te zien en wijzig dan opnieuw.")
    return ConflictError(en, message_nl=nl, table=table_name, key=key, fields=fields,
                         changed_by=who, changed_at=when)


def _refused(en: str, nl: str) -> WorkspaceError:
    exc = WorkspaceError(en)
    exc.message_nl = nl
    return exc


@dataclass(frozen=True)
class Upsert:
    """Insert a record or update the given fields of an existing one.

    ``expected_version``: the row version the editor read; if the record has changed
    since, the edit is refused with :class:`ConflictError` naming what changed and who
    changed it (``expected``: the values the editor read, to name the changed fields
    exactly; else the fields of the last edit are named).  ``user``: who makes the edit,
    kept as the record's last editor (default: the workspace's user).
    """

    table: str
    key: dict[str, Any]
    values: dict[str, Any]
    expected_version: int | None = None
    label: str = ""
    user: str | None = None
    expected: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.table,)

    def apply(self, conn: Connection):
        table = s.TABLE_KEYS[self.table][0]
        # FOR UPDATE: on PostgreSQL the row stays locked until commit, so the version
        # checked is the version overwritten (SQLite holds the database's write lock)
        old = conn.execute(select(table).where(_where(table, self.key))
                           .with_for_update()).mappings().first()
        if self.table == "complexes":
            row = {**(dict(old) if old else {}), **self.values}
            _ensure_names(conn, pd.DataFrame([{"corporation": row.get("corporation"),
                                               "neighbourhood": row.get("neighbourhood")}]))
        user = self.user if self.user is not None else current_user(conn)
        editor = {"changed_by": user, "changed_at": now(), "changed_fields": ", ".join(self.values)}
        if old is None:
            if self.expected_version is not None:
                raise conflict(self.table, self.key, None, deleted=True)
            conn.execute(insert(table).values(**self.key, **self.values, **editor))
            return Delete(self.table, self.key, label=self.label, user=self.user)
        if self.expected_version is not None and old["row_version"] != self.expected_version:
            raise conflict(self.table, self.key, old, self.expected)
        previous = {k: old[k] for k in self.values}
        done = conn.execute(update(table).where(_where(table, self.key),
                                                table.c.row_version == old["row_version"])
                            .values(**self.values, **editor, row_version=table.c.row_version + 1))
        if done.rowcount != 1:     # cannot happen with the lock above; never overwrite blindly
            raise conflict(self.table, self.key, old, self.expected)
        return Upsert(self.table, self.key, previous, label=self.label, user=self.user)


@dataclass(frozen=True)
class Delete:
    """Delete one record.  Refused while other records depend on it, and for projects
    with recorded votes (votes carry legal weight and are never thrown away)."""

    table: str
    key: dict[str, Any]
    label: str = ""
    user: str | None = None
    expected_version: int | None = None

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.table,)

    def apply(self, conn: Connection):
        table = s.TABLE_KEYS[self.table][0]
        old = conn.execute(select(table).where(_where(table, self.key))
                           .with_for_update()).mappings().first()
        if old is None:
            if self.expected_version is not None:
                raise conflict(self.table, self.key, None, deleted=True)
            raise WorkspaceError(f"{_describe(self.table, self.key)} does not exist (any more).")
        if self.expected_version is not None and old["row_version"] != self.expected_version:
            raise conflict(self.table, self.key, old)
        if self.table == "projects":
            n = conn.execute(select(s.vote_events.c.id).where(
                s.vote_events.c.project == self.key["project"]).limit(1)).first()
            if n is not None:
                raise WorkspaceError(
                    f"Project {self.key['project']} has recorded votes and cannot be deleted; "
                    "set its status to 'vervallen' instead.")
            conn.execute(delete(s.status_events).where(s.status_events.c.project == self.key["project"]))
        # what refers to a complex or a dwelling keeps it (checked here too: someone else
        # may have added a project or a vote since the editor looked)
        if self.table == "complexes":
            for other, nl in ((s.projects, "projecten"), (s.dwellings, "woningen")):
                hit = conn.execute(select(other.c[other.name[:-1]]).where(
                    other.c.complex == self.key["complex"]).limit(1)).first()
                if hit is not None:
                    raise _refused(
                        f"Complex {self.key['complex']} cannot be deleted: {other.name} refer to "
                        f"it (e.g. {hit[0]}).",
                        f"Complex {self.key['complex']} kan niet worden verwijderd: "
                        f"er verwijzen {nl} naar (bijv. {hit[0]}).")
        if self.table == "dwellings":
            hit = conn.execute(select(s.vote_events.c.project).where(
                s.vote_events.c.dwelling == self.key["dwelling"]).limit(1)).first()
            if hit is not None:
                raise _refused(
                    f"Dwelling {self.key['dwelling']} has recorded votes (project {hit[0]}) and "
                    "cannot be removed.",
                    f"Voor woning {self.key['dwelling']} zijn stemmen vastgelegd "
                               f"(project {hit[0]}); de woning kan niet worden verwijderd.")
        conn.execute(delete(table).where(_where(table, self.key)))
        values = {k: v for k, v in dict(old).items()
                  if k not in self.key and k not in s.EDITOR_COLUMNS}
        return Upsert(self.table, self.key, values, label=self.label, user=self.user)


@dataclass(frozen=True)
class RecordVotes:
    """Append votes (a frame with project, dwelling, vote, date, recorded_by).

    The inverse records the previous values again (or 'geen reactie' where there was
    none) as new entries, so undo never erases history."""

    votes: pd.DataFrame = field(compare=False)
    note: str | None = None
    label: str = ""

    tables = ("votes",)

    def apply(self, conn: Connection):
        v = s.vote_events
        keys = list(zip(self.votes["project"], self.votes["dwelling"]))
        previous = []
        for project, dwelling in keys:
            row = conn.execute(select(v.c.vote, v.c.vote_date, v.c.recorded_by)
                               .where(v.c.project == project, v.c.dwelling == dwelling)
                               .order_by(v.c.id.desc()).limit(1)).first()
            previous.append({"project": project, "dwelling": dwelling,
                             "vote": row[0] if row else "geen reactie",
                             "date": row[1] if row else None,
                             "recorded_by": row[2] if row else None})
        append_votes(conn, self.votes, note=self.note)
        return RecordVotes(pd.DataFrame(previous), note="undo", label=self.label)


@dataclass(frozen=True)
class SetTenancy:
    """A tenancy change of one dwelling: ``let``, ``let_since`` and ``vacant_since`` set
    together (a move-out: vacant from a date; a new tenant: let from a date), refused if
    the dwelling changed since ``expected_version``.  Votes are never touched: which of
    them count follows from the dates (:func:`desktop.models.support.by_current_tenant`),
    so a former tenant's vote stays in the history.  The inverse sets the previous
    three values back."""

    dwelling: str
    let: bool
    let_since: dt.date | None
    vacant_since: dt.date | None
    label: str = ""
    user: str | None = None
    expected_version: int | None = None

    tables = ("dwellings",)

    def apply(self, conn: Connection):
        d = s.dwellings
        if conn.execute(select(d.c.dwelling).where(d.c.dwelling == self.dwelling)).first() is None:
            raise WorkspaceError(f"Dwelling {self.dwelling} does not exist (any more).")
        inverse = Upsert("dwellings", {"dwelling": self.dwelling},
                         {"let": bool(self.let), "let_since": self.let_since,
                          "vacant_since": self.vacant_since},
                         expected_version=self.expected_version, user=self.user).apply(conn)
        old = inverse.values
        return SetTenancy(self.dwelling, bool(old["let"]), old["let_since"], old["vacant_since"],
                          label=self.label, user=self.user)


@dataclass(frozen=True)
class SetStatus:
    """Change a project's status; the change and any reason go into its history.

    The support gate: a project of 10 or more dwellings moves to akkoord or later only
    when support is reached, or with a reason (e.g. a court ruling)."""

    project: str
    status: str
    reason: str | None = None
    changed_by: str | None = None
    label: str = ""

    tables = ("projects",)

    def apply(self, conn: Connection):
        new = Status.parse(self.status)
        p = s.projects
        lock_projects(conn, [self.project])
        old = conn.execute(select(p.c.status, p.c.complex).where(p.c.project == self.project)).first()
        if old is None:
            raise WorkspaceError(f"Project {self.project} does not exist.")
        if new in STATUSES_NEEDING_SUPPORT and Status.parse(old[0]) not in STATUSES_NEEDING_SUPPORT \
                and not (self.reason and self.reason.strip()):
            t = gate_tally(conn, self.project, old[1])
            if support.needs_override(t, new):
                raise GateError(self.project, new.value, t)
        who = self.changed_by if self.changed_by is not None else current_user(conn)
        stamp = now()
        conn.execute(update(p).where(p.c.project == self.project)
                     .values(status=new.value, row_version=p.c.row_version + 1,
                             changed_by=who, changed_at=stamp, changed_fields="status"))
        conn.execute(insert(s.status_events).values(
            project=self.project, old_status=old[0], new_status=new.value, reason=self.reason,
            changed_by=who, changed_at=stamp))
        return SetStatus(self.project, old[0], reason="undo", changed_by=self.changed_by,
                         label=self.label)


class GateError(WorkspaceError):
    """Support not reached: moving on needs a reason.  Carries the project, the status
    asked for and the support figures (``tally``) the store counted."""

    def __init__(self, project: str, status: str, tally: "support.Tally"):
        self.project, self.status, self.tally = project, status, tally
        self.message_nl = (
            f"Het draagvlak voor project {project} is {tally.support_pct:.2f} % van "
            f"{tally.tenants} huurders; 70 % is nodig (nog {tally.yes_needed} stemmen voor). "
            "Geef een reden om toch door te gaan.")
        super().__init__(
            f"Support for project {project} is {tally.support_pct:.2f} % of {tally.tenants} "
            f"tenants; 70 % is needed ({tally.yes_needed} more yes votes). Give a reason to "
            "proceed anyway.")


def gate_tally(conn: Connection, project: str, complex_id: str) -> "support.Tally":
    """The project's support as the gate sees it: counted with
    :func:`desktop.models.support.tally_votes`, the function the views' figures come
    from, on the complex's dwellings and the project's vote history."""
    d = s.dwellings
    lets = conn.execute(select(d.c.dwelling, d.c.let, d.c.let_since)
                        .where(d.c.complex == complex_id)).all()
    declared = None if lets else conn.execute(
        select(s.complexes.c.dwellings).where(s.complexes.c.complex == complex_id)).scalar()
    dwellings, tenants = support.complex_size([r[1] for r in lets], declared)
    v = s.vote_events
    history = conn.execute(select(v.c.dwelling, v.c.vote, v.c.vote_date).where(v.c.project == project)
                           .order_by(v.c.id)).all()
    return support.tally_votes(dwellings, tenants, {r[0] for r in lets if r[1]}, history,
                               {r[0]: r[2] for r in lets if r[2] is not None})


def support_gate(conn: Connection, project: str, complex_id: str) -> str | None:
    """None when the project may move to akkoord or later; else the reason why not."""
    t = gate_tally(conn, project, complex_id)
    if not support.needs_override(t, Status.AGREED):
        return None
    return str(GateError(project, Status.AGREED.value, t))


@dataclass(frozen=True)
class Batch:
    """Several commands as one edit (one transaction, one undo step)."""

    commands: tuple
    label: str = ""

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(sorted({t for c in self.commands for t in c.tables}))

    def apply(self, conn: Connection):
        inverses = [c.apply(conn) for c in self.commands]
        return Batch(tuple(reversed(inverses)), label=self.label)
