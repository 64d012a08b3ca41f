"""Nothing lost: a closed workspace is one whole file, and its backups are private.

SQLite keeps the latest edits in ``NAME.rpw-wal`` until a checkpoint; a user who copies
only ``NAME.rpw`` (e-mail, USB stick, a synced folder) must still get every edit.  So
closing (the window, File → Open of another, every command-line command) leaves no
``-wal``/``-shm`` beside the file, and each backup folds the log into the file too.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.sample import create_sample_workspace
from desktop.store.commands import Upsert
from desktop.store.workspace import Workspace, fold_wal

ROOT = Path(__file__).resolve().parent.parent.parent


def CONFIRM(_question: str) -> bool:
    """The user answers yes when asked to move a project that is done."""
    return True


def side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(("-wal", "-shm")))


def alone(path: Path, tmp_path: Path) -> Path:
    """Copy only the workspace file elsewhere, as a user mailing it would."""
    dst = tmp_path / "elsewhere" / path.name
    dst.parent.mkdir(exist_ok=True)
    shutil.copy(path, dst)
    return dst


def project_years(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("select project, year from projects").fetchall())
    finally:
        con.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ----- the window --------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    from desktop.settings import Settings
    from desktop.views import refresh
    from desktop.views.controller import Controller
    from desktop.views.main_window import MainWindow

    ws = create_sample_workspace(tmp_path / "work" / "soest.rpw")
    win = MainWindow(Controller(ws, Settings(user_name="Anna")))
    qtbot.addWidget(win)
    win.show()
    win.show_page("programme")
    refresh.settle(10)
    yield win
    win.close()


def move_first_project(win) -> tuple[str, int]:
    projects = win.controller.dataset.projects
    project, year = str(projects["project"].iloc[0]), int(projects["year"].iloc[0])
    assert win.page("programme").move_projects([project], year + 1, ask=CONFIRM)
    return project, year + 1


@pytest.mark.gui
def test_closing_the_window_leaves_the_file_whole(window, tmp_path):
    path = window.controller.workspace.path
    project, year = move_first_project(window)
    assert side_files(path.parent) != []          # the edit sits in the log while open
    window.close()
    assert side_files(path.parent) == []
    assert project_years(alone(path, tmp_path))[project] == year


@pytest.mark.gui
def test_opening_another_workspace_leaves_the_first_whole(window, tmp_path):
    first = window.controller.workspace.path
    project, year = move_first_project(window)
    other = tmp_path / "other" / "other.rpw"
    create_sample_workspace(other).close()
    assert window.open_workspace(str(other), background=False)
    assert window.controller.workspace.path == other
    assert side_files(first.parent) == []
    assert project_years(alone(first, tmp_path))[project] == year


# ----- the command line ----------------------------------------------------------------
def run(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RETROFIT_PLANNER_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_every_command_leaves_the_file_whole(tmp_path):
    work = tmp_path / "work"
    source = work / "source.rpw"
    ws = create_sample_workspace(source)
    expected = project_years(source)
    ws.close()
    book = work / "programme.xlsx"
    out = run(["export", str(book), "--workspace", str(source)], tmp_path)
    assert out.returncode == 0, out.stderr
    assert side_files(work) == []

    target = work / "target.rpw"
    out = run(["import", str(book), "--workspace", str(target)], tmp_path)
    assert out.returncode == 0, out.stderr + out.stdout
    assert side_files(work) == []
    assert project_years(alone(target, tmp_path)) == expected
    # the import's backup copy (before it wrote) is private, in a private folder
    assert mode(work / "backups") == 0o700
    assert [mode(b) for b in (work / "backups").iterdir()] == [0o600]

    out = run(["check", str(book)], tmp_path)
    assert out.returncode == 0, out.stderr
    assert side_files(work) == []


# ----- backups ---------------------------------------------------------------------------
@pytest.fixture
def open_workspace(tmp_path):
    old = os.umask(0o022)             # the usual umask: new files 0644, folders 0755
    ws = create_sample_workspace(tmp_path / "work" / "soest.rpw")
    yield ws
    ws.close()
    os.umask(old)


def test_a_backup_folds_the_log_into_the_workspace_file(open_workspace, tmp_path):
    ws = open_workspace
    project = str(ws.load().projects["project"].iloc[0])
    ws.apply(Upsert("projects", {"project": project}, {"year": 2031}))
    assert side_files(ws.path.parent) != []       # open: the edit sits in the log
    try:                                          # the file alone lacks it (or all: the
        before = project_years(alone(ws.path, tmp_path)).get(project)  # sample is in the log)
    except sqlite3.OperationalError:
        before = None
    backup = ws.backup(reason="manual")
    after = project_years(alone(ws.path, tmp_path))  # the file alone, the workspace still open
    assert before != 2031 and after[project] == 2031
    assert project_years(backup)[project] == 2031
    assert side_files(backup.parent) == []        # the copy is one file


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_backups_are_readable_by_their_owner_only(open_workspace):
    ws = open_workspace
    first = ws.backup(reason="manual")
    second = ws.backup(reason="before-import")
    assert mode(ws.path.parent / "backups") == 0o700
    assert (mode(first), mode(second)) == (0o600, 0o600)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_open_backups_folder_is_tightened(open_workspace):
    ws = open_workspace
    folder = ws.path.parent / "backups"
    folder.mkdir()
    os.chmod(folder, 0o755)                       # as earlier versions made it
    old = folder / f"{ws.path.stem}.20250101-120000-000000.manual.backup"
    shutil.copy(ws.path, old)
    copy = ws.backup(reason="manual")
    assert mode(folder) == 0o700
    assert mode(copy) == 0o600
    assert old in ws.backups()                    # the older copy is still listed


def test_folding_never_waits_for_another_reader(tmp_path):
    path = tmp_path / "busy.rpw"
    with Workspace.open(path) as ws:
        ws.set_meta("note", "x")
        other = sqlite3.connect(path)             # another window's read in progress
        other.execute("begin")
        other.execute("select count(*) from projects").fetchone()
        t0 = time.perf_counter()
        fold_wal(path)                            # must not raise nor hang
        assert time.perf_counter() - t0 < 5
        other.rollback()
        other.close()
    assert side_files(tmp_path) == []             # the last close folded it
