"""The Stock page in a real window (offscreen) on real SQLite workspaces: from File → New
to a complete programme without a workbook, undo and redo of its edits, the refusals,
the search and filters, and a privacy export without the tenants' names."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop import edits
from desktop.exchange.check import check_workbook
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.exchange.writer import write_workbook
from desktop.models.dataset import Dataset
from desktop.store.workspace import Workspace
from desktop.views import refresh
from desktop.views.stock import StockPage

TODAY = dt.date.today()
COMPLEX = {"complex": "C-1", "corporation": "Portaal", "neighbourhood": "Overhees",
           "name": "Dalweg", "build_year": 1965, "heating": "gasketel", "label": "D",
           "gas_m3": 1200.0, "electricity_kwh": 2500.0, "rent_cents": 65000}
DWELLINGS = [{"dwelling": f"C-1-{i:02d}", "complex": "C-1", "address": f"Dalweg {i}",
              "let": i != 12, "tenant_name": None if i == 12 else f"Huurder {i}",
              "rent_cents": 60000 + 100 * i} for i in range(1, 13)]
TARGET = {"corporation": "Portaal", "from_year": 2026, "to_year": 2028, "dwellings": 12}
PROJECT = {"project": "P-1", "complex": "C-1", "year": 2027, "measures": "dakisolatie",
           "label_after": "B", "gas_saving_m3": 300.0, "electricity_saving_kwh": 0.0,
           "rent_increase_cents": 1500, "investment_cents": 2_500_000, "status": "gepland"}
YES = [f"C-1-{i:02d}" for i in range(1, 9)]          # 8 of 11 tenants: 72.7 %
NO = ["C-1-09"]


def _type(editor, value) -> None:
    """Put a value in a form editor as a user would type or choose it."""
    from PySide6.QtWidgets import QCheckBox, QComboBox

    w = editor.widget
    if isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QComboBox) and not w.isEditable():
        w.setCurrentIndex(w.findData(value))
    elif isinstance(w, QComboBox):
        w.setCurrentText(str(value))
    elif editor.kind == "money":
        w.setText(f"{value / 100:.2f}")
    else:
        w.setText("" if value is None else str(value))


def fill(dialog, values: dict) -> None:
    for name, value in values.items():
        if name in dialog.editors and dialog.editors[name].widget.isEnabled():
            _type(dialog.editors[name], value)


def stock_page(window) -> StockPage:
    window.show_page("stock")
    refresh.settle(10)
    return window.page("stock")


def shown_complexes(page) -> list[str]:
    m = page.complex_model
    return [m.key_at(r) for r in range(m.rowCount())]


def settled(page) -> StockPage:
    refresh.settle(10)
    return page


@pytest.fixture
def new_window(sample_window, tmp_path, monkeypatch, qtbot):
    """The window after File → New workspace (an empty one)."""
    path = tmp_path / "new.rpw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    sample_window.new_workspace()
    qtbot.waitUntil(lambda: sample_window.controller.workspace.path == path, timeout=10_000)
    refresh.settle(10)
    assert len(sample_window.controller.dataset.complexes) == 0
    return sample_window


def build_programme(window) -> None:
    """Everything through the window's forms: a complex, its dwellings, a target, a
    project and the tenants' votes."""
    page = stock_page(window)
    assert shown_complexes(page) == []
    dialog = page.complex_dialog()
    fill(dialog, {**COMPLEX, "dwellings": 12})
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    settled(page)
    assert shown_complexes(page) == ["C-1"] and page.current_complex() == "C-1"
    for row in DWELLINGS:
        dialog = page.dwelling_dialog()
        fill(dialog, row)
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    settled(page)
    assert page.dwelling_model.rowCount() == 12
    frame = page.complex_model.frame()
    assert frame.loc[0, ["homes", "let_homes", "vacant"]].tolist() == [12, 11, 1]

    programme = window.page("programme")
    targets = programme.targets_dialog()
    fill(targets, TARGET)
    assert targets.save(new=True)
    targets.close()
    project = programme.project_dialog()
    project.project_edit.setText(PROJECT["project"])
    project.complex_edit.setEditText(PROJECT["complex"])
    project.year_edit.setText(str(PROJECT["year"]))
    project.measures_edit.setText(PROJECT["measures"])
    project.label_edit.setEditText(PROJECT["label_after"])
    project.gas_edit.setText("300")
    project.rent_edit.setText("15")
    project.investment_edit.setText("25000")
    project.accept()
    assert project.result() == QDialog.DialogCode.Accepted, project.banner.text()

    window.show_page("support")
    refresh.settle(10)
    support = window.page("support")
    support.select_project("P-1")
    refresh.settle(10)
    for dwelling in YES:
        assert support.record_vote(dwelling, "ja")
    for dwelling in NO:
        assert support.record_vote(dwelling, "nee")


