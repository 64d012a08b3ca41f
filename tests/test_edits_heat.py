"""Editing the neighbourhood heat plan and the end state per complex (issue 21): the use
cases check their input like a workbook would, return store commands, and those
commands applied to a real SQLite workspace change it and undo back."""
from __future__ import annotations

import pandas as pd
import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.models.dataset import Dataset
from desktop.models.endstate import DEFAULT_TARGET_LABEL, end_states
from desktop.store.commands import Delete, Upsert
from desktop.store.workspace import ConflictError, Workspace


@pytest.fixture
def ws(tmp_path):
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 10, "label": "D"},
                   {"complex": "C2", "corporation": "Portaal", "neighbourhood": "Hart",
                    "dwellings": 20, "label": "C"}],
        projects=[{"project": "P1", "complex": "C1", "year": 2027, "status": "gepland",
                   "measures": "all-electric warmtepomp", "gas_saving_m3": 900.0}],
    )
    w = Workspace.open(tmp_path / "ws.rpw")
    w.replace_all(ds)
    yield w
    w.close()


def refuse(call, field: str) -> EditError:
    with pytest.raises(EditError) as err:
        call()
    assert err.value.field == field
    assert err.value.message and err.value.message_nl and err.value.message != err.value.message_nl
    return err.value


def plan_rows(ws) -> list[dict]:
    p = ws.load().heat_plan
    return [{k: (None if pd.isna(v) else v) for k, v in r.items()
             if k in ("neighbourhood", "heat_solution", "available_year", "heat_kg_gj", "note")}
            for r in p.to_dict("records")]


# ----- heat plan ----------------------------------------------------------------------
def test_save_heat_plan_adds_changes_and_undo_restores(ws):
    command = edits.save_heat_plan(ws.load(), {"neighbourhood": "overhees",   # any case
                                               "heat_solution": "heat network",  # English
                                               "available_year": 2032}, label="plan")
    assert isinstance(command, Upsert) and command.key == {"neighbourhood": "Overhees"}
    undo_add = ws.apply(command)
    assert plan_rows(ws) == [{"neighbourhood": "Overhees", "heat_solution": "warmtenet",
                              "available_year": 2032, "heat_kg_gj": None, "note": None}]
    # the heat plan is what the conflict rules read: P1's heat pump now conflicts
    from desktop.models.heatplan import conflicts
    assert list(conflicts(ws.load())["rule"]) == ["heat_pump_in_heat_network"]

    assert edits.save_heat_plan(ws.load(), {"neighbourhood": "Overhees",
                                            "available_year": 2032}) is None   # unchanged
    command = edits.save_heat_plan(ws.load(), {"neighbourhood": "Overhees", "heat_kg_gj": 22.5,
                                               "note": "TVW 2021"})
    assert command.values == {"heat_kg_gj": 22.5, "note": "TVW 2021"}
    undo_change = ws.apply(command)
    assert plan_rows(ws)[0]["heat_kg_gj"] == 22.5
    ws.apply(undo_change)
    assert plan_rows(ws)[0]["heat_kg_gj"] is None and plan_rows(ws)[0]["note"] is None
    ws.apply(undo_add)
    assert plan_rows(ws) == []


def test_a_new_heat_plan_without_a_solution_is_unknown(ws):
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "available_year": 2035}))
    assert plan_rows(ws)[0]["heat_solution"] == "nog onbekend"


def test_heat_plan_refusals_name_the_field_in_both_languages(ws):
    ds = ws.load()
    err = refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Nergens",
                                                    "heat_solution": "warmtenet"}), "neighbourhood")
    assert "Nergens" in err.message
    refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": " "}), "neighbourhood")
    err = refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Hart",
                                                    "heat_solution": "kolen"}), "heat_solution")
    assert "warmtenet" in err.message                        # names the allowed values
    refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Hart", "available_year": 1990}),
           "available_year")
    refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Hart", "available_year": 2030.5}),
           "available_year")
    refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Hart", "heat_kg_gj": -1.0}),
           "heat_kg_gj")
    refuse(lambda: edits.save_heat_plan(ds, {"neighbourhood": "Hart", "heat_kg_gj": "veel"}),
           "heat_kg_gj")
    assert plan_rows(ws) == []                               # nothing reached the store


def test_delete_heat_plan_and_undo(ws):
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "heat_solution": "hybride",
                                              "available_year": 2030, "note": "n"}))
    before = plan_rows(ws)
    assert edits.delete_heat_plan(ws.load(), "Overhees") is None   # has no plan
    command = edits.delete_heat_plan(ws.load(), "Hart", label="delete")
    assert isinstance(command, Delete)
    undo = ws.apply(command)
    assert plan_rows(ws) == []
    ws.apply(undo)
    assert plan_rows(ws) == before


def test_an_edit_against_an_older_version_is_refused(ws):
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "heat_solution": "hybride"}))
    version = int(ws.load().heat_plan["row_version"].iloc[0])
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "available_year": 2031}))
    stale = edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "note": "x"},
                                 expected_version=version)
    with pytest.raises(ConflictError):
        ws.apply(stale)


# ----- end states ---------------------------------------------------------------------
def state(ws, complex_id: str) -> dict:
    return end_states(ws.load()).set_index("complex").loc[complex_id].to_dict()


