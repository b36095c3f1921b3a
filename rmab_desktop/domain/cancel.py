"""Cooperative cancellation shared by services and workers (Qt-free)."""

from __future__ import annotations

import threading

from rmab_desktop.domain.errors import CancelledError


class CancelToken:
    """A flag a long task checks between steps; ``raise_if_cancelled`` ends it cleanly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError("Cancelled")

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; returns True when cancelled meanwhile."""
        return self._event.wait(seconds)
