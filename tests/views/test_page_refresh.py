"""Pages of a large workspace compute on a worker thread and fill when the figures are
ready (issue 9).  The sample is small, so these tests lower the threshold to 0
dwellings: every page then takes the path a 100,000-dwelling workspace takes, and must
end up showing exactly what the same page shows when it computes on the GUI thread.
"""
from __future__ import annotations

import sys
import threading
import time

import pandas as pd
import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.views import refresh
from desktop.views.refresh import PageRefresh


@pytest.fixture
def large(monkeypatch):
    """Every workspace counts as large."""
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)


class _Stock:
    """Stands in for a Dataset: PageRefresh only counts its dwellings."""

    def __init__(self, n: int, tag: str = ""):
        self.dwellings = pd.DataFrame({"dwelling": range(n)})
        self.tag = tag


_hosts: list[QWidget] = []


def _host(qtbot) -> QWidget:
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    _hosts.append(page)       # alive until the end of the session (qtbot closes it)
    return page


def test_a_small_workspace_is_shown_at_once_a_large_one_when_the_worker_is_done(qtbot, monkeypatch):
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 10)
    threads, shown = [], []

    def compute(ds):
        threads.append(threading.current_thread() is threading.main_thread())
        return len(ds.dwellings)
    r = PageRefresh(_host(qtbot), compute, shown.append)
    r.request(_Stock(9))
    assert shown == [9] and threads == [True] and not r.is_busy()

    r.request(_Stock(10))
    assert shown == [9] and r.is_busy()        # not yet: computing on a worker thread
    qtbot.waitUntil(lambda: shown == [9, 10], timeout=5000)
    assert threads == [True, False] and not r.is_busy()

    r.request(_Stock(10), now=True)            # an edit: at once, even when large
    assert shown == [9, 10, 10] and threads[-1] is True


def test_requests_during_a_computation_are_merged_and_only_the_newest_is_shown(qtbot, large):
    release = threading.Event()
    computed, shown = [], []

    def compute(ds):
        computed.append(ds.tag)
        if ds.tag == "first":
            release.wait(5)
        return ds.tag
    r = PageRefresh(_host(qtbot), compute, shown.append)
    r.request(_Stock(1, "first"))
    r.request(_Stock(1, "second"))
    r.request(_Stock(1, "third"))
    release.set()
    qtbot.waitUntil(lambda: shown == ["third"], timeout=5000)
    qtbot.wait(50)
    assert computed == ["first", "third"]      # "second" was overtaken before it began
    assert shown == ["third"]                  # "first" was computed from replaced frames


def test_a_quick_refresh_after_a_slow_one_is_not_overwritten_by_it(qtbot, large):
    release = threading.Event()
    shown = []

    def compute(ds):
        if ds.tag == "slow":
            release.wait(5)
        return ds.tag
    r = PageRefresh(_host(qtbot), compute, shown.append)
    r.request(_Stock(1, "slow"))
    # an edit lands right after the slow work ended, before its result is shown
    r._task.finished.connect(lambda _result: r.request(_Stock(1, "edit"), now=True))
    release.set()
    qtbot.waitUntil(lambda: not r.is_busy(), timeout=5000)
    qtbot.wait(50)
    assert shown == ["edit"]


def test_a_hidden_page_computes_once_it_is_shown_after_its_first_paint(qtbot, large):
    shown = []
    page = QWidget()
    qtbot.addWidget(page)
    _hosts.append(page)
    r = PageRefresh(page, lambda ds: ds.tag, shown.append)
    r.request(_Stock(1, "old"))
    r.request(_Stock(1, "new"))                # merged while waiting
    qtbot.wait(50)
    assert shown == [] and r._task is None and r.is_busy()      # nothing computed yet
    assert r not in refresh._busy              # settle() does not wait for a hidden page
    page.show()
    assert r._task is None                     # not inside the Show event: after the paint
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    assert not r.is_busy()

    hidden = QWidget()
    qtbot.addWidget(hidden)
    _hosts.append(hidden)
    r = PageRefresh(hidden, lambda ds: ds.tag, shown.append)
    r.request(_Stock(1, "stale"))
    r.request(_Stock(1, "edit"), now=True)     # an edit meanwhile: at once, and newest
    hidden.show()
    qtbot.wait(100)
    assert shown == ["new", "edit"] and not r.is_busy()


