"""The edits layer without Qt: each use case checks its input and returns the command
that makes the edit, or refuses with the field and a message in English and Dutch; a
refused edit leaves the workspace as it was."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.store.commands import Batch, Delete, GateError, RecordVotes, SetStatus, Upsert
from desktop.store.workspace import ConflictError, WorkspaceError

from .store.test_votes_store import make_workspace

DAY = dt.date(2026, 3, 2)
FORM = {"project": "P2", "complex": "C1", "year": 2027, "status": "gepland", "measures": None,
        "label_after": None, "gas_saving_m3": 300.0, "electricity_saving_kwh": 0.0,
        "rent_increase_cents": 1250, "investment_cents": None}


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw", let=12, vacant=3)   # project P1 of complex C1
    yield w
    w.close()


def snapshot(ws) -> tuple:
    ds = ws.load()
    return (ds.projects.to_dict("records"), len(ds.votes), ws.status_history("P1").shape,
            ds.capacities.to_dict("records"))


def refuse(call, field: str) -> EditError:
    with pytest.raises(EditError) as err:
        call()
    assert err.value.field == field
    assert err.value.message and err.value.message_nl and err.value.message != err.value.message_nl
    return err.value


# ----- projects -----------------------------------------------------------------------
def test_check_project_names_every_invalid_field_in_both_languages():
    raw = {**FORM, "project": "P1", "complex": "C9", "year": "twee", "rent_increase_cents": 1250.5}
    with pytest.raises(EditError) as err:
        edits.check_project(raw, {"C1"}, existing={"P1"}, new=True)
    messages = err.value.messages("en")
    assert set(messages) == {"project", "complex", "year", "rent_increase_cents"}
    assert messages["rent_increase_cents"] == "Use at most two decimals."      # the typed field
    assert err.value.messages("nl")["rent_increase_cents"] == "Gebruik hoogstens twee decimalen."
    assert messages["project"] == "A project with this id exists already."
    # a negative amount says so, not "decimals"
    with pytest.raises(EditError) as err:
        edits.check_project({**FORM, "investment_cents": -0.5}, {"C1"}, set(), new=True)
    assert "negative" in err.value.messages("en")["investment_cents"]
    edits.check_project(FORM, {"C1"}, {"P1"}, new=True)                         # all well


def test_save_project_creates_then_changes_only_what_changed(ws):
    command = edits.save_project(ws.load(), FORM, label="New project P2")
    assert isinstance(command, Upsert) and command.values["status"] == "gepland"
    ws.apply(command)
    row = ws.load().projects.set_index("project").loc["P2"]
    assert (int(row["year"]), int(row["rent_increase_cents"])) == (2027, 1250)
    assert edits.save_project(ws.load(), FORM, "P2") is None                    # nothing changed
    command = edits.save_project(ws.load(), {**FORM, "year": 2028}, "P2")
    assert isinstance(command, Upsert) and command.values == {"year": 2028}


def test_a_refused_status_leaves_the_whole_edit_undone(ws):
    before = snapshot(ws)
    command = edits.save_project(ws.load(), {**FORM, "project": "P1", "year": 2030,
                                             "status": "akkoord"}, "P1")
    assert isinstance(command, Batch)
    assert [type(c) for c in command.commands] == [Upsert, SetStatus]
    with pytest.raises(GateError) as err:                       # 0 of 12 tenants agreed
        ws.apply(command)
    assert (err.value.tally.tenants, err.value.tally.yes_needed) == (12, 9)
    assert snapshot(ws) == before                                 # the year did not move either
    ws.apply(edits.save_project(ws.load(), {**FORM, "project": "P1", "year": 2030,
                                            "status": "akkoord"}, "P1", reason="court ruling"))
    assert list(ws.status_history("P1")["reason"]) == ["court ruling"]


def test_move_projects_leaves_out_those_already_there_and_refuses_a_stale_version(ws):
    ds = ws.load()
    versions = ws.row_versions("projects")
    assert edits.move_projects(ds, ["P1"], 2026, versions) is None              # already in 2026
    assert edits.move_projects(ds, ["P1", "gone"], 2027, versions).values == {"year": 2027}
    ws.apply(edits.set_status("P1", "gepland"))                   # someone else changed P1
    before = snapshot(ws)
    with pytest.raises(ConflictError):
        ws.apply(edits.move_projects(ds, ["P1"], 2027, versions))
    assert snapshot(ws) == before


def test_delete_projects_is_refused_for_a_project_with_votes(ws):
    assert edits.delete_projects([]) is None
    assert isinstance(edits.delete_projects(["P1"]), Delete)
    ws.apply(edits.record_vote(ws.load(), "P1", "L00", "ja", DAY, "Anna"))
    before = snapshot(ws)
    with pytest.raises(WorkspaceError, match="recorded votes"):
        ws.apply(edits.delete_projects(["P1"]))
    assert snapshot(ws) == before


def test_set_status_reads_any_spelling_and_refuses_an_unknown_one():
    assert edits.set_status("P1", "Agreed", reason="r").status == "akkoord"
    refuse(lambda: edits.set_status("P1", "klaar"), "status")


# ----- capacity -------------------------------------------------------------------------
def test_capacity_checked_set_and_cleared(ws):
    refuse(lambda: edits.set_capacity(ws.load(), "Portaal", 2026, 2.5, None), "max_dwellings")
    refuse(lambda: edits.set_capacity(ws.load(), "Portaal", 2026, None, -100), "budget_cents")
    assert edits.set_capacity(ws.load(), "Portaal", 2026, None, None) is None    # nothing to clear
    ws.apply(edits.set_capacity(ws.load(), "Portaal", 2026, 40, 1_000_000))
    assert ws.load().capacities[["max_dwellings", "budget_cents"]].values.tolist() == [[40, 1_000_000]]
    command = edits.set_capacity(ws.load(), "Portaal", 2026, None, None)
    assert isinstance(command, Delete)
    ws.apply(command)
    assert ws.load().capacities.empty


# ----- votes and campaigns --------------------------------------------------------------
def test_record_vote_refusals_leave_no_vote(ws):
    ds, before = ws.load(), snapshot(ws)
    refuse(lambda: edits.record_vote(ds, "P1", "V00", "ja", DAY, "Anna"), "dwelling")   # vacant
    refuse(lambda: edits.record_vote(ds, "P1", "X99", "ja", DAY, "Anna"), "dwelling")   # not in C1
    refuse(lambda: edits.record_vote(ds, "P1", "L00", "misschien", DAY, "Anna"), "vote")
    refuse(lambda: edits.record_vote(ds, "P1", "L00", "ja", DAY, "  "), "recorded_by")
    assert snapshot(ws) == before
    command = edits.record_vote(ds, "P1", "L00", "Yes", DAY, " Anna ")
    assert isinstance(command, RecordVotes)
    ws.apply(command)
    v = ws.load().votes
    assert v[["dwelling", "vote", "recorded_by"]].values.tolist() == [["L00", "ja", "Anna"]]


def test_campaign_dates_only_when_they_change(ws):
    ds = ws.load()
    assert edits.campaign_dates(ds, "P1", {"campaign_start": None, "notified_on": None}) is None
    ws.apply(edits.campaign_dates(ds, "P1", {"campaign_start": DAY, "notified_on": None}))
    ds = ws.load()
    assert pd.Timestamp(ds.projects.at[0, "campaign_start"]).date() == DAY
    assert edits.campaign_dates(ds, "P1", {"campaign_start": DAY, "notified_on": None}) is None
    with pytest.raises(ValueError):
        edits.campaign_dates(ds, "P1", {"year": 2027})


# ----- values per year and the catalogue -----------------------------------------------
def test_year_values_checked_set_copied_and_deleted(ws):
    before = snapshot(ws)
    err = refuse(lambda: edits.set_year_values("tariffs", 1999, {"gas_eur_m3": -1.0}), "year")
    assert set(err.errors) == {"year", "gas_eur_m3"}
    with pytest.raises(ValueError):
        edits.set_year_values("tariffs", 2026, {"gas_kg_m3": 1.0})        # not a tariff
    assert snapshot(ws) == before
    ws.apply(edits.set_year_values("tariffs", 2026, {"gas_eur_m3": 1.25, "electricity_eur_kwh": 0.3}))
    ws.apply(edits.set_years("rent_limits", [
        {"year": 2024, "aftopping_small_cents": 68_196, "aftopping_large_cents": 73_068,
         "liberalisation_cents": 87_979},
        {"year": 2025, "aftopping_small_cents": 68_196, "aftopping_large_cents": 73_068,
         "liberalisation_cents": 90_000}]))
    ds = ws.load()
    assert ds.tariffs[["year", "gas_eur_m3"]].values.tolist() == [[2026, 1.25]]
    assert list(ds.rent_limits["liberalisation_cents"]) == [87_979, 90_000]
    ws.apply(edits.delete_year("rent_limits", 2024))
    assert list(ws.load().rent_limits["year"]) == [2025]


def test_measure_set_and_deleted(ws):
    refuse(lambda: edits.set_measure("  ", {}), "measure")
    ws.apply(edits.set_measure(" Dak  Isolatie ", {"gas_saving_m3": 150.0}))
    assert list(ws.load().measures["measure"]) == ["dak isolatie"]
    ws.apply(edits.delete_measure("dak isolatie"))
    assert ws.load().measures.empty


# ----- the stock ------------------------------------------------------------------------
def test_the_store_keeps_a_complex_that_projects_refer_to_and_a_dwelling_with_votes(ws):
    """Even when the editor's frames are stale (another user added the project or the
    vote), the store refuses, in both languages, and nothing is half-deleted."""
    ds = ws.load()
    before = (len(ds.complexes), len(ds.dwellings))
    with pytest.raises(WorkspaceError) as err:
        ws.apply(Delete("complexes", {"complex": "C1"}))
    assert "projects refer to it" in str(err.value) and "projecten" in err.value.message_nl
    ws.apply(edits.record_vote(ds, "P1", "L00", "ja", DAY, "Anna"))
    voted = "L00"
    with pytest.raises(WorkspaceError) as err:
        ws.apply(Delete("dwellings", {"dwelling": voted}))
    assert "recorded votes" in str(err.value) and "stemmen" in err.value.message_nl
    after = ws.load()
    assert (len(after.complexes), len(after.dwellings)) == before


def test_a_stock_record_is_checked_with_the_workbook_readers_invariants(ws):
    ds = ws.load()
    new = {"complex": "C9", "corporation": "Portaal", "neighbourhood": "Hoog", "dwellings": 4}
    refuse(lambda: edits.save_complex(ds, {**new, "build_year": 1700}, new=True), "build_year")
    refuse(lambda: edits.save_complex(ds, {**new, "label": "Z"}, new=True), "label")
    refuse(lambda: edits.save_complex(ds, {**new, "complex": "C1"}, new=True), "complex")
    refuse(lambda: edits.add_dwelling(ds, {"dwelling": "X1", "complex": "C404"}), "complex")
    # a declared count that differs from the complex's dwelling rows, as in a workbook
    err = refuse(lambda: edits.save_complex(ds, {"complex": "C1", "dwellings": 99}, new=False),
                 "dwellings")
    assert "Woningen has 15 rows" in err.message
    refuse(lambda: edits.save_target(ds, {"corporation": "P", "from_year": 2030, "to_year": 2029,
                                          "dwellings": 5}), "to_year")
    assert edits.save_complex(ds, new, new=True) is not None


def test_adding_and_removing_dwellings_keeps_the_complex_count_and_undoes_in_one_step(ws):
    ds = ws.load()
    inverse = ws.apply(edits.add_dwelling(ds, {"dwelling": "C1-NEW", "complex": "C1",
                                               "tenant_name": "A. Jansen"}))
    after = ws.load()
    assert after.complexes.set_index("complex").at["C1", "dwellings"] == 16
    assert after.dwellings.set_index("dwelling").at["C1-NEW", "tenant_name"] == "A. Jansen"
    assert after.validate() == []
    ws.apply(inverse)
    assert "C1-NEW" not in set(ws.load().dwellings["dwelling"])
    assert ws.load().complexes.set_index("complex").at["C1", "dwellings"] == 15


def test_project_form_to_akkoord_below_ten_dwellings_needs_every_tenant(tmp_path):
    """Issue 19.3: sample A-26-001 (8 dwellings, 6 agreed) no longer goes to akkoord
    from the project form without a reason; with one it does, the reason kept."""
    from desktop.sample import create_sample_workspace

    ws = create_sample_workspace(tmp_path / "soest.rpw")
    try:
        values = edits.project_record(ws.load(), "A-26-001")
        values = {k: v for k, v in values.items() if k in ("project", "complex", "year", "status")}
        command = edits.save_project(ws.load(), {**values, "status": "akkoord"}, "A-26-001")
        with pytest.raises(GateError) as err:
            ws.apply(command)
        assert "every tenant must consent" in str(err.value)
        assert "elke huurder moet zelf instemmen" in err.value.message_nl
        ws.apply(edits.save_project(ws.load(), {**values, "status": "akkoord"}, "A-26-001",
                                    reason="two tenants signed at the office"))
        assert list(ws.status_history("A-26-001")["reason"]) == ["two tenants signed at the office"]
    finally:
        ws.close()


def test_impossible_campaign_and_form_dates_are_refused(tmp_path):
    """Issue 19.2 in the use cases (sample A-25-001's campaign started 15-02-2026)."""
    import datetime as dt

    from desktop.sample import create_sample_workspace

    ws = create_sample_workspace(tmp_path / "soest.rpw")
    try:
        ds = ws.load()
        with pytest.raises(edits.EditError) as err:
            edits.campaign_dates(ds, "A-25-001", {"notified_on": dt.date(2026, 2, 14)})
        assert err.value.field == "notified_on"
        assert "vóór de start van de campagne (15-02-2026)" in err.value.message_nl
        with pytest.raises(edits.EditError) as err:        # a start after the notice given
            edits.campaign_dates(ds, "A-25-001", {"campaign_start": dt.date(2026, 4, 1),
                                                  "notified_on": dt.date(2026, 3, 20)})
        assert err.value.field == "notified_on"
        assert edits.campaign_dates(ds, "A-25-001", {"notified_on": dt.date(2026, 2, 15)})
        for day, words in ((dt.date.today() + dt.timedelta(days=1), "future"),
                           (dt.date(2026, 2, 14), "before the campaign started")):
            with pytest.raises(edits.EditError) as err:
                edits.record_vote(ds, "A-25-001", "A-2301-008", "ja", day, "Anna")
            assert err.value.field == "date" and words in err.value.message
        assert edits.record_vote(ds, "A-25-001", "A-2301-008", "ja", dt.date(2026, 2, 15), "Anna")
    finally:
        ws.close()
