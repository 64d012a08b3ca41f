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
import pyqtgraph as pg
from PySide6.QtCore import QTimer
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
from ..models.defaults import BASE_YEAR, HORIZON_YEAR, cleaner_grid_scenario
from . import fmt, theme
from .charts import ColumnReadout, export_plot
from .co2_charts import (  # noqa: F401  (CHARTS, LABEL_ORDER, UNKNOWN, GAP_YEARS: this page's names)
    CHARTS,
    GAP_YEARS,
    LABEL_ORDER,
    UNKNOWN,
    Co2Charts,
    ScopeSeries,
    label_codes,
    scope_series,
)
from .pages import Page
from .refresh import is_large
from .versions import Co2Versions
from .widgets import follow_page_links, heading_row, page_button, page_heading

FIRST_BASE_YEAR, LAST_BASE_YEAR = 2015, 2030
# tables whose change alters the numbers; complexes/dwellings also invalidate the prepared use
RELEVANT = {"complexes", "dwellings", "projects", "emission_factors", "usage",   # usage: measured use
            "heat_plan"}                                # heat_plan: a network's own factor
STOCK_TABLES = {"complexes", "dwellings"}


def _pct(fraction: float) -> str:
    """−12.3 % / −49 % (unicode minus, one decimal only when needed)."""
    value = abs(fraction) * 100
    decimals = 0 if abs(value - round(value)) < 0.05 else 1
    sign = "−" if fraction < 0 else ""
    return f"{sign}{fmt.number(value, decimals)} %"


def _tonnes(value: float) -> str:
    return fmt.number(value, 0)


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

    # the drawn items (Co2Charts), as the page's read-outs and tests name them
    for _name in ("plan_curve", "path_curve", "milestones", "gap_lines", "gap_texts", "retrofit_bars",
                  "grid_bars", "needed_curve", "label_bars", "gas_free_curve"):
        locals()[_name] = property(lambda self, n=_name: getattr(self.drawing, n))
    del _name

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._use = None                 # model.prepare_use(ds), until complexes/dwellings change
        self._result: model.Co2Result | None = None
        self._codes: np.ndarray | None = None     # label_codes(self._result)
        self.drawing = Co2Charts()       # the charts, drawn by the same code as in the yearly report
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
        self.route_button = QPushButton(self.tr("Propose route…"))    # issue 21.4
        self.route_button.setToolTip(self.tr("An optimised year for each complex's end state"))
        self.route_button.clicked.connect(lambda _=False: self.propose_route())
        top_row = heading_row(self.heading, self.route_button, self.stock_button,
                              self.settings_button)
        lay.addLayout(top_row)

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
        self.versions = Co2Versions(self, top_row)     # a plan version's line (issue 21.5)

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
        self.heat_network = QLabel()        # homes on a heat network (issue 21)
        self.heat_network.setStyleSheet(theme.text_style(theme.HINT))
        lay.addWidget(self.heat_network)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.charts: dict[str, pg.PlotWidget] = self.drawing.charts
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
        self._builders = list(CHARTS)
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
        chart = self.drawing.build(self._builders.pop(0))
        self._attach_readout(CHARTS[i])
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

    def _attach_readout(self, name: str) -> None:
        """The page's mouse read-out on a chart the drawing code just built."""
        plot = self.drawing.charts[name]
        text = {"emissions": self._emissions_text, "sources": self._sources_text,
                "labels": self._labels_text, "gas-free": self._gas_free_text}[name]
        setattr(self, {"gas-free": "gas_free"}.get(name, name) + "_readout", ColumnReadout(plot, text))

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
        from .heatplan import heat_network_text
        self.heat_network.setText(heat_network_text(self.controller.dataset, self._use,
                                                    self.base_year.value()))
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
        self.drawing.fill(s, charts)
        if "emissions" in charts:
            self.versions.draw()

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
    def propose_route(self):
        """Propose route… (issue 21.4): the optimised route in its own dialog."""
        from .route import open_route_dialog

        return open_route_dialog(self.controller, self)

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
