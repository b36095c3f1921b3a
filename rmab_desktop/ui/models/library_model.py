"""The Library table: a lean model over immutable entries, and a proxy that filters by query.

Built for 50,000 books: display text is computed per visible cell, search keys are precomputed
off the GUI thread, filtering is one pass over those keys into a byte mask, and sorting is one
``sorted`` over per-entry keys in the source model. The proxy forwards both to the source instead
of calling ``filterAcceptsRow``/``lessThan`` in Python tens of thousands of times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPixmap

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.lists import BOOK_MIME_TYPE
from rmab_desktop.services.library.query import LibraryQuery, SearchIndex
from rmab_desktop.services.library.service import LibraryEntry
from rmab_desktop.services.lists import BookRef
from rmab_desktop.ui.book_mime import book_mime
from rmab_desktop.ui.formatting import duration, size
from rmab_desktop.ui.models.roles import KeyRole, ObjectRole, SortRole

tr = Translator("LibraryTable")

Index = QModelIndex | QPersistentModelIndex
CoverProvider = Callable[[LibraryEntry], QPixmap | None]


def _series_key(e: LibraryEntry) -> tuple[str, float]:
    try:
        position = float(e.series_position or "inf")
    except ValueError:
        position = float("inf")
    return ((e.series or "\uffff").casefold(), position)


# (header, display text, sort key); sort keys never mix types within a column.
COLUMNS: tuple[tuple[str, Callable[[LibraryEntry], str], Callable[[LibraryEntry], Any]], ...] = (
    (tr.mark("Title"), lambda e: e.title, lambda e: e.title.casefold()),
    (tr.mark("Author"), lambda e: e.authors_text, lambda e: e.authors_text.casefold() or "\uffff"),
    (
        tr.mark("Narrator"),
        lambda e: ", ".join(e.narrators),
        lambda e: ", ".join(e.narrators).casefold() or "\uffff",
    ),
    (tr.mark("Series"), lambda e: e.series_text, _series_key),
    (tr.mark("Year"), lambda e: str(e.year or ""), lambda e: e.year or 0),
    (tr.mark("Length"), lambda e: duration(e.duration_seconds), lambda e: e.duration_seconds or 0.0),
    (tr.mark("Format"), lambda e: e.formats_text, lambda e: e.formats_text),
    (tr.mark("Size"), lambda e: size(e.size_bytes), lambda e: e.size_bytes),
)
TITLE, AUTHOR, NARRATOR, SERIES, YEAR, LENGTH, FORMAT, SIZE = range(len(COLUMNS))


class LibraryModel(QAbstractTableModel):
    """All entries in the current sort order; the rows shown are those the last query accepted."""

    def __init__(self, cover_provider: CoverProvider | None = None) -> None:
        super().__init__()
        self._all: list[LibraryEntry] = []
        self._index: SearchIndex | None = None  # search keys aligned with _all, once built
        self._mask = b""  # aligned with _all: 1 = accepted by the query
        self._rows: list[LibraryEntry] = []  # shown: compress(_all, _mask)
        self._row_of: dict[int, int] | None = None  # entry id -> shown row, built when first asked
        self._covers = cover_provider

    # ------------------------------------------------------- drag into a list
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and 0 <= index.row() < len(self._rows) and self._rows[index.row()].asin:
            return flags | Qt.ItemFlag.ItemIsDragEnabled  # books with an ASIN drag into lists
        return flags

    def mimeTypes(self) -> list[str]:
        return [BOOK_MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        entries = [self._rows[r] for r in rows if self._rows[r].asin]
        # a local book has no marketplace: the list shows it under the default one ("us")
        return book_mime(
            BookRef(str(e.asin), "us", e.title, e.authors[0] if e.authors else "") for e in entries
        )

    # ----------------------------------------------------------------- contents
    def set_entries(self, entries: Sequence[LibraryEntry], index: SearchIndex | None = None) -> None:
        """Replace every row. ``index`` holds the entries' search keys, in the same order; it may
        come later (:meth:`set_index`) so the rows show before the keys are built."""
        self.beginResetModel()
        self._all = list(entries)
        self._index = index
        self._mask = b"\x01" * len(self._all)
        self._rows = self._all
        self._row_of = None
        self.endResetModel()

    def set_index(self, entries: Sequence[LibraryEntry], index: SearchIndex) -> None:
        """Search keys built off-thread for ``entries`` (matched by id: rows may have been sorted since)."""
        ids = [entry.id for entry in self._all]
        if len(index) != len(entries) or len(entries) != len(ids):
            return
        if ids == [entry.id for entry in entries]:
            self._index = index
            return
        position = {entry.id: i for i, entry in enumerate(entries)}
        if all(i in position for i in ids):
            self._index = index.permuted([position[i] for i in ids])

    @property
    def searchable(self) -> bool:
        return self._index is not None and len(self._index) == len(self._all)

    def entry(self, row: int) -> LibraryEntry:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int:
        if self._row_of is None:
            self._row_of = {entry.id: row for row, entry in enumerate(self._rows)}
        return self._row_of.get(entry_id, -1)

    def replace_entry(self, entry: LibraryEntry) -> None:
        position = next((i for i, e in enumerate(self._all) if e.id == entry.id), -1)
        if position < 0:
            return
        self._all[position] = entry
        if self._index is not None and self.searchable:
            self._index.replace(position, entry.search_record())
        row = self.row_of(entry.id)
        if row >= 0:
            self._rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def cover_changed(self, entry_id: int) -> None:
        row = self.row_of(entry_id)
        if row >= 0:
            index = self.index(row, TITLE)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    @property
    def total(self) -> int:
        return len(self._all)

    # ----------------------------------------------------------------- filtering
    def apply_query(self, query: LibraryQuery) -> int:
        """Show only the entries ``query`` accepts (one pass over the keys); returns how many.

        Until the keys have arrived every entry is shown; apply the query again when they do."""
        if query.is_empty or self._index is None or not self.searchable:
            mask = b"\x01" * len(self._all)
        else:
            mask = query.mask(self._index)
        if mask == self._mask:
            return len(self._rows)  # the same rows: nothing to redraw
        self.beginResetModel()
        self._mask = mask
        self._rows = list(compress(self._all, mask)) if 0 in mask else self._all
        self._row_of = None
        self.endResetModel()
        return len(self._rows)

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
            return text(COLUMNS[section][0])
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
            lines.append(tr("ASIN {asin}").format(asin=entry.asin))
        if entry.path:
            lines.append(entry.path)
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not self._all:
            return
        key = COLUMNS[column][2]
        keys = [key(entry) for entry in self._all]
        permutation = sorted(
            range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._rows[index.row()].id for index in old_persistent]
        self._all = [self._all[i] for i in permutation]
        if self._index is not None and self.searchable:
            self._index = self._index.permuted(permutation)
        self._mask = bytes([self._mask[i] for i in permutation])
        self._rows = list(compress(self._all, self._mask)) if 0 in self._mask else self._all
        self._row_of = None
        self.changePersistentIndexList(
            old_persistent,
            [self.index(self.row_of(i), p.column()) for i, p in zip(old_ids, old_persistent, strict=True)],
        )
        self.layoutChanged.emit()


class LibraryFilterProxy(QSortFilterProxyModel):
    """The view's model. Filtering and sorting run in the source over precomputed keys, so the
    proxy never calls back into Python per row; it passes the source's rows through."""

    def __init__(self, source: LibraryModel) -> None:
        super().__init__()
        self._library = source
        self.setSourceModel(source)
        self.setSortRole(SortRole)

    def set_query(self, query: LibraryQuery) -> int:
        return self._library.apply_query(query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._library.sort(column, order)
