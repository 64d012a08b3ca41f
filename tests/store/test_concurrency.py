"""Several users at once, as separate processes on one workspace (a PostgreSQL database or
one SQLite file): no vote is ever lost, each keeps its true previous vote, and of two edits
made against the same version exactly one wins while the other is refused by name."""
from __future__ import annotations

import multiprocessing

import pytest

from desktop.models.dataset import Dataset
from desktop.store.workspace import Workspace

from . import workers

LEADERS = ("Anna", "Bert", "Chris", "Dana")


def programme(n_dwellings: int = 40) -> Dataset:
    return Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": n_dwellings}],
        dwellings=[{"dwelling": f"C1-{i:02d}", "complex": "C1", "let": True}
                   for i in range(n_dwellings)],
        projects=[{"project": "P1", "complex": "C1", "year": 2025, "status": "gepland",
                   "gas_saving_m3": 500.0}],
    )


@pytest.fixture
def pool():
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        with ctx.Pool(len(LEADERS)) as p:
            yield p, manager
            p.close()
            p.join()


def test_votes_recorded_by_several_leaders_at_once_are_all_kept(workspace_url, pool):
    p, manager = pool
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(programme())
    # each leader records 10 dwellings of his own, and all four keep correcting dwelling C1-00
    jobs = []
    for k, leader in enumerate(LEADERS):
        own = [("P1", f"C1-{1 + 10 * k + i:02d}" if 1 + 10 * k + i < 40 else "C1-39",
                "ja" if i % 3 else "nee") for i in range(10)]
        shared = [("P1", "C1-00", "ja" if (i + k) % 2 else "nee") for i in range(5)]
        jobs.append(own[:5] + shared + own[5:])
    start = manager.Barrier(len(LEADERS))
    done = [p.apply_async(workers.record_votes, (workspace_url, leader, votes, start))
            for leader, votes in zip(LEADERS, jobs)]
    assert [d.get(timeout=120) for d in done] == [15, 15, 15, 15]

    with Workspace.open(workspace_url) as ws:
        history = ws.vote_history("P1")
        assert len(history) == 60                          # not one vote lost
        assert sorted(history.groupby("recorded_by").size().items()) == \
            [("Anna", 15), ("Bert", 15), ("Chris", 15), ("Dana", 15)]
        # every event's previous vote is the vote recorded just before it, for each dwelling
        for _dwelling, events in history.groupby("dwelling"):
            assert events["previous_vote"].tolist()[1:] == events["vote"].tolist()[:-1]
            assert pd_isna(events["previous_vote"].iloc[0])
        assert len(history[history["dwelling"] == "C1-00"]) == 20
        current = ws.load().votes
        assert len(current) == 1 + len({d for votes in jobs for _p, d, _v in votes if d != "C1-00"})
        last = history[history["dwelling"] == "C1-00"].iloc[-1]["vote"]
        assert current.loc[current["dwelling"] == "C1-00", "vote"].tolist() == [last]


def pd_isna(v) -> bool:
    import pandas as pd

    return bool(pd.isna(v))


def test_two_edits_against_the_same_version_one_wins(workspace_url, pool):
    p, manager = pool
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(programme())
        version = ws.row_versions("projects")[("P1",)]
    for attempt in range(3):     # a few rounds: whichever process comes first
        start = manager.Barrier(2)
        done = [p.apply_async(workers.edit_project,
                              (workspace_url, user, "P1", year, version, start))
                for user, year in (("Anna", 2026 + attempt), ("Bert", 2030 + attempt))]
        outcomes = [d.get(timeout=120) for d in done]
        assert sorted(o.split(":")[0] for o in outcomes) == ["conflict", "ok"]
        winner = ("Anna", 2026 + attempt) if outcomes[0] == "ok" else ("Bert", 2030 + attempt)
        loser_message = next(o for o in outcomes if o != "ok")
        assert f"{winner[0]} changed year" in loser_message
        with Workspace.open(workspace_url) as ws:
            assert ws.load().projects.at[0, "year"] == winner[1]
            assert ws.row_versions("projects")[("P1",)] == version + 1
            version += 1
