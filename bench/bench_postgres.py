"""Import at corporation scale into PostgreSQL against SQLite, side by side.

Writes the synthetic 100,000-dwelling workbook (``bench.generate.write_workbook``) and, in
the same run, imports it into a new SQLite workspace and into a new PostgreSQL database
(read + validate + plan, then the write in one transaction), next to the anchor of a plain
``pandas.read_excel(engine="openpyxl")`` of the same file.  Then copies each workspace to
the other backend (``desktop.store.copy``).  Prints figures only; never passes or fails.

    export RETROFIT_PG_URL=$(bash scripts/postgres.sh)
    .venv/bin/python -m bench.bench_postgres [--dwellings N] [--pg-url URL]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_workbook  # noqa: E402
from desktop.exchange.importer import commit_import, prepare_import  # noqa: E402
from desktop.store.copy import copy_workspace  # noqa: E402
from desktop.store.workspace import Workspace, count_rows, engine_url  # noqa: E402


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def import_into(location: str, book: Path) -> dict[str, float]:
    t_open, ws = timed(lambda: Workspace.open(location, user="bench"))
    try:
        t_plan, outcome = timed(lambda: prepare_import(book, ws))
        assert outcome.ok, outcome.errors[:3]
        t_write, _ = timed(lambda: commit_import(outcome, ws, keep_backups=1))
        with ws.engine.connect() as conn:
            n = count_rows(conn)
    finally:
        ws.close()
    return {"open": t_open, "plan": t_plan, "write": t_write, "dwellings": n["dwellings"],
            "votes": n["vote_events"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--pg-url", default=os.environ.get("RETROFIT_PG_URL"),
                    help="a server URL whose user may create databases (default $RETROFIT_PG_URL)")
    args = ap.parse_args(argv)
    if not args.pg_url:
        ap.error("no PostgreSQL server: pass --pg-url or set RETROFIT_PG_URL "
                 "(bash scripts/postgres.sh starts one)")
    admin = create_engine(engine_url(args.pg_url), isolation_level="AUTOCOMMIT")
    databases = [f"bench_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    for name in databases:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    server = engine_url(args.pg_url)
    pg_import, pg_copy = (server.set(drivername="postgresql", database=d).render_as_string(False)
                          for d in databases)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            book = Path(tmp) / "programme.xlsx"
            t, _ = timed(lambda: write_workbook(book, args.dwellings))
            print(f"workbook: {args.dwellings:,} dwellings, {book.stat().st_size / 1e6:.1f} MB "
                  f"(written in {t:.1f} s)")
            t_anchor, _ = timed(lambda: pd.read_excel(book, sheet_name=None, engine="openpyxl"))
            sqlite = import_into(str(Path(tmp) / "ws.rpw"), book)
            pg = import_into(pg_import, book)
            print(f"\n{'import':34} {'SQLite':>9} {'PostgreSQL':>11}")
            for key, label in (("open", "open/create (migrations)"),
                               ("plan", "read + validate + plan"),
                               ("write", "write (one transaction)")):
                print(f"{label:34} {sqlite[key]:8.2f}s {pg[key]:10.2f}s")
            total_s = sqlite["open"] + sqlite["plan"] + sqlite["write"]
            total_p = pg["open"] + pg["plan"] + pg["write"]
            print(f"{'total':34} {total_s:8.2f}s {total_p:10.2f}s")
            print(f"{'anchor: pandas.read_excel(openpyxl)':34} {t_anchor:8.2f}s {t_anchor:10.2f}s")
            print(f"{'total / anchor':34} {total_s / t_anchor:9.2f} {total_p / t_anchor:10.2f}")
            print(f"{'rows: dwellings, vote events':34} {sqlite['dwellings']:,}, {sqlite['votes']:,}"
                  f" | {pg['dwellings']:,}, {pg['votes']:,}")
            t_to_file, _ = timed(lambda: copy_workspace(pg_import, str(Path(tmp) / "offline.rpw")))
            t_to_pg, _ = timed(lambda: copy_workspace(str(Path(tmp) / "ws.rpw"), pg_copy))
            print(f"\ncopy PostgreSQL -> file: {t_to_file:.2f} s;  file -> PostgreSQL: {t_to_pg:.2f} s")
    finally:
        for name in databases:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
