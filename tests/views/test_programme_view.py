"""The Programme page on the sample Soest workspace, offscreen.

Sample numbers used below (desktop/sample.py): Portaal has 176 homes in 2021 and 542 in
2022–2024 planned; de Alliantie 26 in 2021 and 55 in 2022–2025.  Complex P-1202
(Overhees, Portaal) has 88 homes and project P-23-001 (2023, gereed); complex P-1701
(Klaarwater) 60 homes with P-28-001 (2028, gepland).
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.commands import GateError, SetStatus
from desktop.store.workspace import Workspace
from desktop.views import refresh
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from desktop.views.programme import ProgrammePage
from desktop.views.programme_models import DONE_ROLE, FLAG_ROLE, PLANNED_ROLE, MatrixModel

pytestmark = pytest.mark.gui


@pytest.fixture
def setup(qtbot, tmp_path):
    path = tmp_path / "soest.rpw"
    ws = create_sample_workspace(path)
    settings = Settings()
    settings.user_name = "Tester"
    controller = Controller(ws, settings)
    win = MainWindow(controller)      # a bare top-level page makes the offscreen plugin warn
    qtbot.addWidget(win)
    win.show()
    win.show_page("programme")
    refresh.settle(10)                  # built on a later turn, shown on the turn after
    page = win.page("programme")
    yield page, controller, path
    win.close()
    controller.workspace.close()


def _planned(page, corp, hood, year) -> int:
    m = page.matrix_model
    return m.data(m.index_of(corp, hood, year), PLANNED_ROLE)


def _targets(page) -> dict:
    m = page.target_model
    f = m.frame()
    return {(r.corporation, r.period): (int(r.target), int(r.planned), int(r.done), r.verdict_text)
            for r in f.itertuples()}


def _new_project(page, **fields):
    dialog = page.project_dialog(None)
    dialog.project_edit.setText(fields.get("project", "P-27-100"))
    dialog.complex_edit.setEditText(fields.get("complex", "P-1701"))
    dialog.year_edit.setText(str(fields.get("year", 2027)))
    dialog.gas_edit.setText(str(fields.get("gas", "500")))
    dialog.rent_edit.setText(fields.get("rent", "12,50"))
    dialog.investment_edit.setText(fields.get("investment", "30000"))
    dialog.measures_edit.setText(fields.get("measures", "dakisolatie; hr++ glas"))
    if "status" in fields:
        dialog.status_edit.setCurrentIndex(dialog.status_edit.findData(fields["status"]))
    return dialog


def test_matrix_and_targets_show_the_sample_programme(setup):
    page, _c, _p = setup
    assert _planned(page, "Portaal", "Overhees", 2023) == 88
    assert _planned(page, "Portaal", None, 2021) == 176        # 29 + 72 + 35 + 40
    m = page.matrix_model
    assert m.data(m.index_of("Portaal", None, 2024), DONE_ROLE) == 48
    assert m.data(m.index_of("Portaal", "Overhees", 2023)) == "88 / 88"     # planned / done
    page.set_mode("planned")
    assert m.data(m.index_of("Portaal", None, 2024)) == "184"
    page.set_mode("done")
    assert m.data(m.index_of("Portaal", None, 2024)) == "48"
    assert m.data(m.index_of("Portaal", "Klaarwater", 2025)) == ""   # nothing there
    t = _targets(page)
    assert t[("Portaal", "2021")] == (176, 176, 176, "meets the target")
    assert t[("Portaal", "2022–2024")] == (542, 542, 406, "meets the target")
    assert t[("de Alliantie", "2022–2025")] == (55, 55, 24, "meets the target")
    # the corporation rows collapse to hide their neighbourhoods
    corp = m.index_of("Portaal")
    assert m.rowCount(corp) == 7 and page.matrix_view.isExpanded(corp)
    page.matrix_view.collapse(corp)
    page.refresh()
    assert not page.matrix_view.isExpanded(m.index_of("Portaal"))


def test_click_a_cell_lists_its_projects(setup):
    page, _c, _p = setup
    m = page.matrix_model
    page.matrix_view.setCurrentIndex(m.index_of("Portaal", "Overhees", 2023))
    assert [page.project_model.key_at(r) for r in range(page.project_model.rowCount())] == ["P-23-001"]
    assert "Overhees (Portaal), 2023" in page.scope_label.text()
    page.matrix_view.setCurrentIndex(m.index_of("Portaal", None, 2021))
    keys = {page.project_model.key_at(r) for r in range(page.project_model.rowCount())}
    assert keys == {"P-21-001", "P-21-002", "P-21-003", "P-21-004"}
    page.clear_scope()
    assert page.project_model.rowCount() == 19


def test_create_move_undo_redo_and_reopen(setup, qtbot):
    page, controller, path = setup
    before = _targets(page)[("Portaal", "2022–2024")]
    dialog = _new_project(page)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _planned(page, "Portaal", "Klaarwater", 2027) == 60
    row = controller.dataset.projects.set_index("project").loc["P-27-100"]
    assert int(row["rent_increase_cents"]) == 1250 and int(row["investment_cents"]) == 3_000_000
    assert row["status"] == "gepland"

    # drop the project on 2023 in the matrix: the page moves it (one transaction)
    m = page.matrix_model
    mime = page.project_model.mimeData([page.project_model.index(page.project_model.row_of("P-27-100"), 0)])
    target = m.index_of("Portaal", "Klaarwater", 2023)
    assert m.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert m.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: _planned(page, "Portaal", "Klaarwater", 2023) == 60)
    assert _planned(page, "Portaal", "Klaarwater", 2027) == 0
    # 542 planned + 60 homes now inside 2022–2024: overshoots
    assert _targets(page)[("Portaal", "2022–2024")][1] == before[1] + 60
    assert _targets(page)[("Portaal", "2022–2024")][3].startswith("overshoots by 60 home")

    stack = controller.undo_stack
    assert stack.count() == 2
    stack.undo()
    assert _planned(page, "Portaal", "Klaarwater", 2027) == 60
    assert _planned(page, "Portaal", "Klaarwater", 2023) == 0
    stack.undo()
    assert "P-27-100" not in set(controller.dataset.projects["project"])
    stack.redo()
    stack.redo()
    assert _planned(page, "Portaal", "Klaarwater", 2023) == 60

    # reopen: state as last saved, empty undo stack
    controller.set_workspace(Workspace.open(path))
    assert controller.undo_stack.count() == 0
    row = controller.dataset.projects.set_index("project").loc["P-27-100"]
    assert int(row["year"]) == 2023
    assert _planned(page, "Portaal", "Klaarwater", 2023) == 60


def test_dragging_a_matrix_cell_moves_all_its_projects(setup, qtbot):
    page, controller, _p = setup
    m = page.matrix_model
    source = m.index_of("Portaal", None, 2021)        # four projects, 176 homes
    assert m.flags(source) & Qt.ItemFlag.ItemIsDragEnabled
    mime = m.mimeData([source])
    assert m.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, m.index_of("Portaal", None, 2025))
    qtbot.waitUntil(lambda: _planned(page, "Portaal", None, 2025) == 176)
    assert _planned(page, "Portaal", None, 2021) == 0
    assert _targets(page)[("Portaal", "2021")][3].startswith("falls short by 176 home")
    assert controller.undo_stack.count() == 1          # one step for four projects
    controller.undo_stack.undo()
    assert _planned(page, "Portaal", None, 2021) == 176


def test_invalid_edits_are_refused_next_to_the_field(setup):
    page, controller, _p = setup
    dialog = _new_project(page, year=1999, gas="-5", complex="X-9999", rent="abc")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "2000 and 2100" in dialog.fields["year"].error.text()
    assert not dialog.fields["year"].error.isHidden()
    assert "negative" in dialog.fields["gas_saving_m3"].error.text()
    assert "Unknown complex" in dialog.fields["complex"].error.text()
    assert "number" in dialog.fields["rent_increase_cents"].error.text()
    assert dialog.fields["measures"].error.isHidden()
    dialog2 = _new_project(page, project="P-23-001")        # id in use
    dialog2.accept()
    assert "exists already" in dialog2.fields["project"].error.text()
    assert controller.undo_stack.count() == 0
    assert len(controller.dataset.projects) == 19            # nothing saved

    # editing: year 2101 refused, the stored project untouched
    edit = page.project_dialog("P-23-001")
    assert edit.project_edit.isReadOnly() and edit.year_edit.text() == "2023"
    assert edit.rent_edit.text() in ("0.00", "0,00")
    edit.year_edit.setText("2101")
    edit.accept()
    assert edit.result() != edit.DialogCode.Accepted
    assert int(controller.dataset.projects.set_index("project").loc["P-23-001", "year"]) == 2023


def test_edit_form_changes_fields_in_one_undo_step(setup):
    page, controller, _p = setup
    edit = page.project_dialog("P-28-001")
    edit.year_edit.setText("2026")
    edit.investment_edit.setText("45000")
    edit.status_edit.setCurrentIndex(edit.status_edit.findData("draagvlakmeting"))
    edit.accept()
    assert edit.result() == edit.DialogCode.Accepted
    row = controller.dataset.projects.set_index("project").loc["P-28-001"]
    assert (int(row["year"]), int(row["investment_cents"]), row["status"]) == (2026, 4_500_000,
                                                                                "draagvlakmeting")
    assert controller.undo_stack.count() == 1
    assert list(controller.workspace.status_history("P-28-001")["new_status"]) == ["draagvlakmeting"]
    controller.undo_stack.undo()
    row = controller.dataset.projects.set_index("project").loc["P-28-001"]
    assert (int(row["year"]), int(row["investment_cents"]), row["status"]) == (2028, 4_100_000, "gepland")


def test_status_gate_asks_for_a_reason(setup, monkeypatch):
    page, controller, _p = setup
    # P-28-001 covers 60 homes without any votes: akkoord needs a reason
    with pytest.raises(GateError):
        controller.workspace.apply(SetStatus("P-28-001", "akkoord"))
    asked = []
    edit = page.project_dialog("P-28-001")
    monkeypatch.setattr(edit, "ask_reason", lambda msg: asked.append(msg) or None)
    edit.status_edit.setCurrentIndex(edit.status_edit.findData("akkoord"))
    edit.year_edit.setText("2027")
    edit.accept()
    assert edit.result() != edit.DialogCode.Accepted and "70 %" in asked[0]
    assert "reason" in edit.fields["status"].error.text()
    row = controller.dataset.projects.set_index("project").loc["P-28-001"]
    assert (row["status"], int(row["year"])) == ("gepland", 2028)    # nothing half-saved

    monkeypatch.setattr(edit, "ask_reason", lambda msg: "Court ruling 2026-03")
    edit.accept()
    assert edit.result() == edit.DialogCode.Accepted
    row = controller.dataset.projects.set_index("project").loc["P-28-001"]
    assert (row["status"], int(row["year"])) == ("akkoord", 2027)
    hist = controller.workspace.status_history("P-28-001")
    assert list(hist["reason"]) == ["Court ruling 2026-03"]
    assert list(hist["changed_by"]) == ["Tester"]


def test_capacity_and_budget_flag_the_year(setup):
    page, controller, _p = setup
    m = page.matrix_model
    # Portaal plans 198 homes in 2023 (P-1202 88 + Smitsveen 110)
    assert page.set_capacity("Portaal", 2023, 198, None)
    assert m.data(m.index_of("Portaal", None, 2023), FLAG_ROLE) == set()
    within = m.data(m.index_of("Portaal", None, 2023), Qt.ItemDataRole.BackgroundRole)
    assert page.set_capacity("Portaal", 2023, 197, None)
    assert m.data(m.index_of("Portaal", None, 2023), FLAG_ROLE) == {"capacity"}
    over = m.data(m.index_of("Portaal", None, 2023), Qt.ItemDataRole.BackgroundRole)
    assert over is not None and over != within          # the year's cell turns another colour
    assert "over by 1" in m.data(m.index_of("Portaal", None, 2023), Qt.ItemDataRole.ToolTipRole)
    # de Alliantie 2025: Soest-Zuid 31 homes × € 31,000 = € 961,000 investment
    assert page.set_capacity("de Alliantie", 2025, None, 96_100_000)
    assert m.data(m.index_of("de Alliantie", None, 2025), FLAG_ROLE) == set()
    assert page.set_capacity("de Alliantie", 2025, None, 96_099_999)
    assert m.data(m.index_of("de Alliantie", None, 2025), FLAG_ROLE) == {"budget"}
    dialog = page.capacity_dialog()
    dialog.corporation_edit.setCurrentText("Portaal")
    dialog.year_edit.setValue(2023)
    assert dialog.max_edit.text() == "197"
    dialog.max_edit.setText("-3")
    dialog.accept()
    assert "0 or more" in dialog.max_field.error.text()
    controller.undo_stack.undo()
    assert m.data(m.index_of("de Alliantie", None, 2025), FLAG_ROLE) == set()


def test_filters_and_sorting(setup):
    page, _c, _p = setup
    page.corporation_filter.setCurrentIndex(page.corporation_filter.findData("de Alliantie"))
    assert page.matrix_model.corporations() == ["de Alliantie"]
    assert page.project_model.rowCount() == 4
    page.status_filter.setCurrentIndex(page.status_filter.findData("gereed"))
    assert page.project_model.rowCount() == 2
    assert _planned(page, "de Alliantie", None, 2023) == 24
    assert _planned(page, "de Alliantie", None, 2025) == 0
    page.status_filter.setCurrentIndex(0)
    page.corporation_filter.setCurrentIndex(0)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2024))
    assert {page.project_model.key_at(r) for r in range(page.project_model.rowCount())} == {
        "P-24-001", "P-24-002", "P-24-003"}
    page.year_filter.setCurrentIndex(0)
    col = page.project_model.column_of("dwellings")
    page.project_model.sort(col, Qt.SortOrder.DescendingOrder)
    homes = [page.project_model.data(page.project_model.index(r, col), Qt.ItemDataRole.UserRole + 1)
             for r in range(page.project_model.rowCount())]
    assert homes == sorted(homes, reverse=True) and homes[0] == 120


def test_delete_and_undo(setup):
    page, controller, _p = setup
    assert page.delete_projects(["P-28-001"])
    # Klaarwater had only this project: its row leaves the matrix
    assert not page.matrix_model.index_of("Portaal", "Klaarwater", 2028).isValid()
    assert _planned(page, "Portaal", None, 2028) == 0
    controller.undo_stack.undo()
    assert _planned(page, "Portaal", "Klaarwater", 2028) == 60


def test_models_pass_the_model_tester(setup, qtmodeltester):
    page, _c, _p = setup
    qtmodeltester.check(page.matrix_model)
    qtmodeltester.check(page.project_model)
    qtmodeltester.check(page.target_model)
    page.set_mode("planned")
    qtmodeltester.check(page.matrix_model)
    empty = MatrixModel()
    qtmodeltester.check(empty)
    assert empty.rowCount(QModelIndex()) == 0


def test_page_in_the_window_with_undo_shortcuts(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings())
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.show()
    win.show_page("programme")
    refresh.settle(10)
    page = win.page("programme")
    assert isinstance(page, ProgrammePage)
    assert page.move_projects(["P-28-001"], 2027)
    assert win.act_undo.isEnabled()
    win.act_undo.trigger()
    assert _planned(page, "Portaal", "Klaarwater", 2028) == 60
    win.act_redo.trigger()
    assert _planned(page, "Portaal", "Klaarwater", 2027) == 60
    win.close()
    ws.close()


def test_measures_catalogue_proposes_the_savings_in_the_form(setup):
    page, controller, _path = setup
    dialog = _new_project(page, measures="dakisolatie")
    picker_dialog, picker = dialog.measures_picker_dialog()
    assert picker.checked_keys() == ["dakisolatie"]
    picker.set_checked("hr++ glas")
    gas, kwh, cents = picker.propose()          # the user presses 'Propose savings'
    assert dialog.gas_edit.text().replace(".", "").replace(",", "") == str(int(gas))
    assert cents > 0 and dialog.investment_edit.text()
    picker_dialog.accept()
    assert dialog.measures_edit.text() == "dakisolatie; hr++ glas"
    dialog.accept()
    saved = controller.dataset.projects.set_index("project").loc["P-27-100"]
    assert saved["measures"] == "dakisolatie; hr++ glas"
    assert saved["gas_saving_m3"] == gas
    assert saved["investment_cents"] == cents


def test_the_move_message_goes_with_its_undo(setup):
    """Issue 19.9: after Ctrl+Z the page no longer says the projects were moved."""
    page, controller, _p = setup
    assert page.move_projects(["P-24-001", "P-24-002"], 2029)
    assert "2029" in page.notice.text()
    controller.undo_stack.undo()
    assert page.notice.text() == ""
    assert page.move_projects(["P-28-001"], 2027)
    assert "2027" in page.notice.text()
    controller.undo_stack.undo()
    controller.undo_stack.redo()                 # back where it was said, but it was undone
    assert page.notice.text() == ""


def test_every_figure_follows_the_filters_and_says_so(setup):
    """Issue 19.10: the year and corporation filters narrow the targets and the matrix
    too, not only the project list, and the page says a filter is on."""
    page, _c, _p = setup
    all_periods = set(_targets(page))
    assert {corp for corp, _period in all_periods} == {"Portaal", "de Alliantie"}
    page.corporation_filter.setCurrentIndex(page.corporation_filter.findData("Portaal"))
    assert {corp for corp, _period in _targets(page)} == {"Portaal"}
    page.year_filter.setCurrentIndex(page.year_filter.findData(2024))
    # the targets: Portaal's periods holding 2024; the matrix: the year 2024 only
    periods = _targets(page)
    assert periods and all(corp == "Portaal" for corp, _ in periods)
    assert all(int(p.split("–")[0]) <= 2024 <= int(p.split("–")[-1]) for _, p in periods)
    m = page.matrix_model
    assert m.corporations() == ["Portaal"]
    assert [m.year_of_column(c) for c in range(1, m.columnCount())] == [2024, None]  # + total
    listed = {page.project_model.key_at(r) for r in range(page.project_model.rowCount())}
    assert listed and all(k.startswith("P-24") for k in listed)
    assert page.filter_note.isVisible() and page.clear_filters_button.isVisible()
    assert "Portaal" in page.filter_note.text() and "2024" in page.filter_note.text()
    page.clear_filters()
    assert set(_targets(page)) == all_periods
    assert not page.filter_note.isVisible()
    assert m.year_of_column(1) != 2024 or m.columnCount() > 3
