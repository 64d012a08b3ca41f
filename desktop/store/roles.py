"""Database roles for a team workspace on PostgreSQL, enforced by the server itself.

* ``planner_viewer``: may read every table, change nothing (e.g. the municipality).
* ``planner_editor``: may read and change records and record votes, but not the schema
  (the database's owner runs the migrations, by opening the workspace once with a new
  version of the app).

Roles are group roles (NOLOGIN); people get a login role that is a member:
``add_login(conn, "gemeente_soest", "secret", VIEWER)``.  The statements are plain SQL
(:func:`grant_statements`), documented in docs/postgresql.md, so an administrator can also
run them by hand with psql.  Run them as the database's owner (or a superuser), on the
workspace database itself.
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

VIEWER = "planner_viewer"
EDITOR = "planner_editor"


def _ident(name: str) -> str:
    if not name or '"' in name or "\x00" in name:
        raise ValueError(f"not a role or database name: {name!r}")
    return f'"{name}"'


def grant_statements(role: str, database: str, *, write: bool = False,
                     schema: str = "public") -> list[str]:
    """The SQL granting ``role`` read access (``write``: also change records) to every
    table of the workspace, now and the tables later migrations add."""
    r, db, sc = _ident(role), _ident(database), _ident(schema)
    privileges = "SELECT, INSERT, UPDATE, DELETE" if write else "SELECT"
    statements = [
        f"GRANT CONNECT ON DATABASE {db} TO {r}",
        f"GRANT USAGE ON SCHEMA {sc} TO {r}",
        f"GRANT {privileges} ON ALL TABLES IN SCHEMA {sc} TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {sc} GRANT {privileges} ON TABLES TO {r}",
    ]
    if write:   # new vote and status events take their ids from sequences
        statements += [
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {sc} TO {r}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {sc} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
        ]
    return statements


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def create_role(conn: Connection, role: str = VIEWER, *, write: bool = False) -> None:
    """Create the group role (if missing) and grant it access to this connection's database."""
    if conn.dialect.name != "postgresql":
        raise ValueError("roles exist on PostgreSQL workspaces only")
    if not _role_exists(conn, role):
        conn.exec_driver_sql(f"CREATE ROLE {_ident(role)} NOLOGIN")
    database = conn.exec_driver_sql("SELECT current_database()").scalar()
    for statement in grant_statements(role, database, write=write):
        conn.exec_driver_sql(statement)


def create_viewer_role(conn: Connection, role: str = VIEWER) -> None:
    """``planner_viewer``: SELECT on every table, nothing else."""
    create_role(conn, role, write=False)


def create_editor_role(conn: Connection, role: str = EDITOR) -> None:
    """``planner_editor``: read and change records, record votes; no schema changes."""
    create_role(conn, role, write=True)


def add_login(conn: Connection, login: str, password: str, member_of: str = VIEWER) -> None:
    """A person's login role (created when missing; password set), member of a group role."""
    if not _role_exists(conn, login):
        conn.exec_driver_sql(f"CREATE ROLE {_ident(login)} LOGIN")
    escaped = password.replace("'", "''")
    conn.exec_driver_sql(f"ALTER ROLE {_ident(login)} LOGIN PASSWORD '{escaped}'")
    conn.exec_driver_sql(f"GRANT {_ident(member_of)} TO {_ident(login)}")
