"""A table filter box that also takes a correlation reference such as ``req-12`` or ``job-345``.

Free text filters the row's text as usual; a reference shows exactly the rows of that request
(and job), not every row whose text merely contains ``req-12`` (``req-123`` would match).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from rmab_desktop.domain import correlation
from rmab_desktop.ui.models.roles import FilterRole, ObjectRole, SortRole

Ids = Callable[[Any], tuple[int | None, int | None]]  # row object -> (request id, job id)


class ReferenceFilterProxy(QSortFilterProxyModel):
    def __init__(self, ids: Ids) -> None:
        super().__init__()
        self._ids = ids
        self._reference: correlation.Correlation | None = None
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        """What the user typed into the filter box: a reference, or any text."""
        self.beginFilterChange()
        self._reference = correlation.parse(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.setFilterFixedString("" if self._reference is not None else text)

    def row_object(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> Any:
        model = self.sourceModel()
        return model.data(model.index(source_row, 0, source_parent), ObjectRole)

    def text_accepts(
        self, item: Any, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._reference is not None:
            return self._reference.matches(*self._ids(item))
        return super().filterAcceptsRow(source_row, source_parent)
