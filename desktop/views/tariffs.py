"""Tariffs and factors page: energy tariffs and emission factors per year (editable),
rent limits per year (editable) and the measures catalogue (editable: a changed or
added measure is a workspace row over the built-in catalogue).

Built-in defaults are never stored as rows: a workspace without tariffs (or emission
factors, rent limits, measures) uses the defaults, which this page shows greyed with their source and
estimate marks.  As soon as the workspace has one row, its rows are used and a year
without a row takes the nearest earlier year, else the nearest later one
(:func:`desktop.models.yearly.resolve_years`).  Edits are use cases of
:mod:`desktop.edits` run through the controller, so each is one undo step.
"""
from __future__ import annotations


import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHeaderView, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget,
)

from ..models import defaults
from ..models.affordability import to_cents
from ..models.measures import CATALOGUE, find_measure, normalise_key
from ..models.measures import catalogue as workspace_catalogue
from .. import edits
from . import fmt, theme
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .widgets import (
    data_table, error_label, hint_label, ok_cancel, page_heading, section_label,
)

YEAR_MIN, YEAR_MAX = 2000, 2100
GREY = theme.qcolor(theme.MUTED)
ESTIMATE = theme.qcolor(theme.WARN_BG)


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


# --------------------------------------------------------------------------------------
# pure helpers (tested without widgets)
parse_value = fmt.read_number      # a number typed by the user (one parser for every field)


def validate_row(year: int | None, values: dict[str, str], labels: dict[str, str]
                 ) -> tuple[dict[str, float], dict[str, str]]:
    """Check a year (2000–2100) and values (numbers ≥ 0).  Returns (parsed values,
    errors by field); errors are translated messages."""
    errors: dict[str, str] = {}
    parsed: dict[str, float] = {}
    if year is None or not YEAR_MIN <= int(year) <= YEAR_MAX:
        errors["year"] = fmt.tr_fmt(translate("TariffsPage", "The year must be between %1 and %2."),
                                    str(YEAR_MIN), str(YEAR_MAX))
    for key, text in values.items():
        v = parse_value(text)
        if v is None:
            errors[key] = fmt.tr_fmt(translate("TariffsPage", "%1: enter a number."),
                                     labels.get(key, key))
        elif v < 0:
            errors[key] = fmt.tr_fmt(translate("TariffsPage", "%1 cannot be negative."),
                                     labels.get(key, key))
        else:
            parsed[key] = v
    return parsed, errors


def defaults_frame(kind: str) -> pd.DataFrame:
    """The built-in rows of ``kind`` ('tariffs', 'emission_factors' or 'rent_limits')
    with source and estimate flag."""
    if kind == "rent_limits":
        return pd.DataFrame([{"year": d.year, "aftopping_small_cents": d.aftopping_small_cents,
                              "aftopping_large_cents": d.aftopping_large_cents,
                              "liberalisation_cents": d.liberalisation_cents, "estimate": False,
                              "source": fmt.core_text(d.source)} for d in defaults.DEFAULT_RENT_LIMITS])
    if kind == "tariffs":
        rows = [{"year": d.year, "gas_eur_m3": d.gas_eur_m3,
                 "electricity_eur_kwh": d.electricity_eur_kwh, "estimate": d.estimate,
                 "source": fmt.core_text(d.source)} for d in defaults.DEFAULT_TARIFFS]
    else:
        rows = [{"year": d.year, "gas_kg_m3": d.gas_kg_m3,
                 "electricity_kg_kwh": d.electricity_kg_kwh, "estimate": False,
                 "source": fmt.core_text(d.source) + (" — " + translate("TariffsPage", "stands for every year") if len(
                     defaults.DEFAULT_EMISSION_FACTORS) == 1 else "")}
                for d in defaults.DEFAULT_EMISSION_FACTORS]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
class _FormDialog(QDialog):
    """A dialog whose ``validate()`` returns field -> message; OK is refused, with the
    messages shown in ``self.error``, until there are none."""

    def accept(self) -> None:  # noqa: D401 - Qt override
        errors = self.validate()
        if errors:
            self.error.setText("\n".join(errors.values()))
            return
        super().accept()


