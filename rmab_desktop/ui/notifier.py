"""Notifications: ``notifier.notify(title, message, level)`` from any thread.

The app shows them as tray balloons when the OS has a tray, else as in-app toasts. Both are
reached through :class:`Notifier`; tests use :class:`RecordingNotifier`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Level = Literal["info", "success", "warning", "error"]
LEVELS: tuple[str, ...] = ("info", "success", "warning", "error")


class Notifier(Protocol):
    def notify(self, title: str, message: str, level: str = "info") -> None: ...


class RecordingNotifier:
    """Keeps every notification in ``sent``; for tests and headless use."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    def notify(self, title: str, message: str, level: str = "info") -> None:
        self.sent.append((title, message, level))


Presenter = Callable[[str, str, str], None]


class AppNotifier(QObject):
    """Thread-safe front: ``notify`` may be called from a worker; presentation runs on the GUI thread.

    The presenter (tray balloon or toast) is chosen by the composition root and can change at
    run time (the tray may appear or vanish).
    """

    _posted = Signal(str, str, str)

    def __init__(self, presenter: Presenter | None = None) -> None:
        super().__init__()
        self._presenter = presenter
        self.history: list[tuple[str, str, str]] = []
        self._posted.connect(self._present, Qt.ConnectionType.QueuedConnection)

    def set_presenter(self, presenter: Presenter | None) -> None:
        self._presenter = presenter

    def notify(self, title: str, message: str, level: str = "info") -> None:
        self._posted.emit(title, message, level if level in LEVELS else "info")

    @Slot(str, str, str)
    def _present(self, title: str, message: str, level: str) -> None:
        self.history.append((title, message, level))
        del self.history[:-100]
        log.info("Notification (%s): %s - %s", level, title, message)
        if self._presenter is not None:
            self._presenter(title, message, level)
