"""Reload a page while it is on screen: at once when it is shown, then every few seconds until it
is hidden (pages in the stack that are not shown cost nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class RefreshWhileVisible(QObject):
    def __init__(self, page: QWidget, reload: Callable[[], None], interval_ms: int) -> None:
        super().__init__(page)
        self._reload = reload
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(reload)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.timer.start()
            self._reload()
        elif event.type() == QEvent.Type.Hide:
            self.timer.stop()
        return False
