"""Loading the cells of a workbook's programme sheets with python-calamine, in this
process or in a child process that may crash without taking the caller down.

Calamine is native code: a file that makes it allocate too much, or trips a bug in it,
aborts the whole process (no Python exception).  The reader's preflight refuses the
files known to do that (:mod:`desktop.exchange.extent`); the window also loads the
cells of an untrusted file in a child (:func:`load_sheets_isolated`: ``python -m
desktop.exchange.sheets``, its address space limited), so whatever the file does, the
window reports "the reader stopped" and the workspace stays as it was.  The child only
loads cells: parsing and validation run in the caller, as for an in-process read.

This module imports no pandas (the child starts in ~0.1 s).
"""
from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .columns import sheet_for
from .problems import WorkbookUnreadable

CHILD_MEMORY = 4 * 1024 ** 3          # address space of the child (bytes)
_POLL = 0.1                           # seconds between cancel checks while it reads


@dataclass
class LoadedSheets:
    """The sheet names (workbook order), the hidden ones, and for the first sheet of
    each table the cells row by row with the Excel number of the first row."""
    names: list[str]
    hidden: set[str] = field(default_factory=set)
    sheets: dict[str, tuple[list[list[Any]], int]] = field(default_factory=dict)


def _open_calamine(path: Path):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for damaged/encrypted files
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise WorkbookUnreadable(f"{path.name}: the workbook is encrypted (password protected)",
                                     f"{path.name}: het werkboek is versleuteld (met wachtwoord)") from None
        raise WorkbookUnreadable(f"{path.name}: the workbook is damaged ({text})",
                                 f"{path.name}: het werkboek is beschadigd ({text})") from None


def load_sheets(path: Path, max_cells: int) -> LoadedSheets:
    """The cells of the programme sheets, in this process (the preflight has run)."""
    wb = _open_calamine(path)
    cells = 0
    try:
        try:
            metadata = list(wb.sheets_metadata)
        except Exception:  # pragma: no cover - older calamine
            metadata = []
        hidden = {m.name for m in metadata if str(getattr(m, "visible", "")).lower().endswith("hidden")}
        out = LoadedSheets(list(wb.sheet_names), hidden)
        tables: set[str] = set()
        for name in out.names:
            decl = sheet_for(name)
            if decl is None or decl.table in tables:
                continue
            tables.add(decl.table)
            try:
                sheet = wb.get_sheet_by_name(name)
                cells += sheet.height * sheet.width
                if cells > max_cells:
                    raise WorkbookUnreadable(
                        f"{path.name}: the workbook has more than {max_cells:,} cells (the limit)",
                        f"{path.name}: het werkboek heeft meer dan {max_cells:,} cellen (de grens)")
                # row by row rather than to_python(): the same speed, but to_python
                # holds the GIL for the whole sheet (80 ms at 100,000 rows), which
                # stops a window importing on a worker thread
                rows = list(sheet.iter_rows())
                if len(rows) > sheet.height:   # iter_rows also yields the empty rows above
                    del rows[:len(rows) - sheet.height]
                start = sheet.start
            except WorkbookUnreadable:
                raise
            except Exception as exc:
                raise WorkbookUnreadable(
                    f"{path.name}: sheet {name!r} cannot be read ({exc})",
                    f"{path.name}: blad {name!r} kan niet gelezen worden ({exc})") from None
            out.sheets[name] = (rows, (start[0] + 1) if start else 1)
        return out
    finally:
        try:
            wb.close()
        except Exception:  # pragma: no cover
            pass


def _stopped(path: Path, returncode: int, stderr: bytes) -> WorkbookUnreadable:
    if returncode < 0:
        try:
            how = signal.Signals(-returncode).name
        except ValueError:
            how = f"signal {-returncode}"
    else:
        how = f"exit status {returncode}"
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    said = f": {lines[0][:160]}" if lines else ""
    return WorkbookUnreadable(
        f"{path.name}: the workbook cannot be read: the reader stopped ({how}{said}); the file "
        f"is damaged or too large for this computer. Nothing was changed.",
        f"{path.name}: het werkboek kan niet gelezen worden: de lezer is gestopt ({how}{said}); "
        f"het bestand is beschadigd of te groot voor deze computer. Er is niets veranderd.")


def load_sheets_isolated(path: Path, max_cells: int, *, memory: int = CHILD_MEMORY,
                         poll: Callable[[], None] | None = None) -> LoadedSheets:
    """:func:`load_sheets` in a child process.  ``poll`` is called every 0.1 s while the
    child reads; an exception from it (e.g. Cancelled) stops the child and propagates."""
    import desktop

    env = dict(os.environ)
    root = str(Path(desktop.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    proc = subprocess.Popen(
        [*_child_command(), str(path), str(max_cells), str(memory)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        while True:
            try:
                out, err = proc.communicate(timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                if poll is not None:
                    poll()
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    if proc.returncode != 0 or not out:
        raise _stopped(path, proc.returncode, err)
    kind, *payload = pickle.loads(out)     # plain values written by our own child below
    if kind == "unreadable":
        raise WorkbookUnreadable(*payload)
    return LoadedSheets(*payload)


CHILD_SUBCOMMAND = "read-sheets"     # internal: ``desktop.__main__`` hands it to _child


def _child_command() -> list[str]:
    """How to start the child: a packaged program (PyInstaller sets ``sys.frozen``) has
    no ``-m``, so it is started with the internal subcommand instead."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_SUBCOMMAND]
    return [sys.executable, "-m", "desktop.exchange.sheets"]


def _child(argv: list[str]) -> int:
    path, max_cells, memory = Path(argv[0]), int(argv[1]), int(argv[2])
    if memory > 0:
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):   # not on this system: no limit
            pass
    try:
        got = load_sheets(path, max_cells)
        result: tuple = ("ok", got.names, got.hidden, got.sheets)
    except WorkbookUnreadable as exc:
        result = ("unreadable", exc.message, exc.message_nl)
    # through descriptor 1, not sys.stdout: a windowed packaged program has none
    with os.fdopen(1, "wb", closefd=False) as out:
        out.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
