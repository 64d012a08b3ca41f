"""Catalogue of usual retrofit measures, with default savings and costs per dwelling.

Figures come from Milieu Centraal and the Installatiemonitor Warmtepompen where
they give them; every other figure is an
**unverified estimate**, flagged as such so the interface can say so and keep it
editable.  The catalogue only *proposes* savings for a project: the project's own
numbers are what the rules use.

A workspace may keep its own catalogue rows (``Dataset.measures``): :func:`catalogue`
merges them over :data:`CATALOGUE` — a row overrides the built-in measure with the same
key, any other key adds a measure.  The built-in entries are never stored as rows.  The
look-up functions take the merged list as ``catalogue`` (default: the built-in one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

import pandas as pd

from .defaults import AVERAGE_HOUSEHOLD_GAS_M3

DOMAIN_SOURCE = "Milieu Centraal; Installatiemonitor Warmtepompen"
ESTIMATE_SOURCE = "Unverified estimate (no primary source at hand)"
WORKSPACE_SOURCE = "Entered in this workspace"

# Solar PV: 0.85 kWh per Wp per year, about 320 kWh per panel (DOMAIN_SOURCE).
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
    origin: str = "built-in"         # "built-in" | "changed" (workspace row over a
                                     # built-in one) | "added" (workspace only)

    @property
    def unverified(self) -> bool:
        return self.savings_unverified or self.cost_unverified

    def names(self) -> tuple[str, ...]:
        return (self.key, self.dutch.casefold(), self.english.casefold(), *self.aliases)


CATALOGUE: tuple[Measure, ...] = (
    Measure("dakisolatie", "Dakisolatie", "Roof insulation",
            ("dak", "roof", "dakisolatie (dak)"),
            700.0, 0.0, 4000.0, DOMAIN_SOURCE, savings_unverified=False,
            note="≈ 700 m³/yr for a dwelling with its own roof"),
    Measure("spouwmuurisolatie", "Spouwmuurisolatie", "Cavity wall insulation",
            ("spouwisolatie", "spouwmuur", "cavity wall", "cavity insulation"),
            390.0, 0.0, 1500.0, DOMAIN_SOURCE, savings_unverified=False,
            note="180–600 m³/yr by house type; default is the midpoint"),
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
            note="−650 m³ gas and +1,500 kWh per year"),
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
            note="≈ 320 kWh per panel; 6 panels per dwelling is an assumption"),
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


def normalise_key(name: str) -> str:
    """A catalogue key as stored: spaces trimmed and collapsed, lower case."""
    return _norm(str(name))


def _value(v):
    """None for a missing value, else the value as a Python scalar."""
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v


def _from_row(row: dict, base: Measure | None) -> Measure:
    key = normalise_key(row["measure"])
    gas = _value(row.get("gas_saving_m3"))
    gas = None if gas is None else float(gas)
    el = _value(row.get("electricity_saving_kwh"))
    el = float(el) if el is not None else (base.electricity_saving_kwh if base else 0.0)
    cents = _value(row.get("cost_cents"))
    cost = int(cents) / 100 if cents is not None else (base.cost_per_dwelling_eur if base else 0.0)
    english = _value(row.get("name_en"))
    english = str(english).strip() if english is not None and str(english).strip() else None
    source = _value(row.get("source"))
    source = str(source).strip() if source is not None and str(source).strip() else None
    if base is None:
        return Measure(key, key[:1].upper() + key[1:], english or key, (), gas, el, cost,
                       source or WORKSPACE_SOURCE, savings_unverified=False,
                       cost_unverified=False, gas_free=gas is None, origin="added")
    same_savings = gas == base.gas_saving_m3 and el == base.electricity_saving_kwh
    same_cost = cost == base.cost_per_dwelling_eur
    aliases = base.aliases
    if english and english.casefold() != base.english.casefold():
        aliases = (*aliases, base.english.casefold())
    return Measure(base.key, base.dutch, english or base.english, aliases, gas, el, cost,
                   source or (base.source if same_savings and same_cost else WORKSPACE_SOURCE),
                   savings_unverified=base.savings_unverified and same_savings,
                   cost_unverified=base.cost_unverified and same_cost,
                   gas_free=gas is None, note=base.note if same_savings else "",
                   origin="changed")


def catalogue(ds=None) -> list[Measure]:
    """The catalogue in force: :data:`CATALOGUE` with the workspace's rows merged over
    it (``ds``: a Dataset, or its ``measures`` frame; None: the built-in catalogue).

    A row whose key (normalised, see :func:`normalise_key`) is a built-in key replaces
    that entry in place (``origin="changed"``; it keeps the built-in names, and its
    estimate marks only while its values equal the built-in ones); any other key is
    added after the built-in ones in key order (``origin="added"``).  A row's missing
    gas saving means the measure saves all gas use (gas-free)."""
    table = getattr(ds, "measures", ds)
    if table is None or len(table) == 0:
        return list(CATALOGUE)
    rows: dict[str, dict] = {}
    for row in table.to_dict("records"):
        key = _value(row.get("measure"))
        if key is None or not str(key).strip():
            continue
        rows[normalise_key(key)] = row          # the last row of a key wins
    out = []
    for m in CATALOGUE:
        row = rows.pop(m.key, None)
        out.append(m if row is None else _from_row(row, m))
    out.extend(_from_row(rows[k], None) for k in sorted(rows))
    return out


def _names(cat: Iterable[Measure] | None) -> dict[str, Measure]:
    if cat is None or cat is CATALOGUE:
        return _BY_NAME
    cat = tuple(cat)
    names: dict[str, Measure] = {m.key.casefold(): m for m in reversed(cat)}   # keys first
    for m in cat:
        for n in m.names():
            names.setdefault(n.casefold(), m)
    return names


def find_measure(name: str, catalogue: Iterable[Measure] | None = None) -> Measure | None:
    """The catalogue entry for a Dutch or English name (case-insensitive), else None.
    ``catalogue``: the merged list of :func:`catalogue` (default: the built-in one); a
    measure's own key wins over another measure's alias."""
    return _names(catalogue).get(_norm(name))


def split_measures(text: object) -> list[str]:
    """``"dakisolatie; hr++ glas"`` -> ``["dakisolatie", "hr++ glas"]`` (empty items
    dropped, spaces trimmed)."""
    if not isinstance(text, str) and (text is None or pd.isna(text)):
        return []
    return [part.strip() for part in str(text).split(";") if part.strip()]


def parse_measures(text: str | Iterable[str] | None,
                   catalogue: Iterable[Measure] | None = None) -> tuple[list[Measure], list[str]]:
    """The known measures in a ``;``-separated text (or a list of names), in order and
    without repeats, and the items not in the catalogue (as written).  ``catalogue``:
    see :func:`find_measure`."""
    if text is None or isinstance(text, str) or not hasattr(text, "__iter__"):
        items = split_measures(text)
    else:
        items = [str(t).strip() for t in text if str(t).strip()]
    names = _names(catalogue)
    known: list[Measure] = []
    unknown: list[str] = []
    for item in items:
        m = names.get(_norm(item))
        if m is None:
            unknown.append(item)
        elif m not in known:
            known.append(m)
    return known, unknown


def is_gas_free(text: object, catalogue: Iterable[Measure] | None = None) -> bool:
    """True when the measures make the dwelling gas-free (all-electric heat pump or
    district heating; a hybrid heat pump still burns gas)."""
    known, _ = parse_measures(split_measures(text), catalogue)
    return any(m.gas_free for m in known)


def propose_savings(measures: str | Iterable[str], base_gas_m3: float | None = None,
                    catalogue: Iterable[Measure] | None = None) -> tuple[float, float, int]:
    """Proposed (gas saving m³/yr, electricity saving kWh/yr, investment in cents) per
    dwelling for a set of measures.

    Savings are summed as given by the catalogue (in reality overlapping measures save
    less than the sum).  A gas-free measure (all-electric heat pump, district heating)
    saves all gas use: ``base_gas_m3`` when given, else the average household use.
    The gas saving never exceeds ``base_gas_m3`` when that is given.  Unknown names are
    ignored (see :func:`parse_measures`; ``catalogue``: the merged list of
    :func:`catalogue`, default the built-in one).
    """
    known, _ = parse_measures(measures, catalogue)
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


__all__ = ["Measure", "CATALOGUE", "catalogue", "normalise_key", "find_measure", "split_measures", "parse_measures",
           "is_gas_free", "propose_savings", "KWH_PER_PANEL", "PANELS_PER_DWELLING"]
