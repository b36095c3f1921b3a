"""The Audible library or wishlist as a table (and, through column 0, a covers grid)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from rmab_desktop.domain.audible_library import AudibleEntry
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.lists import BOOK_MIME_TYPE
from rmab_desktop.services.lists import BookRef
from rmab_desktop.ui.book_mime import book_mime
from rmab_desktop.ui.formatting import date_only, number
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.models.row_model import Column, RowTableModel

tr = Translator("AudibleLibraryPage")


def progress_of(entry: AudibleEntry) -> float:
    """0..1; a finished book is full whatever its last position was."""
    return 1.0 if entry.finished else max(0.0, min(1.0, (entry.progress_percent or 0.0) / 100))


def _series(entry: AudibleEntry) -> str:
    if not entry.series_title:
        return ""
    if not entry.series_position:
        return entry.series_title
    return tr("{series} #{position}").format(series=entry.series_title, position=entry.series_position)


def _rating(entry: AudibleEntry) -> str:
    return tr("★ {rating}").format(rating=number(entry.rating, 1)) if entry.rating is not None else ""


def _purchased_sort(entry: AudibleEntry) -> float:
    purchased = entry.purchase_date or entry.date_added
    return purchased.timestamp() if purchased else 0


COLUMNS: list[Column[AudibleEntry]] = [
    Column(
        tr.mark("Title"),
        lambda e: tr("{title} (ignored)").format(title=e.title) if e.ignored else e.title,
        sort=lambda e: e.title.casefold(),
    ),
    Column(tr.mark("Author"), lambda e: ", ".join(e.authors)),
    Column(tr.mark("Narrator"), lambda e: ", ".join(e.narrators)),
    Column(tr.mark("Series"), _series),
    Column(tr.mark("Progress"), lambda _e: "", sort=progress_of, progress=progress_of),
    Column(tr.mark("My rating"), _rating, sort=lambda e: e.rating or 0.0),
    Column(
        tr.mark("Purchased"),
        lambda e: date_only(e.purchase_date or e.date_added),
        sort=_purchased_sort,
    ),
    Column(
        tr.mark("In library"),
        lambda e: tr("Yes") if e.in_local_library else "",
        level=lambda e: "success" if e.in_local_library else "",
    ),
]
PROGRESS_COLUMN = 4


class AudibleModel(RowTableModel[AudibleEntry]):
    """Rows keyed by ASIN; column 0 carries the cover; rows drag into lists as books."""

    def __init__(self, covers: CoverImages | None = None) -> None:
        super().__init__(COLUMNS, key=lambda e: e.asin)
        self.covers = covers
        if covers is not None:
            covers.arrived.connect(self._cover_arrived)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = index.isValid() and 0 <= index.row() < self.rowCount()
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.column() == 0
            and self.covers is not None
            and shown
        ):
            pixmap = self.covers.get(self.row_object(index.row()).cover_url or None)
            return QIcon(pixmap) if pixmap is not None else None  # an icon: each view sizes it
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and index.isValid():
            entry = self.row_object(index.row())
            return tr("{percent}% listened").format(percent=number(round(progress_of(entry) * 100)))
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [BOOK_MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        entries = [self.row_object(r) for r in rows]
        return book_mime(
            BookRef(e.asin, e.region, e.title, e.authors[0] if e.authors else "") for e in entries
        )

    def _cover_arrived(self, url: str) -> None:
        for row in range(self.rowCount()):
            if self.row_object(row).cover_url == url:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