def test_calculating_is_shown_over_the_page_while_it_takes_long(qtbot, large):
    release = threading.Event()
    shown = []
    page = _host(qtbot)
    r = PageRefresh(page, lambda ds: release.wait(5), shown.append)
    r.request(_Stock(1))
    note = page.findChild(QWidget, "busyNote")
    qtbot.waitUntil(note.isVisible, timeout=3000)
    assert note.text() == "Calculating…"
    assert page.rect().contains(note.geometry())
    release.set()
    qtbot.waitUntil(lambda: shown == [True], timeout=5000)
    assert not note.isVisible()


def test_an_error_in_the_worker_reaches_the_applications_error_handler(qtbot, large, monkeypatch):
    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: caught.append(e))
    shown = []

    def compute(_ds):
        raise ValueError("broken figures")
    r = PageRefresh(_host(qtbot), compute, shown.append)
    r.request(_Stock(1))
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert str(caught[0]) == "broken figures" and shown == [] and not r.is_busy()


def _sync_texts(hosted_page, page_class, read):
    page, _controller = hosted_page(page_class)
    refresh.settle(10)
    return read(page)


def _matrix_texts(model, parent=None) -> list:
    """Every cell's text of the programme matrix, children after their parent."""
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for r in range(model.rowCount(parent)):
        out.append([model.index(r, c, parent).data() for c in range(model.columnCount(parent))])
        out += _matrix_texts(model, model.index(r, 0, parent))
    return out


def _support_texts(page):
    page.tabs.setCurrentWidget(page.campaign_tab)       # the campaigns are computed too
    refresh.settle(10)
    combo = page.project_combo
    return ([combo.itemText(i) for i in range(combo.count())], combo.currentText(), page.project,
            page.stat_pct.value.text(), page.needed_label.text(), page.deadline_label.text(),
            page.vote_model.frame()["dwelling"].tolist(), page.follow_up_model.rowCount(),
            page.campaign_model.frame()["status_text"].tolist())


@pytest.mark.parametrize("page_name", ["overview", "programme", "affordability", "co2", "support"])
def test_each_page_shows_the_same_figures_when_computed_on_a_worker_thread(
        page_name, hosted_page, qtbot, monkeypatch):
    from desktop.views.affordability import AffordabilityPage
    from desktop.views.co2 import Co2Page
    from desktop.views.overview import OverviewPage
    from desktop.views.programme import ProgrammePage
    from desktop.views.support import SupportPage

    cls, read = {
        "overview": (OverviewPage, lambda p: (p.stock_model.frame().to_dict("list"),
                                              p.target_model.frame()["verdict_text"].tolist(),
                                              p.card_planned.value.text())),
        "programme": (ProgrammePage, lambda p: (p.project_model.frame()["project"].tolist(),
                                                p.target_model.frame()["verdict_text"].tolist(),
                                                _matrix_texts(p.matrix_model))),
        "affordability": (AffordabilityPage, lambda p: (p.summary.text(),
                                                        p.project_model.frame()["flags"].tolist(),
                                                        p.point_count())),
        "co2": (Co2Page, _co2_texts),
        "support": (SupportPage, _support_texts),
    }[page_name]
    expected = _sync_texts(hosted_page, cls, read)

    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)
    page, _controller = hosted_page(cls)
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    if page_name == "co2":        # charts built one per turn, then filled one per turn
        qtbot.waitUntil(page.charts_filled, timeout=5000)
        assert page.charts_built() and page.export_button.isEnabled()
        assert not page.refresher.is_busy()
    assert read(page) == expected


def _co2_texts(page):
    """The summary and what each of the four charts plots."""
    bars = page.label_bars
    return (page.summary.text(), list(page.charts), page.plan_curve.getData()[1].tolist(),
            page.needed_curve.getData()[1].tolist(),
            [bars[k].opts["height"].tolist() for k in sorted(bars) if bars[k].isVisible()],
            page.gas_free_curve.getData()[1].tolist())


