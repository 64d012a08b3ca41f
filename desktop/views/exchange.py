"""The Excel exchange in the window: File → Import workbook…, Export…, Save template….

Every slow step runs on a worker thread through :func:`~desktop.views.tasks.run_in_background`
(progress dialog after 0.5 s, Cancel/Esc): reading, validating and planning an import,
committing it (backup copy + one transaction) and writing a workbook.  The GUI thread
only shows the preview, the problems and the result.

Import: read + plan (worker) → errors? the :class:`ProblemsDialog`, nothing written →
else the :class:`ImportPreviewDialog` → *Import* → backup + one transaction (worker) →
``controller.reload()`` and the undo stack is cleared (an import is not undoable with
Ctrl+Z; the backup copy is the way back).

"Export current view…" asks the current page for ``export_dataset() -> Dataset | None``:
a page that shows a filtered part of the workspace implements it and returns that part
(a :class:`~desktop.models.dataset.Dataset`; ``None`` means "nothing to export now").
Pages without the method leave the action disabled.

Dialogs are shown non-modally with ``open()`` (window-modal, no nested event loop) and
the last one is kept in :attr:`ExchangeActions.last_dialog`, so tests and scripts can
read and close it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..exchange.importer import ImportOutcome, commit_import, export_workspace, prepare_import
from ..exchange.reader import WorkbookUnreadable
from ..models.dataset import Dataset
from ..store.workspace import WorkspaceError
from . import fmt
from .import_dialog import (
    ImportPreviewDialog, MessageDialog, ProblemsDialog, count_text, preview_frames, ui_language,
)
from .tasks import BackgroundTask, run_in_background

XLSX_FILTER = "Excel workbook (*.xlsx);;All files (*)"


def _ensure_xlsx(path: str) -> str:
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


class ExchangeActions(QObject):
    """The File-menu actions for the programme workbook, on one :class:`MainWindow`."""

    import_done = Signal(object)        # ImportOutcome (applied, refused or previewed)
    export_done = Signal(object)        # Path written
    busy_changed = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.task: BackgroundTask | None = None
        self.last_dialog: QDialog | None = None
        self.last_outcome: ImportOutcome | None = None

        def action(text: str, slot: Callable, shortcut=None, name: str = "") -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.act_import = action(self.tr("&Import workbook…"), self.import_workbook, "Ctrl+I",
                                 "actImportWorkbook")
        self.act_import.setStatusTip(self.tr(
            "Merge a programme workbook (.xlsx) into this workspace, after a preview"))
        self.act_export = action(self.tr("&Export workspace…"), self.export_workspace, "Ctrl+E",
                                 "actExportWorkspace")
        self.act_export.setStatusTip(self.tr("Write the whole workspace as a programme workbook"))
        self.act_export_view = action(self.tr("Export current &view…"), self.export_current_view,
                                      None, "actExportView")
        self.act_export_view.setStatusTip(self.tr(
            "Write what the current page shows as a programme workbook"))
        self.act_export_private = action(self.tr("Export &without personal data…"),
                                         lambda: self.export_workspace(personal_data=False),
                                         None, "actExportPrivate")
        self.act_export_private.setStatusTip(self.tr(
            "Export without names and free text: no addresses, no who recorded or changed "
            "what, no reasons or notes"))
        self.act_template = action(self.tr("Save &template…"), self.save_template, None,
                                   "actSaveTemplate")
        self.act_template.setStatusTip(self.tr(
            "An empty workbook with headers, dropdowns and instructions"))
        self.actions = [self.act_import, self.act_export, self.act_export_view,
                        self.act_export_private, self.act_template]
        for act in self.actions:
            window.add_file_action(act)
        window.installEventFilter(self)
        if hasattr(window, "page_changed"):
            window.page_changed.connect(lambda _key: self._update_actions())
        self._update_actions()

    # ----- state -------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def current_view_exportable(self) -> bool:
        page = self.window.stack.currentWidget() if hasattr(self.window, "stack") else None
        return page is not None and callable(getattr(page, "export_dataset", None))

    def _update_actions(self) -> None:
        busy = self.busy
        for act in self.actions:
            act.setEnabled(not busy)
        self.act_export_view.setEnabled(not busy and self.current_view_exportable())

    def _start(self, fn, title: str, label: str) -> BackgroundTask:
        if self.task is not None and not self.task.is_running():
            self.task.deleteLater()           # the previous, finished task
        self.task = run_in_background(self.window, fn, title=title, label=label)
        self.task.done.connect(self._task_done)
        self._update_actions()
        self.busy_changed.emit(True)
        return self.task

    def _task_done(self) -> None:
        self._update_actions()
        self.busy_changed.emit(False)

    # ----- messages ------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _message(self, kind: str, title: str, text: str, informative: str = "") -> MessageDialog:
        box = MessageDialog(kind, title, text, informative, self.window)
        box.finished.connect(box.deleteLater)
        self._show(box)
        return box

    def _status(self, text: str) -> None:
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, 8000)

    def _failed(self, title: str, exc: BaseException) -> None:
        lang = ui_language()
        if isinstance(exc, WorkbookUnreadable):
            self._message("warning", title, exc.message_in(lang))
        elif isinstance(exc, WorkspaceError):
            self._message("critical", title, fmt.message(exc))
        elif isinstance(exc, OSError):
            self._message("critical", title,
                          fmt.tr_fmt(self.tr("The file cannot be read or written: %1"),
                                     exc.strerror or str(exc)))
        else:
            self._message("critical", title,
                          fmt.tr_fmt(self.tr("Something went wrong: %1"),
                                     f"{type(exc).__name__}: {exc}"))

    def _ask_open(self, title: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, title, str(self._folder()), XLSX_FILTER)
        return path

    def _ask_save(self, title: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(self._folder() / name),
                                              XLSX_FILTER)
        return _ensure_xlsx(path) if path else ""

    def _folder(self) -> Path:
        ws = self.controller.workspace
        return ws.path.parent if getattr(ws, "path", None) else Path.home()

    # ----- import ----------------------------------------------------------------------
    def import_workbook(self, path: str | Path | None = None) -> BackgroundTask | None:
        """Read, validate and plan ``path`` (asks for it when None) in the background;
        then the preview or the problems."""
        if self.busy:
            return None
        if path is None:
            path = self._ask_open(self.tr("Import workbook"))
            if not path:
                return None
        path = Path(path)
        ws = self.controller.workspace
        lang = ui_language()

        def work(progress):
            # the cells are loaded in a child process: a file that crashes the native
            # reader is an error message, never the end of the window
            outcome = prepare_import(path, ws, progress, isolated=True)
            preview = preview_frames(outcome.plan, lang) if outcome.plan is not None else None
            return outcome, preview

        task = self._start(work, self.tr("Import workbook"),
                           fmt.tr_fmt(self.tr("Reading and checking %1…"), path.name))
        title = self.tr("Import workbook")
        task.finished.connect(lambda result: self._prepared(ws, *result))
        task.failed.connect(lambda exc: self._failed(title, exc))
        task.cancelled.connect(lambda: self._status(self.tr("Import cancelled; nothing was written.")))
        return task

    def _prepared(self, ws, outcome: ImportOutcome, preview) -> None:
        self.last_outcome = outcome
        if ws is not self.controller.workspace:       # another workspace was opened meanwhile
            return
        name = outcome.path.name
        if outcome.errors:
            dialog = ProblemsDialog(outcome.problems, name, ui_language(), self.window)
            dialog.finished.connect(dialog.deleteLater)
            self._show(dialog)
            self.import_done.emit(outcome)
            return
        if outcome.plan is None or outcome.plan.is_empty:
            self._message("information", self.tr("Import workbook"),
                          fmt.tr_fmt(self.tr("%1 holds nothing new: the workspace already has all of "
                                             "it. Nothing was written."), name),
                          count_text(len(outcome.warnings), "warning") + "."
                          if outcome.warnings else "")
            self.import_done.emit(outcome)
            return
        ws_name = fmt.workspace_name(ws)
        dialog = ImportPreviewDialog(preview, name, ws_name, outcome.warnings, ui_language(),
                                     self.window)
        dialog.accepted.connect(lambda: self._commit(ws, outcome))
        dialog.rejected.connect(lambda: self._status(self.tr("Import cancelled; nothing was written.")))
        dialog.finished.connect(dialog.deleteLater)
        self._show(dialog)

    def _commit(self, ws, outcome: ImportOutcome) -> BackgroundTask | None:
        if ws is not self.controller.workspace or self.busy:
            return None
        keep = getattr(self.controller.settings, "backups_to_keep", 10)
        def work(progress):
            done = commit_import(outcome, ws, keep_backups=keep, progress=progress)
            # read the workspace back here, not on the GUI thread (100k rows: ~1 s)
            return done, (ws.load() if done.applied else None)

        task = self._start(work,
                           self.tr("Import workbook"),
                           fmt.tr_fmt(self.tr("Making a backup copy and importing %1…"),
                                      outcome.path.name))
        title = self.tr("Import workbook")
        task.finished.connect(lambda result: self._committed(ws, *result))
        task.failed.connect(lambda exc: self._failed(title, exc))
        task.cancelled.connect(lambda: self._status(self.tr("Import cancelled; nothing was written.")))
        return task

    def _committed(self, ws, outcome: ImportOutcome, dataset: Dataset | None) -> None:
        self.last_outcome = outcome
        ctl = self.controller
        ctl.undo_stack.clear()          # the undo history predates the import
        if ws is ctl.workspace:
            ctl.reload(dataset=dataset)          # frames read on the worker thread
        plan = outcome.plan
        text = fmt.tr_fmt(self.tr("Imported %1: %2 rows added, %3 changed."),
                          outcome.path.name, str(plan.added), str(plan.changed))
        self._status(text)
        self._message("information", self.tr("Import workbook"), text,
                      fmt.tr_fmt(self.tr("Backup copy made before the import: %1"),
                                 str(outcome.backup))
                      if outcome.backup else "")
        self.import_done.emit(outcome)

    # ----- export ----------------------------------------------------------------------
    def _export(self, path: str | Path | None, *, dataset: Dataset | None = None,
                personal_data: bool = True, template: bool = False,
                title: str, default_name: str) -> BackgroundTask | None:
        if self.busy:
            return None
        if path is None:
            path = self._ask_save(title, default_name)
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            self._message("warning", title,
                          self.tr("The file name must end in .xlsx."))
            return None
        ws = self.controller.workspace
        lang = ui_language()
        if template:
            from ..exchange.writer import write_workbook

            def work(progress):
                write_workbook(Dataset.empty(), path, template=True, lang=lang, progress=progress)
                return path
        else:
            def work(progress):
                return export_workspace(ws, path, personal_data=personal_data, lang=lang,
                                        progress=progress, dataset=dataset)
        task = self._start(work, title, fmt.tr_fmt(self.tr("Writing %1…"), path.name))
        task.finished.connect(self._exported)
        task.failed.connect(lambda exc: self._failed(title, exc))
        task.cancelled.connect(lambda: self._status(self.tr("Export cancelled; no file was written.")))
        return task

    def _exported(self, path: Path) -> None:
        self._status(fmt.tr_fmt(self.tr("Written: %1"), str(path)))
        self.export_done.emit(Path(path))

    def _default_name(self, suffix: str = "") -> str:
        ws = self.controller.workspace
        stem = (ws.get_meta("name") or (ws.path.stem if getattr(ws, "path", None) else "programma"))
        return f"{stem}{suffix}.xlsx"

    def export_workspace(self, path: str | Path | None = None, *,
                         personal_data: bool = True) -> BackgroundTask | None:
        title = self.tr("Export workspace") if personal_data else \
            self.tr("Export without personal data")
        return self._export(path, personal_data=personal_data, title=title,
                            default_name=self._default_name("" if personal_data else "-anoniem"))

    def export_current_view(self, path: str | Path | None = None) -> BackgroundTask | None:
        title = self.tr("Export current view")
        page = self.window.stack.currentWidget()
        get = getattr(page, "export_dataset", None)
        dataset = get() if callable(get) else None
        if dataset is None:
            self._message("information", title,
                          self.tr("This page has nothing to export; use Export workspace."))
            return None
        return self._export(path, dataset=dataset, title=title,
                            default_name=self._default_name("-selectie"))

    def save_template(self, path: str | Path | None = None) -> BackgroundTask | None:
        return self._export(path, template=True, title=self.tr("Save template"),
                            default_name="sjabloon-programma.xlsx")

    # ----- shutdown --------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Cancel running work and wait for its thread (the window is closing)."""
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait()


def install_exchange(window: QWidget) -> ExchangeActions:
    """Add the workbook actions to ``window``'s File menu (MainWindow calls this once)."""
    actions = ExchangeActions(window)
    window.exchange = actions
    return actions
