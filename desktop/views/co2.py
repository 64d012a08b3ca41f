"""CO2 to 2050 (issue 6, seed 3E): the stock's emissions year by year against the
municipal path (−12.3 % in 2025, −49 % in 2030, 0 in 2050), where the fall comes from
(retrofits or a cleaner grid), the energy labels per year and the share of gas-free
homes — for the whole stock, one corporation or one neighbourhood.

The numbers come from :mod:`desktop.models.co2`; this page only slices the result per
scope and draws it.  The stock's use per dwelling (``prepare_use``) is kept until
complexes or dwellings change, so an edit to a project recomputes only the projects'
part (well under a tenth of a second at 100,000 dwellings; ``bench/bench_co2_view.py``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..models import co2 as model
from ..models.defaults import (
    BASE_YEAR,
    CO2_TARGET_PATH,
    HORIZON_YEAR,
    cleaner_grid_scenario,
)
from ..models.enums import LABELS
from . import fmt, theme
from .charts import ColumnReadout, export_plot, make_plot, ready_to_paint
from .pages import Page
from .refresh import is_large
from .widgets import follow_page_links, heading_row, page_button, page_heading

FIRST_BASE_YEAR, LAST_BASE_YEAR = 2015, 2030
GAP_YEARS = (2030, 2050)
CHARTS = ("emissions", "sources", "labels", "gas-free")      # file names: co2-<chart>.png/.svg
# tables whose change alters the numbers; complexes/dwellings also invalidate the prepared use
RELEVANT = {"complexes", "dwellings", "projects", "emission_factors", "usage"}   # usage: measured use
STOCK_TABLES = {"complexes", "dwellings"}

PLAN_COLOUR = theme.PLAN
PATH_COLOUR = theme.TARGET_LINE
GAP_COLOUR = theme.BAD
RETROFIT_COLOUR = theme.OK
GRID_COLOUR = theme.CLEANER_GRID
GAS_FREE_COLOUR = theme.GAS_FREE
UNKNOWN = "?"                     # legend text of homes without a known label
LABEL_COLOURS = theme.ENERGY_LABELS
LABEL_ORDER = (*LABELS, UNKNOWN)


# --------------------------------------------------------------------------------------
# the numbers of one scope
@dataclass
class ScopeSeries:
    """Everything the charts draw for one scope, one value per year (numpy arrays)."""

    years: np.ndarray
    dwellings: np.ndarray
    tonnes: np.ndarray
    without_retrofits: np.ndarray
    target: np.ndarray            # the path's tonnes
    reduction: np.ndarray         # the path's reduction (fraction, negative)
    labels: np.ndarray            # (len(LABEL_ORDER) × years) homes per label
    gas_free: np.ndarray          # gas-free homes

    @property
    def base(self) -> float:
        return float(self.tonnes[0]) if len(self.tonnes) else 0.0

    @property
    def from_retrofits(self) -> np.ndarray:
        """Fall since the base year due to retrofits (tonnes)."""
        return self.without_retrofits - self.tonnes

    @property
    def from_grid(self) -> np.ndarray:
        """Fall since the base year due to changed emission factors (tonnes)."""
        return self.base - self.without_retrofits

    @property
    def needed(self) -> np.ndarray:
        """The fall the path asks for (tonnes)."""
        return self.base - self.target

    @property
    def gas_free_share(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.dwellings > 0, self.gas_free / np.maximum(self.dwellings, 1), 0.0)

    def index(self, year: int) -> int | None:
        i = int(year) - int(self.years[0]) if len(self.years) else -1
        return i if 0 <= i < len(self.years) else None

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({"year": self.years, "tonnes": self.tonnes,
                             "tonnes_without_retrofits": self.without_retrofits})


def _mask(frame: pd.DataFrame, kind: str, name) -> np.ndarray | None:
    if kind == "stock":
        return None
    values = frame[kind].to_numpy(dtype=object, na_value=None)
    return values == name


def _per_year(frame: pd.DataFrame, mask, column: str, base_year: int, ny: int) -> np.ndarray:
    y = frame["year"].to_numpy(dtype="int64") - base_year
    w = frame[column].to_numpy(dtype="float64")
    if mask is not None:
        y, w = y[mask], w[mask]
    return np.bincount(y, weights=w, minlength=ny)[:ny]


def label_codes(result: model.Co2Result) -> np.ndarray:
    """Per row of ``result.labels``: the index of its label in :data:`LABEL_ORDER`."""
    codes = pd.Categorical(result.labels["label"], categories=list(LABELS)).codes.astype("int64")
    return np.where(codes < 0, len(LABELS), codes)


def scope_series(result: model.Co2Result, kind: str = "stock", name=None,
                 codes: np.ndarray | None = None) -> ScopeSeries:
    """Sum the result's groups of one scope per year: ``kind`` "stock" (everything),
    "corporation" or "neighbourhood" with its ``name`` (None for the group without
    one).  The target path is the model's, from the scope's own base-year tonnes.
    ``codes``: :func:`label_codes` of the result, when known already."""
    base_year = result.base_year
    years = np.arange(base_year, result.end_year + 1)
    ny = len(years)
    g = result.by_group
    m = _mask(g, kind, name)
    tonnes = _per_year(g, m, "tonnes", base_year, ny)
    without = _per_year(g, m, "tonnes_without_retrofits", base_year, ny)
    dwellings = _per_year(g, m, "dwellings", base_year, ny)
    path = model.target_path(float(tonnes[0]) if ny else 0.0, base_year, result.end_year)

    lab = result.labels
    lm = _mask(lab, kind, name)
    if codes is None:
        codes = label_codes(result)
    y = lab["year"].to_numpy(dtype="int64") - base_year
    w = lab["dwellings"].to_numpy(dtype="float64")
    if lm is not None:
        codes, y, w = codes[lm], y[lm], w[lm]
    nl = len(LABEL_ORDER)
    labels = np.bincount(codes * ny + y, weights=w, minlength=nl * ny)[:nl * ny].reshape(nl, ny)

    gf = result.gas_free
    gas_free = _per_year(gf, _mask(gf, kind, name), "gas_free_dwellings", base_year, ny)
    return ScopeSeries(years, dwellings, tonnes, without,
                       path["target_tonnes"].to_numpy(dtype="float64"),
                       path["reduction"].to_numpy(dtype="float64"), labels, gas_free)


def _pct(fraction: float) -> str:
    """−12.3 % / −49 % (unicode minus, one decimal only when needed)."""
    value = abs(fraction) * 100
    decimals = 0 if abs(value - round(value)) < 0.05 else 1
    sign = "−" if fraction < 0 else ""
    return f"{sign}{fmt.number(value, decimals)} %"


def _tonnes(value: float) -> str:
    return fmt.number(value, 0)


def _locale_ticks(axis: pg.AxisItem, suffix: str = "") -> None:
    """Grouped thousands on a value axis (locale), no SI prefix scaling."""
    axis.enableAutoSIPrefix(False)

    def tick_strings(values, scale, spacing):
        decimals = 0 if spacing >= 1 else 1
        return [fmt.number(v * scale, decimals) + suffix for v in values]

    axis.tickStrings = tick_strings


@dataclass(frozen=True)
class PageData:
    use: object                      # model.prepare_use(ds): kept until the stock changes
    result: model.Co2Result
    codes: np.ndarray                # label_codes(result)
    seconds: float                   # how long the model took


def compute_page(ds, use, base_year: int, factors) -> PageData:
    """The model's result and what drawing it needs; ``use`` None: prepare it (on a
    worker thread for a large workspace, see :mod:`desktop.views.refresh`)."""
    t = time.perf_counter()
    if use is None:
        use = model.prepare_use(ds)
    result, _warnings = model.emissions(ds, base_year, HORIZON_YEAR, factors=factors, use=use)
    return PageData(use, result, label_codes(result), time.perf_counter() - t)


# --------------------------------------------------------------------------------------
class Co2Page(Page):
    key = "co2"
    depends_on = frozenset(RELEVANT)
    compute = staticmethod(compute_page)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._use = None                 # model.prepare_use(ds), until complexes/dwellings change
        self._result: model.Co2Result | None = None
        self._codes: np.ndarray | None = None     # label_codes(self._result)
        self._legend_labels: list[str] | None = None
        self.series: ScopeSeries | None = None
        self._later: list[str] = []      # charts left to fill on later turns
        self._filled = False             # a chart has been filled once
        self.timing = {"model": 0.0, "charts": 0.0}   # seconds of the last refresh

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("CO2 towards 2050"))
        self.stock_button = page_button(self.tr("Stock…"), "stock",
                                        self.tr("Add or change complexes and dwellings"))
        self.settings_button = page_button(self.tr("Emission factors and tariffs…"), "settings",
                                           self.tr("Edit the emission factors these figures use"))
        lay.addLayout(heading_row(self.heading, self.stock_button, self.settings_button))

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("Show:")))
        self.scope = QComboBox()
        self.scope.setMinimumContentsLength(22)
        self.scope.setToolTip(self.tr("The whole stock, one corporation or one neighbourhood"))
        row.addWidget(self.scope)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Base year:")))
        self.base_year = QSpinBox()
        self.base_year.setRange(FIRST_BASE_YEAR, LAST_BASE_YEAR)
        self.base_year.setValue(BASE_YEAR)
        self.base_year.setToolTip(self.tr("The year the target path's reductions are measured from"))
        row.addWidget(self.base_year)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Emission factors:")))
        self.scenario = QComboBox()
        self.scenario.addItem(self.tr("Factors of the workspace"), "workspace")
        self.scenario.addItem(self.tr("Scenario: cleaner grid"), "cleaner_grid")
        self.scenario.setToolTip(self.tr(
            "The cleaner-grid scenario lets the electricity factor fall linearly from 2025 "
            "to 0 in 2050 (gas unchanged). It is only shown, never stored."))
        row.addWidget(self.scenario)
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export charts…"))
        self.export_button.setToolTip(self.tr("Write every chart as PNG and SVG to a folder"))
        self.export_button.setEnabled(False)        # until the charts are built
        row.addWidget(self.export_button)
        lay.addLayout(row)

        self.factors_label = QLabel()
        self.factors_label.setWordWrap(True)
        self.factors_label.setStyleSheet(theme.text_style(theme.HINT))
        self.factors_label.setMinimumHeight(2 * self.factors_label.fontMetrics().lineSpacing())
        lay.addWidget(self.factors_label)

        self.summary = QLabel()
        self.summary.setObjectName("co2Summary")
        self.summary.setWordWrap(True)
        follow_page_links(self.summary)
        # styled and with room for its two lines (plus padding and border) from the
        # start: the charts below do not move, and all four repaint, when the figures
        # arrive
        self._summary_style(None)
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing() + 14)
        lay.addWidget(self.summary)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.charts: dict[str, pg.PlotWidget] = {}
        self._y_extent: dict[str, tuple[float, float, float]] = {}   # see _set_y
        self._grid = grid
        # every cell holds a placeholder until its chart is built, so the grid keeps its
        # geometry and adding a chart does not lay out and repaint the others
        self._placeholders = []
        for i in range(len(CHARTS)):
            holder = QWidget()
            holder.setMinimumSize(300, 200)
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(holder, i // 2, i % 2)
            self._placeholders.append(holder)
        self._builders = [self._build_emissions_chart, self._build_sources_chart,
                          self._build_labels_chart, self._build_gas_free_chart]
        # one chart per turn of the event loop, at any size (each takes ~25 ms to build
        # and as long again to lay out and paint), so the window keeps responding
        QTimer.singleShot(1, self, self._build_next_chart)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        lay.addLayout(grid, 1)

        self.export_note = QLabel()
        self.export_note.setStyleSheet(theme.text_style(theme.HINT))
        self.export_note.hide()
        lay.addWidget(self.export_note)

        self.scope.currentIndexChanged.connect(lambda _i: self._draw())
        self.base_year.valueChanged.connect(lambda _v: self._invalidate())
        self.scenario.currentIndexChanged.connect(lambda _i: self._invalidate())
        self.export_button.clicked.connect(self._export_dialog)
        self.refresh()

    # ----- charts ------------------------------------------------------------------
    def _build_next_chart(self) -> None:
        if not self._builders:
            return
        i = len(CHARTS) - len(self._builders)
        self._builders.pop(0)()
        chart = self.charts[CHARTS[i]]
        chart.setMinimumSize(300, 200)
        holder = self._placeholders[i]
        self._grid.replaceWidget(holder, chart)
        holder.deleteLater()
        if self._builders:
            QTimer.singleShot(1, self, self._build_next_chart)
            return
        self.export_button.setEnabled(True)
        if self.dirty:
            # on the next turn, once the last chart is painted: a worker computing
            # meanwhile would slow that paint down
            QTimer.singleShot(1, self, lambda: self.dirty and self.refresh())

    def charts_built(self) -> bool:
        return not self._builders

    def _plot(self, name: str, title: str, y_label: str, suffix: str = "") -> pg.PlotWidget:
        plot = make_plot(title, self.tr("Year"), y_label)
        item = plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.getViewBox().setDefaultPadding(0.02)
        _locale_ticks(item.getAxis("left"), suffix)
        item.legend.setLabelTextSize("9pt")
        self.charts[name] = plot
        item.getViewBox().sigResized.connect(lambda *_a, n=name: self._apply_y(n))
        return plot

    def _set_y(self, name: str, low: float, high: float, top_factor: float) -> None:
        """Show ``low``…``high`` on the y axis with the legend above the data, never over
        it: the axis reaches so high that the legend's rows sit in the room above
        ``high`` (at least ``top_factor`` × ``high``); again whenever the chart resizes."""
        self._y_extent[name] = (low, high, top_factor)
        self._apply_y(name)

    def _apply_y(self, name: str) -> None:
        if name not in self._y_extent:
            return
        low, high, top_factor = self._y_extent[name]
        item = self.charts[name].getPlotItem()
        view_height = item.getViewBox().height()
        legend = item.legend
        top = high * top_factor
        if view_height > 0 and legend is not None and legend.isVisible():
            # the legend's offset from the top (10 px) + its height + a gap of 8 px
            share = (10 + legend.boundingRect().height() + 8) / view_height
            if share < 0.8:
                top = max(top, low + (high - low) / (1 - share))
        item.setYRange(low, top, padding=0)

    def _legend(self, name: str) -> pg.LegendItem:
        return self.charts[name].getPlotItem().legend

    def _build_emissions_chart(self) -> None:
        plot = self._plot("emissions", self.tr("Emissions and the target path"),
                          self.tr("Emissions (t CO2 per year)"))
        self.path_curve = plot.plot([], [], name=self.tr("Target path"),
                                    pen=pg.mkPen(PATH_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self.plan_curve = plot.plot([], [], name=self.tr("Emissions with the plan"),
                                    pen=pg.mkPen(PLAN_COLOUR, width=2.5), symbol="o", symbolSize=5,
                                    symbolBrush=PLAN_COLOUR, symbolPen=None)
        self.milestones = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(theme.WHITE),
                                             pen=pg.mkPen(PATH_COLOUR, width=2), symbol="d")
        plot.addItem(self.milestones)
        self.gap_lines = plot.plot([], [], connect="pairs",
                                   pen=pg.mkPen(GAP_COLOUR, width=2))
        self.gap_texts: dict[int, pg.TextItem] = {}
        for year in GAP_YEARS:
            text = pg.TextItem("", color=GAP_COLOUR, anchor=(1.0, 0.5) if year == 2050 else (-0.05, 0.5))
            plot.addItem(text, ignoreBounds=True)
            self.gap_texts[year] = text
        self._legend("emissions").setColumnCount(2)
        self.emissions_readout = ColumnReadout(plot, self._emissions_text)

    def _build_sources_chart(self) -> None:
        plot = self._plot("sources", self.tr("Where the fall comes from"),
                          self.tr("Fall since the base year (t CO2 per year)"))
        self.retrofit_bars = pg.BarGraphItem(x=[], height=[], width=0.75, pen=None,
                                             brush=pg.mkBrush(RETROFIT_COLOUR), name=self.tr("Retrofits"))
        self.grid_bars = pg.BarGraphItem(x=[], height=[], width=0.75, pen=None,
                                         brush=pg.mkBrush(GRID_COLOUR), name=self.tr("Cleaner grid"))
        plot.addItem(self.retrofit_bars)
        plot.addItem(self.grid_bars)
        self.needed_curve = plot.plot([], [], name=self.tr("Fall the path asks for"),
                                      pen=pg.mkPen(PATH_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self._legend("sources").setColumnCount(2)
        self.sources_readout = ColumnReadout(plot, self._sources_text)

    def _build_labels_chart(self) -> None:
        plot = self._plot("labels", self.tr("Energy labels per year"), self.tr("Homes"))
        self.label_bars: dict[str, pg.BarGraphItem] = {}
        for label in LABEL_ORDER:
            bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None,
                                   brush=pg.mkBrush(LABEL_COLOURS[label]))
            plot.addItem(bars)         # unnamed: no legend entry yet (_draw adds those)
            bars.setOpts(name=label)
            self.label_bars[label] = bars
        self._legend("labels").setLabelTextSize("8pt")
        self.labels_readout = ColumnReadout(plot, self._labels_text)

    def _build_gas_free_chart(self) -> None:
        plot = self._plot("gas-free", self.tr("Gas-free homes"),
                          self.tr("Gas-free homes (% of homes)"), " %")
        fill = theme.qcolor(GAS_FREE_COLOUR, theme.GAS_FREE_FILL_ALPHA)
        self.gas_free_curve = plot.plot([], [], name=self.tr("Homes without natural gas"),
                                        pen=pg.mkPen(GAS_FREE_COLOUR, width=2.5), fillLevel=0,
                                        fillBrush=pg.mkBrush(fill), symbol="o",
                                        symbolSize=5, symbolBrush=GAS_FREE_COLOUR, symbolPen=None)
        self.gas_free_readout = ColumnReadout(plot, self._gas_free_text)

    # ----- data --------------------------------------------------------------------
    def forget(self, tables) -> None:
        if tables & STOCK_TABLES:
            self._use = None
        self._result = None
        self._codes = None

    def _invalidate(self) -> None:
        """Another base year or scenario: the model's result is computed again."""
        self._result = None
        self._codes = None
        self.refresh_when_shown()

    def factors_argument(self):
        """The ``factors=`` argument of the model for the chosen scenario (None: the
        workspace's own table, else the built-in defaults)."""
        if self.scenario.currentData() == "cleaner_grid":
            return cleaner_grid_scenario(min(self.base_year.value(), 2020), HORIZON_YEAR)
        return None

    def result(self) -> model.Co2Result:
        """The model's result for the chosen base year and factors (computed now if the
        page has none yet)."""
        if self._result is None:
            self._show_result(compute_page(self.controller.dataset, self._use,
                                           self.base_year.value(), self.factors_argument()))
        return self._result

    def refresh(self, tables=None) -> None:
        if not self.charts_built():
            # the figures are computed once the charts stand: building them while a
            # worker computes would make each step wait for the worker's turns
            self.dirty = True
            self.refresher.expect()
            return
        if self._result is None:
            super().refresh(tables)
        else:
            self.dirty = False
            self._fill_scopes()
            self._draw()

    def compute_args(self) -> tuple:
        return (self._use, self.base_year.value(), self.factors_argument())

    def at_once(self, tables) -> bool:
        # with the stock's use prepared the model takes ~30 ms at 100,000 dwellings:
        # computed at once (an edit); preparing it takes ~0.2 s: a worker thread
        return self._use is not None

    def _show_result(self, data: "PageData") -> None:
        self._use, self._result, self._codes = data.use, data.result, data.codes
        self.timing["model"] = data.seconds

    def show_result(self, data: "PageData") -> None:
        self._show_result(data)
        self._fill_scopes()
        self._draw()

    def _fill_scopes(self) -> None:
        result = self._result
        current = self.scope.currentData()
        corps = result.by_group["corporation"].dropna().unique().tolist()
        nbs = result.by_group["neighbourhood"].dropna().unique().tolist()
        entries = [(self.tr("Whole stock"), ("stock", None))]
        entries += [(fmt.tr_fmt(self.tr("Corporation: %1"), c), ("corporation", c))
                    for c in sorted(corps, key=str.casefold)]
        entries += [(fmt.tr_fmt(self.tr("Neighbourhood: %1"), n), ("neighbourhood", n))
                    for n in sorted(nbs, key=str.casefold)]
        keys = [f"{k}\x1f{n or ''}" for _t, (k, n) in entries]
        existing = [self.scope.itemData(i) for i in range(self.scope.count())]
        if keys == existing:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for (text, _scope), key in zip(entries, keys):
            self.scope.addItem(text, key)
        i = self.scope.findData(current) if current is not None else 0
        self.scope.setCurrentIndex(max(i, 0))
        self.scope.blockSignals(False)

    def current_scope(self) -> tuple[str, str | None]:
        data = self.scope.currentData() or "stock\x1f"
        kind, name = data.split("\x1f", 1)
        return kind, (name or None)

    def set_scope(self, kind: str, name: str | None = None) -> None:
        i = self.scope.findData(f"{kind}\x1f{name or ''}")
        if i < 0:
            raise KeyError((kind, name))
        self.scope.setCurrentIndex(i)

    # ----- drawing -----------------------------------------------------------------
    def _draw(self) -> None:
        if self._result is None or not self.charts_built():
            return
        t = time.perf_counter()
        if self._codes is None:
            self._codes = label_codes(self._result)
        s = self.series = scope_series(self._result, *self.current_scope(), codes=self._codes)
        self._write_texts(s)
        if is_large(self.controller.dataset) or not self._filled:
            # one chart per turn of the event loop: filling and repainting all four at
            # once holds the window for ~90 ms at 100,000 dwellings, one takes ~30 ms;
            # the first time at any size (the first paint of each chart costs most)
            self._fill(s, CHARTS[:1])
            if not self._later:
                QTimer.singleShot(1, self, self._fill_later)
            self._later = list(CHARTS[1:])
            self.refresher.expect()
        else:
            self._later = []
            self._fill(s, CHARTS)
        self.timing["charts"] = time.perf_counter() - t

    def _fill(self, s: ScopeSeries, charts) -> None:
        self._filled = True
        x = s.years.astype("float64")
        x_range = (x[0] - 0.6, x[-1] + 0.6)
        fills = {"emissions": self._fill_emissions, "sources": self._fill_sources,
                 "labels": self._fill_labels, "gas-free": self._fill_gas_free}
        for name in charts:
            fills[name](s, x, x_range)
        ready_to_paint(*(self.charts[name] for name in charts))

    def _fill_later(self) -> None:
        if self._later and self.series is not None:
            self._fill(self.series, [self._later.pop(0)])   # the newest series
        if self._later:
            QTimer.singleShot(1, self, self._fill_later)
        else:
            self.refresher.release()

    def charts_filled(self) -> bool:
        """Every chart shows the current series (tests and benchmarks wait on it)."""
        return self.series is not None and not self._later

    def _fill_emissions(self, s: ScopeSeries, x: np.ndarray, x_range: tuple) -> None:
        """Emissions against the path."""
        self.plan_curve.setData(x, s.tonnes)
        self.path_curve.setData(x, s.target)
        marks = [int(y) for y in CO2_TARGET_PATH if s.index(y) is not None and y > s.years[0]]
        self.milestones.setData([float(y) for y in marks], [float(s.target[s.index(y)]) for y in marks])
        gx, gy = [], []
        for year in GAP_YEARS:
            i = s.index(year)
            text = self.gap_texts[year]
            if i is None:
                text.setText("")
                continue
            gx += [float(year), float(year)]
            gy += [float(s.target[i]), float(s.tonnes[i])]
            gap = s.tonnes[i] - s.target[i]
            text.setText(fmt.tr_fmt(self.tr("gap %1 t"), _tonnes(gap)) if abs(gap) >= 0.5 else "")
            text.setPos(float(year) - (0.3 if year == 2050 else -0.3), float((s.tonnes[i] + s.target[i]) / 2))
        self.gap_lines.setData(gx, gy)
        top = max(float(np.max(s.tonnes, initial=0)), float(np.max(s.target, initial=0)), 1.0)
        item = self.charts["emissions"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self._set_y("emissions", 0.0, top, 1.15)

    def _fill_sources(self, s: ScopeSeries, x: np.ndarray, x_range: tuple) -> None:
        """The fall and its sources."""
        retro, grid = s.from_retrofits, s.from_grid
        self.retrofit_bars.setOpts(x=x, height=retro, y0=np.zeros_like(x))
        self.grid_bars.setOpts(x=x, height=grid, y0=np.maximum(retro, 0.0))
        self.needed_curve.setData(x, s.needed)
        high = max(float(np.max(np.maximum(retro, 0) + grid, initial=0)),
                   float(np.max(s.needed, initial=0)), 1.0)
        low = min(float(np.min(retro, initial=0)), float(np.min(grid, initial=0)), 0.0)
        item = self.charts["sources"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self._set_y("sources", low * 1.1, high, 1.1)

    def _fill_labels(self, s: ScopeSeries, x: np.ndarray, x_range: tuple) -> None:
        """Labels, stacked from the best label up; the legend lists the labels shown."""
        bottom = np.zeros_like(x)
        present = [lab for k, lab in enumerate(LABEL_ORDER) if s.labels[k].any()]
        for k, label in enumerate(LABEL_ORDER):
            counts = s.labels[k]
            bars = self.label_bars[label]
            bars.setOpts(x=x, height=counts, y0=bottom.copy())
            bars.setVisible(label in present)
            bottom = bottom + counts
        if present != self._legend_labels:      # rebuilding the legend costs ~10 ms
            legend = self._legend("labels")
            legend.clear()
            for label in reversed(present):    # worst first: the legend reads like the stack
                legend.addItem(self.label_bars[label],
                               self.tr("unknown") if label == UNKNOWN else label)
            legend.setColumnCount(max(1, min(len(present), 7)))
            self._legend_labels = present
        item = self.charts["labels"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self._set_y("labels", 0.0, max(float(np.max(bottom, initial=0)), 1.0), 1.1)

    def _fill_gas_free(self, s: ScopeSeries, x: np.ndarray, x_range: tuple) -> None:
        """The share of homes off gas."""
        self.gas_free_curve.setData(x, s.gas_free_share * 100)
        item = self.charts["gas-free"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self._set_y("gas-free", 0.0, 100.0, 1.08)

    def _write_texts(self, s: ScopeSeries) -> None:
        self.factors_label.setText(self._factors_text())
        self.factors_label.setToolTip(self._factors_table())
        if not len(s.years) or s.dwellings[0] <= 0:
            self.summary.setText(self.tr("No homes in this selection yet: add complexes and "
                                         "dwellings on the <a href=\"stock\">Stock</a> page, or "
                                         "import a workbook."))
            self._summary_style(None)
            return
        parts, behind = [], False
        for year in GAP_YEARS:
            i = s.index(year)
            if i is None:
                continue
            reduction = float(s.reduction[i])
            path = (self.tr("the path to zero") if reduction <= -1.0 else
                    fmt.tr_fmt(self.tr("the %1 path"), _pct(reduction)))
            diff = float(s.tonnes[i] - s.target[i])     # = model.gap(...)["gap_tonnes"]
            if diff >= 0.5:
                behind = True
                what = fmt.tr_fmt(self.tr("%1 t CO2 above %2"), _tonnes(diff), path)
            elif diff <= -0.5:
                what = fmt.tr_fmt(self.tr("%1 t CO2 below %2"), _tonnes(-diff), path)
            else:
                what = fmt.tr_fmt(self.tr("on %1"), path)
            parts.append(fmt.tr_fmt(self.tr("<b>%1: %2</b> (plan %3 t, path %4 t)"),
                                    str(year), what, _tonnes(s.tonnes[i]), _tonnes(s.target[i])))
        falls = []
        for year in GAP_YEARS:
            i = s.index(year)
            if i is None or i == 0:
                continue
            falls.append(fmt.tr_fmt(self.tr("by %1 %2 t (retrofits %3 t, cleaner grid %4 t)"),
                                    str(year), _tonnes(s.base - s.tonnes[i]),
                                    _tonnes(s.from_retrofits[i]), _tonnes(s.from_grid[i])))
        text = " · ".join(parts)
        if falls:
            text += "<br>" + fmt.tr_fmt(self.tr("Fall since %1 (%2 t CO2): "),
                                        str(int(s.years[0])), _tonnes(s.base)) + "; ".join(falls)
        self.summary.setText(text)
        self._summary_style(behind)

    def _summary_style(self, behind: bool | None) -> None:
        colours = {True: (theme.BAD_BG, theme.BEHIND_BORDER),
                   False: (theme.OK_BG, theme.ON_PATH_BORDER),
                   None: (theme.PANEL_BG, theme.PANEL_BORDER)}
        self.summary.setStyleSheet(theme.box_style("#co2Summary", *colours[behind]))

    def _factors_text(self) -> str:
        fac = self._result.factors
        years = fac["year"].to_numpy(dtype="int64")
        parts = []
        for column, unit, name in (("gas_kg_m3", "kg CO2/m³", self.tr("gas")),
                                   ("electricity_kg_kwh", "kg CO2/kWh", self.tr("electricity"))):
            v = fac[column].to_numpy(dtype="float64")
            if np.allclose(v, v[0]):
                parts.append(fmt.tr_fmt(self.tr("%1 %2 %3 every year"),
                                        name, fmt.number(v[0], 3), unit))
            else:
                shown = sorted({int(years[0]), 2030, int(years[-1])})
                steps = ", ".join(fmt.tr_fmt(self.tr("%1 in %2"),
                                             fmt.number(v[y - years[0]], 3), str(y)) for y in shown)
                parts.append(f"{name} {steps} ({unit})")
        if self.scenario.currentData() == "cleaner_grid":
            source = self.tr("Scenario 'cleaner grid' (shown only, not stored)")
        elif bool(fac["from_defaults"].iloc[0]):
            source = self.tr("Built-in defaults (the workspace has no emission factors)")
        else:
            source = self.tr("Factors of the workspace (a missing year takes the nearest earlier one)")
        return (fmt.tr_fmt(self.tr("Factors in force — %1: %2. Edit them on the Tariffs and factors page."),
                           source, "; ".join(parts)))

    def _factors_table(self) -> str:
        fac = self._result.factors
        rows = "".join(f"<tr><td>{int(r.year)}</td><td align='right'>{fmt.number(r.gas_kg_m3, 3)}</td>"
                       f"<td align='right'>{fmt.number(r.electricity_kg_kwh, 3)}</td></tr>"
                       for r in fac.itertuples())
        return (f"<table><tr><th>{self.tr('Year')}</th><th>{self.tr('Gas kg/m³')}</th>"
                f"<th>{self.tr('Electricity kg/kWh')}</th></tr>{rows}</table>")

    # ----- read-outs ---------------------------------------------------------------
    def _year_at(self, x: float) -> int | None:
        s = self.series
        if s is None or not len(s.years):
            return None
        i = s.index(int(round(x)))
        return None if i is None else i

    def _emissions_text(self, x: float) -> str:
        i = self._year_at(x)
        if i is None:
            return ""
        s = self.series
        gap = s.tonnes[i] - s.target[i]
        return fmt.tr_fmt(self.tr("<b>%1</b><br>Emissions: %2 t CO2<br>Target path: %3 t (%4)<br>"
                                  "Gap: %5 t"),
                          str(int(s.years[i])), _tonnes(s.tonnes[i]), _tonnes(s.target[i]),
                          _pct(s.reduction[i]), _tonnes(gap))

    def _sources_text(self, x: float) -> str:
        i = self._year_at(x)
        if i is None:
            return ""
        s = self.series
        return fmt.tr_fmt(self.tr("<b>%1</b><br>Fall since %2: %3 t CO2<br>from retrofits: %4 t<br>"
                                  "from a cleaner grid: %5 t<br>the path asks for: %6 t"),
                          str(int(s.years[i])), str(int(s.years[0])),
                          _tonnes(s.base - s.tonnes[i]), _tonnes(s.from_retrofits[i]),
                          _tonnes(s.from_grid[i]), _tonnes(s.needed[i]))

    def _labels_text(self, x: float) -> str:
        i = self._year_at(x)
        if i is None:
            return ""
        s = self.series
        cells = []
        for k in reversed(range(len(LABEL_ORDER))):
            n = s.labels[k, i]
            if n > 0:
                name = self.tr("unknown") if LABEL_ORDER[k] == UNKNOWN else LABEL_ORDER[k]
                cells.append(f"<td>{name}&nbsp;</td><td align='right'>{fmt.integer(n)}</td>")
        half = (len(cells) + 1) // 2               # two columns: the read-out stays short
        rows = "".join(f"<tr>{left}<td>&nbsp;&nbsp;&nbsp;</td>{right}</tr>" for left, right in
                       zip(cells[:half], cells[half:] + [""] * (2 * half - len(cells))))
        return (fmt.tr_fmt(self.tr("<b>%1</b>: homes per label"), str(int(s.years[i])))
                + f"<table cellspacing='0'>{rows}</table>")

    def _gas_free_text(self, x: float) -> str:
        i = self._year_at(x)
        if i is None:
            return ""
        s = self.series
        return fmt.tr_fmt(self.tr("<b>%1</b><br>%2 of %3 homes gas-free (%4)"),
                          str(int(s.years[i])), fmt.integer(s.gas_free[i]),
                          fmt.integer(s.dwellings[i]), fmt.percent(s.gas_free_share[i] * 100, 1))

    # ----- export ------------------------------------------------------------------
    def export_charts(self, directory) -> list[Path]:
        """Write every chart as ``co2-<chart>.png`` and ``.svg`` into ``directory``;
        returns the paths written."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for readout in (self.emissions_readout, self.sources_readout, self.labels_readout,
                        self.gas_free_readout):
            readout.hide()
        written = []
        for name in CHARTS:
            for suffix in (".png", ".svg"):
                written.append(export_plot(self.charts[name], directory / f"co2-{name}{suffix}"))
        return written

    def _export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, self.tr("Export charts to folder"),
                                                     str(Path.home()))
        if not directory:
            return
        try:
            written = self.export_charts(directory)
        except OSError as exc:
            self.export_note.setText(fmt.tr_fmt(self.tr("Could not write the charts: %1"),
                                                str(exc)))
        else:
            self.export_note.setText(fmt.tr_fmt(self.tr("%1 files written to %2"),
                                                str(len(written)), directory))
        self.export_note.show()
