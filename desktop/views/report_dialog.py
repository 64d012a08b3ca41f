"""File → Yearly report…: the monitoring report to the municipality for a chosen year,
as PDF or Excel, in Dutch or English (issue 22, point 2).

The dialog asks the year (the years of the workspace's plan), the language and the
format; then a file name.  The figures (:func:`desktop.models.monitoring.monitoring`)
and an Excel file are made on a worker thread (:func:`~desktop.views.tasks.run_in_background`,
progress and Cancel); for a PDF the GUI thread then draws the two charts (pyqtgraph
widgets: a fraction of a second) and a second worker typesets and writes the PDF.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QSpinBox, QVBoxLayout)

from ..documents.report_cli import source_name
from ..exchange.progress import report as report_progress
from ..models import monitoring as model
from . import fmt
from .import_dialog import MessageDialog, ui_language
from .tasks import BackgroundTask, run_in_background
from .widgets import hint_label

PDF, XLSX = "pdf", "xlsx"


class ReportDialog(QDialog):
    """Year, language and format of the yearly report."""

    def __init__(self, first: int, last: int, year: int, lang: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Yearly report"))
        lay = QVBoxLayout(self)
        lay.addWidget(hint_label(self.tr(
            "The monitoring of the performance agreements for the municipality and the tenants' "
            "organisations: homes planned and done against each agreed target, campaigns and "
            "their support, affordability, energy labels and CO2 against the path, with a "
            "summary in words.")))
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(first, last)
        self.year.setValue(min(max(year, first), last))
        self.year.setToolTip(self.tr("The year reported on: the years of the plan in this workspace"))
        form.addRow(self.tr("Year:"), self.year)
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        form.addRow(self.tr("Language of the report:"), self.language)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF, to print or send"), PDF)
        self.format.addItem(self.tr("Excel workbook (.xlsx), one sheet per topic"), XLSX)
        form.addRow(self.tr("Format:"), self.format)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Make report…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> tuple[int, str, str]:
        return self.year.value(), self.language.currentData(), self.format.currentData()


class ReportActions(QObject):
    """File → Yearly report… on one main window."""

    report_done = Signal(object)        # the Path written

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.task: BackgroundTask | None = None
        self.last_dialog: QDialog | None = None
        self._drawing = False            # the charts are being drawn between the two workers
        self.act_report = QAction(self.tr("&Yearly report…"), window)
        self.act_report.setObjectName("actYearlyReport")
        self.act_report.setStatusTip(self.tr(
            "The monitoring report for the municipality for one year, as PDF or Excel"))
        self.act_report.triggered.connect(lambda _checked=False: self.open_dialog())
        window.add_file_action(self.act_report)

    @property
    def busy(self) -> bool:
        return self._drawing or (self.task is not None and self.task.is_running())

    def make_dialog(self) -> ReportDialog:
        """The dialog for this workspace's years (last year chosen), not shown yet."""
        first, last = model.year_range(self.controller.dataset)
        return ReportDialog(first, last, dt.date.today().year - 1, ui_language(), self.window)

    def open_dialog(self) -> ReportDialog:
        dialog = self.make_dialog()
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, dialog: ReportDialog) -> None:
        year, lang, kind = dialog.choice()
        ws = self.controller.workspace
        folder = ws.path.parent if getattr(ws, "path", None) else Path.home()
        name = f"monitoring-{year}.{kind}"
        filters = self.tr("PDF (*.pdf)") if kind == PDF else self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Yearly report"),
                                              str(folder / name), filters)
        if path:
            if not path.lower().endswith("." + kind):
                path += "." + kind
            self.write(path, year, lang)

    def write(self, path: str | Path, year: int, lang: str) -> BackgroundTask | None:
        """Make the report for ``year`` in ``lang`` into ``path`` (.pdf or .xlsx)."""
        if self.busy:
            return None
        path = Path(path)
        ds = self.controller.dataset
        source = source_name(self.controller.workspace, lang)
        xlsx = path.suffix.lower() == ".xlsx"

        def figures(progress):
            m = model.monitoring(ds, year, progress=lambda f: report_progress(progress, f * (0.8 if xlsx else 1)))
            if not xlsx:
                return m
            from ..exchange.monitoring_xlsx import write_report_xlsx

            write_report_xlsx(m, path, lang=lang, source=source,
                              progress=lambda f: report_progress(progress, 0.8 + 0.2 * f))
            return path

        task = self._start(figures, fmt.tr_fmt(self.tr("Computing the figures of %1…"), str(year)))
        task.finished.connect(self._written if xlsx else
                              (lambda m: self._typeset(m, path, lang, source)))
        return task

    def _typeset(self, m: model.Monitoring, path: Path, lang: str, source: str,
                 images: dict | None = None) -> None:
        """Draw the charts on this (GUI) thread — they are widgets — one per turn of the
        event loop (each holds it ~0.2 s at 100,000 dwellings), then write the PDF on a
        worker."""
        from ..documents.report import CHART_NAMES, chart_images, write_report_pdf

        images = dict(images or {})
        left = [name for name in CHART_NAMES if name not in images]
        self._drawing = bool(left)
        if left:
            try:
                images.update(chart_images(m, lang, names=left[:1]))
            except Exception as exc:         # noqa: BLE001 — shown, never a crash of the window
                self._drawing = False
                self.act_report.setEnabled(True)
                self._failed(self.tr("Yearly report"), exc)
                return
            QTimer.singleShot(0, self, lambda: self._typeset(m, path, lang, source, images))
            return

        def work(progress):
            write_report_pdf(m, path, lang=lang, source=source, images=images)
            return path

        task = self._start(work, fmt.tr_fmt(self.tr("Writing %1…"), path.name))
        task.finished.connect(self._written)

    def _start(self, fn, label: str) -> BackgroundTask:
        title = self.tr("Yearly report")
        self.task = run_in_background(self.window, fn, title=title, label=label)
        self.task.failed.connect(lambda exc: self._failed(title, exc))
        self.task.cancelled.connect(lambda: self._status(self.tr("Report cancelled; no file was written.")))
        self.act_report.setEnabled(False)
        self.task.done.connect(lambda: self.act_report.setEnabled(not self.busy))
        return self.task

    def _written(self, path: Path) -> None:
        self._status(fmt.tr_fmt(self.tr("Written: %1"), str(path)))
        self.report_done.emit(Path(path))

    def _failed(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, model.YearOutOfRange):
            text = exc.message_in(ui_language())
        elif isinstance(exc, OSError):
            text = fmt.tr_fmt(self.tr("The file cannot be written: %1"), exc.strerror or str(exc))
        else:
            text = f"{exc.__class__.__name__}: {exc}"
        box = MessageDialog("critical", title, text, parent=self.window)
        box.finished.connect(box.deleteLater)
        self.last_dialog = box
        box.open()

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)


def install_report(window) -> ReportActions:
    """Add File → Yearly report… to ``window`` (MainWindow calls this once)."""
    actions = ReportActions(window)
    window.report = actions
    return actions