def equivalent_workbook(path) -> None:
    """The same programme typed into a workbook."""
    votes = [{"project": "P-1", "dwelling": d, "vote": v, "date": TODAY, "recorded_by": "Anna"}
             for v, ds in (("ja", YES), ("nee", NO)) for d in ds]
    ds = Dataset.from_records(complexes=[{**COMPLEX, "dwellings": 12}], dwellings=DWELLINGS,
                              targets=[TARGET], projects=[PROJECT], votes=votes)
    write_workbook(ds, path)


def test_from_file_new_to_a_programme_reaches_the_checks_of_the_equivalent_workbook(
        new_window, tmp_path):
    build_programme(new_window)
    ws = new_window.controller.workspace
    made = export_workspace(ws, tmp_path / "made.xlsx")

    typed = tmp_path / "typed.xlsx"
    equivalent_workbook(typed)
    with Workspace.open(tmp_path / "imported.rpw") as other:
        assert import_workbook(typed, other).ok
        imported = export_workspace(other, tmp_path / "imported.xlsx")

    made_report, imported_report = check_workbook(made), check_workbook(imported)
    assert made_report.errors == [] and made_report.complete
    assert made_report.to_dict() == imported_report.to_dict()
    support = made_report.to_dict()["support"]
    assert [(r["project"], r["tenants"], r["yes"]) for r in support] == [("P-1", 11, 8)]
    # the Overview and the Programme page follow the target at once
    overview = new_window.page("overview")
    new_window.show_page("overview")
    refresh.settle(10)
    assert overview.target_model.rowCount() == 1
    assert "Stock" in overview.stock_note.text()


def test_a_complex_edit_and_a_bulk_edit_undo_and_redo(sample_window, qtbot):
    page = stock_page(sample_window)
    undo = sample_window.controller.undo_stack
    ds = sample_window.controller.dataset
    complex_id = "A-2101"
    assert page.select_complex(complex_id)
    old_name = edits.record(ds, "complexes", {"complex": complex_id})["name"]
    dialog = page.complex_dialog(complex_id)
    assert not dialog.editors["complex"].widget.isEnabled()      # the id does not change
    assert not dialog.editors["dwellings"].widget.isEnabled()    # counted from its rows
    fill(dialog, {"name": "Van Lennepweg (renovated)", "build_year": 1964})
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settled(page)
    name = lambda: edits.record(sample_window.controller.dataset, "complexes",  # noqa: E731
                                {"complex": complex_id})["name"]
    assert name() == "Van Lennepweg (renovated)"
    undo.undo()
    settled(page)
    assert name() == old_name
    undo.redo()
    assert name() == "Van Lennepweg (renovated)"

    # a bulk edit: a new label on three dwellings, one undo step
    assert page.select_complex(complex_id)
    ids = [page.dwelling_model.key_at(r) for r in range(3)]
    page.select_dwellings(ids)
    assert page.selected_dwellings() == ids
    before = undo.count()
    bulk = page.bulk_dialog(ids)
    bulk.set_field("label")
    _type(bulk.editor, "A")
    bulk.accept()
    assert bulk.result() == QDialog.DialogCode.Accepted
    assert undo.count() == before + 1
    labels = lambda: edits.record  # noqa: E731
    d = sample_window.controller.dataset.dwellings.set_index("dwelling")
    assert d.loc[ids, "label"].tolist() == ["A", "A", "A"]
    settled(page)
    assert [page.dwelling_model.frame().set_index("dwelling").at[i, "label"] for i in ids] == ["A"] * 3
    undo.undo()
    d = sample_window.controller.dataset.dwellings.set_index("dwelling")
    assert d.loc[ids, "label"].tolist() == ["E", "E", "E"]
    undo.redo()
    d = sample_window.controller.dataset.dwellings.set_index("dwelling")
    assert d.loc[ids, "label"].tolist() == ["A", "A", "A"]
    del labels


