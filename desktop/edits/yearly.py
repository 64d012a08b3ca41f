"""Values per year (tariffs, emission factors, rent limits) and the measures catalogue."""
from __future__ import annotations

import dataclasses
import math
from numbers import Real
from typing import Any, Iterable, Mapping


from ..store.commands import Delete, Upsert
from .base import EditError, _batch, _refuse

# ----- values per year: tariffs, emission factors, rent limits; the measures catalogue --
YEAR_TABLES = {
    "tariffs": ("gas_eur_m3", "electricity_eur_kwh"),
    "emission_factors": ("gas_kg_m3", "electricity_kg_kwh"),
    "rent_limits": ("aftopping_small_cents", "aftopping_large_cents", "liberalisation_cents"),
}
YEAR_MIN, YEAR_MAX = 2000, 2100


def _year_values(table: str, year: int, values: Mapping[str, float]) -> Upsert:
    """One year's row, checked: a known table and field, a year 2000–2100, numbers
    ≥ 0; rent limits are given in whole cents."""
    fields = YEAR_TABLES.get(table)
    if fields is None:
        raise ValueError(f"{table!r} has no values per year")
    errors = {}
    if year is None or not YEAR_MIN <= int(year) <= YEAR_MAX:
        errors["year"] = (f"The year must be between {YEAR_MIN} and {YEAR_MAX}.",
                          f"Het jaar moet tussen {YEAR_MIN} en {YEAR_MAX} liggen.")
    for key, value in values.items():
        if key not in fields:
            raise ValueError(f"{key!r} is not a field of {table}")
        if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
            errors[key] = (f"{key}: enter a number.", f"{key}: vul een getal in.")
        elif value < 0:
            errors[key] = (f"{key} cannot be negative.", f"{key} kan niet negatief zijn.")
    if errors:
        raise EditError(errors)
    cast = int if table == "rent_limits" else float
    return Upsert(table, {"year": int(year)}, {k: cast(v) for k, v in values.items()})


def set_year_values(table: str, year: int, values: Mapping[str, float], label: str = "") -> Upsert:
    """Insert or update one year's tariffs, emission factors or rent limits (cents)."""
    return dataclasses.replace(_year_values(table, year, values), label=label)


def set_years(table: str, rows: Iterable[Mapping[str, Any]], label: str = ""):
    """Several years at once (one undo step): ``rows`` hold a year and the values, e.g.
    the built-in defaults copied into the workspace or a scenario."""
    fields = YEAR_TABLES.get(table, ())
    return _batch([dataclasses.replace(
        _year_values(table, int(r["year"]), {k: r[k] for k in fields if k in r}), label=label)
        for r in rows], label) if fields else None


def delete_year(table: str, year: int, label: str = "") -> Delete:
    """Delete one year's row (a year without a row takes the nearest year's)."""
    if table not in YEAR_TABLES:
        raise ValueError(f"{table!r} has no values per year")
    return Delete(table, {"year": int(year)}, label=label)


def set_measure(key: str, values: Mapping[str, Any], label: str = "") -> Upsert:
    """Store a measure of the catalogue (a workspace row over the built-in one)."""
    from ..models.measures import normalise_key

    key = normalise_key(key)
    if not key:
        raise _refuse("measure", "A measure needs a name.", "Een maatregel heeft een naam nodig.")
    return Upsert("measures", {"measure": key}, dict(values), label=label)


def delete_measure(key: str, label: str = "") -> Delete:
    """Delete the workspace's row of a measure (a built-in one gets its values back)."""
    return Delete("measures", {"measure": key}, label=label)
