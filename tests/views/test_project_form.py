"""The project form edits exactly the registry's form fields, and what it hands to the
page is typed by their kinds (money in whole cents, empty optional fields their default)."""
from __future__ import annotations

import pandas as pd
import pytest

from desktop.models import fields
from desktop.views.project_dialog import ProjectDialog

pytestmark = pytest.mark.gui


COMPLEXES = pd.DataFrame({"complex": ["C-1"], "corporation": ["Portaal"],
                          "neighbourhood": ["Hart"], "dwellings": [12]})


@pytest.fixture
def dialog(qtbot):
    d = ProjectDialog(COMPLEXES, set(), lambda values, reason: None)
    qtbot.addWidget(d)
    return d


def test_the_form_has_an_input_for_every_form_field_of_the_registry(dialog):
    # the layout chooses the order (the status comes fourth)
    assert sorted(dialog.inputs) == sorted(fields.form_fields("projects"))
    assert list(dialog.fields) == list(dialog.inputs)


def test_values_are_typed_by_kind_and_empty_fields_take_their_default(dialog):
    dialog.project_edit.setText(" P-27-100 ")
    dialog.complex_edit.setEditText("C-1")
    dialog.year_edit.setText("2027")
    dialog.gas_edit.setText("12,5")
    dialog.investment_edit.setText("30000,25")
    dialog.label_edit.setEditText("a+")
    dialog.heat_after_edit.setText("52,5")
    assert dialog.validate() == {}
    assert dialog.values() == {
        "project": "P-27-100", "complex": "C-1", "year": 2027, "status": "gepland",
        "measures": None, "label_after": "A+", "gas_saving_m3": 12.5,
        "electricity_saving_kwh": 0.0, "rent_increase_cents": 0, "investment_cents": 3000025,
        "ep2_after_kwh_m2": None, "heat_demand_after_kwh_m2": 52.5}


def test_an_existing_project_fills_every_input(qtbot):
    project = {"project": "P-1", "complex": "C-1", "year": 2026, "status": "akkoord",
               "measures": "dakisolatie", "label_after": "B", "gas_saving_m3": 300.0,
               "electricity_saving_kwh": -150.0, "rent_increase_cents": 1250,
               "investment_cents": 2_500_000, "ep2_after_kwh_m2": 104.99,
               "heat_demand_after_kwh_m2": 61.0}
    d = ProjectDialog(COMPLEXES, {"P-1"}, lambda values, reason: None, project=project)
    qtbot.addWidget(d)
    assert d.project_edit.isReadOnly()
    assert d.values() == project
