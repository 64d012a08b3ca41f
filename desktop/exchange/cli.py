"""``python -m desktop import`` and ``export`` — Qt-free.

Exit status: 0 success, 1 the workbook has errors (reported as for ``check``; nothing
written), 2 cannot run at all (one line on standard error, no traceback).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import LANGUAGES, default_language


def _fail(cmd: str, message: str) -> int:
    print(f"{cmd}: {message}", file=sys.stderr)
    return 2


def _problem_lines(problems, lang: str) -> list[str]:
    return [f"  {p.location(lang)}: {p.message_in(lang)}" for p in problems]


def main_import(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m desktop import",
        description="Validate a programme workbook, then merge it into a workspace in one "
                    "transaction (all or nothing), after a backup copy of the workspace.")
    p.add_argument("workbook", help="the .xlsx file")
    p.add_argument("--workspace", required=True, metavar="WS",
                   help="workspace file or database URL (created when it does not exist)")
    p.add_argument("--dry-run", action="store_true",
                   help="report what would be added and changed; write nothing")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the report")
    args = p.parse_args(argv)
    lang = args.lang or default_language()
    from ..store.workspace import Workspace, WorkspaceError
    from .importer import import_workbook, summary_lines
    from .reader import WorkbookUnreadable

    nl = lang == "nl"
    try:
        with Workspace.open(args.workspace) as ws:
            outcome = import_workbook(args.workbook, ws, dry_run=args.dry_run)
    except WorkbookUnreadable as exc:
        return _fail("import", exc.message_in(lang))
    except WorkspaceError as exc:
        return _fail("import", str(exc))
    out = []
    if outcome.errors:
        out.append(("Fouten" if nl else "Errors") + f" ({len(outcome.errors)}):")
        out += _problem_lines(outcome.errors, lang)
        out.append("Niets geïmporteerd: de werkruimte is ongewijzigd." if nl
                   else "Nothing imported: the workspace is unchanged.")
    if outcome.warnings:
        out.append(("Waarschuwingen" if nl else "Warnings") + f" ({len(outcome.warnings)}):")
        out += _problem_lines(outcome.warnings, lang)
    if outcome.plan is not None:
        out += summary_lines(outcome.plan, lang)
        if args.dry_run:
            out.append("Proefimport: er is niets geschreven." if nl
                       else "Dry run: nothing was written.")
        elif outcome.plan.is_empty:
            out.append("Niets te veranderen." if nl else "Nothing to change.")
        else:
            out.append((f"Geïmporteerd; reservekopie: {outcome.backup}" if nl
                        else f"Imported; backup copy: {outcome.backup}") if outcome.backup
                       else ("Geïmporteerd." if nl else "Imported."))
    print("\n".join(out))
    return 0 if outcome.ok else 1


def main_export(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m desktop export",
        description="Write a workspace as a programme workbook that imports back into an "
                    "empty workspace to the same data (every table, the vote and status "
                    "histories, who changed what and when), or an empty template.")
    p.add_argument("workbook", help="the .xlsx file to write")
    p.add_argument("--workspace", metavar="WS", help="workspace file or database URL")
    p.add_argument("--template", action="store_true",
                   help="write an empty workbook with headers, dropdowns and instructions")
    p.add_argument("--without-personal-data", action="store_true",
                   help="leave out names and free text (addresses, who recorded or changed "
                        "what, reasons and notes); the instructions sheet says so")
    p.add_argument("--lang", choices=LANGUAGES, default="nl",
                   help="sheet names and headers in Dutch (default) or English")
    args = p.parse_args(argv)
    from ..models.dataset import Dataset
    from ..store.workspace import Workspace, WorkspaceError
    from .writer import write_workbook

    target = Path(args.workbook)
    if target.suffix.lower() != ".xlsx":
        return _fail("export", f"{target.name}: the file name must end in .xlsx")
    try:
        if args.template:
            write_workbook(Dataset.empty(), target, template=True, lang=args.lang)
        else:
            if not args.workspace:
                return _fail("export", "--workspace is required (or use --template)")
            if "://" not in args.workspace and not Path(args.workspace).exists():
                return _fail("export", f"workspace not found: {args.workspace}")
            with Workspace.open(args.workspace, create=False) as ws:
                write_workbook(ws.load(history=True), target, personal_data=not args.without_personal_data,
                               lang=args.lang)
    except WorkspaceError as exc:
        return _fail("export", str(exc))
    except OSError as exc:
        return _fail("export", f"cannot write {target}: {exc.strerror or exc}")
    print(target)
    return 0
