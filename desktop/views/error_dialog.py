"""Unexpected errors in the window: a dialog with what happened and a copyable report,
logged to the rotating log file — instead of a window that dies or vanishes."""
from __future__ import annotations

import logging
import platform
import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
)

from .. import __version__

log = logging.getLogger("desktop.errors")


def error_report(exc_type, exc, tb) -> str:
    """A report for support: version, platform and the traceback (no data values)."""
    lines = [f"Retrofit Planner {__version__}",
             f"Python {platform.python_version()} on {platform.platform()}", ""]
    lines += traceback.format_exception(exc_type, exc, tb)
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines)


class ErrorDialog(QDialog):
    def __init__(self, summary: str, report: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr(
            "<b>An unexpected error occurred.</b><br>Your data is safe: every change is saved "
            "in one transaction, and the last one either completed or was not saved at all. "
            "You can go on working. If it happens again, send the report below to support."))
        head.setWordWrap(True)
        lay.addWidget(head)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(220)
        lay.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ExceptionHandler:
    """``sys.excepthook`` for the window: log, then show the dialog (non-modal, so the
    event loop and the window go on)."""

    def __init__(self):
        self.last_dialog: ErrorDialog | None = None
        self._previous = sys.excepthook

    def install(self) -> "ExceptionHandler":
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        report = error_report(exc_type, exc, tb)
        # the log gets the type and where it happened, not the message: messages can
        # hold data values (an address, a name), and nothing personal goes to the log
        log.error("unexpected error: %s\n%s", exc_type.__name__,
                  "".join(traceback.format_tb(tb)).rstrip())
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        summary = f"{exc_type.__name__}: {exc}"
        dialog = ErrorDialog(summary, report, QApplication.activeWindow())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
