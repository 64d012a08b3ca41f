"""Small widgets every page uses: the page heading, section labels and data tables,
so all pages look and behave alike."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QStyle, QTableView, QWidget,
)

from . import theme


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label() -> QLabel:
    """Where a form says what is wrong (empty until it is)."""
    label = QLabel()
    label.setStyleSheet(theme.text_style(theme.ERROR))
    label.setWordWrap(True)
    return label


def hint_label(text: str = "") -> QLabel:
    """Secondary text: a caption, a note, an explanation (wrapped, in the hint grey)."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setStyleSheet(theme.text_style(theme.HINT))
    label.setWordWrap(True)
    return label

class EditNote(QObject):
    """A label saying what an edit did (or why it was refused), for as long as it is
    true: once the undo stack moves on (Undo, Redo, another edit) the text is cleared,
    so "2 projects moved to 2029" does not outlive its Ctrl+Z.  Parented to the label,
    so it goes with it."""

    def __init__(self, label: QLabel, undo_stack):
        super().__init__(label)
        self.label = label
        self.undo_stack = undo_stack
        self._said_at: int | None = None
        undo_stack.indexChanged.connect(self._moved)

    def say(self, text: str, colour: str) -> None:
        self.label.setStyleSheet(theme.text_style(colour))
        self.label.setText(text)
        self._said_at = self.undo_stack.index()

    def _moved(self, index: int) -> None:
        if index != self._said_at:
            self.label.clear()
            self._said_at = None


SIZED_ROWS = 100       # rows (beyond the visible ones) a table looks at to size its columns


def page_heading(text: str = "") -> QLabel:
    """The heading at the top of every page (1.5 times the font size, bold)."""
    label = QLabel(text)
    label.setObjectName("pageHeading")
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.5)
    f.setBold(True)
    label.setFont(f)
    return label


def go_to_page(widget: QWidget, key: str) -> None:
    """Show the window's page ``key`` (a page key of :data:`desktop.views.pages.PAGES`):
    how a page points to the editor of the figures it uses."""
    show = getattr(widget.window(), "show_page", None)
    if show is not None:
        show(key)


def follow_page_links(label: QLabel) -> QLabel:
    """Make ``<a href="KEY">`` in the label's (rich) text open the page KEY."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.linkActivated.connect(lambda key: go_to_page(label, key))
    return label


def page_button(text: str, key: str, tip: str = "") -> QPushButton:
    """A button opening the page ``key`` (where the figures a page uses are edited)."""
    button = QPushButton(text)
    button.setObjectName(f"goTo_{key}")
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda: go_to_page(button, key))
    return button


def heading_row(heading: QLabel, *widgets: QWidget) -> QHBoxLayout:
    """The page heading with buttons on its right."""
    row = QHBoxLayout()
    row.addWidget(heading)
    row.addStretch(1)
    for w in widgets:
        row.addWidget(w)
    return row


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    return label


class DataTable(QTableView):
    """A :class:`QTableView` that sizes its columns to a new frame (see :func:`fit_columns`)."""

    def fit_columns(self) -> None:
        fit_columns(self)


def data_table(model, *, stretch: int | None = 0, sortable: bool = True,
               sort_column: int | None = None, single_selection: bool = False,
               refit: bool = True) -> QTableView:
    """A read-only table of whole rows: columns sized to their contents, ``stretch``
    taking the rest, sorting by clicking a header (in the model's frame, see
    :class:`~desktop.views.frame_model.FrameTableModel`); ``sort_column`` None keeps
    the model's own order until the user sorts; ``refit`` False sizes the columns only
    now, not again for each new frame (the user's widths stay)."""
    view = DataTable()
    view.setModel(model)
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        if sort_column is not None:
            view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    # Columns are sized once per new frame (model reset) from the text of a sample of
    # rows, and the user may drag them wider or narrower.  Qt's ResizeToContents asks
    # the model for every role of every sampled cell, again at every layout pass:
    # ~40,000 data() calls (0.15 s) to show a 1,800-row table.
    header.setResizeContentsPrecision(SIZED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(52)
    if refit:
        model.modelReset.connect(view.fit_columns)
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Size each column (but a stretching one) to its header and to the display text of
    the rows in view plus at most ``SIZED_ROWS`` others spread over the table.

    Measures the text with the view's font (bold if the model sets fonts per cell),
    which is what the delegate would paint; far cheaper than
    ``resizeColumnToContents``, which builds a full style option per cell."""
    model = view.model()
    header = view.horizontalHeader()
    if model is None:
        return
    rows = model.rowCount()
    row_height = max(1, view.verticalHeader().defaultSectionSize())
    in_view = view.viewport().height() // row_height + 2
    first = max(0, view.rowAt(0))
    sample = set(range(first, min(rows, first + in_view)))
    if rows:
        step = max(1, rows // SIZED_ROWS)
        sample.update(range(0, rows, step))
    font = view.font()
    bold_cells = getattr(model, "has_role_provider", lambda _r: False)(Qt.ItemDataRole.FontRole)
    if bold_cells:
        font.setBold(True)
    metrics = QFontMetrics(font)
    style = view.style()
    # the delegate's text margins (as Qt's own sizeHint), plus 2 px for rounding
    padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 2
    texts = getattr(model, "display_texts", None)
    rows = sorted(sample)
    for col in range(model.columnCount()):
        if header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch:
            continue
        if texts is not None:
            cells = texts(col, rows)
        else:
            cells = [model.index(r, col).data() for r in rows]
        width = max((metrics.horizontalAdvance(str(t)) for t in set(cells) if t), default=0)
        header.resizeSection(col, max(width + padding, header.sectionSizeHint(col),
                                      header.minimumSectionSize()))
