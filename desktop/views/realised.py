"""Saving realised page (issue 23): per completed project, measured use the year before
and the first full year after, the realised saving against the predicted one, and
whether the woonlastengarantie was kept; the measured readings and degree days (entered
and corrected here); and what the measures catalogue learns from them.

Every figure comes from :mod:`desktop.models.realised`; edits go through the use cases
of :mod:`desktop.edits` and the controller (undoable).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from .. import edits
from ..models import realised
from ..models.fields import YEAR_MAX, YEAR_MIN
from . import fmt, theme
from .charts import make_plot, ready_to_paint
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .widgets import data_table, error_label, hint_label, ok_cancel, page_heading, section_label

translate = QCoreApplication.translate
BROKEN = QBrush(theme.qcolor(theme.BAD_BG))
KEPT = QBrush(theme.qcolor(theme.OK_BG))
UNKNOWN = QBrush(theme.qcolor(theme.WARN_BG))


def _verdict(broken) -> str:
    if broken is None or broken is pd.NA or (isinstance(broken, float) and np.isnan(broken)):
        return translate("RealisedPage", "no figure")
    return translate("RealisedPage", "broken") if broken else translate("RealisedPage", "kept")


def _missing_text(missing: list[str], dwellings: list[str]) -> str:
    """The core's "gas 2023" / "electricity 2021" items, and the dwellings left out."""
    names = {"gas": translate("RealisedPage", "gas %1"),
             "electricity": translate("RealisedPage", "electricity %1")}
    parts = [fmt.tr_fmt(names[item.split()[0]], item.split()[1]) for item in missing]
    if dwellings:
        parts.append(fmt.tr_fmt(translate("RealisedPage", "dwellings without both years: %1"),
                                ", ".join(dwellings)))
    return "; ".join(parts)


def page_data(ds) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The realised table with display columns, the readings, the degree days and the
    catalogue feedback (frames only: computed on a worker for a large workspace)."""
    frame = realised.realised(ds)
    frame["verdict"] = [_verdict(b) for b in frame["guarantee_broken"]]
    frame["missing_text"] = [_missing_text(m, d)
                             for m, d in zip(frame["missing"], frame["missing_dwellings"])]
    frame["years"] = [f"{b} → {a}" for b, a in zip(frame["before_year"], frame["after_year"])]
    return (frame, ds.usage.reset_index(drop=True), ds.degree_days.reset_index(drop=True),
            realised.measure_feedback(ds, frame))


def _m3(v) -> str:
    return "" if v is None or pd.isna(v) else fmt.number(v)


class ReadingDialog(QDialog):
    """Enter or correct one year's measured use of a dwelling or a complex."""

    def __init__(self, complexes: list[str], values: dict | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Measured use"))
        form = QFormLayout(self)
        self.complex_box = QComboBox()
        self.complex_box.addItems(complexes)
        self.dwelling = QLineEdit()
        self.dwelling.setPlaceholderText(self.tr("empty: the complex (average per dwelling)"))
        self.year = QSpinBox()
        self.year.setRange(YEAR_MIN, YEAR_MAX)
        self.year.setValue(2024)
        self.gas = QLineEdit()
        self.kwh = QLineEdit()
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("e.g. annual statement, smart meter"))
        form.addRow(self.tr("Complex"), self.complex_box)
        form.addRow(self.tr("Dwelling"), self.dwelling)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Gas m³"), self.gas)
        form.addRow(self.tr("Electricity kWh"), self.kwh)
        form.addRow(self.tr("Source"), self.source)
        self.error = error_label()
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        if values:
            self.complex_box.setCurrentText(str(values.get("complex") or ""))
            self.dwelling.setText(str(values.get("dwelling") or ""))
            self.year.setValue(int(values.get("year") or 2024))
            self.gas.setText(_m3(values.get("gas_m3")))
            self.kwh.setText(_m3(values.get("electricity_kwh")))
            self.source.setText(str(values.get("source") or ""))

    def values(self) -> dict:
        def number(edit: QLineEdit):
            text = edit.text().strip()
            value = fmt.read_number(text)
            return text if text and value is None else value      # the use case refuses text
        return {"complex": self.complex_box.currentText() or None,
                "dwelling": self.dwelling.text().strip() or None, "year": self.year.value(),
                "gas_m3": number(self.gas), "electricity_kwh": number(self.kwh),
                "source": self.source.text().strip() or None}


