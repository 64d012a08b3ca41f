"""The affordability flags: one rule function each in the core; the page renders them."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from desktop.models import affordability as aff
from desktop.models import affordability_rules as rules

from .test_affordability import project, stock

FLAG_COLUMNS = ["over_liberalisation", "over_aftopping_large", "over_aftopping",
                "energy_rent_increase_forbidden"]


def test_every_combination_of_limits_gives_the_highest_limit_and_the_2023_flag():
    frame = pd.DataFrame(list(itertools.product([False, True], repeat=4)), columns=FLAG_COLUMNS)
    frame["saving_capped"] = False
    flags = rules.project_flags(frame)
    for (lib, large, small, forbidden, _), found in zip(frame.itertuples(index=False), flags):
        limit = (rules.ABOVE_LIBERALISATION if lib else rules.ABOVE_BOTH_AFTOPPING if large
                 else rules.ABOVE_AFTOPPING if small else None)
        expected = tuple(f for f in (limit, rules.ENERGY_RENT_INCREASE if forbidden else None) if f)
        assert found == expected
    assert rules.flags_text(flags[0]) == ""
    assert rules.flags_text(flags[-1]) == "above liberalisatiegrens; increase not allowed since 2023"
    assert rules.flags_text(flags[-1], "nl") == \
        "boven liberalisatiegrens; verhoging niet toegestaan sinds 2023"
    assert rules.project_flags(frame.iloc[:0]) == []


def test_traffic_light_red_when_3k_fails_amber_when_flagged_green_otherwise():
    # complex rent € 600; the 2021 default limits: aftopping € 633,25 / € 678,66, liberalisation € 752,33
    ds = stock([project("GREEN", gas=300, rent=1000),           # saves € 20, +€ 10
                project("RED", gas=300, rent=3000),             # +€ 30 > € 20
                project("AMBER", gas=900, rent=4000),           # saves € 60, rent € 640 > € 633,25
                project("RED_AND_FLAGGED", gas=300, rent=20000)])
    frame, _ = aff.project_table(ds)
    flags = rules.project_flags(frame)
    light = dict(zip(frame["project"], rules.traffic_light(frame["ok"], flags)))
    assert light == {"GREEN": "ok", "RED": "not_ok", "AMBER": "warning",
                     "RED_AND_FLAGGED": "not_ok"}
    texts = dict(zip(frame["project"], (rules.flags_text(f) for f in flags)))
    assert texts["AMBER"] == "above aftoppingsgrens 1–2 p."
    assert texts["RED_AND_FLAGGED"] == "above liberalisatiegrens"
    assert texts["GREEN"] == texts["RED"] == ""


def test_a_new_rule_is_a_function_in_the_list():
    """How a rule is added: a function frame -> flag or None per row."""
    big = rules.Flag("big_increase", "increase above € 50", "verhoging boven € 50")

    def big_increase(frame: pd.DataFrame) -> np.ndarray:
        return np.where(frame["rent_increase_cents"].to_numpy() > 5000, big, None)

    ds = stock([project("P1", gas=900, rent=6000), project("P2", gas=900, rent=1000)])
    frame, _ = aff.project_table(ds)
    flags = rules.project_flags(frame, (*rules.RULES, big_increase))
    assert [rules.flags_text(f, "nl") for f in flags] == \
        ["boven aftoppingsgrens 1–2 p.; verhoging boven € 50", ""]
    assert list(rules.traffic_light(frame["ok"], flags)) == ["warning", "ok"]


def test_a_saving_above_the_complex_use_is_capped_in_3k_and_housing_costs_alike():
    """Issue 19.5: one saving per project.  C1 uses 1,000 m³ gas and 2,000 kWh a year
    per dwelling (2021 tariffs € 0.80/m³, € 0.22/kWh); a project saving 1,200 m³ saves
    at most the 1,000 m³ used: 1,000 x 0.80 / 12 = € 66.67 (not 1,200 x 0.80 / 12 =
    € 80.00), in 3K and in the housing costs, and the page flags it with the reason."""
    ds = stock([project("CAPPED", gas=1200, rent=7000),      # € 70 > € 66.67: 3K fails
                project("PLAIN", gas=900, rent=1000)])
    frame, _ = aff.project_table(ds)
    capped = frame.set_index("project").loc["CAPPED"]
    assert capped["catalogue_saving_cents"] == 8000 and capped["energy_saving_cents"] == 6667
    assert not capped["ok"]
    change = capped["housing_cost_after_cents"] - capped["housing_cost_before_cents"]
    assert change == capped["rent_increase_cents"] - capped["energy_saving_cents"] == 333
    flags = dict(zip(frame["project"], (rules.flags_text(f) for f in rules.project_flags(frame))))
    assert "saving capped: the catalogue saving exceeds the complex's use" in flags["CAPPED"]
    assert flags["PLAIN"] == ""
    plain = frame.set_index("project").loc["PLAIN"]
    assert plain["housing_cost_after_cents"] - plain["housing_cost_before_cents"] == 1000 - 6000
