"""The Tariffs and factors page: defaults in force, editing per year with validation and
undo, copying the defaults, the cleaner-grid scenario, read-only rent limits and
catalogue, and the MeasuresPicker widget."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop.models import fields
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views.controller import Controller
from desktop.views.frame_model import SORT_ROLE
from desktop.views.main_window import MainWindow
from desktop.views.measures_picker import MeasuresPicker
from desktop.views.tariffs import TariffsPage, parse_value, validate_row


@pytest.fixture
def setup(hosted_page):
    return hosted_page(TariffsPage)


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


# ---- rent limits and the measures catalogue, kept in the workspace ---------------------
def test_lower_liberalisation_limit_flags_a_project_on_the_affordability_page(qtbot, tmp_path,
                                                                             qtmodeltester):
    """P-21-004 (2021): average rent € 637.47 + € 12.00 = € 649.47.  With the built-in
    2021 limits that is above the aftoppingsgrens for 1–2 persons (€ 633.25) only; with
    the liberalisatiegrens lowered to € 640.00 it is above that too.  Undo removes it."""
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("affordability")
    aff = window.page("affordability")
    m = aff.project_model

    def flags(pid: str) -> str:
        return m.data(m.index(m.row_of(pid), m.column_of("flags")))

    assert flags("P-21-004") == "above aftoppingsgrens 1–2 p."
    window.show_page("settings")
    limits = window.page("settings").limits
    qtmodeltester.check(limits.model)
    assert limits.from_defaults and limits.copy_button.isEnabled()
    assert limits.copy_defaults()                     # one undo step: 2020 and 2021 as rows
    assert controller.dataset.rent_limits["year"].tolist() == [2020, 2021]
    assert column(limits.model, "status") == ["workspace"] * 2
    limits.select_year(2021)
    assert limits.edit_button.isEnabled()
    dialog = limits.make_dialog(2021)
    qtbot.addWidget(dialog)
    assert parse_value(dialog.edits["liberalisation_cents"].text()) == 752.33   # euros
    dialog.edits["liberalisation_cents"].setText("-1")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "negative" in dialog.error.text()
    dialog.edits["liberalisation_cents"].setText("640")
    # aftoppingsgrens 3+ persons (€ 678.66) above the new liberalisatiegrens: a warning only
    assert dialog.warning.isVisibleTo(dialog) and "above the liberalisatiegrens" in dialog.warning.text()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert limits.save(2021, dialog.result_values)
    rows = controller.dataset.rent_limits.set_index("year")
    assert rows.loc[2021, ["aftopping_small_cents", "aftopping_large_cents",
                           "liberalisation_cents"]].tolist() == [63325, 67866, 64000]   # whole cents
    assert rows.loc[2020, "liberalisation_cents"] == 73714
    assert column(limits.model, "liberalisation_cents") == [73714, 64000]

    window.show_page("affordability")
    assert flags("P-21-004") == "above liberalisatiegrens"
    assert flags("P-21-002") == "above aftoppingsgrens 1–2 p."   # € 635.35: not above € 640.00
    controller.undo_stack.undo()                                   # the edit
    assert flags("P-21-004") == "above aftoppingsgrens 1–2 p."
    assert controller.dataset.rent_limits["liberalisation_cents"].tolist() == [73714, 75233]
    controller.undo_stack.undo()                                   # the copy: defaults again
    assert controller.dataset.rent_limits.empty and limits.from_defaults
    window.close()
    ws.close()


def test_rent_limits_add_and_delete_a_year(setup, qtbot):
    page, controller = setup
    limits = page.limits
    dialog = limits.make_dialog()
    qtbot.addWidget(dialog)
    dialog.year_edit.setValue(2024)
    for key, text in (("aftopping_small_cents", "697,07"), ("aftopping_large_cents", "747,21"),
                      ("liberalisation_cents", "879,66")):
        dialog.edits[key].setText(text)
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert limits.save(dialog.year(), dialog.result_values)
    saved = controller.dataset.rent_limits
    assert saved.drop(columns=list(fields.audit_fields("rent_limits"))).to_dict("records") == [
        {"year": 2024, "aftopping_small_cents": 69707, "aftopping_large_cents": 74721,
         "liberalisation_cents": 87966}]
    assert saved["row_version"].tolist() == [1] and saved["changed_by"].notna().all()
    # the workspace's only year stands for every year: the built-in 2020/2021 are not used
    assert not limits.from_defaults and column(limits.model, "year") == [2024]
    again = limits.make_dialog()
    qtbot.addWidget(again)
    again.year_edit.setValue(2024)
    assert "year" in again.validate()
    limits.select_year(2024)
    assert limits.delete_selected()
    assert controller.dataset.rent_limits.empty and limits.model.rowCount() == 2


def test_editing_a_measure_changes_what_the_picker_proposes(setup, qtbot, qtmodeltester):
    from desktop.models import measures
    from desktop.views.programme import ProgrammePage

    page, controller = setup
    cat = page.catalogue
    qtmodeltester.check(cat.model)
    programme = ProgrammePage(controller)
    qtbot.addWidget(programme)

    def proposal(text: str) -> tuple:
        """What the project form's Catalogue… picker proposes for ``text``."""
        form = programme.project_dialog(None)
        qtbot.addWidget(form)
        form.measures_edit.setText(text)
        dialog, picker = form.measures_picker_dialog()
        qtbot.addWidget(dialog)
        return picker.propose()

    assert proposal("dakisolatie; hr++ glas") == (900.0, 0.0, 800_000)   # 700 + 200 m³
    cat.select("dakisolatie")
    assert cat.edit_button.isEnabled() and not cat.reset_button.isEnabled()
    dialog = cat.make_dialog(cat.selected())
    qtbot.addWidget(dialog)
    assert parse_value(dialog.gas_edit.text()) == 700.0 and dialog.name_edit.isReadOnly()
    dialog.gas_edit.setText("500")
    dialog.cost_edit.setText("4500")
    dialog.source_edit.setText("own tender 2024")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert cat.save(dialog.key, dialog.result_values)
    rows = controller.dataset.measures
    assert rows[["measure", "gas_saving_m3", "cost_cents"]].values.tolist() == \
        [["dakisolatie", 500.0, 450_000]]
    r = cat.model.row_of("dakisolatie")
    assert r == 0 and column(cat.model, "gas")[0] == 500.0
    assert column(cat.model, "status")[0] == "changed (workspace)"
    assert cat.reset_button.isEnabled()
    # 500 + 200 m³; € 4,500 + € 4,000
    assert proposal("dakisolatie; hr++ glas") == (700.0, 0.0, 850_000)
    picker = MeasuresPicker(catalogue=measures.catalogue(controller.dataset))
    qtbot.addWidget(picker)
    picker.set_measures("roof insulation")
    assert picker.propose() == (500.0, 0.0, 450_000)
    # reset = delete the workspace row: the built-in values again; undo brings it back
    assert cat.reset_selected()
    assert controller.dataset.measures.empty
    assert column(cat.model, "gas")[0] == 700.0 and column(cat.model, "status")[0] == "cost estimated"
    assert proposal("dakisolatie; hr++ glas") == (900.0, 0.0, 800_000)
    controller.undo_stack.undo()
    assert proposal("dakisolatie; hr++ glas") == (700.0, 0.0, 850_000)


