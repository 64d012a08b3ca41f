"""Tenancy changes from the Tenant support page: "Tenant moved out…" and "New tenant…" on
the selected dwelling of the vote table, each asking for a date and made through the
controller as one undoable edit (:func:`desktop.edits.move_out`,
:func:`desktop.edits.new_tenant`).  Which votes count afterwards is the core's business
(:func:`desktop.models.support.by_current_tenant`); this module only asks and runs."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QToolButton, QVBoxLayout

from .. import edits
from . import fmt
from .controller import Outcome

MOVE_OUT, NEW_TENANT = "move_out", "new_tenant"

translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


class TenancyDateDialog(QDialog):
    """Asks the date of a tenancy change (today by default)."""

    def __init__(self, title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        lay.addWidget(text)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        lay.addWidget(self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def date(self) -> dt.date:
        return self.date_edit.date().toPython()


class TenancyActions:
    """The two actions, as a tool button with a menu and on the vote table's context
    menu; enabled for the selected dwelling (a move-out only while it is let)."""

    def __init__(self, page):
        self.page = page
        self.move_out = QAction(translate("Tenancy", "Tenant moved out…"), page)
        self.move_out.setToolTip(translate(
            "Tenancy", "The dwelling is vacant from a date: its tenant's vote stays in the history "
            "as a former tenant's and no longer counts"))
        self.new_tenant = QAction(translate("Tenancy", "New tenant…"), page)
        self.new_tenant.setToolTip(translate(
            "Tenancy", "A new tenant from a date: starts without a vote; earlier votes stay in the "
            "history as a former tenant's"))
        self.move_out.triggered.connect(lambda: page.change_tenancy(MOVE_OUT))
        self.new_tenant.triggered.connect(lambda: page.change_tenancy(NEW_TENANT))
        self.button = QToolButton()
        self.button.setText(translate("Tenancy", "Tenancy change"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.addActions([self.move_out, self.new_tenant])
        self.button.setToolTip(translate(
            "Tenancy", "Record that the selected dwelling's tenant moved out, or that a new tenant "
            "moved in"))
        table = page.vote_table
        table.addActions([self.move_out, self.new_tenant])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.update()

    def update(self) -> None:
        page = self.page
        dwelling = page.vote_table.current_dwelling()
        row = page.vote_model.row_of(dwelling) if dwelling is not None else None
        has_row = page.project is not None and row is not None
        self.move_out.setEnabled(has_row and page.vote_model.is_let(row))
        self.new_tenant.setEnabled(has_row)
        self.button.setEnabled(has_row)


def change_tenancy(page, kind: str, date: dt.date | None = None) -> bool:
    """Make the tenancy change ``kind`` for the page's selected dwelling (``date``: asked
    when None).  Returns whether the change was made."""
    dwelling = page.vote_table.current_dwelling()
    if page.project is None or dwelling is None:
        return False
    if kind == MOVE_OUT:
        title = translate("Tenancy", "Tenant moved out")
        prompt = fmt.tr_fmt(translate("Tenancy", "%1 is vacant from (the tenant moved out):"), dwelling)
        text = fmt.tr_fmt(translate("Tenancy", "Tenant of %1 moved out"), dwelling)
        use_case = edits.move_out
    else:
        title = translate("Tenancy", "New tenant")
        prompt = fmt.tr_fmt(translate("Tenancy", "The new tenant of %1 rents it from:"), dwelling)
        text = fmt.tr_fmt(translate("Tenancy", "New tenant for %1"), dwelling)
        use_case = edits.new_tenant
    if date is None:
        dialog = TenancyDateDialog(title, prompt, page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        date = dialog.date()
    controller = page.controller
    outcome = controller.run(lambda _reason: use_case(controller.dataset, dwelling, date, label=text),
                             text, say=page._say, parent=page)
    if outcome is Outcome.DONE:
        page._say(fmt.tr_fmt(translate("Tenancy", "%1 on %2."), text, fmt.date(date)))
        return True
    return False


__all__ = ["MOVE_OUT", "NEW_TENANT", "TenancyDateDialog", "TenancyActions", "change_tenancy"]
