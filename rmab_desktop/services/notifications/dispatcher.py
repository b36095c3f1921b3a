"""Runs event listeners on one background thread instead of the publisher's.

A publisher may still hold a database transaction when it publishes; on SQLite a listener that
writes from the same thread would wait for a lock its own caller holds. Handing events to this
thread lets the publisher commit first, and keeps it fast.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
_STOP = object()


class BackgroundDispatcher(Generic[T]):
    def __init__(self, handler: Callable[[T], object], name: str) -> None:
        self._handler = handler
        self._name = name
        self._items: queue.Queue[object] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, item: T) -> None:
        self._ensure_thread()
        self._items.put(item)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted item was handled; True when the queue drained in time."""
        done = threading.Event()
        self._ensure_thread()
        self._items.put(done)
        return done.wait(timeout)

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()

    def close(self, timeout: float = 10.0) -> None:
        thread = self._thread
        if thread is None or not thread.is_alive():
            return
        self._items.put(_STOP)
        thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._items.get()
            if item is _STOP:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                self._handler(item)  # type: ignore[arg-type]
            except Exception:
                log.exception("%s failed to handle %r", self._name, item)
