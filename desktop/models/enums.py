"""Listed values of the domain, with their Dutch canonical value and English alias.

The canonical value (Dutch, lower case where the spec writes it so) is what the
store, the frames and the rules use everywhere; English aliases are accepted on
input (workbook cells, command line) and shown in an English interface.
"""
from __future__ import annotations

from enum import Enum


_ALIASES: dict[type, dict[str, str]] = {}   # per listed type, built on first use


class ListedValue(str, Enum):
    """A str-enum whose value is the Dutch canonical text; ``english`` is the alias."""

    english: str

    def __new__(cls, dutch: str, english: str):
        obj = str.__new__(cls, dutch)
        obj._value_ = dutch
        obj.english = english
        return obj

    @classmethod
    def parse(cls, text: object) -> "ListedValue":
        """Match case-insensitively, ignoring surrounding spaces, Dutch or English.

        Raises ValueError naming the allowed values.
        """
        if isinstance(text, cls):
            return text
        value = cls.canonical(text)
        if value is not None:
            return cls(value)
        allowed = ", ".join(f"{m.value} [{m.english}]" for m in cls)
        raise ValueError(f"{text!r} is not one of: {allowed}")

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """Casefolded Dutch value and English alias -> canonical value (the one
        table every lenient reader of this list uses)."""
        out: dict[str, str] = {}
        for member in cls:
            out[member.value.casefold()] = member.value
            out[member.english.casefold()] = member.value
        return out

    @classmethod
    def canonical(cls, text: object) -> str | None:
        """The canonical value of ``text`` (Dutch or English, any case, spaces around
        ignored); None when it is empty, missing or not one of the list."""
        if text is None or (isinstance(text, float) and text != text):
            return None
        try:
            return _ALIASES[cls].get(str(text).strip().casefold())
        except KeyError:
            _ALIASES[cls] = cls.aliases()
            return _ALIASES[cls].get(str(text).strip().casefold())

    def __str__(self) -> str:  # keep str() the canonical value, not 'Enum.X'
        return self.value


class Status(ListedValue):
    PLANNED = ("gepland", "planned")
    CONSULTING = ("draagvlakmeting", "consulting")
    AGREED = ("akkoord", "agreed")
    IN_PROGRESS = ("in uitvoering", "in progress")
    DONE = ("gereed", "done")
    CANCELLED = ("vervallen", "cancelled")


# Statuses from which on a project of 10+ dwellings needs tenant support (the gate).
STATUSES_NEEDING_SUPPORT = (Status.AGREED, Status.IN_PROGRESS, Status.DONE)


class Heating(ListedValue):
    GAS_BOILER = ("gasketel", "gas boiler")
    BLOCK_HEATING = ("blokverwarming", "block heating")
    DISTRICT_HEATING = ("stadsverwarming", "district heating")
    HEAT_PUMP = ("warmtepomp", "heat pump")
    HYBRID_HEAT_PUMP = ("hybride warmtepomp", "hybrid heat pump")
    ELECTRIC = ("elektrisch", "electric")


# Heating systems that burn no natural gas in the dwelling or its block.
GAS_FREE_HEATING = (Heating.DISTRICT_HEATING, Heating.HEAT_PUMP, Heating.ELECTRIC)


class DwellingType(ListedValue):
    """The two dwelling types of the Standaard voor woningisolatie (and of NTA 8800)."""
    SINGLE_FAMILY = ("eengezins", "single-family")
    MULTI_FAMILY = ("meergezins", "multi-family")


class HeatSolution(ListedValue):
    """The heat solution a neighbourhood's heat plan (Transitievisie Warmte /
    warmteprogramma) chooses, and the heat solution of a complex's end state."""
    HEAT_NETWORK = ("warmtenet", "heat network")
    ALL_ELECTRIC = ("all-electric", "all-electric")
    HYBRID = ("hybride", "hybrid")
    GREEN_GAS = ("groen gas", "green gas")
    UNKNOWN = ("nog onbekend", "unknown")


class Vote(ListedValue):
    YES = ("ja", "yes")
    NO = ("nee", "no")
    NO_RESPONSE = ("geen reactie", "no response")


# Energy labels, best first. Labels are written the same in both languages.
LABELS: tuple[str, ...] = (
    "A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G",
)


def parse_label(text: object) -> str:
    """Return the canonical label for ``text`` (case-insensitive, spaces ignored)."""
    key = str(text).strip().upper()
    if key in LABELS:
        return key
    raise ValueError(f"{text!r} is not an energy label (A++++ … A, B … G)")
