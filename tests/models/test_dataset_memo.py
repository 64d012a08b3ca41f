"""Dataset.dwelling_counts() and projects_with_owner() are computed once per set of
frames (a page refresh asks for them up to eight times) and never go stale: replacing a
table — as the controller does after an edit — gives fresh figures, and changing a
returned frame never changes the next answer.  A new dataset with some tables replaced
keeps what was derived from the tables it did not replace."""
from __future__ import annotations

import pandas as pd

from desktop.models.dataset import Dataset, conform


def _ds() -> Dataset:
    # P-1 has 3 dwelling rows (declared 10: the rows win), P-2 none (declared 4),
    # P-3 neither (0)
    return Dataset.from_records(
        complexes=[{"complex": "P-1", "corporation": "Portaal", "neighbourhood": "Hees", "dwellings": 10},
                   {"complex": "P-2", "corporation": "Ymere", "neighbourhood": "Isselt", "dwellings": 4},
                   {"complex": "P-3", "corporation": "Ymere", "neighbourhood": "Isselt"}],
        dwellings=[{"dwelling": f"D{i}", "complex": "P-1"} for i in range(3)],
        projects=[{"project": "PR-1", "complex": "P-1", "year": 2026},
                  {"project": "PR-2", "complex": "P-2", "year": 2027}],
    )


def test_counts_are_the_rows_else_the_declared_count_and_repeat_without_recomputing():
    ds = _ds()
    first = ds.dwelling_counts()
    assert first.to_dict() == {"P-1": 3, "P-2": 4, "P-3": 0}
    calls = []
    original = ds._dwelling_counts
    ds._dwelling_counts = lambda: calls.append(1) or original()
    assert ds.dwelling_counts().to_dict() == {"P-1": 3, "P-2": 4, "P-3": 0}
    assert ds.projects_with_owner()["dwellings"].tolist() == [3, 4]
    assert calls == []                       # served from the memo


def test_changing_a_returned_result_does_not_change_the_next_one():
    ds = _ds()
    counts = ds.dwelling_counts()
    counts.loc["P-1"] = 99
    owner = ds.projects_with_owner()
    owner["status"] = "gereed"
    owner.loc[0, "dwellings"] = 0
    assert ds.dwelling_counts()["P-1"] == 3
    again = ds.projects_with_owner()
    assert again["status"].tolist() == ["gepland", "gepland"]
    assert again["dwellings"].tolist() == [3, 4]


def test_replaced_tables_give_fresh_figures():
    ds = _ds()
    assert ds.dwelling_counts()["P-2"] == 4
    more = pd.concat([ds.dwellings, conform("dwellings", [{"dwelling": "E1", "complex": "P-2"}])],
                     ignore_index=True)
    edited = ds.with_tables(dwellings=conform("dwellings", more))           # the controller's way
    assert edited.dwelling_counts().to_dict() == {"P-1": 3, "P-2": 1, "P-3": 0}
    assert edited.projects_with_owner()["dwellings"].tolist() == [3, 1]
    assert ds.dwelling_counts()["P-2"] == 4                                 # the old one is intact

    ds.projects = conform("projects", [{"project": "PR-9", "complex": "P-3", "year": 2030}])
    owner = ds.projects_with_owner()
    assert owner[["project", "corporation", "dwellings"]].values.tolist() == [["PR-9", "Ymere", 0]]
    ds.complexes = conform("complexes", [{"complex": "P-3", "corporation": "Portaal",
                                          "neighbourhood": "Hees", "dwellings": 7}])
    assert ds.projects_with_owner()[["corporation", "dwellings"]].values.tolist() == [["Portaal", 7]]


def test_a_dataset_with_other_projects_keeps_the_dwelling_counts_but_not_the_owners():
    ds = _ds()
    ds.dwelling_counts()
    owners = ds.projects_with_owner()
    moved = ds.projects.copy()
    moved.loc[moved["project"] == "PR-2", "year"] = 2030
    edited = ds.with_tables(projects=conform("projects", moved))
    calls = []
    original = edited._dwelling_counts
    edited._dwelling_counts = lambda: calls.append(1) or original()
    assert edited.dwelling_counts().to_dict() == {"P-1": 3, "P-2": 4, "P-3": 0}
    assert calls == []                                      # kept: dwellings unchanged
    assert edited.projects_with_owner()["year"].tolist() == [2026, 2030]   # recomputed
    assert owners["year"].tolist() == [2026, 2027]
    assert ds.projects_with_owner()["year"].tolist() == [2026, 2027]     # the old one intact
