"""The main window: menus, navigation between the areas, status bar.

It owns no domain logic: pages are built by the area modules listed in ``pages.PAGES``
and talk to the data through the :class:`Controller`.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
    QMessageBox, QStackedWidget, QVBoxLayout, QWidget,
)

from ..exchange.progress import Cancelled
from ..store.workspace import Workspace, WorkspaceError
from . import fmt, refresh, theme
from .controller import Controller
from .pages import PAGES, page_title
from .shared_folder import offer_local_copy
from .tasks import BackgroundTask, run_in_background

def workspace_filter() -> str:
    """The file dialogs' filter, in the interface language."""
    return QCoreApplication.translate(
        "MainWindow", "Retrofit Planner workspace (*.rpw *.sqlite *.db);;All files (*)")


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    def __init__(self, controller: Controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = controller.settings
        self.setWindowTitle("Retrofit Planner")
        # fits a 1366×768 screen at 125 % scaling (1093×614 less the task bar)
        self.setMinimumSize(QSize(1000, 600))
        self._pages: dict[str, QWidget] = {}
        self._queued = 0                 # page builds waiting for a later turn
        self.opening: BackgroundTask | None = None    # a workspace being read to open it

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.sample_banner = QLabel()
        self.sample_banner.setObjectName("sampleBanner")
        self.sample_banner.setWordWrap(True)
        self.sample_banner.setStyleSheet(
            f"#sampleBanner {{ background: {theme.BANNER_BG}; color: {theme.WARN_TEXT};"
            f" padding: 6px 12px; border-bottom: 1px solid {theme.BANNER_BORDER}; }}")
        outer.addWidget(self.sample_banner)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(
            f"#navigation {{ background: {theme.PANEL_BG}; border-right: 1px solid {theme.PANEL_BORDER};"
            " padding-top: 8px; }"
            "#navigation::item { padding: 9px 14px; }"
            f"#navigation::item:selected {{ background: {theme.SELECTED_BG}; color: {theme.SELECTED_TEXT};"
            " font-weight: bold; }")
        for key, _module, _cls in PAGES:
            item = QListWidgetItem(page_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.status_workspace = QLabel()
        self.statusBar().addPermanentWidget(self.status_workspace)

        self.nav.currentRowChanged.connect(self._show_row)
        controller.workspace_changed.connect(self._workspace_shown)
        controller.changed.connect(lambda _t: self._update_status())
        self._workspace_shown()
        self._restore_geometry()
        from . import backups, connect_dialog
        backups.install(self)
        connect_dialog.install(self)
        from . import preferences
        preferences.install(self)
        from .exchange import install_exchange
        install_exchange(self)
        from .report_dialog import install_report
        install_report(self)
        self.nav.setCurrentRow(0)

    # ----- menus -------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&File"))
        self.act_new = self._action(self.menu_file, self.tr("&New workspace…"), self.new_workspace,
                                    QKeySequence.StandardKey.New)
        self.act_open = self._action(self.menu_file, self.tr("&Open workspace…"),
                                     self.open_workspace_dialog, QKeySequence.StandardKey.Open)
        self.menu_recent = self.menu_file.addMenu(self.tr("Open &recent"))
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addSeparator()
        self.file_actions_anchor = self.menu_file.addSeparator()
        self.act_quit = self._action(self.menu_file, self.tr("&Quit"), self.close,
                                     QKeySequence.StandardKey.Quit)

        self.menu_edit = bar.addMenu(self.tr("&Edit"))
        self.act_undo = self.controller.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence.StandardKey.Undo])
        self.act_redo = self.controller.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)

        self.menu_view = bar.addMenu(self.tr("&View"))
        for i, (key, _m, _c) in enumerate(PAGES):
            act = self._action(self.menu_view, page_title(key), lambda _=False, k=key: self.show_page(k),
                               QKeySequence(f"Ctrl+{i + 1}") if i < 9 else None)
            act.setData(key)
        self.menu_view.addSeparator()
        self._action(self.menu_view, self.tr("Re&load workspace"), self.controller.reload,
                     QKeySequence.StandardKey.Refresh)

        self.menu_help = bar.addMenu(self.tr("&Help"))
        self._action(self.menu_help, self.tr("&About Retrofit Planner"), self.about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def add_file_action(self, action: QAction) -> None:
        """Area modules (import/export, backups) add their File menu entries here."""
        self.menu_file.insertAction(self.file_actions_anchor, action)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        recent = [r for r in self.settings.recent_workspaces]
        if not recent:
            act = self.menu_recent.addAction(self.tr("(none)"))
            act.setEnabled(False)
            return
        from . import connect_dialog
        for loc in recent:
            act = self.menu_recent.addAction(loc)
            if "://" in loc:     # a team database: ask for the password, never stored
                act.triggered.connect(lambda _=False, l=loc: connect_dialog.connect(self, l))
            else:
                act.triggered.connect(lambda _=False, l=loc: self.open_workspace(l))

    # ----- pages -------------------------------------------------------------------
    def page(self, key: str, *, fill_when_shown: bool = False) -> QWidget:
        """The page ``key``, built if need be (``fill_when_shown``: its figures are
        computed once it is shown, see :class:`~desktop.views.pages.Page`)."""
        if key not in self._pages:
            for k, module, cls in PAGES:
                if k == key:
                    mod = importlib.import_module(f"desktop.views.{module}")
                    widget = getattr(mod, cls)(self.controller, parent=self,
                                               fill_when_shown=fill_when_shown)
                    if hasattr(widget, "install"):
                        widget.install(self)
                    self._pages[key] = widget
                    self.stack.addWidget(widget)
                    break
            else:
                raise KeyError(key)
        return self._pages[key]

    def show_page(self, key: str) -> None:
        row = [k for k, _m, _c in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._show_row(row)

    def current_page_key(self) -> str:
        return PAGES[self.nav.currentRow()][0]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        if key not in self._pages and self._pages:
            # (the first page is built with the window) build the page on a later turn
            # of the event loop, once the navigation has been repainted, and show it on
            # the turn after that: building (~50 ms) and the first layout and paint
            # (~50 ms) each take a turn of their own, and input is handled in between
            self._queued += 1
            refresh.hold(self)                  # for refresh.settle()
            QTimer.singleShot(1, self, lambda: self._build_then_switch(key))
            return
        self._switch_to(key)

    def _build_then_switch(self, key: str) -> None:
        if self.current_page_key() != key:      # the user went on to another page
            self._dequeue()
            return
        self.page(key, fill_when_shown=True)
        QTimer.singleShot(1, self, lambda: (self._dequeue(), self._switch_to(key)))

    def _dequeue(self) -> None:
        self._queued -= 1
        if not self._queued:
            refresh.let_go(self)

    def _switch_to(self, key: str) -> None:
        if self.current_page_key() != key:      # the user went on to another page
            return
        self.stack.setCurrentWidget(self.page(key))
        self.page_changed.emit(key)

    # ----- workspace ---------------------------------------------------------------
    def _workspace_shown(self) -> None:
        ws = self.controller.workspace
        name = fmt.workspace_name(ws)
        self.setWindowTitle(f"{name} — Retrofit Planner")
        if ws.is_sample:
            self.sample_banner.setText(self.tr(
                "Sample data: this workspace holds illustrative Soest data (based on the "
                "performance agreements 2021–2022), not the corporations' real records. "
                "Use File → New workspace to start your own."))
            self.sample_banner.show()
        else:
            self.sample_banner.hide()
        self.settings.remember_workspace(ws.location)
        self.settings.save()
        self._update_status()

    def _update_status(self) -> None:
        ws = self.controller.workspace
        ds = self.controller.dataset
        sample = self.tr(" · sample data") if ws.is_sample else ""
        self.status_workspace.setText(
            fmt.tr_fmt(self.tr("%1 · %2 complexes · %3 projects"),
                       ws.location, fmt.integer(len(ds.complexes)),
                       fmt.integer(len(ds.projects))) + sample)

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"),
                                              str(Path.home() / "programma.rpw"), workspace_filter())
        if path:
            if not Path(path).suffix:
                path += ".rpw"
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("New workspace"),
                                    fmt.tr_fmt(self.tr("%1 exists already; open it instead."),
                                               path))
                return
            self.open_workspace(path)

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), str(Path.home()),
                                              workspace_filter())
        if path:
            self.open_workspace(offer_local_copy(self, path))

    def open_workspace(self, location: str, *, background: bool = True) -> bool:
        """Open the workspace at ``location`` in the window (False, after saying why,
        when it cannot be opened).  Its tables are read on a worker thread (0.4 s at
        100,000 dwellings) and the window switches to it when they are read; until
        then it goes on showing the open workspace (``background=False``: read now)."""
        try:
            ws = Workspace.open(location, backups_to_keep=self.settings.backups_to_keep)
        except WorkspaceError as exc:
            QMessageBox.critical(self, self.tr("Cannot open workspace"), fmt.message(exc))
            return False
        if background:
            self.adopt_workspace(ws)
        else:
            self.controller.set_workspace(ws)
        return True

    def adopt_workspace(self, ws: Workspace) -> BackgroundTask:
        """Read ``ws`` on a worker thread, then show it in the window instead of the open
        workspace.  A progress dialog appears when reading takes more than 0.5 s; when
        the user cancels or reading fails, ``ws`` is closed and the window stays as it
        was."""
        if self.opening is not None:                  # the newest choice wins
            self.opening.cancel()

        def read(progress):
            dataset = ws.load()
            if not progress(1.0):
                raise Cancelled()
            return dataset

        task = run_in_background(self, read, title=self.tr("Open workspace"),
                                 label=fmt.tr_fmt(self.tr("Reading %1…"), ws.display_name),
                                 reports_progress=False)
        self.opening = task

        def finished(dataset) -> None:
            if task.cancel_requested:                 # asked to stop after reading
                ws.close()
                return
            self.controller.set_workspace(ws, dataset=dataset)

        def failed(exc) -> None:
            ws.close()
            if isinstance(exc, WorkspaceError):
                QMessageBox.critical(self, self.tr("Cannot open workspace"), fmt.message(exc))
            else:                                     # a bug: the error dialog, with details
                sys.excepthook(type(exc), exc, exc.__traceback__)

        def done() -> None:
            if self.opening is task:
                self.opening = None

        task.finished.connect(finished)
        task.failed.connect(failed)
        task.cancelled.connect(ws.close)
        task.done.connect(done)
        return task

    def about(self) -> None:
        from .about import AboutDialog

        self.about_dialog = AboutDialog(self.controller.workspace, self)
        self.about_dialog.open()

    # ----- geometry ----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def save_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64()).decode()
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
        self.controller.workspace.close()     # the file alone now holds every edit (no -wal)
