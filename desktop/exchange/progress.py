"""Progress reporting and cancellation for long exchange work (export, import).

Background work is a plain function taking a ``progress`` callable: it is called with
the fraction done (0.0 … 1.0) now and then, and returns ``False`` to ask the work to
stop, which then raises :class:`Cancelled`.  The GUI passes a callable that forwards the
fraction to a progress dialog and reports whether Esc was pressed; the command line
passes nothing.
"""
from __future__ import annotations

from typing import Callable


class Cancelled(Exception):
    """The user cancelled the work; nothing was written."""

    def __init__(self, message: str = "Cancelled / Geannuleerd") -> None:
        super().__init__(message)


ProgressFn = Callable[[float], bool]


def report(progress: ProgressFn | None, fraction: float) -> None:
    """Call ``progress`` (if any) with ``fraction`` clamped to 0…1; raise
    :class:`Cancelled` when it returns False (``None`` counts as "go on")."""
    if progress is None:
        return
    fraction = min(1.0, max(0.0, float(fraction)))
    if progress(fraction) is False:
        raise Cancelled()
