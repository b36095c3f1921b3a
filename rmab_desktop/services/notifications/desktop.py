"""Which app events become a desktop (tray or in-app) notification for the person at this desktop.

Backends notify the household; the desktop notifies its user about *their own* requests, plus,
for admins, what needs them (approvals, reported issues, services down). A request you just
made yourself is not news, so ``request_created`` is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.services.notifications.events import render

OWN_REQUEST_EVENTS = frozenset(
    {
        EventKind.REQUEST_APPROVED,
        EventKind.REQUEST_DENIED,
        EventKind.DOWNLOADING,
        EventKind.AVAILABLE,
        EventKind.FAILED,
        EventKind.WATCH_FOUND,  # a watched author's or series' new book was requested for you
    }
)
ADMIN_EVENTS = frozenset(
    {
        EventKind.AWAITING_APPROVAL,
        EventKind.ISSUE_REPORTED,
        EventKind.SERVICE_DOWN,
        EventKind.SERVICE_RECOVERED,
        EventKind.FAILED,
    }
)
LEVELS = {
    EventKind.AVAILABLE: "success",
    EventKind.REQUEST_APPROVED: "success",
    EventKind.SERVICE_RECOVERED: "success",
    EventKind.REQUEST_DENIED: "warning",
    EventKind.ISSUE_REPORTED: "warning",
    EventKind.SERVICE_DOWN: "warning",
    EventKind.FAILED: "error",
}


@dataclass(frozen=True)
class DesktopNotification:
    title: str
    message: str
    level: str


def for_desktop(event: AppEvent, user: UserInfo | None) -> DesktopNotification | None:
    """The notification this desktop shows for ``event``, or None; ``user`` None means single user."""
    own = (
        user is None
        or event.user_id is None
        or event.user_id == user.id
        or user.id in event.data.get("member_ids", ())  # joined the request: theirs too
    )
    admin = user is None or user.is_admin
    if user is not None and event.kind == EventKind.ISSUE_REPORTED and event.user_id == user.id:
        return None  # an admin's own report is not news to them
    wanted = (own and event.kind in OWN_REQUEST_EVENTS) or (admin and event.kind in ADMIN_EVENTS)
    if not wanted:
        return None
    title, message = render(event)
    return DesktopNotification(title, message, LEVELS.get(event.kind, "info"))
