"""The end state per complex: defaults from the heat plan, the label and the catalogue,
overrides field by field, and its emissions before and after, by hand."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.models import endstate
from desktop.models.dataset import Dataset

FACTORS = [{"year": 2020, "gas_kg_m3": 2.0, "electricity_kg_kwh": 0.5, "heat_kg_gj": 40.0}]


def _ds(**tables) -> Dataset:
    return Dataset.from_records(
        complexes=[
            # label C -> A: two insulation steps (cheapest per m3: cavity wall 1500/390,
            # roof 4000/700), then the heat solution's installation
            {"complex": "N", "corporation": "Portaal", "neighbourhood": "Noord", "dwellings": 10,
             "label": "C", "gas_m3": 1200.0, "electricity_kwh": 2000.0},
            {"complex": "Z", "corporation": "Portaal", "neighbourhood": "Zuid", "dwellings": 4,
             "label": "B", "gas_m3": 900.0, "electricity_kwh": 2500.0},
            {"complex": "O", "corporation": "de Alliantie", "neighbourhood": "Oost",
             "dwellings": 6, "label": "A", "gas_m3": 700.0, "electricity_kwh": 2000.0}],
        heat_plan=[{"neighbourhood": "Noord", "heat_solution": "warmtenet", "available_year": 2032},
                   {"neighbourhood": "Zuid", "heat_solution": "all-electric", "available_year": 2027}],
        emission_factors=FACTORS, **tables)


def test_defaults_follow_the_heat_plan_the_label_and_the_catalogue():
    f = endstate.end_states(_ds()).set_index("complex")
    assert list(endstate.end_states(_ds()).columns) == list(endstate.COLUMNS)
    n = f.loc["N"]
    assert (n["label_now"], n["target_label"], n["heat_solution"]) == ("C", "A", "warmtenet")
    assert n["heat_available_year"] == 2032
    assert n["measures"] == "spouwmuurisolatie; dakisolatie; stadsverwarming"
    assert n["cost_per_dwelling_cents"] == (1500 + 4000 + 8000) * 100
    # gas 1200 - insulation 1090 = 110 m3 left -> network heat 110 x 0.03165 x 0.87
    assert (n["gas_m3_after"], n["electricity_kwh_after"]) == (0.0, 2000.0)
    assert n["heat_gj_after"] == pytest.approx(110 * 0.03165 * 0.87)
    assert not n["overridden"]
    z = f.loc["Z"]
    # all-electric: no network constraint; B -> A one step; heat pump +2500 kWh
    assert pd_na(z["heat_available_year"])
    assert z["measures"] == "spouwmuurisolatie; all-electric warmtepomp"
    assert z["cost_per_dwelling_cents"] == (1500 + 15000) * 100
    assert (z["gas_m3_after"], z["electricity_kwh_after"], z["heat_gj_after"]) == (0.0, 5000.0, 0.0)
    o = f.loc["O"]
    # no plan: the no-regret package; label A already: no insulation
    assert (o["heat_solution"], o["measures"]) == ("nog onbekend", "hybride warmtepomp")
    assert (o["gas_m3_after"], o["electricity_kwh_after"]) == (50.0, 3500.0)
    assert o["dwellings"] == 6


def pd_na(v) -> bool:
    import pandas as pd
    return v is pd.NA or pd.isna(v)


def test_overrides_win_field_by_field():
    ds = _ds(end_states=[
        {"complex": "N", "heat_solution": "hybride", "target_label": "B"},
        {"complex": "Z", "measures": "dakisolatie", "cost_per_dwelling_cents": 350000,
         "electricity_kwh_after": 2400.0}])
    f = endstate.end_states(ds).set_index("complex")
    n = f.loc["N"]
    # hybrid chosen by the user: the package follows it; C -> B is one step
    assert (n["heat_solution"], n["measures"]) == ("hybride", "spouwmuurisolatie; hybride warmtepomp")
    assert pd_na(n["heat_available_year"]) and n["overridden"]
    assert n["gas_m3_after"] == pytest.approx(1200 - 390 - 650)
    z = f.loc["Z"]
    assert z["measures"] == "dakisolatie" and z["cost_per_dwelling_cents"] == 350000
    assert z["gas_m3_after"] == 200.0 and z["electricity_kwh_after"] == 2400.0
    assert z["heat_solution"] == "all-electric" and z["overridden"]
    assert not f.loc["O", "overridden"]


def test_emissions_before_and_after_per_dwelling():
    ds = _ds()
    f = endstate.end_states(ds)
    before, after = endstate.emissions_kg(f, ds, [2025, 2030])
    assert before.shape == after.shape == (3, 2)
    i = f.index[f["complex"] == "N"][0]
    assert before[i, 0] == pytest.approx(1200 * 2.0 + 2000 * 0.5)
    assert after[i, 1] == pytest.approx(2000 * 0.5 + 110 * 0.03165 * 0.87 * 40.0)
    j = f.index[f["complex"] == "Z"][0]
    assert np.allclose(after[j], 5000 * 0.5)
