"""Write a programme workbook (sheets and columns: :mod:`.columns`) from a :class:`Dataset`.

One sheet per table in :func:`columns.sheets` order (every table the workspace holds,
the vote and status histories included), then an instructions sheet **last** (``Toelichting``) describing every
sheet and column in Dutch and English.  The instructions sheet comes last so the table
sheets open first and keep the order of :data:`columns.SHEETS`; it is no table, so a reader skips it (the
name is exported as :data:`INSTRUCTIONS_SHEET` so the reader can skip it silently instead
of warning about an unknown sheet).

Cell conventions, chosen so that ``export`` → ``import`` gives back the same data:

* ids and text are text cells; text that looks like a formula (``=``, ``+``, ``-``,
  ``@`` first) is written as a text cell with the quote-prefix style, never as a formula;
* numbers are numbers; money is written in euros (cents / 100) with a euro format;
* dates are real dates (format ``dd-mm-yyyy``);
* yes/no as the text ``ja``/``nee``; listed values (labels, heating, status, vote) as
  their canonical Dutch value, with a dropdown on the whole column;
* a missing optional value is an empty cell.

Two interchangeable engines write the same workbook: XlsxWriter in ``constant_memory``
mode (the default when installed; about twice as fast at 100,000 dwellings, see
``bench/bench_export.py``) and openpyxl in write-only mode (the fallback).  Both stream
rows, and give styled headers, dropdowns, frozen panes, autofilter and column widths.
"""
from __future__ import annotations

import dataclasses

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..models import fields
from ..models.dataset import Dataset
from ..models.enums import LABELS, DwellingType, Heating, HeatSolution, Status, Vote
from .columns import Column, Sheet, sheets
from .progress import ProgressFn, report

INSTRUCTIONS_SHEET = ("Toelichting", "Instructions")   # (Dutch, English) name

MONEY_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm:ss"
YES, NO = "ja", "nee"

LAST_ROW = 1_048_576            # dropdowns cover the whole column, so added rows get them too
MIN_WIDTH, MAX_WIDTH = 8, 50
PROGRESS_EVERY = 5_000          # rows between progress reports

HEADER_FILL = "1F5C4A"           # dark green, white bold text
HEADER_HEIGHT = 45              # points: room for three wrapped header lines

# Listed values per column kind, for the dropdowns (canonical Dutch values).
LISTS: dict[str, tuple[str, ...]] = {
    "yesno": (YES, NO),
    "label": LABELS,
    "heating": tuple(Heating.values()),
    "dwelling_type": tuple(DwellingType.values()),
    "heat_solution": tuple(HeatSolution.values()),
    "status": tuple(Status.values()),
    "vote": tuple(Vote.values()),
}
_ENGLISH_LISTS: dict[str, tuple[str, ...]] = {
    "yesno": ("yes", "no"),
    "label": LABELS,
    "heating": tuple(m.english for m in Heating),
    "dwelling_type": tuple(m.english for m in DwellingType),
    "heat_solution": tuple(m.english for m in HeatSolution),
    "status": tuple(m.english for m in Status),
    "vote": tuple(m.english for m in Vote),
}

# ---- the instructions sheet (the meaning of each sheet and column: the field registry)
_KIND_TEXT: dict[str, tuple[str, str]] = {
    "id": ("tekst (code)", "text (id)"),
    "text": ("tekst", "text"),
    "measures": ("tekst, gescheiden door ';'", "text, ';'-separated"),
    "int": ("geheel getal", "whole number"),
    "number": ("getal", "number"),
    "money": ("bedrag in euro", "amount in euros"),
    "date": ("datum", "date"),
    "datetime": ("datum en tijd", "date and time"),
    "yesno": ("ja/nee", "yes/no"),
    "label": ("energielabel", "energy label"),
    "heating": ("keuzelijst", "list"),
    "dwelling_type": ("keuzelijst", "list"),
    "heat_solution": ("keuzelijst", "list"),
    "status": ("keuzelijst", "list"),
    "vote": ("keuzelijst", "list"),
}

_GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    ("Dit is een programmawerkmap van Retrofit Planner. Elk tabblad is één tabel; de eerste "
     "rij bevat de kolomkoppen.",
     "This is a Retrofit Planner programme workbook. Each sheet is one table; the first row "
     "holds the column headers."),
    ("Kolomkoppen en tabbladnamen mogen in het Nederlands of Engels (tussen haken); hoofdletters "
     "en spaties eromheen tellen niet. Kolommen mogen in elke volgorde staan.",
     "Headers and sheet names may be Dutch or English (in brackets); case and surrounding "
     "spaces do not matter. Columns may come in any order."),
    ("Bij importeren: een rij met een nieuwe sleutel wordt toegevoegd, een bekende sleutel "
     "werkt het record bij. Alleen aanwezige kolommen overschrijven; een lege cel wist een "
     "optioneel veld. Er wordt niets verwijderd.",
     "On import: a row with a new key is added, a known key updates that record. Only "
     "columns present overwrite; an empty cell clears an optional field. Nothing is deleted."),
    ("Bedragen in euro, energie per woning per jaar, huur per woning per maand.",
     "Money in euros, energy per dwelling per year, rent per dwelling per month."),
    ("Dit tabblad wordt bij importeren overgeslagen.", "This sheet is skipped on import."),
)


def _sheet_name(sheet: Sheet, lang: str) -> str:
    return sheet.english if lang == "en" else sheet.dutch


def _header(col: Column, lang: str) -> str:
    return col.english if lang == "en" else col.dutch


def written_columns(sheet: Sheet, personal_data: bool = True) -> tuple[Column, ...]:
    """The columns ``write_workbook`` writes for ``sheet``."""
    personal = fields.personal_fields()
    return tuple(c for c in sheet.columns
                 if personal_data or (sheet.table, c.field) not in personal)


# ---- value preparation (vectorised per column, engine-neutral) --------------------
_FORMULA_START = ("=", "+", "-", "@")


def looks_like_formula(text: str) -> bool:
    return isinstance(text, str) and text.startswith(_FORMULA_START)


def _clean_text(s: pd.Series) -> pd.Series:
    """Remove characters an xlsx file cannot hold (control characters)."""
    s = s.astype("string")
    bad = s.str.contains(ILLEGAL_CHARACTERS_RE.pattern, regex=True, na=False)
    if bad.any():
        s = s.mask(bad, s[bad].str.replace(ILLEGAL_CHARACTERS_RE.pattern, "", regex=True))
    return s


def _prepare(frame: pd.DataFrame, col: Column) -> tuple[list, bool]:
    """The cell values of one column as a list of Python values (``None`` = empty),
    and whether any of them is text that looks like a formula."""
    n = len(frame)
    if col.field not in frame.columns:
        return [None] * n, False
    s = frame[col.field]
    kind = col.kind
    if kind == "money":
        euros = s.astype("Float64") / 100
        return euros.to_numpy(dtype=object, na_value=None).tolist(), False
    if kind in ("date", "datetime"):
        dt = pd.to_datetime(s, errors="coerce")
        if getattr(dt.dt, "tz", None) is not None:
            dt = dt.dt.tz_localize(None)
        out = np.full(n, None, dtype=object)
        ok = dt.notna().to_numpy()
        out[ok] = dt[ok].dt.to_pydatetime()
        return out.tolist(), False
    if kind == "yesno":
        b = s.astype("boolean")
        out = np.full(n, None, dtype=object)
        out[b.eq(True).fillna(False).to_numpy(dtype=bool)] = YES
        out[b.eq(False).fillna(False).to_numpy(dtype=bool)] = NO
        return out.tolist(), False
    if kind == "int":
        return s.astype("Int64").to_numpy(dtype=object, na_value=None).tolist(), False
    if kind == "number":
        return s.astype("Float64").to_numpy(dtype=object, na_value=None).tolist(), False
    # text-like: id, text, measures, label, heating, status, vote
    s = _clean_text(s)
    quoted = bool(s.str.startswith(_FORMULA_START).fillna(False).any())
    return s.to_numpy(dtype=object, na_value=None).tolist(), quoted


def _data_width(frame: pd.DataFrame, col: Column) -> int:
    if col.field not in frame.columns or frame.empty:
        return 0
    s = frame[col.field]
    kind = col.kind
    if kind == "date":
        return 10
    if kind == "datetime":
        return 19
    if kind == "yesno":
        return 4
    if kind in ("int", "number", "money"):
        num = s.astype("Float64") / (100 if kind == "money" else 1)
        m = num.abs().max()
        if pd.isna(m):
            return 0
        text = f"€ {m:,.2f}" if kind == "money" else f"{m:,.2f}".rstrip("0").rstrip(".")
        return len(text) + (1 if (num < 0).any() else 0)
    s = s.dropna()
    return 0 if s.empty else int(s.astype("string").str.len().max())


