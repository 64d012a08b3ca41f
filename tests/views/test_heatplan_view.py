"""The Heat plan page (issue 21): the heat plan per neighbourhood edited in the cell,
the conflicts with it, the end state per complex with defaults and overrides; every
edit changes the workspace and Undo takes it back."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.views import refresh
from desktop.views.frame_model import SORT_ROLE
from desktop.views.heatplan import HeatPlanPage, read_cell


@pytest.fixture
def setup(hosted_page):
    return hosted_page(HeatPlanPage)


def cell(model, key: str, column: str):
    return model.index(model.row_of(key), model.column_of(column))


def plan_of(controller, nb: str) -> dict | None:
    p = controller.workspace.load().heat_plan
    rows = p[p["neighbourhood"] == nb].to_dict("records")
    return rows[0] if rows else None


def test_plan_lists_every_neighbourhood_and_greys_those_without_a_plan(setup, qtmodeltester):
    page, _controller = setup
    m = page.plan_model
    qtmodeltester.check(m)
    qtmodeltester.check(page.states_model)
    qtmodeltester.check(page.conflicts_model)
    names = [m.data(m.index(r, 0), SORT_ROLE) for r in range(m.rowCount())]
    assert len(names) == 9 and "Soest-Zuid" in names
    grey = m.data(cell(m, "Soest-Zuid", "heat_solution"), Qt.ItemDataRole.ForegroundRole)
    assert grey.color().name() == "#8a8f98"
    assert m.data(cell(m, "Soest-Zuid", "heat_solution")) == "unknown"
    assert m.data(cell(m, "Overhees", "heat_solution"), Qt.ItemDataRole.ForegroundRole) is None
    assert m.data(cell(m, "Overhees", "heat_solution")) == "heat network"
    assert m.flags(cell(m, "Overhees", "available_year")) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(cell(m, "Overhees", "dwellings")) & Qt.ItemFlag.ItemIsEditable
    assert page.tabs.tabText(1) == "Conflicts (1)"


def test_edit_a_cell_changes_the_store_and_undo_restores_it(setup):
    page, controller = setup
    m = page.plan_model
    assert m.setData(cell(m, "Overhees", "available_year"), "2034")
    assert int(plan_of(controller, "Overhees")["available_year"]) == 2034
    assert m.data(cell(m, "Overhees", "available_year")) == "2034"        # the page follows
    assert "Ctrl+Z" in page.message.text()
    assert "2034" in page.data.conflicts["reason_en"].iloc[0]
    controller.undo_stack.undo()
    assert int(plan_of(controller, "Overhees")["available_year"]) == 2032
    assert m.data(cell(m, "Overhees", "available_year")) == "2032"
    controller.undo_stack.redo()
    assert int(plan_of(controller, "Overhees")["available_year"]) == 2034


def test_the_solution_through_the_drop_down_changes_the_conflicts(setup):
    page, controller = setup
    m, view = page.plan_model, page.plan_view
    index = cell(m, "Overhees", "heat_solution")
    view.setCurrentIndex(index)
    view.edit(index)
    box = view.viewport().findChild(QComboBox) or view.findChild(QComboBox)
    assert box is not None and box.currentData() == "warmtenet"
    box.setCurrentIndex(box.findData("all-electric"))
    view.itemDelegate().commitData.emit(box)
    view.itemDelegate().closeEditor.emit(box)
    assert plan_of(controller, "Overhees")["heat_solution"] == "all-electric"
    c = page.conflicts_model
    assert c.rowCount() == 1
    assert page.data.conflicts["rule"].tolist() == ["network_in_all_electric"]
    controller.undo_stack.undo()
    assert plan_of(controller, "Overhees")["heat_solution"] == "warmtenet"
    assert page.data.conflicts["rule"].tolist() == ["network_before_available"]


def test_a_neighbourhood_without_a_plan_gets_one_and_delete_removes_it(setup):
    page, controller = setup
    m = page.plan_model
    assert plan_of(controller, "Soest-Zuid") is None
    assert m.setData(cell(m, "Soest-Zuid", "heat_kg_gj"), "25,5" if False else "25.5")
    row = plan_of(controller, "Soest-Zuid")
    assert row["heat_solution"] == "nog onbekend" and row["heat_kg_gj"] == 25.5
    assert m.data(cell(m, "Soest-Zuid", "heat_solution"), Qt.ItemDataRole.ForegroundRole) is None
    page.plan_view.selectRow(m.row_of("Soest-Zuid"))
    assert page.delete_button.isEnabled()
    assert page.delete_selected_plan()
    assert plan_of(controller, "Soest-Zuid") is None
    controller.undo_stack.undo()
    assert plan_of(controller, "Soest-Zuid")["heat_kg_gj"] == 25.5


def test_add_dialog_offers_the_neighbourhoods_without_a_plan(setup, qtbot):
    page, controller = setup
    dialog = page.add_dialog()
    qtbot.addWidget(dialog)
    items = [dialog.neighbourhood.itemText(i) for i in range(dialog.neighbourhood.count())]
    assert items == ["Soest-Zuid", "Soestdijk"]
    dialog.neighbourhood.setCurrentText("Soestdijk")
    dialog.solution.setCurrentIndex(dialog.solution.findData("groen gas"))
    dialog.year.setText("2031")
    dialog.accept()
    row = plan_of(controller, "Soestdijk")
    assert (row["heat_solution"], int(row["available_year"])) == ("groen gas", 2031)


def test_a_refused_edit_says_why_and_changes_nothing(setup):
    page, controller = setup
    m = page.plan_model
    before = controller.workspace.load().heat_plan[["neighbourhood", "available_year"]]
    assert not m.setData(cell(m, "Overhees", "available_year"), "twee")
    assert "not a number" in page.message.text()
    assert not m.setData(cell(m, "Overhees", "available_year"), "1890")
    assert "2000" in page.message.text()
    assert controller.workspace.load().heat_plan[["neighbourhood", "available_year"]].equals(before)
    assert controller.undo_stack.count() == 0


def test_end_state_override_grey_default_and_reset(setup):
    page, controller = setup
    m = page.states_model
    target = cell(m, "P-1101", "target_label")
    assert m.data(target) == "A"
    assert m.data(target, Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8f98"
    assert "Default" in m.data(target, Qt.ItemDataRole.ToolTipRole)
    cost_before = m.data(cell(m, "P-1101", "cost_per_dwelling_cents"), SORT_ROLE)

    assert m.setData(target, "B")
    es = controller.workspace.load().end_states
    assert es.set_index("complex").loc["P-1101", "target_label"] == "B"
    target = cell(m, "P-1101", "target_label")
    assert m.data(target) == "B" and m.data(target, Qt.ItemDataRole.ForegroundRole) is None
    # one label step less (E -> B, not E -> A): a cheaper default package
    assert m.data(cell(m, "P-1101", "cost_per_dwelling_cents"), SORT_ROLE) < cost_before
    assert "1 of 92" in page.states_summary.text()

    assert m.setData(cell(m, "P-1101", "cost_per_dwelling_cents"), "20000")   # euros typed
    assert m.data(cell(m, "P-1101", "cost_per_dwelling_cents"), SORT_ROLE) == 2_000_000
    controller.undo_stack.undo()                                               # the cost
    assert m.data(cell(m, "P-1101", "target_label")) == "B"
    controller.undo_stack.undo()                                               # the label
    assert len(controller.workspace.load().end_states) == 0
    assert m.data(cell(m, "P-1101", "cost_per_dwelling_cents"), SORT_ROLE) == cost_before

    # Reset to default on two selected complexes, one undo step
    assert m.setData(cell(m, "P-1101", "gas_m3_after"), "300")
    assert m.setData(cell(m, "P-1102", "measures"), "dakisolatie; hybride warmtepomp")
    page.states_view.selectionModel().clearSelection()
    from PySide6.QtCore import QItemSelectionModel
    for cid in ("P-1101", "P-1102"):
        page.states_view.selectionModel().select(
            cell(m, cid, "complex"), QItemSelectionModel.SelectionFlag.Select)
    assert page.selected_complexes() == ["P-1101", "P-1102"]
    assert page.reset_selected()
    assert len(controller.workspace.load().end_states) == 0
    controller.undo_stack.undo()
    assert sorted(controller.workspace.load().end_states["complex"]) == ["P-1101", "P-1102"]


def test_an_unknown_measure_in_the_package_is_refused(setup):
    page, controller = setup
    m = page.states_model
    assert not m.setData(cell(m, "P-1101", "measures"), "dakisolatie; zwembad")
    assert "zwembad" in page.message.text()
    assert len(controller.workspace.load().end_states) == 0


def test_conflicts_tab_opens_the_project(sample_window, qtbot):
    w = sample_window
    w.show_page("heatplan")
    refresh.settle(30)
    page = w.page("heatplan")
    page.tabs.setCurrentIndex(1)
    c = page.conflicts_model
    assert c.rowCount() == 1 and c.key_at(0) == "P-27-001"
    assert "2032" in c.data(c.index(0, c.column_of("reason_en")))
    dialog = page.open_project("P-27-001")
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and "P-27-001" in dialog.windowTitle() + dialog.project_edit.text()
    dialog.reject()


def test_read_cell():
    assert read_cell("", "int") is None and read_cell("  ", "text") is None
    assert read_cell("2032", "int") == 2032 and read_cell("2032.5", "int") == 2032.5
    assert read_cell("twee", "int") == "twee"
    assert read_cell("150.25", "money") == 15025 and read_cell("1.005", "money") == pytest.approx(100.5)
    assert read_cell(" dak ", "text") == "dak"


def test_programme_shows_the_heat_plan_and_flags_the_conflict(sample_window):
    w = sample_window
    w.show_page("programme")
    refresh.settle(30)
    prog = w.page("programme")
    m = prog.project_model
    col = m.column_of("heat_plan")
    conflict, fine = m.index(m.row_of("P-27-001"), col), m.index(m.row_of("P-21-001"), col)
    assert m.data(conflict) == "heat network 2032" and m.data(fine) == "hybrid 2026"
    assert m.data(conflict, Qt.ItemDataRole.DecorationRole) is not None
    assert m.data(fine, Qt.ItemDataRole.DecorationRole) is None
    assert "available from 2032" in m.data(conflict, Qt.ItemDataRole.ToolTipRole)
    assert m.data(fine, Qt.ItemDataRole.ToolTipRole) is None
    # the programme follows an edit of the plan made on the Heat plan page, and its undo
    w.show_page("heatplan")
    refresh.settle(30)
    page = w.page("heatplan")
    assert page.plan_model.setData(cell(page.plan_model, "Overhees", "available_year"), "2026")
    w.show_page("programme")
    refresh.settle(30)
    conflict = m.index(m.row_of("P-27-001"), col)
    assert m.data(conflict) == "heat network 2026"
    assert m.data(conflict, Qt.ItemDataRole.DecorationRole) is None
    w.controller.undo_stack.undo()
    refresh.settle(30)
    assert m.data(m.index(m.row_of("P-27-001"), col), Qt.ItemDataRole.DecorationRole) is not None


def test_co2_page_says_how_many_homes_are_on_a_heat_network(sample_window):
    w = sample_window
    w.show_page("co2")
    refresh.settle(60)
    page = w.page("co2")
    refresh.wait_until(lambda: bool(page.heat_network.text()))
    text = page.heat_network.text()
    # the sample has no district heating yet; Overhees and Centrum are planned for it
    assert "no homes are on district heating" in text
    assert "gives 850 homes a heat network" in text
    # a complex put on district heating is counted, at Overhees' own 22 kg/GJ
    from desktop import edits
    ds = w.controller.dataset
    w.controller.execute(edits.save_complex(ds, {"complex": "P-1201", "heating": "stadsverwarming"},
                                            new=False))
    refresh.wait_until(lambda: "72 homes on district heating" in page.heat_network.text())
    assert "t CO2" in page.heat_network.text()
