"""Programme targets, the homes-per-year matrix, capacity and project edit checks."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from desktop.models.dataset import Dataset
from desktop.models.programme import (
    CAPACITY_COLUMNS, PROGRAMME_COLUMNS, capacity_flags, done_matrix, matrix,
    period_status, programme_table, validate_project_edit,
)
from desktop.models.report import frame_records

COMPLEXES = [
    # declared counts only
    {"complex": "P-1001", "corporation": "Portaal", "neighbourhood": "'t Hart", "dwellings": 29},
    {"complex": "P-1002", "corporation": "Portaal", "neighbourhood": "Overhees", "dwellings": 72},
    {"complex": "P-1003", "corporation": "Portaal", "neighbourhood": "Smitsveen", "dwellings": 75},
    {"complex": "P-2001", "corporation": "Portaal", "neighbourhood": "Overhees", "dwellings": 300},
    {"complex": "A-1", "corporation": "de Alliantie", "neighbourhood": "De Eng", "dwellings": 26},
    {"complex": "A-2", "corporation": "de Alliantie", "neighbourhood": "Soesterberg", "dwellings": 40},
]
TARGETS = [
    {"corporation": "Portaal", "from_year": 2021, "to_year": 2021, "dwellings": 176},
    {"corporation": "Portaal", "from_year": 2022, "to_year": 2024, "dwellings": 542},
    {"corporation": "de Alliantie", "from_year": 2021, "to_year": 2021, "dwellings": 26},
    {"corporation": "de Alliantie", "from_year": 2022, "to_year": 2025, "dwellings": 55},
]


def soest(projects, dwellings=(), complexes=COMPLEXES, capacities=()) -> Dataset:
    return Dataset.from_records(complexes=complexes, dwellings=list(dwellings),
                                projects=projects, targets=TARGETS,
                                capacities=list(capacities))


def by_period(frame: pd.DataFrame) -> dict:
    return {(r.corporation, r.from_year, r.to_year): (r.target, r.planned, r.done)
            for r in frame.itertuples()}


# ----- programme_table --------------------------------------------------------------
def test_planned_and_done_per_target_period():
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2021, "status": "gereed"},
        {"project": "P2", "complex": "P-1002", "year": 2021, "status": "in uitvoering"},
        {"project": "P3", "complex": "P-1003", "year": 2021, "status": "gereed"},
        {"project": "P4", "complex": "P-2001", "year": 2022},                  # default gepland
        {"project": "P5", "complex": "A-1", "year": 2021, "status": "done"},   # English alias
        {"project": "P6", "complex": "A-2", "year": 2025, "status": "akkoord"},
    ])
    frame, warnings = programme_table(ds)
    assert warnings == []
    assert list(frame.columns) == PROGRAMME_COLUMNS
    assert by_period(frame) == {
        ("Portaal", 2021, 2021): (176, 29 + 72 + 75, 29 + 75),
        ("Portaal", 2022, 2024): (542, 300, 0),
        ("de Alliantie", 2021, 2021): (26, 26, 26),
        ("de Alliantie", 2022, 2025): (55, 40, 0),
    }
    assert frame["shortfall"].tolist() == [0, -242, 0, -15]
    assert frame["verdict"].tolist() == ["met", "short", "met", "short"]
    records = frame_records(frame, ["corporation", "from_year", "to_year", "target",
                                    "planned", "done"])
    assert records[0] == {"corporation": "Portaal", "from_year": 2021, "to_year": 2021,
                          "target": 176, "planned": 176, "done": 104}
    json.dumps(records)


def test_cancelled_projects_are_not_planned():
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2021},
        {"project": "P2", "complex": "P-1002", "year": 2021, "status": "vervallen"},
        {"project": "P3", "complex": "P-1003", "year": 2021, "status": "Cancelled"},
    ])
    frame, warnings = programme_table(ds)
    assert by_period(frame)[("Portaal", 2021, 2021)] == (176, 29, 0)
    assert warnings == []


def test_period_bounds_are_inclusive_and_projects_outside_every_period_are_ignored():
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2022},   # first year of 2022-2024
        {"project": "P2", "complex": "P-1002", "year": 2024},   # last year
        {"project": "P3", "complex": "P-1003", "year": 2025},   # after every Portaal period
        {"project": "P4", "complex": "P-2001", "year": 2020},   # before
        {"project": "P5", "complex": "A-2", "year": 2026, "status": "gereed"},
    ])
    frame = period_status(ds)
    assert by_period(frame) == {
        ("Portaal", 2021, 2021): (176, 0, 0),
        ("Portaal", 2022, 2024): (542, 29 + 72, 0),
        ("de Alliantie", 2021, 2021): (26, 0, 0),
        ("de Alliantie", 2022, 2025): (55, 0, 0),
    }
    assert frame["verdict"].tolist() == ["short"] * 4
    # ... but they are in the matrix
    m = matrix(ds)
    assert m.loc[("Portaal", "Smitsveen"), 2025] == 75
    assert m.loc[("Portaal", "Overhees"), 2020] == 300
    assert m.loc[("de Alliantie", "Soesterberg"), 2026] == 40


def test_dwellings_come_from_dwelling_rows_when_a_complex_has_them():
    # P-1001 declares 29 but has 31 Woningen rows (a validator error elsewhere): the
    # rows count; P-1002 has no rows, so its declared 72 counts.
    rows = [{"dwelling": f"H{i}", "complex": "P-1001", "let": i % 5 != 0} for i in range(31)]
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2021, "status": "gereed"},
        {"project": "P2", "complex": "P-1002", "year": 2021},
    ], dwellings=rows)
    frame, _ = programme_table(ds)
    # vacant dwellings are retrofitted too: all 31 count
    assert by_period(frame)[("Portaal", 2021, 2021)] == (176, 31 + 72, 31)


def test_over_the_target():
    ds = soest([
        {"project": "P1", "complex": "A-1", "year": 2021},
        {"project": "P2", "complex": "A-2", "year": 2021},
    ])
    frame, _ = programme_table(ds)
    row = frame[frame["corporation"] == "de Alliantie"].iloc[0]
    assert (row["planned"], row["shortfall"], row["verdict"]) == (66, 40, "over")


def test_a_complex_with_two_projects_in_one_period_counts_twice_with_a_warning():
    ds = soest([
        {"project": "P1", "complex": "P-2001", "year": 2022},
        {"project": "X", "complex": "A-1", "year": 2021},
        {"project": "P2", "complex": "P-2001", "year": 2024},
        {"project": "P3", "complex": "P-2001", "year": 2023, "status": "vervallen"},
        {"project": "P4", "complex": "P-1001", "year": 2021},
        {"project": "P5", "complex": "P-1001", "year": 2022},   # other period: no warning
    ])
    frame, warnings = programme_table(ds)
    assert by_period(frame)[("Portaal", 2022, 2024)] == (542, 300 + 300 + 29, 0)
    assert len(warnings) == 1
    w = warnings[0]
    assert (w.table, w.row, w.column, w.severity, w.key) == (
        "projects", 2, "Complex", "warning", "P2")
    assert "P-2001" in w.message and "P1" in w.message and "P2" in w.message
    assert "2022" in w.message and "2024" in w.message


def test_no_targets_gives_an_empty_programme():
    ds = Dataset.from_records(complexes=COMPLEXES,
                              projects=[{"project": "P1", "complex": "A-1", "year": 2021}])
    frame, warnings = programme_table(ds)
    assert frame.empty and list(frame.columns) == PROGRAMME_COLUMNS
    assert warnings == []


def test_a_target_without_a_number_has_no_verdict():
    ds = Dataset.from_records(
        complexes=COMPLEXES, targets=[{"corporation": "Portaal", "from_year": 2021,
                                       "to_year": 2021}],
        projects=[{"project": "P1", "complex": "P-1001", "year": 2021}])
    row = programme_table(ds)[0].iloc[0]
    assert row["planned"] == 29
    assert pd.isna(row["target"]) and pd.isna(row["shortfall"]) and pd.isna(row["verdict"])


# ----- matrix -----------------------------------------------------------------------
def test_matrix_homes_per_year_by_corporation_and_neighbourhood():
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2021, "status": "gereed"},
        {"project": "P2", "complex": "P-1002", "year": 2023},
        {"project": "P3", "complex": "P-2001", "year": 2023},          # also Overhees
        {"project": "P4", "complex": "A-1", "year": 2022, "status": "vervallen"},
        {"project": "P5", "complex": "A-2", "year": 2022, "status": "gereed"},
    ])
    m = matrix(ds)
    assert list(m.columns) == [2021, 2022, 2023]
    assert all(type(c) is int for c in m.columns)
    assert list(m.index.names) == ["corporation", "neighbourhood"]
    assert m.to_dict("index") == {
        ("Portaal", "'t Hart"): {2021: 29, 2022: 0, 2023: 0},
        ("Portaal", "Overhees"): {2021: 0, 2022: 0, 2023: 372},
        ("de Alliantie", "Soesterberg"): {2021: 0, 2022: 40, 2023: 0},
    }
    d = done_matrix(ds, range(2020, 2023))
    assert list(d.columns) == [2020, 2021, 2022]
    assert d.to_dict("index") == {
        ("Portaal", "'t Hart"): {2020: 0, 2021: 29, 2022: 0},
        ("de Alliantie", "Soesterberg"): {2020: 0, 2021: 0, 2022: 40},
    }
    assert matrix(ds, range(2021, 2022), done=True).equals(done_matrix(ds, range(2021, 2022)))


def test_matrix_of_nothing_is_empty():
    assert matrix(Dataset.empty()).empty
    assert list(matrix(Dataset.empty(), range(2021, 2023)).columns) == [2021, 2022]


# ----- capacity ---------------------------------------------------------------------
def test_capacity_and_budget_flags_per_corporation_and_year():
    ds = soest([
        {"project": "P1", "complex": "P-1001", "year": 2021, "investment_cents": 2_500_000},
        {"project": "P2", "complex": "P-1002", "year": 2021, "investment_cents": 1_000_000},
        {"project": "P3", "complex": "P-1003", "year": 2021, "status": "vervallen",
         "investment_cents": 9_999_999},
        {"project": "P4", "complex": "A-1", "year": 2022},                 # no investment
    ], capacities=[
        {"corporation": "Portaal", "year": 2021, "max_dwellings": 100,
         "budget_cents": 150_000_000},
        {"corporation": "de Alliantie", "year": 2022, "max_dwellings": 26},
        {"corporation": "de Alliantie", "year": 2023, "max_dwellings": 50,
         "budget_cents": 0},
    ])
    frame = capacity_flags(ds)
    assert list(frame.columns) == CAPACITY_COLUMNS
    rows = {(r.corporation, r.year): r for r in frame.itertuples()}
    assert set(rows) == {("Portaal", 2021), ("de Alliantie", 2022), ("de Alliantie", 2023)}
    p = rows[("Portaal", 2021)]
    # 29 x 25,000.00 + 72 x 10,000.00 = 1,445,000.00 euro
    assert (p.planned, p.investment_cents) == (101, 29 * 2_500_000 + 72 * 1_000_000)
    assert p.investment_cents == 144_500_000
    assert (p.over_capacity, p.over_budget) == (True, False)
    a = rows[("de Alliantie", 2022)]
    assert (a.planned, a.investment_cents, a.max_dwellings) == (26, 0, 26)
    assert pd.isna(a.budget_cents)
    assert (a.over_capacity, a.over_budget) == (False, False)   # 26 is not over 26
    e = rows[("de Alliantie", 2023)]
    assert (e.planned, e.over_capacity, e.over_budget) == (0, False, False)


def test_capacity_without_capacities_rows_never_flags():
    ds = soest([{"project": "P1", "complex": "P-2001", "year": 2022,
                 "investment_cents": 1}])
    frame = capacity_flags(ds)
    assert frame[["over_capacity", "over_budget"]].to_numpy().tolist() == [[False, False]]
    assert frame["investment_cents"].tolist() == [300]


# ----- edits ------------------------------------------------------------------------
GOOD = {"project": "P-21-001", "complex": "P-1001", "year": 2021, "measures": "dakisolatie",
        "label_after": "b", "gas_saving_m3": 250.0, "electricity_saving_kwh": -1500,
        "rent_increase_cents": 1800, "investment_cents": 2_500_000, "status": "agreed"}


def test_a_valid_edit_has_no_messages():
    assert validate_project_edit(GOOD, {"P-1001"}, require_all=True) == {}
    assert validate_project_edit({"year": "2100"}, set()) == {}
    assert validate_project_edit({"year": 2000}, set()) == {}
    assert validate_project_edit({"gas_saving_m3": "12,5"}, set()) == {}
    assert validate_project_edit({"status": "in uitvoering", "label_after": ""}, set()) == {}


@pytest.mark.parametrize("text,valid", [
    ("1.234,5", True), ("€ 1.250,00", True), ("\u22125", False),   # typographic minus: negative
    ("1.234", False), ("1e3", False), ("nan", False), ("1,234.5", False)])
def test_typed_amounts_are_read_by_the_one_number_parser(text, valid):
    """The rules of models/numbers.py (as for a workbook cell): grouped thousands and
    a euro sign are a number; an ambiguous "1.234", an exponent or "nan" is not."""
    errors = validate_project_edit({"gas_saving_m3": text}, set())
    assert (errors == {}) is valid
    if not valid:
        assert "cannot be negative" in errors["gas_saving_m3"] if text.startswith("\u2212") \
            else "must be a number" in errors["gas_saving_m3"]


@pytest.mark.parametrize("field,value,fragment", [
    ("project", "  ", "cannot be empty"),
    ("complex", "P-9999", "Unknown complex"),
    ("complex", "", "Choose the complex"),
    ("year", 1999, "between 2000 and 2100"),
    ("year", 2101, "between 2000 and 2100"),
    ("year", "2021.5", "whole number"),
    ("year", "twenty", "whole number"),
    ("year", None, "Enter the year"),
    ("gas_saving_m3", -1, "cannot be negative"),
    ("gas_saving_m3", "", "Enter the gas saving"),
    ("rent_increase_cents", -100, "cannot be negative"),
    ("investment_cents", -1, "cannot be negative"),
    ("investment_cents", 12.5, "whole number of cents"),
    ("electricity_saving_kwh", "a lot", "must be a number"),
    ("status", "finished", "Unknown status"),
    ("label_after", "H", "not an energy label"),
])
def test_each_invalid_field_gets_its_message(field, value, fragment):
    errors = validate_project_edit({**GOOD, field: value}, {"P-1001"})
    assert list(errors) == [field]
    assert fragment in errors[field]


def test_a_new_project_needs_the_required_fields():
    errors = validate_project_edit({"measures": "hr++ glas"}, {"P-1001"}, require_all=True)
    assert set(errors) == {"project", "complex", "year", "gas_saving_m3"}
    # one edited cell alone is fine without the others
    assert validate_project_edit({"measures": "hr++ glas"}, {"P-1001"}) == {}


def test_target_table_adds_the_period_and_percentages_the_pages_show():
    from desktop.models.programme import target_table

    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 40}],
        projects=[{"project": "P1", "complex": "C1", "year": 2025, "status": "gereed",
                   "gas_saving_m3": 400.0}],
        targets=[{"corporation": "Portaal", "from_year": 2025, "to_year": 2025, "dwellings": 80},
                 {"corporation": "Portaal", "from_year": 2026, "to_year": 2028, "dwellings": 0}])
    t = target_table(ds)
    assert list(t["period"]) == ["2025", "2026–2028"]
    assert t["planned_pct"].iat[0] == 50.0 and t["done_pct"].iat[0] == 50.0
    assert t[["planned_pct", "done_pct"]].iloc[1].isna().all()      # a target of 0
