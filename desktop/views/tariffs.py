"""Tariffs and factors page: energy tariffs and emission factors per year (editable),
rent limits and the measures catalogue (read-only for now).

Built-in defaults are never stored as rows: a workspace without tariffs (or emission
factors) uses the defaults, which this page shows greyed with their source and
estimate marks.  As soon as the workspace has one row, its rows are used and a year
without a row takes the nearest earlier year, else the nearest later one
(:func:`desktop.models.yearly.resolve_years`).  Edits go through the controller as
``Upsert`` / ``Delete`` / ``Batch`` commands, so each is one undo step.
"""
from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..models import defaults
from ..models.measures import CATALOGUE
from ..store.commands import Batch, Delete, Upsert
from ..store.workspace import WorkspaceError
from . import fmt
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .widgets import data_table, section_label

YEAR_MIN, YEAR_MAX = 2000, 2100
GREY = QColor("#8a8f98")
ESTIMATE = QColor("#fff4d6")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TariffsPage", text)


# --------------------------------------------------------------------------------------
# pure helpers (tested without widgets)
def parse_value(text: str) -> float | None:
    """A number typed by the user: accepts the locale's notation and both '.' and ','
    as decimal separator (one of them, no thousands separators).  None if invalid."""
    t = (text or "").strip().replace("€", "").replace(" ", "")
    if not t:
        return None
    value, ok = QLocale().toDouble(t)
    if not ok:
        t2 = t.replace(",", ".")
        try:
            value = float(t2)
        except ValueError:
            return None
    if math.isnan(value) or math.isinf(value):
        return None
    return float(value)


def validate_row(year: int | None, values: dict[str, str], labels: dict[str, str]
                 ) -> tuple[dict[str, float], dict[str, str]]:
    """Check a year (2000–2100) and values (numbers ≥ 0).  Returns (parsed values,
    errors by field); errors are translated messages."""
    errors: dict[str, str] = {}
    parsed: dict[str, float] = {}
    if year is None or not YEAR_MIN <= int(year) <= YEAR_MAX:
        errors["year"] = _tr("The year must be between %1 and %2.").replace(
            "%1", str(YEAR_MIN)).replace("%2", str(YEAR_MAX))
    for key, text in values.items():
        v = parse_value(text)
        if v is None:
            errors[key] = _tr("%1: enter a number.").replace("%1", labels.get(key, key))
        elif v < 0:
            errors[key] = _tr("%1 cannot be negative.").replace("%1", labels.get(key, key))
        else:
            parsed[key] = v
    return parsed, errors


def defaults_frame(kind: str) -> pd.DataFrame:
    """The built-in rows of ``kind`` ('tariffs' or 'emission_factors') with source and
    estimate flag."""
    if kind == "tariffs":
        rows = [{"year": d.year, "gas_eur_m3": d.gas_eur_m3,
                 "electricity_eur_kwh": d.electricity_eur_kwh, "estimate": d.estimate,
                 "source": d.source} for d in defaults.DEFAULT_TARIFFS]
    else:
        rows = [{"year": d.year, "gas_kg_m3": d.gas_kg_m3,
                 "electricity_kg_kwh": d.electricity_kg_kwh, "estimate": False,
                 "source": d.source + (" — " + _tr("stands for every year") if len(
                     defaults.DEFAULT_EMISSION_FACTORS) == 1 else "")}
                for d in defaults.DEFAULT_EMISSION_FACTORS]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
