"""Plan versions (issue 21.3): save the programme as a named version, rename and delete
one, make one the active plan, and adopt one step of a version into the active plan.

Each use case returns one store command (one transaction, one undo step) or raises
:class:`EditError`.  Projects agreed, in progress or done in the active plan are never
changed by a restore or an adoption (:data:`desktop.models.versions.FIXED_STATUSES`).
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from ..models import versions as rules
from ..models.dataset import Dataset
from ..models.enums import Status
from ..store.commands import Batch, Delete, SetStatus, Upsert
from ..store.plan_versions import RenameVersion, ReplaceVersion
from .base import _plain, _refuse, same

NAME_MAX = 200


def _name(name, field: str = "version") -> str:
    text = str(name or "").strip()
    if not text:
        raise _refuse(field, "Give the version a name.", "Geef de versie een naam.")
    if len(text) > NAME_MAX:
        raise _refuse(field, f"A name has at most {NAME_MAX} characters.",
                      f"Een naam heeft hoogstens {NAME_MAX} tekens.")
    return text


def _known(ds: Dataset, name: str) -> bool:
    return rules.version_header(ds, name) is not None


def save_version(ds: Dataset, name: str, frame: pd.DataFrame, kind: str = "plan",
                 objective: str | None = None, solver_status: str | None = None,
                 gap: float | None = None, *, source: str | None = None,
                 note: str | None = None, replace: bool = False, label: str = ""):
    """Save ``frame`` (a projects-like frame; for the active plan ``ds.projects``) as the
    version ``name``.  Refused when the name is taken, unless ``replace`` (then the old
    version is replaced, undoably).  ``source``: what it was made from."""
    name = _name(name)
    if kind not in rules.KINDS:
        raise _refuse("kind", f"{kind!r} is not one of: {', '.join(rules.KINDS)}",
                      f"{kind!r} is niet een van: {', '.join(rules.KINDS)}")
    if _known(ds, name) and not replace:
        raise _refuse("version", f"A version named {name!r} exists already.",
                      f"Er bestaat al een versie met de naam {name!r}.")
    if gap is not None and (pd.isna(gap) or gap < 0):
        raise _refuse("gap", "The gap is a fraction, 0 or more.",
                      "Het gat is een fractie, 0 of meer.")
    missing = [c for c in ("project", "complex", "year") if c not in frame.columns]
    if missing:
        raise _refuse("projects", f"The plan lacks the columns {', '.join(missing)}.",
                      f"Het plan mist de kolommen {', '.join(missing)}.")
    projects = rules.snapshot(frame)
    bad = projects["project"].isna() | projects["complex"].isna() | projects["year"].isna()
    if bad.any():
        raise _refuse("projects", "Every project needs an id, a complex and a year.",
                      "Elk project heeft een nummer, een complex en een jaar nodig.")
    if projects["project"].duplicated().any():
        dup = projects["project"][projects["project"].duplicated()].iloc[0]
        raise _refuse("projects", f"Project {dup} occurs twice in the plan.",
                      f"Project {dup} komt twee keer voor in het plan.")
    header = {"kind": kind, "source": source, "objective": objective,
              "solver_status": solver_status, "gap": None if gap is None else float(gap),
              "note": note}
    return ReplaceVersion(name, header, projects, label=label or f"Save version {name}")


def save_active(ds: Dataset, name: str, kind: str = "plan", note: str | None = None,
                label: str = ""):
    """The active plan saved as version ``name``."""
    return save_version(ds, name, ds.projects, kind, source="actief plan", note=note, label=label)


def delete_version(ds: Dataset, name: str, label: str = ""):
    if not _known(ds, name):
        raise _refuse("version", f"There is no version {name!r}.", f"Er is geen versie {name!r}.")
    return ReplaceVersion(name, None, None, label=label or f"Delete version {name}")


def rename_version(ds: Dataset, old: str, new: str, label: str = ""):
    """None when the name does not change."""
    new = _name(new)
    if not _known(ds, old):
        raise _refuse("version", f"There is no version {old!r}.", f"Er is geen versie {old!r}.")
    if new == old:
        return None
    if _known(ds, new):
        raise _refuse("version", f"A version named {new!r} exists already.",
                      f"Er bestaat al een versie met de naam {new!r}.")
    return RenameVersion(old, new, label=label or f"Rename version {old}")


# ----- into the active plan -------------------------------------------------------------
_VALUE_FIELDS = tuple(f for f in rules.PLANNING_FIELDS if f not in ("project", "status"))


def _follow(ds: Dataset, version: str, rows: pd.DataFrame, complexes: set[str] | None,
            year: int | None, label: str):
    """Commands that make the active plan follow the version's ``rows`` within
    ``complexes`` (None: every complex; ``year``: only its projects completing then): a
    non-fixed project of the version updated or added, a non-fixed active project of
    those complexes that the version does not hold removed (cancelled when it has votes).
    Fixed projects (agreed, in progress, done) are never touched."""
    active = ds.projects
    status = active["status"].astype("string").fillna(Status.PLANNED.value)
    is_fixed = dict(zip(active["project"].astype(str), rules.fixed(status)))
    current = {str(r["project"]): r for r in active.to_dict("records")}
    known_complexes = set(ds.complexes["complex"].astype(str))
    reason = f"planversie {version}"
    commands: list = []
    wanted = set(rows["project"].astype(str))
    for r in rows.to_dict("records"):
        pid, cid = str(r["project"]), str(r["complex"])
        if complexes is not None and cid not in complexes:
            continue
        if year is not None and not same(r["year"], year):
            continue
        if is_fixed.get(pid) or cid not in known_complexes:
            continue
        values = {k: _plain(r[k]) for k in _VALUE_FIELDS}
        target = _plain(r.get("status")) or Status.PLANNED.value
        if target in rules.FIXED_STATUSES:       # a version never agrees on the tenants' behalf
            target = None
        old = current.get(pid)
        if old is None:
            commands.append(Upsert("projects", {"project": pid},
                                   {**values, "status": Status.PLANNED.value}, label=label))
            if target and target != Status.PLANNED.value:
                commands.append(SetStatus(pid, target, reason=reason, label=label))
            continue
        changed = {k: v for k, v in values.items() if not same(old.get(k), v)}
        if changed:
            commands.append(Upsert("projects", {"project": pid}, changed, label=label))
        if target and not same(old.get("status"), target):
            commands.append(SetStatus(pid, target, reason=reason, label=label))
    voted = set(ds.votes["project"].astype(str))
    for pid, old in current.items():
        if pid in wanted or is_fixed.get(pid):
            continue
        if complexes is not None and str(old["complex"]) not in complexes:
            continue
        if pid in voted:
            if not same(old.get("status"), Status.CANCELLED.value):
                commands.append(SetStatus(pid, Status.CANCELLED.value, reason=reason, label=label))
        else:
            commands.append(Delete("projects", {"project": pid}, label=label))
    if not commands:
        return None
    return Batch(tuple(commands), label=label)


def _rows(ds: Dataset, version: str) -> pd.DataFrame:
    if not _known(ds, version):
        raise _refuse("version", f"There is no version {version!r}.",
                      f"Er is geen versie {version!r}.")
    return rules.version_projects(ds, version)


def restore_version(ds: Dataset, version: str, label: str = ""):
    """Make ``version`` the active plan (one undo step): every project that is not
    agreed, in progress or done follows the version.  None when nothing changes."""
    return _follow(ds, version, _rows(ds, version), None, None,
                   label or f"Restore version {version}")


def adopt_step(ds: Dataset, version: str, complexes: Iterable[str] | None = None,
               year: int | None = None, label: str = ""):
    """Copy one step of ``version`` into the active plan as an ordinary edit: its
    projects for ``complexes``, or all its projects completing in ``year``.  None when
    nothing changes."""
    rows = _rows(ds, version)
    if complexes is None and year is None:
        raise _refuse("step", "Choose the complexes or the year to adopt.",
                      "Kies de complexen of het jaar om over te nemen.")
    scope: set[str] = set(map(str, complexes or ()))
    if year is not None:
        scope |= set(rows.loc[(rows["year"] == int(year)).fillna(False).to_numpy(dtype=bool),
                              "complex"].astype(str))
    if not scope:
        return None
    what = f"year {year}" if year is not None else ", ".join(sorted(scope))
    return _follow(ds, version, rows, scope, None if year is None else int(year),
                   label or f"Adopt {what} from {version}")


__all__ = ["save_version", "save_active", "delete_version", "rename_version", "restore_version",
           "adopt_step"]
