"""Preferences (Edit → Preferences…): the interface language, the name recorded with votes
and status changes, and how many backup copies a workspace keeps.

Saved in :class:`desktop.settings.Settings`; the language takes effect after a restart.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
)

from ..settings import Settings
from . import theme
from .widgets import ok_cancel

translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")

# Language names are written in their own language, as every program does.
LANGUAGES = (("system", None), ("nl", "Nederlands"), ("en", "English"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name or self.tr("System language"), code)
        i = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, i))
        self.user_name = QLineEdit(settings.user_name or "")
        self.user_name.setPlaceholderText(self.tr("e.g. Anna de Vries"))
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(int(settings.backups_to_keep))
        self.backups.setToolTip(self.tr("Older copies are removed when a new one is made; "
                                        "applies from the next time a workspace is opened"))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow(self.tr("&Backup copies to keep:"), self.backups)
        self.restart_note = QLabel(self.tr(
            "A new language takes effect when you start Retrofit Planner again."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setStyleSheet(theme.text_style(theme.HINT))
        name_note = QLabel(self.tr("Your name is recorded with every vote and status change."))
        name_note.setWordWrap(True)
        name_note.setStyleSheet(theme.text_style(theme.HINT))
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(name_note)
        layout.addWidget(self.restart_note)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def language_changed(self) -> bool:
        return self.language.currentData() != self.settings.language

    def apply(self) -> None:
        """Put the choices into the settings and save them."""
        self.settings.language = self.language.currentData()
        self.settings.user_name = self.user_name.text().strip()
        self.settings.backups_to_keep = self.backups.value()
        self.settings.save()


def show_preferences(window) -> bool:
    """Run the dialog for the main window; True when the settings were saved."""
    dialog = PreferencesDialog(window.settings, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    changed_language = dialog.language_changed()
    dialog.apply()
    if changed_language:
        window.statusBar().showMessage(translate(
            "PreferencesDialog", "The new language takes effect after a restart."), 10000)
    return True


def install(window) -> None:
    action = QAction(translate("PreferencesDialog", "&Preferences…"), window)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: show_preferences(window))
    window.menu_edit.addSeparator()
    window.menu_edit.addAction(action)
    window.act_preferences = action
