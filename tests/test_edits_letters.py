"""The tenant letters' texts in the workspace (issue 22): saved, undone, reset, refused
when a placeholder is unknown, and kept by export -> import (sheet Brieven / Letters)."""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from desktop import edits
from desktop.edits import EditError
from desktop.exchange.check import check_workbook
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.models import letter_templates as T
from desktop.store.workspace import Workspace

from .store.test_votes_store import make_workspace

TEXT = "Beste {tenant},\n\nuw woning {dwelling} krijgt {measures}.\n\n[ ] Ja\n[ ] Nee"


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path / "ws.rpw", let=2, vacant=0, status="gereed")
    yield w
    w.close()


def test_save_undo_and_reset_a_text(ws):
    assert not T.template(ws.load(), "offer", "nl").edited
    undo = ws.apply(edits.save_template(ws.load(), "offer", "nl", TEXT + "\n"))
    ws.apply(undo)                      # undo the first save: the built-in text again
    assert not T.template(ws.load(), "offer", "nl").edited
    ws.apply(edits.save_template(ws.load(), "offer", "nl", TEXT + "\n"))
    stored = T.template(ws.load(), "offer", "nl")
    assert stored.edited and stored.text == TEXT and stored.row_version == 1
    assert T.template(ws.load(), "offer", "en").text == T.DEFAULTS[("offer", "en")]   # the other language
    row = ws.load().letter_templates.iloc[0]
    assert not pd.isna(row["changed_at"]) and row["changed_fields"] == "text"
    # a second edit bumps the version; the same text again changes nothing
    ws.apply(edits.save_template(ws.load(), "offer", "nl", TEXT + " Groet.", expected_version=1))
    assert T.template(ws.load(), "offer", "nl").row_version == 2
    assert edits.save_template(ws.load(), "offer", "nl", TEXT + " Groet.") is None
    # reset: back to the built-in text; the default text itself is a reset too
    undo_reset = ws.apply(edits.reset_template(ws.load(), "offer", "nl"))
    assert not T.template(ws.load(), "offer", "nl").edited
    assert edits.reset_template(ws.load(), "offer", "nl") is None
    ws.apply(undo_reset)
    assert T.template(ws.load(), "offer", "nl").text == TEXT + " Groet."
    assert isinstance(edits.save_template(ws.load(), "offer", "nl", T.DEFAULTS[("offer", "nl")]),
                      type(edits.reset_template(ws.load(), "offer", "nl")))
    ws.apply(edits.reset_template(ws.load(), "offer", "nl"))
    assert not len(ws.load().letter_templates)



def test_an_unknown_placeholder_or_an_empty_text_is_refused(ws):
    with pytest.raises(EditError) as err:
        edits.save_template(ws.load(), "reply", "nl", "Woning {woningnr} {dwelling}")
    assert err.value.field == "text"
    assert err.value.message_nl.startswith("Onbekende plaatshouder in de antwoordstrook (nl): {woningnr}.")
    assert "Unknown placeholder in the reply slip (nl): {woningnr}." in err.value.message
    with pytest.raises(EditError, match="cannot be empty"):
        edits.save_template(ws.load(), "reply", "en", "  \n ")
    with pytest.raises(ValueError):
        edits.save_template(ws.load(), "invoice", "nl", TEXT)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_then_import_keeps_the_texts(ws, tmp_path, lang):
    ws.apply(edits.save_template(ws.load(), "offer", "nl", TEXT))
    ws.apply(edits.save_template(ws.load(), "notification", "en", "Dear {tenant}: {objection_deadline}"))
    book = tmp_path / "export.xlsx"
    export_workspace(ws, book, lang=lang)
    assert ("Brieven" if lang == "nl" else "Letters") in openpyxl.load_workbook(book, read_only=True).sheetnames
    empty = Workspace.open(tmp_path / "b.rpw")
    try:
        outcome = import_workbook(book, empty)
        assert outcome.ok, [p.message for p in outcome.errors]
        back = empty.load()
        assert T.template(back, "offer", "nl").text == TEXT
        assert T.template(back, "notification", "en").text == "Dear {tenant}: {objection_deadline}"
        assert len(back.letter_templates) == 2
    finally:
        empty.close()


def test_a_workbook_with_an_unknown_placeholder_or_kind_is_refused(ws, tmp_path):
    ws.apply(edits.save_template(ws.load(), "offer", "nl", TEXT))
    book = tmp_path / "export.xlsx"
    export_workspace(ws, book, lang="nl")
    wb = openpyxl.load_workbook(book)
    sheet = wb["Brieven"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("Tekst") + 1, "Beste {huurdernaam}")
    sheet.append(["brochure", "nl", "tekst"])
    wb.save(book)
    result = check_workbook(book)
    found = {(p.row, p.column, p.message_nl) for p in result.errors if p.sheet == "Brieven"}
    assert any(r == 2 and c == "Tekst" and "Onbekende plaatshouder" in m and "{huurdernaam}" in m
               for r, c, m in found), found
    assert any(r == 3 and c == "Soort" and "de soort moet een van" in m for r, c, m in found), found
