"""Affordability page (seed 3K, 3L): rent increase against energy saving per project and
per corporation and year, total housing costs before and after, rent-limit flags, and a
chart of rent increase against saving with the 3K line.

Every number comes from :mod:`desktop.models.affordability` (money in whole cents, so
no float drift decides a verdict); this page filters, colours and draws.

Traffic light per project (the rules are :mod:`desktop.models.affordability_rules`):
red — the rent increase exceeds the energy saving (3K not met); amber — 3K met but a
rule flags the project (a rent limit exceeded, an energy rent increase from 2023 on);
green — otherwise.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from ..models import affordability
from ..models import affordability_rules as rules
from . import fmt, theme
from .charts import (
    VERDICT_COLOURS, HoverPoint, HoverReadout, export_plot, make_plot, ready_to_paint,
)
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .widgets import data_table, heading_row, page_button, page_heading, section_label

RED = theme.qcolor(theme.BAD_BG)
GREEN = theme.qcolor(theme.OK_BG)
AMBER = theme.qcolor(theme.WARN_BG)
LIGHT_BRUSH = {"ok": QBrush(GREEN), "warning": QBrush(AMBER), "not_ok": QBrush(RED)}
ALL = "__all__"


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


def light_text(light: str | None) -> str:
    return {"ok": translate("AffordabilityPage", "affordable"), "warning": translate("AffordabilityPage", "affordable, flagged"),
            "not_ok": translate("AffordabilityPage", "not affordable")}.get(light or "", "")


def project_frame(ds) -> tuple[pd.DataFrame, list]:
    """:func:`affordability.project_table` plus display columns: ``light`` (ok /
    warning / not_ok, :func:`affordability_rules.traffic_light`), ``flags`` (the texts of
    :data:`affordability_rules.RULES`), ``housing_cost_change_cents`` and ``tariffs``."""
    frame, warnings = affordability.project_table(ds)
    frame = frame.copy()
    flags = rules.project_flags(frame)          # the rules of the core, rendered here
    frame["light"] = pd.array(rules.traffic_light(frame["ok"], flags), dtype="string")
    frame["verdict_text"] = [light_text(v) for v in frame["light"]]
    language = fmt.language()
    frame["flags"] = [rules.flags_text(f, language) for f in flags]
    frame["housing_cost_change_cents"] = (frame["housing_cost_after_cents"]
                                          - frame["housing_cost_before_cents"])
    frame["tariffs"] = [
        f"{fmt.number(g, 2)} / {fmt.number(e, 3)}"
        + (f" ({y})" if y != yr else "") + (" *" if est else "")
        for g, e, y, yr, est in zip(frame["gas_tariff"], frame["electricity_tariff"],
                                    frame["tariff_source_year"], frame["year"],
                                    frame["tariff_estimate"])]
    return frame, warnings


def page_data(ds) -> tuple[pd.DataFrame, list, pd.DataFrame]:
    """Everything the page shows: the projects (:func:`project_frame`), their warnings
    and the table per corporation and year (on a worker thread for a large
    workspace, see :mod:`desktop.views.refresh`)."""
    projects, warnings = project_frame(ds)
    corp, _ = affordability.corporation_year_table(ds, projects)
    corp = corp.copy()
    corp["verdict_text"] = [translate("AffordabilityPage", "met") if ok
                            else translate("AffordabilityPage", "not met") for ok in corp["ok"]]
    return projects, warnings, corp


class AffordabilityPage(Page):
    key = "affordability"
    depends_on = frozenset({"projects", "complexes", "dwellings", "tariffs", "rent_limits"})
    compute = staticmethod(page_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self._colour_source = None          # the frame _project_colour's arrays were read from
        self._projects = pd.DataFrame()
        self._corp_years = pd.DataFrame()
        self._scatter: dict[str, pg.ScatterPlotItem] = {}

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("Affordability: rent increase against energy saving"))
        self.settings_button = page_button(self.tr("Tariffs and rent limits…"), "settings",
                                           self.tr("Edit the tariffs and rent limits these figures use"))
        lay.addLayout(heading_row(self.heading, self.settings_button))
        self.intro = QLabel(self.tr(
            "3K: the rent increase for energy measures may not exceed the drop in energy "
            "costs at the tariffs of that year — per project and per corporation and year "
            "(dwelling-weighted). 3L: tenants see total housing costs (rent + energy)."))
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hint")
        lay.addWidget(self.intro)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Corporation:")))
        self.corporation_box = QComboBox()
        self.corporation_box.setMinimumContentsLength(14)
        filters.addWidget(self.corporation_box)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Year:")))
        self.year_box = QComboBox()
        self.year_box.setMinimumContentsLength(6)
        filters.addWidget(self.year_box)
        filters.addSpacing(16)
        self.summary = QLabel()
        filters.addWidget(self.summary, 1)
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.export_button.setToolTip(self.tr("Save the chart as PNG or SVG"))
        self.export_button.clicked.connect(self._export_dialog)
        filters.addWidget(self.export_button)
        lay.addLayout(filters)
        self.corporation_box.currentIndexChanged.connect(self._apply_filter)
        self.year_box.currentIndexChanged.connect(self._apply_filter)

        # ---- chart and corporation/year table -------------------------------------
        top = QWidget()
        top_lay = QHBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.setSpacing(12)
        self.plot = make_plot(self.tr("Rent increase against energy saving per project"),
                              self.tr("Energy saving (€ per dwelling per month)"),
                              self.tr("Rent increase (€ per dwelling per month)"))
        self.plot.setMinimumSize(420, 280)
        self.plot.setToolTip(self.tr("Points above the diagonal break rule 3K: the rent "
                                     "increase exceeds the energy saving."))
        self._line = self.plot.plot([0, 1], [0, 1], name=self.tr("3K limit: increase = saving"),
                                    pen=pg.mkPen(theme.LIMIT_LINE, width=1.5,
                                                 style=Qt.PenStyle.DashLine))
        for light in ("ok", "warning", "not_ok"):
            item = pg.ScatterPlotItem(size=10, pen=pg.mkPen(theme.POINT_EDGE, width=0.8),
                                      brush=pg.mkBrush(VERDICT_COLOURS[light]),
                                      name=light_text(light))
            self.plot.addItem(item)
            self._scatter[light] = item
        self.plot.getPlotItem().legend.setOffset((-10, 10))   # top right: below the line
        self.readout = HoverReadout(self.plot, self._hover_text)
        top_lay.addWidget(self.plot, 4)

        right = QVBoxLayout()
        right.addWidget(section_label(self.tr("Per corporation and year (dwelling-weighted averages)")))
        self.corp_model = FrameTableModel([
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("projects", self.tr("Projects"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("dwellings", self.tr("Dwel-\nlings"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("avg_rent_increase_cents", self.tr("Rent\nincrease"), fmt.money_cents,
                       NUMBER_ALIGN, self.tr("Dwelling-weighted average per month")),
            ColumnSpec("avg_energy_saving_cents", self.tr("Energy\nsaving"), fmt.money_cents,
                       NUMBER_ALIGN, self.tr("Dwelling-weighted average per month")),
            ColumnSpec("verdict_text", self.tr("3K"), tooltip=self.tr(
                "Average rent increase ≤ average energy saving (whole cents)")),
        ], key="corporation")
        self.corp_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._corp_colour)
        self.corp_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._corp_tip)
        self.corp_view = data_table(self.corp_model, stretch=6, sort_column=0)
        right.addWidget(self.corp_view)
        top_lay.addLayout(right, 5)

        # ---- projects ---------------------------------------------------------------
        bottom = QWidget()
        bottom_lay = QVBoxLayout(bottom)
        bottom_lay.setContentsMargins(0, 0, 0, 0)
        per_project = section_label(self.tr(
            "Per project: monthly amounts per dwelling; housing costs = average net rent + "
            "energy at the complex's average use"))
        per_project.setWordWrap(True)           # two lines on a narrow window, not cut
        bottom_lay.addWidget(per_project)
        money = fmt.money_cents
        self.project_model = FrameTableModel([
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v), NUMBER_ALIGN),
            ColumnSpec("dwellings", self.tr("Dwel-\nlings"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("energy_saving_cents", self.tr("Energy\nsaving"), money, NUMBER_ALIGN,
                       self.tr("(gas m³ × gas tariff + kWh × electricity tariff) / 12")),
            ColumnSpec("rent_increase_cents", self.tr("Rent\nincrease"), money, NUMBER_ALIGN),
            ColumnSpec("margin_cents", self.tr("Margin"), money, NUMBER_ALIGN,
                       self.tr("Energy saving minus rent increase")),
            ColumnSpec("verdict_text", self.tr("Verdict")),
            ColumnSpec("housing_cost_before_cents", self.tr("Housing\ncosts before"), money,
                       NUMBER_ALIGN, self.tr("Rent + energy per month before the measures")),
            ColumnSpec("housing_cost_after_cents", self.tr("Housing\ncosts after"), money, NUMBER_ALIGN,
                       self.tr("Rent + energy per month after the measures")),
            ColumnSpec("housing_cost_change_cents", self.tr("Housing\ncosts change"), money, NUMBER_ALIGN),
            ColumnSpec("flags", self.tr("Rent limits\n(flags)")),
            ColumnSpec("tariffs", self.tr("Tariffs\n€/m³ / €/kWh"), tooltip=self.tr(
                "Tariffs used; (year) = borrowed from that year by the fallback rule; "
                "* = built-in estimate")),
        ], key="project")
        self.project_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._project_colour)
        self.project_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._project_tip)
        self.project_view = data_table(self.project_model, stretch=11, sort_column=0)
        bottom_lay.addWidget(self.project_view)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        bottom_lay.addWidget(self.note)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([340, 360])
        lay.addWidget(splitter, 1)

        self.refresh()

    # ----- data ------------------------------------------------------------------------
    def show_result(self, data: tuple[pd.DataFrame, list, pd.DataFrame]) -> None:
        self._projects, _warnings, self._corp_years = data
        self._fill_filters()
        self._apply_filter()

    def _fill_filters(self) -> None:
        frame = self._projects
        corps = sorted({c for c in frame["corporation"].dropna()}) if len(frame) else []
        years = sorted({int(y) for y in frame["year"]}) if len(frame) else []
        for box, items in ((self.corporation_box, corps), (self.year_box, years)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), ALL)
            for item in items:
                box.addItem(str(item), item)
            i = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(i, 0))
            box.blockSignals(False)

    def set_filter(self, corporation: str | None = None, year: int | None = None) -> None:
        """Select a corporation and/or year (None: all)."""
        self.corporation_box.setCurrentIndex(max(self.corporation_box.findData(
            ALL if corporation is None else corporation), 0))
        self.year_box.setCurrentIndex(max(self.year_box.findData(ALL if year is None else year), 0))

    def _mask(self, frame: pd.DataFrame) -> np.ndarray:
        mask = np.ones(len(frame), dtype=bool)
        corp, year = self.corporation_box.currentData(), self.year_box.currentData()
        if len(frame) and corp not in (None, ALL):
            mask &= (frame["corporation"] == corp).fillna(False).to_numpy(dtype=bool)
        if len(frame) and year not in (None, ALL):
            mask &= frame["year"].to_numpy() == int(year)
        return mask

    def _apply_filter(self, *_args) -> None:
        shown = self._projects[self._mask(self._projects)].reset_index(drop=True)
        self.project_model.set_frame(shown)
        self.corp_model.set_frame(self._corp_years[self._mask(self._corp_years)]
                                  .reset_index(drop=True))
        self._draw(shown)
        n = len(shown)
        bad = int((shown["light"] == "not_ok").sum()) if n else 0
        flagged = int((shown["light"] == "warning").sum()) if n else 0
        self.summary.setText(
            # Qt fills %n of the plural text itself; it has no %1
            fmt.tr_fmt(self.tr("%n project(s): %2 not affordable, %3 flagged", "", n), "", bad, flagged))
        self.note.setText(self._tariff_note())

    def _tariff_note(self) -> str:
        ds = self.controller.dataset
        if len(ds.tariffs) == 0:
            est = self._projects["tariff_estimate"].to_numpy(dtype=bool) if len(self._projects) \
                else np.zeros(0, dtype=bool)
            text = self.tr("Tariffs: the built-in defaults are in force (the workspace has no "
                           "tariffs).")
            if est.any():
                text += " " + self.tr("* marks a 2020–2021 default, an estimate: the supply "
                                      "part is not verified.")
        else:
            text = self.tr("Tariffs: the workspace's tariffs per year; a year without a row "
                           "takes the nearest earlier year, else the nearest later one.")
        return text + " " + self.tr("Edit them under Tariffs and factors.")

    # ----- colours and tips ------------------------------------------------------------
    def _project_colour(self, row: int, col: int):
        key = self.project_model._specs[col].key
        if key not in ("verdict_text", "margin_cents", "flags"):
            return None
        frame = self.project_model.frame()
        if self._colour_source is not frame:   # new or re-sorted rows: numpy, not .at per cell
            self._colour_source = frame
            self._colour_light = frame["light"].to_numpy(dtype=object, na_value=None) \
                if "light" in frame.columns else np.full(len(frame), None, dtype=object)
            self._colour_flags = frame["flags"].to_numpy(dtype=object) \
                if "flags" in frame.columns else np.full(len(frame), "", dtype=object)
        if key == "flags":
            return LIGHT_BRUSH["warning"] if self._colour_flags[row] else None
        return LIGHT_BRUSH.get(self._colour_light[row])

    def _project_tip(self, row: int, col: int):
        frame = self.project_model.frame()
        r = frame.iloc[row]
        key = self.project_model._specs[col].key
        if key == "flags" and r["flags"]:
            return fmt.tr_fmt(self.tr("Rent after the increase %1 (rent limits of %2)"),
                              fmt.money_cents(r["rent_after_cents"]), str(r["rent_limits_year"]))
        if key == "tariffs":
            tip = fmt.tr_fmt(self.tr("Gas %1 €/m³, electricity %2 €/kWh, tariffs of %3"),
                             fmt.number(r["gas_tariff"], 3),
                             fmt.number(r["electricity_tariff"], 3), str(r["tariff_source_year"]))
            if r["tariff_estimate"]:
                tip += " " + self.tr("(built-in estimate)")
            return tip
        if key in ("energy_saving_cents", "margin_cents", "verdict_text"):
            return fmt.tr_fmt(self.tr("Saves %1 m³ gas and %2 kWh per dwelling per year"),
                              fmt.number(r["gas_saving_m3"]),
                              fmt.number(r["electricity_saving_kwh"]))
        return None

    def _corp_colour(self, row: int, col: int):
        if self.corp_model._specs[col].key != "verdict_text":
            return None
        ok = bool(self.corp_model.frame().at[row, "ok"])
        return LIGHT_BRUSH["ok" if ok else "not_ok"]

    def _corp_tip(self, row: int, col: int):
        r = self.corp_model.frame().iloc[row]
        text = fmt.tr_fmt(self.tr("%1 of %n project(s) not affordable on their own", "",
                                  int(r["projects"])), str(r["projects_not_ok"]))
        return text

    # ----- chart -----------------------------------------------------------------------
    def _draw(self, shown: pd.DataFrame) -> None:
        x_all = shown["energy_saving_cents"].to_numpy(dtype="float64") / 100 if len(shown) \
            else np.zeros(0)
        y_all = shown["rent_increase_cents"].to_numpy(dtype="float64") / 100 if len(shown) \
            else np.zeros(0)
        for light, item in self._scatter.items():
            m = (shown["light"] == light).to_numpy(dtype=bool) if len(shown) else np.zeros(0, bool)
            item.setData(x=x_all[m], y=y_all[m],
                         data=list(shown["project"].to_numpy(dtype=object)[m]))
        lo = min(0.0, float(x_all.min()) if len(x_all) else 0.0, float(y_all.min()) if len(y_all) else 0.0)
        hi = max(10.0, float(x_all.max()) if len(x_all) else 0.0, float(y_all.max()) if len(y_all) else 0.0)
        hi = hi * 1.08
        self._line.setData([lo, hi], [lo, hi])
        self.plot.getPlotItem().getViewBox().setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.02)
        self.readout.hide()
        ready_to_paint(self.plot)

    def point_count(self) -> int:
        return sum(len(item.points()) for item in self._scatter.values())

    def _hover_text(self, point: HoverPoint) -> str:
        if point.data is None:
            return ""
        frame = self._projects
        hit = frame[frame["project"] == point.data]
        if not len(hit):
            return ""
        r = hit.iloc[0]
        return (f"<b>{r['project']}</b> · {r['corporation'] or ''} {r['year']}<br>"
                + fmt.tr_fmt(self.tr("saving %1, rent increase %2"),
                             fmt.money_cents(r["energy_saving_cents"]),
                             fmt.money_cents(r["rent_increase_cents"]))
                + "<br>" + light_text(r["light"]))

    def export_chart(self, path) -> Path:
        """Write the chart to ``path`` (PNG, or SVG for a .svg name)."""
        return export_plot(self.plot, path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), "affordability.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_chart(path)
