"""Planning an import: what a (validated) workbook would change in a workspace.

``plan_import(incoming, present_columns, current)`` compares the workbook's Dataset
with the workspace's, sheet by sheet, on the keys of :data:`columns.SHEETS`:

* a row with a new key is **added** (the full row, as the reader built it: defaults
  filled in, absent columns empty);
* a row with a known key **updates** that record: only the columns present in the sheet
  overwrite — an empty cell clears an optional field — and absent columns are left alone;
  a row whose present columns all equal the workspace's is **unchanged**;
* nothing is ever deleted; tables without a sheet in the workbook are left alone;
* the last-editor columns (``fields.Field.audit``) are kept for a new row and never
  compared or merged for a known one;
* a history sheet (Stemgeschiedenis, Statusgeschiedenis) is restored whole into a
  workspace without history of that kind (entry numbers, order, who, when), and the
  Stemmen rows are then planned against the restored current votes; into a workspace
  with a history it adds nothing (:attr:`ImportPlan.skipped` counts what it left out).

Votes carry legal weight and keep their history: a new vote, or a known vote of which a
present column differs (the vote itself, its date or who recorded it), becomes one
entry in :attr:`ImportPlan.vote_events`, holding the vote as it will be after the import
(present columns from the workbook, absent ones as they were).  An identical vote is
unchanged and adds no history.  The store should apply ``vote_events`` for votes;
``adds['votes']``/``updates['votes']`` hold the same rows for the preview and for
:meth:`ImportPlan.merged`.

Numbers compare with a relative tolerance of 1e-12 so a workspace's own export, imported
back, is "unchanged" even where a float did not survive the trip to the last bit.

Everything is vectorised (one key merge per table); 100,000 dwellings plan in well under
a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..models import fields
from ..models.dataset import SCHEMA, TABLES, Dataset, conform, empty_frame, latest_votes
from .columns import SHEETS, sheet_for_table

_POS = "__pos"           # row position in the current frame
FLOAT_RTOL = 1e-12
VOTE_EVENT_COLUMNS = ("project", "dwelling", "vote", "date", "recorded_by")


def _empty_events() -> pd.DataFrame:
    return empty_frame("votes")[list(VOTE_EVENT_COLUMNS)]


@dataclass
class ImportPlan:
    """What an import would do.  ``summary``: per table (sheets in the workbook only)
    ``{"added": n, "changed": n, "unchanged": n}``; ``adds``: per table the full new rows
    (conformed frames); ``updates``: per table the changed known rows, key columns plus
    the present columns with their new values; ``vote_events``: new and changed votes
    (project, dwelling, vote, date, recorded_by); ``changes``: every changed field of a
    known row as ``(table, key, field, old, new)`` — ``key`` is the id, or a tuple for
    multi-column keys — for the preview."""

    summary: dict[str, dict[str, int]]
    adds: dict[str, pd.DataFrame]
    updates: dict[str, pd.DataFrame]
    vote_events: pd.DataFrame
    changes: list[tuple[str, Any, str, Any, Any]]
    current: Dataset = field(repr=False)
    _positions: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    # per history table: entries of the workbook left out because the workspace already
    # has a history of that kind that does not hold them
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """True when the import would change nothing."""
        return all(s["added"] == 0 and s["changed"] == 0 for s in self.summary.values())

    @property
    def added(self) -> int:
        return sum(s["added"] for s in self.summary.values())

    @property
    def changed(self) -> int:
        return sum(s["changed"] for s in self.summary.values())

    def merged(self) -> Dataset:
        """The workspace as it would be after the import (the current Dataset is not
        modified)."""
        frames: dict[str, pd.DataFrame] = {}
        for table in TABLES:
            cur = getattr(self.current, table)
            upd = self.updates.get(table)
            if upd is not None and len(upd):
                pos = self._positions[table]
                cur = cur.copy()
                keys = set(sheet_for_table(table).keys)
                for c in upd.columns:
                    if c in keys:
                        continue
                    col = cur[c].copy()
                    col.iloc[pos] = upd[c].astype(col.dtype).to_numpy()
                    cur[c] = col
            add = self.adds.get(table)
            if add is not None and len(add):
                cur = pd.concat([cur, add], ignore_index=True) if len(cur) else add.copy()
            frames[table] = conform(table, cur)
        return Dataset(**frames)


def _same(old: pd.Series, new: pd.Series) -> np.ndarray:
    """Element-wise equality where two missing values are equal."""
    old_na = old.isna().to_numpy(dtype=bool)
    new_na = new.isna().to_numpy(dtype=bool)
    dtype = str(old.dtype)
    if dtype in ("Float64", "float64"):
        a = old.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        b = new.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            eq = np.isclose(a, b, rtol=FLOAT_RTOL, atol=0.0)
    elif dtype.startswith("datetime64"):
        eq = old.to_numpy() == new.astype(old.dtype).to_numpy()
    else:
        eq = (old.reset_index(drop=True) == new.reset_index(drop=True).astype(old.dtype)) \
            .fillna(False).to_numpy(dtype=bool)
    return (old_na & new_na) | (~old_na & ~new_na & eq)


def _py(values: pd.Series) -> list:
    """Python scalars (None for missing) for the preview."""
    if str(values.dtype).startswith("datetime64"):
        return [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime() for v in values]
    return values.to_numpy(dtype=object, na_value=None).tolist()


def plan_import(incoming: Dataset, present_columns: dict[str, set[str]],
                current: Dataset) -> ImportPlan:
    """Plan the merge of a validated workbook Dataset into the workspace Dataset.

    ``present_columns``: table -> frame fields the workbook's sheet had (a table missing
    from it had no sheet and is left alone); see :class:`ImportPlan`.
    """
    summary: dict[str, dict[str, int]] = {}
    adds: dict[str, pd.DataFrame] = {}
    updates: dict[str, pd.DataFrame] = {}
    positions: dict[str, np.ndarray] = {}
    changes: list[tuple[str, Any, str, Any, Any]] = []
    vote_events = _empty_events()
    skipped: dict[str, int] = {}

    for table in fields.history_tables():
        if table in present_columns:
            restored = _plan_history(table, getattr(incoming, table), current, summary, skipped)
            if restored is not None:
                adds[table] = restored
    if "vote_history" in adds:
        # the workspace had no votes: Stemmen is planned against the restored history's
        # last entries (and :meth:`ImportPlan.merged` starts from them)
        current = current.with_tables(votes=latest_votes(adds["vote_history"]))

    for sheet in SHEETS:
        table = sheet.table
        if table not in present_columns or table in fields.history_tables():
            continue
        keys = list(sheet.keys)
        present = set(present_columns[table])
        missing_keys = [k for k in keys if k not in present]
        if missing_keys:
            raise ValueError(f"sheet {sheet.dutch} lacks its key column(s) {missing_keys}; "
                             f"validate the workbook before planning an import")
        audit = fields.audit_fields(table)
        values = [c for c in SCHEMA[table] if c in present and c not in keys and c not in audit]
        inc = conform(table, getattr(incoming, table))
        inc = inc[~inc.duplicated(keys, keep="first")].reset_index(drop=True)
        cur = getattr(current, table)
        cur_keys = cur[keys].assign(**{_POS: np.arange(len(cur))})
        cur_keys = cur_keys[~cur_keys.duplicated(keys, keep="first")]
        for k in keys:
            cur_keys[k] = cur_keys[k].astype(inc[k].dtype)
        pos = inc[keys].merge(cur_keys, on=keys, how="left")[_POS].to_numpy(dtype="float64")
        known = ~np.isnan(pos)

        new_rows = inc[~known].reset_index(drop=True)
        inc_known = inc[known].reset_index(drop=True)
        kpos = pos[known].astype(np.int64)
        cur_rows = cur.iloc[kpos].reset_index(drop=True)

        changed_cells: dict[str, np.ndarray] = {}
        row_changed = np.zeros(len(inc_known), dtype=bool)
        for c in values:
            diff = ~_same(cur_rows[c], inc_known[c])
            if diff.any():
                changed_cells[c] = diff
                row_changed |= diff
        summary[table] = {"added": int((~known).sum()), "changed": int(row_changed.sum()),
                          "unchanged": int(len(inc_known) - row_changed.sum())}
        if len(new_rows):
            # a last-editor column the sheet lacks is left out: the store then notes the
            # importing user (a sheet that has it is a restore and keeps what it says)
            adds[table] = conform(table, new_rows).drop(
                columns=[c for c in audit if c not in present])
        if row_changed.any():
            upd = inc_known.loc[row_changed, keys + values].reset_index(drop=True)
            updates[table] = upd
            positions[table] = kpos[row_changed]

        # the preview: one entry per changed field of a known row
        if changed_cells:
            if len(keys) == 1:
                key_values = inc_known[keys[0]].to_numpy(dtype=object, na_value=None)
            else:
                key_values = np.empty(len(inc_known), dtype=object)
                key_values[:] = list(zip(*(_py(inc_known[k]) for k in keys)))
            for c, diff in changed_cells.items():
                idx = np.flatnonzero(diff)
                olds = _py(cur_rows[c].iloc[idx])
                news = _py(inc_known[c].iloc[idx])
                changes.extend(zip([table] * len(idx), key_values[idx].tolist(), [c] * len(idx),
                                   olds, news))

        if table == "votes":
            parts = []
            if len(new_rows):
                parts.append(conform("votes", new_rows)[list(VOTE_EVENT_COLUMNS)])
            if row_changed.any():
                after = cur_rows.loc[row_changed].reset_index(drop=True).copy()
                upd = updates["votes"]
                for c in values:
                    after[c] = upd[c].astype(after[c].dtype)
                parts.append(after[list(VOTE_EVENT_COLUMNS)])
            if parts:
                vote_events = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]

    return ImportPlan(summary=summary, adds=adds, updates=updates,
                      vote_events=vote_events.reset_index(drop=True), changes=changes,
                      current=current, _positions=positions, skipped=skipped)


def _plan_history(table: str, incoming: pd.DataFrame, current: Dataset,
                  summary: dict[str, dict[str, int]], skipped: dict[str, int]) -> pd.DataFrame | None:
    """A history sheet: restored whole (entry numbers, order, who, when) when the
    workspace has no history of that kind, returned as the rows to add; else nothing is
    added (a history is never merged into another; the current votes of Stemmen are,
    as new entries): the entries the workspace holds identically count as unchanged,
    the others as skipped."""
    inc = conform(table, incoming)
    inc = inc[~inc.duplicated(["id"], keep="first")].sort_values("id", kind="stable") \
        .reset_index(drop=True)
    cur = getattr(current, table)
    empty = not len(cur) and not (table == "vote_history" and len(current.votes))
    if empty:
        summary[table] = {"added": len(inc), "changed": 0, "unchanged": 0}
        return inc if len(inc) else None
    both = inc.merge(cur.assign(**{_POS: np.arange(len(cur))})[["id", _POS]], on="id", how="left")
    pos = both[_POS].to_numpy(dtype="float64")
    known = ~np.isnan(pos)
    same = known.copy()
    if known.any():
        mine = cur.iloc[pos[known].astype(np.int64)].reset_index(drop=True)
        theirs = inc[known].reset_index(drop=True)
        equal = np.ones(len(theirs), dtype=bool)
        for c in SCHEMA[table]:
            equal &= _same(mine[c], theirs[c])
        same[np.flatnonzero(known)] = equal
    summary[table] = {"added": 0, "changed": 0, "unchanged": int(same.sum())}
    if (~same).any():
        skipped[table] = int((~same).sum())
    return None


__all__ = ["ImportPlan", "plan_import", "VOTE_EVENT_COLUMNS"]
