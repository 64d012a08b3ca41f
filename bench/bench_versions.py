"""Plan versions at corporation scale, against an anchor measured in the same run.

The synthetic programme (100,000 dwellings, ~4,000 complexes, topped up to ~6,000
projects), a version that moves every other project a year later, then times

* ``compare`` of the active plan and the version (homes, cost, two CO2 runs, targets,
  differences): what the compare dialog computes;
* saving the active plan as a version in a SQLite workspace (one command), restoring the
  version and adopting one year of it (the commands built and applied);

next to the anchor ``co2.emissions`` from scratch on the same data.  Prints figures and
ratios; never fails on time.

    .venv/bin/python -m bench.bench_versions [--dwellings N] [--projects P]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_co2 import best_of, with_projects  # noqa: E402
from bench.synthetic import synthetic_dataset  # noqa: E402
from desktop import edits  # noqa: E402
from desktop.models import co2, versions  # noqa: E402
from desktop.store.workspace import Workspace  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--projects", type=int, default=6_000)
    args = ap.parse_args(argv)
    ds = with_projects(synthetic_dataset(args.dwellings), args.projects)
    anchor = best_of(lambda: co2.emissions(ds), 2)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "bench.rpw")
        ws.replace_all(ds)
        ds = ws.load()
        t = time.perf_counter()
        ws.apply(edits.save_active(ds, "Nu"))
        save = time.perf_counter() - t
        later = ds.projects.copy()
        moved = (later.index % 2 == 0) & ~versions.fixed(later["status"])
        later.loc[moved, "year"] = later.loc[moved, "year"] + 1
        ws.apply(edits.save_version(ds, "Later", later, kind="proposal"))
        ds = ws.load()
        compare = best_of(lambda: versions.compare(ds, None, "Later"), 2)
        c = versions.compare(ds, None, "Later")
        t = time.perf_counter()
        inverse = ws.apply(edits.restore_version(ds, "Later"))
        restore = time.perf_counter() - t
        t = time.perf_counter()
        ws.apply(inverse)
        undo = time.perf_counter() - t
        year = int(c.differences["year_b"].dropna().mode().iloc[0])
        t = time.perf_counter()
        command = edits.adopt_step(ds, "Later", year=year)
        ws.apply(command)
        adopt = time.perf_counter() - t
        n_adopt = len(command.commands)
        ws.close()
    print(f"dwellings {args.dwellings:,}, projects {len(ds.projects):,}, "
          f"projects that differ {len(c.differences):,}")
    print(f"anchor  co2.emissions from scratch    {anchor * 1000:8.0f} ms")
    for name, value in (("compare (active vs version)", compare),
                        ("save active plan as version", save),
                        ("restore version (apply)", restore), ("undo restore", undo),
                        (f"adopt year {year} ({n_adopt} edits)", adopt)):
        print(f"        {name:<30}{value * 1000:8.0f} ms   {value / anchor:5.2f} x anchor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
