"""Corporation scale in one command: every figure next to its anchor, measured in the same run.

Writes the synthetic programme (``bench.generate``: N dwellings, default 100,000, fixed
seed) as a workbook and as a workspace, then runs each measured step in its own process
(``bench.measure_step``: so each has its own peak memory) and prints one table: the
planner's time, the anchor — what a user would otherwise run on the same rows, measured
in this run — the ratio, the target and the peak resident memory.  Optionally writes
everything as JSON.  It prints figures; it never passes or fails on time.

    .venv/bin/python -m bench.run_all [--dwellings N] [--json out.json] [--workdir DIR]
                                      [--steps check,import,...]

Run on an otherwise idle machine: the steps are single-threaded, but anything else on
the machine lengthens both the figure and its anchor (the ratio holds up better than the
seconds).  At 100,000 dwellings the whole run takes a few minutes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANCHORS = ("read_excel", "to_excel", "read_sql", "numpy_co2", "pandas_pivot", "pandas_tally")
PLANNER = ("check", "import", "export", "window", "co2_edit", "programme_edit", "vote",
           "scroll", "sort_filter", "stock", "report", "import_window", "open_window")
ALL_STEPS = ANCHORS + PLANNER
GB = 1024.0


@dataclass
class Row:
    """One line of the table: a planner figure, its anchor, the ratio and the target."""

    name: str
    step: str
    value: float | None
    anchor_name: str = ""
    anchor: float | None = None
    target: str = ""
    meets: bool | None = None
    peak_mb: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.anchor:
            return None
        return self.value / self.anchor

    def as_dict(self) -> dict:
        return {"figure": self.name, "step": self.step, "seconds": self.value,
                "anchor": self.anchor_name or None, "anchor_seconds": self.anchor,
                "ratio": self.ratio, "target": self.target or None, "meets_target": self.meets,
                "peak_rss_mb": self.peak_mb, "note": self.note or None}


def run_step(step: str, book: Path, workspace: Path, tmp: Path) -> dict:
    """Run one step in a fresh interpreter; its ``RESULT`` line as a dict (or an error)."""
    cmd = [sys.executable, "-m", "bench.measure_step", step, "--book", str(book),
           "--workspace", str(workspace), "--tmp", str(tmp)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            out = json.loads(line[len("RESULT "):])
            out["process_seconds"] = wall
            return out
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"error": f"exit {proc.returncode}: " + " | ".join(tail), "process_seconds": wall}


def _get(results: dict, step: str, key: str = "seconds"):
    r = results.get(step) or {}
    value = r
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def build_rows(r: dict) -> list[Row]:
    """The table, from the steps' results (missing steps leave empty cells)."""
    def peak(step):
        return _get(r, step, "peak_rss_mb")

    def le(value, limit):
        return None if value is None else value <= limit

    rows: list[Row] = []

    def ratio_row(name, step, anchor_step, anchor_name, limit, key="seconds"):
        row = Row(name, step, _get(r, step, key), anchor_name, _get(r, anchor_step),
                  f"ratio ≤ {limit}", peak_mb=peak(step))
        row.meets = None if row.ratio is None else row.ratio <= limit
        rows.append(row)

    ratio_row("check the workbook", "check", "read_excel",
              'pandas.read_excel(sheet_name=None, engine="openpyxl")', 0.2)
    ratio_row("import into a new workspace", "import", "read_excel",
              'pandas.read_excel(sheet_name=None, engine="openpyxl")', 0.3)
    ratio_row("export the workspace (load + write)", "export", "to_excel",
              'DataFrame.to_excel(engine="openpyxl"), same rows', 0.5)

    window = _get(r, "window")
    rows.append(Row("open the workspace to a painted window", "window", window,
                    "pandas.read_sql_query of every table", _get(r, "read_sql"),
                    "peak < 1 GB", le(peak("window"), GB), peak("window")))
    first = _get(r, "window", "first_show") or {}
    blocks = _get(r, "window", "first_show_block") or {}
    if blocks:
        worst = max(blocks, key=blocks.get)
        slowest = max(first, key=first.get)
        rows.append(Row("first show of a page: longest GUI-thread step", "window", blocks[worst],
                        target="< 0.1 s", meets=le(blocks[worst], 0.1),
                        note=f"{worst}; every page filled within {first[slowest]:.2f} s "
                             f"({slowest})"))
    warm = _get(r, "window", "warm_up.longest_block_seconds")
    if warm is not None:
        rows.append(Row("start-up work after the window shows: longest GUI-thread step",
                        "window", warm, target="< 0.1 s", meets=le(warm, 0.1)))
    co2_model = _get(r, "co2_edit")
    rows.append(Row("CO2 path to 2050 after one edit (model)", "co2_edit", co2_model,
                    "numpy (dwellings × 2) @ (2 × 31 years)", _get(r, "numpy_co2"),
                    "< 0.1 s", le(co2_model, 0.1), peak("co2_edit")))
    co2_page = _get(r, "co2_edit", "page_edit_to_painted")
    if co2_page is not None:
        block = _get(r, "co2_edit", "page_edit_max_block")
        rows.append(Row("CO2 page: edit → every chart repainted", "co2_edit", co2_page,
                        "numpy (dwellings × 2) @ (2 × 31 years)", _get(r, "numpy_co2"),
                        "< 0.1 s", le(co2_page, 0.1),
                        note=(f"median of 5; longest GUI-thread step {block * 1000:.0f} ms"
                              if block is not None else "")))
    prog = _get(r, "programme_edit")
    rows.append(Row("programme matrix after one edit: longest GUI-thread step", "programme_edit",
                    prog, "pandas.pivot_table dwellings per corporation × year",
                    _get(r, "pandas_pivot"), "< 0.1 s", le(prog, 0.1), peak("programme_edit"),
                    note=_note_paint(r, "programme_edit")))
    vote = _get(r, "vote")
    rows.append(Row("vote tally after one vote: longest GUI-thread step", "vote", vote,
                    "DataFrame.groupby([project, vote]).size()", _get(r, "pandas_tally"),
                    "< 0.1 s", le(vote, 0.1), peak("vote"),
                    note=_note_paint(r, "vote")))
    worst_page = _get(r, "scroll", "worst_page_seconds")
    pages = _get(r, "scroll", "pages")
    n = _get(r, "scroll", "rows") or _get(r, "sort_filter", "rows")
    table = f"the dwellings table ({n:,} rows)" if n else "the dwellings table"
    rows.append(Row(f"{table} scrolled top to bottom", "scroll", _get(r, "scroll"),
                    target="each page < 0.1 s", meets=le(worst_page, 0.1), peak_mb=peak("scroll"),
                    note=(f"{pages:,} pages, slowest page {worst_page * 1000:.0f} ms"
                          if pages else "")))
    sort = _get(r, "sort_filter")
    rows.append(Row(f"sort {table}, slowest column", "sort_filter", sort,
                    "DataFrame.sort_values, slowest column", _get(r, "sort_filter",
                                                                  "sort_anchor_seconds"),
                    "≤ 0.5 s", le(sort, 0.5), peak("sort_filter")))
    filt = _get(r, "sort_filter", "filter_seconds")
    rows.append(Row(f"filter {table}, slowest column", "sort_filter", filt,
                    "frame[mask], slowest column", _get(r, "sort_filter", "filter_anchor_seconds"),
                    "≤ 0.5 s", le(filt, 0.5)))
    stock = _get(r, "stock")
    rows.append(Row("Stock page: show, search, filter, sort, edit — longest GUI-thread step",
                    "stock", stock, target="< 0.1 s", meets=le(stock, 0.1), peak_mb=peak("stock"),
                    note=", ".join(f"{k} {v * 1000:.0f} ms" for k in
                                   ("show", "search", "filter", "sort", "open_form", "edit")
                                   if (v := _get(r, "stock", f"{k}_seconds")) is not None)))
    report = _get(r, "report")
    row = Row("yearly report 2025 as PDF (load, figures, charts, PDF)", "report", report,
              "pandas.read_sql_query of every table", _get(r, "read_sql"), "ratio ≤ 10",
              peak_mb=peak("report"))
    row.meets = None if row.ratio is None else row.ratio <= 10
    if report is not None:
        row.note = (f"load {_get(r, 'report', 'load_seconds'):.2f} s, figures "
                    f"{_get(r, 'report', 'figures_seconds'):.2f} s, PDF "
                    f"{_get(r, 'report', 'pdf_seconds'):.2f} s ({_get(r, 'report', 'pages')} pages); "
                    f"as xlsx {_get(r, 'report', 'xlsx_total_seconds'):.2f} s")
    rows.append(row)

    def gap_row(name, step, note):
        """The step's longest GUI-thread gap; ``note(figure)`` once the step ran."""
        gap = _get(r, step, "longest_gap_seconds")
        rows.append(Row(name, step, gap, target="< 0.1 s", meets=le(gap, 0.1),
                        peak_mb=peak(step),
                        note=note(lambda *key: _get(r, step, *key)) if gap is not None else ""))

    gap_row("import in the window: longest GUI-thread gap", "import_window",
            lambda f: f"import took {f():.1f} s, {f('gaps_over_100ms')} gaps > 100 ms")
    gap_row("File → Open of the workspace: longest GUI-thread gap", "open_window",
            lambda f: f"switched after {f('switched_seconds'):.2f} s, "
                      f"Overview filled after {f():.2f} s")
    for row in rows:
        err = (r.get(row.step) or {}).get("error")
        if err:
            row.note = err[:120]
    return rows


