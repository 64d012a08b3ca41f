"""Catalogue of usual retrofit measures, with default savings and costs per dwelling.

Figures come from ``../shared/domain.md`` ("Typical savings": Milieu Centraal,
Installatiemonitor Warmtepompen) where it gives them; every other figure is an
**unverified estimate**, flagged as such so the interface can say so and keep it
editable.  The catalogue only *proposes* savings for a project: the project's own
numbers are what the rules use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

import pandas as pd

from .defaults import AVERAGE_HOUSEHOLD_GAS_M3

DOMAIN_SOURCE = "Milieu Centraal; Installatiemonitor Warmtepompen (domain.md)"
ESTIMATE_SOURCE = "Unverified estimate (no primary source at hand)"

# Solar PV: 0.85 kWh per Wp per year, about 320 kWh per panel (domain.md).
KWH_PER_PANEL = 320.0
PANELS_PER_DWELLING = 6          # assumption for a small social-rent home: unverified


@dataclass(frozen=True)
class Measure:
    key: str                         # canonical Dutch name, as written in Maatregelen
    dutch: str
    english: str
    aliases: tuple[str, ...]         # further accepted spellings (lower case)
    # None: the measure removes all gas use (the dwelling becomes gas-free)
    gas_saving_m3: float | None
    electricity_saving_kwh: float    # negative: the measure uses more electricity
    cost_per_dwelling_eur: float
    source: str
    savings_unverified: bool
    cost_unverified: bool = True
    gas_free: bool = False           # the dwelling no longer burns natural gas
    note: str = ""

    @property
    def unverified(self) -> bool:
        return self.savings_unverified or self.cost_unverified

    def names(self) -> tuple[str, ...]:
        return (self.key, self.dutch.casefold(), self.english.casefold(), *self.aliases)


CATALOGUE: tuple[Measure, ...] = (
    Measure("dakisolatie", "Dakisolatie", "Roof insulation",
            ("dak", "roof", "dakisolatie (dak)"),
            700.0, 0.0, 4000.0, DOMAIN_SOURCE, savings_unverified=False,
            note="≈ 700 m³/yr for a dwelling with its own roof (domain.md)"),
    Measure("spouwmuurisolatie", "Spouwmuurisolatie", "Cavity wall insulation",
            ("spouwisolatie", "spouwmuur", "cavity wall", "cavity insulation"),
            390.0, 0.0, 1500.0, DOMAIN_SOURCE, savings_unverified=False,
            note="180–600 m³/yr by house type (domain.md); default is the midpoint"),
    Measure("gevelisolatie", "Gevelisolatie", "Facade insulation",
            ("gevel", "facade", "façade insulation", "external wall insulation",
             "buitengevelisolatie"),
            500.0, 0.0, 12000.0, ESTIMATE_SOURCE, savings_unverified=True),
    Measure("vloerisolatie", "Vloerisolatie", "Floor insulation",
            ("bodemisolatie", "vloer", "floor"),
            250.0, 0.0, 1500.0, ESTIMATE_SOURCE, savings_unverified=True),
    Measure("hr++ glas", "HR++ glas", "HR++ glazing",
            ("hr++", "hr++ beglazing", "hr++ glass", "glazing", "isolatieglas",
             "triple glas", "triple glazing"),
            200.0, 0.0, 4000.0, ESTIMATE_SOURCE, savings_unverified=True),
    Measure("hybride warmtepomp", "Hybride warmtepomp", "Hybrid heat pump",
            ("hybrid", "hybride"),
            650.0, -1500.0, 5000.0, DOMAIN_SOURCE, savings_unverified=False,
            note="−650 m³ gas and +1,500 kWh per year (domain.md)"),
    Measure("all-electric warmtepomp", "All-electric warmtepomp", "All-electric heat pump",
            ("warmtepomp", "heat pump", "all-electric", "all electric",
             "all-electric heat pump", "volledig elektrische warmtepomp",
             "elektrische warmtepomp", "luchtwarmtepomp", "bodemwarmtepomp"),
            None, -2500.0, 15000.0, ESTIMATE_SOURCE, savings_unverified=True,
            gas_free=True,
            note="removes all gas use; extra electricity is an estimate"),
    Measure("zonnepanelen", "Zonnepanelen", "Solar panels",
            ("pv", "solar pv", "zon-pv", "solar", "pv-panelen"),
            0.0, KWH_PER_PANEL * PANELS_PER_DWELLING, 4500.0, DOMAIN_SOURCE,
            savings_unverified=True,
            note="≈ 320 kWh per panel (domain.md); 6 panels per dwelling is an assumption"),
    Measure("ventilatie", "Ventilatie", "Ventilation",
            ("mechanische ventilatie", "wtw", "balansventilatie", "ventilation",
             "heat recovery ventilation"),
            100.0, -100.0, 3000.0, ESTIMATE_SOURCE, savings_unverified=True,
            note="heat recovery saves some gas, the fans use some electricity"),
    Measure("stadsverwarming", "Stadsverwarming", "District heating",
            ("warmtenet", "district heating", "aansluiting warmtenet"),
            None, 0.0, 8000.0, ESTIMATE_SOURCE, savings_unverified=True, gas_free=True,
            note="removes all gas use; the heat's own CO2 (40.45 kg/GJ) is not modelled"),
)

_BY_NAME: dict[str, Measure] = {}
for _m in CATALOGUE:
    for _n in _m.names():
        _BY_NAME.setdefault(_n.casefold(), _m)

_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).casefold()


def find_measure(name: str) -> Measure | None:
    """The catalogue entry for a Dutch or English name (case-insensitive), else None."""
    return _BY_NAME.get(_norm(name))


def split_measures(text: object) -> list[str]:
    """``"dakisolatie; hr++ glas"`` -> ``["dakisolatie", "hr++ glas"]`` (empty items
    dropped, spaces trimmed)."""
    if not isinstance(text, str) and (text is None or pd.isna(text)):
        return []
    return [part.strip() for part in str(text).split(";") if part.strip()]


def parse_measures(text: str | Iterable[str] | None) -> tuple[list[Measure], list[str]]:
    """The known measures in a ``;``-separated text (or a list of names), in order and
    without repeats, and the items not in the catalogue (as written)."""
    if text is None or isinstance(text, str) or not hasattr(text, "__iter__"):
        items = split_measures(text)
    else:
        items = [str(t).strip() for t in text if str(t).strip()]
    known: list[Measure] = []
    unknown: list[str] = []
    for item in items:
        m = find_measure(item)
        if m is None:
            unknown.append(item)
        elif m not in known:
            known.append(m)
    return known, unknown


def is_gas_free(text: object) -> bool:
    """True when the measures make the dwelling gas-free (all-electric heat pump or
    district heating; a hybrid heat pump still burns gas)."""
    known, _ = parse_measures(split_measures(text))
    return any(m.gas_free for m in known)


def propose_savings(measures: str | Iterable[str],
                    base_gas_m3: float | None = None) -> tuple[float, float, int]:
    """Proposed (gas saving m³/yr, electricity saving kWh/yr, investment in cents) per
    dwelling for a set of measures.

    Savings are summed as given by the catalogue (in reality overlapping measures save
    less than the sum).  A gas-free measure (all-electric heat pump, district heating)
    saves all gas use: ``base_gas_m3`` when given, else the average household use.
    The gas saving never exceeds ``base_gas_m3`` when that is given.  Unknown names are
    ignored (see :func:`parse_measures`).
    """
    known, _ = parse_measures(measures)
    gas = 0.0
    el = 0.0
    cost = Decimal(0)
    all_gas = False
    for m in known:
        if m.gas_saving_m3 is None:
            all_gas = True
        else:
            gas += m.gas_saving_m3
        el += m.electricity_saving_kwh
        cost += Decimal(str(m.cost_per_dwelling_eur))
    if all_gas:
        gas = float(base_gas_m3) if base_gas_m3 is not None else AVERAGE_HOUSEHOLD_GAS_M3
    if base_gas_m3 is not None:
        gas = min(gas, max(float(base_gas_m3), 0.0))
    cents = int((cost * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return gas, el, cents


__all__ = ["Measure", "CATALOGUE", "find_measure", "split_measures", "parse_measures",
           "is_gas_free", "propose_savings", "KWH_PER_PANEL", "PANELS_PER_DWELLING"]
