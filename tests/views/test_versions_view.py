"""Plan versions in the window, on the sample Soest workspace offscreen: save the active
plan as a version from the Programme page, see it beside the active plan in the matrix,
compare, adopt a step (one undo step), and the CO2 page's version line."""
from __future__ import annotations

import pytest

from desktop import edits
from desktop.models import versions as rules
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views import refresh
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from desktop.views.programme_models import DONE_ROLE, PLANNED_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def win(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Tester"))
    w = MainWindow(controller)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()
    controller.workspace.close()


def _page(win, key):
    win.show_page(key)
    refresh.settle(10)
    return win.page(key)


def _later_project(ds) -> tuple[str, str, int]:
    """A planned project of the sample (id, complex, year)."""
    p = ds.projects[ds.projects["status"] == "gepland"].sort_values("project").iloc[0]
    return str(p["project"]), str(p["complex"]), int(p["year"])


def test_save_a_version_compare_adopt_and_undo(win, qtbot):
    page = _page(win, "programme")
    c = win.controller
    assert not page.versions.compare_action.isEnabled()
    assert page.versions.save("Bod 2027", "bid", "eerste bod")
    ds = c.dataset
    assert rules.version_names(ds) == ["Bod 2027"]
    assert rules.version_header(ds, "Bod 2027")["created_by"] == "Tester"
    assert page.versions.compare_action.isEnabled()
    assert page.versions.beside.currentData() == "Bod 2027"

    # a version where one planned project comes two years later
    pid, cid, year = _later_project(ds)
    frame = ds.projects.copy()
    frame.loc[frame["project"] == pid, "year"] = year + 2
    assert c.run(lambda _r: edits.save_version(c.dataset, "Voorstel", frame, kind="proposal"),
                 say=lambda *_a: None)
    refresh.settle(10)
    assert page.versions.beside.currentData() == "Voorstel"      # the newest proposal
    # the matrix: active / version side by side
    page.set_mode("version")
    refresh.settle(10)
    m = page.matrix_model
    homes = int(ds.dwelling_counts()[cid])
    corp = ds.complexes.set_index("complex").at[cid, "corporation"]
    assert m.data(m.index_of(corp, None, year), PLANNED_ROLE) - \
        m.data(m.index_of(corp, None, year), DONE_ROLE) == homes
    assert m.data(m.index_of(corp, None, year + 2), DONE_ROLE) - \
        m.data(m.index_of(corp, None, year + 2), PLANNED_ROLE) == homes
    assert "Voorstel" in page.legend.text()

    dialog = page.versions.compare("Voorstel")
    qtbot.addWidget(dialog)
    diff = dialog.diff_model.frame()
    assert diff["project"].tolist() == [pid]
    assert (int(diff["year_a"].iloc[0]), int(diff["year_b"].iloc[0])) == (year, year + 2)
    dialog.diff_view.selectRow(0)
    assert dialog.adopt_button.isEnabled()
    before = c.undo_stack.count()
    assert dialog.adopt_selected()
    assert c.undo_stack.count() == before + 1
    p = c.dataset.projects.set_index("project")
    assert int(p.at[pid, "year"]) == year + 2
    assert dialog.diff_model.frame().empty            # the plans agree now
    c.undo_stack.undo()
    assert int(c.dataset.projects.set_index("project").at[pid, "year"]) == year
    assert dialog.diff_model.frame()["project"].tolist() == [pid]
    dialog.close()


def test_restore_rename_and_delete_from_the_menu(win):
    page = _page(win, "programme")
    c = win.controller
    pid, _cid, year = _later_project(c.dataset)
    assert page.versions.save("Nu")
    assert c.run(lambda _r: edits.save_version(c.dataset, "Later", c.dataset.projects.assign(
                     year=c.dataset.projects["year"].where(c.dataset.projects["project"] != pid,
                                                           year + 3))),
                 say=lambda *_a: None)
    assert page.versions.restore("Later")
    assert int(c.dataset.projects.set_index("project").at[pid, "year"]) == year + 3
    c.undo_stack.undo()
    assert int(c.dataset.projects.set_index("project").at[pid, "year"]) == year
    assert page.versions.rename("Later", "Later 2")
    assert set(rules.version_names(c.dataset)) == {"Nu", "Later 2"}
    assert page.versions.delete("Nu")
    assert rules.version_names(c.dataset) == ["Later 2"]
    c.undo_stack.undo()
    assert set(rules.version_names(c.dataset)) == {"Nu", "Later 2"}
    assert not page.versions.rename("Later 2", "Nu")       # taken: refused, said on the page
    assert "exists already" in page.notice.text()


def test_the_co2_page_draws_the_newest_proposal_beside_the_plan(win, qtbot):
    c = win.controller
    page = _page(win, "co2")
    qtbot.waitUntil(page.charts_filled, timeout=20000)
    assert page.drawing.version_curve is None           # no version: the chart as before
    ds = c.dataset
    later = ds.projects.assign(year=ds.projects["year"].where(
        ds.projects["status"].isin(rules.FIXED_STATUSES), 2040))
    assert c.run(lambda _r: edits.save_version(c.dataset, "Later", later, kind="proposal"),
                 say=lambda *_a: None)
    refresh.settle(10)
    qtbot.waitUntil(lambda: page.drawing.version_curve is not None, timeout=20000)
    assert page.versions.chosen() == "Later"
    x, y = page.drawing.version_curve.getData()
    px, py = page.plan_curve.getData()
    assert list(x) == list(px)
    i2035 = list(x).index(2035.0)
    assert y[i2035] > py[i2035]         # the version retrofits later: more CO2 in 2035
    assert y[-1] == pytest.approx(py[-1], rel=1e-9)     # and the same by 2050
    page.versions.choose(None)
    assert page.drawing.version_curve is None


@pytest.fixture
def dutch(qapp):
    from PySide6.QtCore import QLocale

    from desktop.app import install_translators, remove_translators

    before = QLocale()
    install_translators(qapp, Settings(language="nl"))
    yield
    remove_translators(qapp)
    QLocale.setDefault(before)


def test_versions_speak_dutch(dutch, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    ws = create_sample_workspace(tmp_path / "nl.rpw")
    w = MainWindow(Controller(ws, Settings(user_name="Tester")))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    try:
        page = _page(w, "programme")
        assert page.versions.button.text() == "Versies"
        assert [a.text() for a in page.versions.menu.actions() if a.text()] == [
            "Opslaan als versie…", "Vergelijken met…", "Versie terugzetten…",
            "Versie hernoemen…", "Versie verwijderen…"]
        assert page.versions.save("Bod", "bid")
        assert page.versions.beside.currentText() == "Bod (bod)"
        page.set_mode("version")
        assert "woningen in het actieve plan" in page.legend.text()
        dialog = page.versions.compare("Bod")
        qtbot.addWidget(dialog)
        texts = [x.text() for x in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
        tabs = dialog.findChild(QTabWidget)
        texts += [tabs.tabText(i) for i in range(tabs.count())]
        model = dialog.diff_model
        texts += [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        assert "Deze stap overnemen" in texts and "Complexen die verschillen" in texts
        assert dialog.a_combo.currentText() == "Actief plan"
        english = {"Adopt this step", "Complexes that differ", "Year A", "Close",
                   "Per year", "Targets", "Active plan", "Package A", "Difference"}
        assert not english & set(texts)
        assert "investering" in dialog.summary.text() and "0 complexen verschillen." in dialog.summary.text()
        dialog.close()
    finally:
        w.close()
        ws.close()
