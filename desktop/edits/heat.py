"""The neighbourhood heat plan (Warmteplan) and the end state per complex (Eindbeeld),
issue 21 points 1 and 2.

A heat plan row is keyed by its neighbourhood, which must be one of the stock's
(matched case-insensitively and written as the stock writes it: a plan for a
neighbourhood no complex is in would silently apply to nothing).

An end state row holds only the user's overrides (:data:`desktop.models.endstate.OVERRIDABLE`
and a note); an empty value takes the default of :mod:`desktop.models.endstate`.  Saving
a record whose overrides are then all empty removes the row; :func:`reset_end_state`
removes it outright (back to every default).

Values come in store units (money in whole cents); a heat solution may be given in
Dutch or English and a label in any case, both are stored canonical.  Every record is
checked with the workbook reader's invariants (:func:`.base.check_rows`), so a refusal
reads the same as a workbook problem.
"""
from __future__ import annotations

from typing import Any, Mapping

from ..models.dataset import Dataset
from ..models.endstate import OVERRIDABLE
from ..models.enums import HeatSolution, parse_label
from ..models.measures import catalogue, parse_measures
from ..store.commands import Delete
from .base import EditError, _batch, _blank, _clean, _plain, _save, _type_errors, record

HEAT_PLAN_FIELDS = ("heat_solution", "available_year", "heat_kg_gj", "note")
END_STATE_FIELDS = (*OVERRIDABLE, "note")


def _canonical(values: dict[str, Any]) -> dict[str, Any]:
    """Heat solution and label in their canonical spelling (an unknown value is kept as
    written, for the invariants to refuse with the list of allowed values)."""
    out = dict(values)
    if "heat_solution" in out and not _blank(out["heat_solution"]):
        out["heat_solution"] = HeatSolution.canonical(out["heat_solution"]) or out["heat_solution"]
    if "target_label" in out and not _blank(out["target_label"]):
        try:
            out["target_label"] = parse_label(out["target_label"])
        except ValueError:
            pass
    return out


def _only(values: Mapping[str, Any], allowed: tuple[str, ...], key: str) -> dict[str, Any]:
    unknown = [k for k in values if k not in allowed and k != key]
    if unknown:
        raise ValueError(f"not a field here: {', '.join(unknown)}")
    return dict(values)


# ----- heat plan ----------------------------------------------------------------------
def neighbourhoods(ds: Dataset) -> list[str]:
    """The stock's neighbourhoods, sorted (what a heat plan row can be for)."""
    return sorted(set(ds.complexes["neighbourhood"].dropna().astype(str)))


def _neighbourhood(ds: Dataset, name: Any) -> str:
    name = _plain(name)
    if _blank(name):
        raise EditError({"neighbourhood": ("Enter the neighbourhood.", "Vul de wijk in.")})
    text = str(name).strip()
    known = {n.casefold(): n for n in neighbourhoods(ds)}
    known.update({str(n).casefold(): str(n) for n in ds.heat_plan["neighbourhood"].dropna()})
    if text.casefold() not in known:
        raise EditError({"neighbourhood": (
            f"Neighbourhood {text!r} is not in the stock: no complex is in it.",
            f"Wijk {text!r} staat niet in het bestand: er ligt geen complex in.")})
    return known[text.casefold()]


def save_heat_plan(ds: Dataset, values: Mapping[str, Any], *,
                   expected_version: int | None = None, label: str = ""):
    """Add or change a neighbourhood's heat plan (``values``: neighbourhood and any of
    heat_solution, available_year, heat_kg_gj, note); None when nothing changes."""
    values = _only(values, HEAT_PLAN_FIELDS, "neighbourhood")
    values["neighbourhood"] = _neighbourhood(ds, values.get("neighbourhood"))
    values = _canonical(values)
    new = record(ds, "heat_plan", {"neighbourhood": values["neighbourhood"]}) is None
    if new and _blank(values.get("heat_solution")):
        values["heat_solution"] = HeatSolution.UNKNOWN.value
    return _save(ds, "heat_plan", values, new, None if new else expected_version, label,
                 ("a heat plan", "warmteplan"))


