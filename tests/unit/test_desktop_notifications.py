"""Which events reach the tray of the person at this desktop."""

from __future__ import annotations

from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.services.notifications.desktop import for_desktop

ALICE = UserInfo(1, "alice", "Alice", Role.USER)
ADMIN = UserInfo(2, "root", "Root", Role.ADMIN)


def event(kind: EventKind, user_id: int | None = 1) -> AppEvent:
    return AppEvent(kind, f"{kind.value}: Dune", "Dune by Frank Herbert", request_id=7, user_id=user_id)


def test_own_request_events_reach_their_user_only() -> None:
    shown = for_desktop(event(EventKind.AVAILABLE), ALICE)
    assert shown is not None and shown.level == "success" and "Dune" in shown.title
    assert for_desktop(event(EventKind.AVAILABLE, user_id=3), ALICE) is None
    assert for_desktop(event(EventKind.REQUEST_CREATED), ALICE) is None  # you just did it
    assert for_desktop(event(EventKind.WATCH_FOUND), ALICE) is not None  # a watch did it for you
    assert for_desktop(event(EventKind.WATCH_FOUND, user_id=3), ALICE) is None


def test_admins_see_what_needs_them_but_not_others_progress() -> None:
    assert for_desktop(event(EventKind.AWAITING_APPROVAL, user_id=1), ADMIN) is not None
    assert for_desktop(event(EventKind.AWAITING_APPROVAL, user_id=1), ALICE) is None
    assert for_desktop(event(EventKind.DOWNLOADING, user_id=1), ADMIN) is None
    failed = for_desktop(event(EventKind.FAILED, user_id=1), ADMIN)
    assert failed is not None and failed.level == "error"
    down = for_desktop(AppEvent(EventKind.SERVICE_DOWN, "Prowlarr is down", "refused"), ADMIN)
    assert down is not None and down.level == "warning"
    assert for_desktop(AppEvent(EventKind.SERVICE_DOWN, "Prowlarr is down", "refused"), ALICE) is None


def test_single_user_mode_sees_everything_but_its_own_new_requests() -> None:
    kinds = [k for k in EventKind if for_desktop(event(k), None) is not None]
    assert EventKind.REQUEST_CREATED not in kinds and len(kinds) == len(EventKind) - 1


def test_a_member_who_joined_the_request_hears_that_it_arrived() -> None:
    joined = AppEvent(
        EventKind.AVAILABLE, "Available: Dune", "", request_id=7, user_id=3, data={"member_ids": [1]}
    )
    assert for_desktop(joined, ALICE) is not None
    assert for_desktop(event(EventKind.AVAILABLE, user_id=3), ALICE) is None  # not a member


def test_an_admins_own_report_is_not_news_to_them_but_others_are() -> None:
    assert for_desktop(event(EventKind.ISSUE_REPORTED, user_id=ADMIN.id), ADMIN) is None
    assert for_desktop(event(EventKind.ISSUE_REPORTED, user_id=ALICE.id), ADMIN) is not None
