"""Copying a whole workspace: a team database to a file (offline) and back (a new team);
the copy holds every row of every table, histories and ids included."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop.store import schema as s
from desktop.store.commands import RecordVotes, SetStatus, Upsert
from desktop.store.copy import copy_workspace, main, table_rows
from desktop.store.workspace import Workspace, WorkspaceError

from .test_workspace import assert_same, every_entity


def filled(location: str) -> None:
    """every_entity plus history: a corrected vote, a status change, edits with editors."""
    with Workspace.open(location, user="Anna") as ws:
        ws.replace_all(every_entity(), meta={"name": "Portaal Soest"})
        ws.apply(RecordVotes(pd.DataFrame([{"project": "P-24-003", "dwelling": "0042-1", "vote": "nee",
                                            "date": dt.date(2024, 2, 20), "recorded_by": "Bert"}])))
        ws.apply(SetStatus("P-24-003", "in uitvoering", changed_by="Anna"))
        ws.apply(Upsert("dwellings", {"dwelling": "0042-2"}, {"address": "Kerkpad 2a, Soest"}))


def dump(location: str) -> dict[str, list[tuple]]:
    with Workspace.open(location) as ws, ws.engine.connect() as conn:
        return {t.name: table_rows(conn, t) for t in s.metadata.sorted_tables}


def test_round_trip_is_complete(new_location, backend):
    """file -> <backend> -> file: every row of every table the same, ids and histories too."""
    original = new_location("sqlite")
    filled(original)
    middle, back = new_location(backend), new_location("sqlite")
    counts = copy_workspace(original, middle)
    assert counts["vote_events"] == 2 and counts["status_events"] == 1 and counts["dwellings"] == 2
    copy_workspace(middle, back)
    before, after = dump(original), dump(back)
    assert after == before
    assert dump(middle) == before
    assert before["meta"] and before["vote_events"][1][-1] is None
    assert len(before["rent_limits"]) == 1 and len(before["measures"]) == 2   # workspace-only tables
    with Workspace.open(back) as ws:
        assert ws.get_meta("name") == "Portaal Soest"
        assert ws.vote_history("P-24-003")["vote"].tolist() == ["ja", "nee"]
        assert ws.status_history("P-24-003")["changed_by"].tolist() == ["Anna"]


def test_copy_goes_on_taking_new_records(new_location, backend):
    """Ids continue after the copied ones (PostgreSQL sequences are reset)."""
    original = new_location("sqlite")
    filled(original)
    team = new_location(backend)
    copy_workspace(original, team)
    with Workspace.open(team, user="Chris") as ws:
        ws.apply(RecordVotes(pd.DataFrame([{"project": "P-24-003", "dwelling": "0042-2", "vote": "ja",
                                            "date": dt.date(2024, 3, 1), "recorded_by": "Chris"}])))
        ws.apply(SetStatus("P-24-003", "gereed", changed_by="Chris"))
        ws.apply(Upsert("targets", {"corporation": "Portaal", "from_year": 2025, "to_year": 2030},
                        {"dwellings": 900}))
        assert ws.vote_history("P-24-003")["id"].tolist() == [1, 2, 3]
        assert len(ws.status_history("P-24-003")) == 2
        assert len(ws.load().targets) == 2


def test_copy_into_a_workspace_with_data_is_refused(new_location, backend):
    original, target = new_location("sqlite"), new_location(backend)
    filled(original)
    with Workspace.open(target) as ws:
        ws.replace_all(every_entity())
        before = ws.load()
    with pytest.raises(WorkspaceError, match="not empty"):
        copy_workspace(original, target)
    with Workspace.open(target) as ws:
        assert_same(before, ws.load())


def test_command_line(new_location, capsys):
    original, copy = new_location("sqlite"), new_location("sqlite")
    filled(original)
    assert main([original, copy]) == 0
    assert "vote_events: 2" in capsys.readouterr().out
    assert main([original, copy]) == 1
    assert "not empty" in capsys.readouterr().err
