"""One measured step of ``python -m bench.run_all``, run in its own process.

Each step runs in a fresh interpreter so its peak memory (``ru_maxrss``) is its own.
It prints one line ``RESULT {json}`` on standard output: ``seconds`` (the measured
figure), ``peak_rss_mb`` and step-specific details.  Steps never fail on time.

    .venv/bin/python -m bench.measure_step STEP --book B.xlsx --workspace W.rpw --tmp DIR

Steps (see :data:`STEPS`):

* anchors — ``read_excel`` (pandas + openpyxl reading the workbook), ``to_excel``
  (``DataFrame.to_excel(engine="openpyxl")`` of the workspace's rows), ``read_sql``
  (pandas reading every table of the workspace file), ``numpy_co2`` (a dot product of
  use and factors per dwelling to 2050), ``pandas_pivot`` (dwellings per corporation and
  year), ``pandas_tally`` (votes per project and answer);
* the planner — ``check``, ``import``, ``export``, ``window`` (open the workspace to a
  painted window, then first show of each page), ``programme_edit``, ``co2_edit``,
  ``vote``, ``scroll``, ``sort_filter``, ``stock`` (the Stock page: show, search,
  filter, sort, an edit), ``report`` (the yearly report: load, figures, PDF; and the
  xlsx), ``import_window`` (an import through the
  window's File menu with a 10 ms heartbeat timer on the GUI thread) and
  ``open_window`` (File → Open of the workspace, with a 5 ms heartbeat).
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    On Linux ``VmHWM`` of /proc/self/status: ``ru_maxrss`` would also count the parent's
    peak at the fork (Linux carries it over exec), which would blur small steps."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024, 1)


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def copy_workspace(src: Path, tmp: Path, name: str) -> Path:
    """A private copy of the workspace file (edits must not leak into other steps)."""
    dst = tmp / f"{name}.rpw"
    shutil.copyfile(src, dst)
    return dst


# ----- anchors: what a user would otherwise run -----------------------------------------
def step_read_excel(a) -> dict:
    import pandas as pd

    t, frames = timed(lambda: pd.read_excel(a.book, sheet_name=None, engine="openpyxl"))
    return {"seconds": t, "rows": int(sum(len(f) for f in frames.values()))}


def step_to_excel(a) -> dict:
    from bench.bench_export import pandas_export
    from desktop.store.workspace import Workspace

    with Workspace.open(a.workspace, create=False) as ws:
        ds = ws.load()
    out = Path(a.tmp) / "pandas.xlsx"
    t, _ = timed(lambda: pandas_export(ds, out))
    return {"seconds": t, "mb": round(out.stat().st_size / 1e6, 1)}


def step_read_sql(a) -> dict:
    import pandas as pd

    def read_all():
        with sqlite3.connect(a.workspace) as conn:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
            return {n: pd.read_sql_query(f'SELECT * FROM "{n}"', conn) for n in names}
    t, frames = timed(read_all)
    return {"seconds": t, "rows": int(sum(len(f) for f in frames.values()))}


def _stock(a):
    from desktop.store.workspace import Workspace

    with Workspace.open(a.workspace, create=False) as ws:
        return ws.load()


def best_of(fn, repeat: int = 7) -> float:
    return min(timed(fn)[0] for _ in range(repeat))


def step_numpy_co2(a) -> dict:
    import numpy as np

    from desktop.models import co2

    ds = _stock(a)
    use, _ = co2.dwelling_use(ds)
    gas = use["gas_m3"].to_numpy(dtype=float) * use["dwellings"].to_numpy(dtype=float)
    el = use["electricity_kwh"].to_numpy(dtype=float) * use["dwellings"].to_numpy(dtype=float)
    f = ds.emission_factors
    factors = np.stack([np.resize(f["gas_kg_m3"].to_numpy(dtype=float), 31),
                        np.resize(f["electricity_kg_kwh"].to_numpy(dtype=float), 31)])
    stacked = np.stack([gas, el], axis=1)
    return {"seconds": best_of(lambda: stacked @ factors), "dwellings": len(use)}


def step_pandas_pivot(a) -> dict:
    import pandas as pd

    ds = _stock(a)
    frame = ds.projects.merge(ds.complexes[["complex", "corporation"]], on="complex")
    counts = ds.dwellings.groupby("complex").size().rename("n").reset_index()
    frame = frame.merge(counts, on="complex", how="left")
    return {"seconds": best_of(lambda: pd.pivot_table(frame, index="corporation", columns="year",
                                                      values="n", aggfunc="sum"))}


def step_pandas_tally(a) -> dict:
    ds = _stock(a)
    votes = ds.votes
    return {"seconds": best_of(lambda: votes.groupby(["project", "vote"]).size())}


# ----- the planner's batch work ---------------------------------------------------------
def step_check(a) -> dict:
    from desktop.exchange.check import check_workbook

    t, report = timed(lambda: check_workbook(a.book))
    return {"seconds": t, "errors": len(report.errors), "warnings": len(report.warnings)}


def step_import(a) -> dict:
    from desktop.exchange.importer import import_workbook
    from desktop.store.workspace import Workspace

    target = Path(a.tmp) / "imported.rpw"
    for p in (target, Path(str(target) + "-wal"), Path(str(target) + "-shm")):
        p.unlink(missing_ok=True)

    def run():
        with Workspace.open(target) as ws:
            return import_workbook(a.book, ws, keep_backups=1)
    t, outcome = timed(run)
    assert outcome.ok and outcome.applied, outcome.errors[:3]
    return {"seconds": t, "added": int(outcome.plan.added)}


def step_export(a) -> dict:
    from desktop.exchange.writer import write_workbook
    from desktop.store.workspace import Workspace

    out = Path(a.tmp) / "export.xlsx"
    t0 = time.perf_counter()
    with Workspace.open(a.workspace, create=False) as ws:
        ds = ws.load()
    t_load = time.perf_counter() - t0
    write_workbook(ds, out)
    t = time.perf_counter() - t0
    return {"seconds": t, "load_seconds": t_load, "mb": round(out.stat().st_size / 1e6, 1)}


def step_report(a) -> dict:
    """The yearly monitoring report of 2025 as the ``report`` command makes it: open and
    load the workspace, compute the figures, write the PDF (charts drawn offscreen); then
    the xlsx from the same figures."""
    from desktop.documents.report import write_report_pdf
    from desktop.exchange.monitoring_xlsx import write_report_xlsx
    from desktop.models.monitoring import monitoring
    from desktop.store.workspace import Workspace

    t0 = time.perf_counter()
    with Workspace.open(a.workspace, create=False) as ws:
        ds = ws.load()
    t_load = time.perf_counter() - t0
    t_figures, m = timed(lambda: monitoring(ds, 2025))
    t_pdf, pages = timed(lambda: write_report_pdf(m, Path(a.tmp) / "report.pdf", lang="nl",
                                                  source="synthetic"))
    t = time.perf_counter() - t0
    t_xlsx, _ = timed(lambda: write_report_xlsx(m, Path(a.tmp) / "report.xlsx", lang="nl",
                                                source="synthetic"))
    return {"seconds": t, "load_seconds": t_load, "figures_seconds": t_figures,
            "pdf_seconds": t_pdf, "pages": pages, "xlsx_seconds": t_xlsx,
            "xlsx_total_seconds": t_load + t_figures + t_xlsx}


# ----- the window -----------------------------------------------------------------------
class Heartbeat:
    """A timer beating every ``ms`` milliseconds on the GUI thread from now on: a gap
    between two beats is a time the GUI thread was busy in one go."""

    def __init__(self, ms: int = 5):
        from PySide6.QtCore import QTimer

        self.start = time.perf_counter()
        self.beats = [self.start]
        self._timer = QTimer()
        self._timer.setInterval(ms)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self._timer.start()

    def stop(self, at: float | None = None) -> list[float]:
        """Stop beating (the last beat ``at``, else now); returns the gaps."""
        self._timer.stop()
        self.beats.append(time.perf_counter() if at is None else at)
        return [b - a_ for a_, b in itertools.pairwise(self.beats)]


class Gui:
    """An offscreen application with the app's own settings folder under ``tmp``."""

    def __init__(self, tmp: str):
        os.environ.setdefault(
            "QT_QPA_PLATFORM",
            f"offscreen:configfile={ROOT / 'tests' / 'offscreen-screen.json'}")
        os.environ["RETROFIT_PLANNER_HOME"] = str(Path(tmp) / "app-home")
        os.environ["LANGUAGE"] = "en"
        from PySide6.QtCore import QEvent, QObject

        from desktop.app import make_application

        self.tmp = tmp
        self.app = make_application(["bench"])
        self.paints: dict[int, int] = {}
        paints = self.paints

        class _Counter(QObject):
            def eventFilter(self, obj, event):   # Qt's name
                if event.type() == QEvent.Type.Paint:
                    paints[id(obj)] = paints.get(id(obj), 0) + 1
                return False

        self.counter = _Counter()
        self.app.installEventFilter(self.counter)

    def painted(self, widget, timeout: float = 30.0) -> float:
        """Process events until ``widget`` has been painted (once more than now) and the
        queue is drained; returns the seconds it took."""
        from desktop.views.refresh import wait_until

        t = time.perf_counter()
        before = self.paints.get(id(widget), 0)
        widget.update()
        wait_until(lambda: self.paints.get(id(widget), 0) > before, timeout)
        self.app.processEvents()
        return time.perf_counter() - t

    def ready(self, widget, timeout: float = 60.0) -> dict:
        """Process events until ``widget`` has been painted, no page is computing on a
        worker thread and ``widget`` has been painted once more after that (its data
        shown), with a 5 ms heartbeat timer: returns the seconds it took and the longest
        time the GUI thread was busy in one go meanwhile."""
        from desktop.views.refresh import settle

        heart = Heartbeat()
        self.painted(widget, timeout)
        settle(timeout)
        self.painted(widget, timeout)
        gaps = heart.stop()
        return {"seconds": time.perf_counter() - heart.start, "longest_block_seconds": max(gaps)}

    def open_window(self, workspace: Path):
        from desktop.app import build_window
        from desktop.settings import Settings
        from desktop.store.workspace import Workspace

        settings = Settings.load()
        settings.user_name = "Bench"
        ws = Workspace.open(workspace, create=False)
        window = build_window(ws, settings)
        window.resize(1280, 800)
        window.show()
        return window

    def started(self, window, timeout: float = 30.0) -> dict:
        """Let the window finish what ``desktop.app.run_window`` starts after show()
        (importing the chart modules, settling the heap: ``desktop.app.started``), as a
        user would while looking at the first page.  Returns the seconds it took and
        the longest time the GUI thread was busy in one go meanwhile."""
        from desktop.app import started
        from desktop.views.refresh import wait_until

        done: list[float] = []
        heart = Heartbeat()
        started(window, done=lambda: done.append(time.perf_counter()))
        wait_until(lambda: bool(done), timeout)
        gaps = heart.stop(done[0] if done else None)
        return {"seconds": time.perf_counter() - heart.start, "longest_block_seconds": max(gaps)}

    def edit(self, page, edit, timeout: float = 60.0) -> dict:
        """Run ``edit()`` on the GUI thread as a click would, then wait until no page
        is computing and ``page`` has been painted, with a 5 ms heartbeat timer.
        Returns what ``edit()`` returned (``ok``), the seconds the call took
        (``call_seconds``), the longest time the GUI thread was busy in one go
        (``longest_block_seconds``) and the seconds until the page showed the outcome
        (``seconds``)."""
        from PySide6.QtCore import QTimer

        from desktop.views.refresh import settle, wait_until

        out: dict = {}

        def run():
            t = time.perf_counter()
            out["ok"] = edit()
            out["call_seconds"] = time.perf_counter() - t
        heart = Heartbeat()
        QTimer.singleShot(0, run)
        wait_until(lambda: "call_seconds" in out, timeout)
        settle(timeout)
        self.painted(page, timeout)
        gaps = heart.stop()
        out.update(seconds=time.perf_counter() - heart.start, longest_block_seconds=max(gaps))
        return out

    def empty_window(self, name: str):
        """A window on a new, empty workspace ``name``.rpw, shown and started."""
        from desktop.store.workspace import Workspace

        path = Path(self.tmp) / f"{name}.rpw"
        path.unlink(missing_ok=True)
        Workspace.open(path).close()
        window = self.open_window(path)
        self.painted(window)
        self.started(window)
        return window


