"""The packaged program (dist/retrofit-planner/, made by scripts/build-app.sh) runs on its own:
no project virtual environment, no PYTHONPATH, a fresh home folder and, where the machine
allows it, no network at all.  Skipped when the folder has not been built (every normal CI
run); scripts/test-packaged.sh builds it and runs these."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.views.pages import PAGES as WINDOW_PAGES

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "retrofit-planner"
PROGRAM = DIST / ("RetrofitPlanner.exe" if sys.platform == "win32" else "RetrofitPlanner")
WORKBOOK = ROOT / "tests" / "data" / "valid_soest.xlsx"
# every page of the window's navigation, in its order (the screenshot command renders each)
PAGES = [key for key, _module, _cls in WINDOW_PAGES]

pytestmark = [
    pytest.mark.skipif(not PROGRAM.exists(), reason="no packaged build: run scripts/build-app.sh"),
    pytest.mark.slow,
]


def _offline() -> list[str]:
    """A prefix that runs a command without any network (a new, empty network namespace),
    where this machine allows it; else nothing."""
    if shutil.which("unshare"):
        for prefix in (["unshare", "--net"], ["unshare", "--user", "--map-root-user", "--net"]):
            if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
                return prefix
    return []


def _clean_env(home: Path) -> dict[str, str]:
    """What a user's session has: a home folder, no Python environment of the project."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen"}


def run_packaged(args: list[str], home: Path, cwd: Path, **kw) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run([*_offline(), str(PROGRAM), *args], env=_clean_env(home), cwd=cwd,
                          capture_output=True, text=True, timeout=180, **kw)


def run_source(args: list[str], home: Path, cwd: Path) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    env = {**_clean_env(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "desktop", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=180)


def test_version_is_the_package_version(tmp_path):
    from desktop import __version__

    done = run_packaged(["--version"], tmp_path / "home", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Retrofit Planner {__version__}"


def test_check_gives_the_same_findings_as_the_source(tmp_path):
    packaged = run_packaged(["check", str(WORKBOOK), "--json"], tmp_path / "home", tmp_path)
    assert packaged.returncode == 0, packaged.stderr
    found = json.loads(packaged.stdout)
    assert found["errors"] == []
    assert any("estimate" in w["message"] for w in found["warnings"])
    source = run_source(["check", str(WORKBOOK), "--json"], tmp_path / "home-src", tmp_path)
    assert found == json.loads(source.stdout)

    broken = run_packaged(["check", str(ROOT / "tests" / "data" / "errors.xlsx"), "--json"],
                          tmp_path / "home", tmp_path)
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["errors"]


def _image(path: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    return image


def _share_differing(a, b) -> float:
    """The share of pixels that differ between two images of one size (sampled every 4th)."""
    differ = total = 0
    for y in range(0, a.height(), 4):
        for x in range(0, a.width(), 4):
            total += 1
            differ += a.pixel(x, y) != b.pixel(x, y)
    return differ / total


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder layout of Linux (XDG)")
def test_first_start_makes_the_sample_and_shows_what_the_source_shows(tmp_path, qapp):
    home = tmp_path / "home"             # a user who never ran it: nothing in the home folder
    out_source, out_packaged = tmp_path / "source", tmp_path / "packaged"
    # the source first, in the same home folder (the status bar shows the workspace's path)
    assert run_source(["screenshot", str(out_source), "--lang", "en"], home, tmp_path).returncode == 0
    shutil.rmtree(home)
    done = run_packaged(["screenshot", str(out_packaged), "--lang", "en"], home, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(out_packaged / f"{page}.png") for page in PAGES]

    # the sample was made in the user's data folder (platformdirs: ~/.local/share on Linux)
    sample = home / ".local" / "share" / "RetrofitPlanner" / "soest-sample.rpw"
    assert sample.exists()
    from desktop.store.workspace import Workspace

    ws = Workspace.open(sample, create=False)
    try:
        assert ws.get_meta("sample") == "soest"
        assert len(ws.load().complexes) == 92
    finally:
        ws.close()

    for page in PAGES:
        packaged, source = _image(out_packaged / f"{page}.png"), _image(out_source / f"{page}.png")
        assert (packaged.width(), packaged.height()) == (1280, 800)
        assert len({packaged.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}) > 20
        # the same window as from the source: same texts, numbers, charts (fonts come from
        # the same system in both runs); a tiny share may differ (anti-aliasing)
        assert _share_differing(packaged, source) < 0.01, page


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder layout of Linux (XDG)")
def test_window_starts_offline_on_the_sample_and_stays_up(tmp_path):
    """The window itself (no subcommand): the first start opens the sample, stored in the
    user's data folder, and writes its log there; it keeps running until closed."""
    home = tmp_path / "home"
    home.mkdir()
    data = home / ".local" / "share" / "RetrofitPlanner"
    started = time.monotonic()
    proc = subprocess.Popen([*_offline(), str(PROGRAM)], env=_clean_env(home), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not (data / "soest-sample.rpw").exists() and time.monotonic() - started < 60:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        assert (data / "soest-sample.rpw").exists()
        time.sleep(3)                     # the window is built and shown, pages warm up
        assert proc.poll() is None, proc.communicate()
        assert (data / "logs" / "retrofit-planner.log").exists()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux menu entry")
def test_install_script_puts_it_in_the_applications_menu(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["sh", str(DIST / "install.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = home / ".local" / "share" / "applications" / "retrofit-planner.desktop"
    fields = dict(line.split("=", 1) for line in entry.read_text().splitlines() if "=" in line)
    assert fields["Exec"] == f'"{PROGRAM}"' and os.access(PROGRAM, os.X_OK)
    assert fields["Name"] == "Retrofit Planner" and fields["Icon"] == "retrofit-planner"
    assert (home / ".local/share/icons/hicolor/256x256/apps/retrofit-planner.png").exists()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    subprocess.run(["sh", str(DIST / "install.sh"), "--remove"], env=env, check=True, capture_output=True)
    assert not entry.exists()


def test_only_the_qt_modules_the_app_uses_are_in_the_folder():
    internal = DIST / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in internal.glob("Qt*") if p.suffix in (".so", ".pyd")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport",
                       "QtOpenGL", "QtOpenGLWidgets"}
    libraries = " ".join(p.name for p in internal.rglob("*Qt6*"))
    for unused in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Test", "Qt6EglFS"):
        assert unused not in libraries
    qt_translations = [p.name for p in internal.rglob("*.qm")]
    assert qt_translations == ["qtbase_nl.qm"]
