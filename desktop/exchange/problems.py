"""A problem found in a workbook, located as Excel shows it (sheet, row, column header)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("nl", "en")


def default_language() -> str:
    """"nl" when the environment asks for Dutch (LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
    else "en"."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.split(":")[0].lower().startswith("nl") else "en"
    return "en"


class WorkbookUnreadable(Exception):
    """The file cannot be read as a programme workbook at all (check exits 2)."""

    def __init__(self, message: str, message_nl: str):
        super().__init__(message)
        self.message = message
        self.message_nl = message_nl

    def message_in(self, lang: str = "en") -> str:
        return self.message_nl if lang == "nl" else self.message


@dataclass(frozen=True)
class WorkbookProblem:
    """``row`` is the row number as Excel shows it (1-based), ``column`` the header as
    the workbook writes it; either may be None for a problem of a whole sheet/file."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str                 # English
    message_nl: str              # Dutch
    severity: str = "error"      # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message_in(self, lang: str = "en") -> str:
        return self.message_nl if lang == "nl" and self.message_nl else self.message

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """``{"sheet", "row", "column", "message"}`` in that order, as ``check --json`` prints it."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message_in(lang)}

    def location(self, lang: str = "en") -> str:
        """"Stemmen, row 7, Stem" / "Stemmen, rij 7, Stem" (parts that are known)."""
        parts = []
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"{'rij' if lang == 'nl' else 'row'} {self.row}")
        if self.column:
            parts.append(self.column)
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class HasProblems:
    """For results holding ``problems``: the errors, the warnings, and whether it is ok."""

    problems: list[WorkbookProblem]

    @property
    def errors(self) -> list[WorkbookProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[WorkbookProblem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


# a word holding a digit: an id (P-1101, W-0042), a count, an amount, a year
_VARYING = re.compile(r"\S*\d\S*")
GROUP_FROM = 3           # this many warnings of one kind become one line


def _kind(p: WorkbookProblem) -> tuple:
    """What makes warnings "the same": sheet, column and text but for its ids and numbers."""
    return p.sheet, p.column, _VARYING.sub("#", p.message)


def group_warnings(problems: list[WorkbookProblem]) -> list[WorkbookProblem]:
    """Repeated warnings as one line with a count (the workbook contract: never one line
    per dwelling or complex of the same kind).  Warnings of one kind (:func:`_kind`) that
    occur :data:`GROUP_FROM` times or more become one warning at the first one's place,
    its text followed by how many more there are and their rows; errors and other
    warnings stay as they are, in their order.  ``check`` and the import preview both
    show their warnings through this function."""
    groups: dict[tuple, list[WorkbookProblem]] = {}
    for p in problems:
        if not p.is_error:
            groups.setdefault(_kind(p), []).append(p)
    out = []
    for p in problems:
        same = groups.get(_kind(p)) if not p.is_error else None
        if not same or len(same) < GROUP_FROM:
            out.append(p)
            continue
        if same[0] is not p:
            continue
        more = len(same) - 1
        rows = [q.row for q in same[1:] if q.row is not None]
        shown = ", ".join(str(r) for r in rows[:5]) + (", …" if len(rows) > 5 else "")
        en = f"{p.message} (and {more} more of this kind" + (f": rows {shown})" if rows else ")")
        nl = (f"{p.message_nl} (en nog {more} van deze soort"
              + (f": rijen {shown})" if rows else ")"))
        out.append(WorkbookProblem(p.sheet, p.row, p.column, en, nl, p.severity))
    return out
