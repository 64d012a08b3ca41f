"""The sector's yardsticks, on hand-computed examples (issue 24)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from desktop.models import yardsticks as y
from desktop.models.dataset import Dataset


# ----------------------------------------------------------------------------- labels
@pytest.mark.parametrize("ep2, label", [
    (-20.0, "A++++"), (0.0, "A++++"), (0.01, "A+++"),
    (50.0, "A+++"), (50.01, "A++"), (75.0, "A++"), (75.01, "A+"),
    (105.0, "A+"), (105.01, "A"), (160.0, "A"), (160.01, "B"),
    (190.0, "B"), (190.01, "C"), (250.0, "C"), (250.01, "D"),
    (290.0, "D"), (290.01, "E"), (335.0, "E"), (335.01, "F"),
    (380.0, "F"), (380.01, "G"), (612.3, "G"),
])
def test_label_at_each_band_edge(ep2, label):
    # exactly on a limit: the better label (the regulation's "≤"); 0.01 above: the next
    assert y.label_from_ep2(ep2) == label


def test_unknown_ep2_has_no_label():
    assert y.label_from_ep2(None) is None
    assert y.label_from_ep2(float("nan")) is None


# ----------------------------------------------------------------------------- the Standaard
@pytest.mark.parametrize("kind, year, als, limit", [
    # Ag = 100 m²; x = 0.8 (first branch) and x = 1.5 (second branch): base + slope × 0.5
    ("eengezins", 1930, 80, 60.0), ("eengezins", 1930, 150, 60 + 105 * 0.5),     # 112.5
    ("eengezins", 1944, 100, 60.0),                                               # x = 1: base
    ("eengezins", 1945, 80, 43.0), ("eengezins", 1945, 150, 43 + 40 * 0.5),       # 63
    ("meergezins", 1900, 80, 95.0), ("meergezins", 1900, 150, 95 + 70 * 0.5),     # 130
    ("meergezins", 1970, 80, 45.0), ("meergezins", 1970, 150, 45 + 45 * 0.5),     # 67.5
    ("eengezins", 1980, 250, 43 + 40 * 1.5),                                      # x = 2.5: 103
])
def test_standard_per_type_period_and_shape_factor(kind, year, als, limit):
    assert y.standard_limit(kind, year, 100.0, als) == pytest.approx(limit, abs=1e-9)


def test_standard_unknown_without_type_year_or_areas():
    assert y.standard_limit(None, 1970, 100, 80) is None
    assert y.standard_limit("eengezins", None, 100, 80) is None
    assert y.standard_limit("eengezins", 1970, None, 80) is None
    assert y.standard_limit("eengezins", 1970, 0, 80) is None


# ----------------------------------------------------------------------------- a small stock
def small_stock(**extra) -> Dataset:
    """Alpha: C1 (4 dwellings without rows; eengezins 1970, Ag 100, Als 150 → Standaard
    63; heat demand 90; EP2 200 = C; gas 1000) and C2 (3 dwelling rows; meergezins 1960,
    Ag 80, Als 60 → x 0.75, Standaard 45; heat demand 100; EP2 300 = E, one dwelling 400 =
    G; gas 800).  Beta: C3 (2 dwellings; label F given, no EP2; heat pump).
    Projects: C1 in 2026 (heat demand after 60, EP2 after 120, gas saving 600, an
    all-electric heat pump); C2 in 2027 (label after A+ only)."""
    perf = dict(dwelling_type="eengezins", build_year=1970, floor_area_m2=100.0, loss_area_m2=150.0)
    return Dataset.from_records(
        complexes=[
            dict(complex="C1", corporation="Alpha", neighbourhood="Noord", dwellings=4, gas_m3=1000.0,
                 heat_demand_kwh_m2=90.0, ep2_kwh_m2=200.0, **perf),
            dict(complex="C2", corporation="Alpha", neighbourhood="Zuid", gas_m3=800.0,
                 dwelling_type="meergezins", build_year=1960, floor_area_m2=80.0, loss_area_m2=60.0,
                 heat_demand_kwh_m2=100.0, ep2_kwh_m2=300.0),
            dict(complex="C3", corporation="Beta", neighbourhood="Oost", dwellings=2, label="F",
                 heating="warmtepomp", gas_m3=0.0, name="De Linden"),
        ],
        dwellings=[dict(dwelling="D1", complex="C2", ep2_kwh_m2=400.0), dict(dwelling="D2", complex="C2"),
                   dict(dwelling="D3", complex="C2")],
        projects=[
            dict(project="P1", complex="C1", year=2026, gas_saving_m3=600.0, heat_demand_after_kwh_m2=60.0,
                 ep2_after_kwh_m2=120.0, measures="all-electric warmtepomp"),
            dict(project="P2", complex="C2", year=2027, gas_saving_m3=0.0, label_after="A+"),
        ],
        emission_factors=[dict(year=2020, gas_kg_m3=1.8, electricity_kg_kwh=0.3)],
        **extra)


def test_dwelling_performance_today():
    d = y.dwelling_performance(small_stock()).set_index(["complex", "dwelling"], drop=False)
    c1 = d[d["complex"] == "C1"].iloc[0]
    assert (c1["dwellings"], c1["label"], c1["label_source"]) == (4, "C", "ep2")
    assert (c1["shape_factor"], c1["standard_kwh_m2"], c1["distance_kwh_m2"]) == (1.5, 63.0, 27.0)
    assert not c1["meets_standard"]
    assert d.loc[("C2", "D1"), "label"] == "G"           # own EP2 400 overrides the complex
    assert d.loc[("C2", "D2"), "label"] == "E"           # the complex's EP2 300
    c3 = d[d["complex"] == "C3"].iloc[0]
    assert (c3["label"], c3["label_source"]) == ("F", "given")      # no EP2: the given label
    assert pd.isna(c3["meets_standard"])


def by_corp(result, corporation, year):
    f = result.by_corporation()
    return f[(f["corporation"] == corporation) & (f["year"] == year)].iloc[0]


def test_counts_per_year_over_a_small_stock():
    r = y.yardsticks(small_stock(), 2025, 2030)
    a25, a26, a27 = (by_corp(r, "Alpha", year) for year in (2025, 2026, 2027))
    # E/F/G: C2's E, E, G until its project gives A+ in 2027
    assert (a25["efg"], a26["efg"], a27["efg"]) == (3, 3, 0)
    # toekomstklaar: C1 meets its Standaard from 2026 (60 ≤ 63); C2 by A+ from 2027
    assert (a25["toekomstklaar"], a26["toekomstklaar"], a27["toekomstklaar"]) == (0, 4, 7)
    # gas-free: C1's all-electric heat pump from 2026
    assert (a25["gas_free"], a26["gas_free"]) == (0, 4)
    # average EP2: (4 × 200 + 400 + 300 + 300) / 7, then C1 at 120
    assert a25["avg_ep2_kwh_m2"] == pytest.approx(1800 / 7)
    assert a26["avg_ep2_kwh_m2"] == pytest.approx(1480 / 7)
    # distance to the Standaard: C1 90 − 63 = 27 (× 4), C2 100 − 45 = 55 (× 3); C1 0 from 2026
    assert a25["avg_distance_kwh_m2"] == pytest.approx((4 * 27 + 3 * 55) / 7)
    assert a26["avg_distance_kwh_m2"] == pytest.approx(3 * 55 / 7)
    # CO2 from gas: (4 × 1000 + 3 × 800) m³ × 1.8 kg / (4 × 100 + 3 × 80) m² = 18.0; then
    # C1 uses 400 m³: (4 × 400 + 2400) × 1.8 / 640 = 11.25
    assert a25["co2_gas_kg_m2"] == pytest.approx(18.0)
    assert a26["co2_gas_kg_m2"] == pytest.approx(11.25)
    b = by_corp(r, "Beta", 2030)
    assert (b["dwellings"], b["efg"], b["toekomstklaar"], b["gas_free"]) == (2, 2, 0, 2)
    assert math.isnan(b["avg_ep2_kwh_m2"]) and math.isnan(b["co2_gas_kg_m2"])   # no data: none
    # per neighbourhood
    g = r.by_group[(r.by_group["year"] == 2025) & (r.by_group["neighbourhood"] == "Zuid")].iloc[0]
    assert (g["dwellings"], g["efg"], g["avg_ep2_kwh_m2"]) == (3, 3, pytest.approx(1000 / 3))


def test_a_complex_becomes_toekomstklaar_by_its_project():
    ds = small_stock()
    before = y.yardsticks(ds, 2025, 2026).by_group
    c1 = before[before["neighbourhood"] == "Noord"].set_index("year")["toekomstklaar"]
    assert c1.to_dict() == {2025: 0, 2026: 4}
    # a cancelled project counts for nothing
    ds.projects = ds.projects.assign(status=["vervallen", "gepland"])
    after = y.yardsticks(ds, 2025, 2026).by_group
    assert after[after["neighbourhood"] == "Noord"]["toekomstklaar"].tolist() == [0, 0]


def test_efg_after_2028_names_every_complex_left():
    ds = small_stock()
    left = y.efg_after_deadline(ds)
    assert left.to_dict("records") == [dict(complex="C3", name="De Linden", corporation="Beta",
                                             neighbourhood="Oost", dwellings=2, efg=2,
                                             next_project_year=None)]
    # C2's project moved to 2029 misses the deadline: C2 is listed too, with that year
    ds.projects = ds.projects.assign(year=[2026, 2029])
    left = y.efg_after_deadline(ds)
    assert left["complex"].tolist() == ["C2", "C3"]
    assert left.iloc[0]["efg"] == 3 and left.iloc[0]["next_project_year"] == 2029
    # a project done in 2028 itself is in time
    ds.projects = ds.projects.assign(year=[2026, 2028])
    assert y.efg_after_deadline(ds)["complex"].tolist() == ["C3"]


def test_indicators_by_corporation_columns():
    frame = y.indicators_by_corporation(small_stock(), 2025, 2026)
    assert list(frame.columns) == ["corporation", "year", "dwellings", "efg", "toekomstklaar", "gas_free",
                                   "avg_distance_kwh_m2", "avg_ep2_kwh_m2", "co2_gas_kg_m2"]
    assert frame[["corporation", "year"]].values.tolist() == [
        ["Alpha", 2025], ["Beta", 2025], ["Alpha", 2026], ["Beta", 2026]]


def test_the_co2_model_takes_the_label_its_ep2_gives():
    from desktop.models import co2
    from desktop.models.defaults import TYPICAL_GAS_M3_BY_LABEL

    # label "B" given, but EP2 335.01 is F: the CO2 page counts an F home using F's typical gas
    ds = Dataset.from_records(complexes=[dict(complex="K", corporation="Alpha", neighbourhood="Noord",
                                              dwellings=1, label="B", ep2_kwh_m2=335.01)])
    use, _warnings = co2.dwelling_use(ds)
    assert use["label"].tolist() == ["F"]
    assert use["gas_m3"].tolist() == [TYPICAL_GAS_M3_BY_LABEL["F"]]
    assert y.dwelling_performance(ds)["label_source"].tolist() == ["ep2"]