def _width(header: str, data_width: int) -> float:
    """Wide enough for the longest header word (headers wrap) and the data, capped."""
    longest_word = max(len(w) for w in header.split())
    head = max(longest_word, min(len(header), 16))
    return float(min(MAX_WIDTH, max(MIN_WIDTH, head + 2, data_width + 2)))


def _privacy_note() -> tuple[str, str]:
    """What an export without personal data leaves out, named column by column."""
    left_out = [f"{sheet.dutch}: {col.dutch} ({col.english})" for sheet in sheets()
                for col in sheet.columns if (sheet.table, col.field) in fields.personal_fields()]
    listed = "; ".join(left_out)
    return (f"Export zonder persoonsgegevens: namen en vrije tekst zijn weggelaten ({listed}). "
            f"Importeren laat die velden van rijen die de werkruimte al heeft zoals ze zijn.",
            f"Export without personal data: names and free text are left out ({listed}). "
            f"Importing it leaves those fields of the rows a workspace already has as they are.")


def _instruction_rows(chosen: list[tuple[Sheet, tuple[Column, ...]]],
                      personal_data: bool = True) -> list[list[tuple]]:
    """The instructions sheet as rows of (value, style) cells; style is one of
    None, 'title', 'italic', 'header', 'bold', 'wrap'."""
    rows: list[list[tuple]] = [[("Toelichting / Instructions", "title")]]
    notes = _GENERAL_NOTES if personal_data else (*_GENERAL_NOTES, _privacy_note())
    for nl, en in notes:      # long lines spill over the empty cells to the right
        rows.append([(nl, None)])
        rows.append([(en, "italic")])
    rows.append([])
    rows.append([(h, "header") for h in ("Tabblad [Sheet]", "Kolom [Column]", "Verplicht [Required]",
                                         "Soort [Type]", "Betekenis", "Meaning")])
    for sheet, cols in chosen:
        table = fields.table(sheet.table)
        nl, en = table.help_nl, table.help_en
        rows.append([(f"{sheet.dutch} [{sheet.english}]", "bold"), (None, None), (None, None),
                     (None, None), (nl, "wrap"), (en, "wrap")])
        for col in cols:
            kind_nl, kind_en = _KIND_TEXT.get(col.kind, (col.kind, col.kind))
            if col.kind in LISTS:
                kind_nl = f"{kind_nl}: " + ", ".join(LISTS[col.kind])
                kind_en = f"{kind_en}: " + ", ".join(_ENGLISH_LISTS[col.kind])
            field = table.field(col.field)
            m_nl, m_en = field.help_nl, field.help_en
            rows.append([(None, None), (f"{col.dutch} [{col.english}]", "wrap"),
                         ("ja [yes]" if col.required else "nee [no]", "wrap"),
                         (f"{kind_nl} [{kind_en}]", "wrap"), (m_nl, "wrap"), (m_en, "wrap")])
    return rows


_INSTRUCTION_WIDTHS = (24, 44, 12, 30, 60, 60)
# column kind -> the number format of its cells
_FORMATTED = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "datetime": DATETIME_FORMAT}
_DROPDOWN_ERROR_TITLE = "Onbekende waarde / Unknown value"


def _dropdown_error(kind: str) -> str:
    english = ", ".join(_ENGLISH_LISTS[kind])
    return f"Kies uit de lijst / choose from the list (English accepted: {english})"[:255]


