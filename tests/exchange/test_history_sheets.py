"""The sheets issue 18 added (capacity, rent limits, measures catalogue, vote and status
history, campaign dates, last editor): an older workbook still imports, a history is
restored into an empty workspace but never rewritten in one that has its own, ``check``
locates the new sheets' errors, and a privacy export says what it leaves out."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from desktop.exchange.check import check_workbook
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.models.dataset import Dataset
from desktop.store import schema as s
from desktop.store.commands import RecordVotes, SetStatus, Upsert
from desktop.store.copy import table_rows
from desktop.store.workspace import Workspace

DATA = Path(__file__).resolve().parents[1] / "data"


def programme() -> Dataset:
    return Dataset.from_records(
        complexes=[{"complex": "P-1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 2}],
        dwellings=[{"dwelling": "W-1", "complex": "P-1", "address": "Hartweg 1"},
                   {"dwelling": "W-2", "complex": "P-1", "address": "Hartweg 2"}],
        projects=[{"project": "PR-1", "complex": "P-1", "year": 2026, "gas_saving_m3": 500.0,
                   "campaign_start": dt.date(2025, 1, 6), "notified_on": dt.date(2025, 3, 3)}])


def vote(dwelling: str, value: str, day: int, by: str) -> pd.DataFrame:
    return pd.DataFrame([{"project": "PR-1", "dwelling": dwelling, "vote": value,
                          "date": pd.Timestamp(2025, 2, day), "recorded_by": by}])


@pytest.fixture
def source(tmp_path) -> Path:
    """A workspace with a corrected vote, a status change with a reason and a row in each
    table that had no sheet before."""
    path = tmp_path / "source.rpw"
    with Workspace.open(path, user="Anna") as ws:
        ws.replace_all(programme())
        ws.apply(RecordVotes(vote("W-1", "nee", 3, "Anna")))
        ws.user = "Bram"
        ws.apply(RecordVotes(vote("W-1", "ja", 10, "Bram"), note="correction: misheard"))
        ws.apply(RecordVotes(vote("W-2", "ja", 11, "Bram")))
        ws.apply(SetStatus("PR-1", "draagvlakmeting", reason="letters sent"))
        ws.apply(Upsert("capacities", {"corporation": "Portaal", "year": 2026},
                        {"max_dwellings": 120, "budget_cents": 250_000_000}))
        ws.apply(Upsert("rent_limits", {"year": 2026}, {
            "aftopping_small_cents": 68296, "aftopping_large_cents": 73193,
            "liberalisation_cents": 90000}))
        ws.apply(Upsert("measures", {"measure": "dakisolatie"},
                        {"gas_saving_m3": 300.0, "cost_cents": 500_000, "source": "tender"}))
    return path


def rows(path: Path, table) -> list[tuple]:
    with Workspace.open(path, create=False) as ws, ws.engine.connect() as conn:
        return table_rows(conn, table)


def test_an_older_workbook_still_imports_and_leaves_the_new_tables_alone(source, tmp_path):
    before = {t.name: rows(source, t) for t in (s.capacities, s.rent_limits, s.measures,
                                                s.status_events, s.vote_events)}
    with Workspace.open(source) as ws:
        outcome = import_workbook(DATA / "valid_soest.xlsx", ws)
    assert outcome.ok and outcome.applied
    for table in (s.capacities, s.rent_limits, s.measures, s.status_events):
        assert rows(source, table) == before[table.name], table.name
    assert rows(source, s.vote_events)[:3] == before["vote_events"]      # nothing deleted
    # the campaign dates of the older sheet's known projects are left as they were
    with Workspace.open(source) as ws:
        p = ws.load().projects.set_index("project")
    assert p.loc["PR-1", "notified_on"] == pd.Timestamp(2025, 3, 3)
    # and into an empty workspace it imports as before: votes become first entries
    with Workspace.open(tmp_path / "new.rpw") as ws:
        outcome = import_workbook(DATA / "valid_soest.xlsx", ws)
        assert outcome.ok and outcome.applied
        history = ws.load(history=True).vote_history
    assert len(history) and history["note"].eq("import").all()
    assert history["previous_vote"].isna().all()


def test_the_history_sheets_hold_every_entry_with_who_and_when(source, tmp_path):
    book = tmp_path / "book.xlsx"
    with Workspace.open(source) as ws:
        export_workspace(ws, book)
    wb = openpyxl.load_workbook(book)
    history = [[c.value for c in r] for r in wb["Stemgeschiedenis"].iter_rows()]
    assert history[0] == ["Nummer", "Project", "Woning", "Stem", "Vorige stem", "Datum",
                          "Vastgelegd door", "Vastgelegd op", "Opmerking"]
    assert [r[:5] + r[6:7] + r[8:] for r in history[1:]] == [
        [1, "PR-1", "W-1", "nee", None, "Anna", None],
        [2, "PR-1", "W-1", "ja", "nee", "Bram", "correction: misheard"],
        [3, "PR-1", "W-2", "ja", None, "Bram", None]]
    assert all(isinstance(r[7], dt.datetime) for r in history[1:])
    status = [[c.value for c in r] for r in wb["Statusgeschiedenis"].iter_rows()]
    assert status[1][1:6] == ["PR-1", "gepland", "draagvlakmeting", "letters sent", "Bram"]
    # the current votes agree with the history's last entries
    votes = [[c.value for c in r][:3] for r in wb["Stemmen"].iter_rows()]
    assert votes[1:] == [["PR-1", "W-1", "ja"], ["PR-1", "W-2", "ja"]]
    projects = wb["Projecten"]
    header = [c.value for c in projects[1]]
    assert projects[2][header.index("Huurders geïnformeerd op")].value == dt.datetime(2025, 3, 3)
    assert projects[2][header.index("Gewijzigd door")].value == "Bram"   # the status change


def test_into_a_workspace_with_its_own_history_the_merge_rules_hold(source, tmp_path):
    book = tmp_path / "book.xlsx"
    with Workspace.open(source) as ws:
        export_workspace(ws, book)
    other = tmp_path / "other.rpw"
    with Workspace.open(other, user="Cor") as ws:
        ws.replace_all(programme())
        ws.apply(RecordVotes(vote("W-1", "geen reactie", 1, "Cor")))
        ws.apply(SetStatus("PR-1", "draagvlakmeting", reason="own reason"))
    own_votes, own_status = rows(other, s.vote_events), rows(other, s.status_events)
    with Workspace.open(other, user="Cor") as ws:
        outcome = import_workbook(book, ws)
        assert outcome.ok and outcome.applied
    # nothing of the workspace's history is changed or deleted ...
    assert rows(other, s.vote_events)[:1] == own_votes
    assert rows(other, s.status_events) == own_status
    # ... the changed vote of Stemmen and the new one became new entries, as before
    with Workspace.open(other) as ws:
        new = ws.load(history=True).vote_history.iloc[1:]
    entries = new[["dwelling", "vote", "previous_vote", "note"]].astype(object)
    assert sorted(entries.where(entries.notna(), None).values.tolist()) == [
        ["W-1", "ja", "geen reactie", "import"], ["W-2", "ja", None, "import"]]
    # and the entries it left out are named, as a warning per history sheet
    skipped = {w.sheet: w.message for w in outcome.warnings}
    assert "3 entries are not imported" in skipped["Stemgeschiedenis"]
    assert "1 entries are not imported" in skipped["Statusgeschiedenis"]


def test_check_locates_errors_of_the_new_sheets_by_sheet_row_and_column(source, tmp_path):
    book = tmp_path / "book.xlsx"
    with Workspace.open(source) as ws:
        export_workspace(ws, book, lang="en")
    wb = openpyxl.load_workbook(book)
    history = wb["Vote history"]
    history["D3"] = "perhaps"          # Vote of the second entry
    history["A4"] = 2                  # a duplicate entry number
    history["B4"] = "PR-9"             # a project that does not exist
    wb["Capacity"]["B2"] = "next year"
    wb["Status history"]["H1"] = "Mood"   # an unknown column: a warning, not an error
    wb.save(book)
    report = check_workbook(book)
    found = {(p.sheet, p.row, p.column) for p in report.errors}
    assert ("Vote history", 3, "Vote") in found
    assert ("Vote history", 4, "Entry") in found
    assert ("Vote history", 4, "Project") in found
    assert ("Capacity", 2, "Year") in found
    assert ("Status history", 1, "Mood") in {(p.sheet, p.row, p.column) for p in report.warnings}
    # and an import of it writes nothing
    with Workspace.open(tmp_path / "empty.rpw") as ws:
        outcome = import_workbook(book, ws)
        assert not outcome.ok and not outcome.applied
        with ws.engine.connect() as conn:
            assert conn.execute(select(s.vote_events.c.id)).first() is None


def test_a_privacy_export_leaves_out_names_and_free_text_and_says_so(source, tmp_path):
    book = tmp_path / "private.xlsx"
    with Workspace.open(source) as ws:
        export_workspace(ws, book, personal_data=False)
    wb = openpyxl.load_workbook(book)
    values = {c.value for ws in wb.worksheets if ws.title != "Toelichting"
              for r in ws.iter_rows() for c in r}
    for personal in ("Anna", "Bram", "Hartweg 1", "letters sent", "correction: misheard"):
        assert personal not in values
    instructions = " ".join(str(c.value) for r in wb["Toelichting"].iter_rows() for c in r if c.value)
    assert "Export zonder persoonsgegevens" in instructions
    assert "Export without personal data" in instructions
    assert "Stemgeschiedenis: Opmerking (Note)" in instructions
    # the dates and order of the history stay: only who and why are left out
    history = [[c.value for c in r] for r in wb["Stemgeschiedenis"].iter_rows()]
    assert history[0] == ["Nummer", "Project", "Woning", "Stem", "Vorige stem", "Datum",
                          "Vastgelegd op"]
    assert [r[0] for r in history[1:]] == [1, 2, 3]
