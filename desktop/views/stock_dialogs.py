"""The forms of the stock: a complex, a dwelling, several dwellings at once, and the
agreed targets (opened from the Programme page).

Dialogs collect values; the page acts.  A form's fields, their kinds, labels and tips
come from the field registry (:mod:`desktop.models.fields`): the label is the field's
workbook header in the interface language, the tip its help text.  On OK the form asks
its ``use_case`` for the command: a refusal (:class:`~desktop.edits.EditError`) is shown
next to its field and the dialog stays open; otherwise ``submit(values, dialog)`` runs
the edit through the controller (one transaction, one undo step) and a refusal of the
store is shown in the dialog's banner.
"""
from __future__ import annotations

from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from .. import edits
from ..models import fields
from ..models.enums import LABELS, DwellingType, Heating
from . import fmt, theme
from .controller import Outcome
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .project_dialog import _euros_text, _Field, _number_text, euros_to_cents
from .widgets import data_table, hint_label, ok_cancel

BANNER_STYLE = f"background: {theme.BAD_BG}; color: {theme.BAD_TEXT}; padding: 6px;"

# energy performance (the yardsticks): the same fields on a complex and a dwelling
PERFORMANCE_FIELDS = ("dwelling_type", "ep2_kwh_m2", "floor_area_m2", "loss_area_m2",
                      "heat_demand_kwh_m2")
COMPLEX_FIELDS = ("complex", "corporation", "neighbourhood", "name", "build_year", "dwellings",
                  "heating", "label", "gas_m3", "electricity_kwh", "rent_cents") + PERFORMANCE_FIELDS
DWELLING_FIELDS = ("dwelling", "address", "let", "tenant_name", "rent_cents", "label", "gas_m3",
                   "electricity_kwh") + PERFORMANCE_FIELDS
# what a bulk edit of dwellings may set (the same value on every selected dwelling)
BULK_FIELDS = ("label", "let", "rent_cents", "gas_m3", "electricity_kwh")


def field_label(table: str, name: str) -> str:
    """The field's workbook header in the interface language."""
    f = fields.table(table).field(name)
    return (f.dutch if fmt.is_dutch() else f.english) or name


def field_tip(table: str, name: str) -> str:
    f = fields.table(table).field(name)
    return f.help_nl if fmt.is_dutch() else f.help_en


class _Banner:
    """A dialog's banner: where a refusal of the store is said (``say``, the
    controller's way of showing it)."""

    banner: QLabel

    def make_banner(self) -> QLabel:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        return self.banner

    def say(self, message: str, _error: bool = True) -> None:
        self.banner.setText(message or "")
        self.banner.setVisible(bool(message))


class FieldEditor:
    """The input of one registry field: builds the widget for its kind, reads the value
    in store units (text it could not read as a number stays text, for the check's
    message) and shows a value."""

    def __init__(self, table: str, name: str, choices: list[str] | None = None):
        self.kind = fields.table(table).field(name).kind
        self.year = fields.table(table).field(name).unit == "year"     # shown without grouping
        if self.kind == "yesno":
            self.widget = QCheckBox(field_label(table, name))
        elif self.kind in ("label", "heating", "dwelling_type") or choices is not None:
            self.widget = QComboBox()
            if self.kind == "label":
                self.widget.addItem("", None)
                for label in LABELS:
                    self.widget.addItem(label, label)
            elif self.kind == "heating":
                for h in Heating:
                    self.widget.addItem(fmt.listed(h), h.value)
            elif self.kind == "dwelling_type":
                self.widget.addItem("", None)
                for t in DwellingType:
                    self.widget.addItem(fmt.listed(t), t.value)
            else:
                self.widget.setEditable(True)
                self.widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                self.widget.addItems(choices or [])
                self.widget.setCurrentIndex(-1)
        else:
            self.widget = QLineEdit()
        self.widget.setToolTip(field_tip(table, name))

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData() if not w.isEditable() else (w.currentText().strip() or None)
        text = w.text().strip()
        if not text:
            return None
        if self.kind == "money":
            return euros_to_cents(text)
        if self.kind in ("int", "number"):
            x = fmt.read_number(text)
            return text if x is None else x
        return text

    def set_value(self, value: Any) -> None:
        w = self.widget
        value = None if value is None or value is pd.NA else value
        if isinstance(w, QCheckBox):
            w.setChecked(True if value is None else bool(value))
        elif isinstance(w, QComboBox):
            if w.isEditable():
                w.setCurrentText("" if value is None else str(value))
            else:
                i = w.findData(value)
                w.setCurrentIndex(max(i, 0))
        elif self.kind == "money":
            w.setText(_euros_text(value))
        elif self.year and value is not None:
            w.setText(str(int(value)))
        elif self.kind in ("int", "number"):
            w.setText(_number_text(value))
        else:
            w.setText("" if value is None else str(value))


