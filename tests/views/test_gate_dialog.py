"""The support gate asks for its reason through one dialog, wherever the status changes:
in the project form of the programme page and on the support page."""
from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.models import support
from desktop.views import refresh
from desktop.views.controller import ReasonDialog

GATE_TEXT = re.compile(r"^Support for (\S+) is [\d.,]+ % of (\d+) tenants: 70 % is needed "
                       r"\((\d+) more yes votes\)\. To move the project to 'agreed' anyway")


def answer_with(seen: list, reason: str | None):
    """Answer the next modal dialog: note what it is and says, then give ``reason``
    (None: cancel)."""
    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append((type(dialog), dialog.text.text() if isinstance(dialog, ReasonDialog) else ""))
        if reason is None:
            dialog.reject()
        else:
            dialog.edit.setPlainText(reason)
            dialog.ok.click()
    QTimer.singleShot(0, answer)


def status(win, project: str) -> str:
    return win.controller.dataset.projects.set_index("project").at[project, "status"]


def test_form_and_support_page_ask_the_reason_through_the_same_dialog(sample_window):
    win, seen = sample_window, []
    # the project form: P-28-001 covers 60 homes without votes
    win.show_page("programme")
    refresh.settle(10)
    form = win.page("programme").project_dialog("P-28-001")
    form.status_edit.setCurrentIndex(form.status_edit.findData("akkoord"))
    answer_with(seen, None)
    form.accept()
    assert status(win, "P-28-001") == "gepland"                   # cancelled: unchanged
    assert "reason" in form.fields["status"].error.text()
    answer_with(seen, "Court ruling 2026-03")
    form.accept()
    assert status(win, "P-28-001") == "akkoord"

    # the support page: A-25-001 is consulting its tenants, below 70 %
    win.show_page("support")
    refresh.settle(10)
    page = win.page("support")
    page.select_project("A-25-001")
    refresh.settle(10)
    answer_with(seen, None)
    assert page.change_status("akkoord") is False
    assert status(win, "A-25-001") == "draagvlakmeting"
    answer_with(seen, "Court ruling 2026-05")
    assert page.change_status("akkoord") is True
    assert status(win, "A-25-001") == "akkoord"

    assert [kind for kind, _ in seen] == [ReasonDialog] * 4
    said = [GATE_TEXT.match(text) for _, text in seen]
    assert all(said), [text for _, text in seen]
    assert [m.group(1) for m in said] == ["P-28-001"] * 2 + ["A-25-001"] * 2
    # the figures the dialog names are those the pages show (one tally)
    ds = win.controller.dataset
    for m in said:
        t = support.project_tally(ds, m.group(1))
        assert (int(m.group(2)), int(m.group(3))) == (t.tenants, t.yes_needed) != (0, 0)
    history = win.controller.workspace.status_history
    assert list(history("P-28-001")["reason"]) == ["Court ruling 2026-03"]
    assert list(history("A-25-001")["reason"]) == ["Court ruling 2026-05"]