def step_window(a) -> dict:
    from desktop.views.pages import PAGES

    gui = Gui(a.tmp)
    path = copy_workspace(Path(a.workspace), Path(a.tmp), "window")
    t0 = time.perf_counter()
    window = gui.open_window(path)
    gui.painted(window.stack.currentWidget())
    t_open = time.perf_counter() - t0
    warm = gui.started(window)
    pages, blocks = {}, {}
    for key, _module, _cls in PAGES[1:]:
        # the page's work runs inside show_page (and its data may arrive later from a
        # worker thread): the heartbeat starts before the click, as a user's would
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda k=key: window.show_page(k))
        shown = gui.ready(window.stack)
        pages[key] = shown["seconds"]
        blocks[key] = shown["longest_block_seconds"]
    window.grab().save(str(Path(a.tmp) / "window.png"))
    out = {"seconds": t_open, "first_show": pages, "first_show_block": blocks, "warm_up": warm,
           "rss_after_open_pages_mb": peak_rss_mb()}
    window.close()
    window.controller.workspace.close()
    return out


def step_programme_edit(a) -> dict:
    gui = Gui(a.tmp)
    window = gui.open_window(copy_workspace(Path(a.workspace), Path(a.tmp), "programme"))
    gui.started(window)
    window.show_page("programme")
    page = window.page("programme")
    gui.ready(page)                                 # shown and filled (a worker computes it)
    edits = []
    for i in range(5):                              # move five projects a year
        frame = window.controller.dataset.projects
        row = frame.iloc[i * 97 % len(frame)]
        year = int(row["year"]) + 1 if int(row["year"]) < 2035 else int(row["year"]) - 1
        edits.append(gui.edit(page, lambda p=str(row["project"]), y=year: page.move_projects([p], y)))
        assert edits[-1]["ok"]
        assert page.project_model.frame().set_index("project").at[row["project"], "year"] == year
    window.close()
    window.controller.workspace.close()
    return _edit_figures(edits)


