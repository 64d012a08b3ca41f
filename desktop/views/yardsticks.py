"""Yardsticks (issue 24): per year of the plan, the homes still labelled E, F or G, the
toekomstklaar and gas-free homes and the Aedes benchmark's three averages — for the
whole stock, one corporation or one neighbourhood — against the national targets (no
E/F/G after 2028; toekomstklaar and gas-free by 2030), and every complex that is still
E/F/G after 2028 in the plan.

The figures come from :mod:`desktop.models.yardsticks`; this page slices and draws them.
The national 2030 figures (675,000 toekomstklaar, 450,000 gas-free) are sector-wide: the
chart marks the year, the corporation's own path is its count.  For E/F/G the own path
is zero from 2028 on, drawn as the target line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout,
                               QWidget)

from ..models import yardsticks as model
from ..models.defaults import BASE_YEAR, HORIZON_YEAR
from . import fmt, theme
from .charts import ColumnReadout, make_plot
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .widgets import data_table, heading_row, page_button, page_heading

RELEVANT = frozenset({"complexes", "dwellings", "projects", "emission_factors"})
EFG_COLOUR = theme.BAD
READY_COLOUR = theme.OK
GAS_FREE_COLOUR = theme.GAS_FREE
TARGET_COLOUR = theme.TARGET_LINE
SEP = "\x1f"                  # between kind and name in a scope's item data


@dataclass
class PageData:
    result: model.YardstickResult
    efg_list: pd.DataFrame          # complexes still E/F/G after 2028


def compute_page(ds) -> PageData:
    result = model.yardsticks(ds, BASE_YEAR, HORIZON_YEAR)
    return PageData(result, model.efg_after_deadline(ds, result))


def scope_frame(data: PageData, kind: str = "stock", name: str | None = None) -> pd.DataFrame:
    """Per year: the sums and averages of the scope (every year, zero where empty)."""
    g = data.result.by_group
    if kind != "stock":
        g = g[g[kind].to_numpy(dtype=object, na_value=None) == name]
    years = pd.Index(range(data.result.base_year, data.result.end_year + 1), name="year")
    sums = g.groupby("year")[list(model.COUNTS)].sum().reindex(years, fill_value=0)
    return model.with_averages(sums.reset_index())


def _number(value, decimals: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else fmt.number(float(value), decimals)


class YardsticksPage(Page):
    key = "yardsticks"
    depends_on = RELEVANT
    compute = staticmethod(compute_page)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self.data: PageData | None = None
        self.series: pd.DataFrame | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("Sector yardsticks"))
        self.stock_button = page_button(self.tr("Stock…"), "stock",
                                        self.tr("Enter EP2, areas, dwelling type and heat demand"))
        lay.addLayout(heading_row(self.heading, self.stock_button))

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        self.scope = QComboBox()
        self.scope.setMinimumContentsLength(22)
        self.scope.setToolTip(self.tr("The whole stock, one corporation or one neighbourhood"))
        row.addWidget(self.scope)
        row.addStretch(1)
        lay.addLayout(row)

        self.summary = QLabel()
        self.summary.setObjectName("yardsticksSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setMinimumHeight(3 * self.summary.fontMetrics().lineSpacing() + 14)
        self._summary_style(None)
        lay.addWidget(self.summary)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.efg_plot = self._plot(self.tr("Homes labelled E, F or G"), self.tr("Homes"))
        self.efg_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=pg.mkBrush(EFG_COLOUR),
                                        pen=pg.mkPen(EFG_COLOUR), name=self.tr("E/F/G homes with the plan"))
        self.efg_plot.addItem(self.efg_bars)
        self.efg_target = self.efg_plot.plot(
            [], [], name=self.tr("Target: none from 2028"),
            pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self._deadline(self.efg_plot, model.EFG_DEADLINE, "2028")

        self.ready_plot = self._plot(self.tr("Toekomstklaar and gas-free homes"), self.tr("Homes"))
        self.ready_curve = self.ready_plot.plot([], [], name=self.tr("Toekomstklaar"),
                                                pen=pg.mkPen(READY_COLOUR, width=2.5))
        self.gas_free_curve = self.ready_plot.plot([], [], name=self.tr("Gas-free"),
                                                   pen=pg.mkPen(GAS_FREE_COLOUR, width=2.5))
        self._deadline(self.ready_plot, model.TOEKOMSTKLAAR_YEAR,
                       self.tr("2030: NPA 675,000 / 450,000 (sector)"))
        grid.addWidget(self.efg_plot, 0, 0)
        grid.addWidget(self.ready_plot, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid, 3)
        self.efg_readout = ColumnReadout(self.efg_plot, self._year_text)
        self.ready_readout = ColumnReadout(self.ready_plot, self._year_text)

        self.tabs = QTabWidget()
        self.year_model = FrameTableModel([
            ColumnSpec("year", self.tr("Year")),
            ColumnSpec("dwellings", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("efg", self.tr("E/F/G"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("toekomstklaar", self.tr("Toekomstklaar"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("gas_free", self.tr("Gas-free"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("avg_distance_kwh_m2", self.tr("Distance to the standard (kWh/m²)"), _number,
                       NUMBER_ALIGN, self.tr("Average over the homes whose type, build year, "
                                             "areas and heat demand are known; 0 when it meets it")),
            ColumnSpec("avg_ep2_kwh_m2", self.tr("EP2 (kWh/m²)"), _number, NUMBER_ALIGN,
                       self.tr("Average over the homes with an EP2")),
            ColumnSpec("co2_gas_kg_m2", self.tr("CO2 from gas (kg/m²)"), _number, NUMBER_ALIGN,
                       self.tr("Gas use × the year's gas factor, per m² usable floor area")),
        ])
        self.year_table = data_table(self.year_model, stretch=None)
        self.tabs.addTab(self.year_table, self.tr("Per year"))
        self.efg_model = FrameTableModel([
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("name", self.tr("Name"), lambda v: "" if v is None or pd.isna(v) else str(v)),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("dwellings", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("efg", self.tr("E/F/G in 2028"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("next_project_year", self.tr("Next project"),
                       lambda v: self.tr("none planned") if v is None or pd.isna(v) else str(v)),
        ])
        self.efg_table = data_table(self.efg_model, stretch=1)
        self.tabs.addTab(self.efg_table, self.tr("Still E/F/G after 2028"))
        lay.addWidget(self.tabs, 2)

        self.note = QLabel(self.tr(
            "Label from EP2 by the NTA 8800 bands (else the label given); toekomstklaar = meets "
            "the insulation standard, or A+ or better after a project. Not computed: 50 °C "
            "readiness, whole complex \"but a few\", tenant's own changes."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet(theme.text_style(theme.HINT))
        lay.addWidget(self.note)

        self.scope.currentIndexChanged.connect(lambda _i: self._draw())
        self.refresh()

    # ----- building -----------------------------------------------------------------
    def _plot(self, title: str, y_label: str) -> pg.PlotWidget:
        plot = make_plot(title, self.tr("Year"), y_label)
        item = plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.legend.anchor((1, 0), (1, 0), offset=(-10, 10))     # top right, above the bars
        plot.setMinimumSize(300, 180)
        return plot

    def _deadline(self, plot: pg.PlotWidget, year: int, text: str) -> None:
        line = pg.InfiniteLine(pos=year, angle=90, pen=pg.mkPen(TARGET_COLOUR, width=1,
                                                                style=Qt.PenStyle.DotLine),
                               label=text, labelOpts={"position": 0.6, "color": theme.CHART_TEXT})
        plot.addItem(line)

    # ----- content ------------------------------------------------------------------
    def show_result(self, data: PageData) -> None:
        self.data = data
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Whole stock"), "stock")
        g = data.result.by_group
        for kind, title in (("corporation", self.tr("Corporation: %1")),
                            ("neighbourhood", self.tr("Neighbourhood: %1"))):
            for name in sorted(g[kind].dropna().unique()):
                self.scope.addItem(fmt.tr_fmt(title, name), f"{kind}{SEP}{name}")
        i = self.scope.findData(current) if current is not None else 0
        self.scope.setCurrentIndex(max(i, 0))
        self.scope.blockSignals(False)
        self._draw()

    def current_scope(self) -> tuple[str, str | None]:
        kind, _sep, name = (self.scope.currentData() or "stock").partition(SEP)
        return kind, name or None

    def set_scope(self, kind: str, name: str | None = None) -> None:
        i = self.scope.findData(kind if name is None else f"{kind}{SEP}{name}")
        if i >= 0:
            self.scope.setCurrentIndex(i)

    def _draw(self) -> None:
        if self.data is None:
            return
        kind, name = self.current_scope()
        s = self.series = scope_frame(self.data, kind, name)
        x = s["year"].to_numpy(dtype="float64")
        self.efg_bars.setOpts(x=x, height=s["efg"].to_numpy(dtype="float64"))
        after = x[x >= model.EFG_DEADLINE]
        self.efg_target.setData(after, np.zeros(len(after)))
        self.ready_curve.setData(x, s["toekomstklaar"].to_numpy(dtype="float64"))
        self.gas_free_curve.setData(x, s["gas_free"].to_numpy(dtype="float64"))
        top = max(1.0, float(s["dwellings"].max()) if len(s) else 1.0)
        # room above the data for the legend; the target line at 0 just above the axis
        for plot, high in ((self.efg_plot, max(1.0, float(s["efg"].max()) * 1.45)),
                           (self.ready_plot, top * 1.1)):
            item = plot.getPlotItem()
            item.setXRange(x[0] - 0.8, x[-1] + 0.8, padding=0)
            item.setYRange(-0.02 * high, high, padding=0)
        self.year_model.set_frame(s)
        efg = self.data.efg_list
        if kind != "stock":
            efg = efg[efg[kind].to_numpy(dtype=object, na_value=None) == name]
        self.efg_model.set_frame(efg.reset_index(drop=True))
        self.tabs.setTabText(1, fmt.tr_fmt(self.tr("Still E/F/G after 2028 (%1)"), fmt.integer(len(efg))))
        self._write_summary(s, len(efg))

    def _row(self, year: int) -> pd.Series | None:
        s = self.series
        if s is None or not len(s):
            return None
        year = min(max(year, int(s["year"].iat[0])), int(s["year"].iat[-1]))
        return s.iloc[year - int(s["year"].iat[0])]

    def _write_summary(self, s: pd.DataFrame, complexes_left: int) -> None:
        first = self._row(int(s["year"].iat[0]))
        deadline = self._row(model.EFG_DEADLINE)
        target = self._row(model.TOEKOMSTKLAAR_YEAR)
        now = self._row(dt.date.today().year)
        if first is None:
            self.summary.setText("")
            return
        left = int(deadline["efg"])
        lines = [
            fmt.tr_fmt(self.tr("E/F/G homes: %1 in %2 → <b>%3 in 2028</b> in %4 complexes "
                               "(target: none after 2028)."),
                       fmt.integer(first["efg"]), str(int(first["year"])), fmt.integer(left),
                       fmt.integer(complexes_left)),
            fmt.tr_fmt(self.tr("In 2030: <b>%1</b> of %2 homes toekomstklaar, <b>%3</b> gas-free "
                               "(national targets 675,000 and 450,000, sector-wide)."),
                       fmt.integer(target["toekomstklaar"]), fmt.integer(target["dwellings"]),
                       fmt.integer(target["gas_free"])),
            fmt.tr_fmt(self.tr("Benchmark %1: distance to the standard %2 kWh/m², EP2 %3 kWh/m², "
                               "CO2 from gas %4 kg/m²."),
                       str(int(now["year"])), _number(now["avg_distance_kwh_m2"]),
                       _number(now["avg_ep2_kwh_m2"]), _number(now["co2_gas_kg_m2"])),
        ]
        self.summary.setText("<br>".join(lines))
        self._summary_style(left > 0)

    def _summary_style(self, behind: bool | None) -> None:
        colours = {True: (theme.BAD_BG, theme.BEHIND_BORDER),
                   False: (theme.OK_BG, theme.ON_PATH_BORDER),
                   None: (theme.PANEL_BG, theme.PANEL_BORDER)}
        self.summary.setStyleSheet(theme.box_style("#yardsticksSummary", *colours[behind]))

    def _year_text(self, x: float) -> str:
        s = self.series
        if s is None or not len(s):
            return ""
        year = int(round(x))
        if not int(s["year"].iat[0]) <= year <= int(s["year"].iat[-1]):
            return ""
        r = self._row(year)
        return fmt.tr_fmt(self.tr("<b>%1</b><br>E/F/G: %2<br>Toekomstklaar: %3<br>Gas-free: %4"),
                          str(year), fmt.integer(r["efg"]), fmt.integer(r["toekomstklaar"]),
                          fmt.integer(r["gas_free"]))
