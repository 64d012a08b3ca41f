"""File → Restore a backup: the workspace's backup copies, newest first; restoring
replaces the workspace file (the current one is kept beside it as ``.replaced``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout,
)

from ..store.workspace import Workspace


def describe(backup: Path) -> str:
    """'27-11-2026 17:40 · before import' from a backup file name."""
    parts = backup.name.split(".")
    when, reason = "", ""
    if len(parts) >= 4:
        try:
            when = dt.datetime.strptime(parts[-3][:15], "%Y%m%d-%H%M%S").strftime("%d-%m-%Y %H:%M:%S")
        except ValueError:
            when = parts[-3]
        reason = parts[-2].replace("-", " ")
    return f"{when} · {reason}" if when else backup.name


class RestoreDialog(QDialog):
    def __init__(self, backups: list[Path], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumSize(520, 360)
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("Backup copies are made before every import and migration. Choose "
                              "the copy to go back to; the current workspace is kept beside it."))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.list = QListWidget()
        for b in sorted(backups, reverse=True):
            item = QListWidgetItem(describe(b))
            item.setData(Qt.ItemDataRole.UserRole, str(b))
            item.setToolTip(str(b))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        lay.addWidget(buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None


def restore_into(window, backup: Path) -> bool:
    """Close the open workspace, put ``backup`` in its place and open it again."""
    ctl = window.controller
    path = ctl.workspace.path
    if path is None:
        return False
    ctl.workspace.close()
    Workspace.restore(backup, path)
    # read now: the window must not go on showing the closed workspace meanwhile
    return window.open_workspace(str(path), background=False)


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


def install(window) -> None:
    action = QAction(translate("MainWindow", "Restore a &backup…"), window)

    def run() -> None:
        ws = window.controller.workspace
        backups = ws.backups()
        if not backups:
            QMessageBox.information(window, translate("MainWindow", "Restore a backup"),
                                    translate("MainWindow", "This workspace has no backup copies yet."))
            return
        dialog = RestoreDialog(backups, window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            restore_into(window, dialog.chosen())

    action.triggered.connect(run)
    window.add_file_action(action)
    window.act_restore = action
