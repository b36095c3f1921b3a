"""The Library table: a lean model over immutable entries, and a proxy that filters by query.

Built for 50,000 books: display text is computed per visible cell, search keys are precomputed
off the GUI thread, filtering is one pass over those keys into a byte mask, and sorting is a
Python ``list.sort`` over precomputed keys in the source model (the proxy forwards header clicks
there instead of calling ``lessThan`` a million times).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPixmap

from rmab_desktop.services.library.query import LibraryQuery, SearchRecord
from rmab_desktop.services.library.service import LibraryEntry
from rmab_desktop.ui.models.roles import KeyRole, ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex
CoverProvider = Callable[[LibraryEntry], QPixmap | None]


def _duration(seconds: float | None) -> str:
    if not seconds:
        return ""
    minutes = int(seconds // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return ""


def _series_key(e: LibraryEntry) -> tuple[str, float]:
    try:
        position = float(e.series_position or "inf")
    except ValueError:
        position = float("inf")
    return ((e.series or "\uffff").casefold(), position)


# (header, display text, sort key); sort keys never mix types within a column.
COLUMNS: tuple[tuple[str, Callable[[LibraryEntry], str], Callable[[LibraryEntry], Any]], ...] = (
    ("Title", lambda e: e.title, lambda e: e.title.casefold()),
    ("Author", lambda e: e.authors_text, lambda e: e.authors_text.casefold() or "\uffff"),
    ("Narrator", lambda e: ", ".join(e.narrators), lambda e: ", ".join(e.narrators).casefold() or "\uffff"),
    ("Series", lambda e: e.series_text, _series_key),
    ("Year", lambda e: str(e.year or ""), lambda e: e.year or 0),
    ("Length", lambda e: _duration(e.duration_seconds), lambda e: e.duration_seconds or 0.0),
    ("Format", lambda e: (e.format or "").upper(), lambda e: e.format or ""),
    ("Size", lambda e: _size(e.size_bytes), lambda e: e.size_bytes),
)
TITLE, AUTHOR, NARRATOR, SERIES, YEAR, LENGTH, FORMAT, SIZE = range(len(COLUMNS))


class LibraryModel(QAbstractTableModel):
    def __init__(self, cover_provider: CoverProvider | None = None) -> None:
        super().__init__()
        self._rows: list[LibraryEntry] = []
        self._records: list[SearchRecord] = []
        self._visible = bytearray()
        self._row_of: dict[int, int] = {}
        self._covers = cover_provider

    # ----------------------------------------------------------------- contents
    def set_entries(self, entries: Sequence[LibraryEntry], records: Sequence[SearchRecord]) -> None:
        """Replace every row; ``records`` are the entries' search keys (built off-thread)."""
        self.beginResetModel()
        self._rows = list(entries)
        self._records = list(records)
        self._visible = bytearray(b"\x01") * len(self._rows)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {entry.id: row for row, entry in enumerate(self._rows)}

    def entry(self, row: int) -> LibraryEntry:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int:
        return self._row_of.get(entry_id, -1)

    def replace_entry(self, entry: LibraryEntry) -> None:
        row = self.row_of(entry.id)
        if row < 0:
            return
        self._rows[row] = entry
        self._records[row] = entry.search_record()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def cover_changed(self, entry_id: int) -> None:
        row = self.row_of(entry_id)
        if row >= 0:
            index = self.index(row, TITLE)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    @property
    def entries(self) -> list[LibraryEntry]:
        return self._rows

    # ----------------------------------------------------------------- filtering
    def apply_query(self, query: LibraryQuery) -> int:
        """Mark the rows ``query`` accepts; returns how many."""
        predicate = query.predicate
        if query.is_empty:
            self._visible = bytearray(b"\x01") * len(self._rows)
        else:
            self._visible = bytearray(map(predicate, self._records))
        return self._visible.count(1)

    def is_visible(self, row: int) -> bool:
        return bool(self._visible[row])

    # ----------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not 0 <= column < len(COLUMNS):
            return None
        entry = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][1](entry)
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and self._covers is not None:
            return self._covers(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry) if column == TITLE else COLUMNS[column][1](entry) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (YEAR, LENGTH, SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            return COLUMNS[column][2](entry)
        if role == ObjectRole:
            return entry
        if role == KeyRole:
            return entry.id
        return None

    @staticmethod
    def _tooltip(entry: LibraryEntry) -> str:
        lines = [entry.title + (f": {entry.subtitle}" if entry.subtitle else "")]
        if entry.asin:
            lines.append(f"ASIN {entry.asin}")
        if entry.path:
            lines.append(entry.path)
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not self._rows:
            return
        key = COLUMNS[column][2]
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old_persistent]
        order_rows = sorted(
            range(len(self._rows)),
            key=lambda i: key(self._rows[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[i] for i in order_rows]
        self._records = [self._records[i] for i in order_rows]
        self._visible = bytearray(self._visible[i] for i in order_rows)
        self._reindex()
        self.changePersistentIndexList(
            old_persistent,
            [self.index(self._row_of[i], p.column()) for i, p in zip(old_ids, old_persistent, strict=True)],
        )
        self.layoutChanged.emit()


class LibraryFilterProxy(QSortFilterProxyModel):
    """Shows the rows the source model marked visible; sorting is delegated to the source."""

    def __init__(self, source: LibraryModel) -> None:
        super().__init__()
        self._library = source
        self.setSourceModel(source)
        self.setSortRole(SortRole)

    def set_query(self, query: LibraryQuery) -> int:
        self.beginFilterChange()
        count = self._library.apply_query(query)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        return count

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._library.is_visible(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._library.sort(column, order)
