"""docs/workbook.md describes the whole workbook: every sheet and every column the field
registry puts in it, by its Dutch name with the English alias in brackets, as the
contract does.  A field added to the registry must be documented there too."""
from __future__ import annotations

from pathlib import Path

from desktop.models import fields

DOC = Path(__file__).resolve().parents[1] / "docs" / "workbook.md"


def test_every_sheet_and_column_of_the_registry_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [f"{t.dutch} [{t.english}]" for t in fields.tables()
               if t.in_workbook and f"{t.dutch} [{t.english}]" not in text]
    missing += [f"{t.dutch}: {f.dutch} [{f.english}]" for t in fields.tables() if t.in_workbook
                for f in t.fields if f.in_workbook and f"{f.dutch} [{f.english}]" not in text]
    assert not missing, f"not described in docs/workbook.md: {missing}"
