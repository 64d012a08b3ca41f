"""Tenancy changes on the Tenant support page (issue 20.3), on the sample workspace.

Sample project A-25-001: 31 dwellings, 30 tenants (A-2301-030 vacant), 20 ja and 5 nee
dated 15-03-2026, A-2301-001 voted ja.  A move-out of A-2301-001 from 16-03-2026 leaves
19 ja of 29 tenants; a new tenant from 20-03-2026 brings 30 tenants back, still 19 ja.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.views import fmt
from desktop.views.tenancy import MOVE_OUT, NEW_TENANT, TenancyDateDialog

from .test_support_view import page, press, tally_texts, vote_of  # noqa: F401  (fixture)

DWELLING = "A-2301-001"
MOVED_OUT = dt.date(2026, 3, 16)
NEW_TENANT_DAY = dt.date(2026, 3, 20)


def select(page, dwelling: str) -> None:
    assert page.vote_table.select_dwelling(dwelling)


def history(page) -> list[str]:
    m = page.history_model
    return [m.frame().at[r, "vote_shown"] for r in range(m.rowCount())]


def test_move_out_and_new_tenant_from_the_vote_table_with_undo(page, qtbot):
    select(page, DWELLING)
    assert page.tenancy.move_out.isEnabled() and page.tenancy.new_tenant.isEnabled()
    assert tally_texts(page)[:2] == ("30", "20")

    assert page.change_tenancy(MOVE_OUT, MOVED_OUT)
    assert tally_texts(page)[:2] == ("29", "19")            # tenants and yes both drop
    assert vote_of(page, DWELLING) is None                   # no vote of a tenant now
    select(page, DWELLING)
    assert not page.tenancy.move_out.isEnabled()             # vacant: nobody to move out
    assert history(page) == ["yes (former tenant)"]            # English interface
    assert fmt.date(MOVED_OUT) in page.message.text()

    assert page.change_tenancy(NEW_TENANT, NEW_TENANT_DAY)
    assert tally_texts(page)[:2] == ("30", "19")             # the new tenant has no vote yet
    assert vote_of(page, DWELLING) is None
    # a form dated before the new tenancy is refused, next to the table
    select(page, DWELLING)
    assert not page.record_vote(DWELLING, "ja")              # form date 16-03-2026 < 20-03-2026
    assert "20-03-2026" in page.message.text()

    page.controller.undo_stack.undo()                        # the new tenant
    page.controller.undo_stack.undo()                        # the move-out
    assert tally_texts(page)[:2] == ("30", "20")
    assert vote_of(page, DWELLING) == "ja"


def test_a_refused_change_says_why_and_changes_nothing(page):
    select(page, DWELLING)
    assert not page.change_tenancy(MOVE_OUT, dt.date(2026, 3, 1))    # before the 15-03 ja
    assert "15-03-2026" in page.message.text()
    assert tally_texts(page)[:2] == ("30", "20")


def test_the_date_is_asked_in_a_dialog(page, qtbot):
    select(page, DWELLING)

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, TenancyDateDialog) and w.isVisible())
        dialog.date_edit.setDate(MOVED_OUT)
        dialog.accept()

    QTimer.singleShot(0, answer)
    page.tenancy.move_out.trigger()
    assert tally_texts(page)[:2] == ("29", "19")
