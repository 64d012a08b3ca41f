"""Measured use, degree days, and what the catalogue learns from them."""
from __future__ import annotations

from typing import Any, Mapping


from ..models import fields as registry
from ..models.dataset import Dataset
from ..store.commands import Delete, Upsert
from .base import _batch, _blank, _plain, _refuse, _save, record
from .yearly import set_measure

# ----- measured use, degree days, and what the catalogue learns from them (issue 23) ----
def usage_key(values: Mapping[str, Any]) -> dict[str, Any]:
    """The key of a usage row: complex, dwelling (None: the complex's own row), year."""
    return {k: _plain(values.get(k)) for k in registry.table("usage").keys}


def save_usage(ds: Dataset, values: Mapping[str, Any], original: Mapping[str, Any] | None = None,
               *, expected_version: int | None = None, label: str = ""):
    """Enter or correct one year's measured use of a dwelling or complex (``original``:
    the key the row had, when its key is changed: the old row goes, one undo step)."""
    values = {**values, "dwelling": None if _blank(values.get("dwelling")) else values.get("dwelling")}
    if original is not None and usage_key(original) != usage_key(values):
        cmd = _save(ds, "usage", values, True, None, label, ("reading", "meting"))
        return _batch([Delete("usage", usage_key(original), label=label), cmd], label)
    new = original is None
    return _save(ds, "usage", values, new, expected_version, label, ("reading", "meting"))


def delete_usage(key: Mapping[str, Any], label: str = "") -> Delete:
    return Delete("usage", usage_key(key), label=label)


def set_degree_days(ds: Dataset, year: int, degree_days: float, label: str = ""):
    """Enter or correct the degree days of a year (weather correction of measured gas)."""
    new = record(ds, "degree_days", {"year": _plain(year)}) is None
    return _save(ds, "degree_days", {"year": year, "degree_days": degree_days}, new, None, label,
                 ("degree days year", "graaddagenjaar"))


def delete_degree_days(year: int, label: str = "") -> Delete:
    return Delete("degree_days", {"year": int(year)}, label=label)


def learn_measure(ds: Dataset, measure: str, label: str = "") -> Upsert:
    """Set a catalogue measure's gas saving to what the completed projects realised
    (:func:`desktop.models.realised.measure_feedback`: the assumed saving × the average
    realisation ratio, rounded to whole m³); its electricity saving and cost stay."""
    from ..models.measures import catalogue, find_measure
    from ..models.realised import measure_feedback

    fb = measure_feedback(ds)
    hit = fb[fb["measure"] == measure]
    m = find_measure(measure, catalogue(ds))
    if not len(hit) or m is None:
        raise _refuse("measure", f"No completed project with measured use used {measure!r}.",
                      f"Geen opgeleverd project met gemeten verbruik gebruikte {measure!r}.")
    r = hit.iloc[0]
    pct = round(float(r["average_ratio"]) * 100)
    return set_measure(m.key, {
        "gas_saving_m3": float(round(float(r["realised_gas_m3"]))),
        "electricity_saving_kwh": float(m.electricity_saving_kwh),
        "cost_cents": int(round(m.cost_per_dwelling_eur * 100)),
        "source": f"gemeten: {pct} % van de aanname, {int(r['projects'])} project(en)",
    }, label=label)
