"""The tenant support page on the sample workspace: keyboard vote entry, live tally,
history, the status gate, campaign dates, follow-up list (PDF / Excel) and overview.

Sample project A-25-001 (complex A-2301, 31 dwellings, A-2301-030 vacant): 20 ja, 5 nee,
no form from A-2301-008, -014, -017, -025, -027.  30 tenants, 70 % of 30 = 21 yes needed.
"""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views import fmt, refresh
from desktop.views import follow_up as fu
from desktop.views.controller import Controller
from desktop.views.frame_model import SORT_ROLE
from desktop.views.main_window import MainWindow
from desktop.views.pages import PAGES
from desktop.views.support import MARK, NO_BAR, OPEN_BAR, YES_BAR, SupportPage, TallyBar

PROJECT = "A-25-001"
FORM_DATE = dt.date(2026, 3, 16)


@pytest.fixture
def page(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    host = QWidget()              # a plain parent, as the window's page stack is
    qtbot.addWidget(host)
    host.resize(1200, 800)
    p = SupportPage(controller, host)
    p.setGeometry(0, 0, 1200, 800)
    host.show()
    p.vote_date.setDate(QDate(FORM_DATE.year, FORM_DATE.month, FORM_DATE.day))
    p.vote_table.setFocus()
    yield p
    host.close()
    controller.workspace.close()


def press(qtbot, page, key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(page.vote_table, key)


def current(page) -> str:
    return page.vote_table.current_dwelling()


def vote_of(page, dwelling: str):
    return page.vote_model.vote_at(page.vote_model.row_of(dwelling))


def tally_texts(page) -> tuple:
    return (page.stat_tenants.value.text(), page.stat_yes.value.text(), page.stat_no.value.text(),
            page.stat_silent.value.text(), page.stat_pct.value.text(), page.status_badge.text().strip())


def test_models_pass_the_model_tester(page, qtmodeltester):
    page.tabs.setCurrentWidget(page.campaign_tab)
    assert page.campaign_model.rowCount() == 5
    for model in (page.vote_model, page.history_model, page.follow_up_model, page.status_model,
                  page.campaign_model):
        qtmodeltester.check(model)


def test_opens_on_the_consulting_project_at_the_first_tenant_without_answer(page):
    assert page.project == PROJECT
    assert page.vote_model.rowCount() == 31
    assert current(page) == "A-2301-008"
    assert tally_texts(page) == ("30", "20", "5", "5", fmt.percent(66.67, 1), "not reached")
    assert "1 more yes vote(s) needed" in page.needed_label.text()
    assert page.bar.mark_fraction() == 0.7
    assert page.user_label.text() == "Anna"


def test_keyboard_entry_updates_tally_and_moves_to_the_next_tenant(page, qtbot):
    ws = page.controller.workspace
    press(qtbot, page, Qt.Key.Key_J)                       # 008: ja -> 21 of 30 = 70 %
    assert vote_of(page, "A-2301-008") == "ja"
    assert current(page) == "A-2301-009"
    assert tally_texts(page) == ("30", "21", "5", "4", fmt.percent(70.0, 1), "reached")
    assert page.tally.yes_needed == 0
    h = ws.vote_history(PROJECT, "A-2301-008")
    assert h[["vote", "recorded_by"]].values.tolist() == [["ja", "Anna"]]
    assert h["date"].tolist() == [FORM_DATE]

    press(qtbot, page, Qt.Key.Key_Down, 5)                 # 009 -> 014
    assert current(page) == "A-2301-014"
    press(qtbot, page, Qt.Key.Key_N)
    assert vote_of(page, "A-2301-014") == "nee"
    assert current(page) == "A-2301-015"
    assert tally_texts(page)[:4] == ("30", "21", "6", "3")

    press(qtbot, page, Qt.Key.Key_Down, 2)                 # 015 -> 017
    press(qtbot, page, Qt.Key.Key_G)
    assert vote_of(page, "A-2301-017") == "geen reactie"
    assert tally_texts(page)[:4] == ("30", "21", "6", "3")  # geen reactie is no response
    follow = page.follow_up_model.frame()
    assert follow["dwelling"].tolist() == ["A-2301-017", "A-2301-025", "A-2301-027"]
    assert follow["last_answer"].tolist() == ["geen reactie", None, None]

    press(qtbot, page, Qt.Key.Key_Down, 7)                 # 018 -> 025
    press(qtbot, page, Qt.Key.Key_Y)                       # Y is yes too
    assert vote_of(page, "A-2301-025") == "ja"
    assert current(page) == "A-2301-026"
    assert tally_texts(page) == ("30", "22", "6", "2", fmt.percent(73.33, 1), "reached")


def test_a_correction_is_a_new_entry_and_the_history_shows_it(page, qtbot):
    press(qtbot, page, Qt.Key.Key_J)                       # 008 ja, now on 009
    press(qtbot, page, Qt.Key.Key_Up)                      # back to 008
    assert current(page) == "A-2301-008"
    press(qtbot, page, Qt.Key.Key_N)                       # correction: nee
    assert vote_of(page, "A-2301-008") == "nee"
    assert tally_texts(page) == ("30", "20", "6", "4", fmt.percent(66.67, 1), "not reached")
    h = page.controller.workspace.vote_history(PROJECT, "A-2301-008")
    assert h["vote"].tolist() == ["ja", "nee"]
    assert h["previous_vote"].tolist()[1] == "ja"
    press(qtbot, page, Qt.Key.Key_Up)                      # show 008's history (newest first)
    shown = page.history_model.frame()
    assert shown["vote"].tolist() == ["nee", "ja"]
    assert shown["previous_vote"].tolist() == ["ja", None]
    assert "A-2301-008" in page.history_title.text()


def test_undo_restores_the_vote_by_appending(page, qtbot):
    press(qtbot, page, Qt.Key.Key_J)
    assert page.tally.yes == 21
    page.controller.undo_stack.undo()
    assert vote_of(page, "A-2301-008") == "geen reactie"
    assert page.tally.yes == 20
    h = page.controller.workspace.vote_history(PROJECT, "A-2301-008")
    assert h["vote"].tolist() == ["ja", "geen reactie"]
    assert h["note"].tolist()[1] == "undo"
    page.controller.undo_stack.redo()
    assert vote_of(page, "A-2301-008") == "ja"
    assert len(page.controller.workspace.vote_history(PROJECT, "A-2301-008")) == 3


def test_vacant_dwelling_gets_no_vote_and_same_vote_adds_no_entry(page, qtbot):
    ws = page.controller.workspace
    before = len(ws.vote_history(PROJECT))
    page.vote_table.select_dwelling("A-2301-030")
    press(qtbot, page, Qt.Key.Key_J)
    assert vote_of(page, "A-2301-030") is None
    assert "vacant" in page.message.text()
    assert current(page) == "A-2301-030"
    press(qtbot, page, Qt.Key.Key_Down)                    # 031 already has ja
    press(qtbot, page, Qt.Key.Key_J)
    assert len(ws.vote_history(PROJECT)) == before
    assert page.controller.undo_stack.count() == 0


def test_next_tenant_skips_the_vacant_dwelling(page, qtbot):
    page.vote_table.select_dwelling("A-2301-029")
    press(qtbot, page, Qt.Key.Key_N)
    assert current(page) == "A-2301-031"


def test_status_gate_asks_for_a_reason_and_keeps_it(page, qtbot):
    reason = "Court ruling Midden-Nederland 2026-05-12"

    def answer():
        dialog = QApplication.activeModalWidget()
        assert not dialog.ok.isEnabled()                   # a blank reason is not accepted
        assert "70 %" in dialog.findChild(type(page.message)).text()
        dialog.edit.setPlainText(reason)
        dialog.ok.click()

    QTimer.singleShot(0, answer)
    assert page.change_status("akkoord") is True
    ws = page.controller.workspace
    assert ws.load().projects.set_index("project").at[PROJECT, "status"] == "akkoord"
    h = page.status_model.frame()
    assert h[["old_status", "new_status", "reason", "changed_by"]].values.tolist() == \
        [["draagvlakmeting", "akkoord", reason, "Anna"]]
    assert page.status_combo.currentData() == "akkoord"


def test_status_gate_cancelled_leaves_the_status(page, qtbot):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    page.status_combo.setCurrentIndex(page.status_combo.findData("in uitvoering"))
    assert page.change_status("in uitvoering") is False
    assert page.status_combo.currentData() == "draagvlakmeting"
    assert page.controller.workspace.status_history(PROJECT).empty
    assert page.controller.undo_stack.count() == 0


def test_status_moves_without_reason_once_support_is_reached(page, qtbot):
    press(qtbot, page, Qt.Key.Key_J)                       # 21 of 30
    assert page.change_status("akkoord") is True           # no dialog needed
    reasons = page.controller.workspace.status_history(PROJECT)["reason"].tolist()
    assert len(reasons) == 1 and (reasons[0] is None or reasons[0] != reasons[0])


def test_campaign_dates_and_objection_deadline(page):
    page.notified_check.setChecked(True)                   # saves today's date
    page.notified_date.setDate(QDate(2026, 3, 20))
    assert page.save_campaign() is True
    row = page.controller.dataset.projects.set_index("project").loc[PROJECT]
    assert row["notified_on"].date() == dt.date(2026, 3, 20)
    assert fmt.date(dt.date(2026, 5, 15)) in page.deadline_label.text()   # + 56 days
    assert page.save_campaign() is False                   # nothing changed
    page.notified_check.setChecked(False)
    assert page.controller.dataset.projects.set_index("project").loc[PROJECT, "notified_on"] is not None
    assert str(page.controller.dataset.projects.set_index("project").loc[PROJECT, "notified_on"]) == "NaT"
    assert "notification date" in page.deadline_label.text()


def test_follow_up_list_to_pdf_and_excel(page, tmp_path):
    frame = page.follow_up_model.frame()
    assert frame["dwelling"].tolist() == ["A-2301-008", "A-2301-014", "A-2301-017",
                                          "A-2301-025", "A-2301-027"]
    assert page.tabs.tabText(1) == "Follow-up (5)"
    pdf = page.export_pdf(str(tmp_path / "follow.pdf"))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    doc = fu.follow_up_document(page.follow_up_title(), frame)
    text = doc.toPlainText()
    assert "Stationsweg 8, Soest" in text and "Stationsweg 27, Soest" in text
    assert "Stationsweg 9, Soest" not in text

    xlsx = page.export_excel(str(tmp_path / "follow.xlsx"))
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Dwelling", "Address", "Last answer", "Form date", "Visited on",
                       "Answer (ja / nee)")
    assert [r[:3] for r in rows[1:]] == [
        ("A-2301-008", "Stationsweg 8, Soest", "no form yet"),
        ("A-2301-014", "Stationsweg 14, Soest", "no form yet"),
        ("A-2301-017", "Stationsweg 17, Soest", "no form yet"),
        ("A-2301-025", "Stationsweg 25, Soest", "no form yet"),
        ("A-2301-027", "Stationsweg 27, Soest", "no form yet"),
    ]


def test_printer_path_renders_pages(page, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = fu.render(printer, page.follow_up_title(), page.follow_up_model.frame())
    assert pages == 1
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_all_campaigns_overview_sorts_and_opens_a_campaign(page, qtbot):
    press(qtbot, page, Qt.Key.Key_J)        # A-25-001: 21 of 30, before the tab is opened
    page.tabs.setCurrentWidget(page.campaign_tab)
    m = page.campaign_model
    rows = {m.key_at(r): (m.data(m.index(r, m.column_of("support_pct")), SORT_ROLE),
                          m.frame().at[r, "status"], m.frame().at[r, "yes_needed"])
            for r in range(m.rowCount())}
    # sample: P-26-001 85 of 116 tenants, A-26-001 8 dwellings (6 yes of 8), A-25-001 21 of 30
    assert rows == {
        "A-25-001": (70.0, "reached", 0),
        "A-26-001": (75.0, "individual_consent", 2),
        "P-24-002": (81.48, "reached", 0),
        "P-24-003": (80.0, "reached", 0),
        "P-26-001": (73.28, "reached", 0),
    }
    page.campaign_view.sortByColumn(m.column_of("support_pct"), Qt.SortOrder.DescendingOrder)
    assert [m.key_at(r) for r in range(m.rowCount())] == \
        ["P-24-002", "P-24-003", "A-26-001", "P-26-001", "A-25-001"]

    page.campaign_view.doubleClicked.emit(m.index(0, 0))
    assert page.project == "P-24-002"
    assert page.tabs.currentIndex() == 0
    assert page.tally.yes == 66 and page.tally.tenants == 81


def test_individual_consent_below_ten_dwellings(page):
    page.select_project("A-26-001")
    assert page.status_badge.text().strip() == "individual consent"
    assert page.bar.mark_fraction() is None
    assert page.tally.yes_needed == 2


def test_tally_bar_paints(qtbot):
    from desktop.models.support import tally

    host = QWidget()
    qtbot.addWidget(host)
    bar = TallyBar(host)
    bar.resize(400, 40)
    bar.set_tally(tally(10, 10, 7, 2))
    image = bar.grab().toImage()
    assert bar.toolTip() == "7 yes, 2 no, 1 no response of 10 tenants"
    # what the user sees: 7 of 10 in the yes colour from the left, 2 of 10 in the no colour
    # at the right, the one silent tenant open between them, the 70 % mark at 70 %
    top = bar._label_height()
    y = (top + bar.height() - 2) // 2 + 1
    width = bar.width() - 2

    def colour(fraction: float) -> str:
        return image.pixelColor(1 + int(width * fraction), y).name()

    assert colour(0.10) == colour(0.60) == YES_BAR.name()
    assert colour(0.75) == OPEN_BAR.name()
    assert colour(0.82) == colour(0.98) == NO_BAR.name()
    assert MARK.name() in {colour(f / 1000) for f in range(690, 711)}


def test_registered_in_the_main_window(qtbot, tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    controller = Controller(ws, Settings(user_name="Anna"))
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.show()
    try:
        win.show_page("support")
        refresh.settle(10)
        assert isinstance(win.stack.currentWidget(), SupportPage)
    finally:
        win.close()
        ws.close()


def test_a_started_campaign_without_votes_is_listed(page):
    page.select_project("P-27-001")        # complex P-1203: 90 dwellings, 3 vacant (3 %)
    assert page.tally.tenants == 87 and page.tally.yes_needed == 61   # 70 % of 87 = 60.9 -> 61
    page.start_check.setChecked(True)      # campaign starts today
    assert page.controller.dataset.projects.set_index("project").at["P-27-001", "campaign_start"] \
        .date() == dt.date.today()
    page.tabs.setCurrentWidget(page.campaign_tab)
    m = page.campaign_model
    row = m.frame().set_index("project").loc["P-27-001"]
    assert (row["dwellings"], row["tenants"], row["yes"], row["support_pct"], row["status"],
            row["yes_needed"], row["project_status"]) == (90, 87, 0, 0.0, "not_reached", 61, "gepland")
    assert m.rowCount() == 6


def test_the_recorded_message_goes_with_its_undo(page, qtbot):
    """Issue 19.9: after Ctrl+Z the page no longer says "'ja' recorded"."""
    press(qtbot, page, Qt.Key.Key_J)
    assert "ja" in page.message.text()
    page.controller.undo_stack.undo()
    assert page.message.text() == ""


def test_the_vote_table_takes_the_keys_when_chosen_in_the_navigation(qtbot, tmp_path):
    """Issue 19.9: J/N/G work right after choosing the page, without clicking the table."""
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    win = MainWindow(Controller(ws, Settings(user_name="Anna")))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        win.activateWindow()
        win.nav.setFocus()
        win.nav.setCurrentRow([k for k, _m, _c in PAGES].index("support"))
        refresh.settle(10)
        page = win.page("support")
        qtbot.waitUntil(lambda: page.vote_table.hasFocus() or
                        QApplication.focusWidget() is page.vote_table, timeout=2000)
        before = page.tally.yes
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
        assert page.tally.yes == before + 1
    finally:
        win.close()
        ws.close()


def test_the_printed_follow_up_list_keeps_each_date_on_one_line(qapp, tmp_path):
    """Issue 19.11: on A4 the form date wrapped ("20-11-202 / 6"); each date and
    dwelling code now fits its column on one line."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    import pandas as pd
    frame = pd.DataFrame({
        "dwelling": [f"A-2301-{i:03d}" for i in range(1, 4)],
        "address": ["Soesterbergsestraat 123 bis, Soest"] * 3,
        "last_answer": ["geen reactie", None, "geen reactie"],
        "date": [dt.date(2026, 11, 20), None, dt.date(2026, 12, 31)]})
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    doc = fu.follow_up_document("Follow-up visits — project A-25-001 (complex A-2301)", frame)
    doc.setPageSize(QSizeF(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()))
    assert doc.pageCount() == 1                     # lays the document out
    wanted = {fmt.date(d) for d in frame["date"].dropna()} | set(frame["dwelling"])
    seen = {}
    block = doc.begin()
    while block.isValid():
        text = block.text().replace("\u00a0", " ")
        if text in wanted:
            seen[text] = block.layout().lineCount()
        block = block.next()
    assert set(seen) == wanted
    assert all(lines == 1 for lines in seen.values()), seen
    del writer


def test_large_counts_are_grouped_like_every_other_number(qtbot):
    """Issue 19.11: '1077 homes' where other places write 1,077 / 1.077."""
    from PySide6.QtCore import QLocale

    from desktop.models import support as model

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    bar = TallyBar()
    qtbot.addWidget(bar)
    bar.set_tally(model.Tally(dwellings=1500, tenants=1450, yes=1077, no=200, no_response=173,
                              support_pct=74.3, status=model.REACHED, yes_needed=0, reached=True))
    try:
        assert bar.toolTip() == "1,077 yes, 200 no, 173 no response of 1,450 tenants"
    finally:
        QLocale.setDefault(before)
