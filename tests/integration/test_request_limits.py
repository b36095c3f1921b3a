"""Request limits over a real database: the household default and a user's own limits per day and
per week; requests beyond them wait in "Waiting for request limit" and go ahead when the window
allows (the release check); admins are exempt unless they opt in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import Permission, RequestKind, RequestStatus
from rmab_desktop.domain.i18n import text
from rmab_desktop.domain.requests import STATUS_LABELS, UserInfo
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import RequestLimits, RequestService, UserService

BOOKS = {
    f"B0LIMIT{i:03d}": CatalogBook(
        f"B0LIMIT{i:03d}", f"Book {i}", authors=(Person("Kay Writer"),), release_date=date(2020, 1, 1)
    )
    for i in range(12)
}
ASINS = list(BOOKS)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class World:
    def __init__(self, database: Database) -> None:
        self.clock = Clock()
        self.users = UserService(database, ConfigStore(database))
        self.requests = RequestService(
            database,
            JobQueue(database),
            EventBus(),
            self.users,
            lambda asin, region: replace(BOOKS[asin], region=region or "us"),
            today=lambda: self.clock.now.date(),
            clock=self.clock,
        )
        self.admin = self.users.default_user()
        self.alice = self.users.create("alice")
        self.made = 0

    def request(self, user: UserInfo, **options: bool) -> RequestStatus:
        asin = ASINS[self.made]
        self.made += 1
        return self.requests.create(asin, user=user, **options).request.status


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_requests_beyond_the_daily_limit_wait_and_go_ahead_next_day(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=2))
    assert [world.request(world.alice) for _ in range(3)] == [
        RequestStatus.AWAITING_SEARCH,
        RequestStatus.AWAITING_SEARCH,
        RequestStatus.AWAITING_LIMIT,
    ]
    [waiting] = world.requests.list(statuses=[RequestStatus.AWAITING_LIMIT])
    assert (
        waiting.status_label
        == "Waiting for request limit"
        == text(STATUS_LABELS[RequestStatus.AWAITING_LIMIT])
    )
    assert waiting.status_message == "Over the request limit; goes ahead after 2026-06-02 09:00 UTC"
    world.clock.now += timedelta(hours=23)
    assert world.requests.release_limited() == []
    world.clock.now += timedelta(hours=1, minutes=1)
    assert world.requests.release_limited() == [waiting.id]
    assert world.requests.get(waiting.id).status == RequestStatus.AWAITING_SEARCH
    # the released request counts from now: one more fits in the window, then the next waits
    assert [world.request(world.alice) for _ in range(2)] == [
        RequestStatus.AWAITING_SEARCH,
        RequestStatus.AWAITING_LIMIT,
    ]


def test_the_weekly_limit_counts_seven_days(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=5, per_week=3))
    statuses = []
    for _ in range(4):
        statuses.append(world.request(world.alice))
        world.clock.now += timedelta(days=1)
    assert statuses[-1] == RequestStatus.AWAITING_LIMIT and statuses.count(RequestStatus.AWAITING_SEARCH) == 3
    world.clock.now = datetime(2026, 6, 8, 9, 1, tzinfo=UTC)  # the first request left the week
    assert len(world.requests.release_limited()) == 1


def test_a_users_own_limits_replace_the_household_default(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=1))
    world.users.set_user_limits(world.alice.id, RequestLimits(per_day=3))
    assert [world.request(world.alice) for _ in range(4)].count(RequestStatus.AWAITING_LIMIT) == 1
    unlimited = world.users.set_user_limits(world.alice.id, RequestLimits())
    assert unlimited.own and unlimited.limits.unlimited
    assert world.request(world.alice) == RequestStatus.AWAITING_SEARCH
    back = world.users.set_user_limits(world.alice.id, None)
    assert not back.own and back.limits == RequestLimits(per_day=1)


def test_admins_are_exempt_unless_they_opt_in(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=1))
    assert [world.request(world.admin) for _ in range(3)] == [RequestStatus.AWAITING_SEARCH] * 3
    world.users.set_user_limits(world.admin.id, None, admin_opt_in=True)
    assert world.request(world.admin) == RequestStatus.AWAITING_LIMIT  # three already today


def test_a_waiting_request_goes_to_approval_when_let_through(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=1))
    world.users.set_permission(world.alice.id, Permission.AUTO_APPROVE, False)
    assert world.request(world.alice) == RequestStatus.AWAITING_APPROVAL
    assert world.request(world.alice, with_ebook=True) == RequestStatus.AWAITING_LIMIT
    [ebook] = world.requests.list(kind=RequestKind.EBOOK)
    assert ebook.status == RequestStatus.AWAITING_LIMIT  # the ebook waits with its audiobook
    world.clock.now += timedelta(days=1, minutes=1)
    [released] = world.requests.release_limited()
    assert world.requests.get(released).status == RequestStatus.AWAITING_APPROVAL
    assert world.requests.get(ebook.id).status == RequestStatus.AWAITING_APPROVAL


def test_a_waiting_request_can_be_cancelled(world: World) -> None:
    world.users.set_household_limits(RequestLimits(per_day=1))
    world.request(world.alice)
    world.request(world.alice)
    [waiting] = world.requests.list(statuses=[RequestStatus.AWAITING_LIMIT])
    assert world.requests.cancel(waiting.id, user=world.alice).status == RequestStatus.CANCELLED
    world.clock.now += timedelta(days=2)
    assert world.requests.release_limited() == []


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        RequestLimits(per_day=0)
