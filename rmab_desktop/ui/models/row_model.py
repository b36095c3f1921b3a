"""A table model over immutable domain rows with an id -> row map and incremental updates.

``set_rows`` diffs against what is shown: removed rows go, new rows are appended (the proxy sorts),
and ``dataChanged`` is emitted only for rows whose displayed values changed, only for the columns
that changed. Views keep their selection and scroll position across refreshes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui.models.roles import FilterRole, KeyRole, LevelRole, ObjectRole, ProgressRole, SortRole

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

DISPLAY = Qt.ItemDataRole.DisplayRole

tr = Translator("Tables")


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str  # a Translator.mark()ed title: headerData shows it in the current language
    display: Callable[[T], Any]
    sort: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None
    level: Callable[[T], str] | None = None  # badge colour: info/success/warning/error/muted
    progress: Callable[[T], float | None] | None = None
    align: Qt.AlignmentFlag | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], key: Callable[[T], Hashable] = attrgetter("id")) -> None:
        super().__init__()
        self.columns = list(columns)
        self._key = key
        self._rows: list[T] = []
        self._index: dict[Hashable, int] = {}

    # -- Qt API ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self.columns):
            return text(self.columns[section].title)
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == DISPLAY:
            value = column.display(row)
            return "" if value is None else str(value)
        if role == SortRole:
            value = (column.sort or column.display)(row)
            return "" if value is None else value
        if role == ObjectRole:
            return row
        if role == KeyRole:
            return self._key(row)
        if role == FilterRole:
            return " ".join(str(c.display(row) or "") for c in self.columns)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == LevelRole and column.level is not None:
            return column.level(row)
        if role == ProgressRole and column.progress is not None:
            return column.progress(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- rows -----------------------------------------------------------------------------------
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_object(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, key: Hashable) -> int:
        return self._index.get(key, -1)

    def get(self, key: Hashable) -> T | None:
        row = self._index.get(key)
        return None if row is None else self._rows[row]

    def _display_tuple(self, row: T) -> tuple[Any, ...]:
        return tuple(
            (c.display(row), c.progress(row) if c.progress else None, c.level(row) if c.level else None)
            for c in self.columns
        )

    def set_rows(self, rows: Iterable[T]) -> None:
        """Show exactly ``rows``: remove, update in place and append, with minimal signals."""
        incoming: dict[Hashable, T] = {}
        for row in rows:
            incoming[self._key(row)] = row
        gone = sorted((self._index[k] for k in self._index if k not in incoming), reverse=True)
        for start, end in _ranges_descending(gone):
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start : end + 1]
            self.endRemoveRows()
        if gone:
            self._reindex()
        for key, new in incoming.items():
            position = self._index.get(key)
            if position is not None:
                self._replace_at(position, new)
        fresh = [row for key, row in incoming.items() if key not in self._index]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            for offset, row in enumerate(fresh):
                self._index[self._key(row)] = start + offset
            self.endInsertRows()

    def update_row(self, row: T) -> bool:
        """Replace one row by key; False when it is not shown."""
        position = self._index.get(self._key(row))
        if position is None:
            return False
        self._replace_at(position, row)
        return True

    def _replace_at(self, position: int, new: T) -> None:
        old = self._rows[position]
        if old == new:
            return
        before, after = self._display_tuple(old), self._display_tuple(new)
        self._rows[position] = new
        changed = [c for c, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if not changed:
            # Same text, different object (e.g. a hidden field): refresh the object roles only.
            self.dataChanged.emit(
                self.index(position, 0), self.index(position, len(self.columns) - 1), [ObjectRole]
            )
            return
        self.dataChanged.emit(self.index(position, min(changed)), self.index(position, max(changed)))

    def _reindex(self) -> None:
        self._index = {self._key(row): i for i, row in enumerate(self._rows)}


def _ranges_descending(positions: list[int]) -> list[tuple[int, int]]:
    """[9, 8, 7, 3, 1, 0] -> [(7, 9), (3, 3), (0, 1)]: contiguous blocks, bottom first."""
    ranges: list[tuple[int, int]] = []
    for position in positions:
        if ranges and ranges[-1][0] == position + 1:
            ranges[-1] = (position, ranges[-1][1])
        else:
            ranges.append((position, position))
    return ranges
