"""The main window on the sample workspace, offscreen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.commands import Upsert
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from desktop.views.pages import PAGES


@pytest.fixture
def window(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings())
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    controller.workspace.close()


def _cell(model, row, col):
    return model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)


def test_window_opens_on_the_overview_with_sample_numbers(window):
    page = window.page("overview")
    assert window.stack.currentWidget() is page
    assert window.sample_banner.isVisible()
    assert "Sample data" in window.sample_banner.text()
    assert page.card_homes.value.text().replace(",", "").replace(".", "") == "4264"
    targets = page.target_model
    rows = {(_cell(targets, r, 0), _cell(targets, r, 1)): (_cell(targets, r, 2), _cell(targets, r, 3))
            for r in range(targets.rowCount())}
    assert rows[("Portaal", "2021")] == ("176", "176")
    assert rows[("Portaal", "2022–2024")] == ("542", "542")
    assert rows[("de Alliantie", "2022–2025")] == ("55", "55")
    stock = page.stock_model
    portaal = sum(int(_cell(stock, r, 3).replace(",", "")) for r in range(stock.rowCount())
                  if _cell(stock, r, 0) == "Portaal")
    assert portaal == 3689


def test_navigation_shows_every_page(window, qtbot):
    for row, (key, _m, _c) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.page(key)
        assert window.current_page_key() == key


def test_models_pass_the_model_tester(window, qtmodeltester):
    page = window.page("overview")
    qtmodeltester.check(page.stock_model)
    qtmodeltester.check(page.target_model)
    page.target_model.sort(2, Qt.SortOrder.DescendingOrder)
    assert _cell(page.target_model, 0, 2) == "542"
    qtmodeltester.check(page.target_model)


def test_overview_follows_an_edit_and_undo(window):
    page = window.page("overview")
    ctl = window.controller
    ctl.execute(Upsert("projects", {"project": "P-24-002"}, {"status": "vervallen"}), "cancel")
    rows = {(_cell(page.target_model, r, 0), _cell(page.target_model, r, 1)): _cell(page.target_model, r, 3)
            for r in range(page.target_model.rowCount())}
    assert rows[("Portaal", "2022–2024")] == "458"          # 542 - 84 homes of P-24-002
    assert "short" in page.target_model.data(page.target_model.index(
        [r for r in range(4) if _cell(page.target_model, r, 1) == "2022–2024"][0], 3),
        Qt.ItemDataRole.ToolTipRole)
    window.act_undo.trigger()
    rows = {(_cell(page.target_model, r, 0), _cell(page.target_model, r, 1)): _cell(page.target_model, r, 3)
            for r in range(page.target_model.rowCount())}
    assert rows[("Portaal", "2022–2024")] == "542"
    window.act_redo.trigger()
    assert ctl.dataset.projects.set_index("project").at["P-24-002", "status"] == "vervallen"


def test_geometry_and_last_workspace_are_remembered(window, tmp_path):
    window.resize(1111, 777)
    window.move(23, 17)
    window.close()
    s = Settings.load()
    assert s.last_workspace == window.controller.workspace.location
    assert s.window_geometry
    again = MainWindow(Controller(window.controller.workspace, s))
    assert (again.size().width(), again.size().height()) == (1111, 777)
    assert again.pos().x() == 23
    again.close()


def test_reopened_workspace_starts_with_an_empty_undo_stack(window, tmp_path):
    ctl = window.controller
    ctl.execute(Upsert("projects", {"project": "P-27-001"}, {"year": 2029}), "move")
    assert ctl.undo_stack.count() == 1
    assert window.open_workspace(ctl.workspace.location)
    assert ctl.undo_stack.count() == 0
    assert ctl.dataset.projects.set_index("project").at["P-27-001", "year"] == 2029
