"""A reusable picker for the measures of a project: a checkable list of the catalogue
(the workspace's, :func:`desktop.models.measures.catalogue`; default the built-in
:data:`~desktop.models.measures.CATALOGUE`) and a *Propose savings* button that fills
in the catalogue's default savings and cost (:func:`measures.propose_savings`), which
the user may then override in the project's own fields.

Embedding (e.g. in the project dialog)::

    picker = MeasuresPicker(catalogue=measures.catalogue(controller.dataset))
    picker.set_measures(project["measures"])      # "dakisolatie; hr++ glas"
    picker.set_base_gas(complex_gas_m3)           # optional: caps the gas saving
    picker.proposed.connect(on_proposed)          # (gas_m3, kwh, investment_cents)
    ...
    values["measures"] = picker.measures_text()   # canonical names, unknown kept

Names not in the catalogue are kept as written (shown below the list) so a project's
free text is never lost.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ..models import measures as m
from . import fmt

KEY_ROLE = Qt.ItemDataRole.UserRole


class MeasuresPicker(QWidget):
    """Checkable catalogue list plus a *Propose savings* button."""

    proposed = Signal(float, float, int)     # gas m³/yr, electricity kWh/yr, cost cents
    changed = Signal()                       # the checked measures changed

    def __init__(self, parent=None, catalogue: list[m.Measure] | None = None):
        super().__init__(parent)
        self._catalogue = list(m.CATALOGUE if catalogue is None else catalogue)
        self._unknown: list[str] = []
        self._base_gas: float | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        for measure in self._catalogue:
            item = QListWidgetItem(f"{measure.dutch} — {measure.english}")
            item.setData(KEY_ROLE, measure.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(self._tip(measure))
            self.list.addItem(item)
        rows = min(len(self._catalogue), 6)
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * rows + 6)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        lay.addWidget(self.list)
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        self.unknown_label.hide()
        lay.addWidget(self.unknown_label)
        row = QHBoxLayout()
        self.propose_button = QPushButton(self.tr("Propose savings"))
        self.propose_button.setToolTip(self.tr(
            "Fill in the catalogue's default savings and cost for the checked measures; "
            "you can change them afterwards."))
        self.propose_button.clicked.connect(self.propose)
        row.addWidget(self.propose_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        row.addWidget(self.result, 1)
        lay.addLayout(row)

    def _tip(self, measure: m.Measure) -> str:
        gas = self.tr("all gas use") if measure.gas_saving_m3 is None \
            else fmt.tr_fmt(self.tr("%1 m³"), fmt.number(measure.gas_saving_m3))
        text = fmt.tr_fmt(self.tr("Saves %1 gas and %2 kWh electricity per year; about %3 per dwelling"),
                          gas, fmt.number(measure.electricity_saving_kwh),
                          fmt.money(measure.cost_per_dwelling_eur, 0))
        if measure.unverified:
            text += "\n" + self.tr("Partly an unverified estimate.")
        if measure.note:
            text += "\n" + fmt.core_text(measure.note)
        return text

    # ----- content -----------------------------------------------------------------
    def set_measures(self, text) -> None:
        """Check the measures named in ``text`` (``;``-separated, Dutch or English)."""
        known, unknown = m.parse_measures(text, self._catalogue)
        keys = {x.key for x in known}
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(KEY_ROLE) in keys
                               else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._unknown = unknown
        self.unknown_label.setVisible(bool(unknown))
        self.unknown_label.setText(fmt.tr_fmt(self.tr("Not in the catalogue (kept as written): %1"),
                                              "; ".join(unknown)))
        self.changed.emit()

    def checked_keys(self) -> list[str]:
        return [self.list.item(i).data(KEY_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, key: str, checked: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(KEY_ROLE) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def measures_text(self) -> str | None:
        """The checked measures (canonical names, catalogue order) followed by the
        names not in the catalogue, ``;``-separated; None when empty."""
        items = self.checked_keys() + self._unknown
        return "; ".join(items) or None

    def set_base_gas(self, gas_m3: float | None) -> None:
        """The dwelling's gas use before (caps the proposal; a gas-free measure saves
        all of it)."""
        self._base_gas = gas_m3

    # ----- proposal ----------------------------------------------------------------
    def propose(self) -> tuple[float, float, int]:
        """Compute and emit the proposed (gas m³, kWh, investment cents) per dwelling."""
        gas, kwh, cents = m.propose_savings(self.checked_keys(), self._base_gas, self._catalogue)
        self.result.setText(fmt.tr_fmt(self.tr("Proposed: %1 m³ gas, %2 kWh, %3 per dwelling"),
                                       fmt.number(gas), fmt.number(kwh), fmt.money_cents(cents)))
        self.proposed.emit(float(gas), float(kwh), int(cents))
        return gas, kwh, cents