class YearValuesDialog(_FormDialog):
    """Add or edit one row of a per-year table: a year and a few non-negative values."""

    def __init__(self, title: str, fields: list[tuple[str, str]], year: int | None = None,
                 values: dict[str, float] | None = None, existing: set[int] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = fields
        self.labels = dict(fields)
        self.existing = set(existing or ()) - ({year} if year is not None else set())
        self.editing = year is not None
        form = QFormLayout(self)
        self.year_edit = QSpinBox()
        self.year_edit.setRange(YEAR_MIN, YEAR_MAX)
        self.year_edit.setValue(year if year is not None else 2024)
        self.year_edit.setEnabled(not self.editing)   # the year is the key
        form.addRow(self.tr("Year"), self.year_edit)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in fields:
            edit = QLineEdit()
            v = (values or {}).get(key)
            if v is not None and not pd.isna(v):
                edit.setText(QLocale().toString(float(v), "g", 12))
            form.addRow(label, edit)
            self.edits[key] = edit
        self.error = error_label()
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.result_values: dict[str, float] = {}

    def validate(self) -> dict[str, str]:
        year = self.year_edit.value()
        parsed, errors = validate_row(year, {k: e.text() for k, e in self.edits.items()},
                                      self.labels)
        if not self.editing and year in self.existing:
            errors["year"] = fmt.tr_fmt(self.tr("%1 already has a row: edit that row instead."),
                                        str(year))
        self.result_values = parsed
        return errors

    def year(self) -> int:
        return self.year_edit.value()


# --------------------------------------------------------------------------------------
class YearTable(QWidget):
    """One editable per-year table (tariffs or emission factors) with its defaults."""

    def __init__(self, page: "TariffsPage", kind: str, title: str,
                 fields: list[tuple[str, str, int]], parent=None):
        super().__init__(parent)
        self.page = page
        self.kind = kind
        self.fields = fields
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section_label(title))
        self.state = hint_label()
        lay.addWidget(self.state)
        cols = [ColumnSpec("year", self.tr("Year"), lambda v: "" if v is None else str(v),
                           NUMBER_ALIGN)]
        for key, label, decimals in fields:
            cols.append(ColumnSpec(key, label, self._formatter(key, decimals), NUMBER_ALIGN))
        cols.append(ColumnSpec("status", self.tr("In force as")))
        cols.append(ColumnSpec("source", self.tr("Source")))
        self.model = FrameTableModel(cols, key="year")
        self.model.set_role_provider(Qt.ItemDataRole.ForegroundRole, self._foreground)
        self.model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._background)
        self.model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._tip)
        self.view = data_table(self.model, stretch=len(cols) - 1, sortable=False, single_selection=True)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add year…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.copy_button = QPushButton(self.tr("Copy defaults into the workspace to edit them"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button.clicked.connect(self.copy_defaults)
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        lay.addLayout(copy_row)
        self.extra_buttons = buttons
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.from_defaults = True

    def _formatter(self, key: str, decimals: int):
        """How a value column shows (subclasses: money)."""
        return lambda v, d=decimals: fmt.number(v, d)

    # ----- content -----------------------------------------------------------------
    def refresh(self, table: pd.DataFrame) -> None:
        value_keys = [k for k, _l, _d in self.fields]
        if len(table):
            frame = table[["year", *value_keys]].copy()
            frame["year"] = frame["year"].astype("Int64")
            frame = frame.sort_values("year").reset_index(drop=True)
            frame["estimate"] = False
            frame["status"] = self.tr("workspace")
            frame["source"] = self.tr("entered in this workspace")
            self.from_defaults = False
            self.state.setText(self.tr(
                "The workspace's rows are in force; a year without a row takes the nearest "
                "earlier year, else the nearest later one. The built-in defaults are not used "
                "while the workspace has rows."))
        else:
            frame = defaults_frame(self.kind)
            frame["status"] = [self.tr("built-in default, estimate") if e
                               else self.tr("built-in default") for e in frame["estimate"]]
            self.from_defaults = True
            self.state.setText(self.tr(
                "The workspace has no rows: the built-in defaults (grey) are in force, each "
                "year taking the nearest earlier default year, else the nearest later one. "
                "Add a year or copy the defaults to edit them."))
        self.model.set_frame(frame)
        self._update_buttons()

    def _foreground(self, row: int, col: int):
        return QBrush(GREY) if self.from_defaults else None

    def _background(self, row: int, col: int):
        if self.from_defaults and bool(self.model.frame().at[row, "estimate"]):
            return QBrush(ESTIMATE)
        return None

    def _tip(self, row: int, col: int):
        if self.from_defaults:
            text = fmt.tr_fmt(self.tr("Built-in default: %1"),
                              str(self.model.frame().at[row, "source"]))
            if bool(self.model.frame().at[row, "estimate"]):
                text += "\n" + self.tr("Estimate: replace it with known tariffs.")
            return text
        return None

    def selected_year(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.key_at(rows[0].row())

    def select_year(self, year: int) -> None:
        row = self.model.row_of(year)
        if row is not None:
            self.view.selectRow(row)

    def _update_buttons(self, *_args) -> None:
        has = self.selected_year() is not None and not self.from_defaults
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.copy_button.setEnabled(self.from_defaults)
        self.copy_button.setVisible(self.from_defaults)

    # ----- edits -------------------------------------------------------------------
    def _labels(self) -> list[tuple[str, str]]:
        return [(k, label) for k, label, _d in self.fields]

    def _existing(self) -> set[int]:
        return set() if self.from_defaults else {int(y) for y in self.model.frame()["year"]}

    def make_dialog(self, year: int | None = None) -> YearValuesDialog:
        values = None
        if year is not None:
            row = self.model.frame()[self.model.frame()["year"] == year].iloc[0]
            values = {k: row[k] for k, _l, _d in self.fields}
        title = fmt.tr_fmt(self.tr("Edit %1"), str(year)) if year is not None else self.tr("Add year")
        return YearValuesDialog(title, self._labels(), year, values, self._existing(), self)

    def add(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.year(), dialog.result_values)

    def edit_selected(self) -> None:
        year = self.selected_year()
        if year is None or self.from_defaults:
            return
        dialog = self.make_dialog(year)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(year, dialog.result_values)

    def save(self, year: int, values: dict[str, float]) -> bool:
        """Store one row (insert or update), as one undo step."""
        text = fmt.tr_fmt(self.tr("Set tariffs %1") if self.kind == "tariffs"
                           else self.tr("Set emission factors %1"), str(year))
        ok = self.page.run(lambda _r: edits.set_year_values(self.kind, year, values, text), text)
        if ok:
            self.select_year(int(year))
        return ok

    def delete_selected(self) -> bool:
        year = self.selected_year()
        if year is None or self.from_defaults:
            return False
        text = fmt.tr_fmt(self.tr("Delete tariffs %1") if self.kind == "tariffs"
                           else self.tr("Delete emission factors %1"), str(year))
        return self.page.run(lambda _r: edits.delete_year(self.kind, year, text), text)

    def copy_defaults(self) -> bool:
        if not self.from_defaults:
            return False
        frame = defaults_frame(self.kind)
        keys = [k for k, _l, _d in self.fields]
        text = self.tr("Copy default tariffs") if self.kind == "tariffs" \
            else self.tr("Copy default emission factors")
        rows = frame[["year", *keys]].to_dict("records")
        return self.page.run(lambda _r: edits.set_years(self.kind, rows, text), text)


class TariffsPage(Page):
    """The per-year tables as they are: nothing to compute, each refreshed on its own."""
    key = "settings"
    depends_on = frozenset({"tariffs", "emission_factors", "rent_limits", "measures"})
    refresh_while_hidden = True         # small tables, and its edits read them back

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.heading = page_heading(self.tr("Tariffs and factors"))
        lay.addWidget(self.heading)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(14)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.tariffs = YearTable(self, "tariffs", self.tr("Energy tariffs per year (marginal, incl. taxes)"), [
            ("gas_eur_m3", self.tr("Gas €/m³"), 3),
            ("electricity_eur_kwh", self.tr("Electricity €/kWh"), 3)])
        self.factors = YearTable(self, "emission_factors", self.tr("CO2 emission factors per year"), [
            ("gas_kg_m3", self.tr("Gas kg CO2/m³"), 3),
            ("electricity_kg_kwh", self.tr("Electricity kg CO2/kWh"), 4)])
        self.scenario_button = QPushButton(self.tr("Apply scenario: cleaner grid"))
        self.scenario_button.setToolTip(self.tr(
            "Writes factors for 2020–2050: electricity 0.497 kg/kWh up to 2025, then falling "
            "linearly to 0 in 2050; gas unchanged. One step, undoable."))
        self.scenario_button.clicked.connect(self.apply_cleaner_grid)
        scenario_row = QHBoxLayout()       # a row of its own: the others are full at 1093 px
        scenario_row.addWidget(self.scenario_button)
        scenario_row.addStretch(1)
        self.factors.layout().addLayout(scenario_row)

        left.addWidget(self.tariffs, 1)
        left.addWidget(self.factors, 1)

        self.limits = RentLimitTable(self)
        self.limits_model = self.limits.model
        self.limits_view = self.limits.view
        right.addWidget(self.limits)
        self.catalogue = CatalogueTable(self)
        self.catalogue_model = self.catalogue.model
        self.catalogue_view = self.catalogue.view
        right.addWidget(self.catalogue, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay.addLayout(columns, 1)

        self.message = error_label()
        lay.addWidget(self.message)

        self.refresh()

    # ----- data ----------------------------------------------------------------------
    def refresh(self, tables=None) -> None:
        self.dirty = False
        ds = self.controller.dataset
        if tables is None or "tariffs" in tables:
            self.tariffs.refresh(ds.tariffs)
        if tables is None or "emission_factors" in tables:
            self.factors.refresh(ds.emission_factors)
        if tables is None or "rent_limits" in tables:
            self.limits.refresh(ds.rent_limits)
        if tables is None or "measures" in tables:
            self.catalogue.refresh(ds)

    def run(self, use_case, text: str) -> bool:
        """Run an edit of the edits layer (one undo step) through the controller; show a
        refusal instead of raising."""
        done = self.controller.run(use_case, text, say=lambda m, _e: self.message.setText(m),
                                   parent=self)
        if done:
            self.message.setText("")
        return bool(done)

    def apply_cleaner_grid(self) -> bool:
        """Write the 'cleaner grid' scenario (2020–2050) as emission factor rows, in one
        Batch (one undo step)."""
        text = self.tr("Apply scenario: cleaner grid")
        rows = [{"year": r.year, "gas_kg_m3": r.gas_kg_m3, "electricity_kg_kwh": r.electricity_kg_kwh}
                for r in defaults.cleaner_grid_scenario()]
        return self.run(lambda _r: edits.set_years("emission_factors", rows, text), text)


# --------------------------------------------------------------------------------------
# rent limits per year (editable like tariffs; stored in whole cents, entered in euros)
RENT_LIMIT_KEYS = ("aftopping_small_cents", "aftopping_large_cents", "liberalisation_cents")


def rent_limit_warnings(cents: dict[str, int]) -> list[str]:
    """Warnings (not errors) about one year's rent limits in cents: an aftoppingsgrens
    above the liberalisatiegrens is almost certainly a typing error."""
    lib = cents.get("liberalisation_cents")
    out = []
    if lib is None:
        return out
    for key in ("aftopping_small_cents", "aftopping_large_cents"):
        v = cents.get(key)
        if v is not None and v > lib:
            out.append(fmt.tr_fmt(translate("TariffsPage", "The aftoppingsgrens (%1) is above the "
                                                           "liberalisatiegrens (%2): check the amounts."),
                                  fmt.money_cents(v), fmt.money_cents(lib)))
            break
    return out


class RentLimitDialog(YearValuesDialog):
    """Add or edit one year's rent limits (euros per month); warns, without refusing,
    when an aftoppingsgrens is above the liberalisatiegrens."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"background:{theme.WARN_BG}; color:{theme.WARN_TEXT}; padding:4px;")
        self.warning.hide()
        form = self.layout()
        form.insertRow(form.rowCount() - 2, self.warning)
        for edit in self.edits.values():
            edit.textChanged.connect(self._check)
        self._check()

    def cents(self) -> dict[str, int]:
        out = {}
        for key, edit in self.edits.items():
            v = parse_value(edit.text())
            if v is not None and v >= 0:
                out[key] = to_cents(v)
        return out

    def _check(self, *_args) -> None:
        text = "\n".join(rent_limit_warnings(self.cents()))
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class RentLimitTable(YearTable):
    """Rent limits per year: the built-in ones (Belastingdienst, 2020–2021) until the
    workspace has rows, then the workspace's rows with the fallback rule."""

    def __init__(self, page: "TariffsPage", parent=None):
        super().__init__(page, "rent_limits", self.tr("Rent limits per year (per month)"), [
            ("aftopping_small_cents", self.tr("Aftoppingsgrens\n1–2 persons"), 2),
            ("aftopping_large_cents", self.tr("Aftoppingsgrens\n3+ persons"), 2),
            ("liberalisation_cents", self.tr("Liberalisatie-\ngrens"), 2)], parent)
        self.layout().insertWidget(2, hint_label(fmt.tr_fmt(self.tr(
            "Built-in limits: Belastingdienst. A rent pushed above a limit of its year is flagged "
            "on the Affordability page; from %1 on, so is any rent increase for energy measures."),
            str(defaults.NO_ENERGY_RENT_INCREASE_FROM))))
        # the source is in each row's tooltip and the hint: room for the amounts
        header = self.view.horizontalHeader()
        self.view.setColumnHidden(self.model.column_of("source"), True)
        header.setSectionResizeMode(self.model.column_of("status"), QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def refresh(self, table: pd.DataFrame) -> None:
        super().refresh(table)
        # as tall as its rows (2 to 6; more scroll): the catalogue below gets the rest
        rows = min(max(self.model.rowCount(), 2), 6)
        self.view.setMaximumHeight(self.view.horizontalHeader().sizeHint().height()
                                   + self.view.verticalHeader().defaultSectionSize() * rows
                                   + 2 * self.view.frameWidth())

    def _formatter(self, key: str, decimals: int):
        return fmt.money_cents

    def _labels(self) -> list[tuple[str, str]]:
        return [("aftopping_small_cents", self.tr("Aftoppingsgrens 1–2 persons (€)")),
                ("aftopping_large_cents", self.tr("Aftoppingsgrens 3+ persons (€)")),
                ("liberalisation_cents", self.tr("Liberalisatiegrens (€)"))]

    def make_dialog(self, year: int | None = None) -> RentLimitDialog:
        values = None
        if year is not None:
            row = self.model.frame()[self.model.frame()["year"] == year].iloc[0]
            values = {k: int(row[k]) / 100 for k in RENT_LIMIT_KEYS}
        title = (fmt.tr_fmt(self.tr("Rent limits %1"), str(year)) if year is not None
                 else self.tr("Add rent limits"))
        return RentLimitDialog(title, self._labels(), year, values, self._existing(), self)

    def save(self, year: int, values: dict[str, float]) -> bool:
        """Store one year's limits given in **euros** per month (rounded half up to
        cents), as one undo step."""
        text = fmt.tr_fmt(self.tr("Set rent limits %1"), str(year))
        cents = {k: int(to_cents(v)) for k, v in values.items()}
        ok = self.page.run(lambda _r: edits.set_year_values("rent_limits", year, cents, text), text)
        if ok:
            self.select_year(int(year))
        return ok

    def delete_selected(self) -> bool:
        year = self.selected_year()
        if year is None or self.from_defaults:
            return False
        text = fmt.tr_fmt(self.tr("Delete rent limits %1"), str(year))
        return self.page.run(lambda _r: edits.delete_year("rent_limits", year, text), text)

    def copy_defaults(self) -> bool:
        if not self.from_defaults:
            return False
        text = self.tr("Copy default rent limits")
        rows = [{"year": r.year, **{k: getattr(r, k) for k in RENT_LIMIT_KEYS}}
                for r in defaults.DEFAULT_RENT_LIMITS]
        return self.page.run(lambda _r: edits.set_years("rent_limits", rows, text), text)


# --------------------------------------------------------------------------------------
# the measures catalogue (built-in, with the workspace's rows merged over it)
def validate_measure(name: str, texts: dict[str, str], all_gas: bool,
                     catalogue: list | None = None, editing: bool = False
                     ) -> tuple[str, dict, dict[str, str]]:
    """Check a measure typed in the dialog.  ``texts``: name_en, gas_saving_m3,
    electricity_saving_kwh, cost (euros per dwelling), source.  Returns (key, values in
    store units for an ``Upsert`` on ``measures``, errors by field)."""
    errors: dict[str, str] = {}
    key = normalise_key(name or "")
    if not key:
        errors["measure"] = translate("TariffsPage", "Give the measure a (Dutch) name.")
    elif ";" in key:
        errors["measure"] = translate("TariffsPage", "A measure's name cannot contain ';'.")
    elif not editing and find_measure(key, catalogue) is not None:
        errors["measure"] = fmt.tr_fmt(translate("TariffsPage", "%1 is already in the catalogue: edit it "
                                                                "instead."), key)
    values: dict = {"name_en": (texts.get("name_en") or "").strip() or None,
                    "source": (texts.get("source") or "").strip() or None}
    if all_gas:
        values["gas_saving_m3"] = None
    else:
        gas = parse_value(texts.get("gas_saving_m3", ""))
        if gas is None:
            errors["gas_saving_m3"] = translate("TariffsPage", "Gas saving: enter a number.")
        elif gas < 0:
            errors["gas_saving_m3"] = translate("TariffsPage", "Gas saving cannot be negative.")
        else:
            values["gas_saving_m3"] = gas
    text = (texts.get("electricity_saving_kwh") or "").strip()
    el = parse_value(text) if text else 0.0
    if el is None:
        errors["electricity_saving_kwh"] = translate("TariffsPage",
                                                     "Electricity saving: enter a number.")
    else:
        values["electricity_saving_kwh"] = el
    cost = parse_value(texts.get("cost", ""))
    if cost is None:
        errors["cost"] = translate("TariffsPage", "Cost: enter an amount in euros.")
    elif cost < 0:
        errors["cost"] = translate("TariffsPage", "Cost cannot be negative.")
    else:
        values["cost_cents"] = to_cents(cost)
    return key, values, errors


class MeasureDialog(_FormDialog):
    """Edit a catalogue measure's effects and cost per dwelling, or add a new measure."""

    def __init__(self, measure=None, catalogue: list | None = None, parent=None):
        super().__init__(parent)
        self.editing = measure is not None
        self.catalogue = catalogue
        self.setWindowTitle(fmt.tr_fmt(self.tr("Measure %1"), measure.dutch) if measure
                            else self.tr("Add measure"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(measure.key if measure else "")
        self.name_edit.setReadOnly(self.editing)          # the key
        self.name_edit.setPlaceholderText(self.tr("Dutch name, as written in Maatregelen"))
        form.addRow(self.tr("Measure"), self.name_edit)
        self.english_edit = QLineEdit(measure.english if measure else "")
        form.addRow(self.tr("English name"), self.english_edit)
        self.all_gas = QCheckBox(self.tr("Saves all gas use (gas-free)"))
        self.all_gas.setToolTip(self.tr("The dwelling no longer uses natural gas: the saving is "
                                        "its whole gas use"))
        self.gas_edit = QLineEdit()
        self.el_edit = QLineEdit()
        self.el_edit.setToolTip(self.tr("Negative: the measure uses more electricity"))
        self.cost_edit = QLineEdit()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. own tender 2024"))
        if measure is not None:
            self.all_gas.setChecked(measure.gas_saving_m3 is None)
            if measure.gas_saving_m3 is not None:
                self.gas_edit.setText(QLocale().toString(float(measure.gas_saving_m3), "g", 12))
            self.el_edit.setText(QLocale().toString(float(measure.electricity_saving_kwh), "g", 12))
            self.cost_edit.setText(QLocale().toString(float(measure.cost_per_dwelling_eur), "f", 2))
            if measure.origin != "built-in":
                self.source_edit.setText(measure.source)
        form.addRow(self.tr("Gas saving (m³ per dwelling per year)"), self.gas_edit)
        form.addRow("", self.all_gas)
        form.addRow(self.tr("Electricity saving (kWh per dwelling per year)"), self.el_edit)
        form.addRow(self.tr("Cost (€ per dwelling)"), self.cost_edit)
        form.addRow(self.tr("Source"), self.source_edit)
        self.all_gas.toggled.connect(lambda on: self.gas_edit.setEnabled(not on))
        self.gas_edit.setEnabled(not self.all_gas.isChecked())
        self.error = error_label()
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.key = ""
        self.result_values: dict = {}

    def validate(self) -> dict[str, str]:
        self.key, self.result_values, errors = validate_measure(
            self.name_edit.text(),
            {"name_en": self.english_edit.text(), "gas_saving_m3": self.gas_edit.text(),
             "electricity_saving_kwh": self.el_edit.text(), "cost": self.cost_edit.text(),
             "source": self.source_edit.text()},
            self.all_gas.isChecked(), self.catalogue, self.editing)
        return errors


def catalogue_frame(cat: list | None = None) -> pd.DataFrame:
    """One row per measure of ``cat`` (default: the built-in catalogue) for the table."""
    rows = []
    for m in (CATALOGUE if cat is None else cat):
        status = []
        if m.origin == "changed":
            status.append(translate("TariffsPage", "changed (workspace)"))
        elif m.origin == "added":
            status.append(translate("TariffsPage", "added (workspace)"))
        if m.savings_unverified and m.cost_unverified:
            status.append(translate("TariffsPage", "estimated"))
        elif m.savings_unverified:
            status.append(translate("TariffsPage", "savings estimated"))
        elif m.cost_unverified:
            status.append(translate("TariffsPage", "cost estimated"))
        rows.append({"key": m.key, "name": m.dutch, "dutch": m.dutch,
                     "english": m.english, "gas": m.gas_saving_m3,
                     "electricity": m.electricity_saving_kwh, "cost": m.cost_per_dwelling_eur,
                     "status": ", ".join(status) or translate("TariffsPage", "figures from the source"),
                     "source": fmt.core_text(m.source), "note": fmt.core_text(m.note), "origin": m.origin,
                     "savings_unverified": m.savings_unverified,
                     "cost_unverified": m.cost_unverified})
    frame = pd.DataFrame(rows)
    frame["gas"] = frame["gas"].astype(object)
    return frame


class CatalogueTable(QWidget):
    """The measures catalogue in force: edit a measure (stored as a workspace row),
    add one, reset a changed one to its built-in values (deletes the row)."""

    def __init__(self, page: "TariffsPage", parent=None):
        super().__init__(parent)
        self.page = page
        self.measures = list(CATALOGUE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section_label(self.tr("Measures catalogue")))
        lay.addWidget(hint_label(self.tr(
            "Default effects and cost per dwelling, used to propose a project's savings (the "
            "project's own numbers count). Amber: unverified estimate. A changed measure is "
            "kept in this workspace; 'Reset' brings back the built-in values.")))
        self.model = FrameTableModel([
            ColumnSpec("name", self.tr("Measure")),
            ColumnSpec("gas", self.tr("Gas\nm³/yr"), self._gas_text, NUMBER_ALIGN,
                       self.tr("Gas saving per dwelling per year")),
            ColumnSpec("electricity", self.tr("Electricity\nkWh/yr"),
                       lambda v: fmt.number(v), NUMBER_ALIGN,
                       self.tr("Electricity saving per dwelling per year (negative: uses more)")),
            ColumnSpec("cost", self.tr("Cost per\ndwelling"), lambda v: fmt.money(v, 0),
                       NUMBER_ALIGN),
            ColumnSpec("status", self.tr("Status")),
        ], key="key")
        self.model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._colour)
        self.model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._tip)
        self.model.set_role_provider(Qt.ItemDataRole.FontRole, self._font)
        self.view = data_table(self.model, stretch=4, sortable=False, single_selection=True)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.add_button = QPushButton(self.tr("Add measure…"))
        self.reset_button = QPushButton(self.tr("Reset to built-in"))
        self.reset_button.setToolTip(self.tr("Forget this workspace's values for the measure"))
        self.delete_button = QPushButton(self.tr("Delete measure"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset_selected)
        self.delete_button.clicked.connect(self.reset_selected)
        for b in (self.edit_button, self.add_button, self.reset_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self, ds) -> None:
        selected = self.selected()
        self.measures = workspace_catalogue(ds)
        self.model.set_frame(catalogue_frame(self.measures))
        if selected is not None:
            self.select(selected.key)
        self._update_buttons()

    # ----- display -------------------------------------------------------------------
    def _gas_text(self, v) -> str:
        return self.tr("all gas use") if v is None or v is pd.NA else fmt.number(v)

    def _row(self, row: int) -> pd.Series:
        return self.model.frame().iloc[row]

    def _colour(self, row: int, col: int):
        key = self.model._specs[col].key
        r = self._row(row)
        if key in ("gas", "electricity") and r["savings_unverified"]:
            return QBrush(ESTIMATE)
        if key == "cost" and r["cost_unverified"]:
            return QBrush(ESTIMATE)
        return None

    def _font(self, row: int, col: int):
        if self._row(row)["origin"] != "built-in" and self.model._specs[col].key == "status":
            f = self.view.font()
            f.setBold(True)
            return f
        return None

    def _tip(self, row: int, col: int):
        r = self._row(row)
        text = f"{r['dutch']} — {r['english']}\n" + fmt.tr_fmt(self.tr("Source: %1"), r["source"])
        if r["note"]:
            text += f"\n{r['note']}"
        return text + "\n" + fmt.tr_fmt(self.tr("Status: %1"), r["status"])

    # ----- selection -----------------------------------------------------------------
    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        key = self.model.key_at(rows[0].row())
        return next((m for m in self.measures if m.key == key), None)

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row is not None:
            self.view.selectRow(row)

    def _update_buttons(self, *_args) -> None:
        m = self.selected()
        self.edit_button.setEnabled(m is not None)
        self.reset_button.setEnabled(m is not None and m.origin == "changed")
        self.delete_button.setEnabled(m is not None and m.origin == "added")

    # ----- edits ---------------------------------------------------------------------
    def make_dialog(self, measure=None) -> MeasureDialog:
        return MeasureDialog(measure, self.measures, self)

    def edit_selected(self) -> None:
        m = self.selected()
        if m is None:
            return
        dialog = self.make_dialog(m)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.key, dialog.result_values)

    def add(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.key, dialog.result_values)

    def save(self, key: str, values: dict) -> bool:
        """Store a measure's values (a workspace row, store units) as one undo step."""
        key = normalise_key(key)
        text = fmt.tr_fmt(self.tr("Set measure %1"), key)
        ok = self.page.run(lambda _r: edits.set_measure(key, values, text), text)
        if ok:
            self.select(key)
        return ok

    def reset_selected(self) -> bool:
        """Delete the workspace's row of the selected measure: a changed built-in measure
        gets its built-in values back, an added one leaves the catalogue."""
        m = self.selected()
        if m is None or m.origin == "built-in":
            return False
        text = fmt.tr_fmt(self.tr("Reset measure %1") if m.origin == "changed"
                           else self.tr("Delete measure %1"), m.key)
        return self.page.run(lambda _r: edits.delete_measure(m.key, text), text)
