"""A process killed at any moment — mid-import included — leaves a workspace that opens
with all of the change or none of it (SQLite in WAL mode, one transaction)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store.workspace import Workspace, count_rows, sqlite_integrity_ok

ROOT = Path(__file__).resolve().parents[2]

DRIVER = """
import sys
from desktop.store.workspace import Workspace
from desktop.exchange.importer import import_workbook

def progress(fraction):
    print(f"at {fraction:.2f}", flush=True)
    return True

ws = Workspace.open(sys.argv[2])
outcome = import_workbook(sys.argv[1], ws, progress=progress)
print("finished", outcome.ok, flush=True)
"""


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    sys.path.insert(0, str(ROOT))
    from bench.generate import write_workbook

    path = tmp_path_factory.mktemp("wb") / "programme-8k.xlsx"
    write_workbook(path, n_dwellings=8_000, seed=7)
    return path


@pytest.fixture(scope="module")
def complete_counts(workbook, tmp_path_factory):
    path = tmp_path_factory.mktemp("full") / "full.rpw"
    out = subprocess.run([sys.executable, "-c", DRIVER, str(workbook), str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert "finished True" in out.stdout, out.stderr
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return count_rows(conn)


# (the progress line after which to kill, extra delay in seconds)
KILL_POINTS = [("at 0.00", 0.0), ("at 0.10", 0.05), ("at 0.60", 0.0), ("at 0.70", 0.0),
               ("at 0.80", 0.0), ("at 0.80", 0.02), ("at 0.80", 0.08), ("at 0.80", 0.2),
               ("at 0.80", 0.4), ("at 1.00", 0.0)]


@pytest.mark.parametrize("marker,delay", KILL_POINTS)
def test_sigkill_during_import_leaves_all_or_nothing(workbook, complete_counts, tmp_path, marker, delay):
    path = tmp_path / "ws.rpw"
    Workspace.open(path).close()
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        empty = count_rows(conn)
    seen = []
    with subprocess.Popen([sys.executable, "-c", DRIVER, str(workbook), str(path)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        for line in proc.stdout:
            seen.append(line.strip())
            if line.strip() == marker:
                time.sleep(delay)
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=120)
        errors = proc.stderr.read()
    assert marker in seen, (seen, errors)
    assert sqlite_integrity_ok(path)
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        after = count_rows(conn)
        ws.load()   # and it loads
    data_tables = [t for t in after if t not in ("meta", "alembic_version")]
    state = {t: after[t] for t in data_tables}
    assert state in ({t: empty[t] for t in data_tables}, {t: complete_counts[t] for t in data_tables}), \
        f"partial import after a kill {marker}+{delay}s: {state}"


def test_kill_while_editing_keeps_every_committed_edit(tmp_path):
    """A writer committing edits one by one is killed; every edit it reported as saved is there."""
    path = tmp_path / "ws.rpw"
    from desktop.sample import create_sample_workspace
    create_sample_workspace(path).close()
    code = """
import sys
from desktop.store.workspace import Workspace
from desktop.store.commands import Upsert
ws = Workspace.open(sys.argv[1])
for i in range(10_000):
    ws.apply(Upsert("tariffs", {"year": 2000 + i % 100}, {"gas_eur_m3": i / 100, "electricity_eur_kwh": 0.2}))
    print(i, flush=True)
"""
    last = None
    with subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                          text=True) as proc:
        for line in proc.stdout:
            last = int(line)
            if last >= 150:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=60)
    assert sqlite_integrity_ok(path)
    with Workspace.open(path) as ws:
        tariffs = ws.load().tariffs.set_index("year")
    # the last edit reported saved is in the workspace (maybe one more that had committed)
    year = 2000 + last % 100
    assert tariffs.at[year, "gas_eur_m3"] in (last / 100, (last + 100) / 100)
