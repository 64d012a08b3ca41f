"""Test isolation: every test gets its own data folder, settings and workspace."""
from __future__ import annotations

import os
from pathlib import Path

# Offscreen Qt with a 1920x1200 screen (the plugin's default screen is 800x600, smaller
# than the window's minimum size, which would clamp restored geometry).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Point the app's data/config folders at tmp_path so no test touches the user's."""
    monkeypatch.setenv("RETROFIT_PLANNER_HOME", str(tmp_path / "app-home"))
    monkeypatch.setenv("LANGUAGE", "en")
    yield


@pytest.fixture
def sample_window(qtbot, tmp_path):
    """The main window on a fresh copy of the sample Soest workspace (tmp_path/soest.rpw),
    shown offscreen; user name 'Anna'.  Closed, with its workspace, afterwards."""
    from desktop.sample import create_sample_workspace
    from desktop.settings import Settings
    from desktop.views.controller import Controller
    from desktop.views.main_window import MainWindow

    ws = create_sample_workspace(tmp_path / "soest.rpw")
    win = MainWindow(Controller(ws, Settings(user_name="Anna")))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.controller.workspace.close()


@pytest.fixture
def hosted_page(qtbot, tmp_path):
    """Build one page (class taking (controller, parent)) on the sample workspace inside a
    1280x800 host widget; returns (page, controller)."""
    from PySide6.QtWidgets import QWidget

    from desktop.sample import create_sample_workspace
    from desktop.settings import Settings
    from desktop.views.controller import Controller

    opened = []

    def build(page_class):
        ws = create_sample_workspace(tmp_path / "soest.rpw")
        controller = Controller(ws, Settings(user_name="Anna"))
        host = QWidget()
        qtbot.addWidget(host)
        host.resize(1280, 800)
        page = page_class(controller, host)
        page.setGeometry(0, 0, 1280, 800)
        host.show()
        opened.append((host, ws))
        return page, controller

    yield build
    for host, ws in opened:
        host.close()
        ws.close()
