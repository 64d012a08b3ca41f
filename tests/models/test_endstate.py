"""The end state per complex: defaults from the heat plan, the label and the catalogue,
overrides field by field, and its emissions before and after, by hand."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.models import endstate
from desktop.models.dataset import Dataset

# complex N's gas left after cavity wall and roof insulation (the overlap rule)
N_LEFT = 1200 * (1 - 390 / 1197) * (1 - 700 / 1197)
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
    # each catalogue saving is a share of an average household's 1,197 m3, taken of what
    # is left: 1200 x (1 - 390/1197) x (1 - 700/1197) = 335.9 m3 left -> network heat
    assert (n["gas_m3_after"], n["electricity_kwh_after"]) == (0.0, 2000.0)
    assert n["heat_gj_after"] == pytest.approx(N_LEFT * 0.03165 * 0.87)
    assert N_LEFT == pytest.approx(335.9, abs=0.05)      # not 1200 - 390 - 700 = 110
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
    # a hybrid heat pump leaves gas: 700 x (1 - 650/1197) = 319.9 m3 (not 700 - 650)
    assert o["gas_m3_after"] == pytest.approx(700 * (1 - 650 / 1197))
    assert o["electricity_kwh_after"] == 3500.0
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
    assert n["gas_m3_after"] == pytest.approx(1200 * (1 - 390 / 1197) * (1 - 650 / 1197))
    z = f.loc["Z"]
    assert z["measures"] == "dakisolatie" and z["cost_per_dwelling_cents"] == 350000
    assert z["gas_m3_after"] == pytest.approx(900 * (1 - 700 / 1197))
    assert z["electricity_kwh_after"] == 2400.0
    assert z["heat_solution"] == "all-electric" and z["overridden"]
    assert not f.loc["O", "overridden"]


def test_emissions_before_and_after_per_dwelling():
    ds = _ds()
    f = endstate.end_states(ds)
    before, after = endstate.emissions_kg(f, ds, [2025, 2030])
    assert before.shape == after.shape == (3, 2)
    i = f.index[f["complex"] == "N"][0]
    assert before[i, 0] == pytest.approx(1200 * 2.0 + 2000 * 0.5)
    assert after[i, 1] == pytest.approx(2000 * 0.5 + N_LEFT * 0.03165 * 0.87 * 40.0)
    j = f.index[f["complex"] == "Z"][0]
    assert np.allclose(after[j], 5000 * 0.5)


def test_overlapping_measures_save_less_than_their_sum_and_only_gas_free_ends_gas():
    from desktop.models.measures import catalogue
    cat = catalogue()
    by = {m.key: m for m in cat}
    full = [by[k] for k in ("spouwmuurisolatie", "dakisolatie", "vloerisolatie", "hr++ glas",
                            "gevelisolatie", "hybride warmtepomp")]
    # summed, these save 2,690 m3 - more than a 1,000 m3 home uses; as shares they leave gas
    assert sum(m.gas_saving_m3 for m in full) > 2000
    gas, _el, heat, _c = endstate.after_use("; ".join(m.key for m in full), 1000.0, 2500.0, 0.0, cat)
    assert 0 < gas < 100 and heat == 0.0
    # one measure on an average household saves exactly its catalogue figure
    assert endstate.after_use("spouwmuurisolatie", 1197.0, 0.0, 0.0, cat)[0] == pytest.approx(1197 - 390)
    # order does not matter
    a = endstate.after_use("dakisolatie; spouwmuurisolatie", 1100.0, 0.0, 0.0, cat)[0]
    b = endstate.after_use("spouwmuurisolatie; dakisolatie", 1100.0, 0.0, 0.0, cat)[0]
    assert a == pytest.approx(b)
    # gas-free: all-electric ends gas; a heat network turns what insulation leaves into heat
    assert endstate.after_use("dakisolatie; all-electric warmtepomp", 1000.0, 2000.0, 0.0, cat)[0] == 0.0
    g, _e, h, _c = endstate.after_use("dakisolatie; stadsverwarming", 1000.0, 2000.0, 0.0, cat)
    assert g == 0.0 and h == pytest.approx(1000 * (1 - 700 / 1197) * 0.03165 * 0.87)
    # on a network already: insulation leaves its share of the heat
    assert endstate.after_use("dakisolatie", 0.0, 2000.0, 30.0, cat)[2] == pytest.approx(30 * (1 - 700 / 1197))
