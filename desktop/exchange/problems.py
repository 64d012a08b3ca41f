"""A problem found in a workbook, located as Excel shows it (sheet, row, column header)."""
from __future__ import annotations

import os
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
