"""The CO2 page's four charts — emissions against the path, where the fall comes from, the
energy labels per year and the gas-free share — built and filled by one piece of code for
the page (:mod:`desktop.views.co2`) and the printed yearly report
(:mod:`desktop.documents.report`), so both draw the same chart.

:class:`Co2Charts` takes the translation (``translate(context, text)``, Qt's
``QCoreApplication.translate`` on the page, the report's chosen language in print; the
texts keep the page's context "Co2Page", written out at each call for lupdate) and
the locale its numbers are written in; the page adds its mouse read-outs to the plots.
:func:`scope_series` sums the model's result for one scope (stock, corporation or
neighbourhood).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from ..models import co2 as model
from ..models.defaults import CO2_TARGET_PATH
from ..models.enums import LABELS
from . import fmt, theme
from .charts import make_plot, ready_to_paint

GAP_YEARS = (2030, 2050)
CHARTS = ("emissions", "sources", "labels", "gas-free")      # file names: co2-<chart>.png/.svg
PLAN_COLOUR = theme.PLAN
PATH_COLOUR = theme.TARGET_LINE
GAP_COLOUR = theme.BAD
RETROFIT_COLOUR = theme.OK
GRID_COLOUR = theme.CLEANER_GRID
GAS_FREE_COLOUR = theme.GAS_FREE
VERSION_COLOUR = theme.VERSION
UNKNOWN = "?"                     # legend text of homes without a known label
LABEL_COLOURS = theme.ENERGY_LABELS
LABEL_ORDER = (*LABELS, UNKNOWN)


# ----- the numbers of one scope ----------------------------------------------------
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



def locale_ticks(axis: pg.AxisItem, suffix: str = "", locale: QLocale | None = None) -> None:
    """Grouped thousands on a value axis (``locale``, else the default), no SI prefix scaling."""
    axis.enableAutoSIPrefix(False)

    def tick_strings(values, scale, spacing):
        decimals = 0 if spacing >= 1 else 1
        loc = locale or QLocale()
        return [loc.toString(float(v * scale), "f", decimals) + suffix for v in values]

    axis.tickStrings = tick_strings


class Co2Charts:
    """The four charts: :meth:`build` one by name (``self.charts[name]``), :meth:`fill`
    some with a :class:`ScopeSeries`.  Curves and bars are attributes (``plan_curve``,
    ``label_bars``, ...) for the page's read-outs and tests."""

    def __init__(self, translate: Callable[[str, str], str] | None = None,
                 locale: QLocale | None = None) -> None:
        self.translate = translate or QCoreApplication.translate
        self.locale = locale
        self.charts: dict[str, pg.PlotWidget] = {}
        self._y_extent: dict[str, tuple[float, float, float]] = {}   # see set_y
        self._legend_labels: list[str] | None = None

    def number(self, value: float, decimals: int = 0) -> str:
        return (self.locale or QLocale()).toString(float(value), "f", decimals)

    def build(self, name: str) -> pg.PlotWidget:
        {"emissions": self._build_emissions, "sources": self._build_sources,
         "labels": self._build_labels, "gas-free": self._build_gas_free}[name]()
        return self.charts[name]

    def build_all(self) -> dict[str, pg.PlotWidget]:
        for name in CHARTS:
            self.build(name)
        return self.charts

    # ----- building ----------------------------------------------------------------
    def _plot(self, name: str, title: str, y_label: str, suffix: str = "") -> pg.PlotWidget:
        translate = self.translate
        plot = make_plot(title, translate("Co2Page", "Year"), y_label)
        item = plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.getViewBox().setDefaultPadding(0.02)
        locale_ticks(item.getAxis("left"), suffix, self.locale)
        item.legend.setLabelTextSize("9pt")
        self.charts[name] = plot
        item.getViewBox().sigResized.connect(lambda *_a, n=name: self.apply_y(n))
        return plot

    def set_y(self, name: str, low: float, high: float, top_factor: float) -> None:
        """Show ``low``…``high`` on the y axis with the legend above the data, never over
        it: the axis reaches so high that the legend's rows sit in the room above
        ``high`` (at least ``top_factor`` × ``high``); again whenever the chart resizes."""
        self._y_extent[name] = (low, high, top_factor)
        self.apply_y(name)

    def apply_y(self, name: str) -> None:
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

    def legend(self, name: str) -> pg.LegendItem:
        return self.charts[name].getPlotItem().legend

    def _build_emissions(self) -> None:
        translate = self.translate
        plot = self._plot("emissions", translate("Co2Page", "Emissions and the target path"),
                          translate("Co2Page", "Emissions (t CO2 per year)"))
        self.path_curve = plot.plot([], [], name=translate("Co2Page", "Target path"),
                                    pen=pg.mkPen(PATH_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self.plan_curve = plot.plot([], [], name=translate("Co2Page", "Emissions with the plan"),
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
        self.legend("emissions").setColumnCount(2)

    def _build_sources(self) -> None:
        translate = self.translate
        plot = self._plot("sources", translate("Co2Page", "Where the fall comes from"),
                          translate("Co2Page", "Fall since the base year (t CO2 per year)"))
        self.retrofit_bars = pg.BarGraphItem(x=[], height=[], width=0.75, pen=None,
                                             brush=pg.mkBrush(RETROFIT_COLOUR),
                                             name=translate("Co2Page", "Retrofits"))
        self.grid_bars = pg.BarGraphItem(x=[], height=[], width=0.75, pen=None,
                                         brush=pg.mkBrush(GRID_COLOUR), name=translate("Co2Page", "Cleaner grid"))
        plot.addItem(self.retrofit_bars)
        plot.addItem(self.grid_bars)
        self.needed_curve = plot.plot([], [], name=translate("Co2Page", "Fall the path asks for"),
                                      pen=pg.mkPen(PATH_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self.legend("sources").setColumnCount(2)

    def _build_labels(self) -> None:
        translate = self.translate
        plot = self._plot("labels", translate("Co2Page", "Energy labels per year"), translate("Co2Page", "Homes"))
        self.label_bars: dict[str, pg.BarGraphItem] = {}
        for label in LABEL_ORDER:
            bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None,
                                   brush=pg.mkBrush(LABEL_COLOURS[label]))
            plot.addItem(bars)         # unnamed: no legend entry yet (fill adds those)
            bars.setOpts(name=label)
            self.label_bars[label] = bars
        self.legend("labels").setLabelTextSize("8pt")

    def _build_gas_free(self) -> None:
        translate = self.translate
        plot = self._plot("gas-free", translate("Co2Page", "Gas-free homes"),
                          translate("Co2Page", "Gas-free homes (% of homes)"), " %")
        fill = theme.qcolor(GAS_FREE_COLOUR, theme.GAS_FREE_FILL_ALPHA)
        self.gas_free_curve = plot.plot([], [], name=translate("Co2Page", "Homes without natural gas"),
                                        pen=pg.mkPen(GAS_FREE_COLOUR, width=2.5), fillLevel=0,
                                        fillBrush=pg.mkBrush(fill), symbol="o",
                                        symbolSize=5, symbolBrush=GAS_FREE_COLOUR, symbolPen=None)

    # ----- an optional comparison line (plan versions, issue 21.3) -----------------
    # Added on first use, so a drawing that never compares (the yearly report) is the
    # same as before.
    version_curve = None

    def set_version_line(self, years, tonnes, name: str) -> None:
        """Draw a plan version's emissions beside the plan's (``years``/``tonnes``:
        equal-length sequences) in the emissions chart, named ``name`` in its legend."""
        plot = self.charts["emissions"]
        if self.version_curve is None:
            self.version_curve = plot.plot(
                [], [], name=name, pen=pg.mkPen(VERSION_COLOUR, width=2.5),
                symbol="t", symbolSize=6, symbolBrush=VERSION_COLOUR, symbolPen=None)
        else:
            legend = self.legend("emissions")
            legend.removeItem(self.version_curve)
            legend.addItem(self.version_curve, name)
        self.version_curve.setData(np.asarray(years, dtype="float64"),
                                   np.asarray(tonnes, dtype="float64"))
        if self._y_extent.get("emissions"):
            low, high, factor = self._y_extent["emissions"]
            top = max(high, float(np.max(np.asarray(tonnes, dtype="float64"), initial=0)))
            self.set_y("emissions", low, top, factor)

    def clear_version_line(self) -> None:
        """Remove the version line (and its legend entry), if drawn."""
        if self.version_curve is None:
            return
        plot = self.charts["emissions"]
        self.legend("emissions").removeItem(self.version_curve)
        plot.removeItem(self.version_curve)
        self.version_curve = None

    # ----- filling -----------------------------------------------------------------
    def fill(self, s: ScopeSeries, names=CHARTS) -> None:
        """Draw ``s`` in the charts ``names`` (built already)."""
        x = s.years.astype("float64")
        x_range = (x[0] - 0.6, x[-1] + 0.6)
        fills = {"emissions": self._fill_emissions, "sources": self._fill_sources,
                 "labels": self._fill_labels, "gas-free": self._fill_gas_free}
        for name in names:
            fills[name](s, x, x_range)
        ready_to_paint(*(self.charts[name] for name in names))

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
            text.setText(fmt.tr_fmt(self.translate("Co2Page", "gap %1 t"), self.number(gap))
                         if abs(gap) >= 0.5 else "")
            text.setPos(float(year) - (0.3 if year == 2050 else -0.3), float((s.tonnes[i] + s.target[i]) / 2))
        self.gap_lines.setData(gx, gy)
        top = max(float(np.max(s.tonnes, initial=0)), float(np.max(s.target, initial=0)), 1.0)
        item = self.charts["emissions"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self.set_y("emissions", 0.0, top, 1.15)

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
        self.set_y("sources", low * 1.1, high, 1.1)

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
            legend = self.legend("labels")
            legend.clear()
            for label in reversed(present):    # worst first: the legend reads like the stack
                legend.addItem(self.label_bars[label],
                               self.translate("Co2Page", "unknown") if label == UNKNOWN else label)
            legend.setColumnCount(max(1, min(len(present), 7)))
            self._legend_labels = present
        item = self.charts["labels"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self.set_y("labels", 0.0, max(float(np.max(bottom, initial=0)), 1.0), 1.1)

    def _fill_gas_free(self, s: ScopeSeries, x: np.ndarray, x_range: tuple) -> None:
        """The share of homes off gas."""
        self.gas_free_curve.setData(x, s.gas_free_share * 100)
        item = self.charts["gas-free"].getPlotItem()
        item.setXRange(*x_range, padding=0)
        self.set_y("gas-free", 0.0, 100.0, 1.08)


__all__ = ["Co2Charts", "ScopeSeries", "scope_series", "label_codes", "locale_ticks", "CHARTS",
           "GAP_YEARS", "LABEL_ORDER", "UNKNOWN"]
