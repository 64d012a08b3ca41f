"""Read-only access enforced by PostgreSQL's own roles: a viewer (the municipality) reads
the whole programme but every change is refused with a clear message."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from desktop.store import roles
from desktop.store.commands import Delete, RecordVotes, SetStatus, Upsert
from desktop.store.workspace import ReadOnlyWorkspaceError, Workspace, WorkspaceError, engine_url

from .test_workspace import assert_same, every_entity

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_server):
    """A team database filled by its owner, with a viewer and an editor login."""
    location = pg_server.create_database()
    with Workspace.open(location, user="Owner") as ws:
        ws.replace_all(every_entity())
    viewer_group = pg_server.create_role("planner_viewer")
    editor_group = pg_server.create_role("planner_editor")
    viewer = pg_server.create_role("gemeente", login=True, password="kijken")
    editor = pg_server.create_role("leider", login=True, password="werken")
    engine = create_engine(engine_url(location))
    with engine.begin() as conn:
        roles.create_viewer_role(conn, viewer_group)
        roles.create_editor_role(conn, editor_group)
        roles.add_login(conn, viewer, "kijken", viewer_group)
        roles.add_login(conn, editor, "werken", editor_group)
    engine.dispose()
    database = engine_url(location).database
    return {"owner": location,
            "viewer": pg_server.location(database, viewer, "kijken"),
            "editor": pg_server.location(database, editor, "werken")}


def test_viewer_reads_everything_and_changes_nothing(team):
    with Workspace.open(team["viewer"], user="Gemeente") as ws:
        assert ws.is_read_only
        assert_same(every_entity(), ws.load())
        assert len(ws.vote_history("P-24-003")) == 1
        for cmd in (Upsert("projects", {"project": "P-24-003"}, {"year": 2030}),
                    Delete("capacities", {"corporation": "Portaal", "year": 2024}),
                    SetStatus("P-24-003", "in uitvoering", reason="test"),
                    RecordVotes(pd.DataFrame([{"project": "P-24-003", "dwelling": "0042-1",
                                               "vote": "nee", "date": dt.date(2024, 3, 1),
                                               "recorded_by": "Gemeente"}]))):
            with pytest.raises(ReadOnlyWorkspaceError, match="read-only") as refused:
                ws.apply(cmd)
            assert isinstance(refused.value, WorkspaceError)
            assert "alleen-lezen" in refused.value.message_nl
        with pytest.raises(ReadOnlyWorkspaceError):
            ws.set_meta("name", "hacked")
    with Workspace.open(team["owner"]) as ws:    # nothing changed
        assert_same(every_entity(), ws.load())
        assert ws.get_meta("name") is None
        assert not ws.is_read_only


def test_editor_changes_records_and_votes_but_not_the_schema(team):
    with Workspace.open(team["editor"], user="Leider") as ws:
        assert not ws.is_read_only
        ws.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2030}))
        ws.apply(RecordVotes(pd.DataFrame([{"project": "P-24-003", "dwelling": "0042-1", "vote": "nee",
                                            "date": dt.date(2024, 3, 1), "recorded_by": "Leider"}])))
        assert ws.load().votes["vote"].tolist() == ["nee"]
        with ws.engine.connect() as conn, pytest.raises(Exception, match="(?i)permission denied|must be owner"):
            conn.execute(text("DROP TABLE vote_events"))


def test_grant_statements_are_plain_sql():
    assert roles.grant_statements("planner_viewer", "plan") == [
        'GRANT CONNECT ON DATABASE "plan" TO "planner_viewer"',
        'GRANT USAGE ON SCHEMA "public" TO "planner_viewer"',
        'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "planner_viewer"',
        'ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT ON TABLES TO "planner_viewer"',
    ]
