"""The follow-up list: tenants who have not answered, for the next round of visits.

Who is on the list is decided by :func:`desktop.models.support.follow_up` (let
dwellings without a yes/no answer).  This module adds what the visitor needs on paper
— the last state (no form yet, or 'geen reactie' on a date) and empty columns to write
in — and turns it into:

* a printed list (:func:`print_follow_up`, the system print dialog),
* a PDF file (:func:`write_pdf`, ``QPdfWriter``),
* an Excel sheet (:func:`write_excel`, openpyxl; one header row, one row per dwelling).

All three render the same :func:`follow_up_document` / frame, so the paper and the file
never disagree.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QPdfWriter, QTextDocument

from ..models import support
from ..models.dataset import Dataset
from . import fmt
from .vote_entry import canonical_vote

FOLLOW_UP_COLUMNS = ["dwelling", "address", "last_answer", "date"]


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


class FollowUp(QObject):
    """Translation context of this module; plural texts need self.tr for lupdate."""

    def count_text(self, n: int) -> str:
        return self.tr("%n tenant(s) to visit", "", n)


def follow_up_frame(ds: Dataset, project: str) -> pd.DataFrame:
    """The tenants to visit again: columns dwelling, address, last_answer (``None``
    when the current tenant has no form recorded, else 'geen reactie'), date (of that
    form or None).

    Raises KeyError for an unknown project."""
    left = support.follow_up(ds, project)
    v = ds.votes
    v = v[(v["project"] == project).fillna(False).astype(bool)].drop_duplicates("dwelling", keep="last")
    # a former tenant's answer is not the new tenant's (the dwellings listed are let)
    since = ds.dwellings.drop_duplicates("dwelling").set_index("dwelling")["let_since"]
    v = v[support.by_current_tenant(v["date"], v["dwelling"].map(since).astype("datetime64[s]"))]
    last = dict(zip(v["dwelling"].astype(object), v["vote"].astype(object)))
    dates = dict(zip(v["dwelling"].astype(object), v["date"]))
    ids = left["dwelling"].astype(object).tolist()
    return pd.DataFrame({
        "dwelling": ids,
        "address": [None if pd.isna(a) else a for a in left["address"].astype(object)],
        "last_answer": [canonical_vote(last.get(d)) for d in ids],
        "date": [None if d not in dates or pd.isna(dates[d]) else dates[d].date() for d in ids],
    }, columns=FOLLOW_UP_COLUMNS, dtype=object)


def last_answer_text(value) -> str:
    return translate("FollowUp", "no form yet") if value is None else fmt.listed(value)


def headers() -> list[str]:
    """Column headers of the printed list and the sheet (the last two are left blank
    for the visitor)."""
    return [translate("FollowUp", "Dwelling"), translate("FollowUp", "Address"), translate("FollowUp", "Last answer"), translate("FollowUp", "Form date"),
            translate("FollowUp", "Visited on"), translate("FollowUp", "Answer (ja / nee)")]


COLUMN_WIDTHS_PCT = (17, 25, 15, 17, 12, 14)      # of the page width, per column of headers()


def follow_up_html(title: str, frame: pd.DataFrame, *, printed_on: dt.date | None = None,
                   printed_by: str | None = None) -> str:
    printed_on = printed_on or dt.date.today()
    esc = html.escape
    # widths that hold a dwelling code and a date on one line on A4 (nowrap for those)
    head = "".join(f"<th align='left' width='{w}%'>{esc(h)}</th>"
                   for h, w in zip(headers(), COLUMN_WIDTHS_PCT))
    rows = []
    for r in frame.itertuples(index=False):
        rows.append(
            "<tr>"
            f"<td style='white-space: nowrap'>{esc(str(r.dwelling))}</td><td>{esc(str(r.address or ''))}</td>"
            f"<td>{esc(last_answer_text(r.last_answer))}</td><td style='white-space: nowrap'>{esc(fmt.date(r.date))}</td>"
            "<td>&nbsp;</td><td>&nbsp;</td></tr>")
    who = f" · {esc(printed_by)}" if printed_by else ""
    count = FollowUp().count_text(len(frame))
    printed = translate("FollowUp", "printed on")
    note = translate("FollowUp", "No response counts as not agreeing: every tenant on this list "
                     "lowers the support percentage until they answer.")
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>"
        f"<h2>{esc(title)}</h2>"
        f"<p>{esc(count)} · {esc(printed)} {esc(fmt.date(printed_on))}{who}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p>{esc(note)}</p>"
        "</body></html>")


def follow_up_document(title: str, frame: pd.DataFrame, **kw) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(follow_up_html(title, frame, **kw))
    return doc


def render(device: QPagedPaintDevice, title: str, frame: pd.DataFrame, **kw) -> int:
    """Print the list on ``device`` (a QPrinter or QPdfWriter); returns the page count."""
    doc = follow_up_document(title, frame, **kw)
    layout = device.pageLayout()
    doc.setPageSize(QSizeF(layout.paintRect(QPageLayout.Unit.Point).size()))
    pages = doc.pageCount()
    doc.print_(device)
    return pages


def write_pdf(path: str | Path, title: str, frame: pd.DataFrame, **kw) -> Path:
    """The follow-up list as an A4 PDF file."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Retrofit Planner")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    render(writer, title, frame, **kw)
    del writer            # finishes the file
    return path


def print_follow_up(parent, title: str, frame: pd.DataFrame, **kw) -> bool:
    """Ask for a printer (system dialog) and print; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("FollowUp", "Print follow-up list"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render(printer, title, frame, **kw)
    return True


def write_excel(path: str | Path, title: str, frame: pd.DataFrame) -> Path:
    """The follow-up list as a plain sheet: one header row, one row per dwelling (dates
    as real dates), the last two columns empty for the visitor; title in the document
    properties."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = translate("FollowUp", "Follow-up")[:31]
    ws.append(headers())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in frame.itertuples(index=False):
        ws.append([str(r.dwelling), r.address, last_answer_text(r.last_answer), r.date, None, None])
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "DD-MM-YYYY"
    for letter, width in zip("ABCDEF", (14, 40, 16, 12, 12, 18)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.title = title
    wb.properties.creator = "Retrofit Planner"
    wb.save(path)
    return path


__all__ = ["FOLLOW_UP_COLUMNS", "follow_up_frame", "follow_up_html", "follow_up_document",
           "render", "write_pdf", "write_excel", "print_follow_up", "headers", "last_answer_text"]
