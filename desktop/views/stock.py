"""Stock page (Bezit): the complexes and their dwellings, edited in the window.

Above, every complex with its figures (dwellings, let and vacant, label, heating, energy
use, average rent), filtered by corporation, neighbourhood, label and heating and
searched by id, name or a dwelling's address; below, the dwellings of the selected
complex.  Complexes are added, edited and deleted, dwellings added, edited, removed and
edited several at once (one undo step), each through the edits layer
(:mod:`desktop.edits`) and the controller: one transaction, undo and redo, the row
version checked, a refusal shown next to its field.

At 100,000 dwellings the figures are computed on a worker (:class:`~desktop.views.pages.Page`)
and filtering and sorting happen in the frame (:class:`~desktop.views.frame_model.FrameTableModel`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSizePolicy, QSplitter, QVBoxLayout, QWidget,
)

from .. import edits
from ..models.dataset import Dataset
from ..models.enums import LABELS, Heating
from . import fmt, theme
from .controller import Outcome
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .stock_dialogs import (
    BULK_FIELDS, COMPLEX_FIELDS, DWELLING_FIELDS, BulkDialog, RecordDialog, field_label,
)
from .widgets import data_table, hint_label, page_heading, section_label

ALL = "\x00all"        # a filter's "any" choice

STOCK_DEPENDS = frozenset({"complexes", "dwellings", "projects", "votes"})


@dataclass(frozen=True)
class StockData:
    """What the page shows, from the frames alone (on a worker for a large workspace)."""
    complexes: pd.DataFrame     # one row per complex with its figures
    addresses: pd.DataFrame     # complex, lower-case address of each dwelling (the search)
    dwellings: pd.DataFrame     # every dwelling (the lower table shows one complex's)


def _per_dwelling_mean(d: pd.DataFrame, column: str) -> pd.Series:
    values = d[column].astype("Float64")
    return values.groupby(d["complex"], observed=True).mean()


def stock_frame(ds: Dataset) -> pd.DataFrame:
    """One row per complex: its own fields, the dwellings counted (rows, else the
    declared number), let and vacant, and the energy use and rent averaged over the
    dwellings that give them (else the complex's own figure)."""
    c = ds.complexes.copy()
    d = ds.dwellings
    c["homes"] = c["complex"].map(ds.dwelling_counts()).fillna(0).astype("int64")
    let = d["let"].fillna(True).astype(bool).groupby(d["complex"], observed=True).sum()
    c["let_homes"] = c["complex"].map(let).fillna(c["homes"]).astype("int64")
    c["vacant"] = (c["homes"] - c["let_homes"]).astype("int64")
    for column in ("gas_m3", "electricity_kwh", "rent_cents"):
        mean = c["complex"].map(_per_dwelling_mean(d, column)) if len(d) else None
        own = c[column].astype("Float64")
        c[f"avg_{column}"] = own if mean is None else mean.astype("Float64").fillna(own)
    if len(d):
        labels = d.dropna(subset=["label"]).groupby(["complex", "label"], observed=True).size()
        common = labels.sort_values(ascending=False).reset_index().drop_duplicates("complex")
        c["shown_label"] = c["label"].fillna(c["complex"].map(common.set_index("complex")["label"]))
    else:
        c["shown_label"] = c["label"]
    out = c.astype({k: object for k in ("complex", "corporation", "neighbourhood", "name",
                                         "heating", "label", "shown_label")})
    return out.sort_values("complex", kind="stable").reset_index(drop=True)


def stock_data(ds: Dataset) -> StockData:
    d = ds.dwellings
    addresses = pd.DataFrame({"complex": d["complex"].astype(object),
                              "address": d["address"].astype("string").str.lower().fillna("")})
    return StockData(stock_frame(ds), addresses, d)


def search_mask(frame: pd.DataFrame, addresses: pd.DataFrame, text: str) -> np.ndarray:
    """Complexes whose id, name or one of whose dwellings' addresses holds ``text``
    (case-insensitive); everything for blank text."""
    text = text.strip().lower()
    if not text:
        return np.ones(len(frame), dtype=bool)
    mask = np.zeros(len(frame), dtype=bool)
    for column in ("complex", "name"):
        mask |= frame[column].astype("string").str.lower().str.contains(text, regex=False) \
            .fillna(False).to_numpy(dtype=bool)
    if len(addresses):
        hits = addresses.loc[addresses["address"].str.contains(text, regex=False)
                             .to_numpy(dtype=bool), "complex"].unique()
        mask |= frame["complex"].isin(hits).to_numpy(dtype=bool)
    return mask


def filter_mask(frame: pd.DataFrame, corporation=ALL, neighbourhood=ALL, label=ALL,
                heating=ALL) -> np.ndarray:
    mask = np.ones(len(frame), dtype=bool)
    for column, value in (("corporation", corporation), ("neighbourhood", neighbourhood),
                          ("shown_label", label), ("heating", heating)):
        if value != ALL and value is not None:
            mask &= (frame[column] == value).to_numpy(dtype=bool)
    return mask


def _euros(cents) -> str:
    return "" if cents is None else fmt.money_cents(int(round(cents)))


def _use(value) -> str:
    return "" if value is None else fmt.number(value)


class StockPage(Page):
    key = "stock"
    depends_on = STOCK_DEPENDS
    compute = staticmethod(stock_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._data: StockData | None = None
        self._select_when_shown: str | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)

        top = QHBoxLayout()
        self.heading = page_heading(self.tr("Stock"))
        top.addWidget(self.heading)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New complex…"))
        self.new_button.clicked.connect(self.new_complex_dialog)
        self.edit_button = QPushButton(self.tr("Edit complex…"))
        self.edit_button.clicked.connect(self.edit_complex_dialog)
        self.delete_button = QPushButton(self.tr("Delete complex"))
        self.delete_button.clicked.connect(self._delete_complex_clicked)
        for b in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(b)
        lay.addLayout(top)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: complex, name or address"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.setToolTip(self.tr("Finds a complex by its id, its name or the address of "
                                       "one of its dwellings"))
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search, 2)
        self.corporation_filter, self.neighbourhood_filter = QComboBox(), QComboBox()
        self.label_filter, self.heating_filter = QComboBox(), QComboBox()
        for combo in (self.corporation_filter, self.neighbourhood_filter, self.label_filter,
                      self.heating_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # never narrower than its longest entry: the search box gives way instead
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self.apply_filters)
        self.label_filter.addItem(self.tr("All labels"), ALL)
        for label in LABELS:
            self.label_filter.addItem(label, label)
        self.heating_filter.addItem(self.tr("All heating"), ALL)
        for h in Heating:
            self.heating_filter.addItem(fmt.listed(h), h.value)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        self.complex_model = FrameTableModel([
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("name", self.tr("Name / address")),
            ColumnSpec("build_year", self.tr("Built"), lambda v: "" if v is None else str(v),
                       NUMBER_ALIGN),
            ColumnSpec("homes", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("let_homes", self.tr("Let"), fmt.integer, NUMBER_ALIGN,
                       self.tr("Homes with a tenant (a vacant home has no vote)")),
            ColumnSpec("vacant", self.tr("Vacant"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("shown_label", self.tr("Label"), tooltip=self.tr(
                "The complex's energy label, else the most common label of its dwellings")),
            ColumnSpec("heating", self.tr("Heating"), fmt.listed),
            ColumnSpec("avg_gas_m3", self.tr("Gas m³"), _use, NUMBER_ALIGN,
                       self.tr("Gas use per home per year (average of the dwellings that give it)")),
            ColumnSpec("avg_electricity_kwh", self.tr("kWh"), _use, NUMBER_ALIGN,
                       self.tr("Electricity use per home per year (average)")),
            ColumnSpec("avg_rent_cents", self.tr("Rent"), _euros, NUMBER_ALIGN,
                       self.tr("Average net rent per home per month")),
        ], key="complex")
        self.complex_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._complex_tip)
        self.complex_view = data_table(self.complex_model, stretch=3, single_selection=True)
        self.complex_view.selectionModel().currentRowChanged.connect(self._complex_changed)
        self.complex_view.doubleClicked.connect(lambda _i: self.edit_complex_dialog())
        split.addWidget(self.complex_view)

        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 6, 0, 0)
        lower_lay.setSpacing(4)
        head = QHBoxLayout()
        self.dwellings_title = section_label(self.tr("Dwellings"))
        head.addWidget(self.dwellings_title)
        head.addStretch(1)
        self.add_dwelling_button = QPushButton(self.tr("Add dwelling…"))
        self.add_dwelling_button.clicked.connect(self.add_dwelling_dialog)
        self.edit_dwellings_button = QPushButton(self.tr("Edit…"))
        self.edit_dwellings_button.setToolTip(self.tr(
            "Edit the selected dwelling; with several selected, set one value on all of them"))
        self.edit_dwellings_button.clicked.connect(self.edit_dwellings_dialog)
        self.remove_dwellings_button = QPushButton(self.tr("Remove"))
        self.remove_dwellings_button.clicked.connect(self._remove_dwellings_clicked)
        for b in (self.add_dwelling_button, self.edit_dwellings_button,
                  self.remove_dwellings_button):
            head.addWidget(b)
        lower_lay.addLayout(head)
        self.dwelling_model = FrameTableModel([
            ColumnSpec("dwelling", self.tr("Dwelling")),
            ColumnSpec("address", self.tr("Address")),
            ColumnSpec("let", self.tr("Let / vacant"),
                       lambda v: self.tr("vacant") if v is False else self.tr("let")),
            ColumnSpec("tenant_name", self.tr("Tenant"), tooltip=self.tr(
                "Personal data: left out of an export without personal data")),
            ColumnSpec("rent_cents", self.tr("Rent"), _euros, NUMBER_ALIGN),
            ColumnSpec("label", self.tr("Label")),
            ColumnSpec("gas_m3", self.tr("Gas m³"), _use, NUMBER_ALIGN,
                       self.tr("Gas use per year; empty: the complex's figure")),
            ColumnSpec("electricity_kwh", self.tr("kWh"), _use, NUMBER_ALIGN,
                       self.tr("Electricity use per year; empty: the complex's figure")),
        ], key="dwelling")
        self.dwelling_view = data_table(self.dwelling_model, stretch=1)
        self.dwelling_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.dwelling_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dwelling_view.doubleClicked.connect(lambda _i: self.edit_dwellings_dialog())
        lower_lay.addWidget(self.dwelling_view)
        self.dwellings_hint = hint_label()
        lower_lay.addWidget(self.dwellings_hint)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.notice = hint_label()
        lay.addWidget(self.notice)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.dwelling_view,
                  self._remove_dwellings_clicked, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        self._update_buttons()
        self.refresh()

    def _complex_tip(self, row: int, col: int):
        """The whole name (the column may be narrow) and what the heating is in the
        other language."""
        key = self.complex_model._specs[col].key
        value = self.complex_model.frame()[key].iat[row] if key in ("name", "heating") else None
        if value is None or value is pd.NA:
            return None
        return str(value) if key == "name" else fmt.listed_other(value) or None

    # ----- figures -----------------------------------------------------------------
    def show_result(self, data: StockData) -> None:
        current = self.current_complex()
        self._data = data
        self._fill_filters(data.complexes)
        self.apply_filters()
        want = self._select_when_shown or current
        self._select_when_shown = None
        if want is not None:
            self.select_complex(want)
        self._show_dwellings()

    def _fill_filters(self, frame: pd.DataFrame) -> None:
        for combo, column, all_text in (
                (self.corporation_filter, "corporation", self.tr("All corporations")),
                (self.neighbourhood_filter, "neighbourhood", self.tr("All neighbourhoods"))):
            items = edits.known(frame, column)
            if [combo.itemData(i) for i in range(1, combo.count())] == items:
                continue
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, ALL)
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def filters(self) -> tuple:
        return tuple(c.currentData() for c in (self.corporation_filter, self.neighbourhood_filter,
                                               self.label_filter, self.heating_filter))

    def apply_filters(self, *_args) -> None:
        """Show the complexes matching the filters and the search (in the frame)."""
        if self._data is None:
            return
        frame = self._data.complexes
        mask = filter_mask(frame, *self.filters()) & search_mask(
            frame, self._data.addresses, self.search.text())
        current = self.current_complex()
        self.complex_model.set_frame(frame[mask])
        shown = int(mask.sum())
        self.count_label.setText(fmt.tr_fmt(self.tr("%1 of %2 complexes"), fmt.integer(shown),
                                            fmt.integer(len(frame))))
        if current is not None and self.complex_model.row_of(current) is not None:
            self.select_complex(current)
        elif shown:
            self.select_complex(self.complex_model.key_at(0))
        else:
            self._show_dwellings()

    # ----- selection ---------------------------------------------------------------
    def current_complex(self) -> str | None:
        index = self.complex_view.currentIndex()
        if not index.isValid() or index.row() >= self.complex_model.rowCount():
            return None
        return self.complex_model.key_at(index.row())

    def select_complex(self, complex_id: str) -> bool:
        row = self.complex_model.row_of(complex_id)
        if row is None:
            return False
        index = self.complex_model.index(row, 0)
        moved = self.complex_view.currentIndex().row() != row
        self.complex_view.setCurrentIndex(index)      # shows its dwellings when it moved
        self.complex_view.scrollTo(index)
        if not moved:
            self._show_dwellings()
        return True

    def _complex_changed(self, *_args) -> None:
        self._show_dwellings()

    def _show_dwellings(self) -> None:
        complex_id = self.current_complex()
        d = self._data.dwellings if self._data is not None else None
        if complex_id is None or d is None:
            self.dwelling_model.set_frame(d.iloc[:0] if d is not None else pd.DataFrame())
            self.dwellings_title.setText(self.tr("Dwellings"))
            self.dwellings_hint.setText(self.tr("Select a complex to see and edit its dwellings."))
        else:
            rows = d[d["complex"].isin([complex_id]).to_numpy(dtype=bool)]
            self.dwelling_model.set_frame(rows.astype({"let": object}))
            self.dwellings_title.setText(fmt.tr_fmt(self.tr("Dwellings of complex %1"), complex_id))
            self.dwellings_hint.setText(
                self.tr("No dwellings recorded: the complex counts its declared number of homes. "
                        "Add dwellings to record votes and tenants.") if not len(rows) else
                self.tr("Select several dwellings (Shift or Ctrl) to set one value on all of them, "
                        "for example a new label after a retrofit."))
        self._update_buttons()

    def selected_dwellings(self) -> list[str]:
        rows = sorted({i.row() for i in self.dwelling_view.selectionModel().selectedRows()})
        return [self.dwelling_model.key_at(r) for r in rows]

    def select_dwellings(self, ids: list[str]) -> None:
        sel = self.dwelling_view.selectionModel()
        sel.clearSelection()
        for i in ids:
            row = self.dwelling_model.row_of(i)
            if row is not None:
                sel.select(self.dwelling_model.index(row, 0),
                           sel.SelectionFlag.Select | sel.SelectionFlag.Rows)

    def _update_buttons(self, *_args) -> None:
        has_complex = self.current_complex() is not None
        chosen = len(self.selected_dwellings()) if has_complex else 0
        self.edit_button.setEnabled(has_complex)
        self.delete_button.setEnabled(has_complex)
        self.add_dwelling_button.setEnabled(has_complex)
        self.edit_dwellings_button.setEnabled(chosen > 0)
        self.remove_dwellings_button.setEnabled(chosen > 0)

    # ----- edits -------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(theme.text_style(theme.ERROR if error else theme.HINT))
        self.notice.setText(text)

    def _run(self, use_case, text: str, say=None) -> Outcome:
        outcome = self.controller.run(use_case, text, say=say or self._say, parent=self)
        if outcome:
            self._say(text + " — " + self.tr("Ctrl+Z undoes it."))
        return outcome

    def _version(self, table: str, key: tuple) -> int | None:
        return self.controller.workspace.row_versions(table).get(key)

    def _ds(self) -> Dataset:
        return self.controller.dataset

    def complex_dialog(self, complex_id: str | None = None) -> RecordDialog:
        ds = self._ds()
        new = complex_id is None
        record = None if new else edits.record(ds, "complexes", {"complex": complex_id})
        version = None if new else self._version("complexes", (complex_id,))
        rows = 0 if new else int(ds.dwellings["complex"].isin([complex_id]).sum())
        title = self.tr("New complex") if new else fmt.tr_fmt(self.tr("Complex %1"), complex_id)
        text = (self.tr("New complex %1") if new else self.tr("Edit complex %1"))

        def use_case(values):
            return edits.save_complex(self._ds(), values, new=new, expected_version=version,
                                      label=fmt.tr_fmt(text, values.get("complex") or ""))

        def submit(values, dialog):
            self._select_when_shown = values.get("complex")
            return self._run(lambda _r: dialog.command,
                             fmt.tr_fmt(text, values.get("complex") or ""), say=dialog.say)

        note = self.tr("Label, gas, electricity and rent are the complex's averages, used where "
                       "its dwellings give none.")
        if rows:
            note += " " + fmt.tr_fmt(self.tr("The number of homes follows its %1 dwelling rows."),
                                     fmt.integer(rows))
        dialog = RecordDialog(
            "complexes", COMPLEX_FIELDS, title, use_case, submit, record or {"heating": "gasketel"},
            fixed=(("complex",) if not new else ()) + (("dwellings",) if rows else ()),
            choices={"corporation": edits.known(ds.complexes, "corporation"),
                     "neighbourhood": edits.known(ds.complexes, "neighbourhood")},
            note=note, parent=self)
        return dialog

    def new_complex_dialog(self) -> None:
        self.complex_dialog().open()

    def edit_complex_dialog(self) -> None:
        if self.current_complex() is not None:
            self.complex_dialog(self.current_complex()).open()

    def delete_complex(self, complex_id: str) -> Outcome:
        version = self._version("complexes", (complex_id,))
        text = fmt.tr_fmt(self.tr("Delete complex %1"), complex_id)
        return self._run(lambda _r: edits.delete_complex(self._ds(), complex_id,
                                                         expected_version=version, label=text), text)

    def _delete_complex_clicked(self) -> None:
        complex_id = self.current_complex()
        if complex_id is None:
            return
        homes = int(self._ds().dwellings["complex"].isin([complex_id]).sum())
        answer = QMessageBox.question(
            self, self.tr("Delete complex"),
            fmt.tr_fmt(self.tr("Delete complex %1 and its %2 dwelling rows? Ctrl+Z brings them "
                               "back."), complex_id, fmt.integer(homes)))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_complex(complex_id)

    def dwelling_dialog(self, dwelling: str | None = None) -> RecordDialog:
        ds = self._ds()
        complex_id = self.current_complex()
        new = dwelling is None
        record = ({"complex": complex_id, "let": True} if new
                  else edits.record(ds, "dwellings", {"dwelling": dwelling}))
        version = None if new else self._version("dwellings", (dwelling,))
        text = self.tr("Add dwelling %1") if new else self.tr("Edit dwelling %1")

        def use_case(values):
            label = fmt.tr_fmt(text, values.get("dwelling") or "")
            if new:
                return edits.add_dwelling(self._ds(), values, label)
            return edits.save_dwelling(self._ds(), values, expected_version=version, label=label)

        def submit(values, dialog):
            return self._run(lambda _r: dialog.command,
                             fmt.tr_fmt(text, values.get("dwelling") or ""), say=dialog.say)

        title = (fmt.tr_fmt(self.tr("New dwelling in complex %1"), complex_id) if new
                 else fmt.tr_fmt(self.tr("Dwelling %1"), dwelling))
        return RecordDialog("dwellings", DWELLING_FIELDS, title, use_case, submit, record,
                            fixed=() if new else ("dwelling",), parent=self,
                            note=self.tr("Empty figures take the complex's. The tenant's name is "
                                         "personal data: an export without personal data leaves "
                                         "it out."))

    def add_dwelling_dialog(self) -> None:
        if self.current_complex() is not None:
            self.dwelling_dialog().open()

    def bulk_dialog(self, ids: list[str]) -> BulkDialog:
        versions = self.controller.workspace.row_versions("dwellings")
        text = self.tr("Edit %n dwelling(s)", "", len(ids))

        def use_case(values):
            return edits.edit_dwellings(self._ds(), ids, values, versions, text)

        def submit(values, dialog):
            outcome = self._run(lambda _r: use_case(values), text, say=dialog.say)
            if outcome:
                QTimer.singleShot(0, lambda: self.select_dwellings(ids))
            return outcome or outcome is Outcome.NOTHING

        return BulkDialog(len(ids), use_case, submit, self)

    def edit_dwellings_dialog(self) -> None:
        ids = self.selected_dwellings()
        if len(ids) == 1:
            self.dwelling_dialog(ids[0]).open()
        elif ids:
            self.bulk_dialog(ids).open()

    def remove_dwellings(self, ids: list[str]) -> Outcome:
        text = self.tr("Remove %n dwelling(s)", "", len(ids))
        return self._run(lambda _r: edits.delete_dwellings(self._ds(), ids, text), text)

    def _remove_dwellings_clicked(self) -> None:
        ids = self.selected_dwellings()
        if ids:
            self.remove_dwellings(ids)


__all__ = ["StockPage", "StockData", "stock_data", "stock_frame", "search_mask", "filter_mask",
           "BULK_FIELDS", "field_label"]
