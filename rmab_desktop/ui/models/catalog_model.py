"""The covers grid model (Discover sections, search results, author/series lists, similar books).

Rows are immutable :class:`CatalogEntry` values keyed by "region:asin". More rows arrive through
``fetchMore``: the view asks when scrolled to the end, the model calls its ``loader(offset)``
(which runs off the GUI thread and calls :meth:`append`). Covers come from :class:`CoverImages`,
which downloads and decodes them on the runner's network pool and keeps a pixmap LRU.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap

from rmab_desktop.domain.catalog import Availability, CatalogEntry
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.lists import BOOK_MIME_TYPE
from rmab_desktop.services.lists import BookRef
from rmab_desktop.ui.book_mime import book_mime
from rmab_desktop.ui.models.roles import FilterRole, KeyRole, LevelRole, ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex

tr = Translator("BookGrid")

# Badge text (shown through i18n.text) and colour level per availability.
AVAILABILITY_LABELS = {
    Availability.IN_LIBRARY: (tr.mark("In library"), "success"),
    Availability.AVAILABLE: (tr.mark("Available"), "success"),
    Availability.DOWNLOADING: (tr.mark("Downloading"), "info"),
    Availability.REQUESTED: (tr.mark("Requested"), "warning"),
}
OWNED_ON_AUDIBLE = (tr.mark("Owned on Audible"), "info")  # when no local state says more
BadgeRole = Qt.ItemDataRole.UserRole + 20  # badge text or None
MAX_WANTED = 120


def badge_of(entry: CatalogEntry) -> tuple[str, str] | None:
    """The badge (marked text, colour level) a book shows: its local state, else owned on Audible."""
    label = AVAILABILITY_LABELS.get(entry.availability)
    if label is None and entry.extra.get("owned_on_audible"):
        return OWNED_ON_AUDIBLE
    return label


def load_cover(fetch: Callable[[str], Path], url: str, size: int) -> QImage:
    """Runs on a worker: download (or reuse) the thumbnail file and decode it scaled."""
    reader = QImageReader(str(fetch(url)))
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise ValueError(f"cover {url} could not be decoded")
    return image


class CoverImages(QObject):
    """Pixmaps by cover URL, shared by every grid; loading never happens on the GUI thread.

    At most ``in_flight`` covers load at once and the most recently asked for go first, so the
    covers on screen arrive first when scrolling fast, and few worker threads compete with the
    GUI thread for the interpreter.
    """

    arrived = Signal(str)  # url

    def __init__(
        self, runner: Any, fetch: Callable[[str], Path], size: int = 180, limit: int = 600, in_flight: int = 3
    ) -> None:
        super().__init__()
        self._runner = runner
        self._fetch = fetch
        self.size = size
        self._limit = limit
        self._max_in_flight = in_flight
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[str, None] = OrderedDict()  # newest last
        self._loading: set[str] = set()
        self._failed: set[str] = set()

    def get(self, url: str | None) -> QPixmap | None:
        """The pixmap when loaded; otherwise None, and the cover is queued (once)."""
        if not url or url in self._failed:
            return None
        pixmap = self._pixmaps.get(url)
        if pixmap is not None:
            self._pixmaps.move_to_end(url)
            return pixmap
        if url not in self._loading:
            self._wanted[url] = None
            self._wanted.move_to_end(url)
            while len(self._wanted) > MAX_WANTED:  # scrolled past: asked again when painted again
                self._wanted.popitem(last=False)
            self._pump()
        return None

    def _pump(self) -> None:
        while self._wanted and len(self._loading) < self._max_in_flight:
            url, _ = self._wanted.popitem(last=True)
            self._loading.add(url)
            self._runner.submit(
                load_cover,
                self._fetch,
                url,
                self.size,
                pool="network",
                on_result=lambda image, u=url: self._done(u, image),
                on_error=lambda _info, u=url: self._done(u, None),
            )

    def _done(self, url: str, image: QImage | None) -> None:
        self._loading.discard(url)
        if image is None:
            self._failed.add(url)
        else:
            self._pixmaps[url] = QPixmap.fromImage(image)
            while len(self._pixmaps) > self._limit:
                self._pixmaps.popitem(last=False)
            self.arrived.emit(url)
        self._pump()

    @property
    def pending(self) -> int:
        return len(self._loading) + len(self._wanted)


class BookGridModel(QAbstractListModel):
    def __init__(self, covers: CoverImages | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CatalogEntry] = []
        self._index: dict[str, int] = {}
        self._by_cover: dict[str, list[int]] = {}
        self.total: int | None = None  # None: unknown, fetch until a short page
        self.loader: Callable[[int], None] | None = None
        self._loading = False
        self.covers = covers
        if covers is not None:
            covers.arrived.connect(self._cover_arrived)

    # -- Qt API ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        book = entry.book
        if role == Qt.ItemDataRole.DisplayRole:
            return book.title
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [book.title, ", ".join(book.author_names)]
            if book.primary_series:
                parts.append(
                    tr("{series} #{position}").format(
                        series=book.primary_series.title, position=book.primary_series.position or "?"
                    )
                )
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.covers.get(book.cover_url) if self.covers is not None else None
        if role == ObjectRole:
            return entry
        if role == KeyRole:
            return entry.key
        if role == SortRole:
            return index.row()
        if role == FilterRole:
            return f"{book.title} {' '.join(book.author_names)}"
        if role == BadgeRole:
            label = badge_of(entry)
            return text(label[0]) if label else None
        if role == LevelRole:
            label = badge_of(entry)
            return label[1] if label else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags  # books drag into lists

    def mimeTypes(self) -> list[str]:
        return [BOOK_MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        books = [self._rows[i.row()].book for i in indexes if 0 <= i.row() < len(self._rows)]
        return book_mime(BookRef(b.asin, b.region, b.title, b.primary_author) for b in books)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.loader is None or self._loading:
            return False
        return self.total is None or len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.loader is not None:
            self._loading = True
            self.loader(len(self._rows))

    # -- rows -----------------------------------------------------------------------------------
    def entries(self) -> list[CatalogEntry]:
        return list(self._rows)

    def entry(self, row: int) -> CatalogEntry:
        return self._rows[row]

    def cover(self, entry: CatalogEntry) -> QPixmap | None:
        return self.covers.get(entry.book.cover_url) if self.covers is not None else None

    def row_of(self, key: str) -> int:
        return self._index.get(key, -1)

    def reset(self, entries: Iterable[CatalogEntry] = (), total: int | None = None) -> None:
        self.beginResetModel()
        self._rows, self._index, self._by_cover = [], {}, {}
        self.total = total
        self._loading = False
        self._add(list(entries))
        self.endResetModel()

    def append(self, entries: Iterable[CatalogEntry], total: int | None = None) -> None:
        """A loaded page; a page shorter than asked (or empty) ends the loading when total is unknown."""
        fresh = [e for e in entries if e.key not in self._index]
        self._loading = False
        if total is not None:
            self.total = total
        if not fresh:
            if self.total is None:
                self.total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._add(fresh)
        self.endInsertRows()

    def loading_failed(self) -> None:
        """Stop asking for more after an error (a later reset retries)."""
        self._loading = False
        self.total = len(self._rows)

    def _add(self, entries: list[CatalogEntry]) -> None:
        for entry in entries:
            row = len(self._rows)
            self._rows.append(entry)
            self._index[entry.key] = row
            if entry.book.cover_url:
                self._by_cover.setdefault(entry.book.cover_url, []).append(row)

    def update_entries(self, entries: Iterable[CatalogEntry]) -> None:
        """New badges (after a request, or a library change): repaint only those cells."""
        for entry in entries:
            row = self._index.get(entry.key)
            if row is not None and self._rows[row] != entry:
                self._rows[row] = entry
                index = self.index(row)
                self.dataChanged.emit(index, index, [BadgeRole, LevelRole, ObjectRole])

    def _cover_arrived(self, url: str) -> None:
        for row in self._by_cover.get(url, ()):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
