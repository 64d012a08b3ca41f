"""The page skeleton (:class:`desktop.views.pages.Page`), on real pages of the sample
workspace in the main window: a page reads only the tables it names in ``depends_on``,
waits while hidden and refreshes once when shown, and shows the same figures whether
they were computed on the worker or at once.

Sample: project P-23-001 (Portaal) is planned in 2023; the workspace has no rent-limit
rows (the built-in limits apply) until they are copied on the Tariffs page.
"""
from __future__ import annotations

import pytest

from desktop.views import refresh
from desktop.views.affordability import AffordabilityPage
from desktop.views.co2 import Co2Page
from desktop.views.overview import OverviewPage, overview_data
from desktop.views.pages import PAGES, Page
from desktop.views.programme import ProgrammePage
from desktop.views.support import SupportPage
from desktop.views.tariffs import TariffsPage


def CONFIRM(_question: str) -> bool:
    """The user answers yes when asked to move a project that is done."""
    return True


def _count_fills(page: Page) -> list:
    fills: list = []
    page.refresher.shown.connect(lambda: fills.append(1))
    return fills


def _show(window, key: str) -> Page:
    window.show_page(key)
    refresh.settle(10)
    page = window.page(key)
    assert window.stack.currentWidget() is page
    return page


def test_a_hidden_page_refreshes_once_when_shown_not_while_hidden(sample_window):
    window = sample_window
    overview = window.page("overview")
    refresh.settle(10)
    programme = _show(window, "programme")
    fills = _count_fills(overview)
    homes_before = overview.card_planned.value.text()

    year = int(window.controller.dataset.projects.set_index("project").at["P-23-001", "year"])
    assert programme.move_projects(["P-23-001"], year + 1, ask=CONFIRM)       # two edits of projects …
    assert programme.move_projects(["P-23-001"], 2030, ask=CONFIRM)
    refresh.settle(10)
    assert fills == [] and overview.dirty                       # … the hidden overview waits
    assert overview.card_planned.value.text() == homes_before

    _show(window, "overview")
    assert fills == [1] and not overview.dirty                  # once, on being shown
    expected = overview_data(window.controller.dataset)
    shown = overview.target_model.frame()
    assert shown["planned"].tolist() == expected.targets["planned"].tolist()
    assert shown["done"].tolist() == expected.targets["done"].tolist()


def test_a_change_to_a_table_a_page_does_not_read_leaves_it_alone(sample_window):
    window = sample_window
    overview = window.page("overview")
    affordability = window.page("affordability")             # built, hidden
    refresh.settle(10)
    settings = _show(window, "settings")
    overview_fills, affordability_fills = _count_fills(overview), _count_fills(affordability)
    assert "rent_limits" not in OverviewPage.depends_on
    assert "rent_limits" in AffordabilityPage.depends_on

    assert settings.limits.copy_defaults()                    # rent_limits rows written
    assert settings.limits.model.rowCount() > 0               # the page itself follows
    refresh.settle(10)
    assert not overview.dirty and overview_fills == []
    assert affordability.dirty and affordability_fills == []

    _show(window, "overview")
    assert overview_fills == []                               # nothing it reads changed
    _show(window, "affordability")
    assert affordability_fills == [1]


@pytest.mark.parametrize("page_class", [OverviewPage, ProgrammePage, SupportPage,
                                        AffordabilityPage, Co2Page])
def test_the_worker_shows_what_an_at_once_refresh_shows(page_class, hosted_page, qtbot, monkeypatch):
    """Each page's Qt-free compute() runs on a worker thread for a large workspace; the
    figures it fills the page with are those of the same compute() run at once."""
    monkeypatch.setattr(refresh, "LARGE_FROM_DWELLINGS", 0)
    page, controller = hosted_page(page_class)
    qtbot.waitUntil(lambda: not page.refresher.is_busy(), timeout=10_000)
    refresh.settle(10)
    results = []
    real_show = page.show_result
    monkeypatch.setattr(page, "show_result", lambda r: (results.append(r), real_show(r)))
    page.forget(set(page.depends_on))       # (the CO2 page keeps its last result)
    args = page.compute_args()
    page.refresh()                          # a full refresh: on the worker
    assert results == []
    qtbot.waitUntil(lambda: len(results) == 1, timeout=10_000)
    page.refresher.request(controller.dataset, *args, now=True)      # at once
    assert len(results) == 2
    assert _comparable(results[0]) == _comparable(results[1])


def _comparable(result):
    """A result's figures as plain values (frames as lists, the dataset by identity)."""
    import dataclasses

    import numpy as np
    import pandas as pd

    def plain(value):
        if isinstance(value, pd.DataFrame):
            return value.astype(object).where(value.notna(), None).to_dict("list")
        if isinstance(value, pd.Series):
            return plain(value.to_frame())
        if isinstance(value, np.ndarray):
            return value.tolist()
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                    if f.name not in ("seconds", "use")}        # timing, a cache
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if type(value).__name__ == "Dataset":
            return id(value)
        return value
    return plain(result)


def test_every_area_of_the_window_is_a_page_with_one_heading(sample_window):
    from PySide6.QtWidgets import QLabel

    from desktop.models.dataset import TABLES

    for key, _module, _cls in PAGES:
        page = _show(sample_window, key)
        assert isinstance(page, Page) and page.depends_on <= set(TABLES), key
        headings = page.findChildren(QLabel, "pageHeading")
        assert len(headings) == 1 and headings[0].text(), key
    assert isinstance(sample_window.page("settings"), TariffsPage)
