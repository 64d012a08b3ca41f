"""The Saving realised page (issue 23) on the sample workspace: readings entered in the
window show the promise kept or broken per project, undo takes them back, the catalogue
button updates a measure."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from desktop.models.measures import catalogue, find_measure
from desktop.views.frame_model import SORT_ROLE
from desktop.views.realised import RealisedPage


@pytest.fixture
def setup(hosted_page):
    return hosted_page(RealisedPage)


def cell(model, row: int, key: str):
    return model.data(model.index(row, model.column_of(key)), SORT_ROLE)


def test_readings_entered_in_the_window_give_the_verdict(setup, qtmodeltester):
    page, controller = setup
    qtmodeltester.check(page.model)
    frame = page.model.frame()
    assert len(frame) == 11 and frame["guarantee_broken"].isna().all()   # no readings yet
    assert "gas 2020" in cell(page.model, 0, "missing_text")     # English interface
    # P-21-001 (complex P-1101, done 2021, 420 m3 promised, rent +€18.00): measured
    # 1000 m3 in 2020 and 800 m3 in 2022 (2,500 kWh both years)
    for year, gas in ((2020, 1000.0), (2022, 800.0)):
        assert page.add_reading({"complex": "P-1101", "dwelling": None, "year": year,
                                 "gas_m3": gas, "electricity_kwh": 2500.0,
                                 "source": "jaarafrekening"}, dialog=False)
    assert page.usage_model.rowCount() == 2
    row = page.model.row_of("P-21-001")
    # the sample has no tariffs: 2022's built-in default, gas €2.30 (Tariffs page test)
    frame = page.model.frame().set_index("project")
    assert frame.loc["P-21-001", "gas_tariff"] == 2.30
    te = frame.loc["P-21-001", "electricity_tariff"]

    def cents(gas):             # energy per month, each year rounded half up
        return int(Decimal(str((gas * 2.30 + 2500 * te) * 100 / 12)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP))
    saving = cents(1000) - cents(800)       # 200 m3: 3834 cents (3833.33 before rounding)
    assert saving == 3834
    assert cell(page.model, row, "realised_saving_cents") == saving
    assert cell(page.model, row, "verdict") == "kept"              # 3834 ≥ 1800
    assert page._realised_kept.opts["height"].tolist() == [saving / 100]
    assert "guarantee broken for 0" in page.summary.text()
    controller.undo_stack.undo()
    assert page.usage_model.rowCount() == 1
    assert page.model.frame().set_index("project").loc["P-21-001", "guarantee_broken"] is None


def test_catalogue_button_updates_the_measure(setup):
    page, controller = setup
    for year, gas in ((2020, 1000.0), (2022, 790.0)):     # 210 of 420 m3: half
        page.add_reading({"complex": "P-1101", "dwelling": None, "year": year, "gas_m3": gas,
                          "electricity_kwh": 2500.0}, dialog=False)
    fb = page.feedback_model.frame().set_index("measure")
    assert fb.loc["dakisolatie", "average_ratio"] == pytest.approx(0.5)
    before = find_measure("dakisolatie").gas_saving_m3
    assert page.learn("dakisolatie")
    assert find_measure("dakisolatie", catalogue(controller.dataset)).gas_saving_m3 == round(before / 2)
    controller.undo_stack.undo()
    assert find_measure("dakisolatie", catalogue(controller.dataset)).gas_saving_m3 == before


def test_a_wrong_reading_is_refused_with_a_message(setup):
    page, controller = setup
    assert not page.add_reading({"complex": "P-1101", "dwelling": None, "year": 2020,
                                 "gas_m3": "veel"}, dialog=False)
    assert page.message.text()
    assert len(controller.dataset.usage) == 0
