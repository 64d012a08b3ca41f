"""File → Connect to a team database…: open a workspace on a PostgreSQL server.

The dialog asks host, port, database, user and password.  The password is used for this
connection only: it is never stored in the settings, and only the URL without it goes
into the recent workspaces (the server may also find it in the user's ``~/.pgpass``).
File → Copy workspace to a file… makes a complete local copy to work offline.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QMessageBox, QSpinBox,
    QVBoxLayout,
)
from sqlalchemy.engine import URL, make_url

from ..store.workspace import Workspace, WorkspaceError, is_url
from . import fmt
from .widgets import ok_cancel


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


class ConnectDialog(QDialog):
    """Host, port, database, user, password of a team database."""

    def __init__(self, parent=None, location: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ConnectDialog", "Connect to a team database"))
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText("retrofit")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(translate("ConnectDialog", "&Host:"), self.host)
        form.addRow(translate("ConnectDialog", "&Port:"), self.port)
        form.addRow(translate("ConnectDialog", "&Database:"), self.database)
        form.addRow(translate("ConnectDialog", "&User:"), self.user)
        form.addRow(translate("ConnectDialog", "Pass&word:"), self.password)
        note = QLabel(translate("ConnectDialog", "The password is used for this connection only and is never saved."))
        note.setWordWrap(True)
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ConnectDialog", "&Connect"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        if location and is_url(location):
            self.set_location(location)

    def set_location(self, location: str) -> None:
        url = make_url(location)
        self.host.setText(url.host or "localhost")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        self.password.setText(url.password or "")

    def location(self, *, with_password: bool = True) -> str:
        """The workspace URL (``postgresql://user@host:port/database``)."""
        url = URL.create("postgresql", username=self.user.text().strip() or None,
                         password=(self.password.text() or None) if with_password else None,
                         host=self.host.text().strip() or "localhost", port=self.port.value(),
                         database=self.database.text().strip() or None)
        return url.render_as_string(hide_password=False)


def open_team_workspace(window, location: str) -> bool:
    """Open the team database at ``location`` (which may hold a password) in the window;
    the user's name goes with every edit.  False, after saying why, when it cannot."""
    try:
        ws = Workspace.open(location, backups_to_keep=window.settings.backups_to_keep,
                            user=(window.settings.user_name or "").strip() or None)
    except WorkspaceError as exc:
        QMessageBox.critical(window, translate("ConnectDialog", "Cannot open workspace"), fmt.message(exc))
        return False
    task = window.adopt_workspace(ws)         # its tables are read on a worker thread
    if ws.is_read_only:
        task.finished.connect(lambda _dataset: window.statusBar().showMessage(
            translate("ConnectDialog", "Connected read-only: you can look at everything but change "
                      "nothing."), 10000))
    return True


def connect(window, location: str | None = None) -> bool:
    """Ask for the connection (prefilled from ``location``, e.g. a recent one) and open it."""
    if location is None:
        current = window.controller.workspace.location
        location = current if is_url(current) else next(
            (r for r in window.settings.recent_workspaces if r.startswith("postgresql")), None)
    dialog = ConnectDialog(window, location)
    window.connect_dialog = dialog          # reachable while open (tests)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return open_team_workspace(window, dialog.location())
    finally:
        window.connect_dialog = None


def copy_to_file(window, target: str | None = None) -> bool:
    """Copy the open workspace completely to a new local file (to work offline)."""
    from ..store.copy import copy_workspace

    ws = window.controller.workspace
    if target is None:
        target, _ = QFileDialog.getSaveFileName(
            window, translate("ConnectDialog", "Copy workspace to a file"),
            str(Path.home() / f"{ws.display_name}.rpw"),
            "Retrofit Planner workspace (*.rpw)")
        if not target:
            return False
    if Path(target).exists():
        QMessageBox.warning(window, translate("ConnectDialog", "Copy workspace to a file"),
                            fmt.tr_fmt(translate("ConnectDialog", "%1 exists already; choose a new file."),
                                       target))
        return False
    # a server workspace is read over a new connection with the same login
    source = str(ws.path) if ws.path is not None else ws.engine.url.render_as_string(hide_password=False)
    try:
        copy_workspace(source, target)
    except WorkspaceError as exc:
        QMessageBox.critical(window, translate("ConnectDialog", "Copy workspace to a file"), fmt.message(exc))
        return False
    window.statusBar().showMessage(fmt.tr_fmt(translate("ConnectDialog", "Copied to %1"),
                                              target), 10000)
    return True


def install(window) -> None:
    """Add File → Connect to a team database… and File → Copy workspace to a file…."""
    act = QAction(translate("ConnectDialog", "Connect to a &team database…"), window)
    act.triggered.connect(lambda _=False: connect(window))
    window.add_file_action(act)
    window.act_connect = act
    copy = QAction(translate("ConnectDialog", "&Copy workspace to a file…"), window)
    copy.triggered.connect(lambda _=False: copy_to_file(window))
    window.add_file_action(copy)
    window.act_copy_to_file = copy
    window.connect_dialog = None
