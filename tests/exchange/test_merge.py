"""Planning an import into a workspace: adds, updates, unchanged rows, vote history."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from desktop.exchange.columns import SHEETS
from desktop.exchange.merge import VOTE_EVENT_COLUMNS, plan_import
from desktop.exchange.reader import read_workbook
from desktop.exchange.writer import write_workbook
from desktop.models.dataset import Dataset

ALL_COLUMNS = {s.table: {c.field for c in s.columns} for s in SHEETS}


def workspace() -> Dataset:
    return Dataset.from_records(
        complexes=[
            {"complex": "P-1", "corporation": "Portaal", "neighbourhood": "Overhees",
             "name": "Oud", "heating": "gasketel", "rent_cents": 60000},
            {"complex": "P-2", "corporation": "Portaal", "neighbourhood": "'t Hart",
             "name": "Blijft", "heating": "gasketel", "dwellings": 12},
        ],
        dwellings=[
            {"dwelling": "0001", "complex": "P-1", "address": "Dalweg 1", "let": True,
             "label": "C", "gas_m3": 1000.0, "rent_cents": 61000},
            {"dwelling": "0002", "complex": "P-1", "address": "Dalweg 2", "let": True,
             "label": "D", "gas_m3": 1100.0},
            {"dwelling": "0003", "complex": "P-1", "address": "Dalweg 3", "let": True},
        ],
        projects=[{"project": "PR-1", "complex": "P-1", "year": 2026, "gas_saving_m3": 500.0,
                   "electricity_saving_kwh": 0.0, "rent_increase_cents": 0, "status": "gepland",
                   "campaign_start": "2025-01-15"}],
        votes=[
            {"project": "PR-1", "dwelling": "0001", "vote": "ja", "date": "2025-02-01",
             "recorded_by": "A. Jansen"},
            {"project": "PR-1", "dwelling": "0003", "vote": "nee", "date": "2025-02-02",
             "recorded_by": "A. Jansen"},
        ],
        targets=[{"corporation": "Portaal", "from_year": 2022, "to_year": 2024, "dwellings": 542}],
        tariffs=[{"year": 2023, "gas_eur_m3": 1.45, "electricity_eur_kwh": 0.40}],
        capacities=[{"corporation": "Portaal", "year": 2026, "max_dwellings": 100}],
    )


def test_new_key_is_added_known_key_updated_identical_row_unchanged():
    current = workspace()
    incoming = Dataset.from_records(complexes=[
        {"complex": "P-1", "corporation": "Portaal", "neighbourhood": "Overhees", "name": "Nieuw",
         "heating": "gasketel", "rent_cents": 60000},
        {"complex": "P-2", "corporation": "Portaal", "neighbourhood": "'t Hart", "name": "Blijft",
         "heating": "gasketel", "dwellings": 12},
        {"complex": "P-3", "corporation": "Vidomes", "neighbourhood": "Hees", "heating": "warmtepomp",
         "dwellings": 8},
    ])
    plan = plan_import(incoming, {"complexes": ALL_COLUMNS["complexes"]}, current)

    assert plan.summary == {"complexes": {"added": 1, "changed": 1, "unchanged": 1}}
    assert plan.adds["complexes"]["complex"].tolist() == ["P-3"]
    assert plan.adds["complexes"].loc[0, "heating"] == "warmtepomp"
    assert list(plan.adds["complexes"].columns) == list(current.complexes.columns)
    upd = plan.updates["complexes"]
    assert upd["complex"].tolist() == ["P-1"] and upd.loc[0, "name"] == "Nieuw"
    assert plan.changes == [("complexes", "P-1", "name", "Oud", "Nieuw")]
    assert not plan.is_empty

    merged = plan.merged()
    assert merged.complexes["complex"].tolist() == ["P-1", "P-2", "P-3"]
    assert merged.complexes["name"].tolist()[:2] == ["Nieuw", "Blijft"]
    assert current.complexes.loc[0, "name"] == "Oud"          # the workspace itself untouched


def test_absent_columns_are_left_alone_and_an_empty_cell_clears():
    current = workspace()
    # a sheet with only Woning, Complex, Energielabel and Gas: label of 0001 emptied,
    # gas of 0002 changed; address, let and rent are absent
    incoming = Dataset.from_records(dwellings=[
        {"dwelling": "0001", "complex": "P-1", "label": None, "gas_m3": 1000.0},
        {"dwelling": "0002", "complex": "P-1", "label": "D", "gas_m3": 900.0},
    ])
    present = {"dwellings": {"dwelling", "complex", "label", "gas_m3"}}
    plan = plan_import(incoming, present, current)

    assert plan.summary == {"dwellings": {"added": 0, "changed": 2, "unchanged": 0}}
    assert sorted(plan.changes) == [("dwellings", "0001", "label", "C", None),
                                    ("dwellings", "0002", "gas_m3", 1100.0, 900.0)]
    assert list(plan.updates["dwellings"].columns) == ["dwelling", "complex", "label", "gas_m3"]
    d = plan.merged().dwellings.set_index("dwelling")
    assert pd.isna(d.loc["0001", "label"])                         # cleared
    assert d.loc["0002", "gas_m3"] == 900.0
    assert d.loc["0001", "address"] == "Dalweg 1"                  # absent: left alone
    assert d.loc["0001", "rent_cents"] == 61000
    assert d["let"].tolist() == [True, True, True]


def test_nothing_is_deleted_and_tables_without_a_sheet_stay_as_they_are():
    current = workspace()
    incoming = Dataset.from_records(dwellings=[
        {"dwelling": "0009", "complex": "P-2", "address": "Hartweg 9", "let": True}])
    plan = plan_import(incoming, {"dwellings": ALL_COLUMNS["dwellings"]}, current)

    assert plan.summary == {"dwellings": {"added": 1, "changed": 0, "unchanged": 0}}
    merged = plan.merged()
    assert merged.dwellings["dwelling"].tolist() == ["0001", "0002", "0003", "0009"]
    for table in ("complexes", "projects", "votes", "targets", "tariffs", "capacities"):
        pd.testing.assert_frame_equal(getattr(merged, table), getattr(current, table), obj=table)
    # the workspace-only campaign date survives
    assert merged.projects.loc[0, "campaign_start"] == pd.Timestamp("2025-01-15")


def test_a_changed_vote_becomes_a_history_event_an_identical_one_does_not():
    current = workspace()
    incoming = Dataset.from_records(votes=[
        {"project": "PR-1", "dwelling": "0001", "vote": "nee", "date": "2025-03-10",
         "recorded_by": "M. Bakker"},                                        # changed
        {"project": "PR-1", "dwelling": "0003", "vote": "nee", "date": "2025-02-02",
         "recorded_by": "A. Jansen"},                                        # identical
        {"project": "PR-1", "dwelling": "0002", "vote": "geen reactie", "date": None,
         "recorded_by": "M. Bakker"},                                        # new
    ])
    plan = plan_import(incoming, {"votes": ALL_COLUMNS["votes"]}, current)

    assert plan.summary == {"votes": {"added": 1, "changed": 1, "unchanged": 1}}
    ev = plan.vote_events
    assert list(ev.columns) == list(VOTE_EVENT_COLUMNS)
    assert ev.to_dict("records") == [
        {"project": "PR-1", "dwelling": "0002", "vote": "geen reactie", "date": pd.NaT,
         "recorded_by": "M. Bakker"},
        {"project": "PR-1", "dwelling": "0001", "vote": "nee",
         "date": pd.Timestamp("2025-03-10"), "recorded_by": "M. Bakker"},
    ]
    assert ("votes", ("PR-1", "0001"), "vote", "ja", "nee") in plan.changes
    assert ("votes", ("PR-1", "0001"), "date", dt.datetime(2025, 2, 1), dt.datetime(2025, 3, 10)) \
        in plan.changes
    v = plan.merged().votes.set_index(["project", "dwelling"])
    assert v.loc[("PR-1", "0001"), "vote"] == "nee"
    assert v.loc[("PR-1", "0003"), "vote"] == "nee"
    assert len(v) == 3


def test_a_changed_vote_without_date_column_keeps_the_other_fields():
    current = workspace()
    incoming = Dataset.from_records(votes=[{"project": "PR-1", "dwelling": "0003", "vote": "ja"}])
    plan = plan_import(incoming, {"votes": {"project", "dwelling", "vote"}}, current)

    assert plan.summary["votes"] == {"added": 0, "changed": 1, "unchanged": 0}
    assert plan.vote_events.to_dict("records") == [
        {"project": "PR-1", "dwelling": "0003", "vote": "ja", "date": pd.Timestamp("2025-02-02"),
         "recorded_by": "A. Jansen"}]
    assert plan.changes == [("votes", ("PR-1", "0003"), "vote", "nee", "ja")]


def test_multi_column_and_integer_keys():
    current = workspace()
    incoming = Dataset.from_records(
        targets=[{"corporation": "Portaal", "from_year": 2022, "to_year": 2024, "dwellings": 600},
                 {"corporation": "Portaal", "from_year": 2025, "to_year": 2030, "dwellings": 900}],
        tariffs=[{"year": 2023, "gas_eur_m3": 1.45, "electricity_eur_kwh": 0.40},
                 {"year": 2024, "gas_eur_m3": 1.30, "electricity_eur_kwh": 0.35}])
    plan = plan_import(incoming, {"targets": ALL_COLUMNS["targets"],
                                  "tariffs": ALL_COLUMNS["tariffs"]}, current)

    assert plan.summary == {"targets": {"added": 1, "changed": 1, "unchanged": 0},
                            "tariffs": {"added": 1, "changed": 0, "unchanged": 1}}
    assert plan.changes == [("targets", ("Portaal", 2022, 2024), "dwellings", 542, 600)]
    merged = plan.merged()
    assert merged.targets["dwellings"].tolist() == [600, 900]
    assert merged.tariffs["year"].tolist() == [2023, 2024]


def test_floats_equal_to_the_last_bits_are_unchanged():
    current = Dataset.from_records(tariffs=[{"year": 2023, "gas_eur_m3": 0.1 + 0.2,
                                             "electricity_eur_kwh": 0.4}])
    incoming = Dataset.from_records(tariffs=[{"year": 2023, "gas_eur_m3": 0.3,
                                              "electricity_eur_kwh": 0.4}])
    plan = plan_import(incoming, {"tariffs": ALL_COLUMNS["tariffs"]}, current)
    assert plan.summary["tariffs"] == {"added": 0, "changed": 0, "unchanged": 1}
    assert plan.is_empty


def test_a_sheet_without_its_key_column_is_refused():
    with pytest.raises(ValueError, match="key column"):
        plan_import(Dataset(), {"votes": {"project", "vote"}}, workspace())


def test_importing_a_workspace_export_changes_nothing(tmp_path):
    current = workspace()
    path = tmp_path / "export.xlsx"
    write_workbook(current, path)
    r = read_workbook(path)
    plan = plan_import(r.dataset, r.present_columns, current)

    assert plan.is_empty
    assert plan.summary["dwellings"] == {"added": 0, "changed": 0, "unchanged": 3}
    assert plan.summary["votes"] == {"added": 0, "changed": 0, "unchanged": 2}
    assert plan.changes == [] and len(plan.vote_events) == 0


def test_importing_an_edited_workbook_plans_exactly_the_edits(tmp_path):
    import openpyxl

    current = workspace()
    path = tmp_path / "export.xlsx"
    write_workbook(current, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Woningen"]
    ws["E3"] = None                  # Energielabel of 0002 emptied
    ws.append(["0004", "P-1", "Dalweg 4", "nee"])
    wb["Stemmen"]["C2"] = "nee"      # 0001 changes its vote
    wb.save(path)

    r = read_workbook(path)
    assert r.errors == []
    plan = plan_import(r.dataset, r.present_columns, current)
    assert plan.summary["dwellings"] == {"added": 1, "changed": 1, "unchanged": 2}
    assert plan.summary["votes"] == {"added": 0, "changed": 1, "unchanged": 1}
    assert [c for c in plan.changes if c[0] == "dwellings"] == [
        ("dwellings", "0002", "label", "D", None)]
    assert plan.vote_events[["dwelling", "vote", "recorded_by"]].values.tolist() == [
        ["0001", "nee", "A. Jansen"]]
    merged = plan.merged()
    assert merged.dwellings["dwelling"].tolist() == ["0001", "0002", "0003", "0004"]
    assert merged.dwellings.loc[3, "let"] == False          # noqa: E712
