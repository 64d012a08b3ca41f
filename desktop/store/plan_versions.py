"""Plan versions in the workspace (issue 21.3): list and load them, and the commands that
save, replace, delete and rename one (each one transaction, one undo step).

A version is a row of ``plan_versions`` (its name is the key) and its projects, rows of
``plan_version_projects`` (the planning columns of the projects table).  The window and
the rules read versions from the :class:`~desktop.models.dataset.Dataset` the workspace
loads (``ds.plan_versions``, ``ds.plan_version_projects``); :func:`list_versions` and
:func:`load_version` read one straight from the database (the command line, a test).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from ..models import fields as registry
from ..models.dataset import conform
from . import schema as s
from .workspace import Workspace, WorkspaceError, bulk_insert, current_user, now

HEADER_FIELDS = tuple(f.name for f in registry.table("plan_versions").fields
                      if f.name not in s.EDITOR_COLUMNS)
PROJECT_FIELDS = tuple(f.name for f in registry.table("plan_version_projects").fields
                       if f.name not in s.EDITOR_COLUMNS)


def _refused(en: str, nl: str) -> WorkspaceError:
    exc = WorkspaceError(en)
    exc.message_nl = nl
    return exc


def _read(conn: Connection, version: str) -> tuple[dict | None, pd.DataFrame]:
    """The version's header (every column but the surrogate id) and its projects, as
    stored (with their last editor), or (None, empty) when there is no such version."""
    v, p = s.plan_versions, s.plan_version_projects
    head = conn.execute(select(*[c for c in v.c if c.name != "id"])
                        .where(v.c.version == version).with_for_update()).mappings().first()
    if head is None:
        return None, pd.DataFrame(columns=[c.name for c in p.c])
    rows = conn.execute(select(p).where(p.c.version == version).order_by(p.c.project)).mappings().all()
    return dict(head), pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in p.c])


def _write(conn: Connection, version: str, header: dict, projects: pd.DataFrame) -> None:
    v, p = s.plan_versions, s.plan_version_projects
    head = {k: val for k, val in header.items() if k in v.c and k != "id"}
    head["version"] = version
    head.setdefault("kind", "plan")
    if head.get("kind") is None:
        head["kind"] = "plan"
    conn.execute(insert(v).values(**head))
    if len(projects):
        frame = projects.copy()
        frame["version"] = version
        cols = [c for c in frame.columns if c in p.c]
        bulk_insert(conn, p, frame[cols])


@dataclass(frozen=True)
class ReplaceVersion:
    """Make the stored version ``version`` exactly ``header`` + ``projects`` (None: remove
    it).  ``header``: the plan_versions fields; ``projects``: a frame with the
    plan_version_projects fields (its version column is set to ``version``).  The
    inverse puts back what was there (or removes what was added)."""

    version: str
    header: dict[str, Any] | None = field(default=None, compare=False)
    projects: pd.DataFrame | None = field(default=None, compare=False)
    label: str = ""

    tables = ("plan_versions", "plan_version_projects")

    def apply(self, conn: Connection):
        old_header, old_projects = _read(conn, self.version)
        p, v = s.plan_version_projects, s.plan_versions
        if old_header is not None:
            conn.execute(delete(p).where(p.c.version == self.version))
            conn.execute(delete(v).where(v.c.version == self.version))
        if self.header is not None:
            user, stamp = current_user(conn), now()
            header = {"created": stamp, "created_by": user, **self.header,
                      "changed_by": user, "changed_at": stamp}
            projects = self.projects if self.projects is not None else pd.DataFrame()
            if len(projects):
                projects = projects.assign(changed_by=user, changed_at=pd.Timestamp(stamp)) \
                    if "changed_at" not in projects.columns else projects
            _write(conn, self.version, header, projects)
        return ReplaceVersion(self.version, old_header, old_projects if old_header else None,
                              label=self.label)


@dataclass(frozen=True)
class RenameVersion:
    """Give a stored version another name (refused when that name is taken); its
    projects follow.  The inverse renames it back."""

    old: str
    new: str
    label: str = ""

    tables = ("plan_versions", "plan_version_projects")

    def apply(self, conn: Connection):
        header, projects = _read(conn, self.old)
        if header is None:
            raise _refused(f"Plan version {self.old!r} does not exist (any more).",
                           f"Planversie {self.old!r} bestaat niet (meer).")
        taken, _ = _read(conn, self.new)
        if taken is not None:
            raise _refused(f"A plan version named {self.new!r} exists already.",
                           f"Er bestaat al een planversie met de naam {self.new!r}.")
        p, v = s.plan_version_projects, s.plan_versions
        conn.execute(delete(p).where(p.c.version == self.old))
        conn.execute(delete(v).where(v.c.version == self.old))
        header = {**header, "row_version": (header.get("row_version") or 1) + 1,
                  "changed_by": current_user(conn), "changed_at": now(),
                  "changed_fields": "version"}
        _write(conn, self.new, header, projects)
        return RenameVersion(self.new, self.old, label=self.label)


@dataclass(frozen=True)
class SetVersionNote:
    """Change a version's note (the inverse sets the old one back)."""

    version: str
    note: str | None
    label: str = ""

    tables = ("plan_versions",)

    def apply(self, conn: Connection):
        v = s.plan_versions
        old = conn.execute(select(v.c.note).where(v.c.version == self.version)
                           .with_for_update()).first()
        if old is None:
            raise _refused(f"Plan version {self.version!r} does not exist (any more).",
                           f"Planversie {self.version!r} bestaat niet (meer).")
        conn.execute(update(v).where(v.c.version == self.version).values(
            note=self.note, row_version=v.c.row_version + 1, changed_by=current_user(conn),
            changed_at=now(), changed_fields="note"))
        return SetVersionNote(self.version, old[0], label=self.label)


# ----- reading ------------------------------------------------------------------------
def list_versions(ws: Workspace) -> pd.DataFrame:
    """Every stored version (plan_versions fields), oldest first."""
    v = s.plan_versions
    with ws.engine.connect() as conn:
        rows = conn.execute(select(*[v.c[f] for f in registry.dtypes("plan_versions")])
                            .order_by(v.c.created, v.c.id)).mappings().all()
    return conform("plan_versions", [dict(r) for r in rows])


def load_version(ws: Workspace, version: str) -> pd.DataFrame:
    """The projects of a stored version as a ``plan_version_projects`` frame (empty when
    the version does not exist)."""
    p = s.plan_version_projects
    with ws.engine.connect() as conn:
        rows = conn.execute(select(*[p.c[f] for f in registry.dtypes("plan_version_projects")])
                            .where(p.c.version == version).order_by(p.c.project)).mappings().all()
    return conform("plan_version_projects", [dict(r) for r in rows])


__all__ = ["ReplaceVersion", "RenameVersion", "SetVersionNote", "list_versions", "load_version",
           "HEADER_FIELDS", "PROJECT_FIELDS"]
