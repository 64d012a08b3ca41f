"""Propose route…: the dialog on a real workspace runs the MIP on a worker, shows what
binds, per year and per complex; capacity edits are undoable edits; the save button
hands the proposal to the plan-version hook."""
from __future__ import annotations

import pytest

from desktop.models import fields
from desktop.models.dataset import Dataset
from desktop.settings import Settings
from desktop.store.workspace import Workspace
from desktop.views.controller import Controller
from desktop.views.route import RouteDialog

pytestmark = pytest.mark.gui

FACTORS = [{"year": 2020, "gas_kg_m3": 2.0, "electricity_kg_kwh": 0.0, "heat_kg_gj": 0.0}]


@pytest.fixture
def controller(tmp_path):
    """Ten complexes of 10 homes (20 t each), capacity 10 homes a year in 2025-2027, none
    in 2028-2030: 2030 needs 49 homes, the capacity allows 30."""
    cx = [{"complex": f"C{i}", "corporation": "Portaal", "neighbourhood": "Midden",
           "dwellings": 10, "label": "C", "gas_m3": 1000.0, "electricity_kwh": 0.0}
          for i in range(10)]
    ends = [{"complex": c["complex"], "measures": "dakisolatie", "cost_per_dwelling_cents": 500_000,
             "gas_m3_after": 0.0, "electricity_kwh_after": 0.0, "heat_gj_after": 0.0} for c in cx]
    caps = [{"corporation": "Portaal", "year": y, "max_dwellings": 10 if y <= 2027 else 0}
            for y in range(2025, 2031)]
    ws = Workspace.open(tmp_path / "small.rpw")
    ws.replace_all(Dataset.from_records(complexes=cx, end_states=ends, capacities=caps,
                                        emission_factors=FACTORS))
    c = Controller(ws, Settings(user_name="Anna"))
    yield c
    ws.close()


def _dialog(qtbot, controller) -> RouteDialog:
    d = RouteDialog(controller)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_dialog_shows_capacity_and_budget(qtbot, controller):
    d = _dialog(qtbot, controller)
    assert d.caps.rowCount() == 26              # one corporation x 2025-2050
    row = {d.caps.item(r, 1).text(): (d.caps.item(r, 2).text(), d.caps.item(r, 3).text())
           for r in range(d.caps.rowCount())}
    assert row["2025"] == ("10", "") and row["2028"] == ("0", "") and row["2031"] == ("", "")
    assert [d.objective.itemData(i) for i in range(2)] == ["cost", "co2"]
    assert not d.save_button.isEnabled()


def test_a_capacity_edit_is_an_undoable_edit(qtbot, controller):
    d = _dialog(qtbot, controller)
    r = next(r for r in range(d.caps.rowCount()) if d.caps.item(r, 1).text() == "2031")
    d.caps.item(r, 2).setText("25")
    d.caps.item(r, 3).setText("300000")
    caps = controller.dataset.capacities.set_index("year")
    assert caps.loc[2031, "max_dwellings"] == 25 and caps.loc[2031, "budget_cents"] == 30_000_000
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert 2031 not in set(controller.dataset.capacities["year"])
    assert d.caps.item(r, 2).text() == ""       # the table follows the workspace


def test_propose_runs_on_a_worker_and_shows_what_binds(qtbot, controller):
    d = _dialog(qtbot, controller)
    task = d.start()
    assert task is not None and not d.run_button.isEnabled()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert d.run_button.isEnabled()
    assert d.status.text().startswith("HiGHS: optimal, gap 0.00 %")
    text = d.verdict.text()
    assert "Path 2030: not met, 38 t above" in text and "Path 2050: met" in text
    assert "2030 needs 19 more homes than the capacity of 2025–2030 allows" in text
    years = {d.years.item(r, 0).text(): d.years.item(r, 2).text() for r in range(d.years.rowCount())}
    assert len(years) == 26 and years["2025"] == years["2026"] == years["2027"] == "10"
    assert years["2028"] == years["2029"] == years["2030"] == "0"
    assert d.complexes.rowCount() == 10
    assert d.save_button.isEnabled()
    frame = d.proposal_frame()
    assert list(frame.columns) == [f.name for f in fields.table("projects").fields]
    assert len(frame) == int(d.result.complexes["year"].notna().sum())
    assert set(frame["project"].str[:2]) == {"V-"} and set(frame["status"]) == {"gepland"}
    assert d.meta() == {"objective": "cost", "solver_status": d.result.solver_status,
                        "gap": d.result.gap}
    qtbot.wait(50)                              # let the layout take the verdict's lines
    d.grab().save(str(controller.workspace.path.parent / "route.png"))


def test_the_proposal_is_saved_as_a_plan_version_and_undone(qtbot, controller):
    from desktop.models import versions

    d = _dialog(qtbot, controller)
    with qtbot.waitSignal(d.start().done, timeout=60_000):
        pass
    assert d.save("Voorstel") is True
    ds = controller.dataset
    row = ds.plan_versions.set_index("version").loc["Voorstel"]
    assert row["kind"] == "proposal" and row["objective"] == "cost"
    assert row["solver_status"] == d.result.solver_status
    saved = ds.plan_version_projects[ds.plan_version_projects["version"] == "Voorstel"]
    chosen = d.result.complexes.dropna(subset=["year"])
    assert sorted(saved["complex"]) == sorted(chosen["complex"])
    assert dict(zip(saved["complex"], saved["year"])) == {
        c: int(y) for c, y in zip(chosen["complex"], chosen["year"])}
    assert versions.newest(ds) == "Voorstel"          # what the CO2 page shows by default
    # a second save under the same name is refused and shown, nothing changes
    assert d.save("Voorstel") is False
    assert "Voorstel" in d._last_box.text()
    d._last_box.close()
    controller.undo_stack.undo()
    assert "Voorstel" not in set(controller.dataset.plan_versions["version"])


def test_the_co2_page_opens_the_dialog(hosted_page):
    from desktop.views.co2 import Co2Page

    page, _controller = hosted_page(Co2Page)
    assert page.route_button.text() == "Propose route…"
    dialog = page.propose_route()
    assert isinstance(dialog, RouteDialog) and dialog.isVisible()
    dialog.close()


def test_cancel_stops_the_run(qtbot, controller):
    d = _dialog(qtbot, controller)
    task = d.start()
    task.cancel()                               # before the worker's first progress report
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert d.status.text() == "Cancelled." and d.result is None
    assert d.run_button.isEnabled() and not d.save_button.isEnabled()
