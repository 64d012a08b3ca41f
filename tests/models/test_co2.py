"""The CO2 model on small stocks computed by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.models import co2
from desktop.models.dataset import Dataset
from desktop.models.defaults import cleaner_grid_scenario

# Emission factors with a gap: 2021-2029 take 2020's row, 2030 on take 2030's.
FACTORS = [{"year": 2020, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.5},
           {"year": 2030, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.3}]


def small_stock(factors=FACTORS) -> Dataset:
    """A: 2 dwelling rows (one vacant, taking the complex values), two projects whose gas
    savings add up beyond the use.  B: no dwelling rows, 3 declared dwellings, use from
    its label and the average household; a project before the base year and a cancelled
    one.  C: a dwelling with no gas and no label.  D: district heating, label B."""
    return Dataset.from_records(
        complexes=[
            {"complex": "A", "corporation": "Portaal", "neighbourhood": "'t Hart",
             "label": "C", "gas_m3": 800.0, "electricity_kwh": 3000.0},
            {"complex": "B", "corporation": "Portaal", "neighbourhood": "Overhees",
             "dwellings": 3, "label": "E"},
            {"complex": "C", "corporation": "de Alliantie", "neighbourhood": "'t Hart",
             "electricity_kwh": 1500.0},
            {"complex": "D", "corporation": "de Alliantie", "neighbourhood": "'t Hart",
             "heating": "stadsverwarming", "label": "B",
             # no network heat here: these figures are about gas and electricity; the
             # heat of a district-heated complex is tested in test_district_heating.py
             "heat_gj": 0.0},
        ],
        dwellings=[
            {"dwelling": "a1", "complex": "A", "gas_m3": 1000.0, "electricity_kwh": 2000.0,
             "label": "D"},
            {"dwelling": "a2", "complex": "A", "let": False},
            {"dwelling": "c1", "complex": "C"},
            {"dwelling": "d1", "complex": "D", "electricity_kwh": 2000.0},
        ],
        projects=[
            {"project": "A25", "complex": "A", "year": 2025, "gas_saving_m3": 900.0,
             "electricity_saving_kwh": -1000.0, "label_after": "A",
             "measures": "spouwmuurisolatie; hybride warmtepomp"},
            {"project": "A27", "complex": "A", "year": 2027, "gas_saving_m3": 200.0,
             "measures": "warmtepomp"},
            {"project": "B18", "complex": "B", "year": 2018, "gas_saving_m3": 100.0,
             "measures": "hybride warmtepomp"},
            {"project": "B22X", "complex": "B", "year": 2022, "gas_saving_m3": 500.0,
             "label_after": "A", "measures": "stadsverwarming", "status": "vervallen"},
        ],
        emission_factors=factors,
    )


def tonnes(frame: pd.DataFrame, year: int, corporation: str) -> float:
    sel = frame[(frame["year"] == year) & (frame["corporation"] == corporation)]
    assert len(sel) == 1
    return float(sel["tonnes"].iloc[0])


# ---- use per dwelling -------------------------------------------------------------------
def test_dwelling_use_fallbacks_and_sources():
    frame, warnings = co2.dwelling_use(small_stock())
    f = frame.assign(key=frame["dwelling"].fillna(frame["complex"])).set_index("key")
    assert f.loc["a1", ["gas_m3", "electricity_kwh"]].tolist() == [1000.0, 2000.0]
    assert (f.loc["a1", "gas_source"], f.loc["a1", "el_source"]) == ("dwelling", "dwelling")
    assert f.loc["a2", ["gas_m3", "electricity_kwh"]].tolist() == [800.0, 3000.0]
    assert (f.loc["a2", "gas_source"], f.loc["a2", "el_source"]) == ("complex", "complex")
    assert f.loc["a2", "label"] == "C"           # the complex's label
    # B: one row standing for its 3 declared dwellings, label E -> 970 m3, 2,450 kWh
    assert f.loc["B", "dwellings"] == 3 and pd.isna(f.loc["B", "dwelling"])
    assert f.loc["B", ["gas_m3", "electricity_kwh"]].tolist() == [970.0, 2450.0]
    assert (f.loc["B", "gas_source"], f.loc["B", "el_source"]) == ("label", "default")
    assert (f.loc["c1", "gas_m3"], f.loc["c1", "gas_source"]) == (0.0, "none")
    assert pd.isna(f.loc["c1", "label"])
    # district heating: no gas, even though label B has a typical gas use
    assert (f.loc["d1", "gas_m3"], f.loc["d1", "gas_source"]) == (0.0, "heating")
    assert frame["dwellings"].sum() == 7          # a1, a2, c1, d1 and B's three

    # grouped: one warning per complex and kind, with a count
    got = [(w.key, w.column, w.severity) for w in warnings]
    assert got == [("A", "gas_m3", "warning"), ("A", "electricity_kwh", "warning"),
                   ("B", "gas_m3", "warning"), ("B", "electricity_kwh", "warning"),
                   ("C", "gas_m3", "warning"), ("C", "electricity_kwh", "warning"),
                   ("D", "gas_m3", "warning")]
    b_gas = warnings[2]
    assert "3 dwellings" in b_gas.message and "label" in b_gas.message
    assert "3 woningen" in b_gas.message_nl
    assert b_gas.table == "complexes" and b_gas.row == 1
    assert "counted as 0" in warnings[4].message


def test_warnings_are_grouped_not_one_per_dwelling():
    ds = Dataset.from_records(
        complexes=[{"complex": "K", "corporation": "Portaal", "neighbourhood": "Hees",
                    "label": "D"}],
        dwellings=[{"dwelling": str(i), "complex": "K"} for i in range(25)])
    _, warnings = co2.dwelling_use(ds)
    assert len(warnings) == 2
    assert "25 dwellings" in warnings[0].message and "25 dwellings" in warnings[1].message


# ---- emissions --------------------------------------------------------------------------
def test_co2_by_corporation_by_hand():
    frame, warnings = co2.co2_by_corporation(small_stock())
    assert frame["year"].min() == 2020 and frame["year"].max() == 2050
    assert len(frame) == 31 * 2                  # every year, both corporations
    # Portaal, kg:
    #  A 2020: gas 1000 + 800 = 1800 x 1.8 = 3240; el 2000 + 3000 = 5000 x 0.5 = 2500 -> 5740
    #  B every year before 2030: 3 x (970 - 100 [2018 project]) = 2610 x 1.8 = 4698,
    #    el 3 x 2450 = 7350 x 0.5 = 3675 -> 8373 (the cancelled project does nothing)
    assert tonnes(frame, 2020, "Portaal") == pytest.approx(14.113)
    assert tonnes(frame, 2024, "Portaal") == pytest.approx(14.113)   # 2024: factors of 2020
    #  A 2025: gas max(0, 1000-900) + max(0, 800-900) = 100 -> 180;
    #    el (2000+1000) + (3000+1000) = 7000 -> 3500; A = 3680
    assert tonnes(frame, 2025, "Portaal") == pytest.approx(12.053)
    #  A 2027: savings 1100 > both gas uses -> 0; el 7000 -> 3500
    assert tonnes(frame, 2027, "Portaal") == pytest.approx(11.873)
    #  2030 factors 0.3: A 7000 x 0.3 = 2100; B 4698 + 7350 x 0.3 = 6903
    assert tonnes(frame, 2030, "Portaal") == pytest.approx(9.003)
    assert tonnes(frame, 2050, "Portaal") == pytest.approx(9.003)
    # de Alliantie: c1 gas 0, el 1500; d1 gas 0 (district heating), el 2000
    assert tonnes(frame, 2020, "de Alliantie") == pytest.approx(1.75)
    assert tonnes(frame, 2030, "de Alliantie") == pytest.approx(1.05)

    clamp = [w for w in warnings if "exceed" in w.message]
    assert len(clamp) == 1
    assert clamp[0].key == "A" and clamp[0].column == "gas_m3"
    assert "from 2025" in clamp[0].message and "2 dwellings" in clamp[0].message
    assert "vanaf 2025" in clamp[0].message_nl


def test_vacant_dwellings_count():
    ds = small_stock()
    let_all = Dataset.from_records(**{t: f for t, f in ds.frames().items()})
    let_all.dwellings = let_all.dwellings.assign(let=True)
    a, _ = co2.co2_by_corporation(ds)
    b, _ = co2.co2_by_corporation(let_all)
    pd.testing.assert_frame_equal(a, b)


def test_base_year_and_factor_before_the_first_row():
    only_2025 = [{"year": 2025, "gas_kg_m3": 2.0, "electricity_kg_kwh": 0.25}]
    ds = Dataset.from_records(
        complexes=[{"complex": "K", "corporation": "Portaal", "neighbourhood": "Hees",
                    "dwellings": 2, "gas_m3": 500.0, "electricity_kwh": 1000.0}],
        emission_factors=only_2025)
    frame, warnings = co2.co2_by_corporation(ds, base_year=2022)
    assert frame["year"].tolist() == list(range(2022, 2051))
    # 2 x (500 x 2.0 + 1000 x 0.25) = 2500 kg, 2022 taking the nearest later row
    assert set(frame["tonnes"]) == {2.5}
    assert warnings == []


def test_default_factors_stand_for_every_year():
    ds = Dataset.from_records(
        complexes=[{"complex": "K", "corporation": "Portaal", "neighbourhood": "Hees",
                    "dwellings": 1, "gas_m3": 1000.0, "electricity_kwh": 1000.0}])
    frame, _ = co2.co2_by_corporation(ds)
    # 1000 x 1.779 + 1000 x 0.497 = 2276 kg
    assert set(frame["tonnes"]) == {2.276}


def test_decomposition_retrofits_versus_cleaner_grid():
    result, _ = co2.emissions(small_stock())
    totals = result.totals().set_index("year")
    base = totals.loc[2020]
    assert base["tonnes"] == base["tonnes_without_retrofits"] == base["tonnes_at_base_factors"]
    t30 = totals.loc[2030]
    # without retrofits after the base year, at 2030 factors:
    #   A 1800 x 1.8 + 5000 x 0.3 = 4740; B 6903; C+D 3500 x 0.3 = 1050 -> 12.693 t
    assert t30["tonnes_without_retrofits"] == pytest.approx(12.693)
    # 2030 savings at 2020 factors: A 3500, B 8373, C+D 1750 -> 13.623 t
    assert t30["tonnes_at_base_factors"] == pytest.approx(13.623)
    g = co2.gap(result, 2030)
    assert g["tonnes"] == pytest.approx(10.053)
    assert g["drop_tonnes"] == pytest.approx(15.863 - 10.053)
    assert g["drop_from_grid"] == pytest.approx(15.863 - 12.693)
    assert g["drop_from_retrofits"] == pytest.approx(12.693 - 10.053)
    # target 2030: -49 % of 15.863
    assert g["target_tonnes"] == pytest.approx(15.863 * 0.51)
    assert g["gap_tonnes"] == pytest.approx(10.053 - 15.863 * 0.51)


def test_scenario_factors_override_the_dataset():
    result, _ = co2.emissions(small_stock(), factors=cleaner_grid_scenario())
    f = result.factors.set_index("year")
    assert f.loc[2025, "electricity_kg_kwh"] == pytest.approx(0.497)
    assert f.loc[2050, "electricity_kg_kwh"] == 0.0
    assert not f["from_defaults"].any()


def test_labels_follow_the_latest_project_with_label_after():
    result, _ = co2.emissions(small_stock())
    lab = result.labels
    hart = lab[(lab["corporation"] == "Portaal") & (lab["neighbourhood"] == "'t Hart")]
    per_year = {y: dict(zip(g["label"], g["dwellings"])) for y, g in hart.groupby("year")}
    assert per_year[2024] == {"D": 1, "C": 1}
    assert per_year[2025] == {"A": 2}
    assert per_year[2050] == {"A": 2}
    overhees = lab[lab["neighbourhood"] == "Overhees"]
    assert set(overhees["label"]) == {"E"}       # the cancelled project's label A ignored
    alliantie = lab[(lab["corporation"] == "de Alliantie") & (lab["year"] == 2020)]
    assert alliantie["dwellings"].sum() == 2
    assert alliantie["label"].isna().sum() == 1  # c1: unknown label


def test_gas_free_share():
    result, _ = co2.emissions(small_stock())
    gf = result.gas_free.set_index(["corporation", "neighbourhood", "year"])
    # A turns gas-free with the all-electric heat pump of 2027 (the hybrid of 2025 doesn't)
    assert gf.loc[("Portaal", "'t Hart", 2026), "gas_free_dwellings"] == 0
    assert gf.loc[("Portaal", "'t Hart", 2027), "gas_free_share"] == 1.0
    # B: hybrid heat pump only; the cancelled district heating project does not count
    assert gf.loc[("Portaal", "Overhees", 2050), "gas_free_dwellings"] == 0
    # D is heated by district heating from the start, C burns gas (by the rule)
    assert gf.loc[("de Alliantie", "'t Hart", 2020), "gas_free_dwellings"] == 1
    assert gf.loc[("de Alliantie", "'t Hart", 2020), "gas_free_share"] == 0.5


def test_target_path():
    path = co2.target_path(100.0, 2020).set_index("year")["target_tonnes"]
    assert path[2020] == 100.0
    assert path[2025] == pytest.approx(87.7)
    assert path[2030] == pytest.approx(51.0)
    assert path[2027] == pytest.approx(100 * (1 - 0.123 - (0.49 - 0.123) * 2 / 5))
    assert path[2050] == pytest.approx(0.0)
    assert len(path) == 31


def test_empty_dataset():
    frame, warnings = co2.co2_by_corporation(Dataset.empty())
    assert frame.empty and warnings == []
    result, _ = co2.emissions(Dataset.empty())
    assert result.totals()["tonnes"].sum() == 0


def test_prepared_use_gives_the_same_result():
    ds = small_stock()
    use = co2.prepare_use(ds)
    a, wa = co2.emissions(ds)
    b, wb = co2.emissions(ds, use=use)
    pd.testing.assert_frame_equal(a.by_group, b.by_group)
    assert wa == wb
    # an edit to a project: the prepared stock still gives the fresh result
    ds.projects = ds.projects.assign(gas_saving_m3=ds.projects["gas_saving_m3"] * 0.5)
    c, _ = co2.emissions(ds, use=use)
    d, _ = co2.emissions(ds)
    pd.testing.assert_frame_equal(c.by_group, d.by_group)
    assert not c.by_group["tonnes"].equals(a.by_group["tonnes"])


def _brute_force(ds: Dataset, years: range) -> dict[tuple[int, str], float]:
    """Per dwelling and year with plain Python: the rule as written in words."""
    use, _ = co2.dwelling_use(ds)
    f = ds.emission_factors.set_index("year")
    out: dict[tuple[int, str], float] = {}
    projects = ds.projects[ds.projects["status"] != "vervallen"]
    for y in years:
        fg = f.loc[y, "gas_kg_m3"]
        fe = f.loc[y, "electricity_kg_kwh"]
        done = projects[projects["year"] <= y]
        sg = done.groupby("complex")["gas_saving_m3"].sum()
        se = done.groupby("complex")["electricity_saving_kwh"].sum()
        for r in use.itertuples():
            g = max(0.0, r.gas_m3 - sg.get(r.complex, 0.0))
            e = max(0.0, r.electricity_kwh - se.get(r.complex, 0.0))
            key = (y, r.corporation)
            out[key] = out.get(key, 0.0) + r.dwellings * (g * fg + e * fe) / 1000
    return out


def test_vectorised_result_equals_the_rule_per_dwelling():
    rng = np.random.default_rng(7)
    n_c, n_d = 30, 200
    complexes = [{"complex": f"K{i}", "corporation": ["X", "Y", "Z"][i % 3],
                  "neighbourhood": ["n1", "n2"][i % 2],
                  "dwellings": int(rng.integers(1, 6)),
                  "gas_m3": float(rng.integers(300, 1200)) if i % 4 else None,
                  "electricity_kwh": float(rng.integers(1000, 4000)) if i % 5 else None,
                  "label": ["B", "C", "D", None][i % 4]} for i in range(n_c)]
    owners = rng.integers(0, n_c - 8, n_d)          # the last 8 complexes: no dwelling rows
    dwellings = [{"dwelling": f"W{j}", "complex": f"K{owners[j]}",
                  "gas_m3": float(rng.integers(0, 1500)) if j % 3 else None,
                  "electricity_kwh": float(rng.integers(500, 5000)) if j % 2 else None}
                 for j in range(n_d)]
    projects = [{"project": f"P{k}", "complex": f"K{int(rng.integers(0, n_c))}",
                 "year": int(rng.integers(2015, 2045)),
                 "gas_saving_m3": float(rng.integers(0, 700)),
                 "electricity_saving_kwh": float(rng.integers(-2500, 1500)),
                 "status": "vervallen" if k % 7 == 0 else "gepland"} for k in range(60)]
    factors = [{"year": y, "gas_kg_m3": 1.779, "electricity_kg_kwh": 0.497 * (2050 - y) / 30}
               for y in range(2020, 2051)]
    ds = Dataset.from_records(complexes=complexes, dwellings=dwellings, projects=projects,
                              emission_factors=factors)
    frame, _ = co2.co2_by_corporation(ds)
    expected = _brute_force(ds, range(2020, 2051))
    got = {(int(r.year), r.corporation): r.tonnes for r in frame.itertuples()}
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, abs=1e-3), key
