"""Plan versions in the window (issue 21.3 and 21.5).

* :class:`ProgrammeVersions`: the programme page's *Versions* menu (save the active plan
  as a version, compare, restore, rename, delete) and the choice of a version whose homes
  per year the matrix shows beside the active plan's ("active / version").
* :class:`CompareDialog`: two plans side by side (targets, homes, cost and CO2 per year,
  the complexes that differ) with *Adopt this step*: one complex's project, or all of one
  year, copied from the version into the active plan (one undo step).
* :class:`Co2Versions`: the CO2 page's choice of a version (default: the newest
  proposal) drawn as an extra line beside the plan and the path.

The figures come from :mod:`desktop.models.versions`; every change goes through the
edits layer and :meth:`Controller.run`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton, QTabWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from .. import edits
from ..models import co2 as co2_model
from ..models import versions as rules
from ..models.defaults import HORIZON_YEAR
from . import fmt, theme
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .programme_models import MatrixDelegate, MatrixModel
from .refresh import PageRefresh
from .widgets import data_table, hint_label

VERSION_TABLES = {"plan_versions", "plan_version_projects"}
ACTIVE = "__active__"          # the combo data of the active plan


def kind_text(kind) -> str:
    return {"plan": QCoreApplication.translate("Versions", "plan"), "bid": QCoreApplication.translate("Versions", "bid"), "proposal": QCoreApplication.translate("Versions", "proposal")}.get(
        str(kind), str(kind or ""))


def plan_name(version: str | None) -> str:
    return QCoreApplication.translate("Versions", "Active plan") if version is None else version


def version_label(ds, version: str) -> str:
    """"Bod 2027 (bid)"."""
    head = rules.version_header(ds, version) or {}
    return f"{version} ({kind_text(head.get('kind'))})"


def _change_text(change: str) -> str:
    words = {"moved": QCoreApplication.translate("Versions", "other year"), "package": QCoreApplication.translate("Versions", "other package"),
             "status": QCoreApplication.translate("Versions", "other status"), "added": QCoreApplication.translate("Versions", "only in B"),
             "removed": QCoreApplication.translate("Versions", "only in A")}
    return ", ".join(words.get(w.strip(), w) for w in str(change).split(","))


# ----- the matrix with a version beside the active plan --------------------------------
class VersionMatrixModel(MatrixModel):
    """:class:`MatrixModel` with one more mode, ``version``: a cell shows the active
    plan's homes and a chosen version's ("active / version").  ``version_source(years)``
    gives the version's :func:`programme.matrix` for the page's filters (None: none
    chosen)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.version_source = None
        self.version_name: str | None = None
        self._v_corp = np.zeros((0, 0), dtype=np.int64)
        self._v_hood: list[np.ndarray] = []
        self._v_total = np.zeros(0, dtype=np.int64)

    def set_frames(self, planned, done, capacity=None, targets=None, projects=None) -> None:
        version = self.version_source(list(planned.columns)) if self.version_source else None
        if version is not None and len(version):
            index = planned.index.union(version.index).sort_values()
            years = sorted(set(planned.columns) | set(version.columns))
            if len(planned.columns) > 1:         # every year between, as the plan's matrix
                years = list(range(min(years), max(years) + 1))
            planned = planned.reindex(index=index, columns=years, fill_value=0)
            done = done.reindex(index=index, columns=years, fill_value=0)
        # the version's rows in the parent's layout (rows sorted by corporation and
        # neighbourhood, split where the corporation changes), ready before the reset
        # ends: the view asks for cells at once
        ny = len(planned.columns)
        if version is None:
            version = planned.iloc[:, :0]
        v = version.reindex(index=planned.index, columns=planned.columns, fill_value=0) \
            .to_numpy(dtype=np.int64).reshape(len(planned), ny)
        corp_of = np.asarray(planned.index.get_level_values(0), dtype=object)
        hoods, rows = [], []
        if len(corp_of):
            starts = np.flatnonzero(np.r_[True, corp_of[1:] != corp_of[:-1]])
            for a, b in zip(starts, np.r_[starts[1:], len(corp_of)]):
                hoods.append(v[a:b])
                rows.append(v[a:b].sum(axis=0))
        self._v_hood = hoods
        self._v_corp = np.array(rows, dtype=np.int64).reshape(len(rows), ny)
        self._v_total = self._v_corp.sum(axis=0)
        super().set_frames(planned, done, capacity, targets, projects)

    def set_mode(self, mode: str) -> None:
        if mode != "version":
            super().set_mode(mode)
            return
        if self._mode == mode:
            return
        self.beginResetModel()
        self._mode = mode
        self.endResetModel()

    def _values(self, index):
        values = super()._values(index)
        if values is None or self._mode != "version":
            return values
        col, pid = index.column(), index.internalId()
        if pid:
            v = self._v_hood[pid - 1][index.row()]
        elif index.row() < len(self._corps):
            v = self._v_corp[index.row()]
        else:
            v = self._v_total
        if not len(v):
            return values[0], 0
        return values[0], int(v[col - 1]) if col <= len(self._years) else int(v.sum())

    def _text(self, planned: int, done: int) -> str:
        if self._mode != "version":
            return super()._text(planned, done)
        if not planned and not done:
            return ""
        return f"{fmt.integer(planned)} / {fmt.integer(done)}"

    def widest_text(self, total_column: bool = False) -> str:
        if self._mode != "version":
            return super().widest_text(total_column)
        if total_column:
            return self._text(int(self._total_planned.sum()), int(self._v_total.sum()))
        texts = [self._text(int(p), int(v)) for p, v in
                 zip(self._total_planned, self._v_total if len(self._v_total) else
                     np.zeros(len(self._total_planned), dtype=np.int64))]
        return max(texts, key=len) if texts else ""

    def _tooltip(self, index):
        if self._mode != "version":
            return super()._tooltip(index)
        corp, hood, year = self.cell(index)
        values = self._values(index)
        if values is None:
            return None
        where = hood if hood is not None else (corp if corp is not None else self.total_label)
        if hood is not None:
            where = f"{hood or self.no_owner_label} ({corp})"
        when = str(year) if year is not None else QCoreApplication.translate("Versions", "all years")
        return fmt.tr_fmt(QCoreApplication.translate("Versions", "%1, %2: %3 homes in the active plan, %4 in version %5"),
                          where or self.no_owner_label, when, fmt.integer(values[0]),
                          fmt.integer(values[1]), self.version_name or "")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (self._mode == "version" and role == Qt.ItemDataRole.ToolTipRole
                and orientation == Qt.Orientation.Horizontal):
            return fmt.tr_fmt(QCoreApplication.translate("Versions", "Homes in the active plan / in version %1"),
                              self.version_name or "")
        return super().headerData(section, orientation, role)