class RealisedPage(Page):
    key = "realised"
    depends_on = frozenset({"projects", "complexes", "dwellings", "tariffs", "usage",
                            "degree_days", "measures"})
    compute = staticmethod(page_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._frame = pd.DataFrame()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("Saving realised: was the promise to tenants kept?"))
        lay.addWidget(self.heading)
        self.intro = QLabel(self.tr(
            "Per completed project: measured use the year before and the first full year after "
            "completion, per dwelling. Money per dwelling per month at the tariffs of the year "
            "after. The woonlastengarantie is broken when the rent increase exceeds the realised "
            "saving. Gas is corrected for the weather where degree days are given for both years."))
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hint")
        lay.addWidget(self.intro)
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.message = error_label()
        lay.addWidget(self.message)

        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        self.tabs.addTab(self._projects_tab(), self.tr("Per project"))
        self.tabs.addTab(self._readings_tab(), self.tr("Readings and degree days"))
        self.tabs.addTab(self._catalogue_tab(), self.tr("Measures catalogue"))
        self.refresh()

    # ----- tabs ---------------------------------------------------------------------
    def _projects_tab(self) -> QWidget:
        self.plot = make_plot(self.tr("Predicted against realised saving per project"),
                              self.tr("Project"), self.tr("€ per dwelling per month"))
        self.plot.setMinimumHeight(220)
        self._predicted = pg.BarGraphItem(x=[], height=[], width=0.38,
                                          brush=pg.mkBrush(theme.PLAN), name=self.tr("predicted"))
        self._realised_kept = pg.BarGraphItem(x=[], height=[], width=0.38,
                                              brush=pg.mkBrush(theme.OK), name=self.tr("realised"))
        self._realised_broken = pg.BarGraphItem(
            x=[], height=[], width=0.38, brush=pg.mkBrush(theme.BAD),
            name=self.tr("realised, below the rent increase"))
        self._rent = pg.ScatterPlotItem(symbol="_", size=26, pen=pg.mkPen(theme.LIMIT_LINE, width=2.5),
                                        name=self.tr("rent increase"))
        for item in (self._predicted, self._realised_kept, self._realised_broken, self._rent):
            self.plot.addItem(item)
        self.plot.getPlotItem().legend.setOffset((-10, 10))     # top right, above the bars
        self.plot.getPlotItem().legend.setColumnCount(2)
        money = fmt.money_cents
        self.model = FrameTableModel([
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("years", self.tr("Years\nbefore → after")),
            ColumnSpec("verdict", self.tr("Guarantee")),
            ColumnSpec("extra_cents_per_month", self.tr("Tenants pay\nmore / month"), money,
                       NUMBER_ALIGN, self.tr("Per dwelling per month: rent increase − realised saving")),
            ColumnSpec("predicted_saving_cents", self.tr("€ saving\npredicted"), money, NUMBER_ALIGN),
            ColumnSpec("realised_saving_cents", self.tr("€ saving\nrealised"), money, NUMBER_ALIGN),
            ColumnSpec("rent_increase_cents", self.tr("Rent\nincrease"), money, NUMBER_ALIGN),
            ColumnSpec("predicted_gas_saving_m3", self.tr("Gas saving\npredicted"), _m3, NUMBER_ALIGN),
            ColumnSpec("realised_gas_saving_m3", self.tr("Gas saving\nrealised"), _m3, NUMBER_ALIGN),
            ColumnSpec("gas_before_m3", self.tr("Gas m³\nbefore"), _m3, NUMBER_ALIGN),
            ColumnSpec("gas_after_m3", self.tr("Gas m³\nafter"), _m3, NUMBER_ALIGN),
            ColumnSpec("electricity_before_kwh", self.tr("kWh\nbefore"), _m3, NUMBER_ALIGN),
            ColumnSpec("electricity_after_kwh", self.tr("kWh\nafter"), _m3, NUMBER_ALIGN),
            ColumnSpec("housing_before_cents", self.tr("Housing\ncosts before"), money, NUMBER_ALIGN),
            ColumnSpec("housing_after_cents", self.tr("Housing\ncosts after"), money, NUMBER_ALIGN),
            ColumnSpec("missing_text", self.tr("Missing\nreadings")),
        ], key="project")
        self.model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._colour)
        self.model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._tip)
        self.table = data_table(self.model, stretch=15, sort_column=0)
        tab = QSplitter(Qt.Orientation.Vertical)
        tab.addWidget(self.plot)
        tab.addWidget(self.table)
        tab.setSizes([300, 260])
        tab.setChildrenCollapsible(False)
        return tab

    def _readings_tab(self) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addWidget(section_label(self.tr("Measured use per year (dwelling or complex)")))
        self.usage_model = FrameTableModel([
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("dwelling", self.tr("Dwelling"), lambda v: v or self.tr("(complex)")),
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("gas_m3", self.tr("Gas m³"), _m3, NUMBER_ALIGN),
            ColumnSpec("electricity_kwh", self.tr("Electricity kWh"), _m3, NUMBER_ALIGN),
            ColumnSpec("source", self.tr("Source")),
        ], key="complex")
        self.usage_view = data_table(self.usage_model, stretch=5, sort_column=0)
        left.addWidget(self.usage_view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add reading…"))
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for b, slot in ((self.add_button, self.add_reading), (self.edit_button, self._edit_reading),
                        (self.delete_button, self._delete_reading)):
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        left.addLayout(buttons)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(section_label(self.tr("Degree days per year")))
        self.dd_model = FrameTableModel([
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("degree_days", self.tr("Degree days"), _m3, NUMBER_ALIGN),
        ], key="year")
        self.dd_view = data_table(self.dd_model, stretch=1, sort_column=0)
        right.addWidget(self.dd_view, 1)
        entry = QHBoxLayout()
        self.dd_year = QSpinBox()
        self.dd_year.setRange(YEAR_MIN, YEAR_MAX)
        self.dd_year.setValue(2024)
        self.dd_value = QLineEdit()
        self.dd_value.setPlaceholderText(self.tr("e.g. 2600"))
        self.dd_save = QPushButton(self.tr("Save"))
        self.dd_save.clicked.connect(self._save_degree_days)
        self.dd_delete = QPushButton(self.tr("Delete"))
        self.dd_delete.clicked.connect(self._delete_degree_days)
        for w in (self.dd_year, self.dd_value, self.dd_save, self.dd_delete):
            entry.addWidget(w)
        right.addLayout(entry)
        right.addWidget(hint_label(fmt.tr_fmt(self.tr(
            "Weather correction: gas × %1 ÷ the year's weighted degree days (base 18 °C)."),
            fmt.number(realised.REFERENCE_DEGREE_DAYS))))
        row.addLayout(right, 2)
        return tab

    def _catalogue_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        heading = section_label(self.tr(
            "Realised against assumed gas saving per measure (average over the completed "
            "projects that used it; a project's realisation counts for each of its measures)"))
        heading.setWordWrap(True)
        lay.addWidget(heading)
        self.feedback_model = FrameTableModel([
            ColumnSpec("name", self.tr("Measure")),
            ColumnSpec("projects", self.tr("Projects"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("assumed_gas_m3", self.tr("Assumed m³"), _m3, NUMBER_ALIGN),
            ColumnSpec("average_ratio", self.tr("Realised share"),
                       lambda v: "" if v is None else f"{fmt.number(v * 100)} %", NUMBER_ALIGN),
            ColumnSpec("realised_gas_m3", self.tr("Realised m³"), _m3, NUMBER_ALIGN),
        ], key="measure")
        self.feedback_view = data_table(self.feedback_model, stretch=0, sort_column=0)
        lay.addWidget(self.feedback_view, 1)
        self.learn_button = QPushButton(self.tr("Update the catalogue with the realised saving"))
        self.learn_button.setToolTip(self.tr(
            "Sets the selected measure's gas saving to the realised figure (undoable)"))
        self.learn_button.clicked.connect(self._learn)
        row = QHBoxLayout()
        row.addWidget(self.learn_button)
        row.addStretch(1)
        lay.addLayout(row)
        return tab

    # ----- data -----------------------------------------------------------------------
    def show_result(self, data) -> None:
        self._frame, usage, degree_days, feedback = data
        self.model.set_frame(self._frame)
        self.usage_model.set_frame(usage)
        self.dd_model.set_frame(degree_days)
        self.feedback_model.set_frame(feedback)
        f = self._frame
        broken = int((f["guarantee_broken"] == True).sum()) if len(f) else 0   # noqa: E712
        known = int(f["guarantee_broken"].notna().sum()) if len(f) else 0
        self.summary.setText(fmt.tr_fmt(self.tr(
            "%1 completed project(s); %2 with both years measured; guarantee broken for %3."),
            len(f), known, broken))
        self._draw()

    def _draw(self) -> None:
        f = self._frame
        n = len(f)
        x = np.arange(n, dtype="float64")

        def euros(col):
            return np.array([np.nan if v is None or pd.isna(v) else v / 100 for v in f[col]]) \
                if n else np.zeros(0)
        pred, real, rent = euros("predicted_saving_cents"), euros("realised_saving_cents"), \
            euros("rent_increase_cents")
        broken = np.array([bool(b) if b is not None and not pd.isna(b) else False
                           for b in f["guarantee_broken"]]) if n else np.zeros(0, bool)
        has = ~np.isnan(real)
        self._predicted.setOpts(x=x - 0.2, height=np.nan_to_num(pred), width=0.38)
        self._realised_kept.setOpts(x=x[has & ~broken] + 0.2, height=real[has & ~broken], width=0.38)
        self._realised_broken.setOpts(x=x[has & broken] + 0.2, height=real[has & broken], width=0.38)
        self._rent.setData(x=x, y=np.nan_to_num(rent))
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, str(p)) for i, p in enumerate(f["project"])]] if n else [[]])
        values = np.concatenate([pred, real[has], rent, [10.0]])
        self.plot.getPlotItem().getViewBox().setRange(
            xRange=(-0.7, max(n - 0.3, 0.7)), yRange=(min(0.0, np.nanmin(values)),
                                                      np.nanmax(values) * 1.35), padding=0.02)
        ready_to_paint(self.plot)

    def _colour(self, row: int, col: int):
        if self.model._specs[col].key not in ("verdict", "extra_cents_per_month"):
            return None
        b = self.model.frame()["guarantee_broken"].iloc[row]
        if b is None or pd.isna(b):
            return UNKNOWN
        return BROKEN if b else KEPT

    def _tip(self, row: int, col: int):
        r = self.model.frame().iloc[row]
        if r["weather_corrected"]:
            return fmt.tr_fmt(self.tr("Gas corrected for the weather: degree days %1 and %2"),
                              fmt.number(r["degree_days_before"]), fmt.number(r["degree_days_after"]))
        return self.tr("Gas not corrected for the weather (degree days not given for both years)")

    # ----- edits ------------------------------------------------------------------------
    def run(self, use_case, text: str) -> bool:
        done = self.controller.run(use_case, text, say=lambda m, _e: self.message.setText(m),
                                   parent=self)
        if done:
            self.message.setText("")
        return bool(done)

    def _selected_reading(self) -> dict | None:
        rows = self.usage_view.selectionModel().selectedRows() if self.usage_view.selectionModel() else []
        if not rows:
            return None
        r = self.usage_model.frame().iloc[rows[0].row()]
        return {k: (None if pd.isna(v) else v) for k, v in r.to_dict().items()}

    def add_reading(self, values: dict | None = None, *, dialog: bool = True) -> bool:
        """Enter a reading (``dialog`` False: ``values`` as given, for tests)."""
        return self._reading(None, values, dialog)

    def _edit_reading(self) -> None:
        old = self._selected_reading()
        if old is not None:
            self._reading(old, old, True)

    def _reading(self, original, values, dialog: bool) -> bool:
        if dialog:
            d = ReadingDialog(sorted(self.controller.dataset.complexes["complex"].dropna()),
                              values, self)
            if d.exec() != QDialog.DialogCode.Accepted:
                return False
            values = d.values()
        text = self.tr("Measured use")
        return self.run(lambda _r: edits.save_usage(self.controller.dataset, values, original,
                                                    label=text), text)

    def _delete_reading(self) -> None:
        old = self._selected_reading()
        if old is not None:
            text = self.tr("Delete measured use")
            self.run(lambda _r: edits.delete_usage(old, text), text)

    def _save_degree_days(self) -> None:
        value = fmt.read_number(self.dd_value.text())
        text = self.tr("Degree days")
        year = self.dd_year.value()
        self.run(lambda _r: edits.set_degree_days(self.controller.dataset, year,
                                                  value if value is not None else self.dd_value.text(),
                                                  text), text)

    def _delete_degree_days(self) -> None:
        text = self.tr("Delete degree days")
        year = self.dd_year.value()
        if (self.controller.dataset.degree_days["year"] == year).any():
            self.run(lambda _r: edits.delete_degree_days(year, text), text)

    def learn(self, measure: str) -> bool:
        text = self.tr("Catalogue from realised savings")
        return self.run(lambda _r: edits.learn_measure(self.controller.dataset, measure, text), text)

    def _learn(self) -> None:
        rows = self.feedback_view.selectionModel().selectedRows()
        if not rows and self.feedback_model.rowCount():
            self.message.setText(self.tr("Choose a measure in the table first."))
            return
        if rows:
            self.learn(str(self.feedback_model.frame()["measure"].iloc[rows[0].row()]))
