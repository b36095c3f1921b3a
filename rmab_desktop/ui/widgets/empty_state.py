"""A friendly placeholder for empty lists: an icon, a title, a sentence of help, an optional button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from rmab_desktop.ui import icons


class EmptyState(QWidget):
    def __init__(
        self,
        icon_name: str,
        title: str,
        text: str,
        action_text: str = "",
        action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(8)
        layout.addStretch(1)
        self.icon_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter)
        self.title_label.setObjectName("emptyTitle")
        self.text_label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
        self.text_label.setObjectName("emptyText")
        self.text_label.setWordWrap(True)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        if action_text and action is not None:
            button = QPushButton(action_text)
            button.clicked.connect(action)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._tint()

    def set_text(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)

    def _tint(self) -> None:
        color = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.icon_label.setPixmap(icons.icon(self._icon_name, color).pixmap(48, 48))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._tint()
        super().changeEvent(event)
