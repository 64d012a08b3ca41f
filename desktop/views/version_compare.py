"""Two plans side by side (issue 21.3): the targets, homes, cost and CO2 per year, and the
complexes that differ, with *Adopt this step* — one complex's project, or all of one year,
copied from plan B into the active plan as one undo step.  Opened from the programme
page's Versions menu (:class:`desktop.views.versions.ProgrammeVersions`).
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel,
    QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from .. import edits
from ..models import versions as rules
from . import fmt, theme
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .refresh import PageRefresh
from .versions import ACTIVE, VERSION_TABLES, plan_name, version_label
from .widgets import data_table, hint_label


def _change_text(change: str) -> str:
    words = {"moved": QCoreApplication.translate("Versions", "other year"), "package": QCoreApplication.translate("Versions", "other package"),
             "status": QCoreApplication.translate("Versions", "other status"), "added": QCoreApplication.translate("Versions", "only in B"),
             "removed": QCoreApplication.translate("Versions", "only in A")}
    return ", ".join(words.get(w.strip(), w) for w in str(change).split(","))



class CompareDialog(QDialog):
    """Two plans side by side; *Adopt this step* copies the selected complexes' projects
    (or all projects of the selected year) of plan B into the active plan."""

    def __init__(self, controller, a: str | None = None, b: str | None = None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.comparison: rules.Comparison | None = None
        self.setWindowTitle(self.tr("Compare plans"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.a_combo, self.b_combo = QComboBox(), QComboBox()
        for label, combo in ((self.tr("Plan A"), self.a_combo), (self.tr("Plan B"), self.b_combo)):
            row.addWidget(QLabel(label))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.addWidget(combo)
            row.addSpacing(12)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)

        tabs = self.tabs = QTabWidget()
        # the complexes that differ, with adoption
        diff_tab = QWidget()
        dl = QVBoxLayout(diff_tab)
        self.diff_model = FrameTableModel([
            ColumnSpec("complex", self.tr("Complex")),
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("dwellings", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("year_a", self.tr("Year A"), _year, NUMBER_ALIGN),
            ColumnSpec("year_b", self.tr("Year B"), _year, NUMBER_ALIGN),
            ColumnSpec("measures_a", self.tr("Package A")),
            ColumnSpec("measures_b", self.tr("Package B")),
            ColumnSpec("change_text", self.tr("Difference")),
        ], key="project")
        self.diff_view = data_table(self.diff_model, stretch=None)
        self.diff_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.diff_view.horizontalHeader().setStretchLastSection(True)
        dl.addWidget(self.diff_view)
        buttons = QHBoxLayout()
        self.adopt_button = QPushButton(self.tr("Adopt this step"))
        self.adopt_button.setToolTip(self.tr(
            "Copy the selected complexes' projects of plan B into the active plan (one undo "
            "step). Projects agreed, in progress or done are never changed."))
        self.adopt_year_button = QPushButton(self.tr("Adopt the year…"))
        self.adopt_year_button.setToolTip(self.tr(
            "Copy every project plan B completes in one year into the active plan"))
        buttons.addWidget(self.adopt_button)
        buttons.addWidget(self.adopt_year_button)
        self.note = hint_label()
        buttons.addWidget(self.note, 1)
        dl.addLayout(buttons)
        tabs.addTab(diff_tab, self.tr("Complexes that differ"))

        self.year_model = FrameTableModel([
            ColumnSpec("year", self.tr("Year"), _year, NUMBER_ALIGN),
            ColumnSpec("homes_a", self.tr("Homes A"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("homes_b", self.tr("Homes B"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("cost_a", self.tr("Investment A"), fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("cost_b", self.tr("Investment B"), fmt.money_cents, NUMBER_ALIGN),
            ColumnSpec("tonnes_a", self.tr("CO2 A (t)"), _tonnes, NUMBER_ALIGN),
            ColumnSpec("tonnes_b", self.tr("CO2 B (t)"), _tonnes, NUMBER_ALIGN),
            ColumnSpec("path", self.tr("Path (t)"), _tonnes, NUMBER_ALIGN),
        ], key="year")
        self.year_view = data_table(self.year_model, stretch=None, sortable=False)
        tabs.addTab(self.year_view, self.tr("Per year"))

        self.target_model = FrameTableModel([
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("period", self.tr("Period")),
            ColumnSpec("target", self.tr("Target"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("planned_a", self.tr("Planned A"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("planned_b", self.tr("Planned B"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("verdict_a_text", self.tr("A")),
            ColumnSpec("verdict_b_text", self.tr("B")),
        ], key="period")
        self.target_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._verdict_colour)
        self.target_view = data_table(self.target_model, stretch=None, sortable=False)
        tabs.addTab(self.target_view, self.tr("Targets"))

        self.homes_model = FrameTableModel([], key="where")
        self.homes_view = data_table(self.homes_model, stretch=None, sortable=False)
        tabs.addTab(self.homes_view, self.tr("Homes per neighbourhood"))
        lay.addWidget(tabs, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        lay.addWidget(close)

        self._fill_combos(a, b)
        self.a_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.b_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.diff_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.adopt_button.clicked.connect(lambda: self.adopt_selected())
        self.adopt_year_button.clicked.connect(self._adopt_year_clicked)
        controller.changed.connect(self._tables_changed)
        self.resize(1100, 640)
        self.refresher = PageRefresh(self, rules.compare, self.show_comparison)
        self.recompute()

    # ----- plans ---------------------------------------------------------------------
    def _fill_combos(self, a: str | None, b: str | None) -> None:
        ds = self.controller.dataset
        names = rules.version_names(ds)
        for combo, chosen in ((self.a_combo, a), (self.b_combo, b)):
            combo.blockSignals(True)
            current = chosen if combo.count() == 0 else self._plan(combo)
            combo.clear()
            combo.addItem(plan_name(None), ACTIVE)
            for n in names:
                combo.addItem(version_label(ds, n), n)
            i = combo.findData(ACTIVE if current is None else current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    @staticmethod
    def _plan(combo: QComboBox) -> str | None:
        data = combo.currentData()
        return None if data in (None, ACTIVE) else str(data)

    def plans(self) -> tuple[str | None, str | None]:
        return self._plan(self.a_combo), self._plan(self.b_combo)

    def set_plans(self, a: str | None, b: str | None) -> None:
        for combo, plan in ((self.a_combo, a), (self.b_combo, b)):
            combo.setCurrentIndex(max(combo.findData(ACTIVE if plan is None else plan), 0))

    def _tables_changed(self, tables) -> None:
        if tables & (VERSION_TABLES | {"projects", "complexes", "dwellings", "targets",
                                       "emission_factors"}):
            self._fill_combos(*self.plans())
            self.recompute()

    def recompute(self) -> None:
        """Compare the chosen plans: at once for a small workspace, else on a worker
        thread (about 0.7 s at 100,000 dwellings), the dialog showing the last figures
        meanwhile."""
        self.refresher.request(self.controller.dataset, *self.plans())

    def show_comparison(self, c: rules.Comparison) -> None:
        self.comparison = c
        diff = c.differences.copy()
        diff["change_text"] = [_change_text(x) for x in diff["change"]]
        self.diff_model.set_frame(diff)
        homes = c.homes
        per_year = pd.DataFrame({"homes_a": homes["a"].sum(axis=0), "homes_b": homes["b"].sum(axis=0)})
        per_year.index.name = "year"
        years = per_year.reset_index().merge(c.cost, on="year", how="outer").merge(
            c.co2[["year", "tonnes_a", "tonnes_b", "path"]], on="year", how="outer")
        years = years.sort_values("year").reset_index(drop=True)
        for col in ("homes_a", "homes_b", "cost_a", "cost_b"):
            years[col] = years[col].fillna(0).astype("int64")
        self.year_model.set_frame(years)
        targets = c.targets.copy()
        targets["verdict_a_text"] = [_verdict(v) for v in targets["verdict_a"]]
        targets["verdict_b_text"] = [_verdict(v) for v in targets["verdict_b"]]
        self.target_model.set_frame(targets)
        self._fill_homes(homes)
        self._write_summary()
        self._update_buttons()

    def _fill_homes(self, homes: pd.DataFrame) -> None:
        years = sorted({int(y) for _plan, y in homes.columns})
        rows = []
        for (corp, hood), r in homes.iterrows():
            row = {"where": f"{hood or '?'} ({corp or '?'})"}
            for y in years:
                a, b = int(r[("a", y)]), int(r[("b", y)])
                row[str(y)] = "" if not a and not b else f"{fmt.integer(a)} / {fmt.integer(b)}"
            rows.append(row)
        specs = [ColumnSpec("where", self.tr("Neighbourhood (corporation)"))]
        specs += [ColumnSpec(str(y), str(y), align=NUMBER_ALIGN,
                             tooltip=self.tr("Homes A / B")) for y in years]
        self.homes_model = FrameTableModel(specs, key="where")
        self.homes_model.set_frame(pd.DataFrame(rows, columns=[s.key for s in specs]))
        self.homes_view.setModel(self.homes_model)

    def _write_summary(self) -> None:
        c = self.comparison
        a, b = c.a, c.b
        lines = []
        for plan, key in ((a, "a"), (b, "b")):
            cost = int(c.cost[f"cost_{key}"].sum())
            met = int((c.targets[f"verdict_{key}"] != "short").sum())
            parts = [fmt.tr_fmt(self.tr("<b>%1</b>: investment %2"), plan_name(plan),
                                fmt.money_cents(cost)),
                     fmt.tr_fmt(self.tr("targets met %1 of %2"), fmt.integer(met),
                                fmt.integer(len(c.targets)))]
            for year in (2030, 2050):
                if (c.co2["year"] == year).any():
                    gap = c.gap(year, key)
                    parts.append(fmt.tr_fmt(self.tr("%1: %2 t above the path"), str(year),
                                            fmt.number(gap, 0)) if gap > 0.5 else
                                 fmt.tr_fmt(self.tr("%1: on the path"), str(year)))
            lines.append(" · ".join(parts))
        lines.append(fmt.tr_fmt(self.tr("%1 complexes differ."),
                                fmt.integer(c.differences["complex"].nunique())))
        self.summary.setText("<br>".join(lines))

    def _verdict_colour(self, row: int, col: int):
        if col < self.target_model.column_of("verdict_a_text"):
            return None
        key = "verdict_a" if col == self.target_model.column_of("verdict_a_text") else "verdict_b"
        v = self.target_model.frame().at[row, key]
        colour = {"short": theme.BAD_BG, "met": theme.OK_BG, "over": theme.WARN_BG}.get(
            None if pd.isna(v) else str(v))
        return QBrush(theme.qcolor(colour)) if colour else None

    # ----- adoption --------------------------------------------------------------------
    def selected_complexes(self) -> list[str]:
        rows = sorted({i.row() for i in self.diff_view.selectionModel().selectedRows()})
        frame = self.diff_model.frame()
        return sorted({str(frame.at[r, "complex"]) for r in rows})

    def _update_buttons(self) -> None:
        b = self.comparison.b if self.comparison is not None else None
        self.adopt_button.setEnabled(b is not None and bool(self.selected_complexes()))
        self.adopt_year_button.setEnabled(b is not None and not self.diff_model.frame().empty)

    def _say(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(theme.text_style(theme.ERROR if error else theme.HINT))

    def adopt_selected(self, complexes: list[str] | None = None) -> bool:
        return self.adopt(complexes=complexes or self.selected_complexes())

    def adopt(self, complexes: list[str] | None = None, year: int | None = None) -> bool:
        """Adopt one step of plan B (its projects for ``complexes``, or of ``year``)
        into the active plan through the controller: one undo step."""
        b = self.comparison.b if self.comparison is not None else None
        if b is None:
            return False
        what = (fmt.tr_fmt(self.tr("year %1"), str(year)) if year is not None
                else ", ".join(complexes or []))
        text = fmt.tr_fmt(self.tr("Adopt %1 from %2"), what, b)
        outcome = self.controller.run(
            lambda _reason: edits.adopt_step(self.controller.dataset, b, complexes=complexes,
                                             year=year),
            text, say=self._say, parent=self)
        if outcome:
            self._say(text + " — " + self.tr("Ctrl+Z undoes it."))
        elif outcome.value == "nothing":
            self._say(self.tr("The active plan already follows this step."))
        return bool(outcome)

    def _adopt_year_clicked(self) -> None:
        frame = self.diff_model.frame()
        years = sorted({int(y) for y in frame["year_b"].dropna()})
        if not years:
            return
        text, ok = QInputDialog.getItem(self, self.tr("Adopt the year"),
                                        self.tr("Year of plan B"), [str(y) for y in years], 0, False)
        if ok and text:
            self.adopt(year=int(text))


def _year(v) -> str:
    return "" if v is None or pd.isna(v) else str(int(v))


def _tonnes(v) -> str:
    return "" if v is None or pd.isna(v) else fmt.number(float(v), 0)


def _verdict(v) -> str:
    return {"short": QCoreApplication.translate("Versions", "short"), "met": QCoreApplication.translate("Versions", "met"), "over": QCoreApplication.translate("Versions", "over")}.get(
        None if v is None or pd.isna(v) else str(v), "")


