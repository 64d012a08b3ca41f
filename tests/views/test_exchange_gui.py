"""The Excel exchange from the window: import with preview, problems table, refusals,
export and template in the background, cancel, and the generic background runner."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QProgressDialog

from desktop.exchange.progress import report
from desktop.exchange.reader import read_workbook
from desktop.settings import Settings
from desktop.store.workspace import Workspace
from desktop.views.controller import Controller
from desktop.views.import_dialog import ImportPreviewDialog, MessageDialog, ProblemsDialog
from desktop.views.main_window import MainWindow
from desktop.views.tasks import run_in_background

DATA = Path(__file__).resolve().parent.parent / "data"
TIMEOUT = 20_000


def _make_window(qtbot, ws):
    controller = Controller(ws, Settings())
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def empty_window(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "empty.rpw")
    win = _make_window(qtbot, ws)
    yield win
    win.close()
    win.controller.workspace.close()


@pytest.fixture
def sample_window(qtbot, tmp_path):
    from desktop.sample import create_sample_workspace

    win = _make_window(qtbot, create_sample_workspace(tmp_path / "soest.rpw"))
    yield win
    win.close()
    win.controller.workspace.close()


def _cells(model, col_count=None):
    cols = col_count or model.columnCount()
    return [[model.data(model.index(r, c)) for c in range(cols)] for r in range(model.rowCount())]


def _wait_dialog(qtbot, ex, cls):
    qtbot.waitUntil(lambda: isinstance(ex.last_dialog, cls) and ex.last_dialog.isVisible(),
                    timeout=TIMEOUT)
    return ex.last_dialog


def _file_menu_texts(win):
    return [a.text() for a in win.menu_file.actions()]


# ----- import ---------------------------------------------------------------------------
def test_file_menu_has_the_workbook_actions(empty_window):
    texts = _file_menu_texts(empty_window)
    for t in ("&Import workbook…", "&Export workspace…", "Export current &view…",
              "Export &without personal data…", "Save &template…"):
        assert t in texts
    ex = empty_window.exchange
    assert ex.act_import.shortcut().toString() == "Ctrl+I"
    assert ex.act_export.shortcut().toString() == "Ctrl+E"
    # the overview page does not (yet) offer export_dataset(): the action is disabled
    assert not hasattr(empty_window.stack.currentWidget(), "export_dataset")
    assert not ex.act_export_view.isEnabled()


def test_import_valid_workbook_previews_then_commits(empty_window, qtbot, qtmodeltester):
    win, ex = empty_window, empty_window.exchange
    ctl = win.controller
    ws = ctl.workspace
    assert len(ctl.dataset.dwellings) == 0
    task = ex.import_workbook(DATA / "valid_soest.xlsx")
    assert task is not None and ex.busy
    assert not ex.act_import.isEnabled()              # one exchange at a time
    dlg = _wait_dialog(qtbot, ex, ImportPreviewDialog)
    assert task.outcome == "finished"

    # per sheet: all rows of valid_soest.xlsx are new (the workspace is empty)
    qtmodeltester.check(dlg.summary_model)
    rows = {r[0]: r[1:] for r in _cells(dlg.summary_model)}
    assert rows == {"Complexes": ["3", "0", "0"], "Dwellings": ["16", "0", "0"],
                    "Projects": ["3", "0", "0"], "Votes": ["10", "0", "0"],
                    "Targets": ["4", "0", "0"], "Tariffs": ["3", "0", "0"],
                    "Emission factors": ["1", "0", "0"]}
    assert dlg.totals.text().startswith("40 rows added, 0 changed, 0 left as they are")
    assert dlg.changes_table.isHidden() and not dlg.no_changes.isHidden()
    assert "backup copy" in dlg.note.text() and "Ctrl+Z" in dlg.note.text()
    assert ws.backups() == []                         # nothing written before Import
    assert len(ws.load().dwellings) == 0

    ctl.undo_stack.push(QUndoCommand("an earlier edit"))
    with qtbot.waitSignal(ex.import_done, timeout=TIMEOUT) as done:
        dlg.import_button.click()
    outcome = done.args[0]
    assert outcome.applied and outcome.backup is not None and outcome.backup.exists()
    assert len(ws.backups()) == 1
    ds = ctl.dataset
    assert (len(ds.complexes), len(ds.dwellings), len(ds.projects), len(ds.votes),
            len(ds.targets)) == (3, 16, 3, 10, 4)
    assert ctl.undo_stack.count() == 0                # an import is not undoable
    box = ex.last_dialog
    assert isinstance(box, MessageDialog)
    assert "40 rows added, 0 changed" in box.text()
    assert "Backup copy" in box.informativeText()
    assert "3 complexes" in win.status_workspace.text()
    box.close()
    assert ex.act_import.isEnabled()


def test_import_again_says_nothing_new(empty_window, qtbot):
    ex, ws = empty_window.exchange, empty_window.controller.workspace
    from desktop.exchange.importer import import_workbook

    import_workbook(DATA / "valid_soest.xlsx", ws)
    with qtbot.waitSignal(ex.import_done, timeout=TIMEOUT):
        ex.import_workbook(DATA / "valid_soest.xlsx")
    box = ex.last_dialog
    assert isinstance(box, MessageDialog) and "holds nothing new" in box.text()
    box.close()


@pytest.fixture
def english_locale():
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def test_preview_lists_changed_fields_and_cancel_writes_nothing(sample_window, qtbot, tmp_path,
                                                               qtmodeltester, english_locale):
    """Export the sample, change two cells, import: the preview names both changes."""
    import openpyxl

    from desktop.exchange.importer import export_workspace

    ex, ws = sample_window.exchange, sample_window.controller.workspace
    book = tmp_path / "changed.xlsx"
    export_workspace(ws, book, lang="en")
    wb = openpyxl.load_workbook(book)
    projects = wb["Projects"]
    head = [c.value for c in projects[1]]
    assert projects.cell(2, 1).value == "A-21-001" and projects.cell(2, 3).value == 2021
    projects.cell(2, head.index("Year") + 1).value = 2029
    dwellings = wb["Dwellings"]
    head = [c.value for c in dwellings[1]]
    assert dwellings.cell(2, 1).value == "A-2101-001"
    assert dwellings.cell(2, head.index("Net rent per month") + 1).value == 583.52
    dwellings.cell(2, head.index("Net rent per month") + 1).value = 700
    wb.save(book)

    ex.import_workbook(book)
    dlg = _wait_dialog(qtbot, ex, ImportPreviewDialog)
    summary = {r[0]: r[1:] for r in _cells(dlg.summary_model)}
    assert summary["Projects"] == ["0", "1", "18"]            # 19 projects in the sample
    assert summary["Dwellings"] == ["0", "1", "4,263"]        # 4264 dwellings
    assert summary["Votes"] == ["0", "0", "251"]
    assert dlg.totals.text().startswith("0 rows added, 2 changed")
    qtmodeltester.check(dlg.changes_model)
    changes = _cells(dlg.changes_model)
    assert sorted(changes) == [
        ["Dwellings", "A-2101-001", "Net rent per month", "€583.52", "€700.00"],
        ["Projects", "A-21-001", "Year", "2021", "2029"],
    ]
    assert not dlg.changes_table.isHidden()
    QGuiApplication.clipboard().clear()
    dlg.changes_table.setFocus()
    qtbot.keyClick(dlg.changes_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[0] == \
        "Sheet\tRow\tColumn\tNow\tAfter the import"

    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert not ex.busy
    assert ws.backups() == []
    ds = ws.load()
    assert int(ds.projects.set_index("project").at["A-21-001", "year"]) == 2021
    assert int(ds.dwellings.set_index("dwelling").at["A-2101-001", "rent_cents"]) == 58352


def test_errors_workbook_lists_the_cells_and_writes_nothing(empty_window, qtbot, qtmodeltester):
    ex, ws = empty_window.exchange, empty_window.controller.workspace
    with qtbot.waitSignal(ex.import_done, timeout=TIMEOUT) as done:
        ex.import_workbook(DATA / "errors.xlsx")
    assert not done.args[0].applied
    dlg = ex.last_dialog
    assert isinstance(dlg, ProblemsDialog) and dlg.isVisible()
    assert "has 15 errors." in dlg.heading.text() and "unchanged" in dlg.heading.text()
    view = dlg.problems
    model = view.model
    qtmodeltester.check(model)
    assert model.rowCount() == 15
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Sheet", "Row", "Column", "Message", "Severity"]
    rows = _cells(model)
    assert ["Stemmen", "3", "Stem"] == rows[8][:3]
    assert "'misschien' is not a vote" in rows[8][3]
    assert all(r[4] == "Error" for r in rows)
    assert ["Tarieven", "1", ""] == rows[-1][:3]
    assert view.count_label.text() == "15 errors"

    # sort on Row, descending: the highest row number first (18, Woningen)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    rows = _cells(model)
    assert rows[0][:3] == ["Woningen", "18", "Complex"]
    assert [int(r[1]) for r in rows] == sorted((int(r[1]) for r in rows), reverse=True)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in _cells(model)][:3] == ["Complexen"] * 3

    # Copy with nothing selected: all 15 rows as TSV with a header line
    QGuiApplication.clipboard().clear()
    view.copy_button.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Sheet\tRow\tColumn\tMessage\tSeverity"
    assert len(lines) == 16
    # Ctrl+C with two rows selected copies just those
    view.table.selectRow(0)
    view.table.selectionModel().select(
        model.index(2, 0), view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 3
    first = lines[1].split("\t")
    assert first[:3] == _cells(model)[0][:3] and first[4] == "Error"

    # nothing was written
    assert len(ws.load().complexes) == 0
    assert ws.backups() == []
    dlg.close()


@pytest.mark.parametrize("name, words", [
    ("truncated.xlsx", "damaged"),
    ("not_xlsx.xlsx", "not"),
    ("empty.xlsx", "empty"),
    ("encrypted.xlsx", "password"),
])
def test_unreadable_workbook_is_refused_with_a_message(empty_window, qtbot, name, words):
    from desktop.exchange.reader import WorkbookUnreadable

    with pytest.raises(WorkbookUnreadable) as expected:
        read_workbook(DATA / name)
    ex = empty_window.exchange
    task = ex.import_workbook(DATA / name)
    qtbot.waitUntil(lambda: task.outcome is not None, timeout=TIMEOUT)
    assert task.outcome == "failed"
    box = ex.last_dialog
    assert isinstance(box, MessageDialog) and box.isVisible()
    assert box.text() == expected.value.message
    assert words in box.text().lower()
    assert box.windowTitle() == "Import workbook"
    box.close()
    assert len(empty_window.controller.workspace.load().complexes) == 0


# ----- export ---------------------------------------------------------------------------
def test_export_runs_in_background_and_imports_back(sample_window, qtbot, tmp_path):
    ex, ws = sample_window.exchange, sample_window.controller.workspace
    target = tmp_path / "out" / "export.xlsx"
    target.parent.mkdir()
    main_thread = threading.get_ident()
    with qtbot.waitSignal(ex.export_done, timeout=TIMEOUT) as done:
        task = ex.export_workspace(target)
        assert ex.busy
    assert done.args[0] == target and target.exists()
    assert task.outcome == "finished"
    # what was written is the workspace: 4264 dwellings read back without errors
    back = read_workbook(target)
    assert back.ok and len(back.dataset.dwellings) == len(ws.load().dwellings) == 4264
    assert main_thread == threading.get_ident()
    assert [p.name for p in target.parent.iterdir()] == ["export.xlsx"]   # no temp file left


def test_export_without_personal_data_leaves_out_addresses(sample_window, qtbot, tmp_path):
    ex = sample_window.exchange
    target = tmp_path / "anon.xlsx"
    with qtbot.waitSignal(ex.export_done, timeout=TIMEOUT):
        ex.export_workspace(target, personal_data=False)
    import openpyxl

    wb = openpyxl.load_workbook(target, read_only=True)
    dwellings = wb["Dwellings"] if "Dwellings" in wb.sheetnames else wb["Woningen"]
    header = [c.value for c in next(dwellings.iter_rows(max_row=1))]
    wb.close()
    assert "Address" not in header and "Adres" not in header
    assert "Dwelling" in header or "Woning" in header


def test_cancelled_export_leaves_no_file(sample_window, qtbot, tmp_path):
    ex = sample_window.exchange
    target = tmp_path / "cancelled.xlsx"
    task = ex.export_workspace(target)
    task.cancel()                         # before the writer's first progress report
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert task.outcome == "cancelled"
    assert not target.exists()
    assert list(tmp_path.glob("*.xlsx")) == []
    assert "cancelled" in sample_window.statusBar().currentMessage()
    assert ex.act_export.isEnabled()


def test_template_is_an_empty_workbook_with_headers(empty_window, qtbot, tmp_path):
    ex = empty_window.exchange
    target = tmp_path / "template.xlsx"
    with qtbot.waitSignal(ex.export_done, timeout=TIMEOUT):
        ex.save_template(target)
    result = read_workbook(target)
    assert result.ok
    assert sum(len(getattr(result.dataset, t)) for t in ("complexes", "dwellings", "projects",
                                                          "votes", "targets")) == 0
    assert {"complexes", "dwellings", "projects", "votes"} <= set(result.sheets_found)


def test_export_refuses_a_name_without_xlsx(empty_window, tmp_path):
    ex = empty_window.exchange
    assert ex.export_workspace(tmp_path / "out.csv") is None
    assert isinstance(ex.last_dialog, MessageDialog) and ".xlsx" in ex.last_dialog.text()
    ex.last_dialog.close()


def test_export_current_view_uses_the_page_hook(sample_window, qtbot, tmp_path):
    """A page offering export_dataset() enables the action; its subset is written."""
    win, ex = sample_window, sample_window.exchange
    page = win.stack.currentWidget()
    full = win.controller.dataset
    one = full.complexes["complex"].iloc[0]
    subset = type(full)(**{t: getattr(full, t) for t in full.__dataclass_fields__})
    subset.complexes = full.complexes[full.complexes["complex"] == one]
    subset.dwellings = full.dwellings[full.dwellings["complex"] == one]
    subset.projects = full.projects.iloc[0:0]
    subset.votes = full.votes.iloc[0:0]
    page.export_dataset = lambda: subset
    ex._update_actions()
    assert ex.act_export_view.isEnabled()
    target = tmp_path / "view.xlsx"
    with qtbot.waitSignal(ex.export_done, timeout=TIMEOUT):
        ex.export_current_view(target)
    back = read_workbook(target)
    assert list(back.dataset.complexes["complex"]) == [one]
    assert len(back.dataset.dwellings) == int((full.dwellings["complex"] == one).sum()) > 0


# ----- the background runner ----------------------------------------------------------------
def test_runner_shows_progress_after_half_a_second_and_esc_cancels(qtbot, empty_window):
    seen_threads = []

    def slow(progress):
        seen_threads.append(threading.get_ident())
        for i in range(400):
            report(progress, i / 400)
            time.sleep(0.01)
        return "done"

    task = run_in_background(empty_window, slow, title="Slow", label="Working…")
    assert task.dialog is None                       # nothing shown at once
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=3000)
    assert time.monotonic() - task.started_at >= 0.45
    dlg = task.dialog
    assert isinstance(dlg, QProgressDialog) and dlg.isVisible()
    assert dlg.labelText() == "Working…" and dlg.windowTitle() == "Slow"
    qtbot.waitUntil(lambda: dlg.value() > 0, timeout=3000)
    with qtbot.waitSignal(task.cancelled, timeout=TIMEOUT):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert task.outcome == "cancelled" and task.dialog is None
    assert seen_threads and seen_threads[0] != threading.get_ident()


def test_runner_delivers_result_and_failure(qtbot, empty_window):
    task = run_in_background(empty_window, lambda progress: 6 * 7)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT) as got:
        pass
    assert got.args == [42] and task.dialog is None   # quick work never shows a dialog

    def broken(progress):
        raise ValueError("bad cell")

    task = run_in_background(empty_window, broken)
    with qtbot.waitSignal(task.failed, timeout=TIMEOUT) as got:
        pass
    assert isinstance(got.args[0], ValueError) and str(got.args[0]) == "bad cell"
    assert task.outcome == "failed"


def test_gui_thread_stays_responsive_during_an_import(empty_window, qtbot):
    """A heartbeat timer keeps ticking while the worker reads and plans."""
    from PySide6.QtCore import QTimer

    ex = empty_window.exchange
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    ex.import_workbook(DATA / "valid_soest.xlsx")
    dlg = _wait_dialog(qtbot, ex, ImportPreviewDialog)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert gaps and max(gaps) < 0.5
    dlg.reject()


def test_a_chatty_worker_reports_progress_to_the_end(qtbot, empty_window):
    """20,000 progress reports from the worker arrive as one result, the GUI polling them
    (the binding itself is checked in tests/test_qt_binding.py)."""
    def chatty(progress):
        for i in range(20_000):
            report(progress, i / 20_000)
        return i

    task = run_in_background(empty_window, chatty)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT) as got:
        pass
    assert got.args == [19_999]
