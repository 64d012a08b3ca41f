"""The project form and the capacity form of the Programme page.

Dialogs collect parameters; the page acts.  :class:`ProjectDialog` checks the fields
with :func:`desktop.edits.check_project` and shows each message next to its field; on
OK it hands the values (store units: money in whole cents) to the ``submit`` callable
of the page, which runs the edit through the controller (:meth:`Controller.run
<desktop.views.controller.Controller.run>`) in one transaction.  When the store refuses
a status change because tenant support is not reached, the window's one reason dialog
asks why (:meth:`ProjectDialog.ask_reason`); any other refusal is shown in the dialog's
banner (:meth:`ProjectDialog.say`), which stays open — nothing is half-saved.
"""
from __future__ import annotations

import math
from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from .. import edits
from ..models import fields, measures
from ..models.dataset import YEAR_MAX, YEAR_MIN
from ..models.enums import LABELS, Status, parse_label
from . import fmt, theme
from .controller import Outcome, ask_reason
from .measures_picker import MeasuresPicker
from .widgets import ok_cancel

ERROR_STYLE = theme.text_style(theme.ERROR)

# The form's fields and their kinds come from the field registry; the layout below
# places each (its editor, translated label and tip).
PROJECT = fields.table("projects")
FIELDS = fields.form_fields("projects")


parse_number = fmt.read_number     # a number typed by the user (one parser for every field)


def euros_to_cents(text: str) -> Any:
    """Whole cents from a euro amount; the text itself (for the validator's message)
    when it is not a number; a float when it has fractions of a cent; None when blank."""
    if not str(text).strip():
        return None
    euros = parse_number(text)
    if euros is None:
        return str(text)
    cents = euros * 100
    return int(round(cents)) if abs(cents - round(cents)) < 1e-6 else cents


def _euros_text(cents) -> str:
    if cents is None or cents is pd.NA or (isinstance(cents, float) and math.isnan(cents)):
        return ""
    return QLocale().toString(int(cents) / 100, "f", 2)


def _number_text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    return QLocale().toString(v, "f", 0 if v == int(v) else 2)


