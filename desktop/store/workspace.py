"""The workspace: a SQLite file by default, a PostgreSQL database for teams.

One code path for both (SQLAlchemy Core); the schema is versioned with Alembic from
the first release.  Opening an older workspace migrates it after a backup copy;
a workspace from a newer version of the app is refused, never downgraded.

Every change goes through :meth:`Workspace.apply` (a command, see ``commands``) or
:meth:`Workspace.apply_import`, each one transaction.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd
from alembic import command as alembic_command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, func, insert, select
from sqlalchemy.engine import Connection, Engine

from ..models.dataset import SCHEMA, TABLES, Dataset, conform
from . import schema as s

MIGRATIONS = Path(__file__).with_name("migrations")
BACKUP_SUFFIX = ".backup"
SQLITE_MAGIC = b"SQLite format 3\x00"


class WorkspaceError(Exception):
    """A workspace cannot be opened or changed; the message says why, for the user."""


class NewerWorkspaceError(WorkspaceError):
    pass


class DamagedWorkspaceError(WorkspaceError):
    pass


class ConflictError(WorkspaceError):
    """A record changed since it was read (row version): the edit is refused."""


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def is_url(location: str | os.PathLike) -> bool:
    return "://" in str(location)


def _sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _records(frame: pd.DataFrame) -> list[dict]:
    """Frame rows as dicts of plain Python values, NA -> None, timestamps -> dates."""
    out = frame.astype(object).where(frame.notna(), None)
    for c, t in zip(frame.columns, frame.dtypes):
        if str(t).startswith("datetime64"):
            out[c] = [v.date() if v is not None else None for v in out[c]]
    return out.to_dict("records")


class Workspace:
    """An open workspace.  Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, engine: Engine, location: str, path: Path | None):
        self.engine = engine
        self.location = location
        self.path = path
        self._listeners: list[Callable[[set[str]], None]] = []

    # ----- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, location: str | os.PathLike, *, create: bool = True,
             backups_to_keep: int = 10) -> "Workspace":
        location = str(location)
        if is_url(location):
            engine = create_engine(location, future=True)
            ws = cls(engine, location, None)
        else:
            path = Path(location).expanduser().resolve()
            exists = path.exists() and path.stat().st_size > 0
            if not exists and not create:
                raise WorkspaceError(f"Workspace not found: {path}")
            if exists:
                with open(path, "rb") as fh:
                    if fh.read(16) != SQLITE_MAGIC:
                        raise DamagedWorkspaceError(
                            f"{path.name} is not a Retrofit Planner workspace or is damaged "
                            "(not a SQLite database).")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                # readable by its owner only: tenants' votes are personal data
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
                os.chmod(path, 0o600)
            engine = create_engine(_sqlite_url(path), future=True)
            event.listen(engine, "connect", _on_sqlite_connect)
            ws = cls(engine, str(path), path)
        try:
            ws._prepare_schema(backups_to_keep)
        except Exception:
            engine.dispose()
            raise
        return ws

    def _prepare_schema(self, backups_to_keep: int) -> None:
        try:
            with self.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                has_tables = bool(conn.dialect.get_table_names(conn))
        except Exception as exc:  # sqlite3.DatabaseError: file is not a database
            raise DamagedWorkspaceError(
                f"The workspace {self.location} cannot be read: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}") from exc
        head = head_revision()
        if current == head:
            return
        if current is not None and current not in known_revisions():
            raise NewerWorkspaceError(
                f"This workspace was saved by a newer version of Retrofit Planner "
                f"(schema {current}; this version knows up to {head}). "
                "Open it with the newer version; it is left untouched.")
        if current is None and has_tables:
            raise DamagedWorkspaceError(
                f"{self.location} holds tables but no schema version: not a Retrofit Planner workspace.")
        if current is not None and self.path is not None:
            self.backup(reason=f"before-migration-{current}-to-{head}", keep=backups_to_keep)
        self.upgrade(head)
        if current is None:
            self.set_meta("created_at", dt.datetime.now().isoformat(timespec="seconds"))

    def upgrade(self, revision: str = "head") -> None:
        with self.engine.begin() as conn:
            alembic_command.upgrade(alembic_config(conn), revision)

    @property
    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.location.rsplit("/", 1)[-1]

    # ----- backups -----------------------------------------------------------------
    def backup_dir(self) -> Path:
        assert self.path is not None
        d = self.path.parent / "backups"
        d.mkdir(exist_ok=True)
        return d

    def backup(self, reason: str = "manual", keep: int = 10) -> Path | None:
        """Copy the workspace (consistently, via SQLite's backup API) and keep the last
        ``keep`` copies.  Returns the copy's path; None for a server database."""
        if self.path is None:
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.backup_dir() / f"{self.path.stem}.{stamp}.{reason}{BACKUP_SUFFIX}"
        src = sqlite3.connect(self.path)
        try:
            dst = sqlite3.connect(target)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        os.chmod(target, 0o600)
        self._prune_backups(keep)
        return target

    def backups(self) -> list[Path]:
        if self.path is None:
            return []
        return sorted(self.backup_dir().glob(f"{self.path.stem}.*{BACKUP_SUFFIX}"))

    def _prune_backups(self, keep: int) -> None:
        for old in self.backups()[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)

    @staticmethod
    def restore(backup: Path, target: Path) -> None:
        """Put a backup copy in place of ``target`` (the damaged or unwanted workspace is
        kept beside it as ``.replaced``)."""
        target = Path(target)
        if target.exists():
            shutil.copy2(target, target.with_suffix(target.suffix + ".replaced"))
        for extra in ("-wal", "-shm"):
            Path(str(target) + extra).unlink(missing_ok=True)
        shutil.copy2(backup, target)
        os.chmod(target, 0o600)

    # ----- change notification -----------------------------------------------------
    def add_listener(self, callback: Callable[[set[str]], None]) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[set[str]], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def notify(self, tables: set[str]) -> None:
        for cb in list(self._listeners):
            cb(tables)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    # ----- meta --------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.engine.connect() as conn:
            v = conn.execute(select(s.meta.c.value).where(s.meta.c.key == key)).scalar()
        return default if v is None else v

    def set_meta(self, key: str, value: str | None, conn: Connection | None = None) -> None:
        def run(c: Connection) -> None:
            c.execute(s.meta.delete().where(s.meta.c.key == key))
            if value is not None:
                c.execute(insert(s.meta).values(key=key, value=value))
        if conn is not None:
            run(conn)
        else:
            with self.transaction() as c:
                run(c)

    @property
    def is_sample(self) -> bool:
        return self.get_meta("sample") == "soest"

    # ----- reading -----------------------------------------------------------------
    def load(self) -> Dataset:
        """Every table as typed frames (the current vote per project and dwelling)."""
        with self.engine.connect() as conn:
            return self._load(conn)

    def _load(self, conn: Connection) -> Dataset:
        frames: dict[str, pd.DataFrame] = {}
        for table in TABLES:
            if table == "votes":
                continue
            sql_table = s.TABLE_KEYS[table][0]
            cols = [sql_table.c[c] for c in SCHEMA[table] if c in sql_table.c]
            keys = [sql_table.c[k] for k in s.TABLE_KEYS[table][1]]
            rows = conn.execute(select(*cols).order_by(*keys)).all()
            frames[table] = conform(table, pd.DataFrame(rows, columns=[c.name for c in cols]))
        frames["votes"] = conform("votes", self._current_votes(conn))
        return Dataset(**frames)

    def _current_votes(self, conn: Connection) -> pd.DataFrame:
        v = s.vote_events
        latest = select(func.max(v.c.id).label("id")).group_by(v.c.project, v.c.dwelling).subquery()
        rows = conn.execute(
            select(v.c.project, v.c.dwelling, v.c.vote, v.c.vote_date.label("date"), v.c.recorded_by)
            .join(latest, latest.c.id == v.c.id).order_by(v.c.project, v.c.dwelling)).all()
        return pd.DataFrame(rows, columns=["project", "dwelling", "vote", "date", "recorded_by"])

    def row_versions(self, table: str) -> dict[tuple, int]:
        sql_table, keys = s.TABLE_KEYS[table]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*[sql_table.c[k] for k in keys], sql_table.c.row_version)).all()
        return {tuple(r[:-1]): r[-1] for r in rows}

    def vote_history(self, project: str, dwelling: str | None = None) -> pd.DataFrame:
        """Every recorded vote and correction, oldest first."""
        v = s.vote_events
        q = select(v.c.id, v.c.project, v.c.dwelling, v.c.vote, v.c.previous_vote, v.c.vote_date,
                   v.c.recorded_by, v.c.recorded_at, v.c.note).where(v.c.project == project)
        if dwelling is not None:
            q = q.where(v.c.dwelling == dwelling)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(v.c.id)).all()
        return pd.DataFrame(rows, columns=["id", "project", "dwelling", "vote", "previous_vote",
                                           "date", "recorded_by", "recorded_at", "note"])

    def status_history(self, project: str) -> pd.DataFrame:
        e = s.status_events
        with self.engine.connect() as conn:
            rows = conn.execute(select(e.c.old_status, e.c.new_status, e.c.reason, e.c.changed_by,
                                       e.c.changed_at).where(e.c.project == project)
                                .order_by(e.c.id)).all()
        return pd.DataFrame(rows, columns=["old_status", "new_status", "reason", "changed_by",
                                           "changed_at"])

    # ----- writing -----------------------------------------------------------------
    def apply(self, cmd) -> object:
        """Apply one command in one transaction; return its inverse (for undo)."""
        with self.transaction() as conn:
            inverse = cmd.apply(conn)
        self.notify(set(cmd.tables))
        return inverse

    def replace_all(self, ds: Dataset, *, meta: dict[str, str] | None = None) -> None:
        """Fill an empty workspace with ``ds`` in one transaction (sample, copies)."""
        problems = [p for p in ds.validate() if p.severity == "error"]
        if problems:
            raise WorkspaceError("; ".join(p.message for p in problems[:5]))
        with self.transaction() as conn:
            for name in ("complexes", "dwellings", "projects", "targets", "tariffs",
                         "emission_factors", "capacities"):
                if conn.execute(select(func.count()).select_from(s.TABLE_KEYS[name][0])).scalar():
                    raise WorkspaceError("The workspace is not empty.")
            insert_dataset(conn, ds)
            for k, v in (meta or {}).items():
                self.set_meta(k, v, conn)
        self.notify(set(TABLES))


