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
from .problems import HasProblems, WorkbookProblem, group_warnings
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
    outcome = ImportOutcome(path, problems=group_warnings(list(result.problems)))
    report(progress, 0.6)
    if result.ok:
        plan = plan_import(result.dataset, result.present_columns, current)
        outcome.problems += _skipped_history(plan, result)
        refused = gate_problems(result, plan)
        outcome.problems += refused
        outcome.plan = None if refused else plan
    report(progress, 0.7)
    return outcome


def gate_problems(result: ReadResult, plan: ImportPlan) -> list[WorkbookProblem]:
    """The support gate (:func:`desktop.models.support.gate_refuses`, the one the store's
    SetStatus applies) for every project the workbook takes past the support stage: an
    error at its Status cell when the support counted after the import (the workbook's
    votes included) does not allow it.  A workbook row cannot give a reason: set such a
    status in the app, where the reason is asked and kept in the status history.

    Gated: a known project whose status goes from before the support stage to akkoord
    or later, and a new project at akkoord or later whose campaign is recorded (votes or
    a campaign start date).  A new project without any campaign record is history from
    before the workspace (e.g. a project done in 2021) and is taken as it is; so is a new
    project in an export of a workspace (it has the Statusgeschiedenis sheet), and a
    status that sheet shows the app moved the project to."""
    if "projects" not in result.present_columns or "status" not in result.present_columns["projects"]:
        return []
    from ..models import support
    from ..models.dataset import Problem

    incoming = result.dataset.projects
    current = plan.current.projects
    old_status = dict(zip(current["project"].astype(str),
                          current["status"].to_numpy(dtype=object, na_value=None)))
    candidates = []
    for pos, (pid, status) in enumerate(zip(incoming["project"].astype(str),
                                            incoming["status"].to_numpy(dtype=object, na_value=None))):
        if status is None:
            continue
        before = old_status.get(pid, None)
        if not support.passes_support_stage(before, status):
            continue
        candidates.append((pos, pid, status, pid in old_status))
    if not candidates:
        return []
    merged = plan.merged()
    voted = set(merged.votes["project"].dropna().astype(str))
    started = set(merged.projects.loc[merged.projects["campaign_start"].notna().to_numpy(dtype=bool),
                                      "project"].astype(str))
    # a status the app already let through (after the gate, or with a reason) is in the
    # workbook's status history: restoring it restores that decision, also from an export
    # without personal data, which leaves the reason itself out
    history = result.dataset.status_history
    decided = set(zip(history["project"].astype(str),
                      history["new_status"].to_numpy(dtype=object, na_value=None)))
    out = []
    # an export of a workspace (it has the Statusgeschiedenis sheet) brings the app's own
    # record: a new project's status is taken as that workspace had it
    exported = "status_history" in result.present_columns
    for pos, pid, status, known in candidates:
        if not known and (exported or (pid not in voted and pid not in started)):
            continue
        if (pid, status) in decided:
            continue
        t = support.project_tally(merged, pid)
        if support.gate_refuses(t, old_status.get(pid), status):
            out.append(result.locate(Problem(
                "projects", pos, "status",
                f"{support.gate_text(t, pid)} Status '{status}' is refused: a workbook cannot "
                "give the reason; set this status in the app, which asks for it.",
                "error", pid,
                f"{support.gate_text(t, pid, 'nl')} Status '{status}' geweigerd: een werkboek "
                "kan geen reden geven; zet deze status in de app, die om de reden vraagt.")))
    return out


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
