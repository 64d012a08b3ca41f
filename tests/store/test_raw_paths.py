"""Writing through the driver (SQLite: plain tuples and executemany; PostgreSQL: COPY for
large batches) and reading through the DBAPI cursor keep every type: missing values,
dates, booleans, whole cents, negative floats, on both backends, in small and large
batches."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pandas as pd
from sqlalchemy import select

from desktop.models.dataset import Dataset
from desktop.store import schema as s
from desktop.store.workspace import COPY_FROM, Workspace, bulk_insert

from .test_workspace import assert_same


def programme(n: int) -> Dataset:
    """``n`` dwellings and projects with a missing value, a date and a False every few rows."""
    complexes = [{"complex": "C-1", "corporation": "Portaal", "neighbourhood": "Centrum",
                  "dwellings": n}]
    dwellings = [{"dwelling": f"D{i:05d}", "complex": "C-1", "address": None if i % 3 else f"Laan {i}",
                  "let": i % 4 != 0, "label": None if i % 5 == 0 else "C",
                  "gas_m3": None if i % 2 else 900.5 + i, "electricity_kwh": 0.25 if i % 7 == 0 else 2000.0,
                  "rent_cents": None if i % 6 == 0 else 60_001 + i} for i in range(n)]
    projects = [{"project": f"P{i:05d}", "complex": "C-1", "year": 2024 + i % 10,
                 "gas_saving_m3": 100.0, "electricity_saving_kwh": -50.5,
                 "rent_increase_cents": i, "investment_cents": None if i % 2 else 3_050_000_00,
                 "campaign_start": None if i % 3 else dt.date(2024, 1 + i % 12, 1 + i % 28),
                 "notified_on": dt.date(2025, 12, 31) if i % 4 == 0 else None} for i in range(n)]
    votes = [{"project": f"P{i:05d}", "dwelling": f"D{i:05d}", "vote": "ja" if i % 2 else "nee",
              "date": None if i % 5 == 0 else dt.date(2025, 2, 10), "recorded_by": "Anna"}
             for i in range(1, n, 4)]
    return Dataset.from_records(complexes=complexes, dwellings=dwellings, projects=projects,
                                votes=votes)


def test_small_and_large_batches_round_trip_on_both_backends(new_location, backend):
    for n in (7, COPY_FROM + 50):
        ds = programme(n)
        with Workspace.open(new_location()) as ws:
            ws.replace_all(ds)
            assert_same(ds, ws.load())
            loaded = ws.load()
            d = loaded.dwellings.set_index("dwelling")
            assert d.loc["D00000", "let"] == False and d.loc["D00001", "let"] == True  # noqa: E712
            assert pd.isna(d.loc["D00001", "gas_m3"]) and d.loc["D00000", "gas_m3"] == 900.5
            p = loaded.projects.set_index("project")
            assert p.loc["P00003", "campaign_start"] == pd.Timestamp("2024-04-04")
            assert pd.isna(p.loc["P00001", "campaign_start"])
            assert p.loc["P00000", "investment_cents"] == 305_000_000


def test_sqlite_stores_what_sqlalchemy_stores(tmp_path):
    """Dates as 'YYYY-MM-DD', timestamps as SQLAlchemy writes them, booleans as 0/1: the
    same workspace file as before, readable by SQLAlchemy's own types."""
    ds = programme(12)
    stamp = dt.datetime(2026, 11, 27, 14, 5, 9)
    with Workspace.open(tmp_path / "w.rpw") as ws:
        ws.replace_all(ds)
        with ws.transaction() as conn:
            bulk_insert(conn, s.status_events,
                        pd.DataFrame({"project": ["P00000", "P00001"], "new_status": ["akkoord"] * 2}),
                        changed_by="Bob", changed_at=stamp)
        with ws.engine.connect() as conn:
            assert conn.execute(select(s.status_events.c.changed_at)).scalars().all() == [stamp] * 2
            assert conn.execute(select(s.projects.c.campaign_start)
                                .where(s.projects.c.project == "P00003")).scalar() == dt.date(2024, 4, 4)
    con = sqlite3.connect(tmp_path / "w.rpw")
    try:
        assert con.execute("SELECT campaign_start, typeof(campaign_start) FROM projects "
                           "WHERE project = 'P00003'").fetchone() == ("2024-04-04", "text")
        assert con.execute("SELECT changed_at FROM status_events LIMIT 1").fetchone() == (
            "2026-11-27 14:05:09.000000",)
        assert con.execute("SELECT let, typeof(let) FROM dwellings WHERE dwelling = 'D00000'"
                           ).fetchone() == (0, "integer")
        assert con.execute("SELECT typeof(rent_cents), typeof(gas_m3) FROM dwellings "
                           "WHERE dwelling = 'D00002'").fetchone() == ("integer", "real")
    finally:
        con.close()


def test_rows_as_dicts_and_as_a_frame_write_the_same(new_location, backend):
    """``bulk_insert`` takes dicts (the workspace copy) or a frame (imports) alike."""
    n = COPY_FROM + 3
    frame = pd.DataFrame({
        "measure": [f"maatregel {i:04d}" for i in range(n)],
        "gas_saving_m3": pd.array([None if i % 2 else 10.5 * i for i in range(n)], dtype="Float64"),
        "electricity_saving_kwh": -12.5,
        "cost_cents": pd.array([None if i % 3 else 450_000 + i for i in range(n)], dtype="Int64"),
        "source": [None if i % 2 else "eigen aanbesteding" for i in range(n)]})
    written = []
    for rows in (frame, frame.astype(object).where(frame.notna(), None).to_dict("records")):
        with Workspace.open(new_location()) as ws:
            with ws.transaction() as conn:
                bulk_insert(conn, s.measures, rows, changed_by="Importer")
            with ws.engine.connect() as conn:
                written.append(conn.execute(
                    select(s.measures).order_by(s.measures.c.measure)).all())
    assert written[0] == written[1]
    assert len(written[0]) == n
    first, second = (r._asdict() for r in written[0][:2])
    assert (first["gas_saving_m3"], first["electricity_saving_kwh"], first["cost_cents"],
            first["source"], first["changed_by"], first["row_version"]) == (
        0.0, -12.5, 450_000, "eigen aanbesteding", "Importer", 1)
    assert (second["gas_saving_m3"], second["cost_cents"], second["source"]) == (None, None, None)