# ---- engine: XlsxWriter (constant_memory) -----------------------------------------
class _XlsxWriterEngine:
    def __init__(self, path: str) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(path, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": DATE_FORMAT})
        add = self.wb.add_format
        self.fmt = {
            "header": add({"bold": True, "font_color": "#FFFFFF", "bg_color": "#" + HEADER_FILL,
                           "text_wrap": True, "valign": "top", "bottom": 1}),
            "money": add({"num_format": MONEY_FORMAT}),
            "date": add({"num_format": DATE_FORMAT}),
            "datetime": add({"num_format": DATETIME_FORMAT}),
            "quoted": add({"quote_prefix": True}),
            "title": add({"bold": True, "font_size": 13}),
            "bold": add({"bold": True}),
            "italic": add({"italic": True}),
            "wrap": add({"text_wrap": True, "valign": "top"}),
            None: None,
        }

    def table(self, name: str, cols, headers, widths, columns, n: int, tick) -> None:
        ws = self.wb.add_worksheet(name)
        fmt = self.fmt
        for j, (col, width) in enumerate(zip(cols, widths)):
            ws.set_column(j, j, width, fmt.get(col.kind if col.kind in _FORMATTED else None))
            values = LISTS.get(col.kind)
            if values is not None:
                ws.data_validation(1, j, LAST_ROW - 1, j, {
                    "validate": "list", "source": list(values), "ignore_blank": True,
                    "error_type": "warning", "error_title": _DROPDOWN_ERROR_TITLE,
                    "error_message": _dropdown_error(col.kind)})
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(n, 1), len(cols) - 1)
        ws.set_row(0, HEADER_HEIGHT)
        for j, h in enumerate(headers):
            ws.write_string(0, j, h, fmt["header"])

        writers = []
        for j, (col, (values, quoted)) in enumerate(zip(cols, columns)):
            if col.kind == "money":
                writers.append((j, ws.write_number, values, fmt["money"]))
            elif col.kind in ("date", "datetime"):
                writers.append((j, ws.write_datetime, values, fmt[col.kind]))
            elif col.kind in ("int", "number"):
                writers.append((j, ws.write_number, values, None))
            elif quoted:
                writers.append((j, self._quoted_writer(ws), values, None))
            else:
                writers.append((j, ws.write_string, values, None))
        for start in range(0, n, PROGRESS_EVERY):
            stop = min(n, start + PROGRESS_EVERY)
            for i in range(start, stop):
                r = i + 1
                for j, write, values, f in writers:
                    v = values[i]
                    if v is not None:
                        write(r, j, v, f)
            tick(stop - start)

    def _quoted_writer(self, ws):
        quoted = self.fmt["quoted"]

        def write(r, j, v, _f):
            ws.write_string(r, j, v, quoted if v.startswith(_FORMULA_START) else None)
        return write

    def instructions(self, name: str, rows) -> None:
        ws = self.wb.add_worksheet(name)
        for j, w in enumerate(_INSTRUCTION_WIDTHS):
            ws.set_column(j, j, w)
        for r, row in enumerate(rows):
            for j, (v, style) in enumerate(row):
                if v is None:
                    continue
                f = self.fmt[style]
                if style == "wrap" or looks_like_formula(v):
                    f = self.fmt["wrap"]
                ws.write_string(r, j, v, f)

    def save(self, path: str) -> None:
        self.wb.close()

    def discard(self) -> None:
        # constant_memory keeps one temporary file per sheet; XlsxWriter removes them
        # when the workbook is closed, so close into the (temporary) target and drop it.
        try:
            self.wb.close()
        except Exception:   # best effort
            pass


