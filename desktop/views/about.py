"""Help → About: the version, where the workspaces, backups, settings and log are, what the
program runs on, and that it reaches nothing over the network — for the user and for support."""
from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout,
)

from .. import __version__
from ..logs import LOG_NAME
from ..paths import data_dir, log_dir
from ..settings import Settings
from .fmt import tr_fmt


class AboutDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Retrofit Planner"))
        self.setMinimumWidth(640)
        lay = QVBoxLayout(self)
        head = QLabel(tr_fmt(self.tr(
            "<b>Retrofit Planner</b> %1<br><br>Plan the energy retrofit of social-rent homes: "
            "the programme against the agreed targets, tenant support (the 70 % rule), "
            "affordability and the CO2 path to 2050."), __version__))
        head.setWordWrap(True)
        lay.addWidget(head)
        lay.addSpacing(6)

        self.facts = self._facts(workspace)
        form = QFormLayout()
        for name, value in self.facts:
            label = QLabel(value)
            label.setTextFormat(Qt.TextFormat.PlainText)     # a path is never markup
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name + ":", label)
        lay.addLayout(form)
        lay.addSpacing(6)

        self.network = QLabel(self.tr(
            "Retrofit Planner works without the internet: it checks for no updates and sends "
            "nothing anywhere. Only a team workspace connects, to the PostgreSQL server you name."))
        self.network.setWordWrap(True)
        lay.addWidget(self.network)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy these facts, to send to support"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        # the wrapped texts' height at the dialog's width (the size hint assumes a narrower one)
        self.resize(self.minimumWidth(), lay.totalHeightForWidth(self.minimumWidth()))

    def _facts(self, workspace) -> list[tuple[str, str]]:
        if workspace.path is not None:
            backups = str(Path(workspace.path).parent / "backups")
        else:
            backups = self.tr("made by the database server's administrator (team workspace)")
        return [
            (self.tr("Version"), __version__),
            (self.tr("This workspace"), tr_fmt(self.tr("%1 (schema %2)"), workspace.location,
                                                workspace.schema_revision or "")),
            (self.tr("Data folder"), tr_fmt(self.tr("%1 (the sample workspace and the log; your "
                                                    "own workspaces are where you save them)"),
                                            data_dir())),
            (self.tr("Backups"), backups),
            (self.tr("Settings"), str(Settings.path())),
            (self.tr("Log"), str(log_dir() / LOG_NAME)),
            (self.tr("Runs on"), f"Qt {qVersion()} · PySide6 {PySide6.__version__} · "
                                 f"Python {platform.python_version()} · {platform.platform(terse=True)}"),
        ]

    def text(self) -> str:
        """Everything the dialog tells, as plain text (what Copy puts on the clipboard)."""
        lines = [f"Retrofit Planner {__version__}"]
        lines += [f"{name}: {value}" for name, value in self.facts]
        lines.append(self.network.text())
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