def test_the_co2_charts_do_not_move_when_the_figures_arrive(sample_window, qtbot):
    """The summary above them has room for its text from the start."""
    window = sample_window
    window.show_page("co2")
    page = None

    def built():
        nonlocal page
        page = window.stack.currentWidget()
        return type(page).__name__ == "Co2Page" and page.charts_built()
    qtbot.waitUntil(built, timeout=5000)
    QApplication.sendPostedEvents()            # laid out (no timers: no figures yet)
    assert page.series is None
    before = {name: chart.geometry() for name, chart in page.charts.items()}
    refresh.settle(10)
    assert page.charts_filled() and "t CO2" in page.summary.text()
    assert {name: chart.geometry() for name, chart in page.charts.items()} == before


def test_a_large_co2_page_fills_one_chart_per_turn(hosted_page, qtbot, large, monkeypatch):
    from desktop.views.co2 import Co2Page

    page, _controller = hosted_page(Co2Page)
    qtbot.waitUntil(page.charts_filled, timeout=10_000)
    before = _co2_texts(page)
    gas_free = page.gas_free_curve.getData()[1].tolist()
    page.set_scope("corporation", "Portaal")            # drawn again: the first two now …
    assert not page.charts_filled() and page.refresher.is_busy()
    assert page.plan_curve.getData()[1].tolist() != before[2]
    assert page.gas_free_curve.getData()[1].tolist() == gas_free
    qtbot.waitUntil(page.charts_filled, timeout=5000)   # … the other two on the next turn
    assert not page.refresher.is_busy()
    assert page.gas_free_curve.getData()[1].tolist() != gas_free
    refresh.settle(5)
    shown = _co2_texts(page)

    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 10**9)
    page.set_scope("stock")
    page.set_scope("corporation", "Portaal")            # small: all four at once, the same
    assert page.charts_filled() and _co2_texts(page) == shown


@pytest.mark.parametrize("large_from", [0, 10**9], ids=["large", "small"])
def test_the_window_builds_a_page_first_and_shows_it_on_a_later_turn(sample_window, qtbot, monkeypatch,
                                                                     large_from):
    """At any size: build, show and fill each take a turn of their own."""
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", large_from)
    window = sample_window
    pages = window.stack.count()
    window.show_page("co2")
    assert window.stack.count() == pages            # built on a later turn …
    states = []                 # (built, shown) after each turn of the event loop
    deadline = time.monotonic() + 3
    while not (states and states[-1][1]) and time.monotonic() < deadline:
        QApplication.processEvents()
        states.append((window.stack.count() == pages + 1,
                       type(window.stack.currentWidget()).__name__ == "Co2Page"))
    assert (True, False) in states                  # … and shown on a turn after that
    assert states[-1] == (True, True)
    page = window.page("co2")
    qtbot.waitUntil(lambda: "t CO2" in page.summary.text(), timeout=10_000)
    qtbot.waitUntil(page.charts_filled, timeout=5000)
    assert page.charts_built() and not page.refresher.is_busy()

    window.show_page("programme")
    states = []                 # (shown, projects listed) after each turn of the event loop
    deadline = time.monotonic() + 5
    while not (states and states[-1][1]) and time.monotonic() < deadline:
        QApplication.processEvents()
        programme = window._pages.get("programme")
        states.append((window.stack.currentWidget() is programme,
                       programme.project_model.rowCount() if programme is not None else 0))
    assert (True, 0) in states                 # shown empty, filled from the worker after
    assert states[-1] == (True, len(window.controller.dataset.projects))

    window.show_page("affordability")
    window.show_page("overview")               # the user went on before it was shown
    refresh.settle(10)
    assert window.stack.currentWidget() is window.page("overview")


