"""File → Export current view on the programme page writes what the list shows, as a
workbook that checks clean on its own."""
from __future__ import annotations

import pytest

from desktop.exchange.check import check_workbook
from desktop.exchange.reader import read_workbook
from desktop.views import refresh

pytestmark = pytest.mark.gui


@pytest.fixture
def window(sample_window):
    return sample_window


def test_pages_without_a_view_export_disable_the_action(window):
    window.show_page("overview")
    assert not window.exchange.act_export_view.isEnabled()


def test_programme_view_exports_the_filtered_projects(window, qtbot, tmp_path):
    window.show_page("programme")
    refresh.settle(10)                  # built on a later turn, shown on the turn after
    page = window.page("programme")
    combo = page.corporation_filter
    combo.setCurrentIndex(combo.findData("de Alliantie"))
    shown = sorted(page.project_model.frame()["project"])
    assert shown == ["A-21-001", "A-23-001", "A-25-001", "A-26-001"]
    assert window.exchange.act_export_view.isEnabled()
    target = tmp_path / "alliantie.xlsx"
    with qtbot.waitSignal(window.exchange.export_done, timeout=20_000):
        window.exchange.export_current_view(target)
    result = read_workbook(target)
    ds = result.dataset
    assert sorted(ds.projects["project"]) == shown
    assert set(ds.complexes["corporation"]) == {"de Alliantie"}
    assert len(ds.dwellings) == 89                       # all homes of the four complexes
    assert set(ds.targets["corporation"]) == {"de Alliantie"}
    assert set(ds.votes["project"]) <= set(shown) and len(ds.votes)
    assert check_workbook(target).ok                     # it stands on its own
