"""The one entry point for every change to data, and where undo lives.

Views build commands (``desktop.store.commands``); :meth:`Controller.execute` applies
each in one transaction, pushes its inverse on the undo stack, reloads the domain
frames and tells the views which tables changed.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..models.dataset import TABLES, Dataset
from ..settings import Settings
from ..store.workspace import Workspace


class _StoreCommand(QUndoCommand):
    """A thin QUndoCommand over a command value whose application returns its inverse."""

    def __init__(self, controller: "Controller", command, text: str):
        super().__init__(text)
        self._controller = controller
        self._forward = command
        self._inverse = None
        self._first = True

    def redo(self) -> None:
        if self._first:   # applied already by Controller.execute (so errors surface there)
            self._first = False
            return
        self._inverse = self._controller._apply(self._forward)

    def undo(self) -> None:
        self._forward = self._controller._apply(self._inverse)

    def set_inverse(self, inverse) -> None:
        self._inverse = inverse


class Controller(QObject):
    """Holds the open workspace, its frames and the undo stack."""

    changed = Signal(object)          # set of table names
    # called after reload() (the application sets desktop.app.settle_heap; None in tests)
    settle_after_reload = None
    workspace_changed = Signal()      # another workspace was opened
    error = Signal(str)

    def __init__(self, workspace: Workspace, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings.load()
        self.undo_stack = QUndoStack(self)
        self.workspace = workspace
        self._sign(workspace)
        self._dataset: Dataset | None = None

    # ----- data --------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = self.workspace.load()
        return self._dataset

    def reload(self, tables: set[str] | None = None, dataset: Dataset | None = None) -> None:
        """Re-read the workspace (after an import, or another user's change);
        ``dataset``: frames already read (e.g. on a worker thread) to use instead."""
        self._dataset = dataset
        self.changed.emit(set(tables or TABLES))
        if self.settle_after_reload is not None:
            # once the views have caught up (after the redraw), not inside it
            QTimer.singleShot(0, self.settle_after_reload)

    def _sign(self, workspace: Workspace) -> None:
        """Edits record who made them (row's last editor, conflict messages)."""
        workspace.user = (self.settings.user_name or "").strip() or None

    def set_workspace(self, workspace: Workspace, dataset: Dataset | None = None) -> None:
        """Show ``workspace`` instead of the open one (closed); ``dataset``: its frames
        already read (on a worker thread)."""
        old = self.workspace
        self.workspace = workspace
        self._sign(workspace)
        self._dataset = dataset
        self.undo_stack.clear()       # a reopened workspace starts with an empty stack
        if old is not None and old is not workspace:
            old.close()
        self.workspace_changed.emit()
        self.changed.emit(set(TABLES))

    # ----- edits -------------------------------------------------------------------
    def _apply(self, command):
        inverse = self.workspace.apply(command)
        tables = set(command.tables)
        if self._dataset is not None:
            # re-read only what the edit touched: a vote at 100k dwellings reloads one
            # table (~40 ms), not the whole workspace (~0.6 s)
            fresh = self.workspace.load_tables(tables)
            self._dataset = self._dataset.with_tables(**fresh)
        self.changed.emit(tables)
        return inverse

    def execute(self, command, text: str = "") -> bool:
        """Apply ``command`` now; on success push it on the undo stack.

        Raises the store's error (WorkspaceError and subclasses) to the caller so a
        dialog can show it next to the field; nothing is half-saved."""
        inverse = self._apply(command)
        undo = _StoreCommand(self, command, text or getattr(command, "label", "") or self.tr("Edit"))
        undo.set_inverse(inverse)
        self.undo_stack.push(undo)
        return True
