"""The CO2 page on the sample workspace, offscreen: the plotted arrays against the
model's numbers and hand-computed values, scopes, base year, the cleaner-grid
scenario, live updates after an edit, read-outs and export."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog

from desktop.models import co2 as model
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.commands import Upsert
from desktop.store.workspace import Workspace
from desktop.views import refresh
from desktop.views.co2 import CHARTS, LABEL_ORDER, UNKNOWN, Co2Page
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from desktop.views.pages import PAGES

# the sample stock in the base year 2020 (every dwelling's gas and electricity use summed)
GAS_2020_M3 = 3_901_496.0
EL_2020_KWH = 10_615_932.0
BASE_T = (GAS_2020_M3 * 1.779 + EL_2020_KWH * 0.497) / 1000     # 12,216.88 t
T_2030 = 11_184.417648                                        # after the plan's savings


@pytest.fixture(autouse=True)
def english_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def controller(tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    ctl = Controller(ws, Settings())
    yield ctl
    ctl.workspace.close()


@pytest.fixture
def page(qtbot, controller):
    p = Co2Page(controller)
    qtbot.addWidget(p)
    p.resize(1090, 700)
    p.show()
    qtbot.waitExposed(p)
    refresh.settle(10)                  # the charts are built one per turn, then filled
    return p


def xy(curve):
    x, y = curve.getData()
    return np.asarray(x), np.asarray(y)


def model_totals(controller, base_year=2020, factors=None):
    result, _ = model.emissions(controller.dataset, base_year, 2050, factors=factors)
    return result, result.totals().set_index("year")


# ----------------------------------------------------------------------------------
def test_emissions_chart_shows_the_plan_against_the_path(page, controller):
    result, totals = model_totals(controller)
    x, y = xy(page.plan_curve)
    assert x.tolist() == list(range(2020, 2051))
    np.testing.assert_allclose(y, totals["tonnes"].to_numpy())
    assert y[0] == pytest.approx(BASE_T)
    assert y[10] == pytest.approx(T_2030)

    px, py = xy(page.path_curve)
    assert px.tolist() == list(range(2020, 2051))
    assert py[0] == pytest.approx(BASE_T)
    assert py[5] == pytest.approx(BASE_T * (1 - 0.123))       # 2025
    assert py[10] == pytest.approx(BASE_T * 0.51)             # 2030
    assert py[20] == pytest.approx(BASE_T * 0.51 / 2)            # 2040: half-way to zero
    assert py[30] == pytest.approx(0.0)
    mx, my = page.milestones.getData()
    assert list(mx) == [2025, 2030, 2050]
    np.testing.assert_allclose(my, [BASE_T * 0.877, BASE_T * 0.51, 0.0], atol=1e-9)

    # the gap drawn and stated: 11,184 − 6,231 = 4,954 t in 2030; 11,184 t in 2050
    gx, gy = xy(page.gap_lines)
    assert gx.tolist() == [2030, 2030, 2050, 2050]
    np.testing.assert_allclose(gy, [BASE_T * 0.51, T_2030, 0.0, T_2030])
    assert page.gap_texts[2030].textItem.toPlainText() == "gap 4,954 t"
    assert page.gap_texts[2050].textItem.toPlainText() == "gap 11,184 t"
    summary = page.summary.text()
    assert "2030: 4,954 t CO2 above the −49 % path" in summary
    assert "plan 11,184 t, path 6,231 t" in summary
    assert "2050: 11,184 t CO2 above the path to zero" in summary
    assert model.gap(result, 2030)["gap_tonnes"] == pytest.approx(T_2030 - BASE_T * 0.51)


def test_sources_chart_splits_the_fall(page, controller):
    _, totals = model_totals(controller)
    x = page.retrofit_bars.opts["x"]
    retro = page.retrofit_bars.opts["height"]
    grid = page.grid_bars.opts["height"]
    assert list(x) == list(range(2020, 2051))
    np.testing.assert_allclose(retro, totals["tonnes_without_retrofits"] - totals["tonnes"])
    assert retro[10] == pytest.approx(BASE_T - T_2030)          # all of the fall by 2030
    np.testing.assert_allclose(grid, 0.0, atol=1e-9)            # factors fixed: no grid part
    np.testing.assert_allclose(page.grid_bars.opts["y0"], np.maximum(retro, 0))
    _, needed = xy(page.needed_curve)
    assert needed[10] == pytest.approx(BASE_T * 0.49)
    assert needed[30] == pytest.approx(BASE_T)
    assert "retrofits 1,032 t, cleaner grid 0 t" in page.summary.text()


def test_cleaner_grid_scenario_is_computed_not_stored(page, controller):
    assert "Built-in defaults" in page.factors_label.text()
    assert "electricity 0.497 kg CO2/kWh every year" in page.factors_label.text()
    page.scenario.setCurrentIndex(page.scenario.findData("cleaner_grid"))
    grid = page.grid_bars.opts["height"]
    # by 2050 the grid factor is 0: the base-year electricity no longer emits
    assert grid[30] == pytest.approx(EL_2020_KWH * 0.497 / 1000)        # 5,276 t
    assert grid[5] == pytest.approx(0.0, abs=1e-9)                      # 2025: unchanged
    assert grid[10] == pytest.approx(EL_2020_KWH * 0.497 * (1 - 20 / 25) / 1000)
    _, tot = model_totals(controller, factors=page.factors_argument())
    np.testing.assert_allclose(xy(page.plan_curve)[1], tot["tonnes"].to_numpy())
    text = page.factors_label.text()
    assert "Scenario 'cleaner grid'" in text and "0.000 in 2050" in text and "0.398 in 2030" in text
    assert "by 2050" in page.summary.text() and "cleaner grid 5,276 t" in page.summary.text()
    # nothing stored: the workspace still has no emission factors
    assert len(controller.workspace.load().emission_factors) == 0
    page.scenario.setCurrentIndex(0)
    np.testing.assert_allclose(page.grid_bars.opts["height"], 0.0, atol=1e-9)


def test_label_chart_stacks_the_label_counts(page, controller):
    ds = controller.dataset
    result, _ = model.emissions(ds, 2020, 2050)
    pivot = (result.labels.assign(label=result.labels["label"].fillna(UNKNOWN))
             .pivot_table(index="label", columns="year", values="dwellings", aggfunc="sum",
                          fill_value=0))
    bottom = np.zeros(31)
    for label in LABEL_ORDER:
        bars = page.label_bars[label]
        expected = pivot.loc[label].to_numpy(dtype=float) if label in pivot.index else np.zeros(31)
        np.testing.assert_allclose(bars.opts["height"], expected)
        np.testing.assert_allclose(bars.opts["y0"], bottom)
        assert bars.isVisible() == bool(expected.any())
        bottom += expected
    np.testing.assert_allclose(bottom, 4264)                  # every home, every year
    # the base year by hand: each dwelling's own label, else its complex's
    lab = ds.dwellings["label"].fillna(ds.dwellings["complex"].map(
        ds.complexes.set_index("complex")["label"]))
    by_hand = lab.value_counts()
    for label, n in by_hand.items():
        assert page.label_bars[label].opts["height"][0] == n
    # the legend lists the labels shown, worst first
    legend = [lbl.text for _s, lbl in page.charts["labels"].getPlotItem().legend.items]
    shown = [lab for lab in reversed(LABEL_ORDER) if page.label_bars[lab].isVisible()]
    assert legend == shown and legend[0] == "G"


def test_gas_free_share(page, controller):
    counts = controller.dataset.dwelling_counts()
    # heat pump P-1402 (2026), district heating P-1203 (2027), heat pump P-1701 (2028)
    free = counts["P-1402"] + counts["P-1203"] + counts["P-1701"]
    x, y = xy(page.gas_free_curve)
    assert x.tolist() == list(range(2020, 2051))
    assert y[5] == 0.0
    assert y[6] == pytest.approx(counts["P-1402"] / 4264 * 100)
    assert y[10] == pytest.approx(free / 4264 * 100)
    result, _ = model.emissions(controller.dataset, 2020, 2050)
    share = result.gas_free.groupby("year")[["gas_free_dwellings", "dwellings"]].sum()
    np.testing.assert_allclose(y, (share["gas_free_dwellings"] / share["dwellings"] * 100).to_numpy())


def test_scopes_corporation_and_neighbourhood(page, controller):
    items = [page.scope.itemText(i) for i in range(page.scope.count())]
    assert items[0] == "Whole stock"
    assert "Corporation: Portaal" in items and "Corporation: de Alliantie" in items
    assert "Neighbourhood: Overhees" in items
    result, _ = model.emissions(controller.dataset, 2020, 2050)

    page.set_scope("corporation", "Portaal")
    corp = result.by_corporation()
    portaal = corp[corp["corporation"] == "Portaal"]["tonnes"].to_numpy()
    np.testing.assert_allclose(xy(page.plan_curve)[1], portaal)
    np.testing.assert_allclose(xy(page.path_curve)[1][10], portaal[0] * 0.51)
    assert page.label_bars["C"].opts["height"].sum() > 0
    homes = sum(page.label_bars[lab].opts["height"][0] for lab in LABEL_ORDER)
    assert homes == 3689                                    # Portaal's homes

    # a neighbourhood spans both corporations: Overhees sums their groups
    page.set_scope("neighbourhood", "Overhees")
    g = result.by_group
    over = g[g["neighbourhood"] == "Overhees"].groupby("year")["tonnes"].sum().to_numpy()
    assert g[g["neighbourhood"] == "Overhees"]["corporation"].nunique() == 2
    np.testing.assert_allclose(xy(page.plan_curve)[1], over)
    gap = over[10] - over[0] * 0.51
    assert model.gap(page.series.frame(), 2030)["gap_tonnes"] == pytest.approx(gap)
    assert f"2030: {QLocale().toString(float(abs(gap)), 'f', 0)} t CO2" in page.summary.text()


def test_base_year_moves_the_path(page, controller):
    page.base_year.setValue(2025)
    _, totals = model_totals(controller, base_year=2025)
    x, y = xy(page.plan_curve)
    assert x[0] == 2025 and x[-1] == 2050 and len(x) == 26
    np.testing.assert_allclose(y, totals["tonnes"].to_numpy())
    _, path = xy(page.path_curve)
    assert path[5] == pytest.approx(y[0] * 0.51)               # 2030: −49 % from 2025
    assert list(page.milestones.getData()[0]) == [2030, 2050]   # 2025 is the base itself
    assert page.base_year.minimum() == 2015 and page.base_year.maximum() == 2030
    page.base_year.setValue(2015)
    assert xy(page.plan_curve)[0][0] == 2015


def test_an_edit_updates_the_charts_without_preparing_the_stock_again(page, controller, qtbot):
    use = page._use
    before = xy(page.plan_curve)[1].copy()
    n = controller.dataset.dwelling_counts()["P-1701"]
    # P-28-001 (2028, complex P-1701: 60 homes using 822 m³ gas each) saves 840 m³ per
    # home, more than they use (clamped at 0); drop that saving: 60 × 822 m³ come back
    controller.execute(Upsert("projects", {"project": "P-28-001"}, {"gas_saving_m3": 0.0}), "edit")
    after = xy(page.plan_curve)[1]
    assert page._use is use                                   # projects only: stock kept
    np.testing.assert_allclose(after[:8], before[:8])         # up to 2027 unchanged
    assert n == 60
    assert after[10] - before[10] == pytest.approx(60 * 822 * 1.779 / 1000)
    _, totals = model_totals(controller)
    np.testing.assert_allclose(after, totals["tonnes"].to_numpy())
    assert page.timing["model"] < 0.5 and page.timing["charts"] < 0.5

    controller.undo_stack.undo()
    np.testing.assert_allclose(xy(page.plan_curve)[1], before)

    # a dwelling edit does prepare the stock's use again
    controller.execute(Upsert("dwellings", {"dwelling": "A-2101-001"}, {"gas_m3": 5000.0}), "edit")
    assert page._use is not use
    _, totals = model_totals(controller)
    np.testing.assert_allclose(xy(page.plan_curve)[1], totals["tonnes"].to_numpy())


def test_hidden_page_refreshes_when_shown(page, controller):
    page.hide()
    before = xy(page.plan_curve)[1].copy()
    controller.execute(Upsert("projects", {"project": "P-28-001"}, {"gas_saving_m3": 0.0}), "edit")
    np.testing.assert_allclose(xy(page.plan_curve)[1], before)   # not recomputed while hidden
    page.show()
    _, totals = model_totals(controller)
    np.testing.assert_allclose(xy(page.plan_curve)[1], totals["tonnes"].to_numpy())


def test_hover_readouts(page):
    text = page.emissions_readout.show_at(2030, T_2030)
    assert "<b>2030</b>" in text and "Emissions: 11,184 t CO2" in text
    assert "Target path: 6,231 t (−49 %)" in text and "Gap: 4,954 t" in text
    text = page.sources_readout.show_at(2030.2, 100)
    assert "<b>2030</b>" in text and "from retrofits: 1,032 t" in text
    assert "the path asks for: 5,986 t" in text
    assert page.sources_readout.show_at(2060, 100) == ""
    text = page.labels_readout.show_at(2020, 100)
    assert "<b>2020</b>: homes per label" in text
    assert "<td>G&nbsp;</td><td align='right'>99</td>" in text
    assert "<td>C&nbsp;</td><td align='right'>1,381</td>" in text
    text = page.gas_free_readout.show_at(2030, 270 / 4264 * 100)
    assert "270 of 4,264 homes gas-free (6.3 %)" in text


def test_export_writes_png_and_svg(page, tmp_path, monkeypatch):
    written = page.export_charts(tmp_path / "charts")
    assert sorted(p.name for p in written) == sorted(
        f"co2-{name}.{ext}" for name in CHARTS for ext in ("png", "svg"))
    for path in written:
        assert path.exists() and path.stat().st_size > 1000
        if path.suffix == ".png":
            image = QImage(str(path))
            assert image.width() >= 800 and image.height() > 100
        else:
            root = ET.parse(path).getroot()
            assert root.tag.endswith("svg")
    # each SVG renders, at the chart's aspect ratio, and names its chart
    for name, title in (("emissions", "Emissions and the target path"),
                        ("labels", "Energy labels per year")):
        path = tmp_path / "charts" / f"co2-{name}.svg"
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid()
        rect = page.charts[name].getPlotItem().sceneBoundingRect()
        size = renderer.defaultSize()
        assert size.width() / size.height() == pytest.approx(rect.width() / rect.height(), rel=0.02)
        assert title in path.read_text(encoding="utf-8")
    # the button asks for a folder and says what it wrote
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(tmp_path / "via-button")))
    page.export_button.click()
    assert (tmp_path / "via-button" / "co2-labels.svg").exists()
    assert page.export_note.text().startswith("8 files written to")


def test_empty_workspace(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "empty.rpw")
    ctl = Controller(ws, Settings())
    try:
        page = Co2Page(ctl)
        qtbot.addWidget(page)
        page.show()
        refresh.settle(10)
        assert "No homes" in page.summary.text()
        assert page.scope.count() == 1
        np.testing.assert_allclose(xy(page.plan_curve)[1], 0.0)
        assert not any(b.isVisible() for b in page.label_bars.values())
    finally:
        ws.close()


def test_registered_in_the_window(qtbot, controller):
    keys = [k for k, _m, _c in PAGES]
    assert ("co2", "co2", "Co2Page") in PAGES
    assert keys.index("co2") == keys.index("affordability") + 1
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.show_page("co2")
    refresh.settle(10)                  # built on a later turn, shown on the turn after
    page = win.page("co2")
    assert isinstance(page, Co2Page) and win.stack.currentWidget() is page
    # what the user sees on it: the summary in tonnes and the plan drawn up to 2050
    qtbot.waitUntil(page.charts_filled, timeout=10_000)
    assert page.isVisible() and "t CO2" in page.summary.text()
    years, tonnes = xy(page.plan_curve)
    assert years[-1] == 2050 and len(years) == len(tonnes) > 1
    win.close()


def test_no_legend_covers_the_data(page, qtbot):
    """Issue 19.11: each chart's legend sits in the room above its highest bar, point or
    line (the target path ran under the legend of 'Where the fall comes from')."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.co2 import CHARTS

    page.resize(1090, 640)                       # the page at 1280×800
    for _ in range(3):
        QApplication.processEvents()
    for name in CHARTS:
        item = page.charts[name].getPlotItem()
        view = item.getViewBox()
        legend_bottom = view.mapSceneToView(item.legend.sceneBoundingRect()).boundingRect()
        # in data units the legend's lower edge is the smaller y of its mapped rectangle
        lowest_legend_y = min(legend_bottom.top(), legend_bottom.bottom())
        highest = 0.0
        for child in item.listDataItems():
            if hasattr(child, "getData") and child.getData()[1] is not None:
                highest = max(highest, float(np.nanmax(child.getData()[1], initial=0)))
            elif hasattr(child, "opts") and "height" in child.opts:
                top = np.asarray(child.opts.get("y0", 0)) + np.asarray(child.opts["height"])
                highest = max(highest, float(np.max(top, initial=0)))
        assert highest > 0, name
        assert highest < lowest_legend_y, (name, highest, lowest_legend_y)
