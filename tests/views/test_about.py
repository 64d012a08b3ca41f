"""Help → About: the version and where this user's data, settings and log really are."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop import __version__
from desktop.app import install_translators, remove_translators
from desktop.logs import setup_logging
from desktop.paths import data_dir
from desktop.settings import Settings
from desktop.views.about import AboutDialog

pytestmark = pytest.mark.gui


def _about(window, qtbot) -> AboutDialog:
    help_menu = window.menu_help.actions()
    help_menu[0].trigger()                      # "About Retrofit Planner"
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


@pytest.fixture
def log_file():
    """The log file run_window writes to; its handler is taken off again afterwards."""
    path = setup_logging()
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()


def test_about_tells_the_version_and_the_real_folders(sample_window, qtbot, log_file):
    Settings().save()
    dialog = _about(sample_window, qtbot)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    home = Path(os.environ["RETROFIT_PLANNER_HOME"])
    assert __version__ in shown and __version__ != "0+unknown"
    assert str(data_dir()) in shown and str(data_dir()).startswith(str(home))
    assert str(log_file) in shown and log_file.exists()
    assert str(Settings.path()) in shown and Settings.path().exists()
    ws = sample_window.controller.workspace
    assert str(ws.path.parent / "backups") in shown      # beside this workspace file
    assert ws.location in shown
    assert "sends nothing anywhere" in shown
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[0] == f"Retrofit Planner {__version__}"
    assert f"Log: {log_file}" in copied.splitlines()
    dialog.close()


def test_about_in_dutch(sample_window, qtbot, qapp):
    before = QLocale()
    install_translators(qapp, Settings(language="nl"))     # also makes Dutch the default locale
    try:
        dialog = AboutDialog(sample_window.controller.workspace, sample_window)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Over Retrofit Planner"
        names = [name for name, _value in dialog.facts]
        assert names[:3] == ["Versie", "Deze werkruimte", "Gegevensmap"]
        assert "internet" in dialog.network.text() and "niets" in dialog.network.text()
        assert f"Versie: {__version__}" in dialog.text().splitlines()
    finally:
        remove_translators(qapp)
        QLocale.setDefault(before)
