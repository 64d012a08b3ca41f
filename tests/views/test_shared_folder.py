"""Opening a workspace in a synced folder: the window warns and offers a local copy."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.sample import create_sample_workspace
from desktop.store.location import local_copies_dir

pytestmark = pytest.mark.gui


def answer(button_text: str, seen: list[str]) -> QTimer:
    """Press the button whose text (without &) starts with ``button_text`` in the next
    message box, noting the box's text in ``seen``."""
    timer = QTimer()

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for b in box.buttons():
                if b.text().replace("&", "").startswith(button_text):
                    seen.append(box.text())
                    timer.stop()
                    b.click()
                    return
    timer.timeout.connect(press)
    timer.start(20)
    return timer


@pytest.fixture
def synced_workspace(tmp_path) -> Path:
    path = tmp_path / "OneDrive - Portaal" / "plannen.rpw"
    create_sample_workspace(path).close()
    return path


def open_via_menu(window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.open_workspace_dialog()


def test_warns_and_works_on_a_local_copy(sample_window, qtbot, monkeypatch, synced_workspace):
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _parent, _title, text: told.append(text)))
    seen: list[str] = []
    timer = answer("Work on a local copy", seen)
    before = synced_workspace.read_bytes()
    open_via_menu(sample_window, monkeypatch, synced_workspace)
    timer.stop()
    assert len(seen) == 1 and "OneDrive" in seen[0] and "plannen.rpw" in seen[0]
    copy = local_copies_dir() / "plannen.rpw"
    qtbot.waitUntil(lambda: sample_window.controller.workspace.path == copy, timeout=10_000)
    assert told == [f"You are working on a local copy:\n{copy}"]
    assert synced_workspace.read_bytes() == before           # the original is left alone


def test_open_it_here_keeps_the_shared_file(sample_window, qtbot, monkeypatch, synced_workspace):
    seen: list[str] = []
    timer = answer("Open it here", seen)
    open_via_menu(sample_window, monkeypatch, synced_workspace)
    timer.stop()
    assert len(seen) == 1
    qtbot.waitUntil(lambda: sample_window.controller.workspace.path == synced_workspace,
                    timeout=10_000)
    assert not local_copies_dir().joinpath("plannen.rpw").exists()


def test_a_local_workspace_opens_without_a_question(sample_window, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "plain" / "plannen.rpw"
    create_sample_workspace(path).close()
    seen: list[str] = []
    timer = answer("", seen)
    open_via_menu(sample_window, monkeypatch, path)
    qtbot.waitUntil(lambda: sample_window.controller.workspace.path == path, timeout=10_000)
    timer.stop()
    assert seen == []


def test_the_warning_in_dutch(qapp):
    from PySide6.QtCore import QLocale

    from desktop.app import install_translators, remove_translators
    from desktop.settings import Settings
    from desktop.views.shared_folder import warning_text

    before = QLocale()
    install_translators(qapp, Settings(language="nl"))
    try:
        synced = warning_text("plannen.rpw", "synced", "OneDrive")
        network = warning_text("plannen.rpw", "network", "nfs4")
    finally:
        remove_translators(qapp)
        QLocale.setDefault(before)
    assert synced.startswith("plannen.rpw staat in een map die OneDrive synchroniseert.")
    assert network.startswith("plannen.rpw staat op een netwerkschijf (nfs4).")
    assert network.endswith("kopieer het lokale bestand terug als u klaar bent.")
    assert warning_text("plannen.rpw", "synced", "OneDrive").startswith(
        "plannen.rpw lies in a folder that OneDrive keeps in sync.")


@pytest.mark.slow
def test_on_start_the_window_offers_a_local_copy(tmp_path, synced_workspace):
    """The real window process, started on a workspace in a synced folder: the warning,
    "Work on a local copy", then the window works on the copy in the app's data folder."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent.parent
    code = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
import desktop.app as a
app = a.make_application()
seen = []
def press():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        for b in box.buttons():
            if b.text().replace("&", "") in ("Work on a local copy", "OK"):
                seen.append(box.text().splitlines()[0])
                b.click()
                return
timer = QTimer(); timer.timeout.connect(press); timer.start(50)
def done():
    w = [w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow"
         or type(w).__name__ == "MainWindow"][0]
    print("OPEN", w.controller.workspace.path)
    print("SEEN", seen)
    app.quit()
QTimer.singleShot(3000, done)
sys.exit(a.run_window({str(synced_workspace)!r}))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RETROFIT_PLANNER_HOME=str(tmp_path / "home"),
               LANGUAGE="en")
    before = synced_workspace.read_bytes()
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    copy = tmp_path / "home" / "data" / "local copies" / "plannen.rpw"
    assert f"OPEN {copy}" in out.stdout
    assert "OneDrive" in out.stdout and "You are working on a local copy:" in out.stdout
    assert copy.exists() and synced_workspace.read_bytes() == before
    assert "Traceback" not in out.stderr
