"""Which app events a notification backend can subscribe to, and how each one reads."""

from __future__ import annotations

from collections.abc import Iterable

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.services.feature import EventSpec

tr = Translator("Notifications")  # the wording of a notification's body


class EventCatalog:
    """The event kinds the features declare (:class:`EventSpec`), in the order settings show them.

    Filled at composition from every feature's ``events``; notification settings, the choice
    of events per backend and the notification wording all read it.
    """

    def __init__(self, specs: Iterable[EventSpec] = ()) -> None:
        self._specs: dict[EventKind, EventSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: EventSpec) -> None:
        if spec.kind in self._specs:
            raise ValueError(f"Event kind {spec.kind} is declared twice.")
        self._specs[spec.kind] = spec

    def labels(self) -> dict[EventKind, str]:
        return {kind: spec.label for kind, spec in self._specs.items()}

    def label(self, kind: EventKind) -> str:
        spec = self._specs.get(kind)
        return text(spec.label) if spec is not None else kind.value

    def defaults(self) -> frozenset[EventKind]:
        """What a new backend notifies about until the user chooses."""
        return frozenset(kind for kind, spec in self._specs.items() if spec.notify_by_default)


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


def render(event: AppEvent, label: str = "") -> tuple[str, str]:
    """(title, body) of a notification; the body always names the book when the event has one.

    ``label`` (the kind's wording) stands in for an empty title or message. The body ends with the
    event's short correlation reference, which the Activity log filters by.
    """
    title = event.title or label or event.kind.value
    body = event.message or label or event.kind.value
    book = next((str(event.data[key]) for key in _BOOK_KEYS if event.data.get(key)), "")
    author = str(event.data.get("author") or event.data.get("authors") or "")
    if book and book not in title and book not in body:
        byline = tr("{title} by {author}").format(title=book, author=author) if author else book
        body = f"{body}\n{byline}"
    if event.ref:
        body = f"{body}\n" + tr("Reference: {ref}", "a notification's correlation id").format(ref=event.ref)
    return title, body
