"""Votes in the store: append-only history (corrections and undo are new entries) and
the support gate on status changes (SetStatus)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select

from desktop.models.dataset import Dataset
from desktop.store import schema as s
from desktop.store.commands import GateError, RecordVotes, SetStatus
from desktop.store.workspace import Workspace

D1 = dt.date(2026, 3, 2)
D2 = dt.date(2026, 3, 9)


def make_workspace(path, let: int = 10, vacant: int = 1, status: str = "draagvlakmeting") -> Workspace:
    """One complex C1 with ``let`` let dwellings L00… and ``vacant`` vacant ones V00…, one
    project P1 for it."""
    dwellings = [{"dwelling": f"L{i:02d}", "complex": "C1", "address": f"Kerkstraat {i + 1}",
                  "let": True} for i in range(let)]
    dwellings += [{"dwelling": f"V{i:02d}", "complex": "C1", "address": f"Laan {i + 1}",
                   "let": False} for i in range(vacant)]
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": let + vacant}],
        dwellings=dwellings,
        projects=[{"project": "P1", "complex": "C1", "year": 2026, "status": status,
                   "gas_saving_m3": 400.0}],
    )
    ws = Workspace.open(path)
    ws.replace_all(ds)
    return ws


def votes(*rows, date=D1, by="Anna") -> pd.DataFrame:
    return pd.DataFrame([{"project": "P1", "dwelling": d, "vote": v, "date": date,
                          "recorded_by": by} for d, v in rows])


def col(frame: pd.DataFrame, name: str) -> list:
    """A column as Python values, missing -> None."""
    return [None if pd.isna(v) else v for v in frame[name]]


def event_rows(ws: Workspace) -> list[tuple]:
    v = s.vote_events
    with ws.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(v.c.id, v.c.dwelling, v.c.vote, v.c.previous_vote, v.c.vote_date,
                   v.c.recorded_by, v.c.note).order_by(v.c.id))]


def current(ws: Workspace, dwelling: str) -> str | None:
    v = ws.load().votes
    hit = v.loc[v["dwelling"] == dwelling, "vote"]
    return None if hit.empty else hit.iloc[0]


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw")
    yield w
    w.close()


# ----- history ----------------------------------------------------------------------
def test_first_vote_is_one_entry_without_previous_value(ws):
    ws.apply(RecordVotes(votes(("L00", "ja"))))
    h = ws.vote_history("P1", "L00")
    assert (col(h, "vote"), col(h, "previous_vote"), col(h, "recorded_by")) == \
        (["ja"], [None], ["Anna"])
    assert h["date"].tolist() == [D1]
    assert current(ws, "L00") == "ja"


def test_correction_is_a_new_entry_and_keeps_the_previous_value(ws):
    ws.apply(RecordVotes(votes(("L00", "ja"))))
    before = event_rows(ws)
    ws.apply(RecordVotes(votes(("L00", "nee"), date=D2, by="Bert")))
    after = event_rows(ws)
    assert after[:1] == before                       # the first entry is untouched
    assert len(after) == 2
    _id, dwelling, vote, previous, date, by, note = after[1]
    assert (dwelling, vote, previous, date, by, note) == ("L00", "nee", "ja", D2, "Bert", None)
    h = ws.vote_history("P1", "L00")
    assert h["vote"].tolist() == ["ja", "nee"]
    assert col(h, "previous_vote") == [None, "ja"]
    assert h["recorded_by"].tolist() == ["Anna", "Bert"]
    assert current(ws, "L00") == "nee"


def test_undo_appends_an_entry_restoring_the_previous_vote(ws):
    ws.apply(RecordVotes(votes(("L00", "ja"))))
    inverse = ws.apply(RecordVotes(votes(("L00", "nee"), by="Bert")))
    ws.apply(inverse)
    h = ws.vote_history("P1", "L00")
    assert h["vote"].tolist() == ["ja", "nee", "ja"]
    assert col(h, "previous_vote") == [None, "ja", "nee"]
    assert col(h, "note") == [None, None, "undo"]
    assert current(ws, "L00") == "ja"
    assert len(event_rows(ws)) == 3                    # nothing was removed


def test_undo_of_a_first_vote_records_no_response_and_keeps_the_vote_in_history(ws):
    inverse = ws.apply(RecordVotes(votes(("L03", "ja"))))
    ws.apply(inverse)
    h = ws.vote_history("P1", "L03")
    assert h["vote"].tolist() == ["ja", "geen reactie"]
    assert col(h, "previous_vote") == [None, "ja"]
    assert current(ws, "L03") == "geen reactie"


def test_history_per_dwelling_only_holds_that_dwelling(ws):
    ws.apply(RecordVotes(votes(("L00", "ja"), ("L01", "nee"))))
    ws.apply(RecordVotes(votes(("L01", "ja"))))
    assert ws.vote_history("P1", "L00")["vote"].tolist() == ["ja"]
    assert ws.vote_history("P1", "L01")["vote"].tolist() == ["nee", "ja"]
    assert len(ws.vote_history("P1")) == 3


# ----- the gate through the store ----------------------------------------------------
def status_of(ws: Workspace) -> str:
    return ws.load().projects.set_index("project").at["P1", "status"]


def test_gate_refuses_akkoord_at_six_of_ten_without_reason(ws):
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(6)],
                               ("V00", "ja"))))         # a vacant dwelling's vote never counts
    with pytest.raises(GateError) as err:
        ws.apply(SetStatus("P1", "akkoord", changed_by="Anna"))
    assert "60.00 %" in str(err.value) and "1 more yes" in str(err.value)
    assert status_of(ws) == "draagvlakmeting"
    assert ws.status_history("P1").empty
    with pytest.raises(GateError):
        ws.apply(SetStatus("P1", "in uitvoering", reason="   ", changed_by="Anna"))
    assert status_of(ws) == "draagvlakmeting"


def test_gate_with_reason_moves_on_and_keeps_the_reason(ws):
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(6)])))
    reason = "Court ruling Midden-Nederland, 12 May 2026"
    ws.apply(SetStatus("P1", "akkoord", reason=reason, changed_by="Anna"))
    assert status_of(ws) == "akkoord"
    h = ws.status_history("P1")
    assert h[["old_status", "new_status", "reason", "changed_by"]].values.tolist() == \
        [["draagvlakmeting", "akkoord", reason, "Anna"]]


def test_gate_opens_at_exactly_seven_of_ten(ws):
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(7)])))
    ws.apply(SetStatus("P1", "akkoord", changed_by="Anna"))
    assert status_of(ws) == "akkoord"
    assert col(ws.status_history("P1"), "reason") == [None]


def test_correction_below_seventy_percent_closes_the_gate_again(ws):
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(7)])))
    ws.apply(RecordVotes(votes(("L06", "nee"))))
    with pytest.raises(GateError):
        ws.apply(SetStatus("P1", "akkoord"))


def test_below_ten_dwellings_the_gate_needs_every_tenants_consent(tmp_path):
    """Individual consent (issue 19.3): 9 dwellings, 8 let; 7 ja is not enough, all 8 is
    (the vacant one has no say); a reason lets it through and is kept in the history."""
    ws = make_workspace(tmp_path / "small.rpw", let=8, vacant=1)
    try:
        with pytest.raises(GateError) as err:                     # no votes
            ws.apply(SetStatus("P1", "akkoord", changed_by="Anna"))
        assert "every tenant must consent" in str(err.value)
        ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(7)])))
        with pytest.raises(GateError):
            ws.apply(SetStatus("P1", "akkoord", changed_by="Anna"))
        inverse = ws.apply(SetStatus("P1", "akkoord", reason="signed one by one", changed_by="Anna"))
        assert status_of(ws) == "akkoord"
        assert ws.status_history("P1")["reason"].tolist() == ["signed one by one"]
        ws.apply(inverse)
        ws.apply(RecordVotes(votes(("L07", "ja"))))               # 8 of 8
        ws.apply(SetStatus("P1", "akkoord", changed_by="Anna"))
        assert status_of(ws) == "akkoord"
    finally:
        ws.close()


def test_undo_of_a_status_change_is_a_new_history_entry(ws):
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(3)])))
    inverse = ws.apply(SetStatus("P1", "akkoord", reason="court ruling", changed_by="Anna"))
    ws.apply(inverse)
    assert status_of(ws) == "draagvlakmeting"
    h = ws.status_history("P1")
    assert h[["old_status", "new_status", "reason"]].values.tolist() == [
        ["draagvlakmeting", "akkoord", "court ruling"], ["akkoord", "draagvlakmeting", "undo"]]
