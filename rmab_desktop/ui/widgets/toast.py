"""In-app notifications for systems without a tray: small cards stacked in the window's corner."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGraphicsDropShadowEffect, QLabel, QVBoxLayout, QWidget

from rmab_desktop.ui import theme

TOAST_MS = {"info": 5000, "success": 5000, "warning": 8000, "error": 12000}
MAX_TOASTS = 4
TOAST_WIDTH = 340
MARGIN = 16


class Toast(QFrame):
    def __init__(self, title: str, message: str, level: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.level = level
        dark = parent.palette().window().color().lightness() < 128
        accent = theme.status_color(level, dark).name()
        c = theme.colors(dark)
        self.setStyleSheet(
            f"QFrame#toast {{ background: {c['base']}; border: 1px solid {c['border']};"
            f" border-left: 4px solid {accent}; border-radius: 8px; }}"
            " QLabel { background: transparent; border: none; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.title_label = QLabel(f"<b>{_escape(title)}</b>")
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        self.setGraphicsEffect(shadow)
        self.setFixedWidth(TOAST_WIDTH)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ToastHost(QObject):
    """Shows toasts over ``window``, newest at the bottom-right, each for a few seconds."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.toasts: list[Toast] = []
        window.installEventFilter(self)

    def show_toast(self, title: str, message: str, level: str = "info") -> Toast:
        toast = Toast(title, message, level, self._window)
        toast.destroyed.connect(lambda *_: self._forget(toast))
        toast.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.toasts.append(toast)
        while len(self.toasts) > MAX_TOASTS:
            self.toasts[0].close()
            self._forget(self.toasts[0])
        toast.adjustSize()
        toast.show()
        toast.raise_()
        QTimer.singleShot(TOAST_MS.get(level, 5000), toast, toast.close)
        self._layout()
        return toast

    def _forget(self, toast: Toast) -> None:
        if toast in self.toasts:
            self.toasts.remove(toast)
            if shiboken6.isValid(self._window):  # not while the window itself is going away
                self._layout()

    def _layout(self) -> None:
        bottom = self._window.height() - MARGIN - 24  # above the status bar
        for toast in reversed(self.toasts):
            toast.adjustSize()
            bottom -= toast.height()
            toast.move(self._window.width() - TOAST_WIDTH - MARGIN, bottom)
            bottom -= 8

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._layout()
        return False
