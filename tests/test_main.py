"""main() in a subprocess, as a user starts it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def run(args, tmp_path, timeout=180):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RETROFIT_PLANNER_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_version_and_help(tmp_path):
    out = run(["--version"], tmp_path)
    assert out.returncode == 0 and "Retrofit Planner 0.1" in out.stdout
    out = run(["--help"], tmp_path)
    assert out.returncode == 0 and "--workspace" in out.stdout and "screenshot" in out.stdout


def test_screenshot_renders_every_view_of_the_sample(tmp_path):
    out = run(["screenshot", str(tmp_path / "shots")], tmp_path)
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "shots").glob("*.png"))
    assert (tmp_path / "shots" / "overview.png") in files
    img = QImage(str(tmp_path / "shots" / "overview.png"))
    assert img.width() >= 1000 and img.height() >= 600
    # the first start created the sample workspace in the app's data folder
    assert (tmp_path / "home" / "data" / "soest-sample.rpw").exists()


def test_window_starts_and_quits(tmp_path):
    """The real window process: started with a workspace, closed by a timer-driven quit."""
    code = ("import sys; from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication;"
            "import desktop.app as a; app = a.make_application();"
            "QTimer.singleShot(1500, app.quit);"
            f"sys.exit(a.run_window({str(tmp_path / 'ws.rpw')!r}))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RETROFIT_PLANNER_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "ws.rpw").exists()
    assert "Traceback" not in out.stderr
