"""Use cases of issue 23: entering and correcting measured use and degree days (undoable),
and updating a catalogue measure from the realised savings."""
from __future__ import annotations

import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.models.measures import catalogue, find_measure

from .store.test_votes_store import make_workspace


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw", let=2, vacant=0, status="gereed")   # P1 2026 on C1
    yield w
    w.close()


def test_enter_correct_and_undo_a_reading(ws):
    row = {"complex": "C1", "dwelling": "L00", "year": 2025, "gas_m3": 1100.0,
           "electricity_kwh": 2400.0, "source": "slimme meter"}
    undo_add = ws.apply(edits.save_usage(ws.load(), row))
    assert ws.load().usage[["dwelling", "gas_m3"]].values.tolist() == [["L00", 1100.0]]
    # a complex-level row (no dwelling) next to it
    ws.apply(edits.save_usage(ws.load(), {**row, "dwelling": "", "gas_m3": 1000.0}))
    usage = ws.load().usage
    assert len(usage) == 2 and usage["dwelling"].isna().sum() == 1
    # correct the dwelling's gas; undo gives the old value back
    fix = edits.save_usage(ws.load(), {**row, "gas_m3": 1150.0}, original=row)
    undo_fix = ws.apply(fix)
    assert ws.load().usage.set_index("dwelling").loc["L00", "gas_m3"] == 1150.0
    ws.apply(undo_fix)
    assert ws.load().usage.set_index("dwelling").loc["L00", "gas_m3"] == 1100.0
    ws.apply(undo_add)
    assert ws.load().usage["dwelling"].isna().all()


def test_a_reading_is_checked_like_a_workbook_row(ws):
    with pytest.raises(EditError) as err:     # negative gas
        edits.save_usage(ws.load(), {"complex": "C1", "dwelling": "L00", "year": 2025,
                                     "gas_m3": -5.0})
    assert err.value.field == "gas_m3"
    with pytest.raises(EditError):
        edits.save_usage(ws.load(), {"complex": "C9", "dwelling": None, "year": 2025})


def test_degree_days_enter_and_correct(ws):
    ws.apply(edits.set_degree_days(ws.load(), 2025, 2500.0))
    undo = ws.apply(edits.set_degree_days(ws.load(), 2025, 2450.0))
    assert ws.load().degree_days["degree_days"].tolist() == [2450.0]
    ws.apply(undo)
    assert ws.load().degree_days["degree_days"].tolist() == [2500.0]


def test_learn_measure_sets_the_realised_gas_saving(ws):
    ds = ws.load()
    ws.apply(edits.save_project(ds, {**edits.project_record(ds, "P1"), "measures": "dakisolatie",
                                     "gas_saving_m3": 400.0}, original="P1"))
    for year, gas in ((2025, 1300.0), (2027, 1000.0)):       # realised 300 of 400: 75 %
        ws.apply(edits.save_usage(ws.load(), {"complex": "C1", "dwelling": None, "year": year,
                                              "gas_m3": gas, "electricity_kwh": 2000.0}))
    before = find_measure("dakisolatie")
    undo = ws.apply(edits.learn_measure(ws.load(), "dakisolatie"))
    learnt = find_measure("dakisolatie", catalogue(ws.load()))
    assert learnt.gas_saving_m3 == round(before.gas_saving_m3 * 0.75)
    assert learnt.electricity_saving_kwh == before.electricity_saving_kwh
    assert learnt.cost_per_dwelling_eur == before.cost_per_dwelling_eur
    assert "75 %" in learnt.source
    ws.apply(undo)
    assert find_measure("dakisolatie", catalogue(ws.load())).gas_saving_m3 == before.gas_saving_m3
    with pytest.raises(EditError):
        edits.learn_measure(ws.load(), "vloerisolatie")
