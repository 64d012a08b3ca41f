"""The store's tests run against SQLite files and against a real PostgreSQL server.

PostgreSQL: the server URL comes from ``RETROFIT_PG_URL`` (``scripts/postgres.sh`` starts a
local one and prints it); each test gets a fresh database ``test_<uuid>``, dropped after.
Without the variable (or the server, or the psycopg driver) the PostgreSQL tests are
skipped on a developer's machine, and FAIL in CI (``CI=true``): there they must run.
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy.engine import URL

PG_ENV = "RETROFIT_PG_URL"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class PgServer:
    """A maintenance connection to the server: creates and drops test databases and roles."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine

        from desktop.store.workspace import engine_url

        self.url = engine_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self.databases: list[str] = []
        self.roles: list[str] = []

    def sql(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(statement)

    def create_database(self) -> str:
        """A new empty database; returns its URL as a user types it (``postgresql://``)."""
        name = f"test_{uuid.uuid4().hex[:16]}"
        self.sql(f'CREATE DATABASE "{name}"')
        self.databases.append(name)
        return self.location(name)

    def location(self, database: str, user: str | None = None, password: str | None = None) -> str:
        url = self.url.set(drivername="postgresql", database=database)
        if user is not None:
            url = URL.create(url.drivername, user, password, url.host, url.port, database)
        return url.render_as_string(hide_password=False)

    def create_role(self, prefix: str, *, login: bool = False, password: str | None = None) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        opts = f" LOGIN PASSWORD '{password}'" if login else " NOLOGIN"
        self.sql(f'CREATE ROLE "{name}"{opts}')
        self.roles.append(name)
        return name

    def cleanup(self) -> None:
        for name in reversed(self.databases):
            self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for name in reversed(self.roles):
            self.sql(f'DROP ROLE IF EXISTS "{name}"')
        self.databases.clear()
        self.roles.clear()


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The server URL, checked once per run: reachable, with the driver installed."""
    url = os.environ.get(PG_ENV)
    problem = None
    if not url:
        problem = f"{PG_ENV} is not set (start a server with: export {PG_ENV}=$(bash scripts/postgres.sh))"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            problem = "the psycopg driver is not installed (pip install 'psycopg[binary]')"
    if problem is None:
        try:
            server = PgServer(url)
            server.sql("SELECT 1")
            server.admin.dispose()
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server
            problem = f"PostgreSQL at {PG_ENV} is not reachable: {str(exc).splitlines()[0]}"
    if problem:
        if _in_ci():
            pytest.fail(f"PostgreSQL tests must run in CI: {problem}", pytrace=False)
        pytest.skip(problem)
    return url


@pytest.fixture
def pg_server(pg_server_url):
    server = PgServer(pg_server_url)
    yield server
    server.cleanup()
    server.admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


@pytest.fixture
def new_location(backend, request, tmp_path):
    """A factory of new, empty workspace locations on this test's backend (or the one named)."""
    counter = iter(range(1000))

    def make(kind: str | None = None) -> str:
        kind = kind or backend
        if kind == "sqlite":
            return str(tmp_path / f"ws{next(counter)}.rpw")
        return request.getfixturevalue("pg_server").create_database()

    return make


@pytest.fixture
def workspace_url(new_location) -> str:
    """One new, empty workspace location: a SQLite file path or a PostgreSQL URL."""
    return new_location()
