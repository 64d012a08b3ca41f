"""Heat plan page (issue 21 points 1 and 2): the neighbourhood heat plan (Warmteplan),
the projects that conflict with it, and the end state per complex (Eindbeeld).

Three tabs:

* **Heat plan per neighbourhood** — every neighbourhood of the stock; the solution,
  the year it is available, the network's own CO2 factor and a note are edited in the
  cell (a neighbourhood without a plan is grey: ``nog onbekend``; editing one of its
  cells gives it a plan).  Add… / Delete plan.
* **Conflicts** — :func:`desktop.models.heatplan.conflicts`, one row per project and
  rule with the reason; a double click opens the project's form.
* **End state per complex** — :func:`desktop.models.endstate.end_states`; a default is
  grey, the user's own value black; editing a cell overrides the field, clearing it
  takes the default again, Reset to default drops every override of the selected
  complexes.

Every edit is a use case of :mod:`desktop.edits.heat` run through
:meth:`Controller.run` (one transaction, one undo step).  The figures are computed by
:func:`compute_page` (no widgets; on the worker for a large workspace).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QStyledItemDelegate, QTabWidget, QVBoxLayout, QWidget,
)

from .. import edits
from ..models import endstate, heatplan
from ..models.enums import LABELS, HeatSolution
from ..models.measures import catalogue, find_measure, split_measures
from . import fmt, theme
from .controller import Outcome
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel, plain
from .pages import Page
from .widgets import EditNote, data_table, error_label, hint_label, ok_cancel, page_heading

RELEVANT = frozenset({"heat_plan", "end_states", "complexes", "dwellings", "projects",
                      "measures", "usage", "degree_days"})
DEFAULT_GREY = theme.qcolor(theme.MUTED)
CONFLICT_BG = theme.qcolor(theme.WARN_BG)

translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


# --------------------------------------------------------------------------------------
# figures (no widgets)
@dataclass
class PageData:
    plan: pd.DataFrame          # per neighbourhood: plan_by_neighbourhood + complexes, dwellings
    conflicts: pd.DataFrame     # heatplan.conflicts + neighbourhood, year
    states: pd.DataFrame        # endstate.end_states + own_<field> (bool) per overridable field
    catalogue: list             # the measures catalogue in force (names shown)


def compute_page(ds) -> PageData:
    plan = heatplan.plan_by_neighbourhood(ds)
    counts = ds.dwelling_counts()
    c = ds.complexes.dropna(subset=["complex"])
    per = pd.DataFrame({"neighbourhood": c["neighbourhood"].astype("string"),
                        "dwellings": c["complex"].map(counts).fillna(0).astype("int64")})
    grouped = per.groupby("neighbourhood")
    plan["complexes"] = grouped.size().reindex(plan.index).fillna(0).astype("int64")
    plan["dwellings"] = grouped["dwellings"].sum().reindex(plan.index).fillna(0).astype("int64")
    plan = plan.reset_index()

    conflicts = heatplan.conflicts(ds)
    p = ds.projects_with_owner()
    if len(conflicts):
        info = p.drop_duplicates("project").set_index(p["project"].drop_duplicates().astype(str))
        conflicts["neighbourhood"] = conflicts["project"].map(info["neighbourhood"]).astype("string")
        conflicts["year"] = conflicts["project"].map(info["year"]).astype("Int64")
    else:
        conflicts["neighbourhood"] = pd.Series(dtype="string")
        conflicts["year"] = pd.Series(dtype="Int64")

    states = endstate.end_states(ds)
    over = ds.end_states.dropna(subset=["complex"]).drop_duplicates("complex", keep="last")
    over = over.set_index(over["complex"].astype(str))
    ids = states["complex"].astype(str)
    for f in endstate.OVERRIDABLE:
        own = over.index[over[f].notna().to_numpy(dtype=bool)]
        states[f"own_{f}"] = ids.isin(own).to_numpy(dtype=bool)
    return PageData(plan, conflicts, states, catalogue(ds))


def read_cell(text: Any, kind: str) -> Any:
    """What the user typed in a cell as the use case's value: blank -> None (the
    default / empty), a number by the interface's notation, else the text as typed
    (the use case refuses it and says why)."""
    if text is None:
        return None
    if not isinstance(text, str):
        return text
    text = text.strip()
    if not text:
        return None
    if kind in ("int", "number", "money"):
        value = fmt.read_number(text)
        if value is None:
            return text
        if kind == "money":                   # euros typed, cents stored
            cents = value * 100
            return int(round(cents)) if abs(cents - round(cents)) < 1e-6 else cents
        if kind == "int" and value == int(value):
            return int(value)
        return value
    return text


def heat_network_text(ds, use, year: int) -> str:
    """The CO2 page's line on heat networks (:func:`heatplan.network_summary`)."""
    s = heatplan.network_summary(ds, year, use)
    if s["dwellings"] > 0:
        text = fmt.tr_fmt(translate(
            "Co2Page", "Heat networks: %1 homes on district heating use %2 GJ a year, %3 t CO2 "
            "in %4 (at the network's own factor where the heat plan gives one)."),
            fmt.integer(round(s["dwellings"])), fmt.integer(round(s["heat_gj"])),
            fmt.number(s["tonnes"], 0), str(year))
    else:
        text = translate("Co2Page", "Heat networks: no homes are on district heating.")
    if s["planned_dwellings"] > 0:
        text += " " + fmt.tr_fmt(translate(
            "Co2Page", "The heat plan gives %1 homes a heat network (Heat plan page)."),
            fmt.integer(round(s["planned_dwellings"])))
    return text


