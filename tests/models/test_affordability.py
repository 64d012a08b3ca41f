"""Affordability (3K/3L): hand-computed examples a corporation's advisor would check."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from desktop.models import affordability as aff
from desktop.models.dataset import Dataset
from desktop.models.yearly import resolve_years, tariffs_for_years

TARIFFS_2021 = [{"year": 2021, "gas_eur_m3": 0.80, "electricity_eur_kwh": 0.22}]


def stock(projects, complexes=None, dwellings=None, tariffs=TARIFFS_2021) -> Dataset:
    complexes = complexes or [
        {"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
         "dwellings": 10, "gas_m3": 1000.0, "electricity_kwh": 2000.0, "rent_cents": 60000},
    ]
    return Dataset.from_records(complexes=complexes, dwellings=dwellings or [],
                                projects=projects, tariffs=tariffs)


def project(pid="P1", complex="C1", year=2021, gas=0.0, el=0.0, rent=0, **kw) -> dict:
    return {"project": pid, "complex": complex, "year": year, "gas_saving_m3": gas,
            "electricity_saving_kwh": el, "rent_increase_cents": rent, **kw}


def row(frame: pd.DataFrame, pid: str) -> pd.Series:
    return frame.set_index("project").loc[pid]


# ---- money --------------------------------------------------------------------------
def test_to_cents_rounds_half_up_on_the_written_decimal():
    assert aff.to_cents(12.345) == 1235
    assert aff.to_cents(1.005) == 101          # round(1.005 * 100) in floats gives 100
    assert aff.to_cents(0.125) == 13
    assert aff.to_cents(-0.005) == -1          # half a cent goes away from zero
    assert aff.to_cents(18) == 1800
    assert aff.to_cents(None) is None and aff.to_cents(float("nan")) is None


def test_monthly_saving_of_exactly_half_a_cent_rounds_up():
    # 12 m3 x 0.185 = 2.22 per year = 0.185 per month = 18.5 cents -> 19;
    # the float computation gives 18.4999..., which would round to 18.
    assert (12 * 0.185) * 100 / 12 < 18.5
    assert aff.monthly_saving_cents(12, 0, 0.185, 0.22) == 19
    # 100 m3 x 1.4814 / 12 = 12.345 euros -> 1,235 cents
    assert aff.monthly_saving_cents(100, 0, 1.4814, 0.22) == 1235


def test_weighted_rounding_helper_is_exact_half_up():
    assert aff.round_half_up_div(np.array([2001, 2003, -3, 7]), np.array([2, 2, 2, 3])).tolist() \
        == [1001, 1002, -2, 2]


# ---- per project ----------------------------------------------------------------------
def test_equality_counts_as_affordable():
    # 150 m3 x 0.80 = 120 a year = 10.00 a month
    ds = stock([project("EQ", gas=150.0, rent=1000), project("UP", gas=150.0, rent=1001)])
    frame, _ = aff.project_table(ds)
    assert row(frame, "EQ")["energy_saving_per_month"] == 10.0
    assert row(frame, "EQ")["ok"] and row(frame, "EQ")["verdict"] == "ok"
    assert not row(frame, "UP")["ok"] and row(frame, "UP")["verdict"] == "not_ok"
    assert row(frame, "UP")["margin_cents"] == -1
    assert row(frame, "UP")["margin_per_month"] == -0.01


def test_half_cent_saving_decides_the_verdict_exactly():
    ds = stock([project("H", gas=12.0, rent=19)],
               tariffs=[{"year": 2021, "gas_eur_m3": 0.185, "electricity_eur_kwh": 0.22}])
    frame, _ = aff.project_table(ds)
    assert row(frame, "H")["energy_saving_cents"] == 19
    assert row(frame, "H")["energy_saving_per_month"] == 0.19
    assert row(frame, "H")["ok"]


def test_heat_pump_extra_electricity_lowers_the_saving():
    # default 2022 tariffs 2.30 / 0.535: (650 x 2.30 - 1500 x 0.535) / 12
    #   = (1495 - 802.5) / 12 = 57.7083 -> 57.71
    ds = stock([project("HP", year=2022, gas=650.0, el=-1500.0, rent=5771),
                project("HP2", year=2022, gas=650.0, el=-1500.0, rent=5772)], tariffs=[])
    frame, _ = aff.project_table(ds)
    assert row(frame, "HP")["energy_saving_per_month"] == 57.71
    assert row(frame, "HP")["ok"] and not row(frame, "HP2")["ok"]


def test_year_without_tariffs_takes_nearest_earlier_else_later():
    tariffs = [{"year": 2020, "gas_eur_m3": 0.60, "electricity_eur_kwh": 0.20},
               {"year": 2023, "gas_eur_m3": 1.20, "electricity_eur_kwh": 0.40}]
    ds = stock([project("P19", year=2019, gas=120.0),      # before any row: 2020 (later)
                project("P21", year=2021, gas=120.0),      # 2020 (earlier)
                project("P23", year=2023, gas=120.0),      # its own year
                project("P30", year=2030, gas=120.0)],     # 2023
               tariffs=tariffs)
    frame, warnings = aff.project_table(ds)
    # 120 x 0.60 / 12 = 6.00; 120 x 1.20 / 12 = 12.00
    assert row(frame, "P19")["energy_saving_per_month"] == 6.0
    assert row(frame, "P21")["energy_saving_per_month"] == 6.0
    assert row(frame, "P23")["energy_saving_per_month"] == 12.0
    assert row(frame, "P30")["energy_saving_per_month"] == 12.0
    # tariff_year reports the project's year; the year whose tariffs were used is separate
    assert row(frame, "P21")["tariff_year"] == 2021
    assert row(frame, "P21")["tariff_source_year"] == 2020
    assert row(frame, "P19")["tariff_source_year"] == 2020
    assert row(frame, "P30")["tariff_source_year"] == 2023
    assert not frame["tariff_estimate"].any()
    assert not [w for w in warnings if w.table == "tariffs"]


def test_without_tariff_rows_the_defaults_are_used_and_estimates_said():
    ds = stock([project("P21", year=2021, gas=120.0),     # default 2021: 0.80 -> 8.00
                project("P25", year=2025, gas=120.0),     # default 2023 (price cap) 1.45 -> 14.50
                project("P18", year=2018, gas=120.0)],    # default 2020: 0.76 -> 7.60
               tariffs=[])
    frame, warnings = aff.project_table(ds)
    assert row(frame, "P21")["energy_saving_per_month"] == 8.0
    assert row(frame, "P25")["energy_saving_per_month"] == 14.5
    assert row(frame, "P18")["energy_saving_per_month"] == 7.6
    assert row(frame, "P21")["tariff_estimate"] and not row(frame, "P25")["tariff_estimate"]
    tariff_warnings = [w for w in warnings if w.table == "tariffs"]
    assert len(tariff_warnings) == 1
    assert "2020, 2021" in tariff_warnings[0].message and tariff_warnings[0].message_nl


def test_resolve_years_reports_source_and_defaults():
    table = pd.DataFrame({"year": [2020, 2023], "gas_eur_m3": [0.6, 1.2],
                          "electricity_eur_kwh": [0.2, 0.4]})
    out = tariffs_for_years(table, [2024, 2019, 2021, 2021])
    assert out.index.tolist() == [2019, 2021, 2024]
    assert out["source_year"].tolist() == [2020, 2020, 2023]
    assert out["exact"].tolist() == [False, False, False]
    assert not out["from_defaults"].any()
    empty = tariffs_for_years(table.iloc[0:0], [2022, 2030])
    assert empty["gas_eur_m3"].tolist() == [2.30, 1.45]
    assert empty["from_defaults"].all()
    # no rows and no defaults: NaN values
    none = resolve_years(None, [2021], ["x"], None)
    assert math.isnan(none.loc[2021, "x"])


def test_cancelled_projects_are_left_out():
    ds = stock([project("KEEP", gas=150.0), project("NL", gas=150.0, status="vervallen"),
                project("EN", gas=150.0, status="cancelled")])
    frame, _ = aff.project_table(ds)
    assert frame["project"].tolist() == ["KEEP"]
    by_year, _ = aff.corporation_year_table(ds)
    assert by_year["dwellings"].tolist() == [10]


def test_project_without_year_is_left_out_with_a_warning():
    ds = stock([project("NOYEAR", year=None, gas=1.0), project("OK", gas=1.0)])
    frame, warnings = aff.project_table(ds)
    assert frame["project"].tolist() == ["OK"]
    assert [(w.key, w.column, w.row) for w in warnings] == [("NOYEAR", "year", 0)]


# ---- per corporation and year -----------------------------------------------------------
def test_corporation_year_average_is_weighted_by_dwellings():
    complexes = [
        {"complex": "SMALL", "corporation": "Portaal", "neighbourhood": "'t Hart", "dwellings": 10},
        {"complex": "BIG", "corporation": "Portaal", "neighbourhood": "'t Hart", "dwellings": 30},
        {"complex": "EMPTY", "corporation": "Portaal", "neighbourhood": "'t Hart"},   # 0 dwellings
        {"complex": "OTHER", "corporation": "de Alliantie", "neighbourhood": "Smitsveen",
         "dwellings": 5},
    ]
    tariffs = [{"year": 2021, "gas_eur_m3": 1.0, "electricity_eur_kwh": 0.0}]
    ds = stock([
        # saving 60 m3 x 1.00 / 12 = 5.00; 240 m3 -> 20.00
        project("S", complex="SMALL", gas=60.0, rent=1000),       # 10 dwellings
        project("B", complex="BIG", gas=240.0, rent=0),           # 30 dwellings
        project("E", complex="EMPTY", gas=0.0, rent=100000),      # no weight
        project("O", complex="OTHER", gas=0.0, rent=10),
        project("O22", complex="OTHER", year=2022, gas=12.0, rent=0),
    ], complexes=complexes, tariffs=tariffs)
    out, warnings = aff.corporation_year_table(ds)
    assert warnings == []
    portaal = out[(out["corporation"] == "Portaal") & (out["year"] == 2021)].iloc[0]
    assert portaal["dwellings"] == 40
    assert portaal["projects"] == 3
    # (1000 x 10 + 0 x 30) / 40 = 250 cents; (500 x 10 + 2000 x 30) / 40 = 1625 cents
    assert portaal["avg_rent_increase_per_month"] == 2.50
    assert portaal["avg_energy_saving_per_month"] == 16.25
    assert bool(portaal["ok"])
    alliantie = out[out["corporation"] == "de Alliantie"]
    assert alliantie["year"].tolist() == [2021, 2022]
    assert alliantie["ok"].tolist() == [False, True]
    assert sorted(map(tuple, out[["corporation", "year"]].values.tolist())) == \
        [("Portaal", 2021), ("de Alliantie", 2021), ("de Alliantie", 2022)]


def test_corporation_year_average_rounds_the_weighted_cents_half_up():
    complexes = [{"complex": c, "corporation": "Portaal", "neighbourhood": "Hees",
                  "dwellings": 1} for c in ("A", "B")]
    tariffs = [{"year": 2021, "gas_eur_m3": 1.0, "electricity_eur_kwh": 0.0}]
    # savings 12.00 and 12.01 -> average 12.005 -> 12.01; rent 12.01 equals it: ok
    ds = stock([project("A", complex="A", gas=144.0, rent=1201),
                project("B", complex="B", gas=144.12, rent=1201)],
               complexes=complexes, tariffs=tariffs)
    out, _ = aff.corporation_year_table(ds)
    assert out["avg_energy_saving_cents"].tolist() == [1201]
    assert out["avg_energy_saving_per_month"].tolist() == [12.01]
    assert out["ok"].tolist() == [True]


# ---- rent limits and housing costs (3L) ---------------------------------------------------
def test_rent_limit_flags_against_the_limits_of_the_year():
    # complex rent 600.00; 2021 limits: aftopping 633.25 / 678.66, liberalisation 752.33
    ds = stock([project("UNDER", rent=3325),          # 633.25: not above
                project("AFT", rent=3326),            # 633.26: above the lower aftopping
                project("LIB", rent=15234),           # 752.34: above everything
                project("NONE", rent=0)])
    frame, warnings = aff.project_table(ds)
    flags = frame.set_index("project")[["over_aftopping", "over_aftopping_large",
                                        "over_liberalisation"]]
    assert flags.loc["UNDER"].tolist() == [False, False, False]
    assert flags.loc["AFT"].tolist() == [True, False, False]
    assert flags.loc["LIB"].tolist() == [True, True, True]
    assert flags.loc["NONE"].tolist() == [False, False, False]
    assert row(frame, "AFT")["rent_after_cents"] == 63326
    assert row(frame, "AFT")["rent_limits_year"] == 2021
    keys = sorted(w.key for w in warnings if w.column == "rent_increase_cents")
    assert keys == ["AFT", "LIB"]
    lib = next(w for w in warnings if w.key == "LIB")
    assert "liberalisation" in lib.message and "liberalisatiegrens" in lib.message_nl


def test_rent_limits_fallback_and_override():
    assert aff.rent_limits(None, 2020).liberalisation_cents == 73714
    later = aff.rent_limits(None, 2024)
    assert (later.source_year, later.aftopping_small_cents, later.exact) == (2021, 63325, False)
    assert aff.rent_limits(None, 2015).source_year == 2020
    table = pd.DataFrame({"year": [2024], "aftopping_small_cents": [65000],
                          "aftopping_large_cents": [69000], "liberalisation_cents": [80000]})
    own = aff.rent_limits(None, 2025, table)
    assert (own.source_year, own.liberalisation_cents, own.from_defaults) == (2024, 80000, False)


def test_energy_rent_increase_from_2023_is_flagged():
    tariffs = TARIFFS_2021
    ds = stock([project("Y22", year=2022, gas=600.0, rent=500),
                project("Y23", year=2023, gas=600.0, rent=500),
                project("Y23ZERO", year=2023, gas=600.0, rent=0)], tariffs=tariffs)
    frame, warnings = aff.project_table(ds)
    forbidden = frame.set_index("project")["energy_rent_increase_forbidden"]
    assert forbidden.to_dict() == {"Y22": False, "Y23": True, "Y23ZERO": False}
    flagged = [w for w in warnings if "2023" in w.message and w.key == "Y23"]
    assert len(flagged) == 1 and flagged[0].severity == "warning"
    assert "€ 5,00" in flagged[0].message_nl


def test_rent_from_dwellings_and_total_housing_costs():
    complexes = [{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                  "gas_m3": 1000.0, "electricity_kwh": 2000.0, "rent_cents": 60000}]
    dwellings = [{"dwelling": "1", "complex": "C1", "rent_cents": 61000},
                 {"dwelling": "2", "complex": "C1"}]          # takes the complex rent 600.00
    ds = stock([project("P", gas=300.0, rent=2000)], complexes=complexes, dwellings=dwellings)
    frame, _ = aff.project_table(ds)
    r = row(frame, "P")
    assert r["dwellings"] == 2
    assert r["rent_before_cents"] == 60500 and r["rent_after_cents"] == 62500
    # energy before: (1000 x 0.80 + 2000 x 0.22) / 12 = 1240 / 12 = 103.33
    # after:         ( 700 x 0.80 + 2000 x 0.22) / 12 = 1000 / 12 =  83.33
    assert r["energy_cost_before_per_month"] == 103.33
    assert r["energy_cost_after_per_month"] == 83.33
    assert r["housing_cost_before_per_month"] == 708.33
    assert r["housing_cost_after_per_month"] == 708.33
    assert r["housing_cost_change_per_month"] == 0
    # the energy saving itself: 300 x 0.80 / 12 = 20.00 = the increase: affordable
    assert r["energy_saving_per_month"] == 20.0 and r["ok"]


def test_unknown_rent_leaves_housing_costs_empty():
    complexes = [{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Hees",
                  "dwellings": 4, "label": "C"}]
    ds = stock([project("P", gas=100.0, rent=100)], complexes=complexes)
    frame, _ = aff.project_table(ds)
    r = row(frame, "P")
    assert pd.isna(r["rent_before_cents"]) and pd.isna(r["housing_cost_before_per_month"])
    assert not r["over_aftopping"]
    # typical use for label C (840 m3) and the average household (2,450 kWh)
    assert r["gas_m3"] == 840.0 and r["electricity_kwh"] == 2450.0


def test_check_columns_are_plain_and_in_project_order():
    ds = stock([project("B2", gas=150.0, rent=1000), project("A1", gas=0.0, rent=0)])
    frame, _ = aff.project_table(ds)
    assert frame["project"].tolist() == ["B2", "A1"]
    cols = ["project", "tariff_year", "rent_increase_per_month", "energy_saving_per_month", "ok"]
    first = frame[cols].iloc[0].tolist()
    assert first == ["B2", 2021, 10.0, 10.0, True]


# ---- rent limits kept in the workspace (Dataset.rent_limits) ---------------------------
def test_empty_rent_limits_table_means_the_built_in_limits():
    ds = stock([project("P1", rent=3000)])
    assert len(ds.rent_limits) == 0 and list(ds.rent_limits.columns)[:4] == [
        "year", "aftopping_small_cents", "aftopping_large_cents", "liberalisation_cents"]
    lim = aff.rent_limits(ds, 2021)
    assert (lim.liberalisation_cents, lim.aftopping_large_cents, lim.from_defaults) == \
        (75233, 67866, True)
    frame = aff.rent_limits_for_years([2019, 2020, 2026], ds)
    assert frame["source_year"].tolist() == [2020, 2020, 2021]
    assert frame["liberalisation_cents"].tolist() == [73714, 73714, 75233]
    assert frame["from_defaults"].tolist() == [True] * 3


def test_workspace_rent_limits_replace_the_defaults_with_the_fallback_rule():
    limits = [{"year": 2022, "aftopping_small_cents": 60000, "aftopping_large_cents": 62000,
               "liberalisation_cents": 62999},
              {"year": 2024, "aftopping_small_cents": 70000, "aftopping_large_cents": 72000,
               "liberalisation_cents": 80000}]
    ds = Dataset.from_records(
        complexes=[{"complex": "C1", "corporation": "Portaal", "neighbourhood": "Overhees",
                    "dwellings": 10, "gas_m3": 1000.0, "electricity_kwh": 2000.0,
                    "rent_cents": 60000}],
        projects=[project("P21", year=2021, rent=3000), project("P25", year=2025, rent=3000)],
        tariffs=TARIFFS_2021, rent_limits=limits)
    frame = aff.rent_limits_for_years([2021, 2022, 2023, 2024, 2030], ds)
    # 2021: before the first row -> nearest later (2022); 2023 -> 2022; 2030 -> 2024
    assert frame["source_year"].tolist() == [2022, 2022, 2022, 2024, 2024]
    assert frame["liberalisation_cents"].tolist() == [62999, 62999, 62999, 80000, 80000]
    assert not frame["from_defaults"].any()
    table, _ = aff.project_table(ds)
    # rent 600.00 + 30.00 = 630.00: above 2022's 629.99 (used for 2021), not above 2024's 800.00
    assert row(table, "P21")["over_liberalisation"] and row(table, "P21")["rent_limits_year"] == 2022
    assert not row(table, "P25")["over_liberalisation"]
    assert not row(table, "P25")["over_aftopping"]              # 630.00 <= 700.00
