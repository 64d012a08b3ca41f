"""Issue 25: the window's import loads an untrusted file's cells in a child process; a
native crash of the reader there is a message, the window stays, the workspace is as
it was."""
from __future__ import annotations

from pathlib import Path

from desktop.exchange import reader
from desktop.settings import Settings
from desktop.views.controller import Controller
from desktop.views.import_dialog import ImportPreviewDialog, MessageDialog
from desktop.views.main_window import MainWindow

from bench.fuzz_workbooks import table_digest

DATA = Path(__file__).resolve().parent.parent / "data"
TIMEOUT = 30_000


def test_the_window_survives_a_reader_crash(qtbot, tmp_path, monkeypatch):
    from desktop.sample import create_sample_workspace

    ws = create_sample_workspace(tmp_path / "soest.rpw")
    win = MainWindow(Controller(ws, Settings()))
    qtbot.addWidget(win)
    win.show()
    before = table_digest(ws.path)
    # without the preflight the far cell makes calamine abort, as an unknown bug would
    monkeypatch.setattr(reader, "_refuse_large_sheets", lambda *args: None)
    ex = win.exchange
    task = ex.import_workbook(DATA / "crashers" / "far_cell_issue25.xlsx")
    qtbot.waitUntil(lambda: task.outcome is not None, timeout=TIMEOUT)
    assert task.outcome == "failed"
    box = ex.last_dialog
    assert isinstance(box, MessageDialog) and box.isVisible()
    assert "the reader stopped (SIGABRT" in box.text()
    assert "Nothing was changed" in box.text()
    box.close()
    assert win.isVisible() and not ex.busy
    assert ws.backups() == []
    assert table_digest(ws.path) == before

    # and the window goes on importing
    monkeypatch.undo()
    task = ex.import_workbook(DATA / "valid_soest.xlsx")
    qtbot.waitUntil(lambda: isinstance(ex.last_dialog, ImportPreviewDialog)
                    or (task.outcome is not None and task.outcome != "finished"), timeout=TIMEOUT)
    assert task.outcome == "finished"
    win.close()
    ws.close()
