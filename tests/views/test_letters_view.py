"""Support → Letters…: the dialog, the letters written on a worker and read back, a
refusal shown, and the text editor (save, refuse, undo, reset) on the sample workspace."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from PySide6.QtWidgets import QWidget

from desktop.models import letter_templates as T
from desktop.models import support
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views.controller import Controller
from desktop.views.letters import LettersDialog, TemplateEditor
from desktop.views.support import SupportPage

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui

PROJECT = "A-25-001"       # 31 dwellings, 1 vacant: 30 letters; 20 of 30 agreed (not 70 %)


@pytest.fixture
def page(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1280, 800)
    p = SupportPage(controller, host)
    p.setGeometry(0, 0, 1280, 800)
    host.show()
    yield p
    host.close()
    controller.workspace.close()


def _texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


def test_the_support_page_opens_the_letters_dialog_for_its_project(page, qtbot):
    assert page.project == PROJECT and page.letters_button.isEnabled()
    dialog = page.open_letters()
    assert isinstance(dialog, LettersDialog) and dialog.isVisible()
    hint = dialog.layout().itemAt(0).widget().text()
    assert "A-25-001" in hint and "30 letters" in hint and "vacant dwellings get none" in hint
    assert [dialog.kind.itemData(i) for i in range(2)] == ["offer", "notification"]
    # the default reply date: four weeks after the campaign start, or from today
    start, today = dt.date(2026, 2, 15), dt.date.today()
    expected = start + dt.timedelta(weeks=4)
    if expected <= today:
        expected = today + dt.timedelta(weeks=4)
    assert dialog.reply_by.date().toPython() == expected
    assert dialog.date.date().toPython() == today and not dialog.record.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(1)
    assert not dialog.reply_by.isEnabled()
    assert dialog.record.isVisibleTo(dialog) and dialog.record.isChecked()   # not notified yet
    dialog.language.setCurrentIndex(0)
    kind, lang, _, day, record = dialog.choice()
    assert (kind, lang, day, record) == ("notification", "nl", today, True)
    dialog.reject()


def test_the_notification_dialog_starts_from_the_projects_notification_date(page):
    from desktop import edits

    page.select_project("P-26-001")                   # 85 of 116: reached
    page.controller.execute(edits.campaign_dates(page.controller.dataset, "P-26-001",
                                                 {"notified_on": dt.date(2026, 3, 2)}))
    page.open_letters().reject()
    dialog = page.letters.make_dialog("P-26-001")
    dialog.kind.setCurrentIndex(1)
    assert dialog.date.date().toPython() == dt.date(2026, 3, 2) and not dialog.record.isChecked()
    dialog.deleteLater()


def test_the_notification_is_written_and_its_date_recorded(page, qtbot, tmp_path):
    page.select_project("P-26-001")
    page.open_letters().reject()
    actions = page.letters
    path = tmp_path / "kennisgeving.pdf"
    with qtbot.waitSignal(actions.letters_done, timeout=60_000):
        actions.write(path, "P-26-001", "notification", "nl", day=dt.date(2026, 3, 20), record=True)
    texts = _texts(path)
    assert len(texts) == 116 and all("loopt tot en met 15 mei 2026" in t for t in texts)
    row = page.controller.dataset.projects.set_index("project").loc["P-26-001"]
    assert row["notified_on"].date() == dt.date(2026, 3, 20)
    page.controller.undo_stack.undo()                 # the recorded date is one undo step
    assert pd.isna(page.controller.dataset.projects.set_index("project").loc["P-26-001", "notified_on"])


def test_the_letters_are_written_off_the_gui_thread_and_read_back(page, qtbot, tmp_path):
    page.open_letters().reject()
    actions = page.letters
    path = tmp_path / "brieven.pdf"
    with qtbot.waitSignal(actions.letters_done, timeout=60_000) as done:
        task = actions.write(path, PROJECT, "offer", "nl", dt.date(2026, 4, 1))
        assert task is not None and actions.write(path, PROJECT, "offer", "nl") is None   # one at a time
    assert done.args[0] == path
    texts = _texts(path)
    let = support.let_dwellings(page.controller.dataset, PROJECT)["dwelling"].tolist()
    assert len(texts) == len(let) == 30
    for text, dwelling in zip(texts, let):
        assert f"Woning {dwelling}" in text and "uiterlijk 1 april 2026" in text
    assert "A-2301-030" not in " ".join(texts)                 # the vacant dwelling


def test_a_refusal_is_shown_in_a_message(page, qtbot, tmp_path):
    page.open_letters().reject()
    actions = page.letters
    task = actions.write(tmp_path / "x.pdf", PROJECT, "notification", "en")
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert task.outcome == "failed"
    box = actions.last_dialog
    assert box.isVisible() and "70 % of all tenants has not agreed yet (20 of 30" in box.text()
    assert not (tmp_path / "x.pdf").exists()
    box.accept()


def test_the_text_editor_saves_refuses_undoes_and_resets(page, qtbot):
    controller = page.controller
    editor = TemplateEditor(controller, "nl", "reply", page)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.key() == ("reply", "nl")
    assert editor.text.toPlainText() == T.DEFAULTS[("reply", "nl")].strip()
    assert not editor.reset_button.isEnabled() and not editor.save_button.isEnabled()
    assert editor.placeholders.count() == len(T.PLACEHOLDERS)

    # an unknown placeholder: refused, shown, nothing stored; the choice of text is locked
    editor.text.setPlainText("# Strook\n\nWoning {woningnr}")
    assert not editor.kind.isEnabled() and editor.save_button.isEnabled()
    assert not editor.save()
    assert editor.message.isVisible() and "{woningnr}" in editor.message.text()
    assert not len(controller.dataset.letter_templates)

    # a placeholder inserted from the list, then saved: one undo step
    editor.text.setPlainText("# Strook\n\nWoning ")
    item = next(editor.placeholders.item(i) for i in range(editor.placeholders.count())
                if editor.placeholders.item(i).text().startswith("{dwelling}"))
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    editor._insert(item)
    assert editor.text.toPlainText() == "# Strook\n\nWoning {dwelling}"
    assert editor.save()
    assert T.template(controller.dataset, "reply", "nl").text == "# Strook\n\nWoning {dwelling}"
    assert editor.kind.isEnabled() and editor.reset_button.isEnabled()
    assert editor.state.text() == "your own text"
    controller.undo_stack.undo()
    assert not T.template(controller.dataset, "reply", "nl").edited
    controller.undo_stack.redo()
    editor.load()
    assert editor.text.toPlainText() == "# Strook\n\nWoning {dwelling}"

    # reset to the default (undoable too)
    assert editor.reset()
    assert not T.template(controller.dataset, "reply", "nl").edited
    assert editor.text.toPlainText() == T.DEFAULTS[("reply", "nl")].strip()
    controller.undo_stack.undo()
    assert T.template(controller.dataset, "reply", "nl").edited

    # another kind and language
    editor.load()
    editor.kind.setCurrentIndex(editor.kind.findData("notification"))
    editor.language.setCurrentIndex(editor.language.findData("en"))
    assert editor.text.toPlainText() == T.DEFAULTS[("notification", "en")].strip()
    editor.close()


def test_the_dialogs_fit_and_show_their_texts(page, qtbot, tmp_path):
    dialog = page.open_letters()
    dialog.grab().save(str(tmp_path / "letters-dialog.png"))
    editor = page.letters.open_editor("en")
    editor.grab().save(str(tmp_path / "template-editor.png"))
    assert editor.minimumSizeHint().width() <= 1280 and editor.minimumSizeHint().height() <= 800
    for button in (editor.save_button, editor.reset_button, editor.discard_button):
        assert button.sizeHint().width() <= button.width()
    editor.reject()
    dialog.reject()
