"""The store's support gate and the figures the views show count votes with one
function (:func:`desktop.models.support.tally_votes`): they agree on every state of a
campaign with vacant dwellings, a vote for a vacant dwelling and corrections."""
from __future__ import annotations

import re

import pytest

from desktop.models import support
from desktop.store.commands import GateError, RecordVotes, SetStatus, support_gate
from desktop.store import schema as s

from .test_votes_store import make_workspace, votes


def gate(ws) -> str | None:
    with ws.engine.connect() as conn:
        return support_gate(conn, "P1", "C1")


def shown(ws) -> support.Tally:
    return support.project_tally(ws.load(), "P1")


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw", let=12, vacant=3)   # 15 dwellings, 12 tenants
    yield w
    w.close()


def test_gate_and_views_agree_through_a_campaign_with_vacancies_and_corrections(ws):
    # 9 of 12 tenants say yes: 75 %; a vote recorded for a vacant dwelling never counts
    ws.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(9)], ("V00", "ja"),
                               ("L09", "nee"))))
    t = shown(ws)
    assert (t.dwellings, t.tenants, t.yes, t.no, t.reached) == (15, 12, 9, 1, True)
    assert gate(ws) is None
    # a correction replaces the earlier answer: 8 of 12 = 66.67 % < 70 %, 1 more needed
    ws.apply(RecordVotes(votes(("L08", "nee"))))
    t = shown(ws)
    assert (t.yes, t.no, t.reached, t.yes_needed) == (8, 2, False, 1)
    refusal = gate(ws)
    assert refusal is not None
    assert re.search(r"is 66\.67 % of 12 tenants.*\(1 more yes votes\)", refusal)
    row = support.campaign_table(ws.load()).set_index("project").loc["P1"]
    assert (row["yes"], row["no"], row["yes_needed"], row["status"]) == (8, 2, 1, support.NOT_REACHED)
    with pytest.raises(GateError):
        ws.apply(SetStatus("P1", "akkoord"))
    # the vacant dwelling's second yes still does not count; a tenant's does
    ws.apply(RecordVotes(votes(("V01", "ja"))))
    assert shown(ws).yes == 8 and gate(ws) is not None
    ws.apply(RecordVotes(votes(("L10", "ja"))))
    t = shown(ws)
    assert (t.yes, t.reached) == (9, True) and gate(ws) is None
    ws.apply(SetStatus("P1", "akkoord"))
    assert ws.load().projects.set_index("project").at["P1", "status"] == "akkoord"


def test_store_and_frames_hand_the_same_counts_to_the_one_tally_function(ws):
    ws.apply(RecordVotes(votes(("L00", "ja"), ("L01", "nee"), ("V00", "ja"), ("L00", "nee"))))
    with ws.engine.connect() as conn:
        lets = conn.execute(s.dwellings.select()).mappings().all()
        history = conn.execute(s.vote_events.select().order_by(s.vote_events.c.id)).mappings().all()
    dwellings, tenants = support.complex_size([r["let"] for r in lets], None)
    direct = support.tally_votes(dwellings, tenants, {r["dwelling"] for r in lets if r["let"]},
                                 [(r["dwelling"], r["vote"]) for r in history])
    assert direct == shown(ws)
    assert (direct.yes, direct.no, direct.no_response) == (0, 2, 10)


@pytest.mark.parametrize("history, expected", [
    ([], (0, 0)),
    ([("A", "ja"), ("A", "nee")], (0, 1)),               # the last entry is the vote
    ([("A", "nee"), ("A", "Yes"), ("B", " NO ")], (1, 1)),   # English and any case
    ([("A", "ja"), ("A", "geen reactie")], (0, 0)),       # withdrawn: silence again
    ([("V", "ja"), ("X", "ja")], (0, 0)),                 # vacant / other complex
    ([("A", None), ("B", "misschien")], (0, 0)),          # empty or unknown text
])
def test_tally_votes_counts_current_votes_of_let_dwellings(history, expected):
    t = support.tally_votes(10, 9, {"A", "B", "C"}, history)
    assert (t.yes, t.no) == expected
    assert t.no_response == 9 - sum(expected)


def test_complex_size_rows_decide_else_the_declared_count():
    assert support.complex_size([True, False, True], 40) == (3, 2)
    assert support.complex_size([], 40) == (40, 40)
    assert support.complex_size([], None) == (0, 0)


def test_one_alias_table_per_listed_value():
    from desktop.models.enums import Status, Vote

    assert Vote.aliases() == {"ja": "ja", "yes": "ja", "nee": "nee", "no": "nee",
                              "geen reactie": "geen reactie", "no response": "geen reactie"}
    assert [Vote.canonical(x) for x in (" YES ", "Nee", "No Response", "", None, float("nan"), "?")] \
        == ["ja", "nee", "geen reactie", None, None, None, None]
    assert Status.parse("In Progress") is Status.IN_PROGRESS
    with pytest.raises(ValueError, match="is not one of"):
        Vote.parse("misschien")