# --------------------------------------------------------------------------------------
# an editable table
class EditableFrameModel(FrameTableModel):
    """A :class:`FrameTableModel` whose ``editable`` columns are edited in the cell:
    ``on_edit(row, key, text)`` makes the edit (through the controller) and says
    whether it was made; the new frame then comes with the page's refresh."""

    def __init__(self, columns: list[ColumnSpec], key: str, editable: dict[str, str],
                 on_edit: Callable[[int, str, Any], bool], parent=None):
        super().__init__(columns, key, parent)
        self.editable = editable              # column key -> kind (text, int, number, money, choice)
        self.on_edit = on_edit

    def spec_key(self, column: int) -> str:
        return self._specs[column].key

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.spec_key(index.column()) in self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            value = plain(self._cols[index.column()][index.row()])
            if self.editable.get(self.spec_key(index.column())) == "choice":
                return value
            return self._specs[index.column()].fmt(value)
        return super().data(index, role)

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False                       # not changed
        return bool(self.on_edit(index.row(), self.spec_key(index.column()), value))


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for the listed columns: ``choices`` maps a column key to its
    (shown text, value) items."""

    def __init__(self, choices: dict[str, list[tuple[str, Any]]], parent=None):
        super().__init__(parent)
        self.choices = choices

    def _items(self, index) -> list | None:
        model = index.model()
        key = model.spec_key(index.column()) if hasattr(model, "spec_key") else None
        return self.choices.get(key)

    def createEditor(self, parent, option, index):
        items = self._items(index)
        if items is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for text, value in items:
            box.addItem(text, value)
        return box

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            at = editor.findData(value)
            editor.setCurrentIndex(max(at, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def _editable_table(model, stretch: int | None = None) -> QAbstractItemView:
    view = data_table(model, stretch=stretch, sortable=True, refit=True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    return view


# --------------------------------------------------------------------------------------
class AddPlanDialog(QDialog):
    """A heat plan for a neighbourhood without one: neighbourhood, solution, year."""

    def __init__(self, neighbourhoods: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a heat plan"))
        form = QFormLayout(self)
        self.neighbourhood = QComboBox()
        self.neighbourhood.addItems(neighbourhoods)
        self.solution = QComboBox()
        for value in HeatSolution.values():
            self.solution.addItem(fmt.listed(value), value)
        self.year = QLineEdit()
        self.year.setPlaceholderText(self.tr("e.g. 2032; empty: unknown"))
        form.addRow(self.tr("Neighbourhood"), self.neighbourhood)
        form.addRow(self.tr("Heat solution"), self.solution)
        form.addRow(self.tr("Available from"), self.year)
        self.message = error_label()
        form.addRow(self.message)
        form.addRow(ok_cancel(self))

    def values(self) -> dict[str, Any]:
        return {"neighbourhood": self.neighbourhood.currentText(),
                "heat_solution": self.solution.currentData(),
                "available_year": read_cell(self.year.text(), "int")}


class HeatPlanPage(Page):
    key = "heatplan"
    depends_on = RELEVANT
    compute = staticmethod(compute_page)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self.data: PageData | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("Heat plan"))
        lay.addWidget(self.heading)
        self.intro = hint_label(self.tr(
            "The municipality's heat plan per neighbourhood (heat transition vision): which "
            "heat solution replaces natural gas, and from which year. Projects that conflict "
            "with it are listed under Conflicts; the end state says where each complex should "
            "end up. Double-click a cell to change it; Edit → Undo takes a change back."))
        lay.addWidget(self.intro)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        self.tabs.addTab(self._plan_tab(), self.tr("Heat plan per neighbourhood"))
        self.tabs.addTab(self._conflicts_tab(), self.tr("Conflicts"))
        self.tabs.addTab(self._states_tab(), self.tr("End state per complex"))
        self.message = error_label()
        lay.addWidget(self.message)
        self.note = EditNote(self.message, controller.undo_stack)
        self.refresh()

    # ----- tab (a): the heat plan --------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(hint_label(self.tr(
            "A neighbourhood without a plan (grey) counts as 'unknown'. The network's CO2 "
            "factor is its own (from its heat label); empty: the year's factor of Tariffs and "
            "factors.")))
        cols = [
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("heat_solution", self.tr("Heat solution"), fmt.listed),
            ColumnSpec("available_year", self.tr("Available from"),
                       lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("heat_kg_gj", self.tr("Network kg CO2/GJ"),
                       lambda v: "" if v is None else fmt.number(v, 2), NUMBER_ALIGN,
                       self.tr("The heat network's own emission factor (kg CO2 per GJ); "
                               "empty: the year's factor")),
            ColumnSpec("complexes", self.tr("Complexes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("dwellings", self.tr("Dwellings"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("note", self.tr("Note")),
        ]
        self.plan_model = EditableFrameModel(
            cols, "neighbourhood", {"heat_solution": "choice", "available_year": "int",
                                    "heat_kg_gj": "number", "note": "text"}, self.edit_plan)
        self.plan_model.set_role_provider(Qt.ItemDataRole.ForegroundRole, self._plan_grey)
        self.plan_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._plan_tip)
        self.plan_view = _editable_table(self.plan_model, stretch=len(cols) - 1)
        self.plan_view.setItemDelegate(ChoiceDelegate({"heat_solution": [
            (fmt.listed(v), v) for v in HeatSolution.values()]}, self.plan_view))
        lay.addWidget(self.plan_view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.delete_button = QPushButton(self.tr("Delete plan"))
        self.delete_button.setToolTip(self.tr("The neighbourhood is 'unknown' again"))
        self.add_button.clicked.connect(self.add_dialog)
        self.delete_button.clicked.connect(self.delete_selected_plan)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.plan_view.selectionModel().selectionChanged.connect(self._update_buttons)
        return tab

    def _plan_row(self, row: int) -> pd.Series:
        return self.plan_model.frame().iloc[row]

    def _plan_grey(self, row: int, col: int):
        return None if bool(self._plan_row(row)["planned"]) else QBrush(DEFAULT_GREY)

    def _plan_tip(self, row: int, col: int):
        if bool(self._plan_row(row)["planned"]):
            return None
        return self.tr("No heat plan for this neighbourhood: unknown. Change a cell to give "
                       "it one.")

    def selected_neighbourhoods(self, planned_only: bool = True) -> list[str]:
        rows = sorted({i.row() for i in self.plan_view.selectionModel().selectedIndexes()})
        return [str(self.plan_model.key_at(r)) for r in rows
                if not planned_only or bool(self._plan_row(r)["planned"])]

    def _update_buttons(self, *_args) -> None:
        self.delete_button.setEnabled(bool(self.selected_neighbourhoods()))
        unplanned = self.data is not None and not self.data.plan["planned"].all()
        self.add_button.setEnabled(bool(unplanned))

    def edit_plan(self, row: int, key: str, value: Any) -> bool:
        nb = str(self.plan_model.key_at(row))
        return self._edit_cell(self.plan_model, "heat_plan", "neighbourhood", nb, key, value,
                               edits.save_heat_plan, fmt.tr_fmt(self.tr("Heat plan %1"), nb))

    def _edit_cell(self, model, table: str, key_field: str, key_value: str, key: str,
                   value: Any, save, text: str) -> bool:
        """One edited cell of ``model`` saved through ``save`` (a use case of
        :mod:`desktop.edits`) as one undo step, refused when the row changed meanwhile."""
        kind = model.editable[key]
        values = {key_field: key_value, key: value if kind == "choice" else read_cell(value, kind)}
        version = self.controller.workspace.row_versions(table).get((key_value,))
        return self._run(lambda _r: save(self.controller.dataset, values,
                                         expected_version=version, label=text), text)

    def add_dialog(self) -> AddPlanDialog | None:
        """The form for a neighbourhood without a plan (open, not modal-blocking)."""
        if self.data is None:
            return None
        free = [str(n) for n, planned in zip(self.data.plan["neighbourhood"],
                                             self.data.plan["planned"]) if not planned]
        dialog = AddPlanDialog(free, self)
        dialog.accepted.connect(lambda: self.add_plan(dialog.values()))
        dialog.open()
        return dialog

    def add_plan(self, values: dict[str, Any]) -> bool:
        text = fmt.tr_fmt(self.tr("Heat plan %1"), str(values.get("neighbourhood")))
        return self._run(lambda _r: edits.save_heat_plan(self.controller.dataset, values,
                                                         label=text), text)

    def delete_selected_plan(self) -> bool:
        names = self.selected_neighbourhoods()
        if not names:
            return False
        text = fmt.tr_fmt(self.tr("Delete heat plan %1"), ", ".join(names))
        versions = self.controller.workspace.row_versions("heat_plan")
        return self._run(lambda _r: edits.delete_heat_plans(
            self.controller.dataset, names, versions=versions, label=text), text)

    # ----- tab (b): conflicts ------------------------------------------------------------
    def _conflicts_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(8, 8, 8, 8)
        self.conflicts_state = hint_label()
        lay.addWidget(self.conflicts_state)
        reason = "reason_nl" if fmt.is_dutch() else "reason_en"
        cols = [
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec(reason, self.tr("Reason")),
        ]
        self.conflicts_model = FrameTableModel(cols, "project")
        self.conflicts_model.set_role_provider(Qt.ItemDataRole.BackgroundRole,
                                               lambda _r, _c: QBrush(CONFLICT_BG))
        self.conflicts_model.set_role_provider(   # the whole reason, however narrow the column
            Qt.ItemDataRole.ToolTipRole,
            lambda r, c: str(self.conflicts_model.frame().iloc[r][reason])
            if c == len(cols) - 1 else None)
        self.conflicts_view = data_table(self.conflicts_model, stretch=len(cols) - 1,
                                         single_selection=True)
        self.conflicts_view.doubleClicked.connect(
            lambda index: self.open_project(str(self.conflicts_model.key_at(index.row()))))
        lay.addWidget(self.conflicts_view, 1)
        return tab

    def open_project(self, project_id: str):
        """The project's form (the Programme page's), opened over this page."""
        window = self.window()
        page = getattr(window, "page", None)
        if page is None:
            return None
        dialog = page("programme").project_dialog(project_id)
        dialog.open()
        return dialog

    # ----- tab (c): end states -----------------------------------------------------------
    def _states_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(hint_label(self.tr(
            "Grey values are defaults: target label A, the neighbourhood's heat solution, a "
            "package from the measures catalogue (one insulation step per label step, then the "
            "heat solution's installation), its cost and the use after it. Change a cell to "
            "set your own value; empty the cell or use Reset to default to take the default "
            "again. Use per dwelling per year.")))
        money = lambda v: "" if v is None else fmt.money(v / 100, 0)   # noqa: E731
        cols = [
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("label_now", self.tr("Label"), lambda v: "" if v is None else str(v),
                       tooltip=self.tr("The complex's label now (most of its dwellings)")),
            ColumnSpec("target_label", self.tr("Target")),
            ColumnSpec("heat_solution", self.tr("Heat solution"), fmt.listed),
            ColumnSpec("measures", self.tr("Package"), self._package_text),
            ColumnSpec("heat_available_year", self.tr("From"),
                       lambda v: "" if v is None else str(v), NUMBER_ALIGN,
                       self.tr("The year the neighbourhood's heat network is available: the "
                               "package cannot be done earlier")),
            ColumnSpec("cost_per_dwelling_cents", self.tr("Cost"), money, NUMBER_ALIGN,
                       self.tr("Cost of the package per dwelling")),
            ColumnSpec("gas_m3_after", self.tr("Gas m³"), lambda v: fmt.number(v, 0),
                       NUMBER_ALIGN, self.tr("Gas use after the package, m³ per dwelling per year")),
            ColumnSpec("electricity_kwh_after", self.tr("kWh"), lambda v: fmt.number(v, 0),
                       NUMBER_ALIGN, self.tr("Electricity use after the package, kWh per dwelling "
                                             "per year")),
            ColumnSpec("heat_gj_after", self.tr("Heat GJ"), lambda v: fmt.number(v, 1),
                       NUMBER_ALIGN, self.tr("Heat from a heat network after the package, GJ per "
                                             "dwelling per year")),
        ]
        self.states_model = EditableFrameModel(
            cols, "complex", {"target_label": "choice", "heat_solution": "choice",
                              "measures": "text", "cost_per_dwelling_cents": "money",
                              "gas_m3_after": "number", "electricity_kwh_after": "number",
                              "heat_gj_after": "number"}, self.edit_state)
        self.states_model.set_role_provider(Qt.ItemDataRole.ForegroundRole, self._state_grey)
        self.states_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._state_tip)
        self.states_view = _editable_table(self.states_model)
        self.states_view.horizontalHeader().setStretchLastSection(True)
        self.states_model.modelReset.connect(self._narrow_package)
        default = self.tr("(default)")
        self.states_view.setItemDelegate(ChoiceDelegate({
            "target_label": [(default, None), *[(lab, lab) for lab in LABELS]],
            "heat_solution": [(default, None), *[(fmt.listed(v), v) for v in HeatSolution.values()]],
        }, self.states_view))
        lay.addWidget(self.states_view, 1)
        row = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Reset to default"))
        self.reset_button.setToolTip(self.tr("Drop every value of your own of the selected "
                                             "complexes"))
        self.reset_button.clicked.connect(self.reset_selected)
        row.addWidget(self.reset_button)
        self.states_summary = hint_label()
        row.addWidget(self.states_summary, 1)
        lay.addLayout(row)
        self.states_view.selectionModel().selectionChanged.connect(self._update_buttons)
        return tab

    def _package_text(self, value) -> str:
        """A package as shown: the catalogue's names in the interface's language."""
        cat = self.data.catalogue if self.data is not None else None
        names = []
        for item in split_measures(value):
            m = find_measure(item, cat)
            names.append(item if m is None else m.key if fmt.is_dutch() else m.english)
        return "; ".join(names)

    def _narrow_package(self) -> None:
        """The package column no wider than 210 px (its tooltip holds the whole text)."""
        col = self.states_model.column_of("measures")
        if self.states_view.columnWidth(col) > 210:
            self.states_view.setColumnWidth(col, 210)

    def _own(self, row: int, key: str) -> bool | None:
        """Whether the cell holds the user's own value (None: not an overridable field)."""
        column = f"own_{key}"
        frame = self.states_model.frame()
        return bool(frame.iloc[row][column]) if column in frame.columns else None

    def _state_grey(self, row: int, col: int):
        own = self._own(row, self.states_model.spec_key(col))
        return QBrush(DEFAULT_GREY) if own is False else None

    def _state_tip(self, row: int, col: int):
        key = self.states_model.spec_key(col)
        own = self._own(row, key)
        if own is None:
            return None
        prefix = ""
        if key == "measures":
            prefix = self._package_text(plain(self.states_model.frame().iloc[row]["measures"])) + "\n"
        if own:
            return prefix + self.tr("Your own value; empty the cell for the default.")
        return prefix + {
            "target_label": self.tr("Default: label A."),
            "heat_solution": self.tr("Default: the neighbourhood's heat plan."),
            "measures": self.tr("Default: from the measures catalogue, by the label and the "
                                "heat solution."),
            "cost_per_dwelling_cents": self.tr("Default: the catalogue's costs of the package."),
        }.get(key, self.tr("Default: from the catalogue's savings of the package."))

    def selected_complexes(self) -> list[str]:
        rows = sorted({i.row() for i in self.states_view.selectionModel().selectedIndexes()})
        return [str(self.states_model.key_at(r)) for r in rows]

    def edit_state(self, row: int, key: str, value: Any) -> bool:
        cid = str(self.states_model.key_at(row))
        return self._edit_cell(self.states_model, "end_states", "complex", cid, key, value,
                               edits.save_end_state, fmt.tr_fmt(self.tr("End state %1"), cid))

    def reset_selected(self) -> bool:
        ids = self.selected_complexes()
        if not ids:
            return False
        text = fmt.tr_fmt(self.tr("Reset end state %1"), ", ".join(ids[:3])
                          + (" …" if len(ids) > 3 else ""))
        return self._run(lambda _r: edits.reset_end_states(self.controller.dataset, ids,
                                                           label=text), text)

    # ----- shared ----------------------------------------------------------------------
    def _run(self, use_case, text: str) -> bool:
        outcome = self.controller.run(use_case, text, parent=self,
                                      say=lambda m, _e: self.note.say(m, theme.ERROR))
        if outcome is Outcome.DONE:
            self.note.say(text + " — " + self.tr("Ctrl+Z undoes it."), theme.HINT)
        return bool(outcome)

    def show_result(self, data: PageData) -> None:
        self.data = data
        self.plan_model.set_frame(data.plan)
        self.conflicts_model.set_frame(data.conflicts)
        self.states_model.set_frame(data.states)
        n = len(data.conflicts)
        self.tabs.setTabText(1, fmt.tr_fmt(self.tr("Conflicts (%1)"), fmt.integer(n)))
        self.conflicts_state.setText(
            self.tr("No project conflicts with the heat plan.") if not n else self.tr(
                "Projects whose measures conflict with their neighbourhood's heat plan. "
                "Double-click a project to open it."))
        own = int(data.states[[f"own_{f}" for f in endstate.OVERRIDABLE]].any(axis=1).sum()) \
            if len(data.states) else 0
        self.states_summary.setText(fmt.tr_fmt(
            self.tr("%1 of %2 complexes have values of their own."),
            fmt.integer(own), fmt.integer(len(data.states))))
        self._update_buttons()


__all__ = ["HeatPlanPage", "compute_page", "read_cell", "EditableFrameModel", "ChoiceDelegate"]
