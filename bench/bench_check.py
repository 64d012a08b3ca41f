"""Check speed at corporation scale: ``check_workbook`` against ``pandas.read_excel``.

Generates the 100,000-dwelling workbook (``bench/generate.py``, fixed seed) and, in the
same run, times (a) :func:`desktop.exchange.check.check_workbook` — read, parse,
validate and evaluate — and (b) ``pandas.read_excel(path, sheet_name=None,
engine="openpyxl")``, which only reads the cells.  Prints the figures and their ratio
(target: check <= 0.2 x pandas/openpyxl).  Never passes or fails on time.

    .venv/bin/python -m bench.bench_check [--dwellings N] [--repeat R] [--keep FILE]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_workbook  # noqa: E402
from desktop.exchange.check import check_workbook  # noqa: E402
from desktop.exchange.reader import read_workbook  # noqa: E402


def _best(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_check")
    p.add_argument("--dwellings", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--keep", help="write the workbook here (else a temporary file)")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "programme.xlsx"
        t0 = time.perf_counter()
        write_workbook(path, n_dwellings=args.dwellings, seed=1)
        t_gen = time.perf_counter() - t0
        print(f"workbook: {args.dwellings:,} dwellings, {path.stat().st_size / 1e6:.1f} MB, "
              f"generated in {t_gen:.1f} s")

        t_read, result = _best(lambda: read_workbook(path), args.repeat)
        t_check, report = _best(lambda: check_workbook(path), args.repeat)
        t_pandas, frames = _best(
            lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"), max(1, args.repeat - 2))
        rows = sum(len(f) for f in frames.values())
        print(f"rows: {rows:,} in {len(frames)} sheets; errors {len(report.errors)}, "
              f"warnings {len(report.warnings)}")
        print(f"read_workbook (read + parse + validate): {t_read:6.2f} s")
        print(f"check_workbook (+ evaluate all parts):   {t_check:6.2f} s")
        print(f"pandas.read_excel(engine='openpyxl'):    {t_pandas:6.2f} s")
        print(f"ratio check / pandas-openpyxl: {t_check / t_pandas:.3f} (target <= 0.2); "
              f"read / pandas-openpyxl: {t_read / t_pandas:.3f}")
        del result
    return 0


if __name__ == "__main__":
    sys.exit(main())
