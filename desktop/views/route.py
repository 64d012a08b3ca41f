"""Propose route… (issue 21.4): the optimised route to 2050 in the window.

The dialog shows the capacity and budget per corporation and year (editable: each edit
is an ordinary undoable edit, ``edits.set_capacity``), lets the user choose the
objective, runs :func:`desktop.models.route.propose` on a worker thread
(:func:`~desktop.views.tasks.run_in_background`, progress and Cancel) and shows the
result: met or not, what binds, per year and per complex.  "Save as plan version…" hands
the proposal as project rows (:func:`~desktop.models.route.proposal_projects`) to the
module-level hook :func:`save_as_version`, which calls ``desktop.edits.save_version``
once plan versions exist in the build.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from .. import edits
from ..exchange.progress import Cancelled
from ..models import co2, route
from ..models.defaults import BASE_YEAR
from . import fmt, theme
from .import_dialog import MessageDialog
from .tasks import BackgroundTask, run_in_background
from .widgets import hint_label, section_label

CONTEXT = "RouteDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _item(text: str, align_right: bool = False, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = item.flags()
    if not editable:
        flags &= ~Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def save_as_version(controller, frame: pd.DataFrame, name: str, meta: dict, parent) -> bool:
    """Save the proposal ``frame`` (the whole plan it stands for, project rows) as the plan
    version ``name`` of kind ``proposal``: one undoable edit through the controller; a
    refusal (a name taken, say) is shown on ``parent``."""
    title = _tr("Save as plan version")

    def say(message: str, _error: bool = True) -> None:
        box = MessageDialog("warning", title, message, parent=parent)
        box.finished.connect(box.deleteLater)
        parent._last_box = box
        box.open()

    text = fmt.tr_fmt(_tr("Save plan version %1"), name)
    return bool(controller.run(
        lambda _reason: edits.save_version(controller.dataset, name, frame, kind="proposal",
                                           source="Propose route", **meta),
        text, say=say, parent=parent))


class RouteDialog(QDialog):
    """Objective, capacity and budget, the run and its result."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("routeDialog")
        self.controller = controller
        self.task: BackgroundTask | None = None
        self.problem: route.RouteProblem | None = None
        self.result: route.RouteResult | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Propose route to 2050"))
        lay = QVBoxLayout(self)
        lay.addWidget(hint_label(self.tr(
            "A year from 2025 to 2050 for each remaining complex's end-state package, so that "
            "the agreed targets and the CO2 path (−49 % in 2030, 0 in 2050) are met where "
            "possible, within the capacity and budget per corporation and year and the heat "
            "plan. Projects agreed, in progress or done stay as they are. Computed as a "
            "mixed-integer programme (HiGHS).")))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Objective:")))
        self.objective = QComboBox()
        self.objective.addItem(self.tr("Least total cost"), "cost")
        self.objective.addItem(self.tr("Least cumulative CO2"), "co2")
        row.addWidget(self.objective)
        row.addStretch(1)
        self.run_button = QPushButton(self.tr("Propose"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(lambda _=False: self.start())
        row.addWidget(self.run_button)
        lay.addLayout(row)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(section_label(self.tr("Capacity and budget per year")))
        self.caps = _table([self.tr("Corporation"), self.tr("Year"), self.tr("Max. homes"),
                            self.tr("Budget (€)")])
        self.caps.itemChanged.connect(self._cap_edited)
        ll.addWidget(self.caps, 1)
        ll.addWidget(hint_label(self.tr("Empty: no limit. Edits are saved at once (undo with "
                                        "Ctrl+Z).")))
        left.setMinimumWidth(370)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.tr("Not computed yet."))
        self.status.setObjectName("routeStatus")
        self.status.setWordWrap(True)
        rl.addWidget(self.status)
        self.verdict = QLabel()
        self.verdict.setObjectName("routeVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        rl.addWidget(self.verdict)
        self.tabs = QTabWidget()
        self.years = _table([self.tr("Year"), self.tr("Homes fixed"), self.tr("Homes proposed"),
                             self.tr("Cost proposed"), self.tr("Emissions (t)"), self.tr("Path (t)")])
        self.complexes = _table([self.tr("Complex"), self.tr("Corporation"), self.tr("Year"),
                                 self.tr("Homes"), self.tr("Cost"), self.tr("Package")])
        self.tabs.addTab(self.years, self.tr("Per year"))
        self.tabs.addTab(self.complexes, self.tr("Per complex"))
        rl.addWidget(self.tabs, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        lay.addWidget(split, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save as plan version…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda _=False: self.save())
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(1180, 700)
        self.fill_capacities()
        controller.changed.connect(self._changed)

    # ----- capacity and budget ------------------------------------------------------
    def _changed(self, tables) -> None:
        if "capacities" in tables or "complexes" in tables:
            self.fill_capacities()

    def fill_capacities(self) -> None:
        ds = self.controller.dataset
        corps = sorted(set(ds.complexes["corporation"].dropna().astype(str)))
        caps = ds.capacities.drop_duplicates(["corporation", "year"], keep="last")
        caps = caps.set_index([caps["corporation"].astype(str), caps["year"].astype(int)])
        self._filling = True
        self.caps.setRowCount(0)
        rows = [(c, y) for c in corps for y in range(route.FIRST_YEAR, route.LAST_YEAR + 1)]
        self.caps.setRowCount(len(rows))
        for r, (c, y) in enumerate(rows):
            homes = budget = ""
            if (c, y) in caps.index:
                rec = caps.loc[(c, y)]
                if not pd.isna(rec["max_dwellings"]):
                    homes = fmt.integer(int(rec["max_dwellings"]))
                if not pd.isna(rec["budget_cents"]):
                    budget = fmt.integer(int(rec["budget_cents"]) // 100)
            self.caps.setItem(r, 0, _item(c))
            self.caps.setItem(r, 1, _item(str(y)))
            self.caps.setItem(r, 2, _item(homes, True, editable=True))
            self.caps.setItem(r, 3, _item(budget, True, editable=True))
        self._filling = False

    def _cap_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (2, 3):
            return
        r = item.row()
        corp, year = self.caps.item(r, 0).text(), int(self.caps.item(r, 1).text())
        values = []
        for col in (2, 3):
            text = self.caps.item(r, col).text().strip()
            value = None if not text else fmt.read_number(text)
            if text and (value is None or value < 0 or value != int(value)):
                self._say(self.tr("Enter a whole number of 0 or more, or leave it empty."))
                self.fill_capacities()
                return
            values.append(None if value is None else int(value))
        homes, euros = values
        text = fmt.tr_fmt(self.tr("Capacity %1 %2"), corp, str(year))
        self.controller.run(
            lambda _reason: edits.set_capacity(self.controller.dataset, corp, year, homes,
                                               None if euros is None else euros * 100, text),
            text, say=lambda message, _error=True: self._say(message), parent=self)

    def _say(self, message: str) -> None:
        box = MessageDialog("warning", self.windowTitle(), message, parent=self)
        box.finished.connect(box.deleteLater)
        self._last_box = box
        box.open()

    # ----- the run ------------------------------------------------------------------
    def options(self) -> route.RouteOptions:
        return route.RouteOptions(objective=self.objective.currentData())

    def start(self) -> BackgroundTask | None:
        """Compute the proposal on a worker thread."""
        if self.task is not None and self.task.is_running():
            return None
        ds = self.controller.dataset
        options = self.options()

        def work(progress):
            try:
                problem = route.build_problem(ds, options)
                if progress(0.05) is False:
                    raise Cancelled()
                result = route.solve(problem, progress=lambda f: progress(0.05 + 0.95 * f))
            except route.RouteCancelled:
                raise Cancelled() from None
            return problem, result

        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Computing…"))
        self.task = run_in_background(self, work, title=self.tr("Propose route"),
                                      label=self.tr("Choosing a year for each complex…"))
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self.status.setText(self.tr("Cancelled.")))
        self.task.done.connect(lambda: self.run_button.setEnabled(True))
        return self.task

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, route.RouteInputError):
            text = exc.nl if fmt.is_dutch() else exc.en
        else:
            text = f"{exc.__class__.__name__}: {exc}"
        self.status.setText(text)
        self._say(text)

    def _done(self, outcome) -> None:
        self.problem, self.result = outcome
        self.show_result()

    def show_result(self) -> None:
        res, pr = self.result, self.problem
        status = {"optimal": self.tr("optimal"), "time_limit": self.tr("time limit reached"),
                  "no_solution": self.tr("no solution"),
                  "nothing_to_plan": self.tr("nothing to plan")}.get(res.status, res.status)
        gap = "—" if res.gap is None else fmt.percent(res.gap * 100, 2)
        self.status.setText(fmt.tr_fmt(
            self.tr("HiGHS: %1, gap %2, %3 s. %4 complexes scheduled, total cost %5."),
            status, gap, fmt.number(res.seconds, 1),
            fmt.integer(int(res.complexes["year"].notna().sum())),
            fmt.money(res.total_cost_cents / 100, 0)))
        lines = []
        for p in res.path.itertuples(index=False):
            lines.append(fmt.tr_fmt(self.tr("Path %1: met"), p.year) if p.met else
                         fmt.tr_fmt(self.tr("Path %1: not met, %2 t above"), p.year,
                                    fmt.integer(round(p.over_tonnes))))
        short = res.targets[~res.targets["met"]]
        lines.append(self.tr("Every agreed target is met.") if not len(short) else
                     fmt.tr_fmt(self.tr("%1 of %2 agreed targets not met."),
                                len(short), len(res.targets)))
        for en, nl in res.explanations:
            lines.append("• " + (nl if fmt.is_dutch() else en))
        self.verdict.setText("\n".join(lines))
        ok = res.all_met
        self.verdict.setStyleSheet(
            f"QLabel {{ background: {theme.OK_BG if ok else theme.WARN_BG}; color: "
            f"{theme.OK_TEXT if ok else theme.WARN_TEXT}; border: 1px solid "
            f"{theme.OK_BORDER if ok else theme.WARN_BORDER}; padding: 6px; }}")
        path = co2.target_path(pr.base_year_tonnes, BASE_YEAR, route.LAST_YEAR).set_index("year")
        Y = res.years
        self.years.setRowCount(len(Y))
        for r, y in enumerate(Y.itertuples(index=False)):
            cells = [str(y.year), fmt.integer(y.homes_fixed), fmt.integer(y.homes_proposed),
                     fmt.money(y.cost_proposed_cents / 100, 0), fmt.integer(round(y.tonnes)),
                     fmt.integer(round(path.loc[y.year, "target_tonnes"]))]
            for c, text in enumerate(cells):
                self.years.setItem(r, c, _item(text, c > 0))
        C = res.complexes.sort_values(["year", "complex"], na_position="last")
        self.complexes.setRowCount(len(C))
        for r, x in enumerate(C.itertuples(index=False)):
            year = "—" if pd.isna(x.year) else str(int(x.year))
            cells = [str(x.complex), str(x.corporation), year, fmt.integer(x.dwellings),
                     fmt.money(x.cost_cents / 100, 0), str(x.measures)]
            for c, text in enumerate(cells):
                self.complexes.setItem(r, c, _item(text, c in (3, 4)))
        self.save_button.setEnabled(bool(res.complexes["year"].notna().any()))

    # ----- save ---------------------------------------------------------------------
    def proposal_frame(self) -> pd.DataFrame:
        return route.proposal_plan(self.result, self.controller.dataset)

    def meta(self) -> dict:
        return {"objective": self.result.objective, "solver_status": self.result.solver_status,
                "gap": self.result.gap}

    def save(self, name: str | None = None) -> bool:
        if self.result is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Save as plan version"),
                                            self.tr("Name of the plan version:"),
                                            text=self.tr("Proposal"))
            if not ok or not name.strip():
                return False
        return save_as_version(self.controller, self.proposal_frame(), name.strip(), self.meta(),
                               self)


def open_route_dialog(controller, parent) -> RouteDialog:
    """Show the dialog (not modal) over ``parent``; kept on it until closed."""
    dialog = RouteDialog(controller, parent)
    dialog.finished.connect(dialog.deleteLater)
    parent._route_dialog = dialog
    dialog.open()
    return dialog


__all__ = ["RouteDialog", "open_route_dialog", "save_as_version"]
