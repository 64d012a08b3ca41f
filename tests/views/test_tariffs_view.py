"""The Tariffs and factors page: defaults in force, editing per year with validation and
undo, copying the defaults, the cleaner-grid scenario, read-only rent limits and
catalogue, and the MeasuresPicker widget."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views.controller import Controller
from desktop.views.frame_model import SORT_ROLE
from desktop.views.main_window import MainWindow
from desktop.views.measures_picker import MeasuresPicker
from desktop.views.tariffs import TariffsPage, parse_value, validate_row


@pytest.fixture
def setup(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1280, 800)
    page = TariffsPage(controller, host)
    page.setGeometry(0, 0, 1280, 800)
    host.show()
    yield page, controller
    host.close()
    ws.close()


def column(model, key: str) -> list:
    c = model.column_of(key)
    return [model.data(model.index(r, c), SORT_ROLE) for r in range(model.rowCount())]


def test_defaults_shown_greyed_with_source_and_estimates(setup, qtmodeltester):
    page, controller = setup
    assert len(controller.dataset.tariffs) == 0
    m = page.tariffs.model
    qtmodeltester.check(m)
    qtmodeltester.check(page.factors.model)
    qtmodeltester.check(page.limits_model)
    qtmodeltester.check(page.catalogue_model)
    assert column(m, "year") == [2020, 2021, 2022, 2023]
    assert column(m, "gas_eur_m3") == [0.76, 0.80, 2.30, 1.45]
    assert column(m, "status") == ["built-in default, estimate", "built-in default, estimate",
                                   "built-in default", "built-in default"]
    assert "CBS 84672NED" in column(m, "source")[2]
    fg = m.data(m.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert fg.color().name() == "#8a8f98"
    assert "defaults" in page.tariffs.state.text()
    assert page.tariffs.copy_button.isEnabled()
    page.tariffs.select_year(2021)
    assert not page.tariffs.edit_button.isEnabled()     # defaults are not rows
    assert column(page.factors.model, "electricity_kg_kwh") == [0.497]


def test_validation():
    labels = {"gas_eur_m3": "Gas"}
    assert parse_value("0.45") == 0.45
    assert parse_value("0,45") == 0.45
    assert parse_value("abc") is None
    assert parse_value("") is None
    values, errors = validate_row(2021, {"gas_eur_m3": "0,45"}, labels)
    assert values == {"gas_eur_m3": 0.45} and errors == {}
    _, errors = validate_row(1999, {"gas_eur_m3": "-1"}, labels)
    assert set(errors) == {"year", "gas_eur_m3"}
    assert "2000" in errors["year"] and "negative" in errors["gas_eur_m3"]
    _, errors = validate_row(2101, {"gas_eur_m3": "x"}, labels)
    assert set(errors) == {"year", "gas_eur_m3"}
    _, errors = validate_row(2100, {"gas_eur_m3": "0"}, labels)
    assert errors == {}


def test_add_edit_delete_tariffs_with_undo(setup, qtbot):
    page, controller = setup
    t = page.tariffs
    dialog = t.make_dialog()
    qtbot.addWidget(dialog)
    dialog.year_edit.setValue(2021)
    dialog.edits["gas_eur_m3"].setText("-0.5")
    dialog.edits["electricity_eur_kwh"].setText("0.22")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "negative" in dialog.error.text()
    dialog.edits["gas_eur_m3"].setText("0.45")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert t.save(dialog.year(), dialog.result_values)
    tariffs = controller.dataset.tariffs
    assert tariffs["year"].tolist() == [2021]
    assert tariffs["gas_eur_m3"].tolist() == [0.45]
    assert column(t.model, "status") == ["workspace"]
    assert not t.copy_button.isEnabled() and not t.copy_button.isVisibleTo(page)
    assert "workspace's rows" in t.state.text()
    # a second row for the same year is refused in the dialog
    again = t.make_dialog()
    qtbot.addWidget(again)
    again.year_edit.setValue(2021)
    again.edits["gas_eur_m3"].setText("1")
    again.edits["electricity_eur_kwh"].setText("1")
    assert "year" in again.validate()
    # edit
    t.select_year(2021)
    assert t.edit_button.isEnabled()
    edit = t.make_dialog(2021)
    qtbot.addWidget(edit)
    assert parse_value(edit.edits["gas_eur_m3"].text()) == 0.45
    assert t.save(2021, {"gas_eur_m3": 0.5, "electricity_eur_kwh": 0.25})
    assert controller.dataset.tariffs["gas_eur_m3"].tolist() == [0.5]
    controller.undo_stack.undo()
    assert controller.dataset.tariffs["gas_eur_m3"].tolist() == [0.45]
    # delete and undo
    t.select_year(2021)
    assert t.delete_selected()
    assert len(controller.dataset.tariffs) == 0
    assert t.from_defaults and t.model.rowCount() == 4
    controller.undo_stack.undo()
    assert controller.dataset.tariffs["year"].tolist() == [2021]


def test_copy_defaults_is_one_undo_step(setup):
    page, controller = setup
    assert page.tariffs.copy_defaults()
    tariffs = controller.dataset.tariffs.sort_values("year")
    assert tariffs["year"].tolist() == [2020, 2021, 2022, 2023]
    assert tariffs["electricity_eur_kwh"].tolist() == [0.22, 0.22, 0.535, 0.40]
    assert column(page.tariffs.model, "status") == ["workspace"] * 4
    controller.undo_stack.undo()
    assert len(controller.dataset.tariffs) == 0
    assert page.tariffs.from_defaults


def test_emission_factors_edit_and_cleaner_grid(setup):
    page, controller = setup
    f = page.factors
    assert f.save(2020, {"gas_kg_m3": 1.779, "electricity_kg_kwh": 0.45})
    assert controller.dataset.emission_factors["electricity_kg_kwh"].tolist() == [0.45]
    before = controller.undo_stack.count()
    assert page.apply_cleaner_grid()
    assert controller.undo_stack.count() == before + 1
    ef = controller.dataset.emission_factors.set_index("year")
    assert len(ef) == 31 and ef.index.min() == 2020 and ef.index.max() == 2050
    assert ef.at[2025, "electricity_kg_kwh"] == 0.497
    assert ef.at[2030, "electricity_kg_kwh"] == pytest.approx(0.3976)   # 0.497 × 20 / 25
    assert ef.at[2050, "electricity_kg_kwh"] == 0.0
    assert ef.at[2040, "gas_kg_m3"] == 1.779
    assert f.model.rowCount() == 31
    controller.undo_stack.undo()      # one step: back to the single edited row
    ef = controller.dataset.emission_factors
    assert ef["year"].tolist() == [2020] and ef["electricity_kg_kwh"].tolist() == [0.45]


def test_rent_limits_and_catalogue_read_only(setup):
    page, _ = setup
    assert column(page.limits_model, "year") == [2020, 2021]
    assert column(page.limits_model, "aftopping_small_cents") == [61901, 63325]
    assert column(page.limits_model, "liberalisation_cents") == [73714, 75233]
    assert column(page.limits_model, "source") == ["Belastingdienst"] * 2
    cat = page.catalogue_model
    assert cat.rowCount() == 10
    names = column(cat, "name")
    r = names.index("Dakisolatie")
    assert column(cat, "gas")[r] == 700.0
    heat_pump = names.index("All-electric warmtepomp")
    assert cat.data(cat.index(heat_pump, cat.column_of("gas"))) == "all gas use"
    assert not (cat.flags(cat.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)


def test_measures_picker_proposes_savings(qtbot, qtmodeltester):
    picker = MeasuresPicker()
    qtbot.addWidget(picker)
    qtmodeltester.check(picker.list.model())
    picker.set_measures("Dakisolatie; HR++ glass; mystery measure")
    assert picker.checked_keys() == ["dakisolatie", "hr++ glas"]
    assert picker.measures_text() == "dakisolatie; hr++ glas; mystery measure"
    assert picker.unknown_label.isVisibleTo(picker)
    with qtbot.waitSignal(picker.proposed) as blocker:
        picker.propose_button.click()
    assert blocker.args == [900.0, 0.0, 800000]          # 700 + 200 m³; € 4,000 + € 4,000
    picker.set_measures("")
    assert picker.measures_text() is None
    picker.set_checked("all-electric warmtepomp")
    picker.set_base_gas(1000.0)
    assert picker.propose() == (1000.0, -2500.0, 1500000)


def test_registered_in_window(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "w.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show_page("settings")
    assert isinstance(window.page("settings"), TariffsPage)
    window.close()
    ws.close()
