"""Work done in separate processes by tests/store/test_concurrency.py (importable by spawn)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from desktop.store.commands import RecordVotes, Upsert
from desktop.store.workspace import ConflictError, Workspace


def record_votes(location: str, leader: str, votes: list[tuple[str, str, str]], start) -> int:
    """One project leader records votes, one transaction each (as in the vote entry form)."""
    with Workspace.open(location, user=leader) as ws:
        start.wait(timeout=60)
        for project, dwelling, vote in votes:
            ws.apply(RecordVotes(pd.DataFrame([{
                "project": project, "dwelling": dwelling, "vote": vote,
                "date": dt.date(2024, 3, 1), "recorded_by": leader}])))
    return len(votes)


def edit_project(location: str, user: str, project: str, year: int, version: int, start) -> str:
    """Edit a project against the version read before; 'ok' or 'conflict: <message>'."""
    with Workspace.open(location, user=user) as ws:
        start.wait(timeout=60)
        try:
            ws.apply(Upsert("projects", {"project": project}, {"year": year}, expected_version=version))
        except ConflictError as exc:
            return f"conflict: {exc}"
    return "ok"
