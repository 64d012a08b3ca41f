"""Reading a programme workbook (sheets and columns: :mod:`.columns`) into a Dataset.

``read_workbook(path)`` refuses files it cannot read at all with
:class:`WorkbookUnreadable` (not an xlsx, encrypted, corrupt, empty, too large), and
otherwise returns a :class:`ReadResult`: the typed Dataset, every problem located as
Excel shows it (sheet, row, column header), the columns each sheet had (an import only
overwrites those) and the Excel row number of each frame row.

Reading uses python-calamine (cached values of formula cells, fast).  Each column is
parsed in one pass (see :func:`desktop.exchange.cells.parse_column`); cross-row rules
come from :func:`desktop.models.invariants.validate_dataset`.
"""
from __future__ import annotations

import os
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import numpy as np
import pandas as pd

from desktop.models import fields
from desktop.models.dataset import TABLES, Dataset, Problem, conform, empty_frame
from desktop.models.invariants import validate_dataset

from .cells import parse_column, parse_text
from .columns import SHEETS, Column, Sheet, sheet_for, sheet_for_table
from .extent import sheet_extent, sheet_parts
from .problems import HasProblems, WorkbookProblem, WorkbookUnreadable
from .progress import ProgressFn, report
from .sheets import load_sheets, load_sheets_isolated

DEFAULT_MAX_BYTES = 50 * 1024 * 1024             # the file itself
DEFAULT_MAX_UNCOMPRESSED = 500 * 1024 * 1024     # all zip members, unpacked
DEFAULT_MAX_CELLS = 5_000_000                    # cells of all sheets together



