"""The sidebar: one row per registered page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from rmab_desktop.domain.i18n import text
from rmab_desktop.ui import icons
from rmab_desktop.ui.models.roles import KeyRole, ObjectRole, SortRole
from rmab_desktop.ui.pages.registry import PageSpec

Index = QModelIndex | QPersistentModelIndex


class PagesModel(QAbstractListModel):
    def __init__(
        self, pages: list[PageSpec], icon_color: str = "#555555", selected_color: str = "#ffffff"
    ) -> None:
        super().__init__()
        self._pages = sorted(pages, key=lambda spec: (spec.order, spec.title))
        self._icon_color = icon_color
        self._selected_color = selected_color

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text(spec.title)
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