def test_an_import_into_a_large_window_fills_the_overview_from_the_worker(sample_window, qtbot,
                                                                          monkeypatch):
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)
    window = sample_window
    overview = window.page("overview")
    before = overview.card_votes.value.text()
    controller = window.controller
    ds = controller.workspace.load()
    controller.reload(dataset=ds.__class__(**{**ds.__dict__, "votes": ds.votes.iloc[:0]}))
    assert overview.card_votes.value.text() == before     # still the old figures …
    qtbot.waitUntil(lambda: overview.card_votes.value.text() == "0", timeout=5000)   # … then the new


def test_a_large_support_page_fills_from_the_worker_and_a_vote_counts_at_once(hosted_page, qtbot,
                                                                              large):
    """Sample project A-25-001: 30 tenants, 20 yes; A-2301-008 has not answered."""
    from desktop.models import support
    from desktop.views.support import SupportPage

    page, controller = hosted_page(SupportPage)
    assert page.project_combo.count() == 0 and page.refresher.is_busy()   # still computing
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    assert page.project == "A-25-001" and page.stat_yes.value.text() == "20"

    assert page.record_vote("A-2301-008", "ja")           # no waiting: the tally is shown
    assert page.stat_yes.value.text() == "21" and page.vote_model.vote_at(
        page.vote_model.row_of("A-2301-008")) == "ja"
    assert not page.refresher.is_busy()

    other = next(page.project_combo.itemData(i) for i in range(page.project_combo.count())
                 if page.project_combo.itemData(i) != "A-25-001")
    controller.reload()                    # everything re-read: computed on the worker …
    assert page.refresher.is_busy()
    page.select_project(other)             # … while the user picks another project
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    refresh.settle(10)
    assert page.project == other and page.project_combo.currentData() == other
    assert page._project_row["project"] == other                # its campaign, its tally
    expected = support.project_tally(controller.dataset, other)
    assert page.stat_tenants.value.text() == str(expected.tenants)
    assert page.tally == expected


def test_a_filtered_programme_matrix_computed_on_the_worker_keeps_its_filter(hosted_page, qtbot,
                                                                            large):
    from desktop.views.programme import ProgrammePage

    page, controller = hosted_page(ProgrammePage)
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    combo = page.corporation_filter
    corp = combo.itemData(1)
    combo.setCurrentIndex(1)               # the figures for the filter: on the worker
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    refresh.settle(10)
    assert page.matrix_model.corporations() == [corp]
    controller.reload()                        # an import: the page computes on the worker
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    refresh.settle(10)
    assert combo.currentData() == corp and page.matrix_model.corporations() == [corp]


def test_a_large_programme_page_follows_an_edit_from_the_worker(hosted_page, qtbot, large):
    """The edit is saved at once; the matrix and list follow when the worker is done.
    Edits made meanwhile read the saved projects, not the page's older frames."""
    from desktop.views.programme import ProgrammePage

    page, controller = hosted_page(ProgrammePage)
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)

    def listed_year(project):
        return page.project_model.frame().set_index("project").at[project, "year"]

    project = "P-23-001"
    year = int(listed_year(project))
    assert page.move_projects([project], year + 1)
    assert controller.dataset.projects.set_index("project").at[project, "year"] == year + 1
    assert page.refresher.is_busy() and listed_year(project) == year    # not yet shown
    assert page.move_projects([project], year)          # back, though the list says "there"
    assert controller.undo_stack.count() == 2
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    refresh.settle(10)
    assert listed_year(project) == year

    assert page.move_projects([project], year + 2)
    qtbot.waitUntil(lambda: listed_year(project) == year + 2, timeout=10_000)
    refresh.settle(10)
    shown = _matrix_texts(page.matrix_model)
    page.refresher.request(controller.dataset, *page.compute_args(), now=True)   # at once
    assert _matrix_texts(page.matrix_model) == shown

    dialog = page.project_dialog(None)                  # a new project is selected once listed
    dialog.project_edit.setText("P-27-100")
    dialog.complex_edit.setEditText("P-1701")
    dialog.year_edit.setText("2027")
    dialog.measures_edit.setText("dakisolatie")
    dialog.gas_edit.setText("500")
    dialog.rent_edit.setText("12,50")
    dialog.investment_edit.setText("30000")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.selected_projects() == ["P-27-100"], timeout=10_000)
