"""The CO2 page's refresh after one project edit at corporation scale, against anchors
measured in the same run.

Builds the synthetic programme (100,000 dwellings, ~4,000 complexes, projects topped up
to ~6,000), shows the page offscreen at the size it has in a 1280x800 window, and times,
after an edit to one project (``controller.changed({"projects"})``):

* model: ``emissions`` with the prepared stock (``prepare_use`` kept: projects only);
* charts: slicing the scope and setting the data of the four charts;
* paint: rendering the whole page (``grab``), what the user waits for on screen;

plus switching the scope (charts only).  Anchors: a numpy dot product of use and factors
for every year over the same dwelling rows (as ``bench_co2``) and painting one bare
chart of the same size with one 31-point curve.  Prints figures; never fails on time.

    .venv/bin/python -m bench.bench_co2_view [--dwellings N] [--projects P] [--repeat R]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from bench.bench_co2 import best_of, with_projects
from bench.synthetic import synthetic_dataset
from desktop.models import co2


class _Holder(QObject):
    """What the page uses of the Controller: ``dataset`` and ``changed`` (the real
    Controller would reload 100,000 rows from SQLite first, which is not the page's
    cost)."""

    changed = Signal(object)

    def __init__(self, dataset):
        super().__init__()
        self.dataset = dataset


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--projects", type=int, default=6_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    from desktop.views.charts import make_plot
    from desktop.views.co2 import Co2Page

    ds = with_projects(synthetic_dataset(args.dwellings), args.projects)
    print(f"stock: {len(ds.dwellings):,} dwellings, {len(ds.complexes):,} complexes, "
          f"{len(ds.projects):,} projects; years 2020-2050")

    # ---- anchors ---------------------------------------------------------------------
    use, _ = co2.dwelling_use(ds)
    stacked = np.stack([use["gas_m3"].to_numpy() * use["dwellings"].to_numpy(),
                        use["electricity_kwh"].to_numpy() * use["dwellings"].to_numpy()], axis=1)
    factors = np.stack([np.full(31, 1.779), np.full(31, 0.497)], axis=0)
    t_dot = best_of(lambda: stacked @ factors, args.repeat)
    bare = make_plot("anchor", "Year", "t CO2")
    bare.plot(np.arange(2020, 2051, dtype=float), np.linspace(1, 0, 31))
    bare.resize(530, 270)
    bare.show()
    app.processEvents()
    t_paint_one = best_of(lambda: bare.grab(), args.repeat)

    # ---- the page --------------------------------------------------------------------
    holder = _Holder(ds)
    t = time.perf_counter()
    page = Co2Page(holder)
    page.resize(1090, 700)
    page.show()
    app.processEvents()
    t_open = time.perf_counter() - t

    col = ds.projects.columns.get_loc("gas_saving_m3")
    model_times, chart_times, total_times = [], [], []
    for _ in range(args.repeat):
        ds.projects.iloc[0, col] = float(ds.projects.iat[0, col]) + 1.0    # an edit
        t = time.perf_counter()
        holder.changed.emit({"projects"})
        total_times.append(time.perf_counter() - t)
        model_times.append(page.timing["model"])
        chart_times.append(page.timing["charts"])
    t_paint = best_of(lambda: page.grab(), args.repeat)

    scopes = [page.scope.itemData(i) for i in range(page.scope.count())]
    scope_times = []
    for i in range(1, min(len(scopes), args.repeat + 1)):
        page.scope.setCurrentIndex(i)
        scope_times.append(page.timing["charts"])

    t_model, t_charts, t_total = min(model_times), min(chart_times), min(total_times)
    print(f"anchor numpy dot (dwellings x 2) @ (2 x 31):  {t_dot * 1000:8.1f} ms")
    print(f"anchor paint one bare chart (530x270):         {t_paint_one * 1000:8.1f} ms")
    print(f"page opened (prepare_use + emissions + draw):  {t_open * 1000:8.1f} ms")
    print(f"after a project edit, model (emissions):       {t_model * 1000:8.1f} ms"
          f"   = {t_model / t_dot:5.1f} x dot")
    print(f"after a project edit, charts (slice + setData):{t_charts * 1000:8.1f} ms")
    print(f"after a project edit, model + charts:          {t_total * 1000:8.1f} ms"
          f"   = {t_total / t_dot:5.1f} x dot")
    print(f"paint the page (4 charts, grab):               {t_paint * 1000:8.1f} ms"
          f"   = {t_paint / t_paint_one:5.1f} x one bare chart")
    if scope_times:
        print(f"switch scope (charts only):                    {min(scope_times) * 1000:8.1f} ms")
    print(f"medians over {args.repeat}: model {np.median(model_times) * 1000:.1f} ms, "
          f"charts {np.median(chart_times) * 1000:.1f} ms, total {np.median(total_times) * 1000:.1f} ms")
    page.close()
    bare.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
