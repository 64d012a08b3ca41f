"""The import preview and the problems table.

:class:`ImportPreviewDialog` shows what an import would do before anything is written:
per sheet how many rows are added, changed and left alone, every changed field (old →
new) and the warnings; *Import* applies it, *Cancel* leaves the workspace alone.

:class:`ProblemsView` lists a workbook's errors and warnings with the cell named (sheet,
row as Excel numbers it, column header); it sorts on any column and copies the selected
rows (or all) as tab-separated text, with its *Copy* button or Ctrl+C, ready to paste
into a spreadsheet or an e-mail.  :class:`ProblemsDialog` wraps it for a refused import.

The frames behind both (:func:`problem_frame`, :func:`preview_frames`) are plain pandas
and can be built on the worker thread, so a large preview costs the GUI thread only the
model reset.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QStyle, QTableView, QVBoxLayout, QWidget,
)

from ..exchange.columns import sheet_for_table
from ..exchange.problems import WorkbookProblem
from . import fmt, theme
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel, plain

ERROR_BG = theme.qcolor(theme.BAD_BG)
WARNING_BG = theme.qcolor(theme.WARN_BG)
ADDED_BG = theme.qcolor(theme.OK_BG)
CHANGED_BG = theme.qcolor(theme.WARN_BG)
EMPTY_FG = theme.qcolor(theme.MUTED)


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


def ui_language() -> str:
    """"nl" when the window speaks Dutch, else "en" (for the exchange's own messages)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


# ----- frames (no widgets: may run on a worker thread) ------------------------------
def problem_frame(problems: Sequence[WorkbookProblem], lang: str = "en") -> pd.DataFrame:
    """One row per problem: sheet, row (Excel's number), column header, message, severity."""
    return pd.DataFrame({
        "sheet": pd.Series([p.sheet for p in problems], dtype=object),
        "row": pd.array([p.row for p in problems], dtype="Int64"),
        "column": pd.Series([p.column for p in problems], dtype=object),
        "message": pd.Series([p.message_in(lang) for p in problems], dtype=object),
        "severity": pd.Series([p.severity for p in problems], dtype=object),
    })


def _sheet_name(table: str, lang: str) -> str:
    sheet = sheet_for_table(table)
    return sheet.dutch if lang == "nl" else sheet.english


def format_value(value: Any, kind: str) -> str:
    """A workspace value as the preview shows it, by the workbook column's kind."""
    value = plain(value)
    if value is None:
        return translate("ImportDialog", "(empty)")
    if kind == "money":
        return fmt.money_cents(value)
    if kind == "date":
        return fmt.date(value)
    if kind == "yesno":
        return translate("ImportDialog", "yes") if value else translate("ImportDialog", "no")
    if kind == "int" and isinstance(value, (int, float)):
        return str(int(value))            # years and counts: no thousands separator
    if kind == "number" and isinstance(value, (int, float)):
        return QLocale().toString(float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
    if isinstance(value, (dt.datetime, dt.date)):
        return fmt.date(value)
    return str(value)


@dataclass
class PreviewFrames:
    summary: pd.DataFrame       # sheet, added, changed, unchanged (workbook order)
    changes: pd.DataFrame       # sheet, key, field, old, new (display texts)
    added: int
    changed: int
    unchanged: int


def preview_frames(plan, lang: str = "en") -> PreviewFrames:
    """The preview of an :class:`~desktop.exchange.merge.ImportPlan` as two frames."""
    rows = [(_sheet_name(t, lang), c["added"], c["changed"], c["unchanged"])
            for t, c in plan.summary.items()]
    summary = pd.DataFrame(rows, columns=["sheet", "added", "changed", "unchanged"]) \
        .astype({"sheet": object, "added": "int64", "changed": "int64", "unchanged": "int64"})
    sheets: dict[str, Any] = {}
    out = []
    for table, key, field, old, new in plan.changes:
        sheet = sheets.get(table) or sheets.setdefault(table, sheet_for_table(table))
        try:
            col = sheet.by_field(field)
            header, kind = (col.dutch if lang == "nl" else col.english), col.kind
        except KeyError:
            header, kind = field, "text"
        key_text = " / ".join(str(k) for k in key) if isinstance(key, tuple) else str(key)
        out.append((sheet.dutch if lang == "nl" else sheet.english, key_text, header,
                    format_value(old, kind), format_value(new, kind)))
    changes = pd.DataFrame(out, columns=["sheet", "key", "field", "old", "new"]).astype(object)
    return PreviewFrames(summary, changes, int(summary["added"].sum()),
                         int(summary["changed"].sum()), int(summary["unchanged"].sum()))


def frame_to_tsv(frame: pd.DataFrame, headers: Sequence[str],
                 texts: Sequence[Sequence[str]] | None = None) -> str:
    """Tab-separated text with a header line; tabs and line breaks in cells become spaces."""
    def clean(v: Any) -> str:
        v = plain(v)
        return "" if v is None else str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    lines = ["\t".join(headers)]
    rows = texts if texts is not None else frame.itertuples(index=False, name=None)
    lines += ["\t".join(clean(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def count_text(n: int, what: str) -> str:
    """"1 error", "15 errors", "1 warning", "3 warnings" (translatable, no "(s)")."""
    one, many = {"error": (translate("ImportDialog", "1 error"), translate("ImportDialog", "%1 errors")),
                 "warning": (translate("ImportDialog", "1 warning"), translate("ImportDialog", "%1 warnings"))}[what]
    return one if n == 1 else fmt.tr_fmt(many, fmt.integer(n))


# ----- widgets ----------------------------------------------------------------------
def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


class CopyableTableView(QTableView):
    """A table whose Ctrl+C copies the selected rows (or all) as TSV."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.copy_handler = None

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.copy_handler is not None:
            self.copy_handler()
            event.accept()
            return
        super().keyPressEvent(event)


def _setup_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)


class ProblemsView(QWidget):
    """Errors and warnings, sortable, with the cell named; Copy puts TSV on the clipboard."""

    def __init__(self, problems: Sequence[WorkbookProblem] = (), lang: str | None = None,
                 parent=None):
        super().__init__(parent)
        self.lang = lang or ui_language()
        severity = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        self.model = FrameTableModel([
            ColumnSpec("sheet", self.tr("Sheet")),
            ColumnSpec("row", self.tr("Row"), fmt=lambda v: "" if v is None else str(v),
                       align=NUMBER_ALIGN, tooltip=self.tr("The row number as Excel shows it")),
            ColumnSpec("column", self.tr("Column"), tooltip=self.tr("The column header")),
            ColumnSpec("message", self.tr("Message")),
            ColumnSpec("severity", self.tr("Severity"), fmt=lambda v: severity.get(v, v or "")),
        ], key="row", parent=self)
        sev_col = self.model.column_of("severity")

        def background(row: int, col: int):
            sev = self.model.frame()["severity"].iat[row]
            return QBrush(ERROR_BG if sev == "error" else WARNING_BG) if col == sev_col else None

        def tooltip(row: int, col: int):
            return self.model.frame()["message"].iat[row] if col == self.model.column_of("message") \
                else None

        self.model.set_role_provider(Qt.ItemDataRole.BackgroundRole, background)
        self.model.set_role_provider(Qt.ItemDataRole.ToolTipRole, tooltip)

        self.table = CopyableTableView()
        self.table.copy_handler = self.copy
        self.table.setModel(self.model)
        _setup_table(self.table)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)      # workbook order until a header is clicked
        self.table.horizontalHeader().setSortIndicatorShown(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr(
            "Copy the selected rows (all rows when none is selected) as tab-separated text"))
        self.copy_button.clicked.connect(self.copy)
        self.count_label = QLabel()

        self.bar = bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.copy_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        self.set_problems(problems)

    def set_problems(self, problems: Sequence[WorkbookProblem]) -> None:
        self.set_frame(problem_frame(problems, self.lang))

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.model.set_frame(frame)
        errors = int((frame["severity"] == "error").sum())
        warnings = len(frame) - errors
        parts = []
        if errors:
            parts.append(count_text(errors, "error"))
        if warnings:
            parts.append(count_text(warnings, "warning"))
        self.count_label.setText(", ".join(parts))
        self._fit_columns()

    def _fit_columns(self) -> None:
        fm = self.table.fontMetrics()
        frame = self.model.frame()
        for c, key in enumerate(("sheet", "row", "column")):
            texts = [self.model.headerData(c, Qt.Orientation.Horizontal)] + \
                [str(v) for v in frame[key].head(500).tolist() if plain(v) is not None]
            self.table.setColumnWidth(c, min(230, max(fm.horizontalAdvance(t) for t in texts) + 24))
        self.table.setColumnWidth(4, fm.horizontalAdvance(self.tr("Severity")) + 40)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})

    def tsv(self) -> str:
        """The selected rows (all when none is selected), in the order shown."""
        rows = self.selected_rows() or list(range(self.model.rowCount()))
        headers = [self.model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(self.model.columnCount())]
        texts = [[self.model.data(self.model.index(r, c))
                  for c in range(self.model.columnCount())] for r in rows]
        return frame_to_tsv(self.model.frame(), headers, texts)

    def copy(self) -> str:
        text = self.tsv()
        QGuiApplication.clipboard().setText(text)
        return text


def _compact_table(view: QTableView, rows: int) -> None:
    """Size a short table to its rows (no empty grey area, no scroll bar)."""
    h = view.horizontalHeader().height() + rows * view.verticalHeader().defaultSectionSize() + \
        2 * view.frameWidth() + 2
    view.setFixedHeight(h)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class ProblemsDialog(QDialog):
    """Why a workbook was not imported: its errors (and warnings), copyable."""

    def __init__(self, problems: Sequence[WorkbookProblem], file_name: str, lang: str | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        errors = sum(1 for p in problems if p.is_error)
        self.setWindowTitle(self.tr("Import refused"))
        self.heading = QLabel(fmt.tr_fmt(self.tr("%1 has %2. Nothing was imported: the workspace is "
                                                 "unchanged."),
                                         file_name, count_text(errors, "error")))
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.hint = QLabel(self.tr(
            "Correct these cells in the workbook and import it again. Click a column header to "
            "sort; Copy (or Ctrl+C) copies the selected rows, or all, to paste in a spreadsheet "
            "or an e-mail."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(theme.text_style(theme.HINT))
        self.problems = ProblemsView(problems, lang, self)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.problems.bar.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        lay.addWidget(self.heading)
        lay.addWidget(self.hint)
        lay.addSpacing(4)
        lay.addWidget(self.problems, 1)
        lay.activate()          # size constraints before the window exists (no resize later)
        self.resize(1060, 540)


class ImportPreviewDialog(QDialog):
    """What the import would add, change and leave alone; Import applies it."""

    def __init__(self, preview: PreviewFrames, file_name: str, workspace_name: str,
                 warnings: Sequence[WorkbookProblem] = (), lang: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.preview = preview
        self.setWindowTitle(self.tr("Import preview"))
        self.heading = QLabel(fmt.tr_fmt(self.tr("Import %1 into %2?"), file_name, workspace_name))
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.totals = QLabel(
            fmt.tr_fmt(self.tr("%1 rows added, %2 changed, %3 left as they are. Nothing is deleted."),
                       fmt.integer(preview.added), fmt.integer(preview.changed),
                       fmt.integer(preview.unchanged)))
        self.totals.setWordWrap(True)

        count = lambda v: fmt.integer(v)  # noqa: E731
        self.summary_model = FrameTableModel([
            ColumnSpec("sheet", self.tr("Sheet")),
            ColumnSpec("added", self.tr("Added"), fmt=count, align=NUMBER_ALIGN,
                       tooltip=self.tr("Rows with a new key: added to the workspace")),
            ColumnSpec("changed", self.tr("Changed"), fmt=count, align=NUMBER_ALIGN,
                       tooltip=self.tr("Known rows of which at least one field changes")),
            ColumnSpec("unchanged", self.tr("Unchanged"), fmt=count, align=NUMBER_ALIGN,
                       tooltip=self.tr("Known rows that stay as they are")),
        ], key="sheet", parent=self)
        self.summary_model.set_frame(preview.summary)
        added_col, changed_col = 1, 2

        def summary_bg(row: int, col: int):
            frame = self.summary_model.frame()
            if col == added_col and frame["added"].iat[row] > 0:
                return QBrush(ADDED_BG)
            if col == changed_col and frame["changed"].iat[row] > 0:
                return QBrush(CHANGED_BG)
            return None
        self.summary_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, summary_bg)
        self.summary_table = QTableView()
        self.summary_table.setModel(self.summary_model)
        _setup_table(self.summary_table)
        self.summary_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summary_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sh = self.summary_table.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            sh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.summary_table.setColumnWidth(c, 110)
        _compact_table(self.summary_table, len(preview.summary))

        self.changes_model = FrameTableModel([
            ColumnSpec("sheet", self.tr("Sheet")),
            ColumnSpec("key", self.tr("Row"), tooltip=self.tr("The key of the changed row")),
            ColumnSpec("field", self.tr("Column")),
            ColumnSpec("old", self.tr("Now")),
            ColumnSpec("new", self.tr("After the import")),
        ], key="key", parent=self)
        self.changes_model.set_frame(preview.changes)
        self.changes_model.set_role_provider(
            Qt.ItemDataRole.BackgroundRole,
            lambda _r, c: QBrush(CHANGED_BG) if c == 4 else None)
        empty = translate("ImportDialog", "(empty)")
        self.changes_model.set_role_provider(
            Qt.ItemDataRole.ForegroundRole,
            lambda r, c: QBrush(EMPTY_FG) if c >= 3 and self.changes_model.data(
                self.changes_model.index(r, c)) == empty else None)
        self.changes_table = CopyableTableView()
        self.changes_table.setModel(self.changes_model)
        _setup_table(self.changes_table)
        self.changes_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.changes_table.setSortingEnabled(True)
        self.changes_table.copy_handler = self.copy_changes
        ch = self.changes_table.horizontalHeader()
        fm = self.changes_table.fontMetrics()
        head = preview.changes.head(300)
        for c, key in enumerate(("sheet", "key", "field")):
            texts = [self.changes_model.headerData(c, Qt.Orientation.Horizontal)] + \
                [str(v) for v in head[key].tolist()]
            self.changes_table.setColumnWidth(c, min(260, max(fm.horizontalAdvance(t) for t in texts) + 24))
        ch.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        ch.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.changes_label = _section(fmt.tr_fmt(self.tr("Changed fields (%1)"),
                                                 fmt.integer(len(preview.changes))))
        self.no_changes = QLabel(self.tr("No row in the workspace changes; new rows are only added."))
        self.no_changes.setStyleSheet(theme.text_style(theme.HINT))

        self.warnings_label = _section(fmt.tr_fmt(self.tr("Warnings (%1): imported all the same"),
                                                  fmt.integer(len(warnings))))
        self.warnings = ProblemsView(warnings, lang, self)

        self.note = QLabel(self.tr(
            "The import is one transaction: all of it is written, or nothing. A backup copy of "
            "the workspace is made first. An import cannot be undone with Undo (Ctrl+Z); to go "
            "back, restore the backup copy."))
        self.note.setWordWrap(True)
        self.note.setObjectName("importNote")
        self.note.setStyleSheet(f"#importNote {{ background: {theme.NOTE_BG}; border: 1px solid"
                                f" {theme.NOTE_BORDER}; padding: 8px; color: {theme.NOTE_TEXT}; }}")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        lay.addWidget(self.heading)
        lay.addWidget(self.totals)
        lay.addWidget(_section(self.tr("Per sheet")))
        lay.addWidget(self.summary_table)
        stretch_used = False
        if len(preview.changes):
            lay.addWidget(self.changes_label)
            lay.addWidget(self.changes_table, 2)
            stretch_used = True
        else:
            self.changes_label.hide()
            self.changes_table.hide()
            lay.addWidget(self.no_changes)
        if len(warnings):
            lay.addWidget(self.warnings_label)
            lay.addWidget(self.warnings, 1)
            stretch_used = True
        else:
            self.warnings_label.hide()
            self.warnings.hide()
        if not stretch_used:
            lay.addStretch(1)
        lay.addSpacing(6)
        lay.addWidget(self.note)
        lay.addWidget(self.buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        lay.activate()          # size constraints before the window exists (no resize later)
        self.resize(820, 640 if stretch_used else 520)

    def copy_changes(self) -> str:
        rows = sorted({i.row() for i in self.changes_table.selectionModel().selectedIndexes()}) \
            or list(range(self.changes_model.rowCount()))
        m = self.changes_model
        headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
        texts = [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in rows]
        text = frame_to_tsv(m.frame(), headers, texts)
        QGuiApplication.clipboard().setText(text)
        return text


class MessageDialog(QDialog):
    """A short message with an OK button (a QMessageBox look-alike whose size is fixed
    before it is shown, so it opens without a resize; ``text()`` and
    ``informativeText()`` read it back)."""

    ICONS = {"information": QStyle.StandardPixmap.SP_MessageBoxInformation,
             "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
             "critical": QStyle.StandardPixmap.SP_MessageBoxCritical}

    def __init__(self, kind: str, title: str, text: str, informative: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.kind = kind
        self.setWindowTitle(title)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(self.ICONS.get(kind, self.ICONS["information"]))
                       .pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(text)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._informative = QLabel(informative)
        self._informative.setWordWrap(True)
        self._informative.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._informative.setStyleSheet(theme.text_style(theme.HINT))
        self._informative.setVisible(bool(informative))
        texts = QVBoxLayout()
        texts.addWidget(self._text)
        texts.addWidget(self._informative)
        texts.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 12)
        lay.addLayout(row)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.setMaximumWidth(640)
        lay.activate()
        self.resize(self.sizeHint())

    def text(self) -> str:
        return self._text.text()

    def informativeText(self) -> str:  # noqa: N802 — QMessageBox's name
        return self._informative.text()
