"""Every field of the registry has its SQL column in a real, migrated workspace; a field
without one is refused with a message naming it (it used to be skipped silently)."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import inspect

from desktop.models import fields
from desktop.store import schema as s
from desktop.store.workspace import Workspace


def test_every_registry_field_has_its_sql_column_in_a_migrated_workspace(workspace_url):
    with Workspace.open(workspace_url) as ws, ws.engine.connect() as conn:
        inspector = inspect(conn)
        db_columns = {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}
    missing = []
    for t in fields.tables():
        sql_table, _renamed = s.FIELD_COLUMNS[t.name]
        for f in t.fields:
            column = s.field_column(t.name, f.name)
            assert column.table is sql_table
            if column.name not in db_columns[sql_table.name]:
                missing.append(f"{t.name}.{f.name}")
    assert missing == []


def test_votes_are_read_from_the_vote_events():
    """The one table stored otherwise: the current vote is the latest vote_events row."""
    assert s.FIELD_COLUMNS["votes"] == (s.vote_events, {"date": "vote_date"})
    assert [s.field_column("votes", f).name for f in fields.dtypes("votes")] == [
        "project", "dwelling", "vote", "vote_date", "recorded_by"]
    assert set(s.FIELD_COLUMNS) == {t.name for t in fields.tables()}


def test_sql_types_follow_the_field_kinds():
    """The store holds what the frame expects: whole numbers (and cents) as integers,
    numbers as floats, yes/no as booleans, dates as dates, the rest as text."""
    from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text

    expected = {"int": Integer, "money": Integer, "number": Float, "yesno": Boolean, "date": Date,
                "datetime": DateTime}
    for t in fields.tables():
        for f in t.fields:
            column = s.field_column(t.name, f.name)
            assert isinstance(column.type, expected.get(f.kind, (String, Text))), (t.name, f.name)
            if f.required:
                assert not column.nullable, f"{t.name}.{f.name} is required but NULL is allowed"


def test_a_registry_field_without_a_sql_column_is_refused_by_name(tmp_path, monkeypatch):
    with Workspace.open(tmp_path / "w.rpw") as ws:
        assert len(ws.load().projects.columns) == len(fields.table("projects").fields)
        new = fields.Field("contractor", "text", "Aannemer", "Contractor")
        monkeypatch.setattr(fields, "REGISTRY", tuple(
            dataclasses.replace(t, fields=t.fields + (new,)) if t.name == "projects" else t
            for t in fields.REGISTRY))
        with pytest.raises(s.MissingColumnError, match=r"projects\.contractor.*no SQL column"):
            ws.load()
