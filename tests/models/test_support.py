"""The 70 % rule (BW 7:220 lid 3) on hand-computed cases."""
from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from desktop.models.dataset import Dataset
from desktop.models.enums import Status
from desktop.models.report import frame_records
from desktop.models.support import (
    NO_NOTICE, NO_PRESUMPTION, NO_SUPPORT, SUPPORT_COLUMNS, Deadline, Tally, follow_up, gate_allows, gate_refuses, gate_text, needs_override, objection_deadline,
    project_tally, support_table, tally,
)


def complex_ds(let: int, vacant: int = 0, yes: int = 0, no: int = 0, silent_rows: int = 0,
               project: str = "P1", complex_id: str = "C1", notified_on=None,
               extra_votes=()) -> Dataset:
    """One complex with ``let`` let dwellings (L0…) and ``vacant`` vacant ones (V0…),
    one project, and votes: the first ``yes`` let dwellings ja, the next ``no`` nee,
    the next ``silent_rows`` 'geen reactie'; the rest of the tenants have no row."""
    dwellings = [{"dwelling": f"L{i}", "complex": complex_id, "address": f"Kerkstraat {i}",
                  "let": True} for i in range(let)]
    dwellings += [{"dwelling": f"V{i}", "complex": complex_id, "address": f"Laan {i}",
                   "let": False} for i in range(vacant)]
    answers = ["ja"] * yes + ["nee"] * no + ["geen reactie"] * silent_rows
    votes = [{"project": project, "dwelling": f"L{i}", "vote": a} for i, a in enumerate(answers)]
    votes += list(extra_votes)
    return Dataset.from_records(
        complexes=[{"complex": complex_id, "corporation": "Portaal", "neighbourhood": "Overhees"}],
        dwellings=dwellings,
        projects=[{"project": project, "complex": complex_id, "year": 2021,
                   "notified_on": notified_on}],
        votes=votes,
    )


def only_row(ds: Dataset) -> dict:
    frame, problems = support_table(ds)
    assert problems == []
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


# ----- the threshold ----------------------------------------------------------------
def test_seven_of_ten_is_exactly_seventy_percent_and_reached():
    row = only_row(complex_ds(let=10, yes=7, no=3))
    assert (row["dwellings"], row["tenants"], row["yes"], row["no"], row["no_response"]) == \
        (10, 10, 7, 3, 0)
    assert row["support_pct"] == 70.0
    assert row["status"] == "reached"
    assert row["yes_needed"] == 0


def test_six_of_ten_is_not_reached_and_needs_one_more():
    row = only_row(complex_ds(let=10, yes=6, no=4))
    assert row["status"] == "not_reached"
    assert row["support_pct"] == 60.0
    assert row["yes_needed"] == 1


def test_just_below_seventy_percent_is_not_reached_even_when_display_rounds_to_70():
    # 2333 / 3333 = 69.9969...%: shown as 70.0, but 233300 < 233310 so not reached.
    row = only_row(complex_ds(let=3333, yes=2333, no=1000))
    assert row["support_pct"] == 70.0
    assert row["status"] == "not_reached"
    # 70 % of 3333 = 2333.1 -> 2334 yes needed
    assert row["yes_needed"] == 1
    row = only_row(complex_ds(let=3333, yes=2334))
    assert row["status"] == "reached"


def test_silence_counts_as_not_agreeing():
    # 13 yes and nobody against, but 7 of 20 tenants said nothing: 65 % of tenants.
    row = only_row(complex_ds(let=20, yes=13, silent_rows=2))
    assert row["no"] == 0
    assert row["no_response"] == 7          # 2 'geen reactie' rows + 5 without a row
    assert row["support_pct"] == 65.0
    assert row["status"] == "not_reached"
    assert row["yes_needed"] == 1           # 14 of 20 = 70 %


