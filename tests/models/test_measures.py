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
    # solar PV: 320 kWh per panel (domain.md) times an assumed number of panels
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
