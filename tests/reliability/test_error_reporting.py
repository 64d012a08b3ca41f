"""Errors the user can act on: an unexpected exception shows a dialog with a copyable
report and goes to the rotating log — without personal data — and the window lives on.
A damaged workspace offers its backup; backups restore from the File menu."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.logs import LOG_NAME, setup_logging
from desktop.paths import log_dir
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views import backups
from desktop.views.error_dialog import ExceptionHandler

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(sample_window):
    return sample_window


def test_unexpected_exception_shows_a_report_and_logs_without_personal_data(window, qtbot):
    log_path = setup_logging()
    handler = ExceptionHandler().install()
    try:
        address = "Kerkpad 12, Soest"
        try:
            raise KeyError(address)          # an error whose message holds personal data
        except KeyError:
            sys.excepthook(*sys.exc_info())
        dialog = handler.last_dialog
        assert dialog is not None and dialog.isVisible()
        assert "KeyError" in dialog.summary.text()
        dialog.copy_report()
        copied = QGuiApplication.clipboard().text()
        assert "Traceback" in copied and "Retrofit Planner" in copied
        dialog.close()
        assert window.isVisible()            # the window lives on
        for h in logging.getLogger().handlers:
            h.flush()
        logged = log_path.read_text(encoding="utf-8")
        assert "unexpected error: KeyError" in logged
        assert address not in logged
    finally:
        handler.uninstall()
        for h in list(logging.getLogger().handlers):
            if getattr(h, "baseFilename", "").endswith(LOG_NAME):
                logging.getLogger().removeHandler(h)
                h.close()
    assert log_path.parent == log_dir()


def test_backup_restores_from_the_file_menu(window, qtbot, tmp_path):
    ctl = window.controller
    backup = ctl.workspace.backup(reason="before-import")
    from desktop.store.commands import Upsert
    ctl.execute(Upsert("projects", {"project": "P-27-001"}, {"year": 2031}), "move")
    assert backups.describe(backup).endswith("before import")
    assert backups.restore_into(window, backup)
    assert ctl.dataset.projects.set_index("project").at["P-27-001", "year"] == 2027
    assert ctl.undo_stack.count() == 0
    assert Path(str(ctl.workspace.path) + ".replaced").exists()   # the replaced file is kept


def test_restore_dialog_lists_backups_newest_first(window, qtbot):
    ws = window.controller.workspace
    first = ws.backup(reason="manual")
    second = ws.backup(reason="before-import")
    dialog = backups.RestoreDialog(ws.backups(), window)
    assert dialog.list.count() == 2
    assert dialog.chosen() == second
    dialog.close()
    assert first != second


def test_damaged_workspace_at_start_offers_the_backup(tmp_path, qtbot, monkeypatch):
    from desktop import app as app_module

    path = tmp_path / "ws.rpw"
    ws = create_sample_workspace(path)
    ws.backup(reason="before-import")
    ws.close()
    path.write_bytes(b"garbage" * 1000)             # the disk damaged the file
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    from desktop.store.workspace import DamagedWorkspaceError
    restored = app_module.offer_restore(str(path), DamagedWorkspaceError("damaged"), Settings())
    assert restored is not None
    assert len(restored.load().dwellings) == 3689 + 575
    restored.close()


def test_log_file_rotates(tmp_path):
    from desktop import logs
    import logging.handlers

    path = setup_logging()
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, logging.handlers.RotatingFileHandler))
    try:
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT
        assert path.name == LOG_NAME
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