def test_vacant_dwellings_count_as_dwellings_but_not_as_tenants_and_their_votes_are_ignored():
    vacant_vote = [{"project": "P1", "dwelling": "V0", "vote": "ja"},
                   {"project": "P1", "dwelling": "V1", "vote": "ja"}]
    row = only_row(complex_ds(let=10, vacant=2, yes=6, no=2, extra_votes=vacant_vote))
    assert (row["dwellings"], row["tenants"], row["yes"]) == (12, 10, 6)
    assert row["no_response"] == 2
    assert row["status"] == "not_reached"   # 6 of 10 tenants; the 2 vacant 'ja' do not count


def test_nine_dwellings_need_individual_consent_ten_dwellings_use_the_presumption():
    nine = only_row(complex_ds(let=9, yes=9))
    assert nine["status"] == "individual_consent"
    assert nine["yes_needed"] == 0
    nine_short = only_row(complex_ds(let=9, yes=7, no=1))
    assert nine_short["status"] == "individual_consent"
    assert nine_short["support_pct"] == 77.78
    assert nine_short["yes_needed"] == 2     # every tenant's own consent
    ten = only_row(complex_ds(let=10, yes=7))
    assert ten["status"] == "reached"


def test_ten_dwellings_with_nine_let_still_fall_under_the_presumption():
    # 70 % of 9 tenants = 6.3: 7 yes reach it, 6 do not.
    reached = only_row(complex_ds(let=9, vacant=1, yes=7))
    assert (reached["dwellings"], reached["tenants"]) == (10, 9)
    assert reached["status"] == "reached"
    short = only_row(complex_ds(let=9, vacant=1, yes=6, no=3))
    assert short["status"] == "not_reached"
    assert short["yes_needed"] == 1


def test_english_vote_values_count_and_a_vote_on_another_complex_is_ignored():
    ds = complex_ds(let=10, extra_votes=[
        {"project": "P1", "dwelling": f"L{i}", "vote": "Yes"} for i in range(7)] + [
        {"project": "P1", "dwelling": "L7", "vote": " NO "},
        {"project": "P1", "dwelling": "X1", "vote": "ja"}])   # not a dwelling of C1
    row = only_row(ds)
    assert (row["yes"], row["no"], row["no_response"]) == (7, 1, 2)
    assert row["status"] == "reached"


# ----- which projects, which columns ------------------------------------------------
def test_only_projects_with_a_vote_row_are_listed_with_owner_and_plain_json_values():
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "'t Hart"},
                   {"complex": "C2", "corporation": "de Alliantie", "neighbourhood": "De Eng"}],
        dwellings=[{"dwelling": f"A{i}", "complex": "C1"} for i in range(24)]
        + [{"dwelling": f"B{i}", "complex": "C2", "let": i < 22} for i in range(24)],
        projects=[{"project": "P-21-001", "complex": "C2", "year": 2021},
                  {"project": "P-21-002", "complex": "C1", "year": 2021}],
        votes=[{"project": "P-21-001", "dwelling": f"B{i}", "vote": "ja"} for i in range(17)]
        + [{"project": "P-21-001", "dwelling": f"B{i}", "vote": "nee"} for i in range(17, 20)],
    )
    frame, _ = support_table(ds)
    assert list(frame.columns) == SUPPORT_COLUMNS
    assert frame["project"].tolist() == ["P-21-001"]
    row = frame.iloc[0]
    assert row["corporation"] == "de Alliantie"
    # a worked example: 24 dwellings, 22 tenants, 17 yes, 3 no, 2 silent
    records = frame_records(frame, ["project", "dwellings", "tenants", "yes", "no",
                                    "no_response", "support_pct", "status"])
    assert records == [{"project": "P-21-001", "dwellings": 24, "tenants": 22, "yes": 17,
                        "no": 3, "no_response": 2, "support_pct": 77.27,
                        "status": "reached"}]
    json.dumps(records)   # plain Python scalars


