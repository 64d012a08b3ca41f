"""Importing a programme workbook into a workspace, and exporting one — Qt-free.

Import: read and validate the workbook against the workspace (references resolve
against both), plan the merge (a preview: added, changed, unchanged per sheet), then —
unless it is a dry run — take a backup copy and apply the plan in one transaction.
Any error means nothing is written: all or nothing.

The window runs these same functions on a worker thread with a progress callback.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..store.workspace import Workspace, apply_import_plan
from .merge import ImportPlan, plan_import
from .problems import HasProblems, WorkbookProblem
from .progress import ProgressFn, report
from .reader import ReadResult, read_workbook

@dataclass
class ImportOutcome(HasProblems):
    path: Path
    problems: list[WorkbookProblem] = field(default_factory=list)
    plan: ImportPlan | None = None
    applied: bool = False
    backup: Path | None = None


def prepare_import(path: str | os.PathLike, workspace: Workspace,
                   progress: ProgressFn | None = None, *, isolated: bool = False) -> ImportOutcome:
    """Read, validate and plan; writes nothing.  Raises WorkbookUnreadable.

    ``isolated``: the cells are loaded in a child process, so a native crash of the
    reader on an untrusted file is a WorkbookUnreadable (the window passes True)."""
    path = Path(path)
    report(progress, 0.0)
    current = workspace.load(history=True)
    report(progress, 0.1)
    result: ReadResult = read_workbook(path, context=current, isolated=isolated, progress=progress)
    outcome = ImportOutcome(path, problems=list(result.problems))
    report(progress, 0.6)
    if result.ok:
        outcome.plan = plan_import(result.dataset, result.present_columns, current)
        outcome.problems += _skipped_history(outcome.plan, result)
    report(progress, 0.7)
    return outcome


def commit_import(outcome: ImportOutcome, workspace: Workspace, *, keep_backups: int = 10,
                  progress: ProgressFn | None = None) -> ImportOutcome:
    """Back up the workspace, then apply the planned import in one transaction."""
    if not outcome.ok or outcome.plan is None:
        raise ValueError("an import with errors cannot be applied")
    if outcome.plan.is_empty:
        return outcome
    report(progress, 0.75)
    outcome.backup = workspace.backup(reason="before-import", keep=keep_backups)
    report(progress, 0.8)
    with workspace.transaction() as conn:
        apply_import_plan(conn, outcome.plan)
    outcome.applied = True
    if progress is not None:      # written: too late to cancel, just say it is done
        progress(1.0)
    return outcome


def import_workbook(path: str | os.PathLike, workspace: Workspace, *, dry_run: bool = False,
                    keep_backups: int = 10, progress: ProgressFn | None = None) -> ImportOutcome:
    outcome = prepare_import(path, workspace, progress)
    if outcome.ok and not dry_run:
        commit_import(outcome, workspace, keep_backups=keep_backups, progress=progress)
    return outcome


def _skipped_history(plan: ImportPlan, result: ReadResult) -> list[WorkbookProblem]:
    """A warning per history sheet whose entries were left out: the workspace has its
    own history, which an import never rewrites (changed votes in Stemmen still become
    new entries)."""
    out = []
    for table, n in plan.skipped.items():
        sheet = result.sheets_found.get(table, table)
        out.append(WorkbookProblem(
            sheet, None, None,
            f"{n} entries are not imported: the workspace already has its own history, which an "
            f"import never rewrites (a changed vote in Stemmen still becomes a new entry)",
            f"{n} regels worden niet geïmporteerd: de werkruimte heeft al een eigen geschiedenis, "
            f"die een import nooit herschrijft (een gewijzigde stem in Stemmen wordt wel een "
            f"nieuwe regel)", "warning"))
    return out


def export_workspace(workspace: Workspace, path: str | os.PathLike, *, personal_data: bool = True,
                     lang: str = "nl", progress: ProgressFn | None = None, dataset=None) -> Path:
    """Write the workspace (or ``dataset``, e.g. what a view shows) as a workbook."""
    from .writer import write_workbook

    ds = dataset if dataset is not None else workspace.load(history=True)
    write_workbook(ds, path, personal_data=personal_data, lang=lang, progress=progress)
    return Path(path)


def summary_lines(plan: ImportPlan, lang: str = "en") -> list[str]:
    """The preview as text: per sheet what is added, changed and left alone."""
    from .columns import sheet_for_table

    lines = []
    for table, counts in plan.summary.items():
        sheet = sheet_for_table(table)
        name = sheet.dutch if lang == "nl" else sheet.english
        if lang == "nl":
            lines.append(f"{name}: {counts['added']} nieuw, {counts['changed']} gewijzigd, "
                         f"{counts['unchanged']} ongewijzigd")
        else:
            lines.append(f"{name}: {counts['added']} added, {counts['changed']} changed, "
                         f"{counts['unchanged']} unchanged")
    return lines