# ---- engine: openpyxl (write-only) ------------------------------------------------
class _OpenpyxlEngine:
    def __init__(self, path: str) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.wb = Workbook(write_only=True)
        self.styles = {
            "header": dict(font=Font(bold=True, color="FFFFFF"),
                           fill=PatternFill("solid", fgColor=HEADER_FILL),
                           alignment=Alignment(wrap_text=True, vertical="top"),
                           border=Border(bottom=Side(style="thin", color="000000"))),
            "title": dict(font=Font(bold=True, size=13)),
            "bold": dict(font=Font(bold=True)),
            "italic": dict(font=Font(italic=True)),
            "wrap": dict(alignment=Alignment(wrap_text=True, vertical="top")),
        }

    def _cell(self, ws, value, style=None, number_format=None, quoted=False):
        from openpyxl.cell import WriteOnlyCell

        c = WriteOnlyCell(ws, value)
        for attr, v in self.styles.get(style, {}).items():
            setattr(c, attr, v)
        if number_format:
            c.number_format = number_format
        if quoted or looks_like_formula(value):
            c.data_type = "s"
            c.quotePrefix = True
        return c

    def table(self, name: str, cols, headers, widths, columns, n: int, tick) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        ws = self.wb.create_sheet(name)
        # Everything that precedes the rows in the file must be set before appending.
        for j, (col, width) in enumerate(zip(cols, widths), start=1):
            letter = get_column_letter(j)
            ws.column_dimensions[letter].width = width
            values = LISTS.get(col.kind)
            if values is not None:
                dv = DataValidation(
                    type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                    showErrorMessage=True, errorStyle="warning",
                    errorTitle=_DROPDOWN_ERROR_TITLE, error=_dropdown_error(col.kind))
                dv.add(f"{letter}2:{letter}{LAST_ROW}")
                ws.data_validations.append(dv)
        ws.row_dimensions[1].height = HEADER_HEIGHT
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(n, 1) + 1}"
        ws.append([self._cell(ws, h, "header") for h in headers])

        # Styled cells share one prepared style array (cheaper than styling each cell).
        def style_of(**kw):
            c = WriteOnlyCell(ws)
            for k, v in kw.items():
                setattr(c, k, v)
            return c._style

        quoted = style_of(quotePrefix=True)
        formatted = {kind: style_of(number_format=f) for kind, f in _FORMATTED.items()}
        arrays = []
        for col, (values, has_quoted) in zip(cols, columns):
            if col.kind in formatted or has_quoted:
                style = formatted.get(col.kind, quoted)
                out = list(values)
                for i, v in enumerate(values):
                    if v is None or (style is quoted and not looks_like_formula(v)):
                        continue
                    c = WriteOnlyCell(ws, v)
                    c._style = style
                    if style is quoted:
                        c.data_type = "s"
                    out[i] = c
                values = out
            arrays.append(values)
        append = ws.append
        for start in range(0, n, PROGRESS_EVERY):
            stop = min(n, start + PROGRESS_EVERY)
            for row in zip(*(a[start:stop] for a in arrays)):
                append(row)
            tick(stop - start)

    def instructions(self, name: str, rows) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(name)
        for j, w in enumerate(_INSTRUCTION_WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w
        for row in rows:
            ws.append([None if v is None else self._cell(ws, v, style) for v, style in row])

    def save(self, path: str) -> None:
        self.wb.save(path)

    def discard(self) -> None:
        """Close and remove the temporary files of the unsaved write-only workbook."""
        for ws in self.wb.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None:
                continue
            try:
                if not ws.closed:
                    ws.close()      # ends the row stream and closes the temporary file
                writer.cleanup()
            except Exception:   # best effort: openpyxl also removes them at exit
                pass


def default_engine() -> str:
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        return "openpyxl"
    return "xlsxwriter"


ENGINES = ("xlsxwriter", "openpyxl")


def write_workbook(ds: Dataset, path: str | os.PathLike, *, personal_data: bool = True,
                   template: bool = False, lang: str = "nl",
                   progress: ProgressFn | None = None, engine: str | None = None) -> None:
    """Write ``ds`` as a programme workbook at ``path``.

    ``personal_data=False`` leaves out names and free text (the registry's personal
    fields: addresses, who recorded or changed what, reasons and notes), merges measured use
    per dwelling (Verbruik) into averages per complex and year, and says so on the
    instructions sheet (privacy export);
    ``template=True`` writes headers, dropdowns and instructions without rows;
    ``lang`` ('nl' or 'en') chooses the sheet names and headers (both import back);
    ``progress(fraction) -> bool`` is called now and then, returning False cancels
    (:class:`~desktop.exchange.progress.Cancelled` is raised and ``path`` is left
    untouched); ``engine`` is 'xlsxwriter' or 'openpyxl' (default: XlsxWriter when
    installed).  The file is written to a temporary file next to ``path`` and then moved
    into place, so a failed or cancelled export never leaves half a workbook.
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    engine = engine or default_engine()
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    path = Path(path)
    if not personal_data and len(ds.usage):
        # measured use per dwelling is personal data: merged into complex averages
        from ..models.realised import private_usage
        ds = dataclasses.replace(ds, usage=private_usage(ds.usage))
    chosen = [(s, written_columns(s, personal_data)) for s in sheets()]
    total = 0 if template else sum(len(getattr(ds, s.table)) for s, _ in chosen)
    done = 0

    def tick(rows: int) -> None:
        nonlocal done
        done += rows
        report(progress, 0.95 * done / total if total else 0.0)

    report(progress, 0.0)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    out = _XlsxWriterEngine(tmp) if engine == "xlsxwriter" else _OpenpyxlEngine(tmp)
    try:
        try:
            for sheet, cols in chosen:
                frame = getattr(ds, sheet.table)
                if template:
                    frame = frame.iloc[0:0]
                headers = [_header(c, lang) for c in cols]
                widths = [_width(h, _data_width(frame, c)) for h, c in zip(headers, cols)]
                columns = [_prepare(frame, c) for c in cols]
                out.table(_sheet_name(sheet, lang), cols, headers, widths, columns, len(frame), tick)
            out.instructions(INSTRUCTIONS_SHEET[1] if lang == "en" else INSTRUCTIONS_SHEET[0],
                             _instruction_rows(chosen, personal_data))
            report(progress, 0.95)
        except BaseException:
            out.discard()
            raise
        out.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    report(progress, 1.0)