def test_project_whose_only_vote_is_on_a_vacant_dwelling_is_listed_with_zero_yes():
    row = only_row(complex_ds(let=10, vacant=1,
                              extra_votes=[{"project": "P1", "dwelling": "V0", "vote": "ja"}]))
    assert (row["yes"], row["no_response"], row["status"]) == (0, 10, "not_reached")


def test_empty_dataset_gives_an_empty_table_with_the_columns():
    frame, problems = support_table(Dataset.empty())
    assert frame.empty and list(frame.columns) == SUPPORT_COLUMNS
    assert problems == []


# ----- deadline ---------------------------------------------------------------------
def test_objection_deadline_is_56_days_after_notification():
    reached = tally(30, 30, 21, 0)
    assert objection_deadline(reached, date(2021, 3, 1)) == Deadline(date(2021, 4, 26))
    assert objection_deadline(reached, date(2021, 12, 20)).on == date(2022, 2, 14)   # across the year
    assert objection_deadline(reached, date(2024, 1, 10)).on == date(2024, 3, 6)     # leap February
    assert objection_deadline(reached, None) == Deadline(None, NO_NOTICE)


def test_no_objection_deadline_without_support():
    """BW 7:220 lid 3: the 8 weeks follow the written notice *that 70 % agreed*; at
    19 of 30 (63.3 %) a notice starts no deadline, nor below 10 dwellings."""
    assert objection_deadline(tally(30, 30, 19, 0), date(2026, 3, 20)) == Deadline(None, NO_SUPPORT)
    assert objection_deadline(tally(9, 9, 9, 0), date(2026, 3, 20)) == Deadline(None, NO_PRESUMPTION)


def test_deadline_column_follows_the_notification_date_or_stays_empty():
    row = only_row(complex_ds(let=10, yes=7, notified_on="2021-03-01"))
    assert row["deadline"] == pd.Timestamp("2021-04-26")
    row = only_row(complex_ds(let=10, yes=7))
    assert pd.isna(row["deadline"])
    row = only_row(complex_ds(let=30, yes=19, notified_on="2026-03-20"))   # not reached
    assert pd.isna(row["deadline"])


# ----- one project: tally and gate --------------------------------------------------
def test_tally_for_the_live_vote_entry():
    t = tally(dwellings=24, tenants=22, yes=15, no=3)
    assert t == Tally(dwellings=24, tenants=22, yes=15, no=3, no_response=4,
                      support_pct=68.18, status="not_reached", yes_needed=1, reached=False)
    assert tally(24, 22, 16, 3).reached is True       # 16*100 = 1600 >= 1540
    assert tally(9, 9, 8, 0).status == "individual_consent"
    assert tally(9, 9, 8, 0).yes_needed == 1
    assert tally(10, 0, 0, 0).support_pct == 0.0


def test_tally_rejects_impossible_counts():
    with pytest.raises(ValueError):
        tally(10, 10, 8, 3)       # 11 votes from 10 tenants
    with pytest.raises(ValueError):
        tally(10, 11, 0, 0)       # more tenants than dwellings
    with pytest.raises(ValueError):
        tally(10, 10, -1, 0)


@given(st.integers(0, 5000).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(0, 20))))
def test_tally_matches_the_exact_fraction(args):
    tenants, yes, extra_vacant = args
    dwellings = tenants + extra_vacant
    t = tally(dwellings, tenants, yes, 0)
    # without tenants there is nobody to agree: vacuously reached from 10 dwellings on
    exact = dwellings >= 10 and (tenants == 0 or Fraction(yes, tenants) >= Fraction(7, 10))
    assert t.reached is exact
    if dwellings >= 10:
        # yes_needed more yes votes reach it, one fewer does not
        assert tally(dwellings, tenants, yes + t.yes_needed, 0).reached
        if t.yes_needed:
            assert not tally(dwellings, tenants, yes + t.yes_needed - 1, 0).reached


