"""A thin table model over a DataFrame: sorting happens in the frame, not in a proxy.

Column specs name a frame column, a header and a formatter.  ``data()`` serves the
display text, the raw value (``SORT_ROLE``, always a Python scalar) and alignment; it
reads cached numpy object arrays, which is about three times faster than ``iat``.
At 100,000 rows sorting the frame and emitting ``layoutChanged`` takes a fraction of
a second, where a QSortFilterProxyModel calling back into Python takes many seconds.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2      # the row's id (first key column)


def plain(value: Any) -> Any:
    """A Python scalar (never a numpy one), None for missing values."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@dataclass(frozen=True)
class ColumnSpec:
    key: str                                   # frame column
    title: str                                 # header text (already translated)
    fmt: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: str | None = None


NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FrameTableModel(QAbstractTableModel):
    def __init__(self, columns: list[ColumnSpec], key: str | None = None, parent=None):
        super().__init__(parent)
        self._specs = list(columns)
        self._key = key or columns[0].key
        self._frame = pd.DataFrame(columns=[c.key for c in columns])
        self._cols: list[np.ndarray] = []
        self._keys = np.empty(0, dtype=object)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._extra_roles: dict[int, Callable[[int, int], Any]] = {}

    # ----- content -----------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        if self._sort is not None:
            self._frame = self._sorted(self._frame, *self._sort)
        self._cache()
        self.endResetModel()

    def _cache(self) -> None:
        f = self._frame
        self._cols = [f[c.key].astype(object).to_numpy() if c.key in f.columns
                      else np.full(len(f), None, dtype=object) for c in self._specs]
        self._keys = f[self._key].astype(object).to_numpy() if self._key in f.columns \
            else np.full(len(f), None, dtype=object)

    def set_role_provider(self, role: int, provider: Callable[[int, int], Any]) -> None:
        """Extra roles (colours, icons) computed from (row, column)."""
        self._extra_roles[role] = provider

    def has_role_provider(self, role: int) -> bool:
        return role in self._extra_roles

    def display_texts(self, column: int, rows) -> list[str]:
        """The display text of ``column`` in ``rows`` (for sizing the column)."""
        if column >= len(self._cols):
            return []
        values, fmt = self._cols[column], self._specs[column].fmt
        return [fmt(plain(values[r])) for r in rows if r < len(values)]

    def key_at(self, row: int) -> Any:
        return plain(self._keys[row])

    def row_of(self, key: Any) -> int | None:
        hits = np.flatnonzero(self._keys == key)
        return int(hits[0]) if len(hits) else None

    def column_of(self, key: str) -> int:
        return [c.key for c in self._specs].index(key)

    # ----- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._specs)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= len(self._frame) or c >= len(self._specs):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._specs[c].fmt(plain(self._cols[c][r]))
        if role == SORT_ROLE:
            return plain(self._cols[c][r])
        if role == KEY_ROLE:
            return plain(self._keys[r])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._specs[c].align.value) if hasattr(self._specs[c].align, "value") \
                else int(self._specs[c].align)
        provider = self._extra_roles.get(role)
        if provider is not None:
            return provider(r, c)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._specs):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._specs[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._specs[section].tooltip
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._specs):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self._frame.reset_index(drop=True)
        after = self._sorted(before, column, order, keep_index=True)
        new_row = np.empty(len(after), dtype=np.int64)
        new_row[after.index.to_numpy()] = np.arange(len(after))
        self._frame = after.reset_index(drop=True)
        self._cache()
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(int(new_row[i.row()]), i.column()) for i in old])
        self.layoutChanged.emit()

    def _sorted(self, frame: pd.DataFrame, column: int, order: Qt.SortOrder,
                keep_index: bool = False) -> pd.DataFrame:
        key = self._specs[column].key
        if key not in frame.columns:
            return frame
        out = frame.sort_values(key, ascending=order == Qt.SortOrder.AscendingOrder,
                                kind="stable", na_position="last")
        return out if keep_index else out.reset_index(drop=True)
