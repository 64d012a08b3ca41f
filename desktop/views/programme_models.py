"""Item models of the Programme page.

:class:`MatrixModel` is the homes-per-year matrix: a two-level tree (corporation rows
with their neighbourhoods as children, and a total row), one column per year and a
total column.  It is filled from the frames of :mod:`desktop.models.programme` as
numpy arrays, so a rebuild costs a few milliseconds however many projects there are.
Cells drag their projects to another year, and accept projects dropped from the
project list (:class:`ProjectListModel`); a drop only emits :attr:`MatrixModel.move_requested`
— the page builds the store command.
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.enums import Status
from . import fmt, theme
from .frame_model import SORT_ROLE, FrameTableModel

PROJECTS_MIME = "application/x-retrofit-planner-projects"

PLANNED_ROLE = Qt.ItemDataRole.UserRole + 10   # int: homes planned in the cell
DONE_ROLE = Qt.ItemDataRole.UserRole + 11      # int: homes done (gereed) in the cell
YEAR_ROLE = Qt.ItemDataRole.UserRole + 12      # int year of the column, None for name/total
FLAG_ROLE = Qt.ItemDataRole.UserRole + 13      # set of {"capacity", "budget"} exceeded

SHORT = theme.qcolor(theme.BAD_BG)
MET = theme.qcolor(theme.OK_BG)
OVER = theme.qcolor(theme.WARN_BG)
TOTAL = theme.qcolor(theme.TOTAL_BG)

MODES = ("planned", "done", "both")

_NUMBER_ALIGN = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def encode_projects(ids: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(PROJECTS_MIME, json.dumps({"projects": list(ids)}).encode("utf-8"))
    mime.setText("\n".join(ids))
    return mime


def decode_projects(mime: QMimeData | None) -> list[str]:
    if mime is None or not mime.hasFormat(PROJECTS_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(PROJECTS_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [str(p) for p in payload.get("projects", [])]


class MatrixModel(QAbstractItemModel):
    """Homes per year by corporation (parent rows) and neighbourhood (children).

    Internal ids: 0 for a top-level row, ``corporation row + 1`` for a child."""

    move_requested = Signal(object, int)      # project ids, target year

    def __init__(self, parent=None):
        super().__init__(parent)
        self._years: list[int] = []
        self._corps: list[str] = []
        self._corp_planned = np.zeros((0, 0), dtype=np.int64)
        self._corp_done = np.zeros((0, 0), dtype=np.int64)
        self._hoods: list[list[str]] = []
        self._hood_planned: list[np.ndarray] = []
        self._hood_done: list[np.ndarray] = []
        self._total_planned = np.zeros(0, dtype=np.int64)
        self._total_done = np.zeros(0, dtype=np.int64)
        self._caps: dict[tuple[str, int], dict[str, Any]] = {}
        self._periods: dict[str, list[dict[str, Any]]] = {}
        self._projects = pd.DataFrame(columns=["project", "corporation", "neighbourhood", "year"])
        self._mode = "both"
        self._bold = QFont()
        self._bold.setBold(True)
        self.total_label = self.tr("All corporations")
        self.no_owner_label = self.tr("(unknown complex)")

    # ----- content -----------------------------------------------------------------
    def set_frames(self, planned: pd.DataFrame, done: pd.DataFrame,
                   capacity: pd.DataFrame | None = None, targets: pd.DataFrame | None = None,
                   projects: pd.DataFrame | None = None) -> None:
        """``planned``/``done``: :func:`programme.matrix` frames (same year columns);
        ``capacity``: :func:`programme.capacity_flags`; ``targets``:
        :func:`programme.target_table` (its ``period`` text); ``projects``: the projects
        counted (project, corporation, neighbourhood, year, dwellings) — what a cell drags."""
        self.beginResetModel()
        years = [int(y) for y in planned.columns]
        done = done.reindex(index=planned.index, columns=planned.columns, fill_value=0)
        p = planned.to_numpy(dtype=np.int64, copy=False).reshape(len(planned), len(years))
        d = done.to_numpy(dtype=np.int64, copy=False).reshape(len(planned), len(years))
        corp_of = np.asarray(planned.index.get_level_values(0), dtype=object)
        hood_of = np.asarray(planned.index.get_level_values(1), dtype=object)
        self._years = years
        self._corps, self._hoods, self._hood_planned, self._hood_done = [], [], [], []
        corp_rows_p, corp_rows_d = [], []
        if len(corp_of):
            # rows are sorted by (corporation, neighbourhood): split at corporation changes
            starts = np.flatnonzero(np.r_[True, corp_of[1:] != corp_of[:-1]])
            ends = np.r_[starts[1:], len(corp_of)]
            for a, b in zip(starts, ends):
                self._corps.append(str(corp_of[a]))
                self._hoods.append([str(h) for h in hood_of[a:b]])
                self._hood_planned.append(p[a:b])
                self._hood_done.append(d[a:b])
                corp_rows_p.append(p[a:b].sum(axis=0))
                corp_rows_d.append(d[a:b].sum(axis=0))
        ny = len(years)
        self._corp_planned = np.array(corp_rows_p, dtype=np.int64).reshape(len(self._corps), ny)
        self._corp_done = np.array(corp_rows_d, dtype=np.int64).reshape(len(self._corps), ny)
        self._total_planned = self._corp_planned.sum(axis=0)
        self._total_done = self._corp_done.sum(axis=0)

        self._caps = {}
        if capacity is not None and len(capacity):
            for rec in capacity.to_dict("records"):
                if rec["corporation"] is pd.NA or rec["year"] is pd.NA:
                    continue
                self._caps[(str(rec["corporation"]), int(rec["year"]))] = rec
        self._periods = {}
        if targets is not None:
            for rec in targets.to_dict("records"):
                self._periods.setdefault(str(rec["corporation"]), []).append(rec)
        if projects is not None:
            self._projects = pd.DataFrame({
                "project": projects["project"].astype(str).to_numpy(),
                "corporation": projects["corporation"].astype("string").fillna("").to_numpy(object),
                "neighbourhood": projects["neighbourhood"].astype("string").fillna("").to_numpy(object),
                "year": projects["year"].astype("Int64").fillna(-1).to_numpy(np.int64),
            })
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        """What a year cell shows: ``planned``, ``done`` or ``both`` ("planned / done")."""
        if mode not in MODES or mode == self._mode:
            return
        self._mode = mode
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1,
                                                                self.columnCount() - 1))
            for r in range(len(self._corps)):
                parent = self.index(r, 0)
                n = self.rowCount(parent)
                if n:
                    self.dataChanged.emit(self.index(0, 1, parent),
                                          self.index(n - 1, self.columnCount() - 1, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def widest_text(self, total_column: bool = False) -> str:
        """The longest text of the year cells (or of the total column) in the current
        mode: the all-corporations row holds the largest numbers."""
        if total_column:
            return self._text(int(self._total_planned.sum()), int(self._total_done.sum()))
        texts = [self._text(int(p), int(d)) for p, d in zip(self._total_planned, self._total_done)]
        return max(texts, key=len) if texts else ""

    def mode(self) -> str:
        return self._mode

    def years(self) -> list[int]:
        return list(self._years)

    def year_of_column(self, column: int) -> int | None:
        return self._years[column - 1] if 1 <= column <= len(self._years) else None

    def column_of_year(self, year: int) -> int | None:
        return self._years.index(year) + 1 if year in self._years else None

    def corporations(self) -> list[str]:
        return list(self._corps)

    def cell(self, index: QModelIndex) -> tuple[str | None, str | None, int | None]:
        """(corporation, neighbourhood, year) a cell stands for; None = all."""
        if not index.isValid():
            return None, None, None
        year = self.year_of_column(index.column())
        pid = index.internalId()
        if pid:
            c = pid - 1
            return self._corps[c], self._hoods[c][index.row()], year
        if index.row() < len(self._corps):
            return self._corps[index.row()], None, year
        return None, None, year

    def index_of(self, corporation: str | None, neighbourhood: str | None = None,
                 year: int | None = None) -> QModelIndex:
        col = self.column_of_year(year) if year is not None else 0
        if col is None:
            col = 0
        if corporation is None:
            return self.index(len(self._corps), col) if self._corps else QModelIndex()
        if corporation not in self._corps:
            return QModelIndex()
        c = self._corps.index(corporation)
        if neighbourhood is None:
            return self.index(c, col)
        if neighbourhood not in self._hoods[c]:
            return QModelIndex()
        return self.index(self._hoods[c].index(neighbourhood), col, self.index(c, 0))

    def projects_in(self, corporation: str | None, neighbourhood: str | None,
                    year: int | None) -> list[str]:
        p = self._projects
        mask = np.ones(len(p), dtype=bool)
        if corporation is not None:
            mask &= p["corporation"].to_numpy(object) == corporation
        if neighbourhood is not None:
            mask &= p["neighbourhood"].to_numpy(object) == neighbourhood
        if year is not None:
            mask &= p["year"].to_numpy(np.int64) == year
        return [str(x) for x in p["project"].to_numpy(object)[mask]]

    # ----- values of a cell ------------------------------------------------------------
    def _values(self, index: QModelIndex) -> tuple[int, int] | None:
        """(planned, done) of a year or total cell; None for the name column."""
        col = index.column()
        if col == 0:
            return None
        pid = index.internalId()
        if pid:
            p, d = self._hood_planned[pid - 1][index.row()], self._hood_done[pid - 1][index.row()]
        elif index.row() < len(self._corps):
            p, d = self._corp_planned[index.row()], self._corp_done[index.row()]
        else:
            p, d = self._total_planned, self._total_done
        if col <= len(self._years):
            return int(p[col - 1]), int(d[col - 1])
        return int(p.sum()), int(d.sum())

    def _flags_of(self, index: QModelIndex) -> set[str]:
        year = self.year_of_column(index.column())
        if year is None or index.internalId() or index.row() >= len(self._corps):
            return set()
        cap = self._caps.get((self._corps[index.row()], year))
        if cap is None:
            return set()
        out = set()
        if bool(cap["over_capacity"]):
            out.add("capacity")
        if bool(cap["over_budget"]):
            out.add("budget")
        return out

    def _text(self, planned: int, done: int) -> str:
        if self._mode == "planned":
            return fmt.integer(planned) if planned else ""
        if self._mode == "done":
            return fmt.integer(done) if done else ""
        if not planned and not done:
            return ""
        return f"{fmt.integer(planned)} / {fmt.integer(done)}"

    def _tooltip(self, index: QModelIndex) -> str | None:
        corp, hood, year = self.cell(index)
        values = self._values(index)
        if values is None:
            return None
        planned, done = values
        where = hood if hood is not None else (corp if corp is not None else self.total_label)
        if hood is not None:
            where = f"{hood or self.no_owner_label} ({corp})"
        when = str(year) if year is not None else self.tr("all years")
        lines = [fmt.tr_fmt(self.tr("%1, %2: %3 homes planned, %4 done"),
                            where or self.no_owner_label, when, fmt.integer(planned),
                            fmt.integer(done))]
        if corp is not None and hood is None and year is not None:
            cap = self._caps.get((corp, year))
            if cap is not None:
                if cap["max_dwellings"] is not pd.NA and cap["max_dwellings"] is not None:
                    line = fmt.tr_fmt(self.tr("Capacity: %1 homes"),
                                      fmt.integer(cap["max_dwellings"]))
                    if cap["over_capacity"]:
                        line += " — " + fmt.tr_fmt(self.tr("over by %1"), fmt.integer(
                            int(cap["planned"]) - int(cap["max_dwellings"])))
                    lines.append(line)
                if cap["budget_cents"] is not pd.NA and cap["budget_cents"] is not None:
                    line = fmt.tr_fmt(self.tr("Budget: %1, investment %2"),
                                      fmt.money_cents(cap["budget_cents"]),
                                      fmt.money_cents(cap["investment_cents"]))
                    if cap["over_budget"]:
                        line += " — " + self.tr("over budget")
                    lines.append(line)
            for period in self._periods.get(corp, []):
                if int(period["from_year"]) <= year <= int(period["to_year"]):
                    lines.append(fmt.tr_fmt(self.tr("Target %1: %2 homes, planned %3, done %4"),
                                            period["period"], fmt.integer(period["target"]),
                                            fmt.integer(period["planned"]),
                                            fmt.integer(period["done"])))
        if planned and hood is not None or (planned and year is not None and corp is not None):
            lines.append(self.tr("Drag to another year to move these projects."))
        return "\n".join(lines)

    # ----- Qt model API ------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0 and parent.row() < len(self._corps):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        pid = index.internalId()
        if pid == 0:
            return QModelIndex()
        return self.createIndex(pid - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._corps) + (1 if self._corps else 0)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._hoods[parent.row()]) if parent.row() < len(self._corps) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(self._years) + 2

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        year = self.year_of_column(index.column())
        if year is not None:
            f |= Qt.ItemFlag.ItemIsDropEnabled
            values = self._values(index)
            if values and values[0] and (index.internalId() or index.row() < len(self._corps)):
                f |= Qt.ItemFlag.ItemIsDragEnabled
        return f

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = index.column()
        pid = index.internalId()
        is_total = pid == 0 and index.row() >= len(self._corps)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if pid:
                    return self._hoods[pid - 1][index.row()] or self.no_owner_label
                return self.total_label if is_total else (self._corps[index.row()] or self.no_owner_label)
            planned, done = self._values(index)
            return self._text(planned, done)
        if role in (PLANNED_ROLE, DONE_ROLE, SORT_ROLE):
            values = self._values(index)
            if values is None:
                return self.data(index)
            return values[1] if role == DONE_ROLE else values[0]
        if role == YEAR_ROLE:
            return self.year_of_column(col)
        if role == FLAG_ROLE:
            return self._flags_of(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if col == 0 else _NUMBER_ALIGN
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if (pid == 0) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._flags_of(index):
                return QBrush(OVER)
            if is_total or col == len(self._years) + 1:
                return QBrush(TOTAL)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Corporation / neighbourhood")
            year = self.year_of_column(section)
            return str(year) if year is not None else self.tr("Total")
        if role == Qt.ItemDataRole.ToolTipRole:
            return {"planned": self.tr("Homes in projects that are not cancelled"),
                    "done": fmt.tr_fmt(self.tr("Homes in projects with status '%1'"),
                                       fmt.listed(Status.DONE)),
                    "both": fmt.tr_fmt(self.tr("Homes planned / of which done (status '%1')"),
                                       fmt.listed(Status.DONE))}[self._mode]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _NUMBER_ALIGN
        return None

    # ----- drag and drop -------------------------------------------------------------
    def supportedDragActions(self):
        return Qt.DropAction.CopyAction

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PROJECTS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            corp, hood, year = self.cell(index)
            if year is None or (corp is None and hood is None):
                continue
            for pid in self.projects_in(corp, hood, year):
                if pid not in ids:
                    ids.append(pid)
        return encode_projects(ids)

    def _drop_year(self, row: int, column: int, parent) -> int | None:
        col = column if row >= 0 else parent.column()
        return self.year_of_column(col) if col is not None else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(decode_projects(data)) and self._drop_year(row, column, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        ids = decode_projects(data)
        year = self._drop_year(row, column, parent)
        if not ids or year is None:
            return False
        self.move_requested.emit(ids, year)
        return True


class MatrixDelegate(QStyledItemDelegate):
    """Paints "planned / done" with the done part in green (grey when none is done yet),
    so the plan reads first and what is realised stands apart."""

    DONE = theme.qcolor(theme.DONE)
    NONE = theme.qcolor(theme.MUTED)

    def paint(self, painter, option, index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or " / " not in text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        planned, done = text.split(" / ", 1)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(4, 0, -6, 0)
        fm = opt.fontMetrics
        done_text = " / " + done
        painter.save()
        painter.setFont(opt.font)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else (
            self.NONE if index.data(DONE_ROLE) == 0 else self.DONE)
        painter.setPen(colour)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, done_text)
        rect.setRight(rect.right() - fm.horizontalAdvance(done_text))
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                         else QPalette.ColorRole.Text))
        painter.drawText(rect, align, planned)
        painter.restore()


# ----- the heat plan column (issue 21) ----------------------------------------------------
HEAT_SEP = "\x1f"             # between the solution and the year in ``heat_plan``


def with_heat_plan(ds, owner: pd.DataFrame) -> pd.DataFrame:
    """``owner`` (the projects with their complex's owner) with ``heat_plan`` (the
    neighbourhood's solution and year, see :func:`heat_plan_text`) and
    ``heat_conflict_en`` / ``_nl`` (the reasons the project conflicts with it, else
    None); no widgets (the page computes it on the worker)."""
    from ..models.heatplan import conflicts_by_project, plan_by_neighbourhood

    plan = plan_by_neighbourhood(ds)
    text = {str(nb): f"{sol}{HEAT_SEP}{'' if pd.isna(year) else int(year)}"
            for nb, sol, year in zip(plan.index, plan["heat_solution"], plan["available_year"])}
    owner["heat_plan"] = owner["neighbourhood"].map(lambda nb: text.get(str(nb)) if not pd.isna(nb)
                                                    else None).astype(object)
    found = conflicts_by_project(ds)
    owner["heat_conflict_en"] = owner["project"].map(lambda p: found.get(str(p), (None, None))[0])
    owner["heat_conflict_nl"] = owner["project"].map(lambda p: found.get(str(p), (None, None))[1])
    return owner


def heat_plan_text(value) -> str:
    """``"warmtenet\x1f2032"`` as shown: the solution in the interface's language and the
    year it is available ("heat network 2032")."""
    if value is None or not isinstance(value, str):
        return ""
    solution, _, year = value.partition(HEAT_SEP)
    return f"{fmt.listed(solution)} {year}".strip()


class ProjectListModel(FrameTableModel):
    """The project table; rows drag their project ids onto the matrix."""

    def flags(self, index):
        f = super().flags(index)
        if index.isValid():
            f |= Qt.ItemFlag.ItemIsDragEnabled
        return f

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [PROJECTS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            key = self.key_at(index.row())
            if key is not None and str(key) not in ids:
                ids.append(str(key))
        return encode_projects(ids)


__all__ = ["MatrixModel", "MatrixDelegate", "ProjectListModel", "PROJECTS_MIME", "PLANNED_ROLE", "DONE_ROLE",
           "YEAR_ROLE", "FLAG_ROLE", "MODES", "encode_projects", "decode_projects", "with_heat_plan",
           "heat_plan_text"]
