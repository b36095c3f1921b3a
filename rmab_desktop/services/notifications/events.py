"""Which app events a notification backend can subscribe to, and how each one reads."""

from __future__ import annotations

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.events import AppEvent, EventKind

tr = Translator("NotificationEvents")

# The choices offered per backend, in the order the settings show them (through i18n.text).
EVENT_LABELS: dict[EventKind, str] = {
    EventKind.REQUEST_CREATED: tr.mark("Request created"),
    EventKind.AWAITING_APPROVAL: tr.mark("Awaiting approval"),
    EventKind.REQUEST_APPROVED: tr.mark("Request approved"),
    EventKind.REQUEST_DENIED: tr.mark("Request denied"),
    EventKind.DOWNLOADING: tr.mark("Grabbed / downloading"),
    EventKind.AVAILABLE: tr.mark("Available in the library"),
    EventKind.FAILED: tr.mark("Failed"),
    EventKind.ISSUE_REPORTED: tr.mark("Issue reported"),
    EventKind.SERVICE_DOWN: tr.mark("Service down"),
    EventKind.SERVICE_RECOVERED: tr.mark("Service recovered"),
}

DEFAULT_EVENTS: frozenset[EventKind] = frozenset(
    {
        EventKind.AWAITING_APPROVAL,
        EventKind.AVAILABLE,
        EventKind.FAILED,
        EventKind.ISSUE_REPORTED,
    }
)

# Apprise notify types (plain strings, so this module needs no apprise import).
_NOTIFY_TYPES: dict[EventKind, str] = {
    EventKind.REQUEST_APPROVED: "success",
    EventKind.AVAILABLE: "success",
    EventKind.SERVICE_RECOVERED: "success",
    EventKind.REQUEST_DENIED: "warning",
    EventKind.ISSUE_REPORTED: "warning",
    EventKind.FAILED: "failure",
    EventKind.SERVICE_DOWN: "failure",
}

_BOOK_KEYS = ("book_title", "title")


def parse_events(values: list[str] | tuple[str, ...] | frozenset[str]) -> frozenset[EventKind]:
    """Stored event names to kinds; names from a newer version are ignored, not fatal."""
    known = {kind.value for kind in EventKind}
    return frozenset(EventKind(value) for value in values if value in known)


def notify_type(kind: EventKind) -> str:
    return _NOTIFY_TYPES.get(kind, "info")


def render(event: AppEvent) -> tuple[str, str]:
    """(title, body) of a notification; the body always names the book when the event has one."""
    title = event.title or EVENT_LABELS.get(event.kind, event.kind.value)
    body = event.message or EVENT_LABELS.get(event.kind, event.kind.value)
    book = next((str(event.data[key]) for key in _BOOK_KEYS if event.data.get(key)), "")
    author = str(event.data.get("author") or event.data.get("authors") or "")
    if book and book not in title and book not in body:
        body = f"{body}\n{book}" + (f" by {author}" if author else "")
    return title, body
