"""Plan versions in the window (issue 21.3 and 21.5).

* :class:`ProgrammeVersions`: the programme page's *Versions* menu (save the active plan
  as a version, compare, restore, rename, delete) and the choice of a version whose homes
  per year the matrix shows beside the active plan's ("active / version").
* :class:`~desktop.views.version_compare.CompareDialog` (its own module): two plans side
  by side with *Adopt this step*.
* :class:`Co2Versions`: the CO2 page's choice of a version (default: the newest
  proposal) drawn as an extra line beside the plan and the path.

The figures come from :mod:`desktop.models.versions`; every change goes through the
edits layer and :meth:`Controller.run`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QMenu, QMessageBox, QToolButton,
)

from .. import edits
from ..models import co2 as co2_model
from ..models import versions as rules
from ..models.defaults import HORIZON_YEAR
from . import fmt, theme
from .programme_models import MatrixDelegate, MatrixModel
from .widgets import hint_label

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


# ----- the programme page --------------------------------------------------------------
class ProgrammeVersions(QObject):
    """The programme page's Versions menu and its matrix comparison.  Built by the page
    with the layouts to put its widgets in; reads the page only through ``page.filters()``
    and its matrix."""

    def __init__(self, page, top_row: QHBoxLayout, mode_row: QHBoxLayout):
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.dialog = None             # the open CompareDialog
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

    def compare(self, b: str | None = None, a: str | None = None):
        from .version_compare import CompareDialog

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


__all__ = ["ProgrammeVersions", "Co2Versions", "VersionMatrixModel",
           "VersionMatrixDelegate", "SaveVersionDialog", "kind_text"]