class VersionMatrixDelegate(MatrixDelegate):
    """The matrix's delegate; in the ``version`` mode the version's part is drawn in the
    version colour."""

    VERSION = theme.qcolor(theme.VERSION)

    def paint(self, painter, option, index) -> None:
        model = index.model()
        version = getattr(model, "mode", lambda: "")() == "version"
        self.DONE = self.VERSION if version else MatrixDelegate.DONE
        super().paint(painter, option, index)


# ----- dialogs --------------------------------------------------------------------------
class SaveVersionDialog(QDialog):
    """The name, kind and note of a new version."""

    def __init__(self, parent=None, name: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as version"))
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("e.g. Bid 2027"))
        self.kind = QComboBox()
        for kind in rules.KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.note = QLineEdit()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(hint_label(self.tr("The version holds the projects as they are now; the "
                                       "active plan stays as it is.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(420, 180)


class CompareDialog(QDialog):
    """Two plans side by side; *Adopt this step* copies the selected complexes' projects
    (or all projects of the selected year) of plan B into the active plan."""

    def __init__(self, controller, a: str | None = None, b: str | None = None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.comparison: rules.Comparison | None = None
        self.setWindowTitle(self.tr("Compare plans"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.a_combo, self.b_combo = QComboBox(), QComboBox()
        for label, combo in ((self.tr("Plan A"), self.a_combo), (self.tr("Plan B"), self.b_combo)):
            row.addWidget(QLabel(label))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.addWidget(combo)
            row.addSpacing(12)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)

        tabs = self.tabs = QTabWidget()
        # the complexes that differ, with adoption
        diff_tab = QWidget()
        dl = QVBoxLayout(diff_tab)
        self.diff_model = FrameTableModel([
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("dwellings", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("year_a", self.tr("Year A"), _year, NUMBER_ALIGN),
            ColumnSpec("year_b", self.tr("Year B"), _year, NUMBER_ALIGN),
            ColumnSpec("measures_a", self.tr("Package A")),
            ColumnSpec("measures_b", self.tr("Package B")),
            ColumnSpec("change_text", self.tr("Difference")),
        ], key="project")
        self.diff_view = data_table(self.diff_model, stretch=None)
        self.diff_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.diff_view.horizontalHeader().setStretchLastSection(True)
        dl.addWidget(self.diff_view)
        buttons = QHBoxLayout()
        self.adopt_button = QPushButton(self.tr("Adopt this step"))
        self.adopt_button.setToolTip(self.tr(
            "Copy the selected complexes' projects of plan B into the active plan (one undo "
            "step). Projects agreed, in progress or done are never changed."))
        self.adopt_year_button = QPushButton(self.tr("Adopt the year…"))
        self.adopt_year_button.setToolTip(self.tr(
            "Copy every project plan B completes in one year into the active plan"))
        buttons.addWidget(self.adopt_button)
        buttons.addWidget(self.adopt_year_button)
        self.note = hint_label()
        buttons.addWidget(self.note, 1)
        dl.addLayout(buttons)
        tabs.addTab(diff_tab, self.tr("Complexes that differ"))

        self.year_model = FrameTableModel([
            ColumnSpec("year", self.tr("Year"), _year, NUMBER_ALIGN),
            ColumnSpec("homes_a", self.tr("Homes A"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("homes_b", self.tr("Homes B"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("cost_a", self.tr("Investment A"), fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("cost_b", self.tr("Investment B"), fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("tonnes_a", self.tr("CO2 A (t)"), _tonnes, NUMBER_ALIGN),
            ColumnSpec("tonnes_b", self.tr("CO2 B (t)"), _tonnes, NUMBER_ALIGN),
            ColumnSpec("path", self.tr("Path (t)"), _tonnes, NUMBER_ALIGN),
        ], key="year")
        self.year_view = data_table(self.year_model, stretch=None, sortable=False)
        tabs.addTab(self.year_view, self.tr("Per year"))

        self.target_model = FrameTableModel([
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("period", self.tr("Period")),
            ColumnSpec("target", self.tr("Target"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("planned_a", self.tr("Planned A"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("planned_b", self.tr("Planned B"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("verdict_a_text", self.tr("A")),
            ColumnSpec("verdict_b_text", self.tr("B")),
        ], key="period")
        self.target_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._verdict_colour)
        self.target_view = data_table(self.target_model, stretch=None, sortable=False)
        tabs.addTab(self.target_view, self.tr("Targets"))

        self.homes_model = FrameTableModel([], key="where")
        self.homes_view = data_table(self.homes_model, stretch=None, sortable=False)
        tabs.addTab(self.homes_view, self.tr("Homes per neighbourhood"))
        lay.addWidget(tabs, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        lay.addWidget(close)

        self._fill_combos(a, b)
        self.a_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.b_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.diff_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.adopt_button.clicked.connect(lambda: self.adopt_selected())
        self.adopt_year_button.clicked.connect(self._adopt_year_clicked)
        controller.changed.connect(self._tables_changed)
        self.resize(1100, 640)
        self.refresher = PageRefresh(self, rules.compare, self.show_comparison)
        self.recompute()

    # ----- plans ---------------------------------------------------------------------
    def _fill_combos(self, a: str | None, b: str | None) -> None:
        ds = self.controller.dataset
        names = rules.version_names(ds)
        for combo, chosen in ((self.a_combo, a), (self.b_combo, b)):
            combo.blockSignals(True)
            current = chosen if combo.count() == 0 else self._plan(combo)
            combo.clear()
            combo.addItem(plan_name(None), ACTIVE)
            for n in names:
                combo.addItem(version_label(ds, n), n)
            i = combo.findData(ACTIVE if current is None else current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    @staticmethod
    def _plan(combo: QComboBox) -> str | None:
        data = combo.currentData()
        return None if data in (None, ACTIVE) else str(data)

    def plans(self) -> tuple[str | None, str | None]:
        return self._plan(self.a_combo), self._plan(self.b_combo)

    def set_plans(self, a: str | None, b: str | None) -> None:
        for combo, plan in ((self.a_combo, a), (self.b_combo, b)):
            combo.setCurrentIndex(max(combo.findData(ACTIVE if plan is None else plan), 0))

    def _tables_changed(self, tables) -> None:
        if tables & (VERSION_TABLES | {"projects", "complexes", "dwellings", "targets",
                                       "emission_factors"}):
            self._fill_combos(*self.plans())
            self.recompute()

    def recompute(self) -> None:
        """Compare the chosen plans: at once for a small workspace, else on a worker
        thread (about 0.7 s at 100,000 dwellings), the dialog showing the last figures
        meanwhile."""
        self.refresher.request(self.controller.dataset, *self.plans())

    def show_comparison(self, c: rules.Comparison) -> None:
        self.comparison = c
        diff = c.differences.copy()
        diff["change_text"] = [_change_text(x) for x in diff["change"]]
        self.diff_model.set_frame(diff)
        homes = c.homes
        per_year = pd.DataFrame({"homes_a": homes["a"].sum(axis=0), "homes_b": homes["b"].sum(axis=0)})
        per_year.index.name = "year"
        years = per_year.reset_index().merge(c.cost, on="year", how="outer").merge(
            c.co2[["year", "tonnes_a", "tonnes_b", "path"]], on="year", how="outer")
        years = years.sort_values("year").reset_index(drop=True)
        for col in ("homes_a", "homes_b", "cost_a", "cost_b"):
            years[col] = years[col].fillna(0).astype("int64")
        self.year_model.set_frame(years)
        targets = c.targets.copy()
        targets["verdict_a_text"] = [_verdict(v) for v in targets["verdict_a"]]
        targets["verdict_b_text"] = [_verdict(v) for v in targets["verdict_b"]]
        self.target_model.set_frame(targets)
        self._fill_homes(homes)
        self._write_summary()
        self._update_buttons()

    def _fill_homes(self, homes: pd.DataFrame) -> None:
        years = sorted({int(y) for _plan, y in homes.columns})
        rows = []
        for (corp, hood), r in homes.iterrows():
            row = {"where": f"{hood or '?'} ({corp or '?'})"}
            for y in years:
                a, b = int(r[("a", y)]), int(r[("b", y)])
                row[str(y)] = "" if not a and not b else f"{fmt.integer(a)} / {fmt.integer(b)}"
            rows.append(row)
        specs = [ColumnSpec("where", self.tr("Neighbourhood (corporation)"))]
        specs += [ColumnSpec(str(y), str(y), align=NUMBER_ALIGN,
                             tooltip=self.tr("Homes A / B")) for y in years]
        self.homes_model = FrameTableModel(specs, key="where")
        self.homes_model.set_frame(pd.DataFrame(rows, columns=[s.key for s in specs]))
        self.homes_view.setModel(self.homes_model)

    def _write_summary(self) -> None:
        c = self.comparison
        a, b = c.a, c.b
        lines = []
        for plan, key in ((a, "a"), (b, "b")):
            cost = int(c.cost[f"cost_{key}"].sum())
            met = int((c.targets[f"verdict_{key}"] != "short").sum())
            parts = [fmt.tr_fmt(self.tr("<b>%1</b>: investment %2"), plan_name(plan),
                                fmt.money_cents(cost)),
                     fmt.tr_fmt(self.tr("targets met %1 of %2"), fmt.integer(met),
                                fmt.integer(len(c.targets)))]
            for year in (2030, 2050):
                if (c.co2["year"] == year).any():
                    gap = c.gap(year, key)
                    parts.append(fmt.tr_fmt(self.tr("%1: %2 t above the path"), str(year),
                                            fmt.number(gap, 0)) if gap > 0.5 else
                                 fmt.tr_fmt(self.tr("%1: on the path"), str(year)))
            lines.append(" · ".join(parts))
        lines.append(fmt.tr_fmt(self.tr("%1 complexes differ."),
                                fmt.integer(c.differences["complex"].nunique())))
        self.summary.setText("<br>".join(lines))

    def _verdict_colour(self, row: int, col: int):
        if col < self.target_model.column_of("verdict_a_text"):
            return None
        key = "verdict_a" if col == self.target_model.column_of("verdict_a_text") else "verdict_b"
        v = self.target_model.frame().at[row, key]
        colour = {"short": theme.BAD_BG, "met": theme.OK_BG, "over": theme.WARN_BG}.get(
            None if pd.isna(v) else str(v))
        return QBrush(theme.qcolor(colour)) if colour else None

    # ----- adoption --------------------------------------------------------------------
    def selected_complexes(self) -> list[str]:
        rows = sorted({i.row() for i in self.diff_view.selectionModel().selectedRows()})
        frame = self.diff_model.frame()
        return sorted({str(frame.at[r, "complex"]) for r in rows})

    def _update_buttons(self) -> None:
        b = self.comparison.b if self.comparison is not None else None
        self.adopt_button.setEnabled(b is not None and bool(self.selected_complexes()))
        self.adopt_year_button.setEnabled(b is not None and not self.diff_model.frame().empty)

    def _say(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(theme.text_style(theme.ERROR if error else theme.HINT))

    def adopt_selected(self, complexes: list[str] | None = None) -> bool:
        return self.adopt(complexes=complexes or self.selected_complexes())

    def adopt(self, complexes: list[str] | None = None, year: int | None = None) -> bool:
        """Adopt one step of plan B (its projects for ``complexes``, or of ``year``)
        into the active plan through the controller: one undo step."""
        b = self.comparison.b if self.comparison is not None else None
        if b is None:
            return False
        what = (fmt.tr_fmt(self.tr("year %1"), str(year)) if year is not None
                else ", ".join(complexes or []))
        text = fmt.tr_fmt(self.tr("Adopt %1 from %2"), what, b)
        outcome = self.controller.run(
            lambda _reason: edits.adopt_step(self.controller.dataset, b, complexes=complexes,
                                             year=year),
            text, say=self._say, parent=self)
        if outcome:
            self._say(text + " — " + self.tr("Ctrl+Z undoes it."))
        elif outcome.value == "nothing":
            self._say(self.tr("The active plan already follows this step."))
        return bool(outcome)

    def _adopt_year_clicked(self) -> None:
        frame = self.diff_model.frame()
        years = sorted({int(y) for y in frame["year_b"].dropna()})
        if not years:
            return
        text, ok = QInputDialog.getItem(self, self.tr("Adopt the year"),
                                        self.tr("Year of plan B"), [str(y) for y in years], 0, False)
        if ok and text:
            self.adopt(year=int(text))


def _year(v) -> str:
    return "" if v is None or pd.isna(v) else str(int(v))


def _tonnes(v) -> str:
    return "" if v is None or pd.isna(v) else fmt.number(float(v), 0)


def _verdict(v) -> str:
    return {"short": QCoreApplication.translate("Versions", "short"), "met": QCoreApplication.translate("Versions", "met"), "over": QCoreApplication.translate("Versions", "over")}.get(
        None if v is None or pd.isna(v) else str(v), "")


# ----- the programme page --------------------------------------------------------------
class ProgrammeVersions(QObject):
    """The programme page's Versions menu and its matrix comparison.  Built by the page
    with the layouts to put its widgets in; reads the page only through ``page.filters()``
    and its matrix."""

    def __init__(self, page, top_row: QHBoxLayout, mode_row: QHBoxLayout):
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.dialog: CompareDialog | None = None
        self.button = QToolButton()
        self.button.setText(self.tr("Versions"))
        self.button.setToolTip(self.tr("Save the programme as a version, compare versions, "
                                       "restore one"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = self.menu = QMenu(self.button)
        self.save_action = menu.addAction(self.tr("Save as version…"), self.save_dialog)
        self.compare_action = menu.addAction(self.tr("Compare with…"), self.compare_dialog)
        menu.addSeparator()
        self.restore_action = menu.addAction(self.tr("Restore version…"), self.restore_dialog)
        self.rename_action = menu.addAction(self.tr("Rename version…"), self.rename_dialog)
        self.delete_action = menu.addAction(self.tr("Delete version…"), self.delete_dialog)
        self.button.setMenu(menu)
        top_row.insertWidget(top_row.count() - 3, self.button)

        # the matrix: a version beside the active plan
        self.beside = QComboBox()
        self.beside.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.beside.setToolTip(self.tr("Show a version's homes per year beside the active plan's"))
        self.mode_button = QToolButton()
        self.mode_button.setText(self.tr("Version"))
        self.mode_button.setCheckable(True)
        self.mode_button.setToolTip(self.tr("Homes in the active plan / in the chosen version"))
        page.mode_group.addButton(self.mode_button)
        page.mode_buttons["version"] = self.mode_button
        self.mode_button.toggled.connect(lambda on: on and page.set_mode("version"))
        mode_row.addWidget(self.mode_button)
        mode_row.addWidget(self.beside)
        model = page.matrix_model
        model.version_source = self.version_matrix
        self.beside.currentIndexChanged.connect(self._beside_changed)
        self.controller.changed.connect(self._tables_changed)
        self.fill()

    # ----- state ---------------------------------------------------------------------
    def fill(self) -> None:
        ds = self.controller.dataset
        names = rules.version_names(ds)
        current = self.beside.currentData()
        known = getattr(self, "_known", None)
        self._known = set(names)
        added = [n for n in names if known is not None and n not in known]
        if added:                   # a version just saved (or renamed) is the one shown
            current = added[-1]
        self.beside.blockSignals(True)
        self.beside.clear()
        for n in names:
            self.beside.addItem(version_label(ds, n), n)
        if current in names:
            self.beside.setCurrentIndex(self.beside.findData(current))
        elif names:
            newest = rules.newest(ds) or rules.newest(ds, None)
            self.beside.setCurrentIndex(max(self.beside.findData(newest), 0))
        self.beside.blockSignals(False)
        has = bool(names)
        self.beside.setEnabled(has)
        self.mode_button.setEnabled(has)
        for action in (self.compare_action, self.restore_action, self.rename_action,
                       self.delete_action):
            action.setEnabled(has)
        self.page.matrix_model.version_name = self.chosen()
        if not has and self.page.matrix_model.mode() == "version":
            self.page.set_mode("both")

    def chosen(self) -> str | None:
        data = self.beside.currentData()
        return None if data is None else str(data)

    def legend(self) -> str:
        return fmt.tr_fmt(self.tr("cells: homes in the active plan / <span style='color:%1'>"
                                  "in version %2</span>"), theme.VERSION, self.chosen() or "")

    def _tables_changed(self, tables) -> None:
        if tables & VERSION_TABLES:
            self.fill()
            self.page._rebuild_matrix()        # the version's figures, shown or not

    def _beside_changed(self, _i) -> None:
        self.page.matrix_model.version_name = self.chosen()
        self.page._rebuild_matrix()
        if self.chosen() is not None:
            self.page.set_mode("version")

    def version_matrix(self, years: list[int]) -> pd.DataFrame | None:
        """The chosen version's homes per year for the page's filters."""
        from .programme import filter_mask
        from ..models import programme

        name = self.chosen()
        ds = self.controller.dataset
        if name is None or rules.version_header(ds, name) is None:
            return None
        vds = rules.plan_dataset(ds, name)
        owner = vds.projects_with_owner()
        owner["status"] = owner["status"].astype("string").fillna("gepland")
        mask = filter_mask(owner, *self.page.filters())
        if not mask.all():
            vds = vds.with_tables(projects=vds.projects[mask].reset_index(drop=True))
        if len(years) > 1:      # no year filter: the version's own years too
            own = [int(y) for y in vds.projects["year"].dropna()]
            years = sorted(set(years) | set(own))
            years = list(range(min(years), max(years) + 1))
        return programme.matrix(vds, years)

    # ----- actions -------------------------------------------------------------------
    def _run(self, use_case, text: str) -> bool:
        return bool(self.page._run(use_case, text))

    def save(self, name: str, kind: str = "plan", note: str | None = None) -> bool:
        text = fmt.tr_fmt(self.tr("Save version %1"), name)
        return self._run(lambda _r: edits.save_active(self.controller.dataset, name, kind,
                                                      note or None), text)

    def save_dialog(self) -> None:
        dialog = SaveVersionDialog(self.page)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.name.text(), dialog.kind.currentData(), dialog.note.text())
        dialog.deleteLater()

    def compare(self, b: str | None = None, a: str | None = None) -> CompareDialog:
        ds = self.controller.dataset
        b = b or self.chosen() or rules.newest(ds) or rules.newest(ds, None)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = CompareDialog(self.controller, a, b, self.page)
        return self.dialog

    def compare_dialog(self) -> None:
        self.compare().show()

    def _choose(self, title: str) -> str | None:
        ds = self.controller.dataset
        names = rules.version_names(ds)
        if not names:
            return None
        current = self.chosen()
        text, ok = QInputDialog.getItem(self.page, title, self.tr("Version"), names,
                                        names.index(current) if current in names else 0, False)
        return text if ok and text else None

    def restore(self, name: str) -> bool:
        text = fmt.tr_fmt(self.tr("Restore version %1"), name)
        return self._run(lambda _r: edits.restore_version(self.controller.dataset, name), text)

    def restore_dialog(self) -> None:
        name = self._choose(self.tr("Restore version"))
        if name is None:
            return
        answer = QMessageBox.question(self.page, self.tr("Restore version"), fmt.tr_fmt(self.tr(
            "Make %1 the active plan? Projects agreed, in progress or done stay as they are; "
            "Ctrl+Z undoes it."), name))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(name)

    def rename(self, old: str, new: str) -> bool:
        text = fmt.tr_fmt(self.tr("Rename version %1"), old)
        return self._run(lambda _r: edits.rename_version(self.controller.dataset, old, new), text)

    def rename_dialog(self) -> None:
        name = self._choose(self.tr("Rename version"))
        if name is None:
            return
        new, ok = QInputDialog.getText(self.page, self.tr("Rename version"), self.tr("New name"),
                                       text=name)
        if ok:
            self.rename(name, new)

    def delete(self, name: str) -> bool:
        text = fmt.tr_fmt(self.tr("Delete version %1"), name)
        return self._run(lambda _r: edits.delete_version(self.controller.dataset, name), text)

    def delete_dialog(self) -> None:
        name = self._choose(self.tr("Delete version"))
        if name is not None:
            self.delete(name)


# ----- the CO2 page -------------------------------------------------------------------
class Co2Versions(QObject):
    """The CO2 page's choice of a version (default: the newest proposal, else the newest
    version) whose emissions are drawn beside the plan's and the path."""

    def __init__(self, page, row: QHBoxLayout):
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setToolTip(self.tr("Draw a saved plan version's emissions beside the "
                                      "active plan's"))
        self.label = QLabel(self.tr("Compare with:"))
        at = max(row.count() - 2, 0)         # before the row's last two buttons
        row.insertWidget(at, self.label)
        row.insertWidget(at + 1, self.combo)
        row.insertSpacing(at + 2, 12)
        self._cache: tuple | None = None
        self._touched = False                # the user chose; else the newest proposal
        self.fill()
        self.combo.activated.connect(lambda _i: setattr(self, "_touched", True))
        self.combo.currentIndexChanged.connect(lambda _i: self.page._draw())
        self.controller.changed.connect(self._tables_changed)

    def fill(self) -> None:
        ds = self.controller.dataset
        names = rules.version_names(ds)
        current = self.chosen()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("no version"), None)
        for n in names:
            self.combo.addItem(version_label(ds, n), n)
        if self._touched and current in names:
            pick = current
        else:
            pick = rules.newest(ds) or rules.newest(ds, None)
        self.combo.setCurrentIndex(max(self.combo.findData(pick), 0) if pick else 0)
        self.combo.blockSignals(False)
        self.combo.setEnabled(bool(names))

    def chosen(self) -> str | None:
        data = self.combo.currentData()
        return None if data is None else str(data)

    def choose(self, name: str | None) -> None:
        self._touched = True
        self.combo.setCurrentIndex(max(self.combo.findData(name), 0) if name else 0)

    def _tables_changed(self, tables) -> None:
        if tables & VERSION_TABLES:
            self.fill()
            self.page._draw()

    def tonnes(self, kind: str, name: str | None):
        """The chosen version's tonnes per year for the page's scope, base year and
        factors (None: no version)."""
        from .co2_charts import scope_series

        version = self.chosen()
        ds = self.controller.dataset
        if version is None or rules.version_header(ds, version) is None:
            return None
        base_year = self.page.base_year.value()
        factors = self.page.factors_argument()
        key = (version, id(ds.plan_version_projects), id(ds.projects), id(ds.complexes),
               id(ds.dwellings), id(ds.emission_factors), base_year, repr(factors))
        if self._cache is None or self._cache[0] != key:
            result, _w = co2_model.emissions(rules.plan_dataset(ds, version), base_year,
                                             HORIZON_YEAR, factors=factors, use=self.page._use)
            self._cache = (key, result)
        series = scope_series(self._cache[1], kind, name)
        return series.years, series.tonnes

    def draw(self) -> None:
        """Draw (or remove) the version line in the page's emissions chart."""
        drawing = self.page.drawing
        if "emissions" not in drawing.charts:
            return
        kind, name = self.page.current_scope()
        values = self.tonnes(kind, name)
        if values is None:
            drawing.clear_version_line()
            return
        drawing.set_version_line(values[0], values[1],
                                 fmt.tr_fmt(self.tr("Version %1"), self.chosen()))


__all__ = ["ProgrammeVersions", "CompareDialog", "Co2Versions", "VersionMatrixModel",
           "VersionMatrixDelegate", "SaveVersionDialog", "kind_text"]
