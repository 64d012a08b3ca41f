"""Import into and export from a real workspace: preview, dry run, all or nothing, backups."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from desktop.exchange import importer
from desktop.exchange.importer import import_workbook
from desktop.exchange.writer import write_workbook
from desktop.sample import build_sample, create_sample_workspace
from desktop.store import workspace as store
from desktop.store.workspace import Workspace, count_rows

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def cli(*args, tmp_path):
    env = dict(os.environ, RETROFIT_PLANNER_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def rows(path) -> dict[str, int]:
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return count_rows(conn)


def test_export_then_import_gives_the_same_workspace(tmp_path):
    src = create_sample_workspace(tmp_path / "soest.rpw")
    src.close()
    book = tmp_path / "soest.xlsx"
    out = cli("export", book, "--workspace", tmp_path / "soest.rpw", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    out = cli("import", book, "--workspace", tmp_path / "copy.rpw", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Complexes: 92 added" in out.stdout or "Complexen: 92 nieuw" in out.stdout
    with Workspace.open(tmp_path / "soest.rpw") as a, Workspace.open(tmp_path / "copy.rpw") as b:
        da, db = a.load(), b.load()
        for name in ("complexes", "dwellings", "targets", "tariffs", "emission_factors"):
            pd.testing.assert_frame_equal(getattr(da, name), getattr(db, name), obj=name)
        cols = [c for c in da.projects.columns if c not in ("campaign_start", "notified_on")]
        pd.testing.assert_frame_equal(da.projects[cols], db.projects[cols])
        pd.testing.assert_frame_equal(da.votes, db.votes)
    # importing the same workbook again changes nothing
    out = cli("import", book, "--workspace", tmp_path / "copy.rpw", "--lang", "en", tmp_path=tmp_path)
    assert out.returncode == 0 and "Nothing to change." in out.stdout


def test_dry_run_writes_nothing(tmp_path):
    ws_path = tmp_path / "ws.rpw"
    Workspace.open(ws_path).close()
    before = rows(ws_path)
    out = cli("import", DATA / "valid_soest.xlsx", "--workspace", ws_path, "--dry-run", "--lang", "en",
              tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Dry run: nothing was written." in out.stdout
    assert "added" in out.stdout
    assert rows(ws_path) == before
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_workbook_with_errors_imports_nothing(tmp_path):
    ws_path = tmp_path / "ws.rpw"
    create_sample_workspace(ws_path).close()
    before = rows(ws_path)
    out = cli("import", DATA / "errors.xlsx", "--workspace", ws_path, "--lang", "en", tmp_path=tmp_path)
    assert out.returncode == 1
    assert "Errors (" in out.stdout and "Stemmen, row 12, Stem" in out.stdout
    assert "Nothing imported" in out.stdout
    assert rows(ws_path) == before


def test_unreadable_file_exits_2_with_one_line(tmp_path):
    out = cli("import", DATA / "truncated.xlsx", "--workspace", tmp_path / "ws.rpw", tmp_path=tmp_path)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_votes_only_workbook_resolves_against_the_workspace(tmp_path):
    ws = create_sample_workspace(tmp_path / "ws.rpw")
    ds = ws.load()
    campaign = ds.projects_with_owner()
    dwelling = ds.dwellings[(ds.dwellings["complex"] == "A-2301") & ds.dwellings["let"]]["dwelling"]
    voted = set(ds.votes.loc[ds.votes["project"] == "A-25-001", "dwelling"])
    new = [d for d in dwelling if d not in voted][0]
    book = tmp_path / "stemmen.xlsx"
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = "Stemmen"
    sh.append(["Project", "Woning", "Stem", "Datum", "Vastgelegd door"])
    sh.append(["A-25-001", new, "ja", "2026-04-01", "Femke"])
    wb.save(book)
    outcome = import_workbook(book, ws)
    assert outcome.ok, [p.message for p in outcome.errors]
    assert outcome.plan.summary["votes"] == {"added": 1, "changed": 0, "unchanged": 0}
    assert outcome.backup is not None and outcome.backup.exists()
    history = ws.vote_history("A-25-001", new)
    assert history["vote"].tolist() == ["ja"] and history["recorded_by"].tolist() == ["Femke"]
    assert history["note"].tolist() == ["import"]
    assert len(campaign)  # the workspace still holds every project
    ws.close()


def test_changed_vote_becomes_a_new_history_entry(tmp_path):
    ws = create_sample_workspace(tmp_path / "ws.rpw")
    v = ws.load().votes
    first = v[v["project"] == "A-25-001"].iloc[0]
    new_value = "nee" if first["vote"] == "ja" else "ja"
    book = tmp_path / "correctie.xlsx"
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = "Votes"
    sh.append(["Project", "Dwelling", "Vote"])
    sh.append(["A-25-001", first["dwelling"], new_value])
    wb.save(book)
    assert import_workbook(book, ws).ok
    history = ws.vote_history("A-25-001", first["dwelling"])
    assert history["vote"].tolist() == [first["vote"], new_value]
    assert history["previous_vote"].tolist()[-1] == first["vote"]
    ws.close()


def test_failure_in_the_middle_of_writing_leaves_the_workspace_as_it_was(tmp_path, monkeypatch):
    ws = Workspace.open(tmp_path / "ws.rpw")
    ds, _ = build_sample()
    book = tmp_path / "soest.xlsx"
    write_workbook(ds, book)
    with ws.engine.connect() as conn:
        before = count_rows(conn)

    def crash(*args, **kwargs):   # the disk fills up after the other tables were written
        raise OSError("disk full")
    monkeypatch.setattr(store, "append_votes", crash)
    with pytest.raises(OSError):
        import_workbook(book, ws)
    with ws.engine.connect() as conn:
        assert count_rows(conn) == before
    assert ws.load().complexes.empty
    ws.close()


def test_template_and_private_export(tmp_path):
    out = cli("export", tmp_path / "template.xlsx", "--template", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(tmp_path / "template.xlsx")
    assert wb["Complexen"].max_row == 1 and "Toelichting" in wb.sheetnames
    create_sample_workspace(tmp_path / "ws.rpw").close()
    out = cli("export", tmp_path / "private.xlsx", "--workspace", tmp_path / "ws.rpw",
              "--without-personal-data", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(tmp_path / "private.xlsx", read_only=True)
    headers = [c.value for c in next(wb["Woningen"].iter_rows(max_row=1))]
    assert "Adres" not in headers
    assert "Vastgelegd door" not in [c.value for c in next(wb["Stemmen"].iter_rows(max_row=1))]


def test_export_refuses_a_missing_workspace(tmp_path):
    out = cli("export", tmp_path / "x.xlsx", "--workspace", tmp_path / "nope.rpw", tmp_path=tmp_path)
    assert out.returncode == 2 and "not found" in out.stderr


def test_import_goes_through_the_support_gate(tmp_path):
    """Issue 19.3: a workbook setting akkoord for a project without support is refused
    with an error at its Status cell (a row cannot give the reason), nothing is written;
    A-26-001 has 8 dwellings (individual consent, 6 of 8 agreed), A-25-001 20 of 30."""
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    try:
        ds = ws.load()
        p = ds.projects.copy()
        p.loc[p["project"].isin(["A-26-001", "A-25-001"]), "status"] = "akkoord"
        ds.projects = p
        book = tmp_path / "akkoord.xlsx"
        write_workbook(ds, book, lang="nl")
        sheet = openpyxl.load_workbook(book, read_only=True)["Projecten"]
        rows_of = {r[0]: n for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)}
        outcome = import_workbook(book, ws)
        assert not outcome.applied and outcome.plan is None
        errors = {(e.sheet, e.row, e.column): e for e in outcome.errors}
        assert set(errors) == {("Projecten", rows_of["A-26-001"], "Status"),
                               ("Projecten", rows_of["A-25-001"], "Status")}
        assert "every tenant must consent" in errors[("Projecten", rows_of["A-26-001"], "Status")].message
        assert "70 % is needed" in errors[("Projecten", rows_of["A-25-001"], "Status")].message
        assert ws.load().projects.set_index("project").at["A-26-001", "status"] == "draagvlakmeting"
    finally:
        ws.close()
