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

from ..models.enums import STATUSES_NEEDING_SUPPORT, Status
from . import schema as s
from .workspace import ConflictError, WorkspaceError, _ensure_names, append_votes


def _where(table, key: dict[str, Any]):
    return and_(*[table.c[k] == v for k, v in key.items()])


def _describe(table_name: str, key: dict[str, Any]) -> str:
    return f"{table_name} " + ", ".join(str(v) for v in key.values())


@dataclass(frozen=True)
class Upsert:
    """Insert a record or update the given fields of an existing one.

    ``expected_version``: the row version the editor read; if the record has changed
    since, the edit is refused with :class:`ConflictError`.
    """

    table: str
    key: dict[str, Any]
    values: dict[str, Any]
    expected_version: int | None = None
    label: str = ""

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.table,)

    def apply(self, conn: Connection):
        table = s.TABLE_KEYS[self.table][0]
        old = conn.execute(select(table).where(_where(table, self.key))).mappings().first()
        if self.table == "complexes":
            row = {**(dict(old) if old else {}), **self.values}
            _ensure_names(conn, pd.DataFrame([{"corporation": row.get("corporation"),
                                               "neighbourhood": row.get("neighbourhood")}]))
        if old is None:
            if self.expected_version is not None:
                raise ConflictError(f"{_describe(self.table, self.key)} was deleted by someone else.")
            conn.execute(insert(table).values(**self.key, **self.values))
            return Delete(self.table, self.key, label=self.label)
        if self.expected_version is not None and old["row_version"] != self.expected_version:
            raise ConflictError(
                f"{_describe(self.table, self.key)} was changed by someone else since you opened it; "
                "reload to see the current values.")
        previous = {k: old[k] for k in self.values}
        conn.execute(update(table).where(_where(table, self.key))
                     .values(**self.values, row_version=table.c.row_version + 1))
        return Upsert(self.table, self.key, previous, label=self.label)


@dataclass(frozen=True)
class Delete:
    """Delete one record.  Refused while other records depend on it, and for projects
    with recorded votes (votes carry legal weight and are never thrown away)."""

    table: str
    key: dict[str, Any]
    label: str = ""

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.table,)

    def apply(self, conn: Connection):
        table = s.TABLE_KEYS[self.table][0]
        old = conn.execute(select(table).where(_where(table, self.key))).mappings().first()
        if old is None:
            raise WorkspaceError(f"{_describe(self.table, self.key)} does not exist (any more).")
        if self.table == "projects":
            n = conn.execute(select(s.vote_events.c.id).where(
                s.vote_events.c.project == self.key["project"]).limit(1)).first()
            if n is not None:
                raise WorkspaceError(
                    f"Project {self.key['project']} has recorded votes and cannot be deleted; "
                    "set its status to 'vervallen' instead.")
            conn.execute(delete(s.status_events).where(s.status_events.c.project == self.key["project"]))
        conn.execute(delete(table).where(_where(table, self.key)))
        values = {k: v for k, v in dict(old).items() if k not in self.key and k != "row_version"}
        return Upsert(self.table, self.key, values, label=self.label)


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
        old = conn.execute(select(p.c.status, p.c.complex).where(p.c.project == self.project)).first()
        if old is None:
            raise WorkspaceError(f"Project {self.project} does not exist.")
        if new in STATUSES_NEEDING_SUPPORT and Status.parse(old[0]) not in STATUSES_NEEDING_SUPPORT \
                and not (self.reason and self.reason.strip()):
            gate = support_gate(conn, self.project, old[1])
            if gate is not None:
                raise GateError(gate)
        conn.execute(update(p).where(p.c.project == self.project)
                     .values(status=new.value, row_version=p.c.row_version + 1))
        conn.execute(insert(s.status_events).values(
            project=self.project, old_status=old[0], new_status=new.value, reason=self.reason,
            changed_by=self.changed_by, changed_at=dt.datetime.now().replace(microsecond=0)))
        return SetStatus(self.project, old[0], reason="undo", changed_by=self.changed_by,
                         label=self.label)


class GateError(WorkspaceError):
    """Support not reached: moving on needs a reason."""


def support_gate(conn: Connection, project: str, complex_id: str) -> str | None:
    """None when the project may move to akkoord or later; else the reason why not."""
    from ..models import support

    d = s.dwellings
    lets = conn.execute(select(d.c.dwelling, d.c.let).where(d.c.complex == complex_id)).all()
    if lets:
        dwellings = len(lets)
        let_ids = {r[0] for r in lets if r[1]}
    else:
        declared = conn.execute(select(s.complexes.c.dwellings)
                                .where(s.complexes.c.complex == complex_id)).scalar() or 0
        dwellings, let_ids = declared, set()
    v = s.vote_events
    rows = conn.execute(select(v.c.dwelling, v.c.vote).where(v.c.project == project)
                        .order_by(v.c.id)).all()
    current = {dw: vote for dw, vote in rows}
    yes = sum(1 for dw, vote in current.items() if vote == "ja" and dw in let_ids)
    no = sum(1 for dw, vote in current.items() if vote == "nee" and dw in let_ids)
    t = support.tally(dwellings=dwellings, tenants=len(let_ids) if lets else dwellings, yes=yes, no=no)
    if t.dwellings < 10 or t.reached:
        return None
    return (f"Support for project {project} is {t.support_pct:.2f} % of {t.tenants} tenants; "
            f"70 % is needed ({t.yes_needed} more yes votes). Give a reason to proceed anyway.")


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
