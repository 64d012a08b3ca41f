"""Copy a whole workspace: a team database to a local file (to work offline), or a local
file to a new team database.

The copy is complete: every table — records with their row versions and last editors,
the full vote and status histories with their ids, corporations, neighbourhoods and the
workspace's meta data — read from one consistent snapshot of the source and written in
one transaction on the destination, which must be new or empty.

    python -m desktop.store.copy SOURCE DESTINATION
"""
from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import Integer, func, select
from sqlalchemy.engine import Connection

from . import schema as s
from .workspace import Workspace, WorkspaceError, bulk_insert, public_location

CHUNK = 20_000


def _order(table) -> list:
    return list(table.primary_key.columns) or list(table.columns)


def table_rows(conn: Connection, table) -> list[tuple]:
    """All rows of one table in key order (comparing copies)."""
    return [tuple(r) for r in conn.execute(select(table).order_by(*_order(table)))]


def _begin_snapshot(conn: Connection) -> None:
    """Read every table from one snapshot of the source."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    else:   # pysqlite does not begin a transaction for SELECTs by itself
        conn.exec_driver_sql("BEGIN")


def _is_empty(conn: Connection) -> bool:
    return all(conn.execute(select(func.count()).select_from(t)).scalar() == 0
               for t in s.metadata.sorted_tables if t is not s.meta)


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL: serial ids continue after the copied ones."""
    if conn.dialect.name != "postgresql":
        return
    for table in s.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].autoincrement is True:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT max({pk[0].name}) FROM {table.name}), 0) + 1, false)")


def copy_workspace(src_location: str | os.PathLike, dst_location: str | os.PathLike, *,
                   chunk: int = CHUNK) -> dict[str, int]:
    """Copy the workspace at ``src_location`` to ``dst_location`` (a file path or a
    ``postgresql://`` URL; created when new, else it must be empty).  Returns the number
    of rows copied per table.  Nothing is written to the destination unless all is."""
    src = Workspace.open(src_location, create=False)
    try:
        dst = Workspace.open(dst_location, create=True)
    except Exception:
        src.close()
        raise
    counts: dict[str, int] = {}
    try:
        with src.engine.connect() as sconn, dst.transaction() as dconn:
            _begin_snapshot(sconn)
            if not _is_empty(dconn):
                raise WorkspaceError(
                    f"{public_location(str(dst_location))} is not empty; copy only into a new "
                    "or empty workspace.")
            dconn.execute(s.meta.delete())
            for table in s.metadata.sorted_tables:   # parents before children
                result = sconn.execution_options(yield_per=chunk).execute(
                    select(table).order_by(*_order(table)))
                n = 0
                for part in result.partitions():
                    bulk_insert(dconn, table, [r._asdict() for r in part])
                    n += len(part)
                counts[table.name] = n
            _reset_sequences(dconn)
            sconn.rollback()
    finally:
        src.close()
        dst.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.store.copy",
                                description="Copy a workspace (file or postgresql:// URL) completely "
                                            "into a new or empty one.")
    p.add_argument("source")
    p.add_argument("destination")
    args = p.parse_args(argv)
    try:
        counts = copy_workspace(args.source, args.destination)
    except WorkspaceError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(", ".join(f"{k}: {v}" for k, v in counts.items() if v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
