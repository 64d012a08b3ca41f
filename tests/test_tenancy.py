"""Tenancy changes during a campaign (issue 20.3): a move-out and a new tenant change who
counts, the former tenant's vote stays in the history, the gate follows, undo restores,
and the workbook carries it all back and forth.

The campaign in every test: complex C1 with 10 let dwellings L00–L09, project P1; seven
tenants (L00–L06) voted ja on 2 March 2026, so 7 of 10 = 70 %: reached (700 >= 700).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.exchange.check import check_workbook
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.models import support
from desktop.models.dataset import Dataset
from desktop.store.commands import GateError, RecordVotes, SetStatus, SetTenancy
from desktop.store.workspace import Workspace

from .store.test_votes_store import make_workspace, votes

VOTED = dt.date(2026, 3, 2)
MOVED_OUT = dt.date(2026, 3, 5)
NEW_TENANT = dt.date(2026, 3, 10)


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw", let=10, vacant=0)
    w.apply(RecordVotes(votes(*[(f"L{i:02d}", "ja") for i in range(7)], date=VOTED)))
    yield w
    w.close()


def figures(ws: Workspace) -> tuple[int, int, int, int, str]:
    """(dwellings, tenants, yes, no response, status) of P1, from project_tally; the
    programme-wide support_table must say the same."""
    ds = ws.load()
    t = support.project_tally(ds, "P1")
    row = support.support_table(ds)[0].set_index("project").loc["P1"]
    assert (row["dwellings"], row["tenants"], row["yes"], row["no_response"]) == \
        (t.dwellings, t.tenants, t.yes, t.no_response)
    return t.dwellings, t.tenants, t.yes, t.no_response, t.status


def run(ws: Workspace, command):
    return ws.apply(command)


def test_move_out_after_a_yes_vote_drops_yes_and_tenants_and_the_gate_follows(ws):
    assert figures(ws) == (10, 10, 7, 3, support.REACHED)
    run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))
    # 6 yes of 9 tenants: 600 < 630, not reached; 7 needed (630/100 rounded up), 1 more
    assert figures(ws) == (10, 9, 6, 3, support.NOT_REACHED)
    assert support.project_tally(ws.load(), "P1").yes_needed == 1
    with pytest.raises(GateError) as err:
        run(ws, SetStatus("P1", "akkoord"))
    assert err.value.tally.tenants == 9 and err.value.tally.yes == 6
    d = ws.load().dwellings.set_index("dwelling").loc["L00"]
    assert not d["let"] and d["vacant_since"] == pd.Timestamp(MOVED_OUT)
    # the former tenant's vote is kept, marked as such; a vacant dwelling is not followed up
    h = ws.vote_history("P1", "L00")
    assert list(zip(h["vote"], h["former"])) == [("ja", True)]
    assert "L00" not in set(support.follow_up(ws.load(), "P1")["dwelling"])


def test_new_tenant_starts_without_a_vote_and_the_old_one_stays_in_history_as_former(ws):
    run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))
    run(ws, edits.new_tenant(ws.load(), "L00", NEW_TENANT))
    # tenants back to 10, the old ja does not count: 6 of 10 (600 < 700)
    assert figures(ws) == (10, 10, 6, 4, support.NOT_REACHED)
    assert "L00" in set(support.follow_up(ws.load(), "P1")["dwelling"])
    h = ws.vote_history("P1", "L00")
    assert list(zip(h["vote"], h["former"])) == [("ja", True)]
    # the new tenant's vote counts and sits beside the old one in the history
    run(ws, edits.record_vote(ws.load(), "P1", "L00", "ja", NEW_TENANT + dt.timedelta(days=1), "Bea"))
    assert figures(ws) == (10, 10, 7, 3, support.REACHED)
    h = ws.vote_history("P1", "L00")
    assert list(zip(h["vote"], h["former"], h["recorded_by"])) == \
        [("ja", True, "Anna"), ("ja", False, "Bea")]
    run(ws, SetStatus("P1", "akkoord"))                 # the gate lets it through now


def test_a_tenant_who_replaces_another_directly_starts_without_a_vote(ws):
    run(ws, edits.new_tenant(ws.load(), "L01", NEW_TENANT))       # no vacancy in between
    assert figures(ws) == (10, 10, 6, 4, support.NOT_REACHED)


def test_undo_of_a_move_out_restores_the_count(ws):
    inverse = run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))
    assert isinstance(inverse, SetTenancy)
    assert figures(ws)[1:3] == (9, 6)
    redo = run(ws, inverse)
    assert figures(ws) == (10, 10, 7, 3, support.REACHED)
    d = ws.load().dwellings.set_index("dwelling").loc["L00"]
    assert d["let"] and pd.isna(d["vacant_since"]) and pd.isna(d["let_since"])
    assert list(ws.vote_history("P1", "L00")["former"]) == [False]
    run(ws, redo)                                                    # and redo moves out again
    assert figures(ws)[1:3] == (9, 6)


def test_a_vote_dated_before_the_tenancy_start_is_refused_for_the_new_tenant(ws):
    run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))
    run(ws, edits.new_tenant(ws.load(), "L00", NEW_TENANT))
    ds = ws.load()
    with pytest.raises(EditError) as err:
        edits.record_vote(ds, "P1", "L00", "ja", NEW_TENANT - dt.timedelta(days=1), "Bea")
    assert err.value.field == "date" and "10-03-2026" in err.value.message
    assert err.value.message_nl != err.value.message
    with pytest.raises(EditError):                                   # undated: whose is it?
        edits.record_vote(ds, "P1", "L00", "ja", None, "Bea")
    edits.record_vote(ds, "P1", "L00", "ja", NEW_TENANT, "Bea")      # the first day is fine


@pytest.mark.parametrize("change, date, field", [
    ("move_out", VOTED - dt.timedelta(days=1), "date"),     # the tenant's ja is dated after it
    ("move_out", VOTED, "date"),                            # ... or on the first vacant day
    ("new_tenant", VOTED, "date"),                          # the ja of that day would become the new tenant's
    ("move_out", None, "date"),
])
def test_tenancy_changes_that_would_misattribute_a_vote_are_refused(ws, change, date, field):
    with pytest.raises(EditError) as err:
        getattr(edits, change)(ws.load(), "L00", date)
    assert err.value.field == field and err.value.message_nl


def test_moving_out_twice_or_a_new_tenant_before_the_vacancy_is_refused(ws):
    run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))
    with pytest.raises(EditError, match="vacant already since 05-03-2026"):
        edits.move_out(ws.load(), "L00", NEW_TENANT)
    with pytest.raises(EditError, match="vacant since 05-03-2026"):
        edits.new_tenant(ws.load(), "L00", MOVED_OUT - dt.timedelta(days=1))
    with pytest.raises(EditError) as err:
        edits.move_out(ws.load(), "X99", MOVED_OUT)
    assert err.value.field == "dwelling"


def test_export_check_import_gives_the_same_tally_and_history(ws, tmp_path):
    run(ws, edits.move_out(ws.load(), "L00", MOVED_OUT))             # vacant, former ja
    run(ws, edits.move_out(ws.load(), "L01", MOVED_OUT))
    run(ws, edits.new_tenant(ws.load(), "L01", NEW_TENANT))          # let again, former ja
    # hand count: 9 tenants (L00 vacant), yes L02–L06 = 5, no response L01, L07–L09 = 4
    before = figures(ws)
    assert before == (10, 9, 5, 4, support.NOT_REACHED)
    path = export_workspace(ws, tmp_path / "export.xlsx")

    report = check_workbook(path)
    assert report.errors == []
    # (the only warnings: the sample complex has no gas or electricity use, unrelated)
    assert [w for w in report.warnings if w.sheet in ("Woningen", "Stemmen")] == []
    row = next(r for r in report.parts["support"] if r["project"] == "P1")
    assert (row["dwellings"], row["tenants"], row["yes"], row["no_response"]) == (10, 9, 5, 4)

    with Workspace.open(tmp_path / "empty.rpw") as fresh:
        outcome = import_workbook(path, fresh)
        assert outcome.ok
        assert figures(fresh) == before
        for dwelling in ("L00", "L01", "L02"):
            mine, theirs = ws.vote_history("P1", dwelling), fresh.vote_history("P1", dwelling)
            assert list(zip(mine["vote"], mine["date"], mine["former"])) == \
                list(zip(theirs["vote"], theirs["date"], theirs["former"]))
        cols = ["dwelling", "let", "let_since", "vacant_since"]
        assert fresh.load().dwellings[cols].equals(ws.load().dwellings[cols])
        assert support.follow_up(fresh.load(), "P1").equals(support.follow_up(ws.load(), "P1"))


def _validate(**dwelling) -> list:
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees"}],
        dwellings=[{"dwelling": "W1", "complex": "C1", **dwelling}],
        projects=[{"project": "P1", "complex": "C1", "year": 2026, "gas_saving_m3": 0.0}],
        votes=[{"project": "P1", "dwelling": "W1", "vote": "ja", "date": VOTED}])
    return [(p.column, p.severity) for p in ds.validate()]


def test_workbook_rules_for_a_vote_on_a_vacant_or_relet_dwelling():
    # vacant without a date: whose vote could it be? still an error, as before
    assert _validate(let=False) == [("vote", "error")]
    # vacant since after the vote: the former tenant's vote, no problem
    assert _validate(let=False, vacant_since=MOVED_OUT) == []
    # vacant since before the vote: nobody lived there to vote
    assert _validate(let=False, vacant_since=dt.date(2026, 3, 1)) == [("date", "error")]
    # let since after the vote: a former tenant's vote, no problem (it just does not count)
    assert _validate(let=True, let_since=NEW_TENANT) == []
    # a move-out before the tenancy began is impossible
    assert _validate(let=False, let_since=NEW_TENANT, vacant_since=MOVED_OUT) == \
        [("vacant_since", "error")]


def test_an_undated_yes_on_a_relet_dwelling_is_a_warning_and_does_not_count():
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees"}],
        dwellings=[{"dwelling": "W1", "complex": "C1", "let_since": NEW_TENANT}],
        projects=[{"project": "P1", "complex": "C1", "year": 2026, "gas_saving_m3": 0.0}],
        votes=[{"project": "P1", "dwelling": "W1", "vote": "ja"}])
    assert [(p.column, p.severity) for p in ds.validate()] == [("date", "warning")]
    assert support.project_tally(ds, "P1").yes == 0


def test_by_current_tenant_is_exact_on_the_day():
    start = dt.date(2026, 3, 10)
    assert support.by_current_tenant(start, start)
    assert not support.by_current_tenant(start - dt.timedelta(days=1), start)
    assert support.by_current_tenant(start - dt.timedelta(days=1), None)     # no start: counts
    assert not support.by_current_tenant(None, start)


def test_the_follow_up_list_shows_no_answer_of_a_former_tenant(ws):
    from desktop.views.follow_up import follow_up_frame

    run(ws, edits.new_tenant(ws.load(), "L00", NEW_TENANT))
    f = follow_up_frame(ws.load(), "P1").set_index("dwelling")
    assert list(f.index) == ["L00", "L07", "L08", "L09"]
    assert f.at["L00", "last_answer"] is None and f.at["L00", "date"] is None   # not the old ja


def test_the_stock_editor_cannot_flip_let_on_a_dwelling_with_votes(ws):
    ds = ws.load()
    for call in (lambda: edits.save_dwelling(ds, {"dwelling": "L00", "let": False}),
                 lambda: edits.edit_dwellings(ds, ["L00", "L07"], {"let": False})):
        with pytest.raises(EditError) as err:
            call()
        assert err.value.field == "let" and "Tenant moved out" in err.value.message
        assert "Huurder vertrokken" in err.value.message_nl
    # a dwelling without votes is flipped as before; so is any other field of L00
    run(ws, edits.edit_dwellings(ds, ["L07"], {"let": False}))
    run(ws, edits.edit_dwellings(ws.load(), ["L00"], {"label": "B"}))
    assert figures(ws) == (10, 9, 7, 2, support.REACHED)          # 700 >= 630