def _note_paint(r: dict, step: str) -> str:
    shown, worst = _get(r, step, "max_shown_seconds"), _get(r, step, "max_seconds")
    if shown is None:
        return ""
    return (f"median of 5; slowest {worst * 1000:.0f} ms; "
            f"shown and painted within {shown * 1000:.0f} ms")


def _fmt_s(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def format_table(rows: list[Row]) -> str:
    head = ["figure", "planner", "anchor", "anchor time", "ratio", "target", "meets", "peak RSS"]
    lines = []
    for row in rows:
        lines.append([row.name, _fmt_s(row.value), row.anchor_name or "—", _fmt_s(row.anchor),
                      "—" if row.ratio is None else f"{row.ratio:.3f}", row.target or "—",
                      {True: "yes", False: "NO", None: "—"}[row.meets],
                      "—" if row.peak_mb is None else f"{row.peak_mb:,.0f} MB"])
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(head)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    notes = [f"- {row.name}: {row.note}" for row in rows if row.note]
    return "\n".join(out + ([""] + notes if notes else []))


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            names = [ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")]
        info["cpu"] = names[0] if names else platform.processor()
        with open("/proc/meminfo") as f:
            info["memory_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        info["load_average"] = os.getloadavg()
    except OSError:
        pass
    import numpy
    import pandas
    import PySide6
    info.update(pandas=pandas.__version__, numpy=numpy.__version__, pyside6=PySide6.__version__)
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", metavar="OUT.json", help="also write the figures as JSON")
    ap.add_argument("--workdir", metavar="DIR",
                    help="keep the generated workbook and workspace here (reused when present)")
    ap.add_argument("--steps", help=f"comma-separated subset of: {','.join(ALL_STEPS)}")
    args = ap.parse_args(argv)
    steps = [s for s in (args.steps.split(",") if args.steps else ALL_STEPS) if s]
    unknown = set(steps) - set(ALL_STEPS)
    if unknown:
        ap.error(f"unknown steps: {', '.join(sorted(unknown))}")

    from bench.generate import write_workbook, write_workspace

    with tempfile.TemporaryDirectory(prefix="rp-bench-") as scratch:
        work = Path(args.workdir) if args.workdir else Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        tmp = Path(scratch) / "steps"
        tmp.mkdir()
        book = work / f"programme-{args.dwellings}-{args.seed}.xlsx"
        workspace = work / f"programme-{args.dwellings}-{args.seed}.rpw"
        generated = {}
        if not book.exists():
            t = time.perf_counter()
            write_workbook(book, args.dwellings, args.seed)
            generated["workbook_seconds"] = round(time.perf_counter() - t, 2)
        if not workspace.exists():
            t = time.perf_counter()
            write_workspace(workspace, args.dwellings, args.seed)
            generated["workspace_seconds"] = round(time.perf_counter() - t, 2)
        generated.update(workbook_mb=round(book.stat().st_size / 1e6, 1),
                         workspace_mb=round(workspace.stat().st_size / 1e6, 1))
        print(f"{args.dwellings:,} dwellings (seed {args.seed}): workbook "
              f"{generated['workbook_mb']} MB, workspace {generated['workspace_mb']} MB", flush=True)

        results: dict[str, dict] = {}
        for step in steps:
            print(f"  {step} …", end=" ", flush=True)
            results[step] = run_step(step, book, workspace, tmp)
            r = results[step]
            print(r.get("error") or f"{_fmt_s(r.get('seconds'))}, peak {r.get('peak_rss_mb')} MB",
                  flush=True)

    rows = build_rows(results)
    print()
    print(format_table(rows))
    if args.json:
        payload = {"dwellings": args.dwellings, "seed": args.seed,
                   "when": dt.datetime.now().isoformat(timespec="seconds"),
                   "machine": machine(), "generated": generated,
                   "rows": [row.as_dict() for row in rows], "steps": results}
        Path(args.json).write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=float),
                                   encoding="utf-8")
        print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
