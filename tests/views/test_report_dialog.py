"""File → Yearly report…: the dialog's choices and the report written from the window,
off the GUI thread, read back."""
from __future__ import annotations

import openpyxl
import pytest

from desktop.models import monitoring, programme

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui


def test_the_file_menu_offers_the_yearly_report(sample_window):
    w = sample_window
    assert w.report.act_report in w.menu_file.actions()
    dialog = w.report.make_dialog()
    assert (dialog.year.minimum(), dialog.year.maximum()) == monitoring.year_range(w.controller.dataset) \
        == (2020, 2028)
    assert [dialog.language.itemData(i) for i in range(2)] == ["nl", "en"]
    dialog.year.setValue(2024)
    dialog.language.setCurrentIndex(1)
    dialog.format.setCurrentIndex(1)
    assert dialog.choice() == (2024, "en", "xlsx")
    dialog.deleteLater()


def test_the_window_writes_the_pdf_and_the_xlsx(sample_window, qtbot, tmp_path):
    w = sample_window
    actions = w.report
    pdf = tmp_path / "monitoring-2024.pdf"
    with qtbot.waitSignal(actions.report_done, timeout=60_000) as done:
        assert actions.write(pdf, 2024, "nl") is not None
        assert not actions.act_report.isEnabled()            # one report at a time
    assert done.args[0] == pdf
    assert actions.act_report.isEnabled()
    texts = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(pdf)).pages]
    assert "Monitoring prestatieafspraken 2024" in texts[0]
    assert all("Soest (voorbeeld)" in t and f"{i} / {len(texts)}" in t for i, t in enumerate(texts, 1))

    xlsx = tmp_path / "monitoring-2024.xlsx"
    with qtbot.waitSignal(actions.report_done, timeout=60_000):
        actions.write(xlsx, 2024, "en")
    sheet = openpyxl.load_workbook(xlsx)["Agreed targets"]
    t = programme.target_table(w.controller.dataset)
    assert [r[:5] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        (r.corporation, r.period, r.target, r.planned, r.done) for r in t[t["from_year"] <= 2024].itertuples()]
    assert "monitoring-2024.xlsx" in w.statusBar().currentMessage()
