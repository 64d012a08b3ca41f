"""Small widgets every page uses: the page heading, section labels and data tables,
so all pages look and behave alike."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView,
)

ERROR_COLOUR = "#b3261e"


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
    label.setStyleSheet(f"color:{ERROR_COLOUR}")
    label.setWordWrap(True)
    return label

SIZED_ROWS = 100       # rows (beyond the visible ones) a table looks at to size its columns


def page_heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.5)
    f.setBold(True)
    label.setFont(f)
    return label


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    return label


def data_table(model, *, stretch: int | None = 0, sortable: bool = True,
               sort_column: int | None = None, single_selection: bool = False) -> QTableView:
    """A read-only table of whole rows: columns sized to their contents, ``stretch``
    taking the rest, sorting by clicking a header (in the model's frame, see
    :class:`~desktop.views.frame_model.FrameTableModel`); ``sort_column`` None keeps
    the model's own order until the user sorts."""
    view = QTableView()
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
    # size columns from the visible rows and at most SIZED_ROWS others: Qt's default
    # (1,000) asks the model ~300,000 times per refresh of a 2,000-row table
    header.setResizeContentsPrecision(SIZED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(52)
    return view
