"""The affordability page on the sample workspace (seed 3K/3L).

Hand-computed figures (built-in default tariffs; the sample has no tariff rows):
* P-21-001 (Portaal, 2021, 29 dwellings): 420 m³ gas saved × €0.80 / 12 = €28.00 a
  month (2800 cents) against a rent increase of €18.00 (1800): margin €10.00, ok.
  With gas at €0.40/m³ for 2021: 420 × 0.40 / 12 = €14.00 < €18.00 -> not affordable.
* Portaal 2021 (P-21-001..004: 29, 72, 40, 35 dwellings; increases 1800, 2500, 2000,
  1200; savings 2800, 5700, 3000, 3150 cents): average increase 354,200 / 176 =
  2012.5 -> 2013 cents, average saving 721,850 / 176 = 4101.4 -> 4101 cents: met.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.models import affordability
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.store.commands import Upsert
from desktop.views.affordability import AffordabilityPage
from desktop.views.charts import VERDICT_COLOURS, export_plot, make_plot
from desktop.views.controller import Controller
from desktop.views.frame_model import SORT_ROLE
from desktop.views.main_window import MainWindow


@pytest.fixture
def setup(hosted_page):
    return hosted_page(AffordabilityPage)


def cell(model, row: int, key: str, role=SORT_ROLE):
    return model.data(model.index(row, model.column_of(key)), role)


def rows_by_project(page) -> dict[str, int]:
    m = page.project_model
    return {m.key_at(r): r for r in range(m.rowCount())}


def test_project_table_matches_domain_table(setup, qtmodeltester):
    page, controller = setup
    qtmodeltester.check(page.project_model)
    qtmodeltester.check(page.corp_model)
    expected, _ = affordability.project_table(controller.dataset)
    m = page.project_model
    assert m.rowCount() == len(expected) == 18          # P-23-003 is vervallen: left out
    rows = rows_by_project(page)
    for _, e in expected.iterrows():
        r = rows[e["project"]]
        assert cell(m, r, "energy_saving_cents") == int(e["energy_saving_cents"])
        assert cell(m, r, "rent_increase_cents") == int(e["rent_increase_cents"])
        verdict = cell(m, r, "verdict_text", Qt.ItemDataRole.DisplayRole)
        assert (verdict == "not affordable") == (e["verdict"] == "not_ok")
    # hand-computed row
    r = rows["P-21-001"]
    assert cell(m, r, "energy_saving_cents") == 2800
    assert cell(m, r, "rent_increase_cents") == 1800
    assert cell(m, r, "margin_cents") == 1000
    assert cell(m, r, "verdict_text") == "affordable"
    green = m.data(m.index(r, m.column_of("verdict_text")), Qt.ItemDataRole.BackgroundRole)
    assert green.color().name() == "#e3f4e1"
    # flagged: P-21-002 pushes the rent over the 2021 aftoppingsgrens (€ 633.25),
    # P-24-003 charges € 10.00 for energy measures in 2024 (not allowed since 2023)
    assert cell(m, rows["P-21-002"], "verdict_text") == "affordable, flagged"
    assert "aftoppingsgrens" in cell(m, rows["P-21-002"], "flags")
    assert "2023" in cell(m, rows["P-24-003"], "flags")
    amber = m.data(m.index(rows["P-24-003"], m.column_of("verdict_text")),
                   Qt.ItemDataRole.BackgroundRole)
    assert amber.color().name() == "#fff4d6"
    # 3L: housing costs before and after, change = after - before
    before = cell(m, r, "housing_cost_before_cents")
    after = cell(m, r, "housing_cost_after_cents")
    assert cell(m, r, "housing_cost_change_cents") == after - before
    assert after - before == 1800 - 2800        # rent + €18.00, energy - €28.00


def test_corporation_year_weighted_averages(setup):
    page, _ = setup
    m = page.corp_model
    found = [r for r in range(m.rowCount())
             if cell(m, r, "corporation") == "Portaal" and cell(m, r, "year") == 2021]
    assert len(found) == 1
    r = found[0]
    assert cell(m, r, "dwellings") == 176
    assert cell(m, r, "avg_rent_increase_cents") == 2013
    assert cell(m, r, "avg_energy_saving_cents") == 4101
    assert cell(m, r, "verdict_text") == "met"


def test_filters_change_rows_and_points(setup):
    page, _ = setup
    assert page.point_count() == 18
    page.set_filter(corporation="de Alliantie")
    assert sorted(rows_by_project(page)) == ["A-21-001", "A-23-001", "A-25-001", "A-26-001"]
    assert {cell(page.corp_model, r, "corporation") for r in range(page.corp_model.rowCount())} \
        == {"de Alliantie"}
    assert page.point_count() == 4
    page.set_filter(year=2021)
    assert sorted(rows_by_project(page)) == ["A-21-001", "P-21-001", "P-21-002", "P-21-003",
                                             "P-21-004"]
    assert page.corp_model.rowCount() == 2
    page.set_filter(corporation="Portaal", year=2021)
    assert page.project_model.rowCount() == 4
    assert page.point_count() == 4
    assert page.summary.text().startswith("4 project(s)")
    page.set_filter()
    assert page.project_model.rowCount() == 18


def test_editing_a_tariff_turns_the_verdict_red_and_undo_restores(setup):
    page, controller = setup
    controller.execute(Upsert("tariffs", {"year": 2021},
                              {"gas_eur_m3": 0.40, "electricity_eur_kwh": 0.22}), "tariffs 2021")
    rows = rows_by_project(page)
    r = rows["P-21-001"]
    m = page.project_model
    assert cell(m, r, "energy_saving_cents") == 1400           # 420 × 0.40 / 12
    assert cell(m, r, "margin_cents") == -400
    assert cell(m, r, "verdict_text") == "not affordable"
    red = m.data(m.index(r, m.column_of("verdict_text")), Qt.ItemDataRole.BackgroundRole)
    assert red.color().name() == "#fde2e1"
    assert "workspace's tariffs" in page.note.text()
    # the red point is drawn in red
    assert len(page._scatter["not_ok"].points()) >= 1
    assert "P-21-001" in [p.data() for p in page._scatter["not_ok"].points()]
    controller.undo_stack.undo()
    r = rows_by_project(page)["P-21-001"]
    assert cell(page.project_model, r, "energy_saving_cents") == 2800
    assert cell(page.project_model, r, "verdict_text") == "affordable"
    assert len(page._scatter["not_ok"].points()) == 0
    assert "built-in defaults" in page.note.text()


def test_chart_points_hover_and_diagonal(setup):
    page, _ = setup
    xs = sorted(p.pos().x() for item in page._scatter.values() for p in item.points())
    assert len(xs) == 18
    colour = page._scatter["ok"].opts["brush"].color().name()
    assert colour == VERDICT_COLOURS["ok"]
    # the 3K line is the diagonal y = x
    lx, ly = page._line.getData()
    assert list(lx) == list(ly)
    text = page.readout.show_at(28.0, 18.0)
    assert "P-21-001" in text and "affordable" in text
    top = page._line.getData()[1][1]
    assert page.readout.show_at(0.0, top) == ""      # top left: no project there


def test_export_png_and_svg(setup, tmp_path):
    page, _ = setup
    png = page.export_chart(tmp_path / "chart.png")
    svg = page.export_chart(tmp_path / "chart.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    body = svg.read_text(encoding="utf-8")
    assert "<svg" in body and "</svg>" in body
    assert png.stat().st_size > 5000


def test_chart_helpers_standalone(qtbot, tmp_path):
    plot = make_plot("t", "x (€)", "y (€)")
    qtbot.addWidget(plot)
    plot.plot([0, 1, 2], [0, 1, 4], name="line")
    assert export_plot(plot, tmp_path / "p.jpg").suffix == ".png"     # PNG unless .svg
    assert (tmp_path / "p.png").exists()


def test_registered_in_window(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "w.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show_page("affordability")
    assert isinstance(window.page("affordability"), AffordabilityPage)
    window.close()
    ws.close()


def test_each_project_shows_the_year_of_its_rent_limits(setup):
    """Issue 19.6: 2022–2025 projects use their own year's built-in limits (no longer
    2021's); later years borrow 2025's, and the page says which."""
    page, _controller = setup
    m = page.project_model
    rows = rows_by_project(page)
    shown = {pid: m.data(m.index(rows[pid], m.column_of("rent_limits_year")))
             for pid in ("P-21-001", "P-23-001", "P-24-003", "P-28-001")}
    assert shown == {"P-21-001": "2021", "P-23-001": "2023", "P-24-003": "2024", "P-28-001": "2025"}
    tip = m.headerData(m.column_of("rent_limits_year"), Qt.Orientation.Horizontal,
                       Qt.ItemDataRole.ToolTipRole)
    assert "nearest earlier year" in tip


def test_one_saving_per_project_where_the_catalogue_exceeds_the_use(setup):
    """Issue 19.5: P-26-001 saves 920 m³ gas where its complex uses 855 m³ a year per
    dwelling (−2,800 kWh electricity; tariffs € 1.45 / € 0.40): the saving shown, the
    margin and the housing-costs change all use (855 x 1.45 − 2,800 x 0.40) / 12 =
    € 9.98, not the catalogue's (920 x 1.45 − 1,120) / 12 = € 17.83, and say why."""
    page, _controller = setup
    m = page.project_model
    r = rows_by_project(page)["P-26-001"]
    assert cell(m, r, "energy_saving_cents") == 998
    assert cell(m, r, "margin_cents") == 998
    assert cell(m, r, "housing_cost_change_cents") == -998
    assert "saving capped" in cell(m, r, "flags", Qt.ItemDataRole.DisplayRole)
