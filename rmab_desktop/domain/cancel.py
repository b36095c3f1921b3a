"""Cooperative cancellation shared by services and workers (Qt-free)."""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Iterator

from rmab_desktop.domain.errors import CancelledError

_CURRENT: contextvars.ContextVar[CancelToken | None] = contextvars.ContextVar("cancel_token", default=None)


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

    @contextlib.contextmanager
    def bound(self) -> Iterator[CancelToken]:
        """Make this the token of the running task, so calls deep below (HTTP) can honour it."""
        reset = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(reset)


def current_cancel_token() -> CancelToken | None:
    """The token bound by the task running on this thread, if any."""
    return _CURRENT.get()
