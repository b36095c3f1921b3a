"""The sidebar: one row per registered page, with the count a page's badge reports (if any)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui import icons
from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.models.roles import BadgeRole, KeyRole, ObjectRole, SortRole
from rmab_desktop.ui.pages.registry import PageSpec

Index = QModelIndex | QPersistentModelIndex

tr = Translator("MainWindow")


class PagesModel(QAbstractListModel):
    def __init__(
        self, pages: list[PageSpec], icon_color: str = "#555555", selected_color: str = "#ffffff"
    ) -> None:
        super().__init__()
        self._pages = sorted(pages, key=lambda spec: (spec.order, spec.title))
        self._icon_color = icon_color
        self._selected_color = selected_color
        self._badges: dict[str, int] = {}

    def set_badge(self, key: str, count: int) -> None:
        """The count beside page ``key`` (0 hides it)."""
        row = self.row_of(key)
        if row < 0 or self._badges.get(key, 0) == count:
            return
        self._badges[key] = count
        self.dataChanged.emit(
            self.index(row),
            self.index(row),
            [BadgeRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole],
        )

    def badge(self, key: str) -> int:
        return self._badges.get(key, 0)

    def set_icon_colors(self, color: QColor | str, selected: QColor | str) -> None:
        self._icon_color = QColor(color).name()
        self._selected_color = QColor(selected).name()
        if self._pages:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._pages) - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        spec = self._pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(spec.title)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            count = self._badges.get(spec.key, 0)
            if not count:
                return text(spec.title)
            return tr("{page} ({count} waiting)", "a sidebar page with its badge").format(
                page=text(spec.title), count=number(count)
            )
        if role == BadgeRole:
            return self._badges.get(spec.key, 0)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon(spec.icon_name, self._icon_color, self._selected_color)
        if role == KeyRole:
            return spec.key
        if role == ObjectRole:
            return spec
        if role == SortRole:
            return spec.order
        return None

    def row_of(self, key: str) -> int:
        return next((row for row, spec in enumerate(self._pages) if spec.key == key), -1)

    def spec(self, row: int) -> PageSpec:
        return self._pages[row]

    @property
    def pages(self) -> list[PageSpec]:
        return list(self._pages)
