"""The one entry point for every change to data, and where undo lives.

Views ask the edits layer (:mod:`desktop.edits`) for a command and hand it to
:meth:`Controller.run`, which applies it in one transaction (:meth:`Controller.execute`:
its inverse goes on the undo stack, the domain frames are reloaded and the views told
which tables changed), shows a refusal the same way on every page, and — when the
store's support gate refuses a status — asks for the reason through the one
:class:`ReasonDialog` and tries again with it.
"""
from __future__ import annotations

import enum
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLayout, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ..edits import EditError
from ..models.dataset import TABLES, Dataset
from ..settings import Settings
from ..store.commands import GateError
from ..store.workspace import Workspace, WorkspaceError
from . import fmt


class Outcome(enum.Enum):
    """How :meth:`Controller.run` ended; true only when the edit was made."""

    DONE = "done"
    NOTHING = "nothing"        # the use case had nothing to change
    REFUSED = "refused"        # invalid input or refused by the store; the message was shown
    NO_REASON = "no_reason"    # the support gate asked for a reason and none was given

    def __bool__(self) -> bool:
        return self is Outcome.DONE


class ReasonDialog(QDialog):
    """Asks why a project may move on without support (kept in the status history)."""

    def __init__(self, message: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason needed"))
        self.setMinimumSize(440, 240)
        lay = QVBoxLayout(self)
        # fixed constraints: a word-wrapped label would otherwise resize the shown window
        lay.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.text = QLabel(message)
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("e.g. court ruling of 12 March 2026, case number …"))
        lay.addWidget(self.edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change status"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        self.resize(480, 260)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


def gate_message(gate: GateError) -> str:
    """What the reason dialog says: the support the store counted and what is needed."""
    t = gate.tally
    return fmt.tr_fmt(QCoreApplication.translate(
        "SupportPage",
        "Support for %1 is %2 of %3 tenants: 70 % is needed (%4 more yes votes). "
        "To move the project to '%5' anyway, give the reason (for example a court "
        "ruling). It is kept in the status history."),
        gate.project, fmt.percent(t.support_pct, 1), fmt.integer(t.tenants),
        fmt.integer(t.yes_needed), fmt.listed(gate.status))


def ask_reason(parent: QWidget | None, message: str) -> str | None:
    """The one way the window asks for a gate reason; None when cancelled."""
    dialog = ReasonDialog(message, parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.reason()
    dialog.deleteLater()
    return reason if ok and reason else None


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

    def run(self, use_case: Callable[[str | None], object], text: str = "", *,
            say: Callable[[str, bool], None], parent: QWidget | None = None,
            ask: Callable[[str], str | None] | None = None) -> Outcome:
        """Make an edit of the edits layer: ``use_case(reason)`` returns the command
        (None: nothing to change) or raises :class:`~desktop.edits.EditError`.

        A refusal — the use case's or the store's — is shown with ``say(message,
        True)`` in the interface language.  When the store's support gate refuses,
        the reason is asked once (``ask(message)``, by default :func:`ask_reason` over
        ``parent``) and the use case is run again with it."""
        reason = None
        while True:
            try:
                command = use_case(reason)
                if command is None:
                    return Outcome.NOTHING
                self.execute(command, text)
                return Outcome.DONE
            except GateError as gate:
                if reason is not None:       # cannot happen: the store takes any reason
                    say(fmt.message(gate), True)
                    return Outcome.REFUSED
                message = gate_message(gate)
                reason = ask(message) if ask is not None else ask_reason(parent, message)
                if not reason:
                    return Outcome.NO_REASON
            except (EditError, WorkspaceError) as exc:
                say(fmt.message(exc), True)
                return Outcome.REFUSED
