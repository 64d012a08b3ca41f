"""Programme page: which complexes are retrofitted in which year, against the agreed
targets.

Top: each target period with target, planned and done, coloured where the plan falls
short (red) or overshoots (amber).  Middle: homes per year by corporation and
neighbourhood (collapsible), planned and done side by side, years over a capacity or
budget limit in amber.  Bottom: the projects of the selected cell (or all, filtered);
create, edit, delete, and move them by dragging onto a year of the matrix.  Every
edit is one store transaction and one undo step (Edit menu, Ctrl+Z / Ctrl+Shift+Z).
"""
from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QSplitter, QStyle, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from ..models import fields as registry
from ..models import programme
from ..models.dataset import Dataset
from ..models.enums import Status
from .. import edits
from . import fmt, theme
from .controller import Outcome
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .programme_models import (MET, OVER, SHORT, MatrixDelegate, MatrixModel, ProjectListModel,
                               heat_plan_text, with_heat_plan)
from .project_dialog import CapacityDialog, ProjectDialog
from .overview import target_columns
from .pages import Page
from .versions import ProgrammeVersions, VersionMatrixDelegate, VersionMatrixModel
from .widgets import EditNote, data_table, fit_columns, page_heading, section_label

RELEVANT = {"projects", "complexes", "dwellings", "targets", "capacities", "heat_plan"}
ALL = "__all__"
EDITABLE = registry.upsert_fields("projects")     # saved as values; the status by SetStatus


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def matrix_years(ds: Dataset) -> list[int]:
    """Matrix columns: first to last year of any project or target, plus one spare
    year to drag projects into."""
    ys = [int(y) for y in ds.projects["year"].dropna()]
    ys += [int(y) for y in ds.targets["from_year"].dropna()]
    ys += [int(y) for y in ds.targets["to_year"].dropna()]
    if not ys:
        y = pd.Timestamp.today().year
        return list(range(y, y + 5))
    return list(range(min(ys), max(ys) + 2))


def filter_mask(frame: pd.DataFrame, corporation=None, neighbourhood=None, status=None,
                year=None) -> np.ndarray:
    """Rows of ``frame`` passing the page's filters (None or ALL: no filter)."""
    mask = np.ones(len(frame), dtype=bool)
    for column, wanted in (("corporation", corporation), ("neighbourhood", neighbourhood),
                           ("status", status), ("year", year)):
        if wanted not in (None, ALL):
            mask &= (frame[column] == wanted).fillna(False).to_numpy(bool)
    return mask


def filter_targets(targets: pd.DataFrame, corporation=None, year=None) -> pd.DataFrame:
    """The target rows of the chosen corporation whose period holds the chosen year
    (None or ALL: no filter).  A target is agreed per corporation and period, so the
    neighbourhood and status filters leave it whole."""
    mask = np.ones(len(targets), dtype=bool)
    if corporation not in (None, ALL):
        mask &= (targets["corporation"] == corporation).fillna(False).to_numpy(bool)
    if year not in (None, ALL):
        mask &= ((targets["from_year"] <= year) & (targets["to_year"] >= year)
                 ).fillna(False).to_numpy(bool)
    return targets if mask.all() else targets[mask].reset_index(drop=True)


@dataclasses.dataclass
class MatrixData:
    """What the matrix shows for one choice of filters (corporation, neighbourhood,
    status, year)."""
    filters: tuple
    years: list[int]
    planned: pd.DataFrame
    done: pd.DataFrame
    flags: pd.DataFrame          # capacity and budget per corporation and year (unfiltered)
    live: pd.DataFrame           # the filtered projects with a year, not cancelled


def matrix_data(ds: Dataset, owner: pd.DataFrame, filters: tuple) -> MatrixData:
    mask = filter_mask(owner, *filters)
    fds = dataclasses.replace(ds, projects=ds.projects[mask].reset_index(drop=True)) \
        if not mask.all() else ds
    year = filters[3] if len(filters) > 3 else ALL
    years = matrix_years(ds) if year in (None, ALL) else [int(year)]
    live = owner[mask & (owner["status"] != Status.CANCELLED.value).to_numpy(bool)
                 & owner["year"].notna().to_numpy(bool)]
    return MatrixData(filters, years, programme.matrix(fds, years), programme.done_matrix(fds, years),
                      programme.capacity_flags(ds), live)


