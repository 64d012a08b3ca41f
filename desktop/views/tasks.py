"""Running slow work off the GUI thread, with a progress dialog and a cancel button.

The work is a plain function taking a ``progress`` callable (``progress(fraction) ->
bool``, see :mod:`desktop.exchange.progress`): it calls it now and then with the
fraction done and stops — raising :class:`~desktop.exchange.progress.Cancelled` — when
it returns False.  :func:`run_in_background` runs it on a ``QThread`` and delivers the
outcome through queued signals on the GUI thread::

    task = run_in_background(window, lambda progress: export(ws, path, progress=progress),
                             title=tr("Export"), label=tr("Writing the workbook…"))
    task.finished.connect(on_done)          # fn's return value
    task.failed.connect(on_error)           # the exception fn raised
    task.cancelled.connect(on_cancelled)    # fn raised Cancelled after a cancel request

A window-modal :class:`QProgressDialog` appears only when the work takes longer than
``SHOW_AFTER_MS`` (0.5 s); its Cancel button and Esc ask the work to stop.  A cancel
request is only a request: work past its point of no return (a transaction being
committed) finishes and reports ``finished`` as usual.

Exactly one of ``finished``, ``failed`` or ``cancelled`` is emitted, once, after the
thread has ended; then ``done`` is emitted (for callers that only want to know it is
over).  Keep a reference to the task (it is parented to ``parent``) until then.
(Pattern: Orange3 ``widgets/utils/concurrent.py``, Anki ``aqt/progress.py``.)
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..exchange.progress import Cancelled

SHOW_AFTER_MS = 500
POLL_MS = 50             # how often the GUI thread looks at the work's progress
_STEPS = 1000            # resolution of the progress bar


class _Thread(QThread):
    """Runs ``fn(progress)`` and keeps what came of it; the GUI thread reads it when
    Qt's own ``finished`` signal arrives (queued: the thread object lives on the GUI
    thread)."""

    def __init__(self, fn: Callable[[Callable[[float], bool]], Any],
                 progress: Callable[[float], bool]):
        super().__init__()
        self._fn = fn
        self._progress = progress
        self.result: Any = None
        self.exception: BaseException | None = None
        self.was_cancelled = False

    def run(self) -> None:      # worker thread
        try:
            self.result = self._fn(self._progress)
        except Cancelled:
            self.was_cancelled = True
        except BaseException as exc:   # noqa: BLE001 — handed to the GUI thread
            self.exception = exc


class BackgroundTask(QObject):
    """One piece of work on a worker thread; see the module docstring."""

    finished = Signal(object)     # the function's result
    failed = Signal(object)       # the exception it raised
    cancelled = Signal()          # it stopped at a cancel request
    done = Signal()               # after any of the three
    progressed = Signal(float)    # fraction done (GUI thread, every POLL_MS at most)

    def __init__(self, parent: QObject | None, fn: Callable, *, title: str = "", label: str = "",
                 show_after_ms: int = SHOW_AFTER_MS, reports_progress: bool = True):
        super().__init__(parent)
        self.title = title
        self.label = label
        self.reports_progress = reports_progress  # False: a moving bar, not a stuck 0 %
        self.fraction = 0.0
        self.result: Any = None
        self.exception: BaseException | None = None
        self.outcome: str | None = None       # "finished" | "failed" | "cancelled"
        self.dialog: QProgressDialog | None = None
        self.started_at = time.monotonic()
        self._cancel = threading.Event()
        self._reported = 0.0                  # written by the worker, read by the poll
        self._thread = _Thread(fn, self._report)
        self._thread.finished.connect(self._on_thread_finished, Qt.ConnectionType.QueuedConnection)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(show_after_ms)
        self._show_timer.timeout.connect(self._show_dialog)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_progress)

    # ----- control -----------------------------------------------------------------
    def start(self) -> "BackgroundTask":
        self.started_at = time.monotonic()
        self._show_timer.start()
        self._poll.start()
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
            self.dialog.setCancelButton(None)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self.outcome is None

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the thread has ended (tests, shutdown); the outcome signals
        still arrive through the event loop."""
        return self._thread.wait(ms)

    # ----- worker side ---------------------------------------------------------------
    def _report(self, fraction: float) -> bool:     # called on the worker thread
        self._reported = max(0.0, min(1.0, float(fraction)))
        return not self._cancel.is_set()

    # ----- GUI side ------------------------------------------------------------------
    def _poll_progress(self) -> None:
        fraction = self._reported
        if fraction == self.fraction:
            return
        self.fraction = fraction
        if self.dialog is not None and self.reports_progress and not self._cancel.is_set():
            self.dialog.setValue(int(fraction * _STEPS))
        self.progressed.emit(fraction)

    def _show_dialog(self) -> None:
        if self.outcome is not None:
            return
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        dlg = QProgressDialog(self.label, self.tr("Cancel"), 0,
                              _STEPS if self.reports_progress else 0, parent)
        dlg.setWindowTitle(self.title)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumDuration(0)
        dlg.setMinimumWidth(380)
        if self.reports_progress:
            dlg.setValue(int(self.fraction * _STEPS))
        dlg.canceled.connect(self.cancel)         # the Cancel button, Esc, closing it
        self.dialog = dlg
        dlg.show()

    @Slot()
    def _on_thread_finished(self) -> None:
        self._show_timer.stop()
        self._poll.stop()
        self._thread.wait()        # finished is the thread's last act: returns at once
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        t = self._thread
        if t.was_cancelled:
            self.outcome = "cancelled"
            self.cancelled.emit()
        elif t.exception is not None:
            self.outcome = "failed"
            self.exception = t.exception
            self.failed.emit(t.exception)
        else:
            self.outcome = "finished"
            self.result = t.result
            self.finished.emit(t.result)
        t.result = t.exception = None          # the task keeps them, not the thread
        self.done.emit()


def run_in_background(parent: QObject | None, fn: Callable[[Callable[[float], bool]], Any], *,
                      title: str = "", label: str = "", show_after_ms: int = SHOW_AFTER_MS,
                      reports_progress: bool = True) -> BackgroundTask:
    """Start ``fn(progress)`` on a worker thread; returns the running
    :class:`BackgroundTask` (connect to its signals right away: they are queued, so
    none can arrive before control returns to the event loop).  ``reports_progress``
    False: ``fn`` only reports at its end, and the dialog shows a busy bar."""
    return BackgroundTask(parent, fn, title=title, label=label, show_after_ms=show_after_ms,
                          reports_progress=reports_progress).start()
