"""Vote entry: the dwellings of one project with each tenant's current vote, keyboard-first.

The table is a :class:`VoteTableModel` (a :class:`FrameTableModel` that can take new
values in place, so the selection and scroll position survive each recorded vote) in a
:class:`VoteTable` that turns key presses into vote requests:

* ``J`` or ``Y`` — ja (yes), ``N`` — nee (no), ``G`` — geen reactie (no response);
* the arrow keys move as in any table.

The table does not write anything itself: it emits :attr:`VoteTable.vote_requested`
``(dwelling, vote)`` and the page records the vote through the controller, then calls
:meth:`VoteTable.select_next_let` so the next tenant's form can be entered at once.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..models.dataset import Dataset
from ..models.enums import Vote
from ..models.support import former_tenant
from . import fmt, theme
from .frame_model import ColumnSpec, FrameTableModel

YES_COLOUR = theme.qcolor(theme.OK_BG)
NO_COLOUR = theme.qcolor(theme.BAD_BG)
SILENT_COLOUR = theme.qcolor(theme.WARN_BG)
VACANT_TEXT = theme.qcolor(theme.MUTED)

# key -> canonical vote (Dutch letters and the English Y)
VOTE_KEYS: dict[int, str] = {
    int(Qt.Key.Key_J): Vote.YES.value,
    int(Qt.Key.Key_Y): Vote.YES.value,
    int(Qt.Key.Key_N): Vote.NO.value,
    int(Qt.Key.Key_G): Vote.NO_RESPONSE.value,
}

VOTE_FRAME_COLUMNS = ["dwelling", "address", "let", "occupancy", "vote", "date", "recorded_by",
                      "former_vote"]

canonical_vote = Vote.canonical   # Dutch or English, any case; None if empty or unknown


def vote_frame(ds: Dataset, project: str) -> pd.DataFrame:
    """The dwellings of the project's complex (Woningen order) with their current vote.

    Columns :data:`VOTE_FRAME_COLUMNS`; ``let`` is a bool (<NA> read as let),
    ``occupancy`` is ``"let"`` or ``"vacant"``, ``vote`` the canonical vote of the current
    tenant or None when no form was recorded; a former tenant's vote (a tenancy change,
    :func:`desktop.models.support.former_tenant`) is not the dwelling's vote: it is in
    ``former_vote`` and the vote columns are empty.  Raises KeyError for an unknown project.
    """
    p = ds.projects
    hit = p.loc[p["project"].isin([project]).to_numpy(dtype=bool), "complex"]
    if hit.empty:
        raise KeyError(f"unknown project {project!r}")
    complex_id = hit.iloc[0]
    d = ds.dwellings
    # isin: a third of the time of == on 100,000 strings, and <NA> never matches
    mine = d[d["complex"].isin([complex_id]).to_numpy(dtype=bool)] \
        if complex_id is not None and not pd.isna(complex_id) else d.iloc[:0]
    out = pd.DataFrame({
        "dwelling": mine["dwelling"].astype(object).to_numpy(),
        "address": mine["address"].astype(object).to_numpy(),
        "let": mine["let"].fillna(True).astype(bool).to_numpy(),
        "let_since": mine["let_since"].to_numpy(),
    })
    out["occupancy"] = np.where(out["let"].to_numpy(dtype=bool), "let", "vacant").astype(object)
    v = ds.votes
    v = v[v["project"].isin([project]).to_numpy(dtype=bool)].drop_duplicates("dwelling", keep="last")
    by_dwelling = pd.DataFrame({
        "dwelling": v["dwelling"].astype(object).to_numpy(),
        "vote": [canonical_vote(x) for x in v["vote"].astype(object)],
        "date": [None if pd.isna(x) else x.date() for x in v["date"]],
        "recorded_by": v["recorded_by"].astype(object).to_numpy(),
    })
    out = out.merge(by_dwelling, on="dwelling", how="left")
    former = former_tenant(out["date"].to_numpy(dtype=object), out["let"].to_numpy(),
                           out["let_since"].to_numpy()) if len(out) else np.zeros(0, dtype=bool)
    former &= out["vote"].notna().to_numpy(dtype=bool)
    out["former_vote"] = out["vote"].where(former, None)
    for col in ("vote", "date", "recorded_by"):
        values = out[col].astype(object)
        out[col] = values.where(values.notna() & ~former, None)
    return out[VOTE_FRAME_COLUMNS]


def vote_text(vote: str | None) -> str:
    """The vote as shown in the table (Dutch value, or its English alias in an English
    interface), empty without a form."""
    return fmt.listed(vote)


def _same(a, b) -> bool:
    """Whether two cell values are equal (None, <NA> and dates alike)."""
    if a is b:
        return True
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


class VoteTableModel(FrameTableModel):
    """Vote rows keyed by dwelling; colours per vote, vacant rows greyed."""

    def __init__(self, parent=None):
        super().__init__([
            ColumnSpec("dwelling", translate("VoteTable", "Dwelling")),
            ColumnSpec("address", translate("VoteTable", "Address")),
            ColumnSpec("occupancy", translate("VoteTable", "Tenancy"), self._occupancy_text,
                       tooltip=translate("VoteTable", "A vacant dwelling has no tenant and no vote")),
            ColumnSpec("vote", translate("VoteTable", "Vote"), vote_text,
                       tooltip=translate("VoteTable", "ja = yes, nee = no, geen reactie = no response; "
                                  "empty: no form recorded yet (counts as no response)")),
            ColumnSpec("date", translate("VoteTable", "Form date"), fmt.date),
            ColumnSpec("recorded_by", translate("VoteTable", "Recorded by")),
        ], key="dwelling", parent=parent)
        self.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._background)
        self.set_role_provider(Qt.ItemDataRole.ForegroundRole, self._foreground)
        self.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._tooltip)
        self._cache()

    @staticmethod
    def _occupancy_text(value) -> str:
        return {"let": translate("VoteTable", "let"), "vacant": translate("VoteTable", "vacant")}.get(value, "")

    def _cache(self) -> None:
        super()._cache()
        # the colour and tooltip roles read these per cell: numpy, not frame.at (~30 µs)
        f = self._frame
        self._let = f["let"].to_numpy(dtype=bool) if "let" in f.columns and len(f) \
            else np.zeros(len(f), dtype=bool)
        self._votes = f["vote"].astype(object).to_numpy() if "vote" in f.columns \
            else np.full(len(f), None, dtype=object)

    def update_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame``; when it holds the same dwellings, change the values in place
        (``dataChanged`` for the rows that changed only) so the current row, selection
        and scrolling stay put and only those rows are measured and repainted."""
        frame = frame.reset_index(drop=True)
        if self._sort is not None:
            frame = self._sorted(frame, *self._sort)
        same = (len(frame) == len(self._frame) and len(frame) > 0
                and np.array_equal(frame["dwelling"].astype(object).to_numpy(), self._keys))
        if not same:
            self.set_frame(frame)
            return
        old = self._cols
        self._frame = frame
        self._cache()
        rows = [r for r in range(len(frame))
                if any(not _same(a[r], b[r]) for a, b in zip(old, self._cols))]
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0),
                                  self.index(rows[-1], self.columnCount() - 1))

    def is_let(self, row: int) -> bool:
        return bool(self._let[row])

    def vote_at(self, row: int) -> str | None:
        return self._votes[row]

    def _background(self, row: int, col: int):
        if not self._let[row]:
            return None
        colour = {Vote.YES.value: YES_COLOUR, Vote.NO.value: NO_COLOUR,
                  Vote.NO_RESPONSE.value: SILENT_COLOUR}.get(self._votes[row])
        return QBrush(colour) if colour is not None else None

    def _foreground(self, row: int, col: int):
        return None if self._let[row] else QBrush(VACANT_TEXT)

    def _tooltip(self, row: int, col: int):
        if col != self.column_of("vote"):
            return None
        vote = self._votes[row]
        if vote is None:
            former = self._frame["former_vote"].iat[row] if "former_vote" in self._frame.columns else None
            if former is not None:
                return fmt.tr_fmt(QCoreApplication.translate(
                    "VoteTable", "A former tenant voted '%1' (see the history); it does not count"),
                    fmt.listed(former))
            return QCoreApplication.translate("VoteTable", "No form recorded yet")
        return f"{fmt.listed(vote)} ({fmt.listed_other(vote)})"


