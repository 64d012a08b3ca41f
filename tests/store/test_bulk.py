"""Corporation-sized writes on both backends (PostgreSQL takes large batches by COPY):
the Soest sample and an imported workbook land identically in SQLite and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.exchange.importer import import_workbook
from desktop.sample import build_sample
from desktop.store import schema as s
from desktop.store.copy import copy_workspace, table_rows
from desktop.store.workspace import Workspace

from .test_workspace import assert_same

DATA = Path(__file__).resolve().parents[1] / "data"


def test_sample_and_its_copies_are_identical(new_location, backend):
    ds, meta = build_sample()
    assert len(ds.dwellings) > 1000
    location, local = new_location(), new_location("sqlite")
    with Workspace.open(location) as ws, Workspace.open(local) as reference:
        ws.replace_all(ds, meta=meta)
        reference.replace_all(ds, meta=meta)
        assert_same(reference.load(), ws.load())
    offline = new_location("sqlite")
    copy_workspace(location, offline)
    with Workspace.open(location) as a, Workspace.open(offline) as b, \
            a.engine.connect() as ca, b.engine.connect() as cb:
        for table in s.metadata.sorted_tables:
            assert table_rows(ca, table) == table_rows(cb, table), table.name


def test_import_writes_the_same_on_both_backends(new_location, backend):
    results = []
    for kind in ("sqlite", backend):
        with Workspace.open(new_location(kind), user="Importer") as ws:
            outcome = import_workbook(DATA / "valid_soest.xlsx", ws)
            assert outcome.ok and outcome.applied
            results.append(ws.load())
            with ws.engine.connect() as conn:
                editors = conn.execute(select(s.dwellings.c.changed_by).distinct()).scalars().all()
            assert editors == ["Importer"]
    assert_same(results[0], results[1], ignore=("changed_at",))   # two imports, two moments


def test_same_order_under_a_language_collation(pg_server, tmp_path):
    """A server whose databases sort by language (ICU en-US: '-' ignored) loads the
    workspace in the same order as SQLite."""
    import uuid

    name = f"test_{uuid.uuid4().hex[:16]}"
    pg_server.sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu "
                  "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
    pg_server.databases.append(name)
    ds, meta = build_sample()
    with Workspace.open(pg_server.location(name)) as pg, Workspace.open(tmp_path / "l.rpw") as lite:
        pg.replace_all(ds, meta=meta)
        lite.replace_all(ds, meta=meta)
        assert_same(lite.load(), pg.load())
