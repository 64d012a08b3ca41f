"""The catalogue of usual measures and the savings it proposes."""
from __future__ import annotations

import pandas as pd
import pytest

from desktop.models.measures import (CATALOGUE, find_measure, is_gas_free, parse_measures,
                                     propose_savings, split_measures)


def test_catalogue_holds_the_usual_measures_in_both_languages():
    keys = {m.key for m in CATALOGUE}
    assert keys == {"dakisolatie", "gevelisolatie", "spouwmuurisolatie", "vloerisolatie",
                    "hr++ glas", "hybride warmtepomp", "all-electric warmtepomp",
                    "zonnepanelen", "ventilatie", "stadsverwarming"}
    for m in CATALOGUE:
        assert m.dutch and m.english and m.source
        assert find_measure(m.english) is m and find_measure(m.dutch.upper()) is m


def test_domain_figures_are_verified_and_the_rest_marked_unverified():
    roof = find_measure("dakisolatie")
    assert (roof.gas_saving_m3, roof.savings_unverified) == (700.0, False)
    hybrid = find_measure("hybrid heat pump")
    assert (hybrid.gas_saving_m3, hybrid.electricity_saving_kwh) == (650.0, -1500.0)
    assert not hybrid.savings_unverified
    cavity = find_measure("spouwmuurisolatie")
    assert 180.0 <= cavity.gas_saving_m3 <= 600.0 and not cavity.savings_unverified
    for name in ("gevelisolatie", "vloerisolatie", "hr++ glas", "ventilatie",
                 "stadsverwarming", "all-electric warmtepomp"):
        assert find_measure(name).savings_unverified, name
    # no cost figure has a primary source
    assert all(m.cost_unverified and m.unverified for m in CATALOGUE)
    # solar PV: 320 kWh per panel (DOMAIN_SOURCE) times an assumed number of panels
    pv = find_measure("zonnepanelen")
    assert pv.electricity_saving_kwh % 320 == 0 and pv.savings_unverified


def test_parse_measures_keeps_order_drops_repeats_and_reports_unknown():
    known, unknown = parse_measures("dakisolatie;  HR++  glas ; roof insulation;; groen dak")
    assert [m.key for m in known] == ["dakisolatie", "hr++ glas"]
    assert unknown == ["groen dak"]
    assert parse_measures(None) == ([], [])
    assert parse_measures(pd.NA) == ([], [])
    assert [m.key for m in parse_measures(["Solar panels", "ventilation"])[0]] == \
        ["zonnepanelen", "ventilatie"]
    assert split_measures("a; ;b") == ["a", "b"]


def test_gas_free_measures():
    assert is_gas_free("dakisolatie; warmtepomp")
    assert is_gas_free("Stadsverwarming")
    assert not is_gas_free("hybride warmtepomp; dakisolatie")
    assert not is_gas_free(None)


def test_propose_savings_sums_and_caps_at_the_base_use():
    # roof 700 + hybrid heat pump 650 = 1,350 m3, capped at the 900 m3 the home uses
    gas, el, cents = propose_savings("dakisolatie; hybride warmtepomp", base_gas_m3=900.0)
    assert (gas, el) == (900.0, -1500.0)
    assert cents == 400_000 + 500_000
    gas, el, _ = propose_savings("dakisolatie; hybride warmtepomp", None)
    assert (gas, el) == (1350.0, -1500.0)


def test_gas_free_measure_saves_all_gas():
    gas, el, _ = propose_savings(["all-electric heat pump"], base_gas_m3=840.0)
    assert gas == 840.0 and el < 0
    gas, _, _ = propose_savings("stadsverwarming", None)
    assert gas == pytest.approx(1197.0)        # average household (CBS) when unknown


def test_unknown_measures_propose_nothing():
    assert propose_savings("groen dak", 800.0) == (0.0, 0.0, 0)


# ---- the workspace's catalogue (Dataset.measures) ------------------------------------
from desktop.models.dataset import Dataset  # noqa: E402
from desktop.models.measures import catalogue  # noqa: E402


def workspace_rows(*rows) -> Dataset:
    return Dataset.from_records(measures=list(rows))


def test_empty_table_is_the_built_in_catalogue():
    assert catalogue() == list(CATALOGUE)
    assert catalogue(Dataset.empty()) == list(CATALOGUE)
    assert all(m.origin == "built-in" for m in catalogue())


def test_a_workspace_row_overrides_the_built_in_measure_in_place():
    ds = workspace_rows({"measure": "Dakisolatie ", "name_en": "Roof insulation",
                         "gas_saving_m3": 500.0, "electricity_saving_kwh": 0.0,
                         "cost_cents": 450000, "source": "own tender 2024"})
    cat = catalogue(ds)
    assert len(cat) == len(CATALOGUE)
    roof = cat[0]
    assert (roof.key, roof.gas_saving_m3, roof.cost_per_dwelling_eur) == ("dakisolatie", 500.0, 4500.0)
    assert (roof.origin, roof.source, roof.savings_unverified, roof.cost_unverified) == \
        ("changed", "own tender 2024", False, False)
    assert find_measure("roof", cat) is roof            # the built-in aliases still work
    # the proposal follows the workspace: 500 + 200 m³; € 4,500 + € 4,000
    assert propose_savings("dakisolatie; hr++ glas", None, cat) == (700.0, 0.0, 850_000)
    assert propose_savings("dakisolatie; hr++ glas") == (900.0, 0.0, 800_000)   # built-in


def test_an_override_keeps_the_estimate_mark_of_values_left_unchanged():
    facade = find_measure("gevelisolatie")
    ds = workspace_rows({"measure": "gevelisolatie", "gas_saving_m3": facade.gas_saving_m3,
                         "electricity_saving_kwh": 0.0, "cost_cents": 1_000_000})
    m = find_measure("gevelisolatie", catalogue(ds))
    assert m.savings_unverified and not m.cost_unverified and m.cost_per_dwelling_eur == 10000.0


def test_a_new_key_adds_a_measure_and_missing_gas_means_gas_free():
    ds = workspace_rows(
        {"measure": "groen dak", "name_en": "Green roof", "gas_saving_m3": 80.0,
         "electricity_saving_kwh": 0.0, "cost_cents": 250000},
        {"measure": "warmtepomp", "name_en": "Our heat pump", "gas_saving_m3": None,
         "electricity_saving_kwh": -2000.0, "cost_cents": 1_200_000})
    cat = catalogue(ds)
    assert [m.key for m in cat[-2:]] == ["groen dak", "warmtepomp"]
    green, pump = cat[-2:]
    assert (green.dutch, green.english, green.origin, green.gas_free) == \
        ("Groen dak", "Green roof", "added", False)
    assert pump.gas_free and pump.gas_saving_m3 is None
    # a measure's own key wins over the built-in alias "warmtepomp" (all-electric)
    assert find_measure("warmtepomp", cat) is pump
    assert find_measure("warmtepomp").key == "all-electric warmtepomp"
    known, unknown = parse_measures("groen dak; dakisolatie; tuin", cat)
    assert [m.key for m in known] == ["groen dak", "dakisolatie"] and unknown == ["tuin"]
    assert parse_measures("groen dak")[1] == ["groen dak"]            # built-in: unknown
    # gas-free: all 900 m³ the home uses; 80 m³ added is capped; € 12,000 + € 2,500
    assert propose_savings("warmtepomp; groen dak", 900.0, cat) == (900.0, -2000.0, 1_450_000)
    assert is_gas_free("warmtepomp", cat)
