"""The workspace: a SQLite file by default, a PostgreSQL database for teams.

One code path for both (SQLAlchemy Core); the schema is versioned with Alembic from
the first release.  Opening an older workspace migrates it after a backup copy;
a workspace from a newer version of the app is refused, never downgraded.

Every change goes through :meth:`Workspace.apply` (a command, see ``commands``) or
:meth:`Workspace.apply_import`, each one transaction.

Several users at once (a PostgreSQL workspace, or one SQLite file opened twice): every
editable record has a row version and its last editor; an edit made against an older
version is refused (:class:`ConflictError`, naming what changed and who changed it).
Write transactions take their locks up front (``BEGIN IMMEDIATE`` on SQLite, row locks
on PostgreSQL), so a check and the write that follows it see the same data, and votes
recorded by several project leaders at once are all kept, each with its true previous vote.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pandas as pd
from alembic import command as alembic_command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, create_engine, event, func, insert, select
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError

from ..models import fields as registry
from ..models.dataset import TABLES, Dataset, conform, latest_votes
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
    """A record changed since it was read (row version): the edit is refused.

    ``fields``: what changed (as far as known), ``changed_by``/``changed_at``: the last
    editor; ``message_nl``: the message in Dutch.  The user can reload and try again."""

    def __init__(self, message: str, *, table: str = "", key: dict | None = None,
                 fields: tuple[str, ...] = (), changed_by: str | None = None,
                 changed_at: dt.datetime | None = None, message_nl: str | None = None):
        super().__init__(message)
        self.table = table
        self.key = dict(key or {})
        self.fields = tuple(fields)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.message_nl = message_nl or message


class ReadOnlyWorkspaceError(WorkspaceError):
    """The database refuses changes: this user may only read (e.g. the planner_viewer role)."""

    message_nl = ("Deze werkruimte is alleen-lezen voor u: de database staat geen wijzigingen toe. "
                  "Vraag de beheerder om schrijfrechten.")


READ_ONLY_MESSAGE = ("This workspace is read-only for you: the database does not allow changes "
                     "(read-only role). Ask its administrator for write access.")

USER_OPTION = "retrofit_user"


def current_user(conn: Connection) -> str | None:
    """The user a write transaction was opened for (see :attr:`Workspace.user`)."""
    return conn.get_execution_options().get(USER_OPTION)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


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


def engine_url(location: str):
    """A SQLAlchemy URL for a workspace URL: ``postgresql://`` (and ``postgres://``) use
    psycopg 3, the driver this app ships with."""
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise WorkspaceError(f"Not a workspace location: {location}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def public_location(location: str) -> str:
    """The location without any password: safe to show and to keep in recent workspaces."""
    if not is_url(location):
        return location
    url = make_url(location)
    if url.password is None:
        return location
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def _sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """Plain tuples from a DBAPI cursor as a frame (pandas converts them in C; SQLAlchemy
    Row objects would be probed one by one, ten times slower at 100k rows)."""
    if not rows:
        return pd.DataFrame({c: [] for c in columns})
    return pd.DataFrame(rows, columns=columns)


def _fetch_frame(conn: Connection, query) -> pd.DataFrame:
    """A SELECT without parameters as a frame of the driver's own values, read through
    the DBAPI cursor of ``conn`` (same connection and transaction): plain tuples, none of
    SQLAlchemy's per-row Result work, which took most of a 100,000-row load.

    The values are as the driver returns them: on SQLite dates are 'YYYY-MM-DD' text and
    booleans 0/1 (``conform`` types them), on PostgreSQL dates and booleans."""
    compiled = query.compile(dialect=conn.dialect)
    if compiled.params:
        raise ValueError("_fetch_frame runs queries without parameters")
    columns = [c.name for c in query.selected_columns]
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return _frame(rows, columns)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Frame rows as dicts of plain Python values, NA -> None, timestamps -> dates."""
    out = frame.astype(object).where(frame.notna(), None)
    for c, t in zip(frame.columns, frame.dtypes):
        if str(t).startswith("datetime64"):
            out[c] = [v.date() if v is not None else None for v in out[c]]
    return out.to_dict("records")


