"""Kill real import processes (SIGKILL) at many moments and tally what the workspace holds
afterwards: nothing of the import, all of it, or (never) a part.  Prints a table; it
measures, it does not pass or fail.

    .venv/bin/python -m bench.kill_imports [--kills 40] [--dwellings 8000]
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.store.workspace import Workspace, count_rows, sqlite_integrity_ok

from .generate import write_workbook

ROOT = Path(__file__).resolve().parent.parent
DRIVER = """
import sys
from desktop.store.workspace import Workspace
from desktop.exchange.importer import import_workbook
ws = Workspace.open(sys.argv[2])
def progress(f):
    print(f"at {f:.2f}", flush=True)
    return True
import_workbook(sys.argv[1], ws, progress=progress)
print("finished", flush=True)
"""


def data_counts(path: Path) -> dict[str, int]:
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return {t: n for t, n in count_rows(conn).items() if t not in ("meta", "alembic_version")}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--kills", type=int, default=40)
    p.add_argument("--dwellings", type=int, default=8000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp())
    book = write_workbook(tmp / "book.xlsx", n_dwellings=args.dwellings, seed=args.seed)
    full = tmp / "full.rpw"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", DRIVER, str(book), str(full)], cwd=ROOT, check=True,
                   capture_output=True)
    duration = time.perf_counter() - t0
    complete = data_counts(full)
    tally = {"none": 0, "all": 0, "partial": 0, "damaged": 0}
    for i in range(args.kills):
        path = tmp / f"ws{i}.rpw"
        Workspace.open(path).close()
        empty = data_counts(path)
        delay = rng.uniform(0.0, duration)
        with subprocess.Popen([sys.executable, "-c", DRIVER, str(book), str(path)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if not sqlite_integrity_ok(path):
            tally["damaged"] += 1
            continue
        state = data_counts(path)
        tally["none" if state == empty else "all" if state == complete else "partial"] += 1
    print(f"import of {args.dwellings:,} dwellings takes {duration:.2f} s (process start included)")
    print(f"{args.kills} SIGKILLs at random moments in 0 … {duration:.2f} s:")
    for k, v in tally.items():
        print(f"  {k:8s} {v}")
    return 1 if tally["partial"] or tally["damaged"] else 0


if __name__ == "__main__":
    sys.exit(main())
