"""District heating is counted in the CO2 model: heat GJ per dwelling × the heat factor
(the network's own from the heat plan, else the year's), by hand."""
from __future__ import annotations

import pytest

from desktop.models import co2
from desktop.models.dataset import Dataset

FACTORS = [{"year": 2020, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.5, "heat_kg_gj": 40.0},
           {"year": 2030, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.3, "heat_kg_gj": 30.0}]


def _ds(**complex_values) -> Dataset:
    return Dataset.from_records(
        complexes=[{"complex": "W", "corporation": "Portaal", "neighbourhood": "Noord",
                    "dwellings": 10, "heating": "stadsverwarming", "label": "C",
                    "electricity_kwh": 2000.0, **complex_values},
                   {"complex": "G", "corporation": "Portaal", "neighbourhood": "Zuid",
                    "dwellings": 5, "gas_m3": 1000.0, "electricity_kwh": 2000.0}],
        emission_factors=FACTORS)


def _tonnes(ds: Dataset, year: int, neighbourhood: str) -> float:
    result, _ = co2.emissions(ds)
    g = result.by_group
    return float(g[(g["year"] == year) & (g["neighbourhood"] == neighbourhood)]["tonnes"].iloc[0])


def test_given_heat_use_times_the_years_factor():
    ds = _ds(heat_gj=25.0)
    # 10 dwellings x (25 GJ x 40 kg/GJ + 2000 kWh x 0.5) = 10 x 2000 kg = 20 t
    assert _tonnes(ds, 2020, "Noord") == pytest.approx(20.0)
    # 2030: 10 x (25 x 30 + 2000 x 0.3) = 10 x 1350 = 13.5 t
    assert _tonnes(ds, 2030, "Noord") == pytest.approx(13.5)
    # the gas-heated complex is as before: 5 x (1000 x 1.8 + 2000 x 0.5) = 14 t
    assert _tonnes(ds, 2020, "Zuid") == pytest.approx(14.0)
    result, warnings = co2.emissions(ds)
    assert not [w for w in warnings if w.column == "heat_gj"]
    assert result.totals().set_index("year").loc[2020, "heat_gj"] == pytest.approx(250.0)


def test_the_networks_own_factor_from_the_heat_plan_wins():
    ds = _ds(heat_gj=25.0)
    ds.heat_plan = Dataset.from_records(heat_plan=[
        {"neighbourhood": "Noord", "heat_solution": "warmtenet", "heat_kg_gj": 11.3}]).heat_plan
    # 10 x (25 x 11.3 + 2000 x 0.5) = 10 x 1282.5 = 12.825 t
    assert _tonnes(ds, 2020, "Noord") == pytest.approx(12.825)


def test_estimated_heat_use_from_the_label_is_reported():
    ds = _ds()
    # label C: 840 m3 x 0.03165 GJ/m3 x 0.87 = 23.129... GJ; x 40 = 925.17 kg + 1000 kg el
    per_dwelling = 840 * 0.03165 * 0.87 * 40 + 2000 * 0.5
    assert _tonnes(ds, 2020, "Noord") == pytest.approx(10 * per_dwelling / 1000)
    _, warnings = co2.emissions(ds)
    heat = [w for w in warnings if w.column == "heat_gj"]
    assert len(heat) == 1 and heat[0].key == "W" and "10 dwellings" in heat[0].message
    assert "estimate" in heat[0].message and "schatting" in heat[0].message_nl


def test_default_factor_is_40_45_when_the_table_gives_none():
    ds = _ds(heat_gj=10.0)
    ds.emission_factors = Dataset.from_records(emission_factors=[
        {"year": 2020, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.5}]).emission_factors
    assert ds.emission_factors["heat_kg_gj"].iloc[0] == 40.45
    assert _tonnes(ds, 2020, "Noord") == pytest.approx(10 * (10 * 40.45 + 1000) / 1000)