def test_an_invalid_value_is_refused_next_to_its_field(sample_window):
    page = stock_page(sample_window)
    dialog = page.complex_dialog()
    fill(dialog, {**COMPLEX, "complex": "A-2101", "build_year": 1500, "dwellings": "twelve"})
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    errors = {n: f.error.text() for n, f in dialog.fields.items() if f.error.text()}
    assert errors == {"dwellings": "'twelve' is not a number."}
    fill(dialog, {"dwellings": 12})
    dialog.accept()                          # now the id taken and the year out of range
    errors = {n: f.error.text() for n, f in dialog.fields.items() if f.error.text()}
    assert errors == {"complex": "A complex with this id exists already.",
                      "build_year": "1500 is out of range: must be between 1800 and 2100."}
    fill(dialog, {"complex": "C-9"})
    dialog.accept()
    errors = {n: f.error.text() for n, f in dialog.fields.items() if f.error.text()}
    assert errors == {"build_year": "1500 is out of range: must be between 1800 and 2100."}
    assert "C-9" not in set(sample_window.controller.dataset.complexes["complex"])


def test_delete_is_refused_while_projects_refer_to_the_complex(sample_window):
    page = stock_page(sample_window)
    ds = sample_window.controller.dataset
    used = str(ds.projects["complex"].iloc[0])
    projects = sorted(ds.projects.loc[ds.projects["complex"] == used, "project"].astype(str))
    assert page.select_complex(used)
    assert not page.delete_complex(used)
    assert used in set(sample_window.controller.dataset.complexes["complex"])
    assert projects[0] in page.notice.text() and "cannot be deleted" in page.notice.text()

    free = sorted(set(ds.complexes["complex"]) - set(ds.projects["complex"]))[0]
    homes = int((ds.dwellings["complex"] == free).sum())
    assert page.delete_complex(free)
    after = sample_window.controller.dataset
    assert free not in set(after.complexes["complex"])
    assert not (after.dwellings["complex"] == free).any()
    sample_window.controller.undo_stack.undo()
    back = sample_window.controller.dataset
    assert free in set(back.complexes["complex"])
    assert int((back.dwellings["complex"] == free).sum()) == homes


def test_search_finds_a_complex_by_id_name_or_dwelling_address_and_filters_narrow(sample_window,
                                                                                 qtbot):
    page = stock_page(sample_window)
    total = page.complex_model.rowCount()
    ds = sample_window.controller.dataset
    row = ds.dwellings.dropna(subset=["address"]).iloc[40]
    page.search.setText(str(row["address"]).upper())
    qtbot.waitUntil(lambda: page.complex_model.rowCount() < total)
    assert shown_complexes(page) == [row["complex"]]
    assert page.current_complex() == row["complex"]
    assert page.dwelling_model.row_of(row["dwelling"]) is not None
    page.search.setText("a-210")
    qtbot.waitUntil(lambda: shown_complexes(page) == ["A-2101"])
    page.search.setText("")
    qtbot.waitUntil(lambda: page.complex_model.rowCount() == total)

    label = page.label_filter
    label.setCurrentIndex(label.findData("F"))
    frame = page.complex_model.frame()
    assert 0 < len(frame) < total and set(frame["shown_label"]) == {"F"}
    corp = page.corporation_filter
    corp.setCurrentIndex(corp.findData("de Alliantie"))
    frame = page.complex_model.frame()
    assert set(frame["corporation"]) == {"de Alliantie"} and set(frame["shown_label"]) == {"F"}
    heating = page.heating_filter
    heating.setCurrentIndex(heating.findData("warmtepomp"))
    assert page.complex_model.rowCount() == int(
        ((ds.complexes["corporation"] == "de Alliantie") & (ds.complexes["heating"] == "warmtepomp")
         & (page._data.complexes.set_index("complex")["shown_label"]
            .reindex(ds.complexes["complex"]).to_numpy() == "F")).sum())


def test_removing_a_dwelling_with_votes_is_refused(sample_window):
    page = stock_page(sample_window)
    ds = sample_window.controller.dataset
    voted = str(ds.votes["dwelling"].iloc[0])
    complex_id = str(ds.dwellings.set_index("dwelling").at[voted, "complex"])
    assert page.select_complex(complex_id)
    assert not page.remove_dwellings([voted])
    assert "votes" in page.notice.text()
    assert voted in set(sample_window.controller.dataset.dwellings["dwelling"])


