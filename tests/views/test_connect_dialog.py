"""File → Connect to a team database… and File → Copy workspace to a file…, offscreen,
against the real PostgreSQL test server (tests/store/conftest.py)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.workspace import Workspace
from desktop.views import connect_dialog
from desktop.views.connect_dialog import ConnectDialog
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from tests.store.conftest import pg_server, pg_server_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    settings = Settings(user_name="Anna")
    win = MainWindow(Controller(ws, settings))
    connect_dialog.install(win)
    qtbot.addWidget(win)
    yield win
    win.close()
    win.controller.workspace.close()


def test_dialog_builds_the_url_and_keeps_the_password_out(qtbot):
    dialog = ConnectDialog(None, "postgresql://anna:geheim@db.portaal.nl:6543/programma")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == \
        ("db.portaal.nl", 6543, "programma", "anna")
    assert dialog.location() == "postgresql://anna:geheim@db.portaal.nl:6543/programma"
    assert dialog.location(with_password=False) == "postgresql://anna@db.portaal.nl:6543/programma"


def test_connect_copy_to_a_file_and_remember_without_password(window, pg_server, tmp_path, qtbot):
    team = pg_server.create_database()
    connect_dialog.copy_to_file(window, str(tmp_path / "seed.rpw"))     # the sample, as a team's start
    from desktop.store.copy import copy_workspace
    copy_workspace(tmp_path / "seed.rpw", team)
    url = connect_dialog.make_url(team)
    assert url.password   # the test server takes one

    def fill() -> None:
        d = window.connect_dialog
        d.host.setText(url.host)
        d.port.setValue(url.port)
        d.database.setText(url.database)
        d.user.setText(url.username)
        d.password.setText(url.password)
        d.accept()

    assert "Connect to a &team database…" in [a.text() for a in window.menu_file.actions()]
    QTimer.singleShot(0, fill)
    assert connect_dialog.connect(window, location=None)
    qtbot.waitUntil(lambda: window.controller.workspace.dialect == "postgresql", timeout=10_000)
    ws = window.controller.workspace
    assert ws.dialect == "postgresql" and ws.user == "Anna"
    remembered = window.settings.recent_workspaces[0]
    assert remembered == f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}"
    assert f":{url.password}@" not in " ".join(window.settings.recent_workspaces)
    with Workspace.open(tmp_path / "seed.rpw") as seed:
        assert len(ws.load().dwellings) == len(seed.load().dwellings) == 4264
    # and back to a local file, to work offline
    assert connect_dialog.copy_to_file(window, str(tmp_path / "offline.rpw"))
    with Workspace.open(tmp_path / "offline.rpw") as offline:
        assert offline.load().projects.equals(ws.load().projects)
