"""What every editing use case shares: the typed refusal, and checking and saving a
record with the invariants the workbook reader applies."""
from __future__ import annotations

import math
from numbers import Real
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..models import fields as registry
from ..models import invariants
from ..models.dataset import Dataset, conform
from ..store.commands import Batch, Upsert

class EditError(ValueError):
    """An edit refused before it reaches the store: ``errors`` maps each invalid field
    to its message (English, Dutch); ``field`` / ``message`` / ``message_nl`` are the
    first one's (what a page shows in one line)."""

    def __init__(self, errors: Mapping[str, tuple[str, str]]):
        self.errors = dict(errors)
        self.field, (self.message, self.message_nl) = next(iter(self.errors.items()))
        super().__init__(self.message)

    def messages(self, language: str = "en") -> dict[str, str]:
        """Field -> message in ``language`` ("nl" or "en")."""
        return {f: (nl if language == "nl" else en) for f, (en, nl) in self.errors.items()}


def _refuse(field: str, en: str, nl: str) -> EditError:
    return EditError({field: (en, nl)})


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _plain(v):
    if _missing(v):
        return None
    return v.item() if isinstance(v, np.generic) else v


def same(a, b) -> bool:
    """Whether a stored value and an edited one are equal (None/<NA>, 12 and 12.0 alike)."""
    a, b = _plain(a), _plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return str(a) == str(b)


def _batch(commands: list, label: str):
    if not commands:
        return None
    return commands[0] if len(commands) == 1 else Batch(tuple(commands), label=label)



def _blank(v) -> bool:
    return _plain(v) is None or (isinstance(v, str) and not v.strip())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _type_errors(table: str, values: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Numbers that are not numbers, whole numbers with fractions, cents with fractions."""
    errors = {}
    decl = registry.table(table)
    for name, value in values.items():
        kind = decl.field(name).kind
        if kind not in ("int", "money", "number") or _blank(value):
            continue
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
            errors[name] = (f"{value!r} is not a number.", f"{value!r} is geen getal.")
        elif kind == "int" and value != int(value):
            errors[name] = ("Enter a whole number.", "Vul een geheel getal in.")
        elif kind == "money" and value != int(value):
            errors[name] = ("Use at most two decimals.", "Gebruik hoogstens twee decimalen.")
    return errors


def _clean(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Blank text as None, text trimmed, whole numbers as int (store values)."""
    decl = registry.table(table)
    out = {}
    for name, value in values.items():
        value = _plain(value)
        if isinstance(value, str):
            value = value.strip() or None
        kind = decl.field(name).kind
        if value is not None and kind in ("int", "money"):
            value = int(value)
        elif value is not None and kind == "number":
            value = float(value)
        out[name] = value
    return out


def check_rows(ds: Dataset, table: str, rows: list[dict[str, Any]], *,
               counted: bool = True) -> None:
    """Refuse ``rows`` (whole records of ``table``) that break an invariant of the
    workbook reader, judged against the rest of ``ds``; the first problem per field.
    ``counted`` False: leave the workspace's dwellings out (a new record whose id is
    taken is not the complex those dwellings belong to)."""
    errors: dict[str, tuple[str, str]] = {}
    frame = conform(table, rows)
    # empty tables as zero-row views of the workspace's (building new empty frames
    # costs ~10 ms a table)
    empty = {name: f.iloc[:0] for name, f in ds.frames().items()}
    candidate = Dataset(**{**empty, table: frame})
    # the records the rows can be judged against: their complexes and those complexes'
    # dwellings (at 100,000 dwellings the whole workspace would take 0.2 s per check)
    context = None
    if "complex" in frame.columns:
        ids = frame["complex"].dropna().unique()
        context = Dataset(**{
            **empty, "complexes": ds.complexes[ds.complexes["complex"].isin(ids).to_numpy(dtype=bool)],
            "dwellings": ds.dwellings[ds.dwellings["complex"].isin(ids if counted else [])
                                     .to_numpy(dtype=bool)]})
    for p in invariants.validate_dataset(candidate, context=context):
        if p.table == table and p.column and p.column not in errors:
            errors[p.column] = (_sentence(p.message), _sentence(p.message_nl or p.message))
    if errors:
        raise EditError(errors)


def record(ds: Dataset, table: str, key: Mapping[str, Any]) -> dict[str, Any] | None:
    """The record of ``table`` with ``key`` as plain values, or None."""
    frame = getattr(ds, table)
    mask = np.ones(len(frame), dtype=bool)
    for k, v in key.items():
        mask &= (frame[k].isna() if v is None else frame[k].isin([v])).to_numpy(dtype=bool)
    hit = np.flatnonzero(mask)
    if not len(hit):
        return None
    return {k: _plain(v) for k, v in frame.iloc[int(hit[0])].to_dict().items()}


def _save(ds: Dataset, table: str, values: Mapping[str, Any], new: bool,
          expected_version: int | None, label: str, what: tuple[str, str]):
    """Check and save one record (keys in ``values``); None when nothing changed."""
    decl = registry.table(table)
    errors = _type_errors(table, values)
    if errors:
        raise EditError(errors)
    values = _clean(table, values)
    for name in decl.keys:
        if values.get(name) is None and decl.field(name).required:   # usage.dwelling may be empty
            errors[name] = ("This value is required.", "Deze waarde is verplicht.")
    key = {k: values[k] for k in decl.keys}
    old = None if errors else record(ds, table, key)
    en, nl = what
    if new and old is not None:
        errors[decl.keys[-1]] = (f"{en.capitalize()} with this id exists already.",
                                 f"Er bestaat al een {nl} met dit nummer.")
    if not new and old is None and not errors:
        raise EditError({decl.keys[0]: (f"This {en} does not exist any more.",
                                        f"Deze {nl} bestaat niet meer.")})
    try:          # every invalid field at once
        check_rows(ds, table, [{**(old if not new else {}), **values}], counted=not (new and old is not None))
    except EditError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise EditError(errors)
    rest = {k: v for k, v in values.items() if k not in decl.keys}
    if new:
        return Upsert(table, key, rest, label=label)
    changed = {k: v for k, v in rest.items() if not same(old.get(k), v)}
    if not changed:
        return None
    return Upsert(table, key, changed, expected_version=expected_version,
                  expected={k: old.get(k) for k in changed}, label=label)