class YearValuesDialog(QDialog):
    """Add or edit one row of a per-year table: a year and a few non-negative values."""

    def __init__(self, title: str, fields: list[tuple[str, str]], year: int | None = None,
                 values: dict[str, float] | None = None, existing: set[int] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = fields
        self.labels = dict(fields)
        self.existing = set(existing or ()) - ({year} if year is not None else set())
        self.editing = year is not None
        form = QFormLayout(self)
        self.year_edit = QSpinBox()
        self.year_edit.setRange(YEAR_MIN, YEAR_MAX)
        self.year_edit.setValue(year if year is not None else 2024)
        self.year_edit.setEnabled(not self.editing)   # the year is the key
        form.addRow(self.tr("Year"), self.year_edit)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in fields:
            edit = QLineEdit()
            v = (values or {}).get(key)
            if v is not None and not pd.isna(v):
                edit.setText(QLocale().toString(float(v), "g", 12))
            form.addRow(label, edit)
            self.edits[key] = edit
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_values: dict[str, float] = {}

    def validate(self) -> dict[str, str]:
        year = self.year_edit.value()
        parsed, errors = validate_row(year, {k: e.text() for k, e in self.edits.items()},
                                      self.labels)
        if not self.editing and year in self.existing:
            errors["year"] = self.tr("%1 already has a row: edit that row instead.").replace(
                "%1", str(year))
        self.result_values = parsed
        return errors

    def accept(self) -> None:  # noqa: D401 - Qt override
        errors = self.validate()
        if errors:
            self.error.setText("\n".join(errors.values()))
            return
        super().accept()

    def year(self) -> int:
        return self.year_edit.value()


# --------------------------------------------------------------------------------------
def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    label.setStyleSheet("color:#4a5058")
    return label


class YearTable(QWidget):
    """One editable per-year table (tariffs or emission factors) with its defaults."""

    def __init__(self, page: "TariffsPage", kind: str, title: str,
                 fields: list[tuple[str, str, int]], parent=None):
        super().__init__(parent)
        self.page = page
        self.kind = kind
        self.fields = fields
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section_label(title))
        self.state = _hint()
        lay.addWidget(self.state)
        cols = [ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v),
                           NUMBER_ALIGN)]
        for key, label, decimals in fields:
            cols.append(ColumnSpec(key, label, lambda v, d=decimals: fmt.number(v, d),
                                   NUMBER_ALIGN))
        cols.append(ColumnSpec("status", self.tr("In force as")))
        cols.append(ColumnSpec("source", self.tr("Source")))
        self.model = FrameTableModel(cols, key="year")
        self.model.set_role_provider(Qt.ItemDataRole.ForegroundRole, self._foreground)
        self.model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._background)
        self.model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._tip)
        self.view = data_table(self.model, stretch=len(cols) - 1, sortable=False, single_selection=True)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add year…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.copy_button = QPushButton(self.tr("Copy defaults into the workspace to edit them"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button.clicked.connect(self.copy_defaults)
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        lay.addLayout(copy_row)
        self.extra_buttons = buttons
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.from_defaults = True

    # ----- content -----------------------------------------------------------------
    def refresh(self, table: pd.DataFrame) -> None:
        value_keys = [k for k, _l, _d in self.fields]
        if len(table):
            frame = table[["year", *value_keys]].copy()
            frame["year"] = frame["year"].astype("Int64")
            frame = frame.sort_values("year").reset_index(drop=True)
            frame["estimate"] = False
            frame["status"] = self.tr("workspace")
            frame["source"] = self.tr("entered in this workspace")
            self.from_defaults = False
            self.state.setText(self.tr(
                "The workspace's rows are in force; a year without a row takes the nearest "
                "earlier year, else the nearest later one. The built-in defaults are not used "
                "while the workspace has rows."))
        else:
            frame = defaults_frame(self.kind)
            frame["status"] = [self.tr("built-in default, estimate") if e
                               else self.tr("built-in default") for e in frame["estimate"]]
            self.from_defaults = True
            self.state.setText(self.tr(
                "The workspace has no rows: the built-in defaults (grey) are in force, each "
                "year taking the nearest earlier default year, else the nearest later one. "
                "Add a year or copy the defaults to edit them."))
        self.model.set_frame(frame)
        self._update_buttons()

    def _foreground(self, row: int, col: int):
        return QBrush(GREY) if self.from_defaults else None

    def _background(self, row: int, col: int):
        if self.from_defaults and bool(self.model.frame().at[row, "estimate"]):
            return QBrush(ESTIMATE)
        return None

    def _tip(self, row: int, col: int):
        if self.from_defaults:
            text = self.tr("Built-in default: %1").replace("%1", str(self.model.frame().at[row, "source"]))
            if bool(self.model.frame().at[row, "estimate"]):
                text += "\n" + self.tr("Estimate: replace it with known tariffs.")
            return text
        return None

    def selected_year(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.key_at(rows[0].row())

    def select_year(self, year: int) -> None:
        row = self.model.row_of(year)
        if row is not None:
            self.view.selectRow(row)

    def _update_buttons(self, *_args) -> None:
        has = self.selected_year() is not None and not self.from_defaults
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.copy_button.setEnabled(self.from_defaults)
        self.copy_button.setVisible(self.from_defaults)

    # ----- edits -------------------------------------------------------------------
    def _labels(self) -> list[tuple[str, str]]:
        return [(k, label) for k, label, _d in self.fields]

    def _existing(self) -> set[int]:
        return set() if self.from_defaults else {int(y) for y in self.model.frame()["year"]}

    def make_dialog(self, year: int | None = None) -> YearValuesDialog:
        values = None
        if year is not None:
            row = self.model.frame()[self.model.frame()["year"] == year].iloc[0]
            values = {k: row[k] for k, _l, _d in self.fields}
        title = self.tr("Edit %1").replace("%1", str(year)) if year is not None else self.tr("Add year")
        return YearValuesDialog(title, self._labels(), year, values, self._existing(), self)

    def add(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.year(), dialog.result_values)

    def edit_selected(self) -> None:
        year = self.selected_year()
        if year is None or self.from_defaults:
            return
        dialog = self.make_dialog(year)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(year, dialog.result_values)

    def save(self, year: int, values: dict[str, float]) -> bool:
        """Store one row (insert or update), as one undo step."""
        text = (self.tr("Set tariffs %1") if self.kind == "tariffs"
                else self.tr("Set emission factors %1")).replace("%1", str(year))
        ok = self.page.run(Upsert(self.kind, {"year": int(year)},
                                  {k: float(v) for k, v in values.items()}, label=text), text)
        if ok:
            self.select_year(int(year))
        return ok

    def delete_selected(self) -> bool:
        year = self.selected_year()
        if year is None or self.from_defaults:
            return False
        text = (self.tr("Delete tariffs %1") if self.kind == "tariffs"
                else self.tr("Delete emission factors %1")).replace("%1", str(year))
        return self.page.run(Delete(self.kind, {"year": int(year)}, label=text), text)

    def copy_defaults(self) -> bool:
        if not self.from_defaults:
            return False
        frame = defaults_frame(self.kind)
        keys = [k for k, _l, _d in self.fields]
        text = self.tr("Copy default tariffs") if self.kind == "tariffs" \
            else self.tr("Copy default emission factors")
        cmds = tuple(Upsert(self.kind, {"year": int(r["year"])},
                            {k: float(r[k]) for k in keys}, label=text)
                     for _, r in frame.iterrows())
        return self.page.run(Batch(cmds, label=text), text)


class TariffsPage(QWidget):
    key = "settings"

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = QLabel(self.tr("Tariffs and factors"))
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.heading.setFont(f)
        lay.addWidget(self.heading)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(14)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.tariffs = YearTable(self, "tariffs", self.tr("Energy tariffs per year (marginal, incl. taxes)"), [
            ("gas_eur_m3", self.tr("Gas €/m³"), 3),
            ("electricity_eur_kwh", self.tr("Electricity €/kWh"), 3)])
        self.factors = YearTable(self, "emission_factors", self.tr("CO2 emission factors per year"), [
            ("gas_kg_m3", self.tr("Gas kg CO2/m³"), 3),
            ("electricity_kg_kwh", self.tr("Electricity kg CO2/kWh"), 4)])
        self.scenario_button = QPushButton(self.tr("Apply scenario: cleaner grid"))
        self.scenario_button.setToolTip(self.tr(
            "Writes factors for 2020–2050: electricity 0.497 kg/kWh up to 2025, then falling "
            "linearly to 0 in 2050; gas unchanged. One step, undoable."))
        self.scenario_button.clicked.connect(self.apply_cleaner_grid)
        self.factors.extra_buttons.addWidget(self.scenario_button)

        left.addWidget(self.tariffs, 1)
        left.addWidget(self.factors, 1)

        # rent limits (read-only)
        limits = QWidget()
        ll = QVBoxLayout(limits)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(section_label(self.tr("Rent limits per year (read-only)")))
        ll.addWidget(_hint(self.tr(
            "Built-in (source: Belastingdienst). A rent pushed over the aftoppingsgrens or the "
            "liberalisatiegrens is flagged; later years use the latest year here. From %1 on, "
            "any rent increase for energy measures is flagged (no longer allowed).")
            .replace("%1", str(defaults.NO_ENERGY_RENT_INCREASE_FROM))))
        self.limits_model = FrameTableModel([
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("aftopping_small_cents", self.tr("Aftoppingsgrens\n1–2 persons"),
                       fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("aftopping_large_cents", self.tr("Aftoppingsgrens\n3+ persons"),
                       fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("liberalisation_cents", self.tr("Liberalisatie-\ngrens"),
                       fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("source", self.tr("Source")),
        ], key="year")
        self.limits_model.set_frame(pd.DataFrame([
            {"year": r.year, "aftopping_small_cents": r.aftopping_small_cents,
             "aftopping_large_cents": r.aftopping_large_cents,
             "liberalisation_cents": r.liberalisation_cents, "source": r.source}
            for r in defaults.DEFAULT_RENT_LIMITS]))
        self.limits_view = data_table(self.limits_model, stretch=4, sortable=False, single_selection=True)
        self.limits_view.setMaximumHeight(self.limits_view.verticalHeader().defaultSectionSize()
                                          * (len(defaults.DEFAULT_RENT_LIMITS) + 2) + 8)
        ll.addWidget(self.limits_view)
        right.addWidget(limits)

        # measures catalogue (read-only)
        cat = QWidget()
        cl = QVBoxLayout(cat)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(section_label(self.tr("Measures catalogue (read-only)")))
        cl.addWidget(_hint(self.tr(
            "Default effects per dwelling per year, used to propose a project's savings (the "
            "project's own numbers count). Amber: unverified estimate.")))
        self.catalogue_model = FrameTableModel([
            ColumnSpec("name", self.tr("Measure")),
            ColumnSpec("gas", self.tr("Gas saving\nm³/yr"), self._gas_text, NUMBER_ALIGN),
            ColumnSpec("electricity", self.tr("Electricity\nsaving kWh/yr"),
                       lambda v: fmt.number(v), NUMBER_ALIGN),
            ColumnSpec("cost", self.tr("Cost per\ndwelling"), lambda v: fmt.money(v, 0),
                       NUMBER_ALIGN),
            ColumnSpec("status", self.tr("Status")),
        ], key="key")
        self.catalogue_model.set_frame(catalogue_frame())
        self.catalogue_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._cat_colour)
        self.catalogue_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._cat_tip)
        self.catalogue_view = data_table(self.catalogue_model, stretch=4, sortable=False, single_selection=True)
        cl.addWidget(self.catalogue_view, 1)
        right.addWidget(cat, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay.addLayout(columns, 1)

        self.message = QLabel()
        self.message.setStyleSheet("color:#b3261e")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        controller.changed.connect(self.refresh)
        self.refresh()

    # ----- data ----------------------------------------------------------------------
    def refresh(self, tables=None) -> None:
        ds = self.controller.dataset
        if tables is None or "tariffs" in tables:
            self.tariffs.refresh(ds.tariffs)
        if tables is None or "emission_factors" in tables:
            self.factors.refresh(ds.emission_factors)

    def run(self, command, text: str) -> bool:
        """Execute a store command (one undo step); show a refusal instead of raising."""
        try:
            self.controller.execute(command, text)
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText("")
        return True

    def apply_cleaner_grid(self) -> bool:
        """Write the 'cleaner grid' scenario (2020–2050) as emission factor rows, in one
        Batch (one undo step)."""
        text = self.tr("Apply scenario: cleaner grid")
        cmds = tuple(Upsert("emission_factors", {"year": r.year},
                            {"gas_kg_m3": float(r.gas_kg_m3),
                             "electricity_kg_kwh": float(r.electricity_kg_kwh)}, label=text)
                     for r in defaults.cleaner_grid_scenario())
        return self.run(Batch(cmds, label=text), text)

    # ----- catalogue -----------------------------------------------------------------
    def _gas_text(self, v) -> str:
        return self.tr("all gas use") if v is None else fmt.number(v)

    def _cat_colour(self, row: int, col: int):
        key = self.catalogue_model._specs[col].key
        r = self.catalogue_model.frame().iloc[row]
        if key in ("gas", "electricity") and r["savings_unverified"]:
            return QBrush(ESTIMATE)
        if key == "cost" and r["cost_unverified"]:
            return QBrush(ESTIMATE)
        return None

    def _cat_tip(self, row: int, col: int):
        r = self.catalogue_model.frame().iloc[row]
        text = f"{r['dutch']} — {r['english']}\n" + self.tr("Source: %1").replace("%1", r["source"])
        if r["note"]:
            text += f"\n{r['note']}"
        return text


def catalogue_frame() -> pd.DataFrame:
    rows = []
    for m in CATALOGUE:
        if m.savings_unverified and m.cost_unverified:
            status = [_tr("savings and cost estimated")]
        elif m.savings_unverified:
            status = [_tr("savings estimated")]
        elif m.cost_unverified:
            status = [_tr("cost estimated")]
        else:
            status = []
        rows.append({"key": m.key, "name": m.dutch, "dutch": m.dutch,
                     "english": m.english, "gas": m.gas_saving_m3,
                     "electricity": m.electricity_saving_kwh, "cost": m.cost_per_dwelling_eur,
                     "status": ", ".join(status) or _tr("domain.md figures"),
                     "source": m.source, "note": m.note,
                     "savings_unverified": m.savings_unverified,
                     "cost_unverified": m.cost_unverified})
    frame = pd.DataFrame(rows)
    frame["gas"] = frame["gas"].astype(object)
    return frame