class Workspace:
    """An open workspace.  Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, engine: Engine, location: str, path: Path | None, user: str | None = None):
        self.engine = engine
        self.location = location      # never holds a password
        self.path = path
        #: who makes the edits (settings.user_name): recorded as each record's last editor
        self.user = user

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    # ----- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, location: str | os.PathLike, *, create: bool = True,
             backups_to_keep: int = 10, user: str | None = None) -> "Workspace":
        """Open (and create or migrate) the workspace at a file path or a database URL
        (``postgresql://user@host:port/database``; a password in it is used, never kept)."""
        location = str(location)
        if is_url(location):
            url = engine_url(location)
            if url.get_backend_name() == "sqlite" and url.database:
                return cls.open(url.database, create=create, backups_to_keep=backups_to_keep,
                                user=user)
            try:
                engine = create_engine(url, future=True, pool_pre_ping=True)
            except ImportError as exc:
                raise WorkspaceError(
                    f"Cannot reach {url.get_backend_name()} databases: the driver is missing "
                    f"({exc}). Install it with: pip install 'psycopg[binary]'") from exc
            ws = cls(engine, public_location(location), None, user)
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
            ws = cls(engine, str(path), path, user)
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
        except OperationalError as exc:
            if self.path is None:   # server unreachable, wrong password, no such database
                raise WorkspaceError(
                    f"Cannot connect to {self.location}: {_first_line(exc.orig or exc)}") from exc
            raise DamagedWorkspaceError(
                f"The workspace {self.location} cannot be read: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}") from exc
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
        try:
            self.upgrade(head)
        except (ProgrammingError, OperationalError) as exc:
            if _is_permission_error(exc):
                raise ReadOnlyWorkspaceError(
                    f"{self.location} needs an upgrade to schema {head} (it is at {current}), "
                    "but this user may not change the database; ask its owner to open it once "
                    "with this version.") from exc
            raise
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
        """Close every connection; a workspace file is then whole on its own (no
        ``-wal``/``-shm`` beside it), ready to be copied, mailed or synced."""
        self.engine.dispose()
        if self.path is not None:
            fold_wal(self.path)

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.location.rsplit("/", 1)[-1]

    # ----- backups -----------------------------------------------------------------
    def backup_dir(self) -> Path:
        """``backups/`` beside the workspace, readable by its owner only (0700, also when
        an older version made it 0755): the copies hold the same tenants' data."""
        assert self.path is not None
        d = self.path.parent / "backups"
        d.mkdir(mode=0o700, exist_ok=True)
        if d.stat().st_mode & 0o077:
            os.chmod(d, 0o700)
        return d

    def backup(self, reason: str = "manual", keep: int = 10) -> Path | None:
        """Copy the workspace (consistently, via SQLite's backup API) and keep the last
        ``keep`` copies.  Returns the copy's path; None for a server database."""
        if self.path is None:
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.backup_dir() / f"{self.path.stem}.{stamp}.{reason}{BACKUP_SUFFIX}"
        copy_sqlite_file(self.path, target)
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

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: everything inside commits together or not at all.

        On SQLite it takes the write lock at once (``BEGIN IMMEDIATE``: a second writer
        waits instead of failing halfway); on PostgreSQL the commands lock the rows they
        check.  The connection carries :attr:`user` for the last-editor columns.  A
        database that refuses the change for lack of rights raises
        :class:`ReadOnlyWorkspaceError`."""
        try:
            with self.engine.begin() as conn:
                conn.execution_options(**{USER_OPTION: self.user})
                if self.dialect == "sqlite":
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
        except DBAPIError as exc:
            if _is_permission_error(exc):
                raise ReadOnlyWorkspaceError(READ_ONLY_MESSAGE) from exc
            raise

    @property
    def is_read_only(self) -> bool:
        """True when this user may not change the workspace (a viewer role; a read-only file)."""
        if self.path is not None:
            return not os.access(self.path, os.W_OK)
        with self.engine.connect() as conn:
            return not conn.exec_driver_sql(
                "SELECT has_table_privilege(current_user, 'projects', 'UPDATE')").scalar()

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
    def load(self, *, history: bool = False) -> Dataset:
        """Every table as typed frames (the current vote per project and dwelling).
        ``history``: also the vote and status histories (an export needs them; the rules
        and views do not, and they are left empty otherwise)."""
        with self.engine.connect() as conn:
            return self._load(conn, history=history)

    def load_tables(self, tables: set[str] | list[str]) -> dict[str, pd.DataFrame]:
        """Only the named tables (after an edit that touched just those), one snapshot."""
        with self.engine.connect() as conn:
            return {t: self._load_table(conn, t) for t in TABLES if t in tables}

    def _load(self, conn: Connection, *, history: bool = False) -> Dataset:
        skip = () if history else registry.history_tables()
        return Dataset(**{t: self._load_table(conn, t) for t in TABLES if t not in skip})

    def _load_table(self, conn: Connection, table: str) -> pd.DataFrame:
        if table == "votes":
            return conform("votes", self._current_votes(conn))
        cols = [s.field_column(table, c).label(c) for c in registry.dtypes(table)]   # raises when one is missing
        keys = [s.field_column(table, k) for k in registry.table(table).keys]
        return conform(table, _fetch_frame(conn, select(*cols).order_by(*binary_order(conn, keys))))

    def _current_votes(self, conn: Connection) -> pd.DataFrame:
        v = s.vote_events
        latest = select(func.max(v.c.id).label("id")).group_by(v.c.project, v.c.dwelling).subquery()
        return _fetch_frame(conn, select(
            *[s.field_column("votes", f).label(f) for f in registry.dtypes("votes")])
            .join(latest, latest.c.id == v.c.id)
            .order_by(*binary_order(conn, [v.c.project, v.c.dwelling])))

    def row_versions(self, table: str) -> dict[tuple, int]:
        sql_table, keys = s.TABLE_KEYS[table]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*[sql_table.c[k] for k in keys], sql_table.c.row_version)).all()
        return {tuple(r[:-1]): r[-1] for r in rows}

    def vote_history(self, project: str, dwelling: str | None = None) -> pd.DataFrame:
        """Every recorded vote and correction, oldest first; ``former`` marks a vote that
        is no longer its dwelling's tenant's (the dwelling is vacant now, or the vote
        predates the current tenancy: :func:`desktop.models.support.former_tenant`)."""
        from ..models.support import former_tenant

        v, d = s.vote_events, s.dwellings
        q = select(v.c.id, v.c.project, v.c.dwelling, v.c.vote, v.c.previous_vote, v.c.vote_date,
                   v.c.recorded_by, v.c.recorded_at, v.c.note, d.c.let, d.c.let_since) \
            .join(d, d.c.dwelling == v.c.dwelling).where(v.c.project == project)
        if dwelling is not None:
            q = q.where(v.c.dwelling == dwelling)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(v.c.id)).all()
        out = pd.DataFrame(rows, columns=["id", "project", "dwelling", "vote", "previous_vote",
                                          "date", "recorded_by", "recorded_at", "note", "let",
                                          "let_since"])
        out["former"] = former_tenant(out["date"].to_numpy(dtype=object), out["let"].to_numpy(dtype=object),
                                      out["let_since"].to_numpy(dtype=object)) if len(out) else []
        return out.drop(columns=["let", "let_since"])

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
        return inverse

    def replace_all(self, ds: Dataset, *, meta: dict[str, str] | None = None) -> None:
        """Fill an empty workspace with ``ds`` in one transaction (sample, copies)."""
        problems = [p for p in ds.validate() if p.severity == "error"]
        if problems:
            raise WorkspaceError("; ".join(p.message for p in problems[:5]))
        with self.transaction() as conn:
            for name in ("complexes", "dwellings", "projects", "targets", "tariffs",
                         "emission_factors", "capacities", "rent_limits", "measures", "usage",
                         "degree_days", "heat_plan", "end_states", "plan_versions",
                         "plan_version_projects", "letter_templates"):
                if conn.execute(select(func.count()).select_from(s.TABLE_KEYS[name][0])).scalar():
                    raise WorkspaceError("The workspace is not empty.")
            insert_dataset(conn, ds)
            for k, v in (meta or {}).items():
                self.set_meta(k, v, conn)


def _first_line(exc) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]


def _is_permission_error(exc: Exception) -> bool:
    """The database refused for lack of rights (PostgreSQL 42501, or a read-only standby;
    SQLite: a read-only file)."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) in ("42501", "25006"):   # no privilege; read-only server
        return True
    return isinstance(orig, sqlite3.OperationalError) and "readonly" in str(orig)


def apply_import_plan(conn: Connection, plan, *, user: str | None = None) -> None:
    """Write an :class:`~desktop.exchange.merge.ImportPlan` on an open transaction:
    adds inserted, updates set only the columns the workbook had (row version + 1),
    changed and new votes appended to their history.  Nothing is deleted.  Every record
    written notes ``user`` (else the transaction's user) as its last editor."""
    from sqlalchemy import bindparam, update

    user = user if user is not None else current_user(conn)
    stamp = now()

    _ensure_names(conn, *(f for f in (plan.adds.get("complexes"), plan.updates.get("complexes"))
                          if f is not None))
    for name, (table, keys) in s.TABLE_KEYS.items():
        add = plan.adds.get(name)
        if add is not None and len(add):
            add = _with_editor(add, user, stamp)
            cols = [c for c in add.columns if c in table.c]
            bulk_insert(conn, table, add[cols])
        upd = plan.updates.get(name)
        if upd is not None and len(upd):
            cols = [c for c in upd.columns
                    if c in table.c and c not in keys and c not in s.EDITOR_COLUMNS]
            if not cols:
                continue
            rows = _records(upd[list(keys) + cols])
            stmt = (update(table)
                    # a key that may be empty (usage.dwelling) matches NULL to NULL
                    .where(*[table.c[k].is_not_distinct_from(bindparam(f"k_{k}"))
                             if table.c[k].nullable else table.c[k] == bindparam(f"k_{k}")
                             for k in keys])
                    .values({c: bindparam(f"v_{c}") for c in cols}
                            | {"row_version": table.c.row_version + 1, "changed_by": user,
                               "changed_at": stamp, "changed_fields": ", ".join(cols)}))
            conn.execute(stmt, [{**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in cols}}
                                for r in rows])
    for name in registry.history_tables():
        add = plan.adds.get(name)
        if add is not None and len(add):
            restore_history(conn, name, add, stamp=stamp)
    if len(plan.vote_events):
        append_votes(conn, plan.vote_events, note="import")


