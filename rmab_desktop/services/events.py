"""A small in-process event bus: services publish what happened, listeners react.

Listeners run on the publishing thread (often a worker); the UI marshals to the GUI thread
itself. A failing listener is logged and never breaks the publisher.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from rmab_desktop.domain import correlation

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    REQUEST_CREATED = "request_created"
    AWAITING_APPROVAL = "awaiting_approval"
    REQUEST_APPROVED = "request_approved"
    REQUEST_DENIED = "request_denied"
    DOWNLOADING = "downloading"  # a release was grabbed
    AVAILABLE = "available"
    FAILED = "failed"
    ISSUE_REPORTED = "issue_reported"
    SERVICE_DOWN = "service_down"
    SERVICE_RECOVERED = "service_recovered"
    WATCH_FOUND = "watch_found"  # a watched author or series has a new book, now requested


@dataclass(frozen=True)
class AppEvent:
    kind: EventKind
    title: str
    message: str
    request_id: int | None = None
    user_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    ref: str = ""  # correlation reference (req-12 job-345), stamped by EventBus.publish


def stamped(event: AppEvent) -> AppEvent:
    """The event with its correlation reference: its request, and the job publishing it if any."""
    if event.ref:
        return event
    bound = correlation.current() or correlation.Correlation()
    ref = correlation.Correlation(event.request_id or bound.request_id, bound.job_id).ref
    return replace(event, ref=ref) if ref else event


Listener = Callable[[AppEvent], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: AppEvent) -> None:
        event = stamped(event)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("Event listener failed for %s", event.kind)