class VoteTable(QTableView):
    """The vote table: J/Y, N and G set the vote of the current dwelling."""

    vote_requested = Signal(str, str)      # dwelling, canonical vote

    def __init__(self, parent=None):
        super().__init__(parent)
        self.vote_model = VoteTableModel(self)
        self.setModel(self.vote_model)
        # Woningen order until the user clicks a header
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # Columns are sized to their contents when a project is shown (model reset) and
        # widened for the rows a vote changes.  ResizeToContents would measure every row
        # after each vote (6,000 data() calls, ~30 ms for a complex of 150 dwellings).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.STRETCH, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.vote_model.modelReset.connect(self._fit_columns)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    STRETCH = 1                         # the address column takes the rest

    def _fit_columns(self) -> None:
        for col in range(self.vote_model.columnCount()):
            if col != self.STRETCH:
                self.resizeColumnToContents(col)

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:   # Qt's name
        """Widen a column when a changed cell needs more room (never narrows it while
        votes are entered, so the columns do not jump)."""
        super().dataChanged(top_left, bottom_right, roles)
        header = self.horizontalHeader()
        for row in range(top_left.row(), bottom_right.row() + 1):
            for col in range(top_left.column(), bottom_right.column() + 1):
                if col == self.STRETCH:
                    continue
                width = self.sizeHintForIndex(self.vote_model.index(row, col)).width()
                if width > header.sectionSize(col):
                    header.resizeSection(col, width)

    # ----- keyboard ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        vote = VOTE_KEYS.get(int(event.key()))
        if vote is not None and mods == Qt.KeyboardModifier.NoModifier:
            row = self.currentIndex().row()
            if row < 0 and self.vote_model.rowCount():
                self.select_row(0)
                row = 0
            if row >= 0:
                self.vote_requested.emit(str(self.vote_model.key_at(row)), vote)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typing letters must never jump to a row (the letters are votes)."""

    # ----- selection ---------------------------------------------------------------
    def current_dwelling(self) -> str | None:
        row = self.currentIndex().row()
        return None if row < 0 else self.vote_model.key_at(row)

    def select_row(self, row: int) -> None:
        col = max(self.currentIndex().column(), 0)
        index = self.vote_model.index(row, col)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def select_dwelling(self, dwelling: str) -> bool:
        row = self.vote_model.row_of(dwelling)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_next_let(self, dwelling: str) -> bool:
        """Select the first let dwelling after ``dwelling`` (vacant ones have no vote);
        stay on the last one at the end of the list.  Returns whether it moved."""
        row = self.vote_model.row_of(dwelling)
        if row is None:
            return False
        for nxt in range(row + 1, self.vote_model.rowCount()):
            if self.vote_model.is_let(nxt):
                self.select_row(nxt)
                return True
        return False

    def select_first_unanswered(self) -> None:
        """Start where work is left: the first let dwelling without a yes/no answer."""
        m = self.vote_model
        for row in range(m.rowCount()):
            if m.is_let(row) and m.vote_at(row) not in (Vote.YES.value, Vote.NO.value):
                self.select_row(row)
                return
        if m.rowCount():
            self.select_row(0)


__all__ = ["VOTE_KEYS", "VOTE_FRAME_COLUMNS", "canonical_vote", "vote_frame", "vote_text",
           "VoteTableModel", "VoteTable"]