def _with_editor(frame: pd.DataFrame, user: str | None, stamp: dt.datetime) -> pd.DataFrame:
    """New rows keep the last editor the workbook gives, as given (a restore); rows from
    a sheet without "Gewijzigd op" (an older or hand-made workbook) get the importing
    user, now."""
    if "changed_at" in frame.columns:
        return frame
    return frame.assign(changed_at=pd.Timestamp(stamp), changed_by=user)


def restore_history(conn: Connection, name: str, frame: pd.DataFrame, *,
                    stamp: dt.datetime | None = None) -> None:
    """Write the entries of a history (``vote_history``, ``status_history``) exactly as
    given (numbers, order, who, when) into a workspace that has no history of that kind
    yet; a missing time of recording is ``stamp``.  Refused when the workspace has one
    (a history is never merged into another: the import plan checks it, this guards it)."""
    sql, renamed = s.FIELD_COLUMNS[name]
    if conn.execute(select(func.count()).select_from(sql)).scalar():
        raise WorkspaceError(f"The workspace already holds a {name.replace('_', ' ')}; "
                             "it is never overwritten.")
    out = frame.rename(columns=renamed).sort_values("id", kind="stable")
    cols = [c for c in out.columns if c in sql.c]
    out = out[cols].copy()
    for c in cols:
        if isinstance(sql.c[c].type, DateTime) and not sql.c[c].nullable:
            out[c] = out[c].fillna(pd.Timestamp(stamp or now()))
    bulk_insert(conn, sql, out)
    if conn.dialect.name == "postgresql":     # the next appended entry follows the restored ones
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{sql.name}', 'id'), "
            f"(SELECT max(id) FROM {sql.name}))")


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
    """Insert every row of ``ds`` (new keys only) on an open transaction; its histories,
    when it has them, are restored as they are (:func:`restore_history`) and only the
    votes they do not already end with are appended."""
    _ensure_names(conn, ds.complexes)
    for name, (table, _keys) in s.TABLE_KEYS.items():
        frame = getattr(ds, name)
        if len(frame):
            cols = [c for c in frame.columns if c in table.c]
            bulk_insert(conn, table, frame[cols])
    for name in registry.history_tables():
        if len(getattr(ds, name)):
            restore_history(conn, name, getattr(ds, name), stamp=recorded_at)
    votes = ds.votes
    if len(ds.vote_history) and len(votes):
        votes = votes_beyond(votes, latest_votes(ds.vote_history))
    if len(votes):
        append_votes(conn, votes, recorded_at=recorded_at)


