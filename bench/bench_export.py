"""Export speed at corporation scale: ``write_workbook`` against a plain pandas dump.

Builds the synthetic 100,000-dwelling programme and, in the same run, writes it
(a) with :func:`desktop.exchange.writer.write_workbook` (both engines) and (b) as the same rows with
``DataFrame.to_excel(engine="openpyxl")`` (one sheet per table, no styling), and prints
both times and their ratio.  Prints figures only; never passes or fails on time.

    .venv/bin/python -m bench.bench_export [--dwellings N] [--repeat R]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import synthetic_dataset  # noqa: E402
from desktop.exchange.columns import SHEETS  # noqa: E402
from desktop.exchange.writer import ENGINES, write_workbook  # noqa: E402


def pandas_export(ds, path) -> None:
    """The same rows as the workbook, dumped by pandas (Dutch headers, euros)."""
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for sheet in SHEETS:
            frame = getattr(ds, sheet.table)
            out = {}
            for col in sheet.columns:
                s = frame[col.field]
                if col.kind == "money":
                    s = s / 100
                elif col.kind == "yesno":
                    s = s.map({True: "ja", False: "nee"})
                out[col.dutch] = s
            pd.DataFrame(out).to_excel(xw, sheet_name=sheet.dutch, index=False)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)

    t = time.perf_counter()
    ds = synthetic_dataset(n_dwellings=args.dwellings, seed=1)
    print(f"synthetic dataset: {time.perf_counter() - t:.2f} s "
          f"({len(ds.complexes):,} complexes, {len(ds.dwellings):,} dwellings, "
          f"{len(ds.projects):,} projects, {len(ds.votes):,} votes)")

    with tempfile.TemporaryDirectory() as tmp:
        ours = os.path.join(tmp, "ours.xlsx")
        theirs = os.path.join(tmp, "pandas.xlsx")
        t_pandas = best_of(lambda: pandas_export(ds, theirs), args.repeat)
        size_pandas = os.path.getsize(theirs) / 1e6
        print(f"DataFrame.to_excel (openpyxl):           {t_pandas:6.2f} s  ({size_pandas:.1f} MB)")
        for engine in ENGINES:
            t_ours = best_of(lambda: write_workbook(ds, ours, engine=engine), args.repeat)
            size_ours = os.path.getsize(ours) / 1e6
            print(f"write_workbook(engine={engine + '):':12} {t_ours:6.2f} s  ({size_ours:.1f} MB)"
                  f"  ratio {t_ours / t_pandas:.2f} (target <= 0.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