@dataclass
class ReadResult(HasProblems):
    dataset: Dataset
    problems: list[WorkbookProblem]
    present_columns: dict[str, set[str]]          # table -> frame fields the sheet had
    row_numbers: dict[str, list[int]]             # table -> Excel row per frame row
    sheets_found: dict[str, str]                  # table -> sheet name as written
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> field -> header
    error_rows: dict[str, set[int]] = field(default_factory=dict)     # table -> frame rows with errors
    _places: dict[tuple[str, str | None], tuple[str, str | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def locate(self, problem: Problem) -> WorkbookProblem:
        """A frame-position Problem (from the rules or invariants) as Excel shows it."""
        table = problem.table
        sheet, column = self._place(table, problem.column)
        row = None
        if problem.row is not None:
            numbers = self.row_numbers.get(table, [])
            row = numbers[problem.row] if 0 <= problem.row < len(numbers) else None
        return WorkbookProblem(sheet, row, column, problem.message,
                               problem.message_nl or problem.message, problem.severity)

    def _place(self, table: str, field_name: str | None) -> tuple[str, str | None]:
        """The sheet and column header of a table's field, looked up once per pair (a
        check locates thousands of warnings on the same few columns)."""
        key = (table, field_name)
        found = self._places.get(key)
        if found is not None:
            return found
        try:
            sheet_decl = sheet_for_table(table)
        except KeyError:
            sheet_decl = None
        sheet = self.sheets_found.get(table) or (sheet_decl.dutch if sheet_decl else table)
        column = None
        if field_name is not None:
            column = self.headers.get(table, {}).get(field_name)
            if column is None and sheet_decl is not None:
                try:
                    column = sheet_decl.by_field(field_name).dutch
                except KeyError:
                    column = field_name
            elif column is None:
                column = field_name
        self._places[key] = (sheet, column)
        return sheet, column


# ----------------------------------------------------------------------------- refusing
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _mb(n: int) -> str:
    """A size for a message: "50 MB", "9 KB", "1000 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):,.0f} MB"
    if n >= 1024:
        return f"{n / 1024:,.0f} KB"
    return f"{n} bytes"


def _refuse_large_sheets(zf: zipfile.ZipFile, name: str, max_cells: int) -> None:
    """Refuse a workbook whose sheets would make calamine allocate more than ``max_cells``
    cells (it aborts the process when the allocation fails), before it reads one; the
    sheet and its far cell are named (see :mod:`desktop.exchange.extent`)."""
    cells = 0
    for sheet, member in sheet_parts(zf):
        if sheet_for(sheet) is None:
            continue            # never loaded
        ext = sheet_extent(zf, member, max_cells)
        if ext.cells > max_cells:
            raise WorkbookUnreadable(
                f"{name}: sheet {sheet} has a value at {ext.far}; delete it or the rows below "
                f"your data (the sheet would span {ext.rows:,} rows × {ext.columns:,} columns; "
                f"the limit is {max_cells:,} cells)",
                f"{name}: blad {sheet} heeft een waarde in {ext.far}; verwijder die of de rijen "
                f"onder uw gegevens (het blad zou {ext.rows:,} rijen × {ext.columns:,} kolommen "
                f"beslaan; de grens is {max_cells:,} cellen)")
        cells += ext.cells
    if cells > max_cells:
        raise WorkbookUnreadable(
            f"{name}: the workbook has {cells:,} cells; the limit is {max_cells:,}",
            f"{name}: het werkboek heeft {cells:,} cellen; de grens is {max_cells:,}")


def _preflight(path: Path, max_bytes: int, max_uncompressed: int,
               max_cells: int) -> list[WorkbookProblem]:
    """Refuse what cannot be a programme workbook before reading a cell; return notices
    about parts that are ignored (macros, links to other workbooks)."""
    name = path.name
    notices: list[WorkbookProblem] = []
    if not path.exists():
        raise WorkbookUnreadable(f"{name}: file not found", f"{name}: bestand niet gevonden")
    if not path.is_file():
        raise WorkbookUnreadable(f"{name}: not a file", f"{name}: geen bestand")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookUnreadable(f"{name}: the file is empty (0 bytes)",
                                 f"{name}: het bestand is leeg (0 bytes)")
    if size > max_bytes:
        raise WorkbookUnreadable(
            f"{name}: the file is too large ({_mb(size)}); the limit is {_mb(max_bytes)}",
            f"{name}: het bestand is te groot ({_mb(size)}); de grens is {_mb(max_bytes)}")
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head == _OLE2_MAGIC:
            fh.seek(0)
            data = fh.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data \
                    or "EncryptedPackage".encode("utf-16-le") in data:
                raise WorkbookUnreadable(
                    f"{name}: the workbook is encrypted (password protected); save it without a "
                    f"password and try again",
                    f"{name}: het werkboek is versleuteld (met wachtwoord); sla het op zonder "
                    f"wachtwoord en probeer opnieuw")
            raise WorkbookUnreadable(
                f"{name}: this is an old Excel (.xls) file, not an .xlsx workbook; save it as .xlsx",
                f"{name}: dit is een oud Excel-bestand (.xls), geen .xlsx-werkboek; sla het op als .xlsx")
    if not head.startswith(b"PK"):
        raise WorkbookUnreadable(f"{name}: not an Excel workbook (.xlsx)",
                                 f"{name}: geen Excel-werkboek (.xlsx)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                if "content.xml" in names:
                    raise WorkbookUnreadable(
                        f"{name}: an OpenDocument spreadsheet (.ods), not an .xlsx workbook; "
                        f"save it as .xlsx",
                        f"{name}: een OpenDocument-rekenblad (.ods), geen .xlsx-werkboek; "
                        f"sla het op als .xlsx")
                raise WorkbookUnreadable(f"{name}: not an Excel workbook (.xlsx)",
                                         f"{name}: geen Excel-werkboek (.xlsx)")
            unpacked = sum(i.file_size for i in infos)
            if unpacked > max_uncompressed:
                raise WorkbookUnreadable(
                    f"{name}: the workbook unpacks to {_mb(unpacked)}; the limit is "
                    f"{_mb(max_uncompressed)}",
                    f"{name}: het werkboek is uitgepakt {_mb(unpacked)}; de grens is "
                    f"{_mb(max_uncompressed)}")
            _refuse_large_sheets(zf, name, max_cells)
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                notices.append(WorkbookProblem(
                    None, None, None, "the workbook holds macros; they are ignored and never run",
                    "het werkboek bevat macro's; die worden genegeerd en nooit uitgevoerd", "warning"))
            links = sorted(n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml"))
            if links:
                notices.append(WorkbookProblem(
                    None, None, None,
                    f"the workbook links to {len(links)} other workbook(s); the links are ignored "
                    f"and only the values saved in this file count",
                    f"het werkboek verwijst naar {len(links)} ander(e) werkboek(en); de koppelingen "
                    f"worden genegeerd, alleen de in dit bestand opgeslagen waarden tellen", "warning"))
    except WorkbookUnreadable:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError,
            OSError, ValueError, struct.error, ElementTree.ParseError) as exc:
        # NotImplementedError: zipfile's answer to a damaged header's "zip file version"
        raise WorkbookUnreadable(
            f"{name}: the workbook is damaged (truncated or corrupt zip: {exc})",
            f"{name}: het werkboek is beschadigd (afgebroken of kapot zip-bestand: {exc})") from None
    return notices


# ----------------------------------------------------------------------------- reading
def _row_empty(row: list[Any]) -> bool:
    for v in row:
        if v == "" or v is None:
            continue
        if isinstance(v, str) and not v.strip():
            continue
        return False
    return True


def _filled_rows(rows: list[list[Any]], start: int) -> list[int]:
    """Positions from ``start`` on of the rows that are not empty (see :func:`_row_empty`).
    A row whose first cell holds a value is filled: only the others are looked at whole."""
    kept = []
    for i in range(start, len(rows)):
        r = rows[i]
        first = r[0] if r else ""
        if type(first) is str:
            if first.strip() or not _row_empty(r):
                kept.append(i)
        elif first is not None or not _row_empty(r):
            kept.append(i)
    return kept


def _columns(data: list[list[Any]], positions: list[int]) -> dict[int, list[Any]]:
    """The cells at ``positions`` of every row, column by column (a short row's missing
    cells are empty, ``""``)."""
    width = max(positions, default=-1) + 1
    if any(len(r) < width for r in data):
        data = [r if len(r) >= width else list(r) + [""] * (width - len(r)) for r in data]
    return {j: [r[j] for r in data] for j in positions}


def _series(kind: str, parsed: Any, n: int) -> pd.Series:
    dtype = fields.DTYPES[kind]
    if isinstance(parsed, np.ndarray):
        s = pd.Series(parsed, dtype="float64")
        return s.astype("Float64") if dtype == "Float64" else s.astype("Float64").astype("Int64")
    if dtype == "datetime64[s]":
        return pd.Series(pd.to_datetime(pd.Series(parsed, dtype="object"), errors="coerce"),
                         dtype="datetime64[s]")
    return pd.Series(parsed, dtype=dtype if dtype != "Int64" else "object").astype(dtype)


class _SheetReader:
    def __init__(self, decl: Sheet, name: str, rows: list[list[Any]], first_row: int):
        self.decl = decl
        self.name = name
        self.rows = rows
        self.first_row = first_row      # Excel row number of rows[0]
        self.problems: list[WorkbookProblem] = []
        self.present: set[str] = set()
        self.headers: dict[str, str] = {}
        self.row_numbers: list[int] = []
        self.error_cells: set[tuple[int, str]] = set()
        self.frame = empty_frame(decl.table)

    def _problem(self, row, column, en, nl, severity="error"):
        self.problems.append(WorkbookProblem(self.name, row, column, en, nl, severity))

    def read(self) -> None:
        rows = self.rows
        header_at = next((i for i, r in enumerate(rows) if not _row_empty(r)), None)
        if header_at is None:
            return
        header_row = self.first_row + header_at
        mapping: list[tuple[int, Column]] = []
        for j, cell in enumerate(rows[header_at]):
            text = parse_text(cell) if cell not in ("", None) else ""
            if not text:
                continue
            col = self.decl.column_for(text)
            if col is None:
                self._problem(header_row, text,
                              f"unknown column {text!r} is ignored",
                              f"onbekende kolom {text!r} wordt genegeerd", "warning")
                continue
            if col.field in self.present:
                self._problem(header_row, text,
                              f"column {col.dutch} [{col.english}] occurs twice; "
                              f"keep only one",
                              f"kolom {col.dutch} [{col.english}] komt twee keer voor; "
                              f"houd er één", "error")
                continue
            self.present.add(col.field)
            self.headers[col.field] = text
            mapping.append((j, col))
        missing = [c for c in self.decl.columns if c.required and c.field not in self.present]
        if missing:
            names = ", ".join(f"{c.dutch} [{c.english}]" for c in missing)
            self._problem(header_row, None,
                          f"required column missing: {names}" if len(missing) == 1
                          else f"required columns missing: {names}",
                          f"verplichte kolom ontbreekt: {names}" if len(missing) == 1
                          else f"verplichte kolommen ontbreken: {names}")

        kept = _filled_rows(rows, header_at + 1)
        data = [rows[i] for i in kept]
        numbers = [self.first_row + i for i in kept]
        self.row_numbers = numbers
        n = len(data)
        table = self.decl.table
        columns: dict[str, pd.Series] = {}
        cells = _columns(data, [j for j, _ in mapping])
        for j, col in mapping:
            parsed, _empty, errors = parse_column(cells[j], col.kind)
            header = self.headers[col.field]
            for pos, exc in errors:
                self.error_cells.add((pos, col.field))
                self.problems.append(WorkbookProblem(
                    self.name, numbers[pos], header, exc.message, exc.message_nl, "error"))
            columns[col.field] = _series(col.kind, parsed, n)
        # what an empty cell (or an absent column) stands for
        for f, default in fields.defaults(table).items():
            if f in columns:
                columns[f] = columns[f].fillna(default)
            else:
                columns[f] = pd.Series([default] * n)
        frame = conform(table, pd.DataFrame(columns, index=range(n)) if columns
                        else pd.DataFrame(index=range(n)))
        self.frame = frame


def read_workbook(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED,
                  max_cells: int = DEFAULT_MAX_CELLS, context: Dataset | None = None,
                  isolated: bool = False, progress: ProgressFn | None = None) -> ReadResult:
    """Read and validate a programme workbook; raise WorkbookUnreadable when the file
    cannot be read at all.

    ``context``: the workspace an import merges into; references resolve against the
    workbook plus the workspace (``check`` passes none: the workbook on its own).

    ``isolated``: load the cells in a child process (:mod:`desktop.exchange.sheets`), so
    a crash of the native reader is an error, not the end of this process; ``progress``
    is then asked every 0.1 s whether to go on (Cancelled stops the child)."""
    path = Path(path)
    problems: list[WorkbookProblem] = _preflight(path, max_bytes, max_uncompressed, max_cells)
    if isolated:
        def poll() -> None:
            report(progress, 0.1)
        book = load_sheets_isolated(path, max_cells, poll=poll if progress is not None else None)
    else:
        book = load_sheets(path, max_cells)
    readers: dict[str, _SheetReader] = {}
    for name in book.names:
        decl = sheet_for(name)
        if decl is None:
            if name not in book.hidden and name.strip().casefold() not in _OUR_SHEETS:
                problems.append(WorkbookProblem(
                    name, None, None, f"unknown sheet {name!r} is ignored",
                    f"onbekend blad {name!r} wordt genegeerd", "warning"))
            continue
        if decl.table in readers:
            first = readers[decl.table].name
            problems.append(WorkbookProblem(
                name, None, None,
                f"sheet {name!r} holds the same table as sheet {first!r}; keep only one",
                f"blad {name!r} bevat dezelfde tabel als blad {first!r}; houd er één"))
            continue
        rows, first_row = book.sheets[name]
        reader = _SheetReader(decl, name, rows, first_row)
        reader.read()
        readers[decl.table] = reader

    frames = {t: (readers[t].frame if t in readers else empty_frame(t)) for t in TABLES}
    ds = Dataset(**frames)
    for r in readers.values():
        problems += r.problems
    result = ReadResult(
        dataset=ds, problems=problems,
        present_columns={t: set(r.present) for t, r in readers.items()},
        row_numbers={t: r.row_numbers for t, r in readers.items()},
        sheets_found={t: r.name for t, r in readers.items()},
        headers={t: dict(r.headers) for t, r in readers.items()})
    error_cells = {t: r.error_cells for t, r in readers.items()}
    error_rows: dict[str, set[int]] = {t: {pos for pos, _ in cells_} for t, cells_ in error_cells.items()}

    for p in validate_dataset(ds, context):
        table = p.table
        if table not in readers:
            continue          # no sheet, no rows: nothing to locate (cannot happen)
        if p.row is not None and (p.row, p.column) in error_cells[table]:
            continue          # the cell's own error says it already
        if p.column in fields.required(table) and p.column not in readers[table].present \
                and p.message.startswith("this value is required"):
            continue          # reported once as a missing column
        problems.append(result.locate(p))
        if p.row is not None and p.severity == "error":
            error_rows.setdefault(table, set()).add(p.row)
    for t, r in readers.items():
        # a missing required column makes every row of that sheet unusable
        if any(c.required and c.field not in r.present for c in r.decl.columns):
            error_rows.setdefault(t, set()).update(range(len(r.row_numbers)))
    result.error_rows = error_rows
    result.problems = _ordered(problems)
    return result


_SHEET_ORDER = {s.table: i for i, s in enumerate(SHEETS)}
# sheets our own writer adds (instructions) are not "unknown"
_OUR_SHEETS = {"toelichting", "instructions"}


def _ordered(problems: list[WorkbookProblem]) -> list[WorkbookProblem]:
    """Problems by sheet (workbook order of the spec), then row, file-level first."""
    def key(p: WorkbookProblem):
        decl = sheet_for(p.sheet) if p.sheet else None
        order = _SHEET_ORDER.get(decl.table, 99) if decl else 100
        return (order, p.sheet or "", p.row if p.row is not None else -1)
    return sorted(problems, key=key)