def test_table_and_tally_agree():
    ds = complex_ds(let=13, vacant=2, yes=9, no=2, silent_rows=1)
    row = only_row(ds)
    t = project_tally(ds, "P1")
    assert t == tally(15, 13, 9, 2)
    assert (row["status"], row["yes_needed"], row["support_pct"]) == \
        (t.status, t.yes_needed, t.support_pct)


def test_project_tally_without_votes_and_unknown_project():
    ds = complex_ds(let=12)
    assert project_tally(ds, "P1") == tally(12, 12, 0, 0)
    with pytest.raises(KeyError):
        project_tally(ds, "nope")


def test_gate_blocks_agreed_in_progress_done_without_support_unless_a_reason_is_given():
    short = tally(20, 20, 13, 0)
    for status in (Status.AGREED, Status.IN_PROGRESS, Status.DONE, "akkoord", "agreed"):
        assert needs_override(short, status)
        assert not gate_allows(short, status)
        assert not gate_allows(short, status, reason="   ")
        assert gate_allows(short, status, reason="Court ruled the proposal reasonable")
    for status in (Status.PLANNED, Status.CONSULTING, Status.CANCELLED, "cancelled"):
        assert not needs_override(short, status)
        assert gate_allows(short, status)


def test_gate_is_open_with_support():
    assert not needs_override(tally(20, 20, 14, 0), Status.DONE)


def test_gate_below_10_dwellings_needs_every_tenants_consent():
    """Individual consent (issue 19.3): 7 of 9 agreeing is not enough, 9 of 9 is; a
    reason lets the change through; only changes past the support stage are gated."""
    assert needs_override(tally(9, 9, 0, 9), Status.AGREED)
    assert needs_override(tally(9, 9, 7, 0), Status.IN_PROGRESS)
    assert not needs_override(tally(9, 9, 9, 0), Status.AGREED)
    assert not needs_override(tally(9, 8, 8, 0), Status.DONE)        # one vacant: 8 tenants
    assert gate_refuses(tally(9, 9, 7, 0), "draagvlakmeting", "akkoord")
    assert not gate_refuses(tally(9, 9, 7, 0), "draagvlakmeting", "akkoord", "signed individually")
    assert not gate_refuses(tally(9, 9, 7, 0), "akkoord", "gereed")   # already past it
    assert gate_refuses(tally(9, 9, 7, 0), None, "gereed")            # a new project
    assert "every tenant must consent" in gate_text(tally(9, 9, 7, 0), "P1")


def test_gate_rejects_an_unknown_status():
    with pytest.raises(ValueError):
        needs_override(tally(20, 20, 14, 0), "finished-ish")


# ----- follow-up list ---------------------------------------------------------------
def test_follow_up_lists_let_dwellings_without_a_yes_or_no():
    # L0-L2 ja, L3 nee, L4 geen reactie, L5 no row; V0 vacant
    ds = complex_ds(let=6, vacant=1, yes=3, no=1, silent_rows=1)
    frame = follow_up(ds, "P1")
    assert list(frame.columns) == ["dwelling", "address"]
    assert frame.to_dict("records") == [
        {"dwelling": "L4", "address": "Kerkstraat 4"},
        {"dwelling": "L5", "address": "Kerkstraat 5"},
    ]
    with pytest.raises(KeyError):
        follow_up(ds, "P9")


def test_one_vote_per_dwelling_the_later_row_counts_and_unknown_projects_are_not_listed():
    ds = complex_ds(let=10, yes=6, extra_votes=[
        {"project": "P1", "dwelling": "L6", "vote": "nee"},
        {"project": "P1", "dwelling": "L6", "vote": "ja"},     # corrected: counts once, as ja
        {"project": "P-unknown", "dwelling": "L0", "vote": "ja"}])
    row = only_row(ds)
    assert (row["yes"], row["no"], row["no_response"], row["status"]) == (7, 0, 3, "reached")