@dataclasses.dataclass
class ProgrammeData:
    ds: Dataset
    owner: pd.DataFrame          # the projects with their complex's owner
    targets: pd.DataFrame
    matrix: MatrixData


def page_data(ds: Dataset, filters: tuple = (ALL, ALL, ALL, ALL)) -> ProgrammeData:
    """The projects with their complex's owner, the targets and the matrix for the
    filters chosen when the refresh was asked (on a worker thread for a large
    workspace, see :mod:`desktop.views.refresh`)."""
    owner = ds.projects_with_owner()
    owner["status"] = owner["status"].astype("string").fillna(Status.PLANNED.value)
    owner["total_investment_cents"] = (owner["investment_cents"].astype("Int64")
                                       * owner["dwellings"].astype("int64"))
    owner = with_heat_plan(ds, owner)
    targets = filter_targets(programme.target_table(ds), filters[0], filters[3])
    return ProgrammeData(ds, owner, targets, matrix_data(ds, owner, filters))


class ProgrammePage(Page):
    key = "programme"
    depends_on = frozenset(RELEVANT)
    compute = staticmethod(page_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._scope: tuple[str | None, str | None, int | None] | None = None
        self._collapsed: set[str] = set()
        self._restoring = False
        self._all = pd.DataFrame()
        self._ds: Dataset | None = None
        self._sized = False
        self._targets = pd.DataFrame()
        self._select_when_shown: list[str] | None = None   # a project just saved

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)

        self.heading = page_heading()
        top_row = QHBoxLayout()
        top_row.addWidget(self.heading)
        top_row.addStretch(1)
        lay.addLayout(top_row)

        # ----- filters and actions -----------------------------------------------------
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.corporation_filter = QComboBox()
        self.neighbourhood_filter = QComboBox()
        self.status_filter = QComboBox()
        self.year_filter = QComboBox()
        for combo, label in ((self.corporation_filter, self.tr("Corporation")),
                             (self.neighbourhood_filter, self.tr("Neighbourhood")),
                             (self.status_filter, self.tr("Status")),
                             (self.year_filter, self.tr("Year"))):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(QLabel(label))
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.addItem(self.tr("All statuses"), ALL)
        for status in Status:
            self.status_filter.addItem(fmt.listed(status), status.value)
            self.status_filter.setItemData(self.status_filter.count() - 1, fmt.listed_other(status),
                                           Qt.ItemDataRole.ToolTipRole)
        self.filter_note = QLabel()
        self.filter_note.setStyleSheet(
            f"background: {theme.WARN_BG}; color: {theme.WARN_TEXT}; "
            f"border: 1px solid {theme.WARN_BORDER}; border-radius: 3px; padding: 1px 6px")
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        # beside the heading: the filter bar has no room to spare at 1093 px
        top_row.addWidget(self.filter_note)
        top_row.addWidget(self.clear_filters_button)
        top_row.addSpacing(12)
        self.filter_note.hide()
        self.clear_filters_button.hide()
        mode_row = QHBoxLayout()            # shown above the matrix, which it changes
        mode_row.setSpacing(6)
        mode_row.addWidget(QLabel(self.tr("Show")))
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for mode, text, tip in (("planned", self.tr("Planned"), self.tr("Homes in projects not cancelled")),
                                ("done", self.tr("Done"), fmt.tr_fmt(self.tr("Homes in projects with status '%1'"),
                                                                    fmt.listed(Status.DONE))),
                                ("both", self.tr("Both"), self.tr("Planned / done side by side"))):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(True)
            b.setAutoRaise(False)
            self.mode_group.addButton(b)
            self.mode_buttons[mode] = b
            b.toggled.connect(lambda on, m=mode: on and self.set_mode(m))
            mode_row.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.capacity_button = QPushButton(self.tr("Capacity and budget…"))
        self.capacity_button.setToolTip(self.tr("Homes the contractors can handle and the money "
                                                "available, per corporation and year"))
        self.capacity_button.clicked.connect(self._capacity_clicked)
        self.new_button = QPushButton(self.tr("New project…"))
        self.new_button.clicked.connect(self.new_project_dialog)
        self.targets_button = QPushButton(self.tr("Agreed targets…"))
        self.targets_button.setToolTip(self.tr("Add or change the homes each corporation agreed "
                                               "to retrofit per period"))
        self.targets_button.clicked.connect(self.targets_dialog)
        top_row.addWidget(self.targets_button)
        top_row.addWidget(self.capacity_button)
        top_row.addWidget(self.new_button)

        # ----- targets -----------------------------------------------------------------
        lay.addWidget(section_label(self.tr("Agreed targets: target, planned and done per period")))
        self.target_model = FrameTableModel([
            *target_columns(),
            ColumnSpec("shortfall", self.tr("Plan − target"), self._signed, NUMBER_ALIGN),
            ColumnSpec("verdict_text", self.tr("Plan")),
        ], key="period")
        self.target_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._target_colour)
        self.target_view = data_table(self.target_model, stretch=None)
        self.target_view.setSortingEnabled(False)
        self.target_view.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.target_view)

        # ----- matrix and project list -------------------------------------------------
        split = self.split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 4, 0, 0)
        top_lay.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(section_label(self.tr("Homes per year")))
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)           # two lines on a narrow window, not cut
        head.addWidget(self.legend, 1)
        head.addLayout(mode_row)
        top_lay.addLayout(head)
        self.matrix_model = VersionMatrixModel(self)     # a plan version beside (issue 21.5)
        self.matrix_model.move_requested.connect(self._move_requested)
        self.matrix_view = QTreeView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setItemDelegate(VersionMatrixDelegate(self.matrix_view))
        self.matrix_view.setUniformRowHeights(True)
        self.matrix_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.matrix_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.matrix_view.setDropIndicatorShown(True)
        self.matrix_view.setAlternatingRowColors(True)
        self.matrix_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        mh = self.matrix_view.header()
        mh.setStretchLastSection(False)
        mh.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        mh.setMinimumSectionSize(60)
        self.matrix_view.expanded.connect(lambda i: self._collapsed.discard(self.matrix_model.cell(i)[0]))
        self.matrix_view.collapsed.connect(lambda i: self._collapsed.add(self.matrix_model.cell(i)[0]))
        self.matrix_view.selectionModel().currentChanged.connect(self._cell_changed)
        self.matrix_view.doubleClicked.connect(self._matrix_double_clicked)
        top_lay.addWidget(self.matrix_view)
        split.addWidget(top)

        bottom = QWidget()
        bot_lay = QVBoxLayout(bottom)
        bot_lay.setContentsMargins(0, 4, 0, 0)
        bot_lay.setSpacing(4)
        row = QHBoxLayout()
        self.scope_label = section_label("")
        row.addWidget(self.scope_label)
        self.all_button = QPushButton(self.tr("Show all"))
        self.all_button.clicked.connect(self.clear_scope)
        row.addWidget(self.all_button)
        row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete_clicked)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        bot_lay.addLayout(row)
        self.project_model = ProjectListModel([
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("dwellings", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("status", self.tr("Status"), fmt.listed),
            ColumnSpec("heat_plan", self.tr("Heat plan"), heat_plan_text,
                       tooltip=self.tr("The neighbourhood's heat solution and the year it is "
                                       "available (Heat plan page); a warning sign: the project "
                                       "conflicts with it")),
            ColumnSpec("measures", self.tr("Measures")),
            ColumnSpec("label_after", self.tr("Label after")),
            ColumnSpec("gas_saving_m3", self.tr("Gas saving m³"), fmt.integer, NUMBER_ALIGN,
                       self.tr("Per home per year")),
            ColumnSpec("electricity_saving_kwh", self.tr("Electricity saving kWh"), fmt.integer,
                       NUMBER_ALIGN, self.tr("Per home per year")),
            ColumnSpec("rent_increase_cents", self.tr("Rent increase"), fmt.money_cents, NUMBER_ALIGN,
                       self.tr("Per home per month")),
            ColumnSpec("investment_cents", self.tr("Investment per home"), fmt.money_cents,
                       NUMBER_ALIGN),
            ColumnSpec("total_investment_cents", self.tr("Investment"), fmt.money_cents, NUMBER_ALIGN,
                       self.tr("Investment per home × homes")),
        ], key="project")
        self.project_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._project_tip)
        self.project_model.set_role_provider(Qt.ItemDataRole.DecorationRole, self._heat_icon)
        self.project_view = data_table(self.project_model, stretch=None, refit=False)
        self.project_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.project_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.project_view.setDragEnabled(True)
        self.project_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.project_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.project_view.horizontalHeader().setStretchLastSection(True)
        self.project_view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.project_view.selectionModel().selectionChanged.connect(self._update_buttons)
        bot_lay.addWidget(self.project_view)
        split.addWidget(bottom)
        # the list gets the larger part: at 1280×800 it shows ten projects, not five,
        # and the matrix still its corporations and a dozen neighbourhoods
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.notice = QLabel()
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        lay.addWidget(self.notice)
        self.edit_note = EditNote(self.notice, controller.undo_stack)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.project_view,
                  self._delete_clicked, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.project_view, self.edit_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.versions = ProgrammeVersions(self, top_row, mode_row)   # plan versions (issue 21.3)
        self.mode_buttons["both"].setChecked(True)
        self.refresh()

    # ----- small widgets -------------------------------------------------------------
    @staticmethod
    def _signed(v) -> str:
        if v is None:
            return ""
        v = int(v)
        return ("+" if v > 0 else "−" if v < 0 else "") + fmt.integer(abs(v))

    def _target_colour(self, row: int, col: int):
        if col < self.target_model.column_of("planned"):
            return None
        v = self.target_model.frame().at[row, "verdict"]
        return {"short": QBrush(SHORT), "over": QBrush(OVER), "met": QBrush(MET)}.get(
            None if _missing(v) else str(v))

    def _heat_conflict(self, row: int) -> str | None:
        v = self.project_model.frame().at[row, "heat_conflict_nl" if fmt.is_dutch() else "heat_conflict_en"]
        return None if v is None or _missing(v) else str(v)

    def _heat_icon(self, row: int, col: int):
        if col == self.project_model.column_of("heat_plan") and self._heat_conflict(row):
            if not hasattr(self, "_warning_icon"):
                self._warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning_icon
        return None

    def _project_tip(self, row: int, col: int):
        if col == self.project_model.column_of("heat_plan"):
            return self._heat_conflict(row)
        if self.project_model.column_of("status") == col:
            v = self.project_model.frame().at[row, "status"]
            return fmt.listed_other(v) or None
        if col == self.project_model.column_of("project"):
            return self.tr("Drag onto a year in the matrix to move the project; double-click to edit")
        return None

    # ----- refresh -------------------------------------------------------------------
    # a large workspace computes on a worker thread, after an edit too (the figures take
    # ~60 ms at 100,000 dwellings): the matrix follows a drag a tenth of a second later
    # and the window never stalls
    def refresh(self, tables=None) -> None:
        """Rebuild every table of the page from the controller's dataset."""
        name = fmt.workspace_name(self.controller.workspace)
        self.heading.setText(fmt.tr_fmt(self.tr("Programme — %1"), name))
        super().refresh(tables)

    def compute_args(self) -> tuple:
        return (self.filters(),)

    def show_result(self, data: ProgrammeData) -> None:
        ds, owner, targets = data.ds, data.owner, data.targets
        targets["verdict_text"] = self._verdict_texts(targets)
        self._all = owner
        self._ds = ds
        self._fill_filters(ds, owner)
        self.target_model.set_frame(targets)
        h = self.target_view.horizontalHeader().height() + 4
        rows = max(1, min(len(targets), 6))
        height = h + rows * self.target_view.verticalHeader().defaultSectionSize()
        if self.target_view.maximumHeight() != height:
            self.target_view.setFixedHeight(height)
        self._targets = targets
        # computed with the figures unless the filters' choices changed (a filtered
        # corporation or neighbourhood that is gone)
        self._rebuild_matrix(data.matrix if data.matrix.filters == self.filters() else None)
        self._fill_projects()
        self._update_legend()
        if self._select_when_shown is not None:
            ids, self._select_when_shown = self._select_when_shown, None
            QTimer.singleShot(0, lambda: self.select_projects(ids))

    def filters(self) -> tuple:
        """The corporation, neighbourhood, status and year chosen (ALL: any): every
        figure of the page follows them."""
        return tuple(ALL if v is None else v for v in (
            self.corporation_filter.currentData(), self.neighbourhood_filter.currentData(),
            self.status_filter.currentData(), self.year_filter.currentData()))

    def _fill_filters(self, ds: Dataset, owner: pd.DataFrame) -> None:
        self._restoring = True
        try:
            corps = sorted(set(ds.complexes["corporation"].dropna().astype(str)))
            self._set_items(self.corporation_filter, self.tr("All corporations"), corps)
            c = ds.complexes
            corp = self.corporation_filter.currentData()
            if corp != ALL:
                c = c[c["corporation"] == corp]
            hoods = sorted(set(c["neighbourhood"].dropna().astype(str)))
            self._set_items(self.neighbourhood_filter, self.tr("All neighbourhoods"), hoods)
            years = sorted({int(y) for y in owner["year"].dropna()})
            self._set_items(self.year_filter, self.tr("All years"), [str(y) for y in years],
                            data=years)
        finally:
            self._restoring = False

    @staticmethod
    def _set_items(combo: QComboBox, all_text: str, items: list[str], data=None) -> None:
        current = combo.currentData()
        data = list(items) if data is None else list(data)
        if [combo.itemData(i) for i in range(1, combo.count())] == data:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, ALL)
        for text, d in zip(items, data):
            combo.addItem(text, d)
        i = combo.findData(current)
        combo.setCurrentIndex(i if i >= 0 else 0)
        combo.blockSignals(False)

    def _verdict_texts(self, frame: pd.DataFrame) -> list[str]:
        texts = []
        for v, s in zip(frame["verdict"], frame["shortfall"]):
            if _missing(v):
                texts.append("")
            elif v == "short":
                texts.append(self.tr("falls short by %Ln home(s)", "", -int(s)))
            elif v == "over":
                texts.append(self.tr("overshoots by %Ln home(s)", "", int(s)))
            else:
                texts.append(self.tr("meets the target"))
        return texts


    def _rebuild_matrix(self, data: MatrixData | None = None) -> None:
        if self._ds is None:    # the first figures are still being computed
            return
        if data is None:
            data = matrix_data(self._ds, self._all, self.filters())
        self._restoring = True
        try:
            self.matrix_model.set_frames(data.planned, data.done, data.flags, self._targets,
                                         data.live)
            view = self.matrix_view
            for r, corp in enumerate(self.matrix_model.corporations()):
                view.setExpanded(self.matrix_model.index(r, 0), corp not in self._collapsed)
            header = view.header()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(0, max(200, view.sizeHintForColumn(0) + 24))
            for c in range(1, self.matrix_model.columnCount()):
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self._size_columns()
            if self._scope is not None:
                idx = self.matrix_model.index_of(*self._scope)
                if idx.isValid():
                    view.selectionModel().setCurrentIndex(
                        idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                else:
                    self._scope = None
        finally:
            self._restoring = False

    def export_dataset(self):
        """File → Export current view: the projects the list shows, with what a workbook
        needs to hold them (complexes, dwellings, votes, targets, tariffs, factors)."""
        return self.controller.dataset.for_projects(self.project_model.frame()["project"])

    def _fill_projects(self) -> None:
        if self._ds is None:
            return
        owner = self._all
        mask = filter_mask(owner, *self.filters())
        if self._scope is not None:
            corp, hood, year = self._scope
            if corp is not None:
                mask &= (owner["corporation"].fillna("") == corp).to_numpy(bool)
            if hood is not None:
                mask &= (owner["neighbourhood"].fillna("") == hood).to_numpy(bool)
            if year is not None:
                mask &= (owner["year"] == year).fillna(False).to_numpy(bool)
        selected = set(self.selected_projects())
        frame = owner[mask]
        self.project_model.set_frame(frame)
        if not self._sized and len(frame):
            self._sized = True
            fit_columns(self.project_view)
            col = self.project_model.column_of("measures")
            self.project_view.setColumnWidth(col, min(self.project_view.columnWidth(col), 240))
        if selected:
            sel = self.project_view.selectionModel()
            for r in range(self.project_model.rowCount()):
                if self.project_model.key_at(r) in selected:
                    sel.select(self.project_model.index(r, 0),
                               QItemSelectionModel.SelectionFlag.Select
                               | QItemSelectionModel.SelectionFlag.Rows)
        homes = int(frame.loc[frame["status"] != Status.CANCELLED.value, "dwellings"].sum())
        count = self.tr("%n project(s)", "", len(frame)) + " · " + \
            self.tr("%Ln home(s) not cancelled", "", homes)
        if self._scope is None:
            self.scope_label.setText(self.tr("Projects") + " — " + count)
            self.all_button.hide()
        else:
            corp, hood, year = self._scope
            where = (f"{hood} ({corp})" if hood is not None else corp) or self.tr("all corporations")
            when = str(year) if year is not None else self.tr("all years")
            self.scope_label.setText(fmt.tr_fmt(self.tr("Projects in %1, %2"),
                                                where, when) + " — " + count)
            self.all_button.show()
        self._update_buttons()

    def _update_legend(self) -> None:
        self.legend.setText(
            f"<span style='color:{theme.HINT}'>" + {
                "both": fmt.tr_fmt(self.tr("cells: homes planned / <span style='color:%1'>done</span>"),
                                   theme.DONE),
                "planned": self.tr("cells: homes planned"),
                "done": self.tr("cells: homes done"),
                "version": self.versions.legend()}[self.matrix_model.mode()]
            + f" &nbsp;·&nbsp; <span style='background:{theme.WARN_BG}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            + self.tr("over capacity or budget") + " &nbsp;·&nbsp; "
            + self.tr("drag a cell or project to another year to move it") + "</span>")

    def _update_buttons(self, *_args) -> None:
        n = len(self.selected_projects())
        self.edit_button.setEnabled(n == 1)
        self.delete_button.setEnabled(n >= 1)

    # ----- interaction ---------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.matrix_model.set_mode(mode)
        if not self.mode_buttons[mode].isChecked():
            self.mode_buttons[mode].setChecked(True)
        self._size_columns()
        self._update_legend()

    def _size_columns(self) -> None:
        """Year columns as wide as the widest total (one width for all, so the years line up)."""
        m = self.matrix_model
        bold = self.matrix_view.font()
        bold.setBold(True)
        fm = QFontMetrics(bold)
        width = max(fm.horizontalAdvance(m.widest_text()), fm.horizontalAdvance("8888")) + 18
        for c in range(1, m.columnCount() - 1):
            self.matrix_view.setColumnWidth(c, width)
        total = max(fm.horizontalAdvance(m.widest_text(True)), fm.horizontalAdvance("Total")) + 18
        self.matrix_view.setColumnWidth(m.columnCount() - 1, max(width, total))

    def _filters_changed(self, *_args) -> None:
        if self._restoring or self._ds is None:
            return
        if self.sender() is self.corporation_filter:
            self._fill_filters(self._ds, self._all)
        self._show_filter_note()
        self.refresh()          # targets, matrix and list: computed for the filters

    def _show_filter_note(self) -> None:
        """Say which filters narrow the page (hidden when none does)."""
        chosen = [combo.currentText() for combo in (
            self.corporation_filter, self.neighbourhood_filter, self.status_filter,
            self.year_filter) if combo.currentData() not in (None, ALL)]
        self.filter_note.setText(fmt.tr_fmt(self.tr("Filtered: %1"), " · ".join(chosen)))
        self.filter_note.setToolTip(self.tr(
            "The targets, the matrix and the project list show only what the filters let "
            "through; a target is agreed per corporation and period, so it shows whole."))
        self.filter_note.setVisible(bool(chosen))
        self.clear_filters_button.setVisible(bool(chosen))

    def clear_filters(self) -> None:
        self._restoring = True
        for combo in (self.corporation_filter, self.neighbourhood_filter, self.status_filter,
                      self.year_filter):
            combo.setCurrentIndex(0)
        self._restoring = False
        if self._ds is not None:
            self._fill_filters(self._ds, self._all)
        self._show_filter_note()
        self.refresh()

    def _cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        self.show_cell(current)

    def show_cell(self, index: QModelIndex) -> None:
        """List the projects of a matrix cell (a corporation or neighbourhood, a year)."""
        if not index.isValid():
            return
        self._scope = self.matrix_model.cell(index)
        self._fill_projects()

    def clear_scope(self) -> None:
        self._scope = None
        self._restoring = True
        self.matrix_view.selectionModel().clearSelection()
        self.matrix_view.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._restoring = False
        self._fill_projects()

    def _matrix_double_clicked(self, index: QModelIndex) -> None:
        ids = self.matrix_model.projects_in(*self.matrix_model.cell(index)) \
            if self.matrix_model.cell(index)[2] is not None else []
        if len(ids) == 1:
            self.edit_project_dialog(ids[0])

    def selected_projects(self) -> list[str]:
        sel = self.project_view.selectionModel()
        if sel is None:
            return []
        return [str(self.project_model.key_at(i.row())) for i in sel.selectedRows()
                if i.row() < self.project_model.rowCount()]

    def select_projects(self, ids: list[str]) -> None:
        sel = self.project_view.selectionModel()
        sel.clearSelection()
        for pid in ids:
            r = self.project_model.row_of(pid)
            if r is not None:
                sel.select(self.project_model.index(r, 0),
                           QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def _say(self, text: str, error: bool = False) -> None:
        self.edit_note.say(text, theme.ERROR if error else theme.HINT)

    # ----- edits (each one transaction, one undo step) ----------------------------------
    # Edits read the controller's dataset, not the frames the page shows: for a large
    # workspace those follow an edit a moment later (computed on a worker thread).
    def _project(self, project_id: str) -> dict[str, Any] | None:
        return edits.project_record(self.controller.dataset, project_id)

    def _version(self, project_id: str) -> int | None:
        return self.controller.workspace.row_versions("projects").get((project_id,))

    def _run(self, use_case, text: str, **kwargs) -> Outcome:
        """Run an edit of the edits layer through the controller (one transaction, one
        undo step) and say so under the page; a refusal is said there too."""
        outcome = self.controller.run(use_case, text, **{"say": self._say, "parent": self, **kwargs})
        if outcome:
            self._say(text + " — " + self.tr("Ctrl+Z undoes it."))
        return outcome

    def move_projects(self, ids: list[str], year: int, ask=None) -> bool:
        """Move projects to ``year`` (one undo step); False when refused, cancelled or
        nothing moved.  Moving a project in uitvoering or gereed is asked first
        (``ask(text) -> bool``, by default a question dialog)."""
        ds, versions = self.controller.dataset, self.controller.workspace.row_versions("projects")
        command = edits.move_projects(ds, ids, year, versions)
        if command is None:
            return False
        ids = edits.moved(command)
        started = edits.moves_needing_confirmation(ds, ids)
        if started:
            question = fmt.tr_fmt(self.tr(
                "%1 is in progress or done: its year records when the work happened. "
                "Move it to %2 anyway?"), ", ".join(started), year)
            if not (ask or self._confirm_move)(question):
                self._say(self.tr("Not moved."))
                return False
        # Qt fills %n of the plural text itself; it has no %1
        text = (fmt.tr_fmt(self.tr("Move %1 to %2"), ids[0], year) if len(ids) == 1
                else fmt.tr_fmt(self.tr("Move %n project(s) to %2", "", len(ids)), "", year))
        return bool(self._run(lambda _reason: edits.move_projects(ds, ids, year, versions, text), text))

    def _confirm_move(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Move projects"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _move_requested(self, ids: list[str], year: int) -> None:
        # after the drop has finished: the move resets the models
        QTimer.singleShot(0, lambda: self.move_projects(list(ids), int(year)))

    def save_project(self, original: str | None, values: dict[str, Any],
                     expected_version: int | None = None, *, say=None, ask=None) -> Outcome:
        """Create (``original`` None) or update a project from the dialog's values in one
        transaction; a refusal is said with ``say`` (the dialog's banner), the gate's
        reason asked with ``ask`` (the one reason dialog by default)."""
        user = getattr(self.controller.settings, "user_name", None)
        pid = values["project"]
        values = {k: values.get(k) for k in ("project", "status", *EDITABLE)}
        text = (fmt.tr_fmt(self.tr("New project %1"), pid) if original is None
                else fmt.tr_fmt(self.tr("Edit project %1"), original))
        self._select_when_shown = [pid]     # once the list holds it
        outcome = self._run(
            lambda reason: edits.save_project(self.controller.dataset, values, original,
                                              reason=reason, user=user,
                                              expected_version=expected_version, label=text),
            text, **({"say": say} if say else {}), ask=ask)
        if not outcome:
            self._select_when_shown = None
        return outcome

    def delete_projects(self, ids: list[str]) -> bool:
        if not ids:
            return False
        text = (fmt.tr_fmt(self.tr("Delete project %1"), ids[0]) if len(ids) == 1
                else self.tr("Delete %n project(s)", "", len(ids)))
        return bool(self._run(lambda _reason: edits.delete_projects(ids, text), text))

    def set_capacity(self, corporation: str, year: int, max_dwellings: int | None,
                     budget_cents: int | None) -> bool:
        text = fmt.tr_fmt(self.tr("Capacity %1 %2"), corporation, str(year))
        return bool(self.controller.run(
            lambda _reason: edits.set_capacity(self.controller.dataset, corporation, year,
                                               max_dwellings, budget_cents, text),
            text, say=self._say, parent=self))

    # ----- dialogs -------------------------------------------------------------------
    def _complex_frame(self) -> pd.DataFrame:
        ds = self.controller.dataset
        c = ds.complexes[["complex", "corporation", "neighbourhood"]].copy()
        c["dwellings"] = c["complex"].map(ds.dwelling_counts()).fillna(0).astype("int64")
        return c

    def project_dialog(self, project_id: str | None = None) -> ProjectDialog:
        """The form for a new project (prefilled from the selected cell) or an existing one."""
        existing = set(self.controller.dataset.projects["project"].astype(str))
        if project_id is None:
            scope = self._scope or (None, None, None)
            start = {"year": scope[2]} if scope[2] is not None else {}
            dialog = ProjectDialog(self._complex_frame(), existing,
                                   lambda v, dialog: self.save_project(
                                       None, v, say=dialog.say, ask=dialog.ask_reason),
                                   None, self)
            if start:
                dialog.year_edit.setText(str(start["year"]))
            return dialog
        version = self._version(project_id)
        return ProjectDialog(self._complex_frame(), existing,
                             lambda v, dialog: self.save_project(
                                 project_id, v, version, say=dialog.say,
                                 ask=dialog.ask_reason),
                             self._project(project_id), self)

    def new_project_dialog(self) -> None:
        self.project_dialog(None).exec()

    def edit_project_dialog(self, project_id: str) -> None:
        self.project_dialog(project_id).exec()

    def edit_selected(self) -> None:
        ids = self.selected_projects()
        if len(ids) == 1:
            self.edit_project_dialog(ids[0])

    def _delete_clicked(self) -> None:
        ids = self.selected_projects()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete projects"),
            self.tr("Delete %n project(s)? Edit → Undo brings them back.", "", len(ids)))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_projects(ids)

    def targets_dialog(self) -> QDialog:
        """The agreed targets editor (the table above and the matrix follow each edit)."""
        from .stock_dialogs import TargetsDialog

        dialog = TargetsDialog(self.controller, self)
        dialog.open()
        return dialog

    def capacity_dialog(self) -> CapacityDialog:
        scope = self._scope or (None, None, None)
        ds = self.controller.dataset
        corps = self.matrix_model.corporations() or sorted(
            set(ds.complexes["corporation"].dropna().astype(str)))
        return CapacityDialog([c for c in corps if c], ds.capacities, scope[0], scope[2], self)

    def _capacity_clicked(self) -> None:
        dialog = self.capacity_dialog()
        if dialog.exec():
            values, _errors = dialog.values()
            self.set_capacity(**values)
