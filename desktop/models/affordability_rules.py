"""The flags of the affordability check, one rule function each.

A rule reads the project table of :func:`desktop.models.affordability.project_table`
and returns, for every row, its :class:`Flag` or None.  :data:`RULES` is the list the
page renders; the traffic light follows from rule 3K and the flags:

* red (``not_ok``) — the rent increase exceeds the energy saving (3K not met);
* amber (``warning``) — 3K met, but at least one rule flags the project;
* green (``ok``) — otherwise.

Adding a rule: write a function ``frame -> [Flag | None per row]`` below, add it to
:data:`RULES` and test it; the page shows its text (Dutch or English, as the core's
other messages) in the flags column and colours the project amber.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from .defaults import NO_ENERGY_RENT_INCREASE_FROM


@dataclass(frozen=True)
class Flag:
    """One rule's finding for a project: a stable code and its short text in English
    and Dutch (the interface shows the one of its language)."""

    kind: str
    en: str
    nl: str

    def text(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


Rule = Callable[[pd.DataFrame], Sequence["Flag | None"]]

ABOVE_LIBERALISATION = Flag("above_liberalisation", "above liberalisatiegrens",
                            "boven liberalisatiegrens")
ABOVE_BOTH_AFTOPPING = Flag("above_both_aftopping", "above both aftoppingsgrenzen",
                            "boven beide aftoppingsgrenzen")
ABOVE_AFTOPPING = Flag("above_aftopping", "above aftoppingsgrens 1–2 p.",
                       "boven aftoppingsgrens 1–2 p.")
ENERGY_RENT_INCREASE = Flag(
    "energy_rent_increase", f"increase not allowed since {NO_ENERGY_RENT_INCREASE_FROM}",
    f"verhoging niet toegestaan sinds {NO_ENERGY_RENT_INCREASE_FROM}")


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].fillna(False).to_numpy(dtype=bool)


def _where(mask: np.ndarray, flag: Flag) -> np.ndarray:
    return np.where(mask, flag, None).astype(object)


def rent_limit(frame: pd.DataFrame) -> np.ndarray:
    """The highest rent limit the rent after the increase exceeds (liberalisatiegrens,
    both aftoppingsgrenzen, the one for 1–2 persons), or None."""
    out = np.full(len(frame), None, dtype=object)
    for column, flag in (("over_aftopping", ABOVE_AFTOPPING),
                         ("over_aftopping_large", ABOVE_BOTH_AFTOPPING),
                         ("over_liberalisation", ABOVE_LIBERALISATION)):   # highest last
        out[_column(frame, column)] = flag
    return out


def energy_rent_increase(frame: pd.DataFrame) -> np.ndarray:
    """A rent increase for energy measures from 2023 on, when corporations charge none."""
    return _where(_column(frame, "energy_rent_increase_forbidden"), ENERGY_RENT_INCREASE)


SAVING_CAPPED = Flag(
    "saving_capped", "saving capped: the catalogue saving exceeds the complex's use",
    "besparing begrensd: de catalogusbesparing is groter dan het verbruik van het complex")


def saving_capped(frame: pd.DataFrame) -> np.ndarray:
    """The project's saving (gas or electricity) exceeds the complex's average use: the
    saving counted, for 3K and the housing costs, is capped at that use."""
    return _where(_column(frame, "saving_capped"), SAVING_CAPPED)


RULES: tuple[Rule, ...] = (rent_limit, energy_rent_increase, saving_capped)


def project_flags(frame: pd.DataFrame, rules: Sequence[Rule] = RULES) -> list[tuple[Flag, ...]]:
    """Per row of ``frame``: the flags of every rule, in the order of ``rules``."""
    if not len(frame):
        return []
    found = [rule(frame) for rule in rules]
    return [tuple(f for f in row if f is not None) for row in zip(*found)]


def traffic_light(ok, flags: Sequence[tuple[Flag, ...]]) -> np.ndarray:
    """``not_ok`` where 3K is not met (``ok`` False), else ``warning`` where a rule
    flags the project, else ``ok``."""
    ok = np.asarray(ok, dtype=bool)
    flagged = np.array([bool(f) for f in flags], dtype=bool)
    return np.where(~ok, "not_ok", np.where(flagged, "warning", "ok")).astype(object)


def flags_text(flags: tuple[Flag, ...], language: str = "en") -> str:
    """A row's flags as the short text the page shows ("; " between them)."""
    return "; ".join(f.text(language) for f in flags)


__all__ = ["Flag", "RULES", "rent_limit", "energy_rent_increase", "saving_capped", "SAVING_CAPPED", "project_flags",
           "traffic_light", "flags_text"]
