"""The programme workbook's sheets and columns: the workbook's layout, declared once.

Derived from the field registry (:mod:`desktop.models.fields`), they serve the reader,
the writer and the template: each sheet maps to a Dataset table, each column to a frame
field with its kind.  Headers are
Dutch with an English alias; both match case-insensitively, ignoring surrounding spaces.
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.models import fields as _fields


@dataclass(frozen=True)
class Column:
    dutch: str
    english: str
    field: str          # Dataset frame column
    kind: str           # text | id | int | number | money | yesno | label | heating | status | vote | date | measures
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None

    @property
    def header(self) -> str:
        return self.dutch

    def matches(self, text: str) -> bool:
        key = str(text).strip().casefold()
        return key in (self.dutch.casefold(), self.english.casefold())


@dataclass(frozen=True)
class Sheet:
    dutch: str
    english: str
    table: str                       # Dataset table
    keys: tuple[str, ...]            # frame fields that identify a row (merge key)
    columns: tuple[Column, ...]

    def matches(self, text: str) -> bool:
        key = str(text).strip().casefold()
        return key in (self.dutch.casefold(), self.english.casefold())

    def column_for(self, header: str) -> Column | None:
        for c in self.columns:
            if c.matches(header):
                return c
        return None

    def by_field(self, field: str) -> Column:
        for c in self.columns:
            if c.field == field:
                return c
        raise KeyError(field)


@_fields.per_registry
def sheets() -> tuple[Sheet, ...]:
    """The workbook's sheets, in workbook order: the registry's tables that have one,
    with their fields that have a header."""
    return tuple(
        Sheet(t.dutch, t.english, t.name, t.keys, tuple(
            Column(f.dutch, f.english, f.name, f.kind, f.required, f.minimum, f.maximum)
            for f in t.fields if f.in_workbook))
        for t in _fields.tables() if t.in_workbook)


SHEETS: tuple[Sheet, ...] = sheets()


def sheet_for(name: str) -> Sheet | None:
    for s in sheets():
        if s.matches(name):
            return s
    return None


def sheet_for_table(table: str) -> Sheet:
    for s in sheets():
        if s.table == table:
            return s
    raise KeyError(table)