class RecordDialog(_Banner, QDialog):
    """A form for one record of ``table`` with ``names`` (registry fields).

    ``use_case(values)``: returns the command or raises EditError (checked on OK, so a
    refusal sits next to its field); ``submit(values, dialog)``: makes the edit (the
    command checked is ``dialog.command``) and returns the controller's Outcome.  ``fixed``: fields shown but not edited (a key
    when editing); ``choices``: field -> values offered in an editable list."""

    def __init__(self, table: str, names: tuple[str, ...], title: str,
                 use_case: Callable[[dict[str, Any]], object],
                 submit: Callable[[dict[str, Any], "RecordDialog"], Outcome],
                 record: dict[str, Any] | None = None, *, fixed: tuple[str, ...] = (),
                 choices: dict[str, list[str]] | None = None, note: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName(f"{table}Dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.table, self._use_case, self._submit = table, use_case, submit
        self.command = None          # what the last check made of the values
        self._record = dict(record or {})
        lay = QVBoxLayout(self)
        lay.addWidget(self.make_banner())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lay.addLayout(form)
        self.editors: dict[str, FieldEditor] = {}
        self.fields: dict[str, _Field] = {}
        for name in names:
            editor = FieldEditor(table, name, (choices or {}).get(name))
            editor.set_value(self._record.get(name))
            if name in fixed:
                editor.widget.setEnabled(False)
            self.editors[name] = editor
            self.fields[name] = _Field(editor.widget)
            form.addRow("" if editor.kind == "yesno" else field_label(table, name), self.fields[name])
        if note:
            lay.addWidget(hint_label(note))
        lay.addWidget(ok_cancel(self))

    def values(self) -> dict[str, Any]:
        return {**{k: v for k, v in self._record.items() if k in fields.dtypes(self.table)},
                **{name: e.value() for name, e in self.editors.items()}}

    def check(self) -> bool:
        """Show each refusal next to its field; True when the values are acceptable."""
        self.command = None
        try:
            self.command = self._use_case(self.values())
            errors: dict[str, str] = {}
        except edits.EditError as exc:
            errors = exc.messages(fmt.language())
        for name, field in self.fields.items():
            field.set_error(errors.get(name))
        other = [m for f, m in errors.items() if f not in self.fields]
        self.say(" ".join(other))
        self.layout().activate()       # room for the wrapped messages
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        return not errors

    def accept(self) -> None:  # noqa: D401 - Qt override
        if self.check() and self._submit(self.values(), self):
            super().accept()


class BulkDialog(_Banner, QDialog):
    """Set one field to the same value on every selected dwelling (one undo step)."""

    def __init__(self, count: int, use_case: Callable[[dict[str, Any]], object],
                 submit: Callable[[dict[str, Any], "BulkDialog"], Outcome], parent=None):
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(self.tr("Edit %n dwelling(s)", "", count))
        self.setMinimumWidth(460)
        self._use_case, self._submit = use_case, submit
        lay = QVBoxLayout(self)
        lay.addWidget(self.make_banner())
        lay.addWidget(hint_label(self.tr("The value is set on every selected dwelling; Ctrl+Z "
                                         "undoes it for all of them at once.")))
        form = QFormLayout()
        lay.addLayout(form)
        self.field_choice = QComboBox()
        for name in BULK_FIELDS:
            self.field_choice.addItem(field_label("dwellings", name), name)
        form.addRow(self.tr("Field"), self.field_choice)
        self.holder = QVBoxLayout()
        self.holder.setContentsMargins(0, 0, 0, 0)
        box = QWidget()
        box.setLayout(self.holder)
        form.addRow(self.tr("New value"), box)
        self.editor: FieldEditor | None = None
        self.field: _Field | None = None
        self.field_choice.currentIndexChanged.connect(self._field_changed)
        self._field_changed()
        lay.addWidget(ok_cancel(self))

    def _field_changed(self, *_args) -> None:
        if self.field is not None:
            self.field.setParent(None)
            self.field.deleteLater()
        self.editor = FieldEditor("dwellings", self.field_choice.currentData())
        self.field = _Field(self.editor.widget)
        self.holder.addWidget(self.field)

    def set_field(self, name: str) -> None:
        self.field_choice.setCurrentIndex(self.field_choice.findData(name))

    def values(self) -> dict[str, Any]:
        return {self.field_choice.currentData(): self.editor.value()}

    def accept(self) -> None:  # noqa: D401 - Qt override
        try:
            self._use_case(self.values())
        except edits.EditError as exc:
            self.field.set_error(" ".join(exc.messages(fmt.language()).values()))
            return
        self.field.set_error(None)
        if self._submit(self.values(), self):
            super().accept()


TARGET_FIELDS = ("corporation", "from_year", "to_year", "dwellings")


class TargetsDialog(_Banner, QDialog):
    """The agreed targets: a list, and a form to add, change or delete one.  Each
    change is one edit through the controller; the Programme page's table and matrix and
    the Overview follow at once (the controller's ``changed`` signal)."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Agreed targets"))
        self.resize(620, 480)
        self.controller = controller
        self._original: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(hint_label(self.tr(
            "Homes each corporation agreed to retrofit in a period (for example in the "
            "performance agreements). The Programme page compares the plan with them.")))
        self.model = FrameTableModel([
            ColumnSpec("corporation", field_label("targets", "corporation")),
            ColumnSpec("from_year", field_label("targets", "from_year"), str, NUMBER_ALIGN),
            ColumnSpec("to_year", field_label("targets", "to_year"), str, NUMBER_ALIGN),
            ColumnSpec("dwellings", field_label("targets", "dwellings"), fmt.integer, NUMBER_ALIGN),
        ], key="corporation")
        self.view = data_table(self.model, stretch=0, single_selection=True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.make_banner())
        form = QFormLayout()
        lay.addLayout(form)
        corporations = edits.known(controller.dataset.complexes, "corporation")
        self.editors = {n: FieldEditor("targets", n, corporations if n == "corporation" else None)
                        for n in TARGET_FIELDS}
        self.fields = {n: _Field(e.widget) for n, e in self.editors.items()}
        period = QHBoxLayout()
        period.addWidget(self.fields["from_year"])
        period.addWidget(QLabel("–"))
        period.addWidget(self.fields["to_year"])
        form.addRow(field_label("targets", "corporation"), self.fields["corporation"])
        form.addRow(self.tr("Period (years, inclusive)"), period)
        form.addRow(field_label("targets", "dwellings"), self.fields["dwellings"])
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add target"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button = QPushButton(self.tr("Clear form"))
        self.close_button = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(lambda: self.save(new=True))
        self.save_button.clicked.connect(lambda: self.save(new=False))
        self.delete_button.clicked.connect(self.delete)
        self.new_button.clicked.connect(lambda: self.view.clearSelection() or self._fill(None))
        self.close_button.clicked.connect(self.accept)
        for b in (self.add_button, self.save_button, self.delete_button, self.new_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)
        controller.changed.connect(self._tables_changed)
        self._reload()
        self._fill(None)

    def _tables_changed(self, tables) -> None:
        if not tables or "targets" in tables:
            self._reload()

    def _reload(self) -> None:
        t = self.controller.dataset.targets
        self.model.set_frame(t.sort_values(["corporation", "from_year", "to_year"]).astype(object)
                             if len(t) else t)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self._fill(self.model.frame().iloc[current.row()].to_dict())

    def _fill(self, row: dict[str, Any] | None) -> None:
        self._original = edits.target_key(row) if row else None
        for name, editor in self.editors.items():
            editor.set_value((row or {}).get(name))
        self.save_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.say("")

    def values(self) -> dict[str, Any]:
        return {n: e.value() for n, e in self.editors.items()}

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, field in self.fields.items():
            field.set_error(errors.get(name))

    def save(self, new: bool) -> bool:
        values, original = self.values(), None if new else self._original
        ds = self.controller.dataset
        try:
            edits.save_target(ds, values, original)
        except edits.EditError as exc:
            self._show_errors(exc.messages(fmt.language()))
            return False
        self._show_errors({})
        text = fmt.tr_fmt(self.tr("Target %1 %2–%3"), values["corporation"],
                          int(values["from_year"]), int(values["to_year"]))
        outcome = self.controller.run(
            lambda _r: edits.save_target(self.controller.dataset, values, original, text),
            text, say=self.say, parent=self)
        if outcome:
            self._fill(None)
        return bool(outcome)

    def delete(self) -> bool:
        if self._original is None:
            return False
        key = self._original
        text = fmt.tr_fmt(self.tr("Delete target %1 %2–%3"), key["corporation"],
                          key["from_year"], key["to_year"])
        outcome = self.controller.run(
            lambda _r: edits.delete_target(self.controller.dataset, key, text),
            text, say=self.say, parent=self)
        if outcome:
            self._fill(None)
        return bool(outcome)

    def done(self, result: int) -> None:   # noqa: D401 - Qt override
        try:
            self.controller.changed.disconnect(self._tables_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


__all__ = ["COMPLEX_FIELDS", "DWELLING_FIELDS", "BULK_FIELDS", "field_label", "FieldEditor",
           "RecordDialog", "BulkDialog", "TargetsDialog"]
