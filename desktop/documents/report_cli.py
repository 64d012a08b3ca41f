"""``python -m desktop report --workspace WS --year Y [--lang nl|en] [--out FILE.pdf|FILE.xlsx]``:
the yearly monitoring report without the window.

Exit status: 0 written, 1 input error (a year outside the data), 2 cannot run (no such
workspace, a file name that is neither .pdf nor .xlsx, a file that cannot be written):
one line on standard error, no traceback.  The xlsx needs no Qt; the PDF starts an
offscreen Qt application when there is no display.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .cli_args import problem

SUFFIXES = (".pdf", ".xlsx")
SAMPLE_SUFFIX = " (voorbeeld / sample)"


def source_name(ws, lang: str) -> str:
    """The workspace's name as the report's data source (the sample's marked as such)."""
    name = ws.get_meta("name") or ws.display_name
    if ws.is_sample:
        name = name.removesuffix(SAMPLE_SUFFIX) + (" (voorbeeld)" if lang == "nl" else " (sample)")
    return name


def write_report(ds, year: int, out: str | Path, *, lang: str, source: str,
                 made: dt.date | None = None, progress=None) -> Path:
    """Compute the figures and write them to ``out`` (.pdf or .xlsx) in one go, on this
    thread (the PDF's charts are widgets: the GUI thread, or a process without one)."""
    from ..exchange.monitoring_xlsx import write_report_xlsx
    from ..exchange.progress import report
    from ..models.monitoring import monitoring

    out = Path(out)
    m = monitoring(ds, year, progress=lambda f: report(progress, f * 0.6))
    if out.suffix.lower() == ".xlsx":
        write_report_xlsx(m, out, lang=lang, source=source, made=made)
    else:
        from .report import write_report_pdf

        write_report_pdf(m, out, lang=lang, source=source, made=made)
    report(progress, 1.0)
    return out


def main_report(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m desktop report",
        description="Write the yearly monitoring report of the performance agreements (targets "
                    "planned and done, campaigns and support, affordability, energy labels, CO2 "
                    "against the path) for one year, as PDF or Excel.")
    p.add_argument("--workspace", required=True, metavar="WS", help="workspace file or database URL")
    p.add_argument("--year", required=True, type=int, metavar="Y", help="the year reported on")
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="Dutch (default) or English")
    p.add_argument("--out", metavar="FILE", help="FILE.pdf or FILE.xlsx (default: "
                   "monitoring-Y.pdf in the current folder)")
    args = p.parse_args(argv)
    out = Path(args.out or f"monitoring-{args.year}.pdf")
    message = problem(out, SUFFIXES, args.workspace)
    if message:
        return _fail(message)

    from ..models.monitoring import YearOutOfRange
    from ..store.workspace import Workspace, WorkspaceError

    try:
        with Workspace.open(args.workspace, create=False) as ws:
            ds = ws.load()
            source = source_name(ws, args.lang)
        write_report(ds, args.year, out, lang=args.lang, source=source)
    except YearOutOfRange as exc:
        print(f"report: {exc.message_in(args.lang)}", file=sys.stderr)
        return 1
    except WorkspaceError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    print(out)
    return 0


def _fail(message: str) -> int:
    print(f"report: {message}", file=sys.stderr)
    return 2