def apply_import_plan(conn: Connection, plan) -> None:
    """Write an :class:`~desktop.exchange.merge.ImportPlan` on an open transaction:
    adds inserted, updates set only the columns the workbook had (row version + 1),
    changed and new votes appended to their history.  Nothing is deleted."""
    from sqlalchemy import bindparam, update

    _ensure_names(conn, *(f for f in (plan.adds.get("complexes"), plan.updates.get("complexes"))
                          if f is not None))
    for name in ("complexes", "dwellings", "projects", "targets", "tariffs", "emission_factors",
                 "capacities"):
        table, keys = s.TABLE_KEYS[name]
        add = plan.adds.get(name)
        if add is not None and len(add):
            cols = [c for c in add.columns if c in table.c]
            conn.execute(insert(table), _records(add[cols]))
        upd = plan.updates.get(name)
        if upd is not None and len(upd):
            cols = [c for c in upd.columns if c in table.c and c not in keys]
            if not cols:
                continue
            rows = _records(upd[list(keys) + cols])
            stmt = (update(table)
                    .where(*[table.c[k] == bindparam(f"k_{k}") for k in keys])
                    .values({c: bindparam(f"v_{c}") for c in cols}
                            | {"row_version": table.c.row_version + 1}))
            conn.execute(stmt, [{**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in cols}}
                                for r in rows])
    if len(plan.vote_events):
        append_votes(conn, plan.vote_events, note="import")


