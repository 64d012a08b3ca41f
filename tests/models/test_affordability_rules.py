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
    flags = rules.project_flags(frame)
    for (lib, large, small, forbidden), found in zip(frame.itertuples(index=False), flags):
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
                project("AMBER", gas=1200, rent=4000),          # saves € 80, rent € 640 > € 633,25
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

    ds = stock([project("P1", gas=1200, rent=6000), project("P2", gas=1200, rent=1000)])
    frame, _ = aff.project_table(ds)
    flags = rules.project_flags(frame, (*rules.RULES, big_increase))
    assert [rules.flags_text(f, "nl") for f in flags] == \
        ["boven aftoppingsgrens 1–2 p.; verhoging boven € 50", ""]
    assert list(rules.traffic_light(frame["ok"], flags)) == ["warning", "ok"]
