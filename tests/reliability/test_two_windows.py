"""Two windows on one workspace (two processes): no corruption, each sees the other's
changes on refresh, and a conflicting edit is refused, never silently overwritten."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.workspace import sqlite_integrity_ok
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

OTHER_USER = """
import sys, datetime as dt
import pandas as pd
from desktop.store.workspace import Workspace
from desktop.store.commands import RecordVotes, Upsert
ws = Workspace.open(sys.argv[1])
ws.apply(Upsert("projects", {"project": "P-27-001"}, {"year": 2030}))
ws.apply(RecordVotes(pd.DataFrame([{"project": "A-25-001", "dwelling": sys.argv[2], "vote": "ja",
                                     "date": dt.date(2026, 4, 2), "recorded_by": "Femke"}])))
print("done")
"""


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "shared.rpw"
    ws = create_sample_workspace(path)
    settings = Settings()
    settings.user_name = "Anna"
    controller = Controller(ws, settings)
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.show()
    yield win, path
    win.close()
    controller.workspace.close()


def test_the_other_process_edits_and_this_window_refuses_to_overwrite(window):
    win, path = window
    ctl = win.controller
    page = win.page("programme")
    ds = ctl.dataset
    unvoted = sorted(set(ds.dwellings.loc[(ds.dwellings["complex"] == "A-2301") & ds.dwellings["let"],
                                          "dwelling"])
                     - set(ds.votes.loc[ds.votes["project"] == "A-25-001", "dwelling"]))[0]
    dialog = page.project_dialog("P-27-001")       # Anna opens the form (reads version N)
    out = subprocess.run([sys.executable, "-c", OTHER_USER, str(path), unvoted], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "done", out.stderr
    dialog.gas_edit.setText("999")
    dialog.accept()                                # Anna saves her stale form
    assert dialog.result() == 0                    # the form stays open
    assert "changed by someone else" in dialog.banner.text()
    ctl.reload()                                   # View → Reload
    projects = ctl.dataset.projects.set_index("project")
    assert projects.at["P-27-001", "year"] == 2030         # the other user's edit survives
    assert projects.at["P-27-001", "gas_saving_m3"] != 999  # Anna's stale edit did not land
    votes = ctl.dataset.votes
    assert ((votes["dwelling"] == unvoted) & (votes["vote"] == "ja")).any()
    assert ctl.undo_stack.count() == 0
    assert sqlite_integrity_ok(path)


def test_both_write_at_once_without_corruption(window, tmp_path):
    win, path = window
    ctl = win.controller
    script = ("import sys\nfrom desktop.store.workspace import Workspace\n"
              "from desktop.store.commands import Upsert\n"
              "ws = Workspace.open(sys.argv[1])\n"
              "for i in range(60):\n"
              "    ws.apply(Upsert('tariffs', {'year': 2100 - i % 30}, {'gas_eur_m3': 1.0, "
              "'electricity_eur_kwh': 0.3}))\n")
    with subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT) as other:
        from desktop.store.commands import Upsert
        for i in range(60):
            ctl.execute(Upsert("emission_factors", {"year": 2000 + i % 30},
                               {"gas_kg_m3": 1.779, "electricity_kg_kwh": 0.4}), "factor")
        assert other.wait(timeout=120) == 0
    ctl.reload()
    assert len(ctl.dataset.tariffs) == 30 and len(ctl.dataset.emission_factors) == 30
    assert sqlite_integrity_ok(path)
