"""The main window on the sample workspace, offscreen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.commands import Upsert
from desktop.views import refresh
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
        refresh.settle(10)              # a new page is built on a later turn, then shown
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


def test_reopened_workspace_starts_with_an_empty_undo_stack(window, tmp_path, qtbot):
    ctl = window.controller
    old = ctl.workspace
    ctl.execute(Upsert("projects", {"project": "P-27-001"}, {"year": 2029}), "move")
    assert ctl.undo_stack.count() == 1
    assert window.open_workspace(ctl.workspace.location)
    qtbot.waitUntil(lambda: ctl.workspace is not old, timeout=5000)
    assert ctl.undo_stack.count() == 0
    assert ctl.dataset.projects.set_index("project").at["P-27-001", "year"] == 2029


def _other_workspace(tmp_path):
    """A second workspace: a new, empty one."""
    from desktop.store.workspace import Workspace

    Workspace.open(tmp_path / "other.rpw").close()
    return tmp_path / "other.rpw"


def test_another_workspace_is_read_on_a_worker_and_shown_when_read(window, tmp_path, qtbot,
                                                                   monkeypatch):
    import threading

    from desktop.store.workspace import Workspace

    ctl = window.controller
    overview = window.page("overview")
    before = overview.card_votes.value.text()
    path = _other_workspace(tmp_path)
    threads = []
    real_load = Workspace.load
    monkeypatch.setattr(Workspace, "load", lambda self: threads.append(
        threading.current_thread()) or real_load(self))
    old = ctl.workspace
    assert window.open_workspace(str(path))
    assert ctl.workspace is old and overview.card_votes.value.text() == before   # still the old
    qtbot.waitUntil(lambda: ctl.workspace is not old, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()        # read on a worker
    assert ctl.workspace.path == path and overview.card_votes.value.text() == "0"
    assert window.opening is None


def test_opening_cancelled_or_failing_keeps_the_open_workspace(window, tmp_path, qtbot,
                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.store.workspace import Workspace, WorkspaceError

    ctl = window.controller
    old = ctl.workspace
    path = _other_workspace(tmp_path)
    task = window.adopt_workspace(Workspace.open(path))
    task.cancel()                          # the progress dialog's Cancel
    qtbot.waitUntil(lambda: window.opening is None, timeout=5000)
    assert task.outcome == "cancelled" and ctl.workspace is old

    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: said.append(text))

    def broken(self):
        raise WorkspaceError("The table 'projects' cannot be read")

    monkeypatch.setattr(Workspace, "load", broken)
    assert window.open_workspace(str(path))
    qtbot.waitUntil(lambda: window.opening is None, timeout=5000)
    assert ctl.workspace is old and len(said) == 1 and "projects" in said[0]
    assert ctl.dataset.votes is not None and len(ctl.dataset.projects) > 0    # as it was


def test_a_slow_read_shows_a_busy_bar_not_a_stuck_percentage(window, tmp_path, qtbot, monkeypatch):
    import time

    from desktop.store.workspace import Workspace

    path = _other_workspace(tmp_path)
    real_load = Workspace.load
    monkeypatch.setattr(Workspace, "load", lambda self: time.sleep(1.0) or real_load(self))
    assert window.open_workspace(str(path))
    qtbot.waitUntil(lambda: window.opening is not None and window.opening.dialog is not None,
                    timeout=3000)                       # after 0.5 s
    dialog = window.opening.dialog
    assert "other.rpw" in dialog.labelText()
    assert (dialog.minimum(), dialog.maximum()) == (0, 0)   # Qt's busy bar: reading has no steps
    qtbot.waitUntil(lambda: window.controller.workspace.path == path, timeout=5000)
