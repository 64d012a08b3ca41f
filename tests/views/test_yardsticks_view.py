"""The Yardsticks page on the sample workspace, offscreen: what it draws and lists equals
the model's figures, per scope, and follows an edit of a project."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.models import yardsticks as model
from desktop.store.commands import Upsert
from desktop.views import refresh
from desktop.views.pages import PAGES
from desktop.views.yardsticks import YardsticksPage
# the sample workspace's controller in an English locale, as for the CO2 page
from tests.views.test_co2_view import controller, english_locale  # noqa: F401


@pytest.fixture
def page(qtbot, controller):
    p = YardsticksPage(controller)
    qtbot.addWidget(p)
    p.resize(1240, 760)
    p.show()
    qtbot.waitExposed(p)
    refresh.settle(10)
    return p


def test_the_page_is_registered_after_co2():
    keys = [k for k, _m, _c in PAGES]
    assert keys.index("yardsticks") == keys.index("co2") + 1


def test_charts_tables_and_list_show_the_models_figures(page, controller):
    result = model.yardsticks(controller.dataset)
    totals = result.totals()
    bars = page.efg_bars.opts
    assert list(bars["x"]) == list(range(2020, 2051))
    assert np.array_equal(np.asarray(bars["height"]), totals["efg"].to_numpy(dtype="float64"))
    x, y = page.ready_curve.getData()
    assert np.array_equal(y, totals["toekomstklaar"].to_numpy(dtype="float64"))
    # the target line: zero from 2028 on
    tx, ty = page.efg_target.getData()
    assert tx[0] == 2028 and tx[-1] == 2050 and not ty.any()
    # the list names every complex still E/F/G in 2028, and the tab says how many
    left = model.efg_after_deadline(controller.dataset)
    assert len(left) > 0
    assert page.efg_model.frame()["complex"].tolist() == left["complex"].tolist()
    assert page.tabs.tabText(1) == f"Still E/F/G after 2028 ({len(left)})"
    efg_2028 = int(totals.loc[totals["year"] == 2028, "efg"].iat[0])
    assert f"{efg_2028:,} in 2028" in page.summary.text()
    assert page.efg_readout.show_at(2028, 1).startswith("<b>2028</b><br>E/F/G: " + f"{efg_2028:,}")


def test_a_scope_shows_its_own_counts(page, controller):
    page.set_scope("corporation", "de Alliantie")
    result = model.yardsticks(controller.dataset).by_corporation()
    mine = result[result["corporation"] == "de Alliantie"]
    assert page.year_model.frame()["efg"].tolist() == mine["efg"].tolist()
    assert set(page.efg_model.frame()["corporation"]) <= {"de Alliantie"}


def test_a_project_that_removes_the_last_efg_of_a_complex_takes_it_off_the_list(page, controller, qtbot):
    first = page.efg_model.frame().iloc[0]
    values = {"complex": first["complex"], "year": 2027, "gas_saving_m3": 300.0,
              "ep2_after_kwh_m2": 150.0, "status": "gepland"}
    assert controller.execute(Upsert("projects", {"project": "P-28-900"}, values))
    refresh.settle(10)
    assert first["complex"] not in page.efg_model.frame()["complex"].tolist()
    assert int(page.series.loc[page.series["year"] == 2028, "efg"].iat[0]) == \
        int(model.yardsticks(controller.dataset).totals().query("year == 2028")["efg"].iat[0])
