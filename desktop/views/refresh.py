"""Page refreshes that compute off the GUI thread when the workspace is large.

A page's full refresh has two halves: ``compute(dataset, *args)`` — pandas and numpy
over the frames, no widgets, no database — and ``show(result)`` — filling its models,
labels and charts.  :class:`PageRefresh` runs both at once on the GUI thread for a
workspace of fewer than :data:`LARGE_FROM_DWELLINGS` dwellings (a few milliseconds:
the page never flickers), and otherwise runs ``compute`` on a worker thread and
``show`` when it is done, so the window keeps responding.  At 100,000 dwellings the
affordability page computes for about 0.15 s and the CO2 page for about 0.2 s.

A hidden page of a large workspace (one being built, or behind another page) computes
once it is shown; so does a page of any size that the window builds, on the worker
too (``fill_when_shown``: the window builds a page on one turn of the event loop,
shows it on the next and fills it when the figures are there, each step well under
0.1 s).  The pages themselves share :class:`desktop.views.pages.Page`.
While a result is being computed the page keeps showing what it showed before; after
``SHOW_BUSY_AFTER_MS`` a "Calculating…" note appears over it.  Requests arriving
while a computation runs are merged: when it ends, its result is dropped (its frames
have been replaced) and the newest request is computed.  Only the newest result is
ever shown.

The frames a computation reads are never changed in place (the controller replaces
them), so the worker can read them while the GUI thread goes on.
"""
from __future__ import annotations

import atexit
import sys
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from . import theme
from .tasks import BackgroundTask

LARGE_FROM_DWELLINGS = 20_000      # from this size a page computes on a worker thread
SHOW_BUSY_AFTER_MS = 150
_NEVER = 2**31 - 1                 # the task's own progress dialog never appears

_running: set[BackgroundTask] = set()   # kept alive until their thread has ended
_busy: set[QObject] = set()    # computing, holding a result not yet shown, or (hold())
                               # about to build or show a page


def is_large(dataset) -> bool:
    return len(dataset.dwellings) >= LARGE_FROM_DWELLINGS


def hold(owner: QObject) -> None:
    """``owner`` has work queued for a later turn of the event loop (a page to build
    and show): :func:`settle` waits until :func:`let_go`."""
    _busy.add(owner)


def let_go(owner: QObject) -> None:
    _busy.discard(owner)


def wait_for_all(ms: int = 30_000) -> None:
    """Block until every page computation has ended (before the application quits:
    a thread must not outlive its QThread object)."""
    for task in list(_running):
        task.wait(ms)


# a thread must not outlive its QThread object when Python tears down the modules
atexit.register(wait_for_all)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    """Run the event loop until ``condition()`` holds (checked every 5 ms) or ``timeout``
    seconds have passed; returns whether it holds.  The loop sleeps between events, so
    a worker thread gets the GIL as it would in the running application (a loop of
    ``processEvents`` calls would compete with it for the GIL all the time)."""
    import time

    from PySide6.QtCore import QEventLoop

    if condition():
        return True
    end = time.monotonic() + timeout
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: (condition() or time.monotonic() > end) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
    return condition()


def settle(timeout: float = 60.0) -> None:
    """Process events until no page is computing (screenshots, tests, benchmarks)."""
    app = QCoreApplication.instance()
    app.processEvents()
    wait_until(lambda: not (_running or _busy), timeout)
    app.processEvents()