class _Field(QWidget):
    """An input with its error message underneath."""

    def __init__(self, editor: QWidget, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(editor)
        lay.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class ProjectDialog(QDialog):
    """Create or edit one project.

    ``complexes``: frame with complex, corporation, neighbourhood, dwellings (homes);
    ``project``: the current values (None for a new project); ``existing``: project
    ids already in use; ``submit(values, dialog)`` runs the edit and returns the
    controller's :class:`~desktop.views.controller.Outcome`.  ``catalogue``: the measures catalogue in force
    (:func:`desktop.models.measures.catalogue`); when None, that of the parent page's
    controller, else the built-in one."""

    def __init__(self, complexes: pd.DataFrame, existing: set[str],
                 submit: Callable[[dict[str, Any], "ProjectDialog"], Outcome],
                 project: dict[str, Any] | None = None, parent=None,
                 catalogue: list | None = None):
        super().__init__(parent)
        if catalogue is None and getattr(parent, "controller", None) is not None:
            catalogue = measures.catalogue(parent.controller.dataset)
        self._catalogue = catalogue
        self.setObjectName("projectDialog")
        self._submit = submit
        self._existing = set(existing)
        self._original = dict(project) if project else None
        self._complexes = complexes.set_index("complex", drop=False) if len(complexes) else complexes
        self._known = set(complexes["complex"].astype(str)) if len(complexes) else set()
        self.setWindowTitle(self.tr("New project") if project is None
                            else fmt.tr_fmt(self.tr("Project %1"), str(project["project"])))
        self.setMinimumWidth(580)

        lay = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"background: {theme.BAD_BG}; color: {theme.BAD_TEXT}; padding: 6px;")
        self.banner.hide()
        lay.addWidget(self.banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lay.addLayout(form)
        self.fields: dict[str, _Field] = {}
        self.inputs: dict[str, QLineEdit | QComboBox] = {}     # field -> where its value is typed

        def add(name: str, label: str, editor: QWidget, tip: str | None = None,
                entry: QLineEdit | QComboBox | None = None) -> None:
            field = _Field(editor)
            if tip:
                editor.setToolTip(tip)
            self.fields[name] = field
            self.inputs[name] = entry if entry is not None else editor
            form.addRow(label, field)

        self.project_edit = QLineEdit()
        self.project_edit.setPlaceholderText(self.tr("e.g. P-27-002"))
        add("project", self.tr("Project"), self.project_edit)

        self.complex_edit = QComboBox()
        self.complex_edit.setEditable(True)
        self.complex_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        ids = sorted(self._known)
        self.complex_edit.addItems(ids)
        completer = QCompleter(ids, self.complex_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.complex_edit.setCompleter(completer)
        self.complex_edit.setCurrentIndex(-1)
        self.complex_info = QLabel()
        self.complex_info.setObjectName("hint")
        box = QWidget()
        box_lay = QVBoxLayout(box)
        box_lay.setContentsMargins(0, 0, 0, 0)
        box_lay.setSpacing(2)
        box_lay.addWidget(self.complex_edit)
        box_lay.addWidget(self.complex_info)
        add("complex", self.tr("Complex"), box, self.tr("The project covers every home of the complex"),
            entry=self.complex_edit)
        self.complex_edit.currentTextChanged.connect(self._complex_changed)

        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(f"{YEAR_MIN}–{YEAR_MAX}")
        add("year", self.tr("Year of completion"), self.year_edit,
            self.tr("Savings count from this year on"))

        self.status_edit = QComboBox()
        for status in Status:
            self.status_edit.addItem(fmt.listed(status), status.value)
            self.status_edit.setItemData(self.status_edit.count() - 1, fmt.listed_other(status),
                                         Qt.ItemDataRole.ToolTipRole)
        add("status", self.tr("Status"), self.status_edit,
            fmt.tr_fmt(self.tr("From '%1' on, a project of 10 or more homes needs 70 % tenant "
                               "support or a reason"), fmt.listed(Status.AGREED)))

        self.measures_edit = QLineEdit()
        self.measures_edit.setPlaceholderText(self.tr("e.g. dakisolatie; hr++ glas; zonnepanelen"))
        self.catalogue_button = QPushButton(self.tr("Catalogue…"))
        self.catalogue_button.setToolTip(self.tr(
            "Choose measures from the catalogue; it can propose the savings and the investment"))
        self.catalogue_button.clicked.connect(self.choose_measures)
        measures_box = QWidget()
        measures_lay = QHBoxLayout(measures_box)
        measures_lay.setContentsMargins(0, 0, 0, 0)
        measures_lay.addWidget(self.measures_edit, 1)
        measures_lay.addWidget(self.catalogue_button)
        add("measures", self.tr("Measures"), measures_box, self.tr("Separate measures with ';'"),
            entry=self.measures_edit)

        self.label_edit = QComboBox()
        self.label_edit.setEditable(True)
        self.label_edit.addItem("")
        self.label_edit.addItems(list(LABELS))
        add("label_after", self.tr("Energy label after"), self.label_edit)
        self.ep2_after_edit = QLineEdit()
        add("ep2_after_kwh_m2", self.tr("EP2 after (kWh/m² per year)"), self.ep2_after_edit,
            self.tr("The energy index after the retrofit; gives the label after"))
        self.heat_after_edit = QLineEdit()
        add("heat_demand_after_kwh_m2", self.tr("Heat demand after (kWh/m² per year)"),
            self.heat_after_edit,
            self.tr("Net heat demand after the measures, compared with the insulation standard"))

        self.gas_edit = QLineEdit()
        add("gas_saving_m3", self.tr("Gas saving (m³ per home per year)"), self.gas_edit)
        self.elec_edit = QLineEdit()
        add("electricity_saving_kwh", self.tr("Electricity saving (kWh per home per year)"),
            self.elec_edit, self.tr("May be negative: a heat pump uses more electricity"))
        self.rent_edit = QLineEdit()
        add("rent_increase_cents", self.tr("Rent increase (€ per home per month)"), self.rent_edit)
        self.investment_edit = QLineEdit()
        add("investment_cents", self.tr("Investment (€ per home)"), self.investment_edit)

        self.buttons = ok_cancel(self)
        lay.addWidget(self.buttons)

        self._fill(project or {})

    # ----- measures catalogue -------------------------------------------------------
    def measures_picker_dialog(self) -> tuple[QDialog, MeasuresPicker]:
        """The catalogue in a small dialog; 'Propose savings' fills this form's fields."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Measures from the catalogue"))
        lay = QVBoxLayout(dialog)
        picker = MeasuresPicker(dialog, self._catalogue)
        picker.set_measures(self.measures_edit.text())
        key = self.complex_edit.currentText().strip()
        if key in self._known and "gas_m3" in self._complexes.columns:
            gas = self._complexes.loc[key, "gas_m3"]
            if gas is not None and gas is not pd.NA and not (isinstance(gas, float) and math.isnan(gas)):
                picker.set_base_gas(float(gas))
        picker.proposed.connect(self._take_proposal)
        lay.addWidget(picker)
        buttons = ok_cancel(dialog)
        lay.addWidget(buttons)
        dialog.accepted.connect(lambda: self.measures_edit.setText(picker.measures_text()))
        return dialog, picker

    def choose_measures(self) -> None:
        dialog, _picker = self.measures_picker_dialog()
        dialog.exec()

    def _take_proposal(self, gas_m3: float, kwh: float, investment_cents: int) -> None:
        self.gas_edit.setText(_number_text(gas_m3))
        self.elec_edit.setText(_number_text(kwh))
        self.investment_edit.setText(_euros_text(investment_cents))

    # ----- content -----------------------------------------------------------------
    def _fill(self, p: dict[str, Any]) -> None:
        def text(v) -> str:
            return "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else str(v)

        for name, edit in self.inputs.items():
            kind, value = PROJECT.field(name).kind, p.get(name)
            if kind == "status":
                status = text(value) or Status.PLANNED.value
                try:
                    status = Status.parse(status).value
                except ValueError:
                    pass
                edit.setCurrentIndex(max(0, edit.findData(status)))
            elif isinstance(edit, QComboBox):
                edit.setEditText(text(value))
            else:
                edit.setText(_number_text(value) if kind == "number"
                             else _euros_text(value) if kind == "money" else text(value))
        self.project_edit.setReadOnly(self._original is not None)
        if self._original is not None:
            self.project_edit.setToolTip(self.tr("The project id cannot be changed"))
        self.measures_edit.setCursorPosition(0)
        self._complex_changed(self.complex_edit.currentText())

    def _complex_changed(self, text: str) -> None:
        key = text.strip()
        if key in self._known:
            row = self._complexes.loc[key]
            homes = row["dwellings"] if "dwellings" in row else None
            parts = [str(row["corporation"]), str(row["neighbourhood"])]
            if homes is not None and homes is not pd.NA:
                parts.append(self.tr("%Ln home(s)", "", int(homes)))
            self.complex_info.setText(" · ".join(parts))
        else:
            self.complex_info.setText("")

    def raw_values(self) -> dict[str, Any]:
        """The fields as the validator reads them (numbers parsed where possible)."""
        def number(t: str):
            t = t.strip()
            if not t:
                return None
            x = parse_number(t)
            return t if x is None else x

        out: dict[str, Any] = {}
        for name, edit in self.inputs.items():
            field = PROJECT.field(name)
            if field.kind == "status":
                out[name] = edit.currentData()
                continue
            t = edit.currentText() if isinstance(edit, QComboBox) else edit.text()
            if field.kind == "number":
                out[name] = number(t)
            elif field.kind == "money":
                out[name] = euros_to_cents(t)
            else:           # a required text stays "" when empty (the validator says so)
                out[name] = t.strip() if field.required else (t.strip() or None)
        return out

    def validate(self) -> dict[str, str]:
        """Show every field's message; return field -> message (empty when all is well)."""
        try:
            edits.check_project(self.raw_values(), self._known, self._existing,
                                new=self._original is None)
            errors: dict[str, str] = {}
        except edits.EditError as exc:
            errors = exc.messages(fmt.language())
        for name, field in self.fields.items():
            field.set_error(errors.get(name))
        return errors

    def values(self) -> dict[str, Any]:
        """The valid values in store units (call after :meth:`validate` passed)."""
        out: dict[str, Any] = {}
        for name, value in self.raw_values().items():
            field = PROJECT.field(name)
            if value is None:       # an empty optional field takes its default
                out[name] = field.default
            elif field.kind == "int":
                out[name] = int(float(value))
            elif field.kind == "number":
                out[name] = float(value)
            elif field.kind == "money":
                out[name] = int(value)
            elif field.kind == "label" and value:
                out[name] = parse_label(value)
            else:
                out[name] = value
        return out

    def ask_reason(self, message: str) -> str | None:
        """Ask why the project may proceed without tenant support (None: cancelled),
        through the window's one reason dialog."""
        return ask_reason(self, message)

    def show_error(self, message: str | None) -> None:
        self.banner.setText(message or "")
        self.banner.setVisible(bool(message))

    def say(self, message: str, _error: bool = True) -> None:
        """A refusal of the edit, shown in the dialog's banner."""
        self.show_error(message)

    def accept(self) -> None:  # noqa: D401 - Qt override
        self.show_error(None)
        if self.validate():
            return
        outcome = self._submit(self.values(), self)
        if outcome is Outcome.NO_REASON:
            self.fields["status"].set_error(
                self.tr("Support not reached: give a reason or choose an earlier status."))
        if outcome or outcome is Outcome.NOTHING:
            super().accept()


class CapacityDialog(QDialog):
    """Homes the contractors can handle and the money available, per corporation and
    year (both optional; clear a field to remove the limit)."""

    def __init__(self, corporations: list[str], capacities: pd.DataFrame,
                 corporation: str | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Capacity and budget"))
        self._caps = capacities
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        hint = QLabel(self.tr("Homes the contractors can handle and the money available in a year. "
                              "The matrix marks a year over either in amber."))
        hint.setWordWrap(True)
        lay.insertWidget(0, hint)
        self.corporation_edit = QComboBox()
        self.corporation_edit.addItems(corporations)
        if corporation in corporations:
            self.corporation_edit.setCurrentText(corporation)
        form.addRow(self.tr("Corporation"), self.corporation_edit)
        self.year_edit = QSpinBox()
        self.year_edit.setRange(YEAR_MIN, YEAR_MAX)
        self.year_edit.setValue(year or pd.Timestamp.today().year)
        form.addRow(self.tr("Year"), self.year_edit)
        self.max_edit = QLineEdit()
        self.max_edit.setPlaceholderText(self.tr("no limit"))
        self.max_field = _Field(self.max_edit)
        form.addRow(self.tr("Homes at most"), self.max_field)
        self.budget_edit = QLineEdit()
        self.budget_edit.setPlaceholderText(self.tr("no limit"))
        self.budget_field = _Field(self.budget_edit)
        form.addRow(self.tr("Budget (€)"), self.budget_field)
        buttons = ok_cancel(self)
        lay.addWidget(buttons)
        self.corporation_edit.currentTextChanged.connect(self._load)
        self.year_edit.valueChanged.connect(self._load)
        self._load()

    def _load(self, *_args) -> None:
        c = self._caps
        hit = c[(c["corporation"] == self.corporation_edit.currentText())
                & (c["year"] == self.year_edit.value())] if len(c) else c
        if len(hit):
            rec = hit.iloc[-1]
            self.max_edit.setText(fmt.integer(rec["max_dwellings"]).replace(
                QLocale().groupSeparator(), ""))
            self.budget_edit.setText(_euros_text(rec["budget_cents"]))
        else:
            self.max_edit.clear()
            self.budget_edit.clear()

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """({corporation, year, max_dwellings, budget_cents}, field -> message)."""
        max_text = self.max_edit.text().strip()
        max_dw: Any = None
        if max_text:
            x = parse_number(max_text)
            max_dw = max_text if x is None else (int(x) if x == int(x) else x)
        budget = euros_to_cents(self.budget_edit.text())
        try:
            edits.check_capacity(max_dw, budget)
            errors: dict[str, str] = {}
        except edits.EditError as exc:
            errors = exc.messages(fmt.language())
        if "max_dwellings" in errors:
            max_dw = None
        if "budget_cents" in errors:
            budget = None
        return ({"corporation": self.corporation_edit.currentText(), "year": self.year_edit.value(),
                 "max_dwellings": max_dw, "budget_cents": budget}, errors)

    def accept(self) -> None:
        _values, errors = self.values()
        self.max_field.set_error(errors.get("max_dwellings"))
        self.budget_field.set_error(errors.get("budget_cents"))
        if not errors and self.corporation_edit.currentText():
            super().accept()


__all__ = ["ProjectDialog", "CapacityDialog", "parse_number", "euros_to_cents"]
