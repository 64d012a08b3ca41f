"""Plan versions in the workspace, on SQLite and PostgreSQL (``workspace_url``): saving,
listing, loading, renaming, deleting, restoring a version and adopting one step, each one
command with an exact inverse (undo)."""
from __future__ import annotations

import pandas as pd
import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.models import versions
from desktop.store.plan_versions import list_versions, load_version
from desktop.store.workspace import Workspace, WorkspaceError

from ..models.test_versions import stock


def _plan(ds) -> dict:
    return {r["project"]: (r["year"], r["status"]) for r in ds.projects.to_dict("records")}


@pytest.fixture
def ws(workspace_url):
    w = Workspace.open(workspace_url, user="tester")
    w.replace_all(stock())
    yield w
    w.close()


def test_a_workspace_keeps_its_versions(ws):
    ds = ws.load()
    assert versions.version_names(ds) == ["Bod", "Voorstel"]
    assert list_versions(ws)["version"].tolist() == ["Bod", "Voorstel"]
    bod = load_version(ws, "Bod")
    assert bod.set_index("project")["year"].to_dict() == {"P1": 2027, "P2": 2029, "P4": 2027}
    assert load_version(ws, "Nope").empty


def test_save_the_active_plan_as_a_version_and_undo(ws):
    ds = ws.load()
    inverse = ws.apply(edits.save_version(ds, "Bod 2027", ds.projects, kind="bid", note="eerste bod"))
    ds = ws.load()
    head = versions.version_header(ds, "Bod 2027")
    assert head["kind"] == "bid" and head["created_by"] == "tester" and head["note"] == "eerste bod"
    assert head["created"] is not None
    saved = versions.version_projects(ds, "Bod 2027")
    cols = ["project", "complex", "year", "measures", "gas_saving_m3", "investment_cents", "status"]
    pd.testing.assert_frame_equal(saved[cols], ds.projects[cols])
    with pytest.raises(EditError) as err:
        edits.save_version(ds, "Bod 2027", ds.projects)
    assert err.value.field == "version" and "bestaat al" in err.value.message_nl
    ws.apply(inverse)
    assert versions.version_names(ws.load()) == ["Bod", "Voorstel"]


def test_a_proposal_keeps_its_solver_figures(ws):
    ds = ws.load()
    frame = versions.version_projects(ds, "Bod")
    ws.apply(edits.save_version(ds, "Voorstel 2", frame, kind="proposal", objective="cost",
                                solver_status="optimal", gap=0.004))
    ds = ws.load()
    head = versions.version_header(ds, "Voorstel 2")
    assert (head["objective"], head["solver_status"], head["gap"]) == ("cost", "optimal", 0.004)
    assert versions.newest(ds) == "Voorstel 2"
    with pytest.raises(EditError):
        edits.save_version(ds, "x", frame, kind="guess")
    with pytest.raises(EditError):
        edits.save_version(ds, "  ", frame)


def test_rename_and_delete_are_undoable(ws):
    ds = ws.load()
    inverse = ws.apply(edits.rename_version(ds, "Bod", "Bod 2027"))
    ds = ws.load()
    assert versions.version_names(ds) == ["Bod 2027", "Voorstel"]
    assert set(versions.version_projects(ds, "Bod 2027")["project"]) == {"P1", "P2", "P4"}
    assert versions.version_header(ds, "Bod 2027")["kind"] == "bid"
    with pytest.raises(EditError):
        edits.rename_version(ds, "Bod 2027", "Voorstel")
    assert edits.rename_version(ds, "Bod 2027", "Bod 2027") is None
    ws.apply(inverse)
    ds = ws.load()
    assert versions.version_names(ds) == ["Bod", "Voorstel"]
    inverse = ws.apply(edits.delete_version(ds, "Bod"))
    ds = ws.load()
    assert versions.version_names(ds) == ["Voorstel"] and not len(load_version(ws, "Bod"))
    ws.apply(inverse)
    ds = ws.load()
    assert versions.version_header(ds, "Bod")["created"] == pd.Timestamp("2026-01-05 10:00")
    assert set(versions.version_projects(ds, "Bod")["project"]) == {"P1", "P2", "P4"}


def test_a_rename_to_a_taken_name_is_refused_by_the_store(ws):
    from desktop.store.plan_versions import RenameVersion

    with pytest.raises(WorkspaceError):
        ws.apply(RenameVersion("Bod", "Voorstel"))
    assert versions.version_names(ws.load()) == ["Bod", "Voorstel"]


def test_restore_makes_a_version_the_active_plan_but_never_moves_agreed_projects(ws):
    ds = ws.load()
    before = _plan(ds)
    inverse = ws.apply(edits.restore_version(ds, "Bod"))
    after = _plan(ws.load())
    # P1 follows the version; P2 is akkoord and stays in 2028; P3 is not in the version;
    # P4 is added as planned
    assert after == {"P1": (2027, "gepland"), "P2": (2028, "akkoord"), "P4": (2027, "gepland")}
    ws.apply(inverse)
    assert _plan(ws.load()) == before


def test_adopt_one_complex_or_one_year(ws):
    ds = ws.load()
    before = _plan(ds)
    inverse = ws.apply(edits.adopt_step(ds, "Bod", complexes=["C1"]))
    assert _plan(ws.load()) == {**before, "P1": (2027, "gepland")}
    ws.apply(inverse)
    assert _plan(ws.load()) == before
    # the year 2027 of Bod: P1 (C1) and P4 (C3, replacing P3)
    ws.apply(edits.adopt_step(ds, "Bod", year=2027))
    assert _plan(ws.load()) == {"P1": (2027, "gepland"), "P2": (2028, "akkoord"),
                                "P4": (2027, "gepland")}
    # nothing left to adopt
    assert edits.adopt_step(ws.load(), "Bod", year=2027) is None
    with pytest.raises(EditError):
        edits.adopt_step(ds, "Nope", year=2027)
    with pytest.raises(EditError):
        edits.adopt_step(ds, "Bod")


def test_a_project_with_votes_is_cancelled_not_deleted(tmp_path):
    from desktop.store.commands import RecordVotes

    from .test_votes_store import make_workspace, votes

    w = make_workspace(tmp_path / "ws.rpw", let=4, vacant=0)      # project P1 of complex C1
    try:
        w.apply(RecordVotes(votes(("L00", "ja"))))
        ds = w.load()
        assert len(ds.votes)
        w.apply(edits.save_version(ds, "leeg", ds.projects.iloc[:0]))
        inverse = w.apply(edits.restore_version(w.load(), "leeg"))
        p = w.load().projects
        assert p["status"].tolist() == ["vervallen"]
        assert w.status_history("P1")["reason"].iloc[-1] == "planversie leeg"
        w.apply(inverse)
        assert w.load().projects["status"].tolist() == ds.projects["status"].tolist()
    finally:
        w.close()