class _BusyNote(QLabel):
    """"Calculating…" in the middle of the page, above its contents."""

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.setObjectName("busyNote")
        self.setText(QCoreApplication.translate("PageRefresh", "Calculating…"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(theme.box_style("#busyNote", theme.BUSY_BG, theme.BUSY_BORDER,
                                           theme.TEXT, padding="10px 22px", radius=6))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        page.installEventFilter(self)

    def place(self) -> None:
        self.adjustSize()
        page = self.parentWidget()
        self.move((page.width() - self.width()) // 2, max(0, (page.height() - self.height()) // 3))
        self.raise_()

    def eventFilter(self, obj, event) -> bool:     # Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class PageRefresh(QObject):
    """See the module docstring.  ``compute(dataset, *args)`` must not touch widgets;
    ``show(result)`` runs on the GUI thread."""

    shown = Signal()          # after show(result) ran (tests and benchmarks wait on it)

    def __init__(self, page: QWidget, compute: Callable[..., Any], show: Callable[[Any], None],
                 *, fill_when_shown: bool = False):
        """``fill_when_shown``: until the page is first shown, requests wait for it at any
        size (the window builds pages so); otherwise a small workspace's page is filled
        while it is built."""
        super().__init__(page)
        self._page = page
        self._compute = compute
        self._show = show
        self._task: BackgroundTask | None = None
        self._pending: tuple | None = None
        self._deferred = False              # a request waiting for the page to be shown
        self._fill_when_shown = fill_when_shown
        self._delivering = False            # a result computed, to be shown next turn
        page.installEventFilter(self)
        self._generation = 0                # counts requests: only the newest is shown
        self._note = _BusyNote(page)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(SHOW_BUSY_AFTER_MS)
        self._note_timer.timeout.connect(self._show_note)

    def request(self, dataset, *args, now: bool = False) -> None:
        """Compute from ``dataset`` (and ``args``, read from the widgets by the caller)
        and show the result: now for a small workspace (or when ``now``: an edit whose
        refresh is quick anyway), else when the worker is done."""
        self._generation += 1
        defer = not now and not self._page.isVisible() and (self._fill_when_shown or self._deferred)
        if (now or not is_large(dataset)) and self._task is None and not defer:
            self._pending, self._deferred = None, False      # this one is newer
            _busy.discard(self)             # before show(), which may expect() more
            self._show(self._compute(dataset, *args))
            self.shown.emit()
            return
        self._pending = (dataset, *args)
        if self._task is not None:
            return
        if self._page.isVisible():
            self._start()
        else:
            # a hidden page (being built, or another page is shown) computes once it is
            # shown: nobody waits for it, and the worker would slow its first layout down
            self._deferred = True

    def eventFilter(self, obj, event) -> bool:     # Qt's name
        if event.type() != QEvent.Type.Show or obj is not self._page:
            return False
        self._fill_when_shown = False
        if self._deferred:
            _busy.add(self)
            # after the page's first layout and paint, which run on this turn
            QTimer.singleShot(1, self, self._start_deferred)
        return False

    def _start_deferred(self) -> None:
        self._deferred = False
        if self._task is None and self._pending is not None:
            # on the worker at any size: even a small workspace's figures take ~50 ms
            # (pandas' fixed costs), too much on top of filling and painting the page
            self._start()
        elif self._task is None:
            _busy.discard(self)

    def expect(self) -> None:
        """The page will request its figures shortly (it is still being built): busy
        until then, for :func:`settle`."""
        hold(self)

    def release(self) -> None:
        """End an :meth:`expect` the page met itself (it finished filling on a later
        turn), unless a computation is still to come."""
        if self._task is None and not (self._deferred or self._delivering):
            let_go(self)

    def is_busy(self) -> bool:
        """Computing, or holding a result not yet shown, or waiting to be shown to
        compute."""
        return self in _busy or self._deferred

    def _start(self) -> None:
        call, self._pending = self._pending, None
        compute, generation = self._compute, self._generation
        task = BackgroundTask(None, lambda _progress: compute(*call), show_after_ms=_NEVER)
        self._task = task
        _running.add(task)
        _busy.add(self)
        task.done.connect(lambda: _running.discard(task))
        task.finished.connect(lambda result: self._finished(result, generation))
        task.failed.connect(self._failed)
        task.start()
        if not self._note_timer.isActive() and not self._note.isVisible():
            self._note_timer.start()

    def _finished(self, result, generation: int) -> None:
        self._task = None
        if self._pending is not None:      # computed from frames since replaced
            self._start()
            return
        # shown on a later turn of the event loop, so input and the window's repaint
        # get their turn between the end of the work and filling the page
        self._delivering = True
        QTimer.singleShot(1, self, lambda: self._deliver(result, generation))

    def _deliver(self, result, generation: int) -> None:
        self._delivering = False
        if self._task is not None:
            return                          # a newer request is being computed
        _busy.discard(self)
        self._idle()
        if generation != self._generation:  # a newer request was shown already
            return
        self._show(result)
        self.shown.emit()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._pending = None
        _busy.discard(self)
        self._idle()
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _idle(self) -> None:
        self._note_timer.stop()
        self._note.hide()

    def _show_note(self) -> None:
        if self._task is not None:
            self._note.show()
            self._note.place()
