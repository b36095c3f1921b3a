"""One group of a list (a ranked list, one tier, or the books not placed yet) for a list view.

Qt's model drag and drop: items drag out as :data:`BOOK_MIME_TYPE` (the book's identity) and any
view holding books can drop onto a group; the drop calls ``on_drop(books, tier_id, row)`` and the
page asks the list service to add or move, then reloads. The model never removes rows itself after
a move (``removeRows`` refuses), so what is shown always comes from the service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.lists import BOOK_MIME_TYPE, ListEntry
from rmab_desktop.services.lists import BookRef
from rmab_desktop.ui.book_mime import book_mime, books_from_mime
from rmab_desktop.ui.models.roles import ObjectRole

tr = Translator("ListsPage")

Index = QModelIndex | QPersistentModelIndex
DropHandler = Callable[[list[BookRef], "int | None", int], None]  # books, tier id, row (-1: end)


class ListItemsModel(QAbstractListModel):
    def __init__(
        self,
        tier_id: int | None,
        on_drop: DropHandler,
        covers: Callable[[ListEntry], Any] | None = None,
        numbered: bool = False,
    ) -> None:
        super().__init__()
        self.tier_id = tier_id
        self.on_drop = on_drop
        self.covers = covers
        self.numbered = numbered
        self._items: list[ListEntry] = []

    def set_items(self, items: Sequence[ListEntry]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ListEntry]:
        return list(self._items)

    # -- Qt API ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if not self.numbered:
                return item.title
            shown = tr("{rank}. {title}").format(rank=index.row() + 1, title=item.title)
            return tr("{book} — {note}").format(book=shown, note=item.note) if item.note else shown
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [item.title, item.author, item.note]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("{title} by {author}").format(
                title=item.title, author=item.author or tr("unknown author")
            )
        if role == Qt.ItemDataRole.DecorationRole and self.covers is not None:
            return self.covers(item)
        if role == ObjectRole:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop on the empty part of the view
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [BOOK_MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return book_mime(
            BookRef(self._items[r].asin, self._items[r].region, self._items[r].title, self._items[r].author)
            for r in rows
        )

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(BOOK_MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        books = books_from_mime(data)
        if not books:
            return False
        if row < 0 and parent.isValid():  # dropped onto an item: before it
            row = parent.row()
        self.on_drop(books, self.tier_id, row)
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # after a move the page reloads from the service
