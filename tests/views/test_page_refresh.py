"""Pages of a large workspace compute on a worker thread and fill when the figures are
ready (issue 9).  The sample is small, so these tests lower the threshold to 0
dwellings: every page then takes the path a 100,000-dwelling workspace takes, and must
end up showing exactly what the same page shows when it computes on the GUI thread.
"""
from __future__ import annotations

import sys
import threading

import pandas as pd
import pytest
from PySide6.QtWidgets import QWidget

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
    return read(page)


@pytest.mark.parametrize("page_name", ["overview", "programme", "affordability", "co2"])
def test_each_page_shows_the_same_figures_when_computed_on_a_worker_thread(
        page_name, hosted_page, qtbot, monkeypatch):
    from desktop.views.affordability import AffordabilityPage
    from desktop.views.co2 import Co2Page
    from desktop.views.overview import OverviewPage
    from desktop.views.programme import ProgrammePage

    cls, read = {
        "overview": (OverviewPage, lambda p: (p.stock_model.frame().to_dict("list"),
                                              p.target_model.frame()["verdict_text"].tolist(),
                                              p.card_planned.value.text())),
        "programme": (ProgrammePage, lambda p: (p.project_model.frame()["project"].tolist(),
                                                p.target_model.frame()["verdict_text"].tolist())),
        "affordability": (AffordabilityPage, lambda p: (p.summary.text(),
                                                        p.project_model.frame()["flags"].tolist(),
                                                        p.point_count())),
        "co2": (Co2Page, lambda p: (p.summary.text(), list(p.charts),
                                    p.plan_curve.getData()[1].tolist())),
    }[page_name]
    expected = _sync_texts(hosted_page, cls, read)

    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)
    page, _controller = hosted_page(cls)
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    if page_name == "co2":                     # charts one per turn, then drawn
        qtbot.waitUntil(lambda: page.series is not None, timeout=5000)
        assert page.charts_built() and page.export_button.isEnabled()
    assert read(page) == expected


def test_the_window_builds_a_page_first_and_shows_it_on_a_later_turn(sample_window, qtbot, monkeypatch):
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)
    window = sample_window
    window.show_page("co2")
    assert window.stack.currentWidget() is not window.page("co2")    # built, not yet shown
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page("co2"), timeout=3000)
    page = window.page("co2")
    qtbot.waitUntil(lambda: "t CO2" in page.summary.text(), timeout=10_000)
    assert page.charts_built() and not page.refresher.is_busy()

    window.show_page("affordability")
    window.show_page("overview")               # the user went on before it was shown
    qtbot.wait(50)
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