VOTE_FIELDS = ("project", "dwelling", "vote", "date", "recorded_by")


def votes_beyond(votes: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``votes`` that are not already the ``current`` vote of their project
    and dwelling (same vote, date and recorder): what recording them would append."""
    keys = ["project", "dwelling"]
    both = votes.reset_index(drop=True).merge(
        current[list(VOTE_FIELDS)], on=keys, how="left", suffixes=("", "__cur"), indicator=True)
    same = both["_merge"].eq("both").to_numpy(dtype=bool)
    for c in VOTE_FIELDS[2:]:
        a, b = both[c], both[f"{c}__cur"]
        same &= ((a.isna() & b.isna()) | (a == b).fillna(False)).to_numpy(dtype=bool)
    return votes.reset_index(drop=True)[~same].reset_index(drop=True)


def append_votes(conn: Connection, votes: pd.DataFrame, *, recorded_at: dt.datetime | None = None,
                 note: str | None = None) -> int:
    """Append vote events; each keeps the previous value of that dwelling's vote.

    Votes are only ever appended, so none is lost when several users record at once; the
    projects concerned are locked first (PostgreSQL) so each event's previous vote is the
    one really current when it is written."""
    if not len(votes):
        return 0
    stamp = recorded_at or now()
    lock_projects(conn, votes["project"])
    v = s.vote_events
    latest = select(func.max(v.c.id).label("id")).group_by(v.c.project, v.c.dwelling).subquery()
    current = {(p, d): vote for p, d, vote in conn.execute(
        select(v.c.project, v.c.dwelling, v.c.vote).join(latest, latest.c.id == v.c.id))}
    rows = []
    for r in _records(votes[["project", "dwelling", "vote", "date", "recorded_by"]]):
        rows.append({
            "project": r["project"], "dwelling": r["dwelling"], "vote": r["vote"],
            "vote_date": r["date"], "recorded_by": r["recorded_by"], "recorded_at": stamp,
            "previous_vote": current.get((r["project"], r["dwelling"])), "note": note,
        })
    bulk_insert(conn, v, rows)
    return len(rows)


def binary_order(conn: Connection, columns) -> list:
    """Sort keys by code point on every backend (PostgreSQL's collation may follow a
    language, SQLite's does not): the same workspace loads in the same order."""
    if conn.dialect.name != "postgresql":
        return list(columns)
    from sqlalchemy import String

    return [c.collate("C") if isinstance(c.type, String) else c for c in columns]


COPY_FROM = 500   # rows from which PostgreSQL gets them by COPY rather than INSERTs


def _plain_values(column: pd.Series, keep_time: bool = False) -> list:
    """A frame column as plain Python values (``None`` where missing, dates as
    ``datetime.date``, or ``datetime.datetime`` with ``keep_time``), ready for a
    database driver."""
    if column.dtype.kind == "M":
        if keep_time:
            return [None if pd.isna(v) else v.to_pydatetime() for v in column.tolist()]
        return [None if pd.isna(v) else v.date() for v in column.tolist()]
    return column.to_numpy(dtype=object, na_value=None).tolist()


def _row_tuples(columns: list[list], n: int):
    """The ``n`` rows of column lists as tuples (empty tuples when there are no columns)."""
    return zip(*columns) if columns else itertools.repeat((), n)


def bulk_insert(conn: Connection, table, rows: list[dict] | pd.DataFrame, **constants) -> None:
    """Insert many rows on an open transaction (``constants``: the same value in every row).

    ``rows``: dicts, or a frame whose columns are the table's (read column by column, not
    row by row).  SQLite gets plain tuples through the driver's ``executemany`` (each value
    converted as SQLAlchemy would: dates as text, booleans as 0/1); PostgreSQL takes large
    batches through ``COPY … FROM STDIN`` (psycopg), small ones as an executemany INSERT."""
    if isinstance(rows, pd.DataFrame):
        own = [c for c in rows.columns if c not in constants]
        values = [_plain_values(rows[c], isinstance(table.c[c].type, DateTime)) for c in own]
        n = len(rows)
    else:
        own = [c for c in rows[0] if c not in constants] if rows else []
        values = [[r.get(c) for r in rows] for c in own]
        n = len(rows)
    if not n:
        return
    cols = own + list(constants)
    fixed = list(constants.values())
    dialect = conn.dialect
    if dialect.name == "sqlite":
        for i, c in enumerate(cols):
            process = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
            if process is None:
                continue
            if i < len(own):
                values[i] = list(map(process, values[i]))
            else:
                fixed[i - len(own)] = process(fixed[i - len(own)])
        quote = dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
               f"VALUES ({', '.join('?' * len(cols))})")
        data = list(zip(*values, *(itertools.repeat(f, n) for f in fixed)))
        conn.exec_driver_sql(sql, data)
        return
    if dialect.name != "postgresql" or n < COPY_FROM:
        stmt = insert(table).values(**constants) if constants else insert(table)
        conn.execute(stmt, [dict(zip(own, r)) for r in _row_tuples(values, n)])
        return
    names = ", ".join(f'"{c}"' for c in cols)
    dbapi = conn.connection.driver_connection      # the same transaction
    with dbapi.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for r in _row_tuples(values, n):
            copy.write_row(list(r) + fixed)


def lock_projects(conn: Connection, projects) -> None:
    """Lock the given projects' rows until the transaction ends (PostgreSQL; SQLite holds
    the whole database's write lock already).  Always in key order: no deadlocks."""
    if conn.dialect.name == "sqlite":
        return
    ids = sorted({str(p) for p in projects if p is not None and not pd.isna(p)})
    p = s.projects
    for i in range(0, len(ids), 5000):
        conn.execute(select(p.c.project).where(p.c.project.in_(ids[i:i + 5000]))
                     .order_by(p.c.project).with_for_update()).all()


def count_rows(conn: Connection) -> dict[str, int]:
    """Rows per SQL table (used by tests and the all-or-nothing checks)."""
    out = {}
    for table in s.metadata.sorted_tables:
        out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar()
    return out


def copy_sqlite_file(source: Path, target: Path) -> None:
    """Copy the SQLite file ``source`` to ``target`` consistently (SQLite's backup API: also
    what sits in its write-ahead log, also while it is open), as one file readable by its
    owner only (0600 from the moment it exists).  The source's log is checkpointed into
    the source file as well, so that file alone holds what the copy holds."""
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(target, 0o600)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")     # the copy is one file
        finally:
            dst.close()
        src.execute("PRAGMA wal_checkpoint(PASSIVE)")     # never waits for other readers
    finally:
        src.close()


def fold_wal(path: Path) -> None:
    """Write a closed SQLite workspace's write-ahead log into the file itself and leave
    no ``-wal``/``-shm`` beside it: after :meth:`Workspace.close` this is the only
    connection, and SQLite removes both files when its last connection closes after a
    full checkpoint.  Another process still holding the file open keeps its log (its own
    last close folds it).  Never waits more than a moment and never raises: closing
    must not fail."""
    if not Path(path).is_file():      # moved away or restored over: nothing to fold
        return
    try:
        conn = sqlite3.connect(path, timeout=0.2)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass            # busy elsewhere, read-only media, not a database: left as it is
    finally:
        conn.close()


def sqlite_integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


__all__ = ["Workspace", "WorkspaceError", "NewerWorkspaceError", "DamagedWorkspaceError",
           "ConflictError", "ReadOnlyWorkspaceError", "head_revision", "insert_dataset",
           "append_votes", "restore_history", "votes_beyond", "count_rows", "current_user", "public_location", "engine_url"]
