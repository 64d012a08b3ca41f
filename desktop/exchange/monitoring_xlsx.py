"""The yearly monitoring report as an Excel workbook (issue 22, point 2), Qt-free.

A front sheet with the title, the year, the date, the data source (the workspace's name)
and the summary in words; then one sheet per section of
:func:`desktop.models.monitoring.sections`, with the headers in Dutch (or English), the
numbers as numbers and the formats of the programme export (:mod:`.writer`: the dark
green header, euros, dates).
"""
from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from ..models import monitoring as model
from .progress import ProgressFn, report
from .writer import DATE_FORMAT, HEADER_FILL, HEADER_HEIGHT, MONEY_FORMAT

SHEET_NAMES = {     # key -> (en, nl); at most 31 characters
    "front": ("Report", "Rapportage"),
    "targets": ("Agreed targets", "Afspraken"),
    "neighbourhoods": ("Neighbourhoods", "Buurten"),
    "campaigns": ("Campaigns", "Stemcampagnes"),
    "affordability": ("Affordability", "Betaalbaarheid"),
    "labels": ("Energy labels", "Energielabels"),
    "co2": ("CO2", "CO2"),
}
NUMBER_FORMATS = {"int": "#,##0", "tonnes": "#,##0", "pct": "0.0", "euros": MONEY_FORMAT,
                  "date": DATE_FORMAT}


def title(year: int, lang: str) -> str:
    return (f"Monitoring prestatieafspraken {year}" if lang == "nl"
            else f"Monitoring of the performance agreements {year}")


def front_rows(m: model.Monitoring, lang: str, source: str, made: dt.date) -> list[tuple[str, object]]:
    """Label/value rows of the front sheet (and of the PDF's title page)."""
    nl = lang == "nl"
    return [("Jaar" if nl else "Year", m.year),
            ("Datum" if nl else "Date", made),
            ("Gegevensbron" if nl else "Data source", source)]


def _cell_value(value, kind: str, lang: str):
    """A value as the workbook stores it: numbers as numbers, verdicts as words."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if kind in ("int", "tonnes"):
        return int(round(float(value))) if kind == "int" else round(float(value), 1)
    if kind in ("pct", "euros"):
        return float(value)
    if kind == "verdict":
        return model.verdict(value, lang)
    if kind == "date":
        return value
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def write_report_xlsx(m: model.Monitoring, path: str | os.PathLike, *, lang: str = "nl",
                      source: str = "", made: dt.date | None = None,
                      progress: ProgressFn | None = None) -> str:
    """Write the report to ``path`` (.xlsx); returns the path."""
    import xlsxwriter

    made = made or dt.date.today()
    path = str(path)
    wb = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_numbers": False,
                                    "strings_to_urls": False, "default_date_format": DATE_FORMAT})
    try:
        add = wb.add_format
        header = add({"bold": True, "font_color": "#FFFFFF", "bg_color": "#" + HEADER_FILL,
                      "text_wrap": True, "valign": "top", "bottom": 1})
        bold = add({"bold": True})
        heading = add({"bold": True, "font_size": 14})
        wrap = add({"text_wrap": True, "valign": "top"})
        left = add({"align": "left"})
        date_left = add({"num_format": DATE_FORMAT, "align": "left"})
        formats = {k: add({"num_format": f}) for k, f in NUMBER_FORMATS.items()}
        pick = 1 if lang == "nl" else 0

        ws = wb.add_worksheet(SHEET_NAMES["front"][pick])
        ws.set_column(0, 0, 18)
        ws.set_column(1, 1, 110)
        ws.write_string(0, 0, title(m.year, lang), heading)
        r = 2
        for label, value in front_rows(m, lang, source, made):
            ws.write_string(r, 0, label, bold)
            if isinstance(value, dt.date):
                ws.write_datetime(r, 1, dt.datetime.combine(value, dt.time()), date_left)
            elif isinstance(value, int):
                ws.write_number(r, 1, value, left)
            else:
                ws.write_string(r, 1, str(value))
            r += 1
        r += 1
        ws.write_string(r, 0, "Samenvatting" if lang == "nl" else "Summary", bold)
        for line in m.summary[lang]:
            ws.write_string(r, 1, line, wrap)
            r += 1

        secs = model.sections(m)
        for k, sec in enumerate(secs):
            ws = wb.add_worksheet(SHEET_NAMES[sec.key][pick])
            ws.set_row(0, HEADER_HEIGHT)
            ws.freeze_panes(1, 0)
            frame = sec.frame
            for j, (col, text) in enumerate(zip(sec.columns, sec.headers(lang))):
                ws.write_string(0, j, text, header)
                width = max([len(text) / 2 + 2, 10] + [len(str(v)) + 2 for v in frame[col.name].head(200)]
                            if col.kind == "text" else [len(text) / 2 + 2, 12])
                ws.set_column(j, j, min(width, 40))
                f = formats.get(col.kind)
                for i, v in enumerate(frame[col.name].tolist()):
                    value = _cell_value(v, col.kind, lang)
                    if value is None:
                        continue
                    if col.kind == "date":
                        ws.write_datetime(i + 1, j, dt.datetime.combine(value, dt.time()), f)
                    elif isinstance(value, (int, float)):
                        ws.write_number(i + 1, j, value, f)
                    else:
                        ws.write_string(i + 1, j, str(value))
            if len(frame):
                ws.autofilter(0, 0, len(frame), len(sec.columns) - 1)
            report(progress, (k + 1) / len(secs))
        wb.close()
    except BaseException:
        try:
            wb.close()
        finally:
            if os.path.exists(path):
                os.remove(path)
        raise
    return path


__all__ = ["write_report_xlsx", "SHEET_NAMES", "title", "front_rows"]
