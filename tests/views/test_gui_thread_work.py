"""What keeps the GUI thread short at 100,000 dwellings (issue 9), checked on the sample:
a vote repaints only its own row, the chart axes are cached, the start-up warm-up
imports the chart modules and settles the heap, and a reload settles it again.

Sample project A-25-001 (complex A-2301, 31 dwellings, A-2301-030 vacant): 20 ja, 5 nee,
no form from A-2301-008, -014, -017, -025, -027.
"""
from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from desktop.views.support import SupportPage
from desktop.views.vote_entry import NO_COLOUR, SILENT_COLOUR, VACANT_TEXT, YES_COLOUR

PROJECT = "A-25-001"


@pytest.fixture
def support_page(hosted_page):
    page, _controller = hosted_page(SupportPage)
    assert page.project == PROJECT
    return page


def test_a_vote_signals_only_its_own_row_and_the_colours_follow(support_page, qtbot):
    page = support_page
    model = page.vote_model
    changed = []
    model.dataChanged.connect(lambda tl, br, *_: changed.append((tl.row(), br.row())))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    row = model.row_of("A-2301-017")
    assert model.vote_at(row) is None
    assert page.record_vote("A-2301-017", "geen reactie")
    assert changed == [(row, row)]           # one row measured and repainted, not 31
    assert resets == []                      # selection and scrolling stay put
    assert model.vote_at(row) == "geen reactie"
    vote_col = model.column_of("vote")
    index = model.index(row, vote_col)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == SILENT_COLOUR
    # the column made room for the longest vote text
    assert page.vote_table.horizontalHeader().sectionSize(vote_col) >= \
        page.vote_table.sizeHintForIndex(index).width()
    yes = model.row_of("A-2301-001")
    assert model.data(model.index(yes, 0), Qt.ItemDataRole.BackgroundRole).color() == YES_COLOUR
    vacant = model.row_of("A-2301-030")
    assert model.data(model.index(vacant, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(vacant, 0), Qt.ItemDataRole.ForegroundRole).color() == VACANT_TEXT
    assert not model.is_let(vacant) and model.is_let(yes)

    page.record_vote("A-2301-017", "nee")     # a correction: same row again
    assert changed[-1] == (row, row)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == NO_COLOUR
    # the tally follows the votes-only refresh: 20 ja, 6 nee of 30 tenants
    assert (page.tally.yes, page.tally.no, page.tally.no_response) == (20, 6, 4)

    page.controller.undo_stack.undo()         # undo is a vote too
    assert model.vote_at(row) == "geen reactie"
    assert (page.tally.yes, page.tally.no) == (20, 5)


def test_the_vote_columns_fit_their_contents_when_a_project_is_shown(support_page):
    table = support_page.vote_table
    header = table.horizontalHeader()
    for col in range(support_page.vote_model.columnCount()):
        if col != table.STRETCH:
            assert header.sectionSize(col) >= table.sizeHintForColumn(col), col


def test_chart_axes_are_drawn_once_into_a_pixmap(qtbot):
    from desktop.views.charts import make_plot

    plot = make_plot("Title", "Year", "t CO2")
    qtbot.addWidget(plot)
    item = plot.getPlotItem()
    for name in ("bottom", "left"):
        assert item.getAxis(name).cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_warm_up_imports_the_chart_modules_then_settles_the_heap(qtbot, monkeypatch):
    from desktop import app

    assert "pyqtgraph" in app.WARM_UP_MODULES and "desktop.views.co2" in app.WARM_UP_MODULES
    sys.modules.pop("colorsys", None)         # a small module nothing here has imported
    done, frozen_while_importing = [], []
    real_import = app.importlib.import_module

    def import_module(name):
        frozen_while_importing.append(gc.get_freeze_count())
        return real_import(name)

    monkeypatch.setattr(app.importlib, "import_module", import_module)
    try:
        app.warm_up(modules=("colorsys",), delay_ms=0, done=lambda: done.append(True))
        assert "colorsys" not in sys.modules  # nothing happens before the event loop runs
        qtbot.waitUntil(lambda: done == [True], timeout=5000)
        assert "colorsys" in sys.modules
        # frozen before the imports: a full collection set off by the objects they
        # create would hold the GIL (and so the GUI thread) for 60-80 ms
        assert frozen_while_importing[0] > 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()                         # other tests run with a normal heap


def test_reload_settles_the_heap_after_the_views_caught_up(sample_window, qtbot):
    controller = sample_window.controller
    assert controller.settle_after_reload is None       # only the application sets it
    calls = []
    controller.settle_after_reload = lambda: calls.append(len(controller.dataset.dwellings))
    controller.reload()
    assert calls == []                                   # not inside the redraw
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    assert calls[0] > 0


def test_affordability_colours_follow_the_rows_after_sorting(hosted_page):
    from desktop.views.affordability import LIGHT_BRUSH, AffordabilityPage

    page, _controller = hosted_page(AffordabilityPage)
    model = page.project_model
    verdict = model.column_of("verdict_text")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(model.column_of("margin_cents"), order)
        frame = model.frame()
        assert len(frame) > 1
        for row in range(len(frame)):
            brush = model.data(model.index(row, verdict), Qt.ItemDataRole.BackgroundRole)
            assert brush is LIGHT_BRUSH[frame.at[row, "light"]]
