"""Support → Letters…: the tenant letters of the selected project as one PDF (issue 22.1),
and the editor of their texts.

:class:`LettersDialog` asks the kind (the offer with its reply slip, or the notification
after 70 % agreed), the language and the offer's reply date; :class:`LetterActions`
then asks a file name and makes the letters on a worker thread
(:func:`~desktop.views.tasks.run_in_background`: progress and Cancel) — the figures
(:func:`desktop.models.letters.letters`) and the PDF
(:func:`desktop.documents.letters.write_letters_pdf`).  A refusal of the core (an
unknown placeholder, a notification before 70 %…) is shown in the interface language.

:class:`TemplateEditor` edits the texts per kind and language with the placeholders
listed beside them; saving and resetting go through ``Controller.run`` (one undo step).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from .. import edits
from ..models import letter_templates as T
from ..models import letters as model
from ..models import support
from . import fmt, theme
from .controller import Outcome
from .import_dialog import MessageDialog, ui_language
from .tasks import BackgroundTask, run_in_background
from .widgets import hint_label

OFFER, NOTIFICATION = "offer", "notification"


def _languages(combo: QComboBox, lang: str) -> None:
    combo.addItem("Nederlands", "nl")
    combo.addItem("English", "en")
    combo.setCurrentIndex(max(combo.findData(lang), 0))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setDate(_qdate(day))
    return edit


class LettersDialog(QDialog):
    """Kind, language and dates of the letters of one project.  For the notification
    the letters' date is the date of the written notification (the project's when it
    has one); it can be recorded on the project, so the 8 weeks run from it."""

    def __init__(self, project: str, letters: int, reply_by: dt.date, lang: str, parent=None, *,
                 today: dt.date | None = None, notified_on: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("lettersDialog")
        self.setWindowTitle(self.tr("Letters to the tenants"))
        self._today = today or dt.date.today()
        self._notified_on = notified_on
        lay = QVBoxLayout(self)
        lay.addWidget(hint_label(fmt.tr_fmt(self.tr(
            "One letter per let dwelling of project %1 (%2 letters; vacant dwellings get none), "
            "in one PDF to print."), project, fmt.integer(letters))))
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Offer before the vote, with reply slip"), OFFER)
        self.kind.addItem(self.tr("Notification that 70 % agreed (8 weeks to object)"), NOTIFICATION)
        form.addRow(self.tr("Letter:"), self.kind)
        self.language = QComboBox()
        _languages(self.language, lang)
        form.addRow(self.tr("Language of the letters:"), self.language)
        self.date = _date_edit(self._today)
        form.addRow(self.tr("Date of the letters:"), self.date)
        self.reply_by = _date_edit(reply_by)
        self.reply_by.setToolTip(self.tr("Default: four weeks after the campaign started"))
        form.addRow(self.tr("Reply by:"), self.reply_by)
        self.record = QCheckBox(self.tr("Record this date on the project as the written notification"))
        self.record.setToolTip(self.tr("The 8 weeks to object run from the written notification"))
        form.addRow(self.record)
        lay.addLayout(form)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.edit_button = buttons.addButton(self.tr("Edit texts…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.ok = buttons.addButton(self.tr("Make letters…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)
        self._kind_changed()

    def _kind_changed(self) -> None:
        notification = self.kind.currentData() == NOTIFICATION
        self.reply_by.setEnabled(not notification)
        self.record.setVisible(notification)
        self.record.setChecked(notification and self._notified_on is None)
        self.date.setDate(_qdate(self._notified_on if notification and self._notified_on else self._today))

    def choice(self) -> tuple[str, str, dt.date, dt.date, bool]:
        """(kind, language, reply date, date of the letters, record it as the notification)."""
        kind = self.kind.currentData()
        return (kind, self.language.currentData(), self.reply_by.date().toPython(),
                self.date.date().toPython(), kind == NOTIFICATION and self.record.isChecked())


class TemplateEditor(QDialog):
    """The letters' texts: one per kind and language, the placeholders beside them.
    While a text has unsaved changes the kind and language stay put (save or discard
    first)."""

    saved = Signal()

    def __init__(self, controller, lang: str, kind: str = OFFER, parent=None):
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.controller = controller
        self.setWindowTitle(self.tr("Texts of the letters"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Text:")))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Offer letter"), "offer")
        self.kind.addItem(self.tr("Reply slip"), "reply")
        self.kind.addItem(self.tr("Notification after 70 %"), "notification")
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        top.addWidget(self.kind)
        top.addWidget(QLabel(self.tr("Language:")))
        self.language = QComboBox()
        _languages(self.language, lang)
        top.addWidget(self.language)
        self.state = QLabel()
        self.state.setStyleSheet(theme.text_style(theme.HINT))
        top.addWidget(self.state, 1)
        lay.addLayout(top)

        body = QHBoxLayout()
        self.text = QPlainTextEdit()
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.text.setMinimumWidth(560)
        body.addWidget(self.text, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Placeholders (double-click to insert):")))
        self.placeholders = QListWidget()
        self.placeholders.setWordWrap(True)        # long descriptions wrap, never cut
        self.placeholders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        dutch = fmt.language() == "nl"
        for name, (en, nl) in T.PLACEHOLDERS.items():
            shown = T.placeholder_name(name, "nl" if dutch else "en")
            item = QListWidgetItem(f"{{{shown}}}  {nl if dutch else en}")
            item.setData(Qt.ItemDataRole.UserRole, shown)
            item.setToolTip(nl if dutch else en)
            self.placeholders.addItem(item)
        self.placeholders.itemDoubleClicked.connect(self._insert)
        side.addWidget(self.placeholders, 1)
        side.addWidget(hint_label(self.tr(
            "A blank line starts a paragraph; '# ' at the start of a line makes a heading; "
            "lines 'label | value' make a table; '[ ]' is a tick box.")))
        body.addLayout(side, 2)
        lay.addLayout(body, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(theme.text_style(theme.ERROR))
        self.message.hide()
        lay.addWidget(self.message)

        buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Reset to default"))
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.reset_button.clicked.connect(lambda: self.reset())
        self.discard_button.clicked.connect(self.load)
        self.save_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.language.currentIndexChanged.connect(lambda _i: self.load())
        self.text.textChanged.connect(self._changed)
        self._version: int | None = None
        self._loaded = ""
        self.resize(1100, 660)
        self.load()

    def key(self) -> tuple[str, str]:
        return self.kind.currentData(), self.language.currentData()

    @property
    def modified(self) -> bool:
        return self.text.toPlainText() != self._loaded

    def load(self) -> None:
        """Show the text in force for the chosen kind and language."""
        kind, lang = self.key()
        t = T.template(self.controller.dataset, kind, lang)
        self._version = t.row_version
        self._loaded = t.text.strip()
        self.text.setPlainText(self._loaded)
        self.state.setText(self.tr("your own text") if t.edited else self.tr("the default text"))
        self.reset_button.setEnabled(t.edited)
        self._say(None)
        self._changed()

    def _changed(self) -> None:
        modified = self.modified
        self.save_button.setEnabled(modified)
        self.discard_button.setEnabled(modified)
        self.kind.setEnabled(not modified)
        self.language.setEnabled(not modified)

    def _insert(self, item: QListWidgetItem) -> None:
        self.text.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        self.text.setFocus()

    def _say(self, text: str | None, error: bool = True) -> None:
        if not text:
            self.message.hide()
            return
        self.message.setStyleSheet(theme.text_style(theme.ERROR if error else theme.HINT))
        self.message.setText(text)
        self.message.show()

    def save(self) -> bool:
        """Save the text (one undo step); a refusal is shown under it."""
        kind, lang = self.key()
        text = self.text.toPlainText()
        ds = self.controller.dataset
        outcome = self.controller.run(
            lambda _reason: edits.save_template(ds, kind, lang, text, expected_version=self._version),
            self.tr("Edit letter text"), say=self._say, parent=self)
        if outcome in (Outcome.DONE, Outcome.NOTHING):
            self.load()
            self.saved.emit()
            return True
        return False

    def reset(self) -> bool:
        """Back to the default text (one undo step)."""
        kind, lang = self.key()
        ds = self.controller.dataset
        outcome = self.controller.run(
            lambda _reason: edits.reset_template(ds, kind, lang, expected_version=self._version),
            self.tr("Reset letter text"), say=self._say, parent=self)
        self.load()
        return outcome in (Outcome.DONE, Outcome.NOTHING)


class LetterActions(QObject):
    """The letters of one project from the support page: dialog, file, worker."""

    letters_done = Signal(object)        # the Path written

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.task: BackgroundTask | None = None
        self.last_dialog: QDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def make_dialog(self, project: str) -> LettersDialog:
        ds = self.controller.dataset
        count = len(support.let_dwellings(ds, project))
        row = ds.projects[ds.projects["project"] == project]
        start = model.as_date(row["campaign_start"].iat[0]) if len(row) else None
        notified = model.as_date(row["notified_on"].iat[0]) if len(row) else None
        reply = model.default_reply_date(start, dt.date.today())
        dialog = LettersDialog(project, count, reply, ui_language(), self.page, notified_on=notified)
        dialog.edit_button.clicked.connect(lambda: self.open_editor(
            dialog.language.currentData(),
            "offer" if dialog.kind.currentData() == OFFER else "notification", dialog))
        return dialog

    def open_dialog(self, project: str) -> LettersDialog:
        dialog = self.make_dialog(project)
        dialog.accepted.connect(lambda: self._chosen(dialog, project))
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_editor(self, lang: str, kind: str = OFFER, parent=None) -> TemplateEditor:
        editor = TemplateEditor(self.controller, lang, kind, parent or self.page)
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    def _chosen(self, dialog: LettersDialog, project: str) -> None:
        kind, lang, reply_by, day, record = dialog.choice()
        ws = self.controller.workspace
        folder = ws.path.parent if getattr(ws, "path", None) else Path.home()
        stem = ("brieven" if lang == "nl" else "letters") if kind == OFFER else \
            ("kennisgeving" if lang == "nl" else "notification")
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Letters to the tenants"),
                                              str(folder / f"{stem}-{project}.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.write(path, project, kind, lang, reply_by, day=day, record=record)

    def write(self, path: str | Path, project: str, kind: str, lang: str,
              reply_by: dt.date | None = None, *, day: dt.date | None = None,
              record: bool = False) -> BackgroundTask | None:
        """Make the letters of ``project`` into ``path`` on a worker thread; ``day``: the
        letters' date (for the notification: the notification's, default the project's
        or today); ``record``: then store it as the project's notification date (one
        undo step)."""
        if self.busy:
            return None
        from ..documents.letters import write_letters_pdf

        path = Path(path)
        ds = self.controller.dataset
        notification = kind == NOTIFICATION

        def work(progress):
            batch = model.letters(ds, project, kind, today=day, reply_by=None if notification else reply_by,
                                  notified_on=day if notification else None)
            pages = write_letters_pdf(batch, path, lang=lang, templates=ds, progress=progress)
            return path, len(batch), pages, batch.notified_on

        title = self.tr("Letters to the tenants")
        self.task = run_in_background(self.page, work, title=title,
                                      label=fmt.tr_fmt(self.tr("Writing the letters of %1…"), project))
        self.task.finished.connect(lambda result: self._written(result, project if record else None))
        self.task.failed.connect(lambda exc: self._failed(title, exc))
        self.task.cancelled.connect(lambda: self._status(self.tr("Letters cancelled; no file was written.")))
        return self.task

    def _written(self, result, record_for: str | None = None) -> None:
        path, letters, pages, notified = result
        self._status(fmt.tr_fmt(self.tr("Written: %1 (%2 letters, %3 pages)"), str(path),
                                fmt.integer(letters), fmt.integer(pages)))
        if record_for is not None and notified is not None:
            self.controller.run(
                lambda _reason: edits.campaign_dates(self.controller.dataset, record_for,
                                                     {"notified_on": notified}),
                fmt.tr_fmt(self.tr("Tenants of %1 notified"), record_for),
                say=lambda text, error=False: self._status(text), parent=self.page)
        self.letters_done.emit(Path(path))

    def _failed(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, (model.LetterError, T.TemplateError)):
            text = exc.message_in(ui_language())
        elif isinstance(exc, OSError):
            text = fmt.tr_fmt(self.tr("The file cannot be written: %1"), exc.strerror or str(exc))
        else:
            text = f"{exc.__class__.__name__}: {exc}"
        box = MessageDialog("critical", title, text, parent=self.page)
        box.finished.connect(box.deleteLater)
        self.last_dialog = box
        box.open()

    def _status(self, text: str) -> None:
        window = self.page.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)


__all__ = ["LettersDialog", "TemplateEditor", "LetterActions"]