def delete_heat_plan(ds: Dataset, neighbourhood: str, *, expected_version: int | None = None,
                     label: str = ""):
    """Remove a neighbourhood's heat plan (it is then ``nog onbekend``); None when it
    has none."""
    key = {"neighbourhood": _plain(neighbourhood)}
    if record(ds, "heat_plan", key) is None:
        return None
    return Delete("heat_plan", key, label=label, expected_version=expected_version)


def delete_heat_plans(ds: Dataset, names, *, versions: Mapping[tuple, int] | None = None,
                      label: str = ""):
    """Remove the heat plans of several neighbourhoods as one undo step (those without
    one are skipped); None when none has one."""
    versions = versions or {}
    return _batch([c for c in (delete_heat_plan(ds, n, expected_version=versions.get((n,)),
                                                label=label) for n in dict.fromkeys(names)) if c],
                  label)


# ----- end state per complex ----------------------------------------------------------
def _package(ds: Dataset, values: Mapping[str, Any]):
    """The package as the catalogue's keys in order ("Roof insulation; hybride" ->
    "dakisolatie; hybride warmtepomp"); refused when it names a measure the catalogue
    does not know."""
    text = values.get("measures")
    if _blank(text):
        return text
    known, unknown = parse_measures(str(text), catalogue(ds))
    if not unknown:
        return "; ".join(m.key for m in known)
    if unknown:
        shown = ", ".join(unknown)
        raise EditError({"measures": (
            f"Not in the measures catalogue: {shown}. Add it there first, or choose a "
            "catalogue measure.",
            f"Niet in de maatregelencatalogus: {shown}. Voeg de maatregel daar eerst toe, of "
            "kies een maatregel uit de catalogus.")})


def save_end_state(ds: Dataset, values: Mapping[str, Any], *,
                   expected_version: int | None = None, label: str = ""):
    """Override fields of a complex's end state (``values``: complex and any of
    :data:`END_STATE_FIELDS`; an empty value takes the default again).  Removes the
    row when no override is left; None when nothing changes."""
    values = _only(values, END_STATE_FIELDS, "complex")
    if _blank(values.get("complex")):
        raise EditError({"complex": ("Choose the complex.", "Kies het complex.")})
    values = _canonical(values)
    errors = _type_errors("end_states", values)
    if errors:
        raise EditError(errors)
    if "measures" in values:
        values["measures"] = _package(ds, values)
    key = {"complex": _clean("end_states", {"complex": values["complex"]})["complex"]}
    old = record(ds, "end_states", key)
    if old is None and all(_blank(values.get(f)) for f in END_STATE_FIELDS):
        return None                      # nothing overridden, nothing stored
    if old is not None:
        merged = {**old, **_clean("end_states", {k: v for k, v in values.items() if k != "complex"})}
        if all(merged.get(f) is None for f in END_STATE_FIELDS):
            return Delete("end_states", key, label=label, expected_version=expected_version)
    return _save(ds, "end_states", values, old is None,
                 None if old is None else expected_version, label,
                 ("an end state", "eindbeeld"))


def reset_end_state(ds: Dataset, complex_id: str, *, expected_version: int | None = None,
                    label: str = ""):
    """Back to the defaults: remove every override of the complex's end state; None
    when it has none."""
    key = {"complex": _plain(complex_id)}
    if record(ds, "end_states", key) is None:
        return None
    return Delete("end_states", key, label=label, expected_version=expected_version)


def reset_end_states(ds: Dataset, ids, *, label: str = ""):
    """:func:`reset_end_state` for several complexes as one undo step; None when none
    has an override."""
    return _batch([c for c in (reset_end_state(ds, i, label=label) for i in dict.fromkeys(ids))
                   if c], label)


__all__ = ["save_heat_plan", "delete_heat_plan", "delete_heat_plans", "save_end_state",
           "reset_end_state", "reset_end_states",
           "neighbourhoods", "HEAT_PLAN_FIELDS", "END_STATE_FIELDS"]