def _ensure_names(conn: Connection, *frames: pd.DataFrame) -> None:
    """Corporations and neighbourhoods exist for every complex row given."""
    for table, col in ((s.corporations, "corporation"), (s.neighbourhoods, "neighbourhood")):
        wanted = {str(v) for f in frames if col in f.columns for v in f[col].dropna()}
        if not wanted:
            continue
        have = set(conn.execute(select(table.c.name)).scalars())
        new = sorted(wanted - have)
        if new:
            conn.execute(insert(table), [{"name": n} for n in new])


def insert_dataset(conn: Connection, ds: Dataset, *, recorded_at: dt.datetime | None = None) -> None:
    """Insert every row of ``ds`` (new keys only) on an open transaction."""
    _ensure_names(conn, ds.complexes)
    for name in ("complexes", "dwellings", "projects", "targets", "tariffs",
                 "emission_factors", "capacities"):
        frame = getattr(ds, name)
        if len(frame):
            table = s.TABLE_KEYS[name][0]
            cols = [c for c in frame.columns if c in table.c]
            conn.execute(insert(table), _records(frame[cols]))
    if len(ds.votes):
        append_votes(conn, ds.votes, recorded_at=recorded_at)


def append_votes(conn: Connection, votes: pd.DataFrame, *, recorded_at: dt.datetime | None = None,
                 note: str | None = None) -> int:
    """Append vote events; each keeps the previous value of that dwelling's vote."""
    if not len(votes):
        return 0
    now = recorded_at or dt.datetime.now().replace(microsecond=0)
    v = s.vote_events
    latest = select(func.max(v.c.id).label("id")).group_by(v.c.project, v.c.dwelling).subquery()
    current = {(p, d): vote for p, d, vote in conn.execute(
        select(v.c.project, v.c.dwelling, v.c.vote).join(latest, latest.c.id == v.c.id))}
    rows = []
    for r in _records(votes[["project", "dwelling", "vote", "date", "recorded_by"]]):
        rows.append({
            "project": r["project"], "dwelling": r["dwelling"], "vote": r["vote"],
            "vote_date": r["date"], "recorded_by": r["recorded_by"], "recorded_at": now,
            "previous_vote": current.get((r["project"], r["dwelling"])), "note": note,
        })
    conn.execute(insert(v), rows)
    return len(rows)


def count_rows(conn: Connection) -> dict[str, int]:
    """Rows per SQL table (used by tests and the all-or-nothing checks)."""
    out = {}
    for table in s.metadata.sorted_tables:
        out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar()
    return out


def sqlite_integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


__all__ = ["Workspace", "WorkspaceError", "NewerWorkspaceError", "DamagedWorkspaceError",
           "ConflictError", "head_revision", "insert_dataset", "append_votes", "count_rows"]