def test_save_end_state_overrides_one_field_and_undo_restores_the_default(ws):
    default = state(ws, "C2")
    assert default["target_label"] == DEFAULT_TARGET_LABEL and not default["overridden"]
    command = edits.save_end_state(ws.load(), {"complex": "C2", "target_label": "b"},
                                   label="override")
    assert isinstance(command, Upsert) and command.values == {"target_label": "B"}
    undo = ws.apply(command)
    after = state(ws, "C2")
    assert after["target_label"] == "B" and after["overridden"]
    # one label step fewer (C -> B instead of C -> A): a cheaper package
    assert after["cost_per_dwelling_cents"] < default["cost_per_dwelling_cents"]
    assert state(ws, "C1")["overridden"] is False                 # the other complex keeps it
    ws.apply(undo)
    assert len(ws.load().end_states) == 0 and state(ws, "C2") == default


def test_end_state_overrides_are_field_by_field_and_clearing_the_last_removes_the_row(ws):
    ws.apply(edits.save_end_state(ws.load(), {"complex": "C1", "heat_solution": "all-electric",
                                              "cost_per_dwelling_cents": 3_500_000}))
    s = state(ws, "C1")
    assert (s["heat_solution"], s["cost_per_dwelling_cents"]) == ("all-electric", 3_500_000)
    assert "all-electric warmtepomp" in s["measures"]             # the package follows
    command = edits.save_end_state(ws.load(), {"complex": "C1", "cost_per_dwelling_cents": None})
    assert isinstance(command, Upsert) and command.values == {"cost_per_dwelling_cents": None}
    ws.apply(command)
    assert state(ws, "C1")["heat_solution"] == "all-electric"     # still overridden
    command = edits.save_end_state(ws.load(), {"complex": "C1", "heat_solution": ""})
    assert isinstance(command, Delete)                            # nothing left to keep
    undo = ws.apply(command)
    assert len(ws.load().end_states) == 0
    ws.apply(undo)
    assert state(ws, "C1")["heat_solution"] == "all-electric"
    assert edits.save_end_state(ws.load(), {"complex": "C2", "measures": None}) is None


def test_reset_end_state_goes_back_to_every_default(ws):
    default = state(ws, "C1")
    ws.apply(edits.save_end_state(ws.load(), {"complex": "C1", "measures": "dakisolatie; hr++ glas",
                                              "gas_m3_after": 400.0, "note": "bod 2027"}))
    assert state(ws, "C1")["measures"] == "dakisolatie; hr++ glas"
    assert edits.reset_end_state(ws.load(), "C2") is None          # nothing to reset
    undo = ws.apply(edits.reset_end_state(ws.load(), "C1", label="reset"))
    assert state(ws, "C1") == default
    ws.apply(undo)
    assert state(ws, "C1")["gas_m3_after"] == 400.0


def test_end_state_refusals(ws):
    ds = ws.load()
    refuse(lambda: edits.save_end_state(ds, {"complex": "C9", "target_label": "A"}), "complex")
    refuse(lambda: edits.save_end_state(ds, {"complex": "", "target_label": "A"}), "complex")
    refuse(lambda: edits.save_end_state(ds, {"complex": "C1", "target_label": "Z"}), "target_label")
    refuse(lambda: edits.save_end_state(ds, {"complex": "C1", "heat_solution": "kolen"}),
           "heat_solution")
    err = refuse(lambda: edits.save_end_state(ds, {"complex": "C1",
                                                   "measures": "dakisolatie; zonnedak"}), "measures")
    assert "zonnedak" in err.message and "zonnedak" in err.message_nl
    refuse(lambda: edits.save_end_state(ds, {"complex": "C1", "cost_per_dwelling_cents": -5}),
           "cost_per_dwelling_cents")
    refuse(lambda: edits.save_end_state(ds, {"complex": "C1", "cost_per_dwelling_cents": 10.5}),
           "cost_per_dwelling_cents")
    refuse(lambda: edits.save_end_state(ds, {"complex": "C1", "gas_m3_after": -1.0}),
           "gas_m3_after")
    assert len(ws.load().end_states) == 0
    with pytest.raises(ValueError):                               # a programming error
        edits.save_end_state(ds, {"complex": "C1", "dwellings": 3})


def test_several_at_once_are_one_undo_step(ws):
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Hart", "heat_solution": "hybride"}))
    ws.apply(edits.save_heat_plan(ws.load(), {"neighbourhood": "Overhees",
                                              "heat_solution": "warmtenet"}))
    before = plan_rows(ws)
    undo = ws.apply(edits.delete_heat_plans(ws.load(), ["Hart", "Overhees", "Hart"], label="x"))
    assert plan_rows(ws) == []
    ws.apply(undo)
    assert plan_rows(ws) == before
    assert edits.delete_heat_plans(ws.load(), []) is None

    ws.apply(edits.save_end_state(ws.load(), {"complex": "C1", "target_label": "B"}))
    ws.apply(edits.save_end_state(ws.load(), {"complex": "C2", "note": "n"}))
    single = edits.reset_end_states(ws.load(), ["C1"])
    assert isinstance(single, Delete)
    undo = ws.apply(edits.reset_end_states(ws.load(), ["C1", "C2"], label="reset"))
    assert len(ws.load().end_states) == 0
    ws.apply(undo)
    assert sorted(ws.load().end_states["complex"]) == ["C1", "C2"]


def test_a_package_is_stored_by_the_catalogue_s_keys(ws):
    command = edits.save_end_state(ws.load(), {"complex": "C1",
                                               "measures": "Roof insulation ; HR++ glazing;hybride"})
    assert command.values == {"measures": "dakisolatie; hr++ glas; hybride warmtepomp"}
    ws.apply(command)
    assert state(ws, "C1")["measures"] == "dakisolatie; hr++ glas; hybride warmtepomp"