def test_the_privacy_export_leaves_tenant_names_out(new_window, tmp_path):
    page = stock_page(new_window)
    dialog = page.complex_dialog()
    fill(dialog, {**COMPLEX, "dwellings": 12})
    dialog.accept()
    settled(page)
    for row in DWELLINGS[:3]:
        dialog = page.dwelling_dialog()
        fill(dialog, row)
        dialog.accept()
    ws = new_window.controller.workspace
    assert set(ws.load().dwellings["tenant_name"].dropna()) == {"Huurder 1", "Huurder 2", "Huurder 3"}
    full = export_workspace(ws, tmp_path / "full.xlsx")
    private = export_workspace(ws, tmp_path / "private.xlsx", personal_data=False)

    def cells(path):
        wb = openpyxl.load_workbook(path, read_only=True)
        out = {v for sheet in wb.worksheets for row in sheet.iter_rows(values_only=True)
               for v in row}
        wb.close()
        return out
    assert {"Huurder", "Huurder 1"} <= cells(full)
    assert not {"Huurder", "Huurder 1", "Huurder 2", "Huurder 3", "Dalweg 1"} & cells(private)


def test_models_pass_the_model_tester(sample_window, qtmodeltester):
    page = stock_page(sample_window)
    qtmodeltester.check(page.complex_model)
    qtmodeltester.check(page.dwelling_model)


def test_pages_link_to_the_editors_of_their_figures(sample_window):
    co2 = sample_window.page("co2")
    co2.settings_button.click()
    assert sample_window.current_page_key() == "settings"
    sample_window.page("affordability").settings_button.click()
    assert sample_window.current_page_key() == "settings"
    co2.stock_button.click()
    assert sample_window.current_page_key() == "stock"
    overview = sample_window.page("overview")
    overview.stock_note.linkActivated.emit("stock")
    assert sample_window.current_page_key() == "stock"
    assert sample_window.page("programme").targets_button.isVisibleTo(sample_window.page("programme"))


def test_an_edit_of_a_complex_changed_since_the_form_opened_is_refused(sample_window):
    """The row-version check: the form read version n; someone else saved n+1."""
    page = stock_page(sample_window)
    dialog = page.complex_dialog("A-2101")
    ws = sample_window.controller.workspace
    ws.apply(edits.save_complex(ws.load(), {"complex": "A-2101", "build_year": 1962}, new=False,
                                label="elsewhere"))
    sample_window.controller.reload({"complexes"})
    fill(dialog, {"name": "Mine"})
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "changed by someone else" in dialog.banner.text()
    record = edits.record(ws.load(), "complexes", {"complex": "A-2101"})
    assert (record["name"], record["build_year"]) == ("Van Lennepweg", 1962)


def test_the_energy_performance_fields_are_edited_on_the_stock_page(sample_window):
    # issue 24: dwelling type, EP2, Ag, Als and heat demand on the complex and dwelling forms
    page = stock_page(sample_window)
    complex_id = "A-2101"
    assert page.select_complex(complex_id)
    dialog = page.complex_dialog(complex_id)
    performance = ("dwelling_type", "ep2_kwh_m2", "floor_area_m2", "loss_area_m2", "heat_demand_kwh_m2")
    assert all(dialog.editors[n].widget.isEnabled() for n in performance)
    fill(dialog, {"dwelling_type": "meergezins", "ep2_kwh_m2": "105", "floor_area_m2": "70",
                  "loss_area_m2": "63", "heat_demand_kwh_m2": "44"})
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settled(page)
    c = edits.record(sample_window.controller.dataset, "complexes", {"complex": complex_id})
    assert (c["dwelling_type"], c["ep2_kwh_m2"], c["floor_area_m2"], c["loss_area_m2"],
            c["heat_demand_kwh_m2"]) == ("meergezins", 105.0, 70.0, 63.0, 44.0)
    dwelling = page.dwelling_model.key_at(0)
    d = page.dwelling_dialog(dwelling)
    assert all(n in d.editors for n in performance)
    fill(d, {"ep2_kwh_m2": "105"})
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    settled(page)
    # the dwelling's own EP2 105 is label A+ (on the limit); the others keep their own
    # label E, which goes before the complex's EP2
    from desktop.models.yardsticks import dwelling_performance
    perf = dwelling_performance(sample_window.controller.dataset).set_index("dwelling")
    assert perf.at[dwelling, "label"] == "A+"
    others = perf[(perf["complex"] == complex_id) & (perf.index != dwelling)]
    assert set(others["label"]) == {"E"}
