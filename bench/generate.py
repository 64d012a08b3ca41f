"""A 100,000-dwelling programme workbook for benchmarks (openpyxl, write-only mode).

``write_workbook(path, n_dwellings=100_000, seed=1)`` writes the synthetic programme of
:func:`bench.synthetic.synthetic_dataset` (~4,000 complexes in ~20 neighbourhoods,
projects 2021–2035, votes for a tenth of the projects, targets, tariffs, emission
factors) as a plain workbook with the Dutch sheets and headers of
:mod:`desktop.exchange.columns`: real numbers, booleans and dates, money in euros.
The same seed gives the same workbook.  ``write_workspace(path, n_dwellings, seed)``
writes the same programme as a new workspace file (one transaction).

    .venv/bin/python -m bench.generate [--dwellings N] [--seed S] \
        [--workbook X.xlsx] [--workspace Y.rpw]
    .venv/bin/python -m bench.generate OUT.xlsx [--dwellings N] [--seed S]   (older form)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import synthetic_dataset  # noqa: E402
from desktop.exchange.columns import SHEETS  # noqa: E402


def _cells(series: pd.Series, kind: str) -> list:
    """One column as Python cell values (None for empty)."""
    if kind == "money":
        values = (series.astype("Float64") / 100).astype(object)
    elif kind == "date":
        values = pd.Series([None if pd.isna(v) else v.date() for v in series], dtype=object)
    else:
        values = series.astype(object)
    out = values.where(series.notna().to_numpy(), None).tolist()
    return [v.item() if isinstance(v, np.generic) else v for v in out]


def write_workbook(path: str | Path, n_dwellings: int = 100_000, seed: int = 1) -> Path:
    from openpyxl import Workbook

    ds = synthetic_dataset(n_dwellings, seed=seed)
    wb = Workbook(write_only=True)
    for sheet in SHEETS:
        frame = getattr(ds, sheet.table)
        ws = wb.create_sheet(sheet.dutch)
        ws.append([c.dutch for c in sheet.columns])
        columns = [_cells(frame[c.field], c.kind) for c in sheet.columns]
        for row in zip(*columns):
            ws.append(list(row))
    path = Path(path)
    wb.save(path)
    return path


def write_workspace(path: str | Path, n_dwellings: int = 100_000, seed: int = 1) -> Path:
    """A new workspace file holding the synthetic programme (refuses an existing file)."""
    from desktop.store.workspace import Workspace

    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator writes only new workspaces")
    ds = synthetic_dataset(n_dwellings, seed=seed)
    with Workspace.open(path) as ws:
        ws.replace_all(ds, meta={"name": f"Synthetic programme, {n_dwellings:,} dwellings"})
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    p.add_argument("out", nargs="?", help="the workbook to write (same as --workbook)")
    p.add_argument("--workbook", metavar="X.xlsx", help="write the programme workbook here")
    p.add_argument("--workspace", metavar="Y.rpw", help="write a new workspace file here")
    p.add_argument("--dwellings", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    book = args.workbook or args.out
    if not book and not args.workspace:
        p.error("give --workbook X.xlsx and/or --workspace Y.rpw")
    if book:
        print(write_workbook(book, args.dwellings, args.seed))
    if args.workspace:
        try:
            print(write_workspace(args.workspace, args.dwellings, args.seed))
        except FileExistsError as exc:
            print(f"generate: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