def test_a_dwelling_without_a_let_value_is_let_by_default():
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "De Eng"}],
        dwellings=[{"dwelling": f"D{i}", "complex": "C1"} for i in range(10)],
        projects=[{"project": "P1", "complex": "C1", "year": 2022}],
        votes=[{"project": "P1", "dwelling": f"D{i}", "vote": "ja"} for i in range(7)])
    row = only_row(ds)
    assert (row["dwellings"], row["tenants"], row["status"]) == (10, 10, "reached")


# ----- one project's tally is that project's row of the whole table -------------------
def _row_as_tally(row) -> Tally:
    return tally(int(row["dwellings"]), int(row["tenants"]), int(row["yes"]), int(row["no"]))


def test_project_tally_equals_the_support_table_row_for_every_project_of_the_sample():
    from desktop.sample import build_sample

    ds, _ = build_sample()
    table, _ = support_table(ds)
    assert len(table) >= 5                      # the sample has campaigns with votes
    rows = table.set_index("project")
    for project in ds.projects["project"]:
        t = project_tally(ds, project)
        if project in rows.index:
            assert t == _row_as_tally(rows.loc[project]), project
        else:                                   # no votes: nobody agreed yet
            assert (t.yes, t.no, t.no_response) == (0, 0, t.tenants)


def test_project_tally_counts_only_let_dwellings_of_its_own_complex():
    # C1: L0-L9 let, V0 vacant; C2: M0-M4.  P1 (C1) gets votes that must not count:
    # a vacant dwelling, a dwelling of C2, an unknown dwelling, an unknown answer, and
    # a duplicated dwelling id whose first row is in C2.
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees"},
                   {"complex": "C2", "corporation": "Portaal", "neighbourhood": "Overhees"},
                   {"complex": "C3", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 14}],
        dwellings=[{"dwelling": f"L{i}", "complex": "C1", "let": True} for i in range(10)]
        + [{"dwelling": "V0", "complex": "C1", "let": False}]
        + [{"dwelling": f"M{i}", "complex": "C2", "let": True} for i in range(5)]
        + [{"dwelling": "M0", "complex": "C1", "let": True}],     # duplicate id, first in C2
        projects=[{"project": "P1", "complex": "C1", "year": 2022},
                  {"project": "P2", "complex": "C2", "year": 2022},
                  {"project": "P3", "complex": "C3", "year": 2023}],
        votes=[{"project": "P1", "dwelling": f"L{i}", "vote": "ja"} for i in range(6)]
        + [{"project": "P1", "dwelling": "L6", "vote": "no"},       # English alias: nee
           {"project": "P1", "dwelling": "L7", "vote": "misschien"},  # unknown: not counted
           {"project": "P1", "dwelling": "V0", "vote": "ja"},       # vacant
           {"project": "P1", "dwelling": "M1", "vote": "ja"},       # other complex
           {"project": "P1", "dwelling": "M0", "vote": "ja"},       # first row in C2
           {"project": "P1", "dwelling": "X9", "vote": "ja"},       # no such dwelling
           {"project": "P1", "dwelling": "L5", "vote": "nee"},      # corrected: L5 now nee
           {"project": "P2", "dwelling": "M0", "vote": "ja"},
           {"project": "P3", "dwelling": "L0", "vote": "ja"}])      # C3 has no rows
    # P1: 12 rows in C1 (L0-L9, V0, M0), 11 let; yes L0-L4 = 5, no L5, L6 = 2
    assert project_tally(ds, "P1") == tally(12, 11, 5, 2)
    assert project_tally(ds, "P2") == tally(5, 5, 1, 0)
    assert project_tally(ds, "P3") == tally(14, 14, 0, 0)   # declared, every dwelling let
    rows = support_table(ds)[0].set_index("project")
    for project in ("P1", "P2", "P3"):
        assert project_tally(ds, project) == _row_as_tally(rows.loc[project])