def _edit_figures(edits: list[dict]) -> dict:
    """Median and slowest of the edits' longest GUI-thread steps (``seconds``), and
    of the time until the page showed each outcome."""
    def median(key):
        return sorted(e[key] for e in edits)[len(edits) // 2]
    return {"seconds": median("longest_block_seconds"),
            "max_seconds": max(e["longest_block_seconds"] for e in edits),
            "call_seconds": median("call_seconds"), "shown_seconds": median("seconds"),
            "max_shown_seconds": max(e["seconds"] for e in edits), "edits": len(edits)}


def step_co2_edit(a) -> dict:
    from desktop.models import co2
    from desktop.store.commands import Upsert

    ds = _stock(a)
    prepared = co2.prepare_use(ds)
    co2.emissions(ds, use=prepared)
    col = ds.projects.columns.get_loc("gas_saving_m3")

    def edit_and_recompute():
        ds.projects.iloc[0, col] = float(ds.projects.iat[0, col]) + 1.0
        co2.emissions(ds, use=prepared)
    t_model = best_of(edit_and_recompute)
    out = {"seconds": t_model, "model_from_scratch": best_of(lambda: co2.emissions(ds), 3)}

    try:                                            # the page, when it exists
        from desktop.views.co2 import Co2Page
    except ImportError:
        return out
    from desktop.views.controller import Controller

    gui = Gui(a.tmp)
    from desktop.settings import Settings
    from desktop.store.workspace import Workspace

    ws = Workspace.open(copy_workspace(Path(a.workspace), Path(a.tmp), "co2"), create=False)
    ctl = Controller(ws, Settings.load())
    page = Co2Page(ctl)
    page.resize(1280, 760)
    page.show()
    gui.painted(page)
    from desktop.views.refresh import settle, wait_until
    settle()                                        # first figures from the worker thread
    wait_until(page.charts_filled)                  # charts built one per turn, then filled
    gui.painted(page)
    from desktop.app import settle_heap
    settle_heap()                                   # as the application does at start-up
    project = str(ctl.dataset.projects["project"].iloc[0])
    edits = []
    for _ in range(5):
        current = ctl.dataset.projects.set_index("project").at[project, "gas_saving_m3"]
        cmd = Upsert("projects", {"project": project}, {"gas_saving_m3": float(current) + 10.0},
                     expected_version=ws.row_versions("projects").get((project,)))
        edits.append(gui.edit(page, lambda c=cmd: ctl.execute(c, "bench")))
        assert page.charts_filled()
    figures = _edit_figures(edits)
    out["page_edit_to_painted"] = figures["shown_seconds"]
    out["page_edit_block"] = figures["seconds"]
    out["page_edit_max_block"] = figures["max_seconds"]
    out["page_model_seconds"] = getattr(page, "timing", {}).get("model")
    page.close()
    ws.close()
    return out


def step_vote(a) -> dict:
    gui = Gui(a.tmp)
    window = gui.open_window(copy_workspace(Path(a.workspace), Path(a.tmp), "vote"))
    gui.started(window)
    ds = window.controller.dataset
    window.show_page("support")
    page = window.page("support")
    gui.ready(page)                                 # shown and filled (a worker computes it)
    # the project with the most votes (a tiny test stock may have none yet)
    counts = ds.votes["project"].value_counts()
    project = str(counts.index[0] if len(counts) else ds.projects["project"].iloc[0])
    page.select_project(project)
    gui.painted(page)
    frame = page.vote_model.frame()
    let = frame[frame["let"].astype(bool)]
    edits = []
    for dwelling in let["dwelling"].astype(str).head(5):
        current = page.vote_model.vote_at(page.vote_model.row_of(dwelling))
        vote = "nee" if current == "ja" else "ja"
        edits.append(gui.edit(page, lambda d=dwelling, v=vote: page.record_vote(d, v)))
        assert edits[-1]["ok"]
        assert page.vote_model.vote_at(page.vote_model.row_of(dwelling)) == vote
    window.close()
    window.controller.workspace.close()
    return {**_edit_figures(edits), "project": project, "dwellings": len(frame)}


def step_stock(a) -> dict:
    """The Stock page at full size: first show, a search by a dwelling's address, a
    filter, a sort by every column and an edit of a complex, each with a 5 ms heartbeat:
    ``seconds`` is the longest GUI-thread step of them all."""
    from PySide6.QtCore import Qt

    gui = Gui(a.tmp)
    window = gui.open_window(copy_workspace(Path(a.workspace), Path(a.tmp), "stock"))
    gui.started(window)
    window.show_page("stock")
    page = window.page("stock")
    shown = gui.ready(page)
    ds = window.controller.dataset
    address = str(ds.dwellings["address"].dropna().iloc[len(ds.dwellings) // 2])
    searched = gui.edit(page, lambda: page.search.setText(address) or page.apply_filters())
    assert page.complex_model.rowCount() >= 1
    cleared = gui.edit(page, lambda: page.search.setText("") or page.apply_filters())
    corp = page.corporation_filter
    filtered = gui.edit(page, lambda: corp.setCurrentIndex(1))
    corp.setCurrentIndex(0)
    sorts = [gui.edit(page, lambda c=c, o=o: page.complex_view.sortByColumn(c, o))
             for c in range(page.complex_model.columnCount())
             for o in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
    complex_id = str(ds.complexes["complex"].iloc[0])
    page.select_complex(complex_id)

    dialogs = []
    opened = gui.edit(page, lambda: dialogs.append(page.complex_dialog(complex_id)) or True)
    dialogs[0].editors["name"].widget.setText("Renamed")
    edits = [opened, gui.edit(page, lambda: dialogs[0].accept() or dialogs[0].result() == 1)]
    assert edits[-1]["ok"]
    window.close()
    window.controller.workspace.close()
    blocks = {"show": shown["longest_block_seconds"],
              "search": searched["longest_block_seconds"],
              "clear_search": cleared["longest_block_seconds"],
              "filter": filtered["longest_block_seconds"],
              "sort": max(s["longest_block_seconds"] for s in sorts),
              "open_form": edits[0]["longest_block_seconds"],
              "edit": edits[1]["longest_block_seconds"]}
    return {"seconds": max(blocks.values()), **{f"{k}_seconds": v for k, v in blocks.items()},
            "complexes": len(ds.complexes), "dwellings": len(ds.dwellings)}


def _dwellings_table(gui, ds):
    """A QTableView over the 100k dwellings with the app's table model and formatters."""
    from PySide6.QtWidgets import QTableView

    from desktop.views import fmt
    from desktop.views.frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel

    model = FrameTableModel([
        ColumnSpec("dwelling", "Dwelling"), ColumnSpec("complex", "Complex"),
        ColumnSpec("address", "Address"),
        ColumnSpec("let", "Let", lambda v: "" if v is None else ("yes" if v else "no")),
        ColumnSpec("label", "Label"),
        ColumnSpec("gas_m3", "Gas m³", fmt.integer, NUMBER_ALIGN),
        ColumnSpec("electricity_kwh", "Electricity kWh", fmt.integer, NUMBER_ALIGN),
        ColumnSpec("rent_cents", "Rent", fmt.money_cents, NUMBER_ALIGN),
    ], key="dwelling")
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.resize(1200, 760)
    t, _ = timed(lambda: model.set_frame(ds.dwellings))
    view.show()
    gui.painted(view.viewport())
    return model, view, t


def step_scroll(a) -> dict:
    gui = Gui(a.tmp)
    ds = _stock(a)
    model, view, t_fill = _dwellings_table(gui, ds)
    bar = view.verticalScrollBar()
    pages, worst, t0 = 0, 0.0, time.perf_counter()
    while True:
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()                  # paint now: one page of rows
        worst = max(worst, time.perf_counter() - t)
        pages += 1
        if bar.value() >= bar.maximum():
            break
    total = time.perf_counter() - t0
    return {"seconds": total, "pages": pages, "worst_page_seconds": worst,
            "per_page_seconds": total / pages, "rows": model.rowCount(), "fill_seconds": t_fill}


def step_sort_filter(a) -> dict:
    import numpy as np
    from PySide6.QtCore import Qt

    gui = Gui(a.tmp)
    ds = _stock(a)
    model, view, _ = _dwellings_table(gui, ds)
    frame = ds.dwellings
    sorts, anchors = {}, {}
    for col in range(model.columnCount()):
        key = model._specs[col].key
        t = time.perf_counter()
        model.sort(col, Qt.SortOrder.AscendingOrder)
        model.sort(col, Qt.SortOrder.DescendingOrder)
        view.viewport().repaint()
        sorts[key] = (time.perf_counter() - t) / 2
        anchors[key] = timed(lambda k=key: frame.sort_values(k, kind="stable"))[0]
    filters, filter_anchor = {}, {}
    model.sort(0, Qt.SortOrder.AscendingOrder)
    for col in range(model.columnCount()):
        key = model._specs[col].key
        s = frame[key]
        probe = s.dropna().iloc[len(s.dropna()) // 2]

        def mask(s=s, probe=probe):
            if s.dtype.kind in "OU" or str(s.dtype).startswith("string"):
                return s.str.contains(str(probe)[:4], regex=False).fillna(False).to_numpy(bool)
            return (s == probe).fillna(False).to_numpy(bool)
        t = time.perf_counter()
        m = mask()
        model.set_frame(frame[m])
        view.viewport().repaint()
        filters[key] = time.perf_counter() - t
        filter_anchor[key] = timed(lambda: frame[mask()])[0]
    model.set_frame(frame)
    return {"seconds": max(sorts.values()), "sort_anchor_seconds": max(anchors.values()),
            "filter_seconds": max(filters.values()), "filter_anchor_seconds": max(filter_anchor.values()),
            "sorts": sorts, "filters": filters, "rows": len(frame),
            "median_sort": float(np.median(list(sorts.values())))}


def step_import_window(a) -> dict:
    """An import through File → Import workbook… on a new workspace, with a 10 ms
    heartbeat on the GUI thread: the longest gap between beats is the longest time the
    window did not respond."""
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.views.import_dialog import ImportPreviewDialog

    gui = Gui(a.tmp)
    window = gui.empty_window("window-import")
    phases: dict[str, float] = {}
    pauses: list[tuple[float, float]] = []              # garbage collector pauses > 50 ms
    gc_start = [0.0]

    def on_gc(phase, info):
        if phase == "start":
            gc_start[0] = time.perf_counter()
        elif time.perf_counter() - gc_start[0] > 0.05:
            pauses.append((round(time.perf_counter() - gc_start[0], 3), round(gc_start[0] - t0, 2)))
    gc.callbacks.append(on_gc)
    loop = QEventLoop()
    window.exchange.import_done.connect(lambda _o: QTimer.singleShot(1000, loop.quit))

    def accept_preview():              # polled inside the event loop (no busy Python loop)
        dialog = window.exchange.last_dialog
        if isinstance(dialog, ImportPreviewDialog) and dialog.isVisible():
            phases["preview_shown"] = time.perf_counter() - t0
            watcher.stop()
            dialog.accept()
    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(accept_preview)
    window.exchange.import_done.connect(
        lambda _o: phases.setdefault("imported", time.perf_counter() - t0))
    QTimer.singleShot(1_200_000, loop.quit)            # a safety net, never reached
    watcher.start()
    heart = Heartbeat(10)
    t0, beats = heart.start, heart.beats
    window.exchange.import_workbook(a.book)
    loop.exec()                        # runs until 1 s after the import is done
    gaps = heart.stop()
    gc.callbacks.remove(on_gc)
    worst = max(range(len(gaps)), key=gaps.__getitem__) if gaps else 0
    rows = len(window.controller.dataset.dwellings)
    window.close()
    window.controller.workspace.close()
    return {"seconds": phases["imported"], "longest_gap_seconds": gaps[worst] if gaps else None,
            "longest_gap_at_seconds": beats[worst] - t0 if gaps else None,
            "gaps_over_100ms": sum(g > 0.1 for g in gaps), "beats": len(beats),
            "top_gaps": [(round(gaps[i], 3), round(beats[i] - t0, 2))    # (gap, started at)
                         for i in sorted(range(len(gaps)), key=gaps.__getitem__)[-5:][::-1]],
            "gc_pauses": pauses, "phases": phases, "dwellings": rows}


def step_open_window(a) -> dict:
    """File → Open of the 100k workspace in a window showing an empty one, with a 5 ms
    heartbeat on the GUI thread: the seconds until the Overview shows the new
    workspace's figures and the longest time the window did not respond meanwhile."""
    from desktop.views.refresh import settle, wait_until

    gui = Gui(a.tmp)
    window = gui.empty_window("window-open-start")
    path = copy_workspace(Path(a.workspace), Path(a.tmp), "window-open")
    ctl = window.controller
    old = ctl.workspace
    heart = Heartbeat()
    t0 = heart.start
    window.open_workspace(str(path))
    wait_until(lambda: ctl.workspace is not old)
    switched = time.perf_counter() - t0
    settle()
    gui.painted(window.stack.currentWidget())
    gaps = heart.stop()
    shown = time.perf_counter() - t0
    rows = len(ctl.dataset.dwellings)
    window.close()
    ctl.workspace.close()
    return {"seconds": shown, "switched_seconds": switched, "longest_gap_seconds": max(gaps),
            "gaps_over_100ms": sum(g > 0.1 for g in gaps), "dwellings": rows}


STEPS = {
    "read_excel": step_read_excel, "to_excel": step_to_excel, "read_sql": step_read_sql,
    "numpy_co2": step_numpy_co2, "pandas_pivot": step_pandas_pivot,
    "pandas_tally": step_pandas_tally,
    "check": step_check, "import": step_import, "export": step_export,
    "window": step_window, "programme_edit": step_programme_edit, "co2_edit": step_co2_edit,
    "vote": step_vote, "scroll": step_scroll, "sort_filter": step_sort_filter,
    "import_window": step_import_window, "open_window": step_open_window,
    "stock": step_stock, "report": step_report,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.measure_step")
    p.add_argument("step", choices=sorted(STEPS))
    p.add_argument("--book", required=True)
    p.add_argument("--workspace", required=True)
    p.add_argument("--tmp", required=True)
    args = p.parse_args(argv)
    gc.collect()
    result = STEPS[args.step](args)
    result["peak_rss_mb"] = peak_rss_mb()
    print("RESULT " + json.dumps(result, default=float), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