def test_add_a_measure_to_the_catalogue(setup, qtbot):
    page, controller = setup
    cat = page.catalogue
    dialog = cat.make_dialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Roof")                  # an alias of dakisolatie
    dialog.gas_edit.setText("10")
    dialog.cost_edit.setText("100")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "already in the catalogue" in dialog.error.text()
    dialog.name_edit.setText("  Groen   Dak ")
    dialog.english_edit.setText("Green roof")
    dialog.all_gas.setChecked(True)                   # pretend: saves all gas
    assert not dialog.gas_edit.isEnabled()
    dialog.el_edit.setText("-12,5")
    dialog.cost_edit.setText("-1")
    assert set(dialog.validate()) == {"cost"}
    dialog.cost_edit.setText("2500,50")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert cat.save(dialog.key, dialog.result_values)
    row = controller.dataset.measures.iloc[0]
    assert (row["measure"], row["name_en"], row["electricity_saving_kwh"], row["cost_cents"]) == \
        ("groen dak", "Green roof", -12.5, 250_050)
    assert pd.isna(row["gas_saving_m3"])
    assert cat.model.rowCount() == 11
    assert column(cat.model, "name")[-1] == "Groen dak"
    assert column(cat.model, "status")[-1] == "added (workspace)"
    r = cat.model.row_of("groen dak")
    assert cat.model.data(cat.model.index(r, cat.model.column_of("gas"))) == "all gas use"
    cat.select("groen dak")
    assert cat.delete_button.isEnabled() and not cat.reset_button.isEnabled()
    assert cat.reset_selected()
    assert controller.dataset.measures.empty and cat.model.rowCount() == 10
