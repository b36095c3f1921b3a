"""The heading every main page starts with: its title, one line saying what it is for, and the
page's own buttons on the right. Styled by the theme (``QLabel#pageTitle``, ``#pageSubtitle``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

PAGE_MARGINS = (24, 18, 24, 16)
PAGE_SPACING = 10


class PageHeader(QWidget):
    def __init__(self, title: str, description: str, *actions: QWidget) -> None:
        super().__init__()
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.description = QLabel(description, wordWrap=True)
        self.description.setObjectName("pageSubtitle")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.description)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(texts, 1)
        for action in actions:
            row.addWidget(action, 0, Qt.AlignmentFlag.AlignBottom)


def page_layout(page: QWidget) -> QVBoxLayout:
    """The page's main layout with the margins and spacing every main page uses."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(PAGE_SPACING)
    return layout
