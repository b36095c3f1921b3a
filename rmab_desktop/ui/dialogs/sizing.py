"""Column widths that make room for the column titles in every language.

German titles run about a third longer than English ones: a width chosen for the English title
would cut the translated one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

HEADER_PADDING = 40  # the sort arrow and the section's margins


def title_width(view: QTableView, column: int) -> int:
    """The width the column's title needs, in pixels."""
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return view.horizontalHeader().fontMetrics().horizontalAdvance(title) + HEADER_PADDING


def set_column_widths(view: QTableView, widths: dict[int, int]) -> None:
    """Preferred widths, each widened to fit its title."""
    for column, width in widths.items():
        view.setColumnWidth(column, max(width, title_width(view, column)))


def fit_titles(view: QTableView) -> None:
    """A small settings table: every column as wide as its title or contents, the last one stretched."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
