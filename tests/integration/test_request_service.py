"""The request lifecycle over a real database: duplicates, joining, approval, release day, events."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord, LibraryItem
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import JobStatus, Permission, RequestKind, RequestStatus, Role
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.requests import (
    AlreadyInLibraryError,
    DuplicateRequestError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from rmab_desktop.services.catalog.cache import CatalogCache
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import ApprovalSettings, RequestService, UserService

TODAY = date(2026, 6, 1)
BOOKS = {
    "B0AAAAAAA1": CatalogBook(
        "B0AAAAAAA1",
        "Dune",
        authors=(Person("Frank Herbert"),),
        narrators=("Scott Brick",),
        release_date=date(2007, 1, 1),
    ),
    "B0AAAAAAA2": CatalogBook(
        "B0AAAAAAA2",
        "Dune (Full-Cast Edition)",
        authors=(Person("Frank Herbert"),),
        narrators=("Cast",),
        release_date=date(2008, 1, 1),
    ),
    "B0FUTURE01": CatalogBook(
        "B0FUTURE01", "Tomorrow", authors=(Person("Kay Later"),), release_date=date(2026, 6, 20)
    ),
}


class World:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.queue = JobQueue(database)
        self.events: list[AppEvent] = []
        bus = EventBus()
        bus.subscribe(self.events.append)
        self.users = UserService(database, ConfigStore(database))
        self.today = TODAY
        self.requests = RequestService(
            database,
            self.queue,
            bus,
            self.users,
            lambda asin, region: replace(BOOKS[asin], region=region),
            today=lambda: self.today,
        )
        self.admin = self.users.default_user()
        self.alice = self.users.create("alice", password="correct horse")
        self.bob = self.users.create("bob")

    def search_jobs(self) -> list[JobRecord]:
        with self.database.session() as session:
            return list(
                session.query(JobRecord)
                .filter(JobRecord.type == JobType.REQUESTS_SEARCH)
                .order_by(JobRecord.id)
            )


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    yield World(database)


def test_single_user_request_is_approved_and_queued(world: World) -> None:
    outcome = world.requests.create("B0AAAAAAA1", "uk")
    request = outcome.request
    assert request.status == RequestStatus.AWAITING_SEARCH and request.region == "uk"
    assert request.user_id == world.admin.id and request.book.title == "Dune"
    jobs = world.search_jobs()
    assert [(j.payload["request_id"], j.request_id, j.status) for j in jobs] == [
        (request.id, request.id, "queued")
    ]
    timeline = world.requests.timeline(request.id)
    assert [e.metadata.get("to") for e in timeline if e.context == "request"][-1] == "awaiting_search"
    assert [e.kind for e in world.events] == [EventKind.REQUEST_CREATED]


def test_duplicate_refused_other_user_joins_work_counts(world: World) -> None:
    first = world.requests.create("B0AAAAAAA1", "us", user=world.alice).request
    with pytest.raises(DuplicateRequestError, match="already requested this book"):
        world.requests.create("B0AAAAAAA1", "us", user=world.alice)
    # Another edition of the same work is also a duplicate for the same user.
    with pytest.raises(DuplicateRequestError, match="another edition"):
        world.requests.create("B0AAAAAAA2", "us", user=world.alice)
    joined = world.requests.create("B0AAAAAAA2", "us", user=world.bob)
    assert joined.joined and joined.request.id == first.id and world.bob.id in joined.request.member_ids
    assert "added to that request" in joined.message
    assert [r.id for r in world.requests.list(user_id=world.bob.id)] == [first.id]
    assert len(world.search_jobs()) == 1


def test_approval_for_non_admin(world: World) -> None:
    world.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    waiting = world.requests.create("B0AAAAAAA1", "us", user=world.alice, with_ebook=True)
    assert waiting.request.status == RequestStatus.AWAITING_APPROVAL
    assert waiting.ebook is not None and waiting.ebook.kind == RequestKind.EBOOK
    assert waiting.ebook.parent_id == waiting.request.id
    assert not world.search_jobs()
    assert EventKind.AWAITING_APPROVAL in [e.kind for e in world.events]
    with pytest.raises(PermissionDeniedError):
        world.requests.approve(waiting.request.id, admin=world.bob)
    approved = world.requests.approve(waiting.request.id, "enjoy", admin=world.admin)
    assert approved.status == RequestStatus.AWAITING_SEARCH and approved.approval_note == "enjoy"
    assert world.requests.get(waiting.ebook.id).status == RequestStatus.AWAITING_SEARCH
    assert len(world.search_jobs()) == 2
    with pytest.raises(InvalidTransitionError):
        world.requests.approve(waiting.request.id, admin=world.admin)
    # Per-user override wins over the household default.
    world.users.set_permission(world.bob.id, Permission.AUTO_APPROVE, True)
    assert (
        world.requests.create("B0FUTURE01", "us", user=world.bob).request.status
        == RequestStatus.AWAITING_RELEASE
    )


def test_deny_with_note_then_request_again(world: World) -> None:
    world.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    request = world.requests.create("B0AAAAAAA1", "us", user=world.alice).request
    denied = world.requests.deny(request.id, "not now", admin=world.admin)
    assert denied.status == RequestStatus.DENIED and "not now" in (denied.status_message or "")
    assert world.events[-1].kind == EventKind.REQUEST_DENIED
    again = world.requests.create("B0AAAAAAA1", "us", user=world.alice).request  # replaces the denied one
    assert again.status == RequestStatus.AWAITING_APPROVAL
    with pytest.raises(NotFoundError):
        world.requests.get(request.id)


def test_unreleased_waits_until_release_day(world: World) -> None:
    request = world.requests.create("B0FUTURE01", "us").request
    assert request.status == RequestStatus.AWAITING_RELEASE and not world.search_jobs()
    assert world.requests.release_due() == []
    world.today = date(2026, 6, 20)
    assert world.requests.release_due() == [request.id]
    assert world.requests.get(request.id).status == RequestStatus.AWAITING_SEARCH
    assert len(world.search_jobs()) == 1


def test_cancel_retry_delete_and_permissions(world: World) -> None:
    request = world.requests.create("B0AAAAAAA1", "us", user=world.alice).request
    with pytest.raises(PermissionDeniedError):
        world.requests.cancel(request.id, user=world.bob)
    cancelled = world.requests.cancel(request.id, user=world.alice)
    assert cancelled.status == RequestStatus.CANCELLED
    assert [j.status for j in world.search_jobs()] == [JobStatus.CANCELLED.value]
    with pytest.raises(InvalidTransitionError):
        world.requests.cancel(request.id, user=world.alice)
    retried = world.requests.retry(request.id, user=world.alice)
    assert retried.status == RequestStatus.AWAITING_SEARCH and len(world.search_jobs()) == 2
    world.requests.delete(request.id, user=world.admin)
    assert world.requests.list() == []
    assert [j.status for j in world.search_jobs()][-1] == JobStatus.CANCELLED.value


def test_pipeline_contract(world: World) -> None:
    request = world.requests.create("B0AAAAAAA1", "us").request
    world.requests.set_status(request.id, RequestStatus.SEARCHING, "Searching indexers", job_id=None, tier=1)
    world.requests.set_status(request.id, RequestStatus.DOWNLOADING, "Grabbed X")
    world.requests.update_progress(request.id, 0.5, speed_bps=1000, eta_seconds=60)
    assert world.requests.increment_attempts(request.id, "search") == 1
    details = world.requests.get(request.id)
    assert (details.progress, details.speed_bps, details.eta_seconds, details.search_attempts) == (
        0.5,
        1000,
        60,
        1,
    )
    world.requests.set_status(request.id, RequestStatus.AVAILABLE, "In the library")
    kinds = [e.kind for e in world.events]
    assert kinds[-2:] == [EventKind.DOWNLOADING, EventKind.AVAILABLE]
    steps = [
        (e.metadata["from"], e.metadata["to"])
        for e in world.requests.timeline(request.id)
        if "from" in e.metadata
    ]
    assert steps[-3:] == [
        ("awaiting_search", "searching"),
        ("searching", "downloading"),
        ("downloading", "available"),
    ]
    assert world.requests.get(request.id).completed_at is not None


def test_already_in_library_is_refused_per_work(world: World) -> None:
    CatalogCache(world.database).store([BOOKS["B0AAAAAAA1"], BOOKS["B0AAAAAAA2"]])
    with world.database.session() as session:
        session.add(LibraryItem(backend="folder", external_id="d", title="Dune", asin="B0AAAAAAA1"))
    with pytest.raises(AlreadyInLibraryError, match="already in your library"):
        world.requests.create("B0AAAAAAA1", "us")
    with pytest.raises(AlreadyInLibraryError):
        world.requests.create("B0AAAAAAA2", "us")  # another edition of an owned work


def test_users_and_passwords(world: World) -> None:
    assert world.users.check_password("alice", "correct horse") == world.alice
    assert world.users.check_password("alice", "wrong") is None
    with pytest.raises(PermissionDeniedError):
        world.users.set_role(world.admin.id, Role.USER)
    assert world.users.is_household()


def test_ebook_only_requests_and_the_ebook_of_an_owned_audiobook(world: World) -> None:
    with world.database.session() as session:
        session.add(
            LibraryItem(backend="folder", external_id="d", title="Dune", asin="B0AAAAAAA1", format="m4b")
        )
    with pytest.raises(AlreadyInLibraryError):
        world.requests.create("B0AAAAAAA1", "us")  # the audiobook is here ...

    outcome = world.requests.create("B0AAAAAAA1", "us", ebook_only=True)  # ... its ebook is not

    assert outcome.request.kind == RequestKind.EBOOK and outcome.ebook is None
    assert outcome.request.status == RequestStatus.AWAITING_SEARCH
    assert [j.request_id for j in world.search_jobs()] == [outcome.request.id]  # searched as an ebook
    with pytest.raises(DuplicateRequestError):
        world.requests.create("B0AAAAAAA1", "us", ebook_only=True)
    with world.database.session() as session:
        session.add(
            LibraryItem(
                backend="folder", external_id="t", title="Tomorrow", asin="B0FUTURE01", ebook_formats=["epub"]
            )
        )
    with pytest.raises(AlreadyInLibraryError, match="ebook"):
        world.requests.create("B0FUTURE01", "us", ebook_only=True)


def test_request_again_a_book_already_in_the_library_after_the_question(world: World) -> None:
    CatalogCache(world.database).store([BOOKS["B0AAAAAAA1"], BOOKS["B0AAAAAAA2"]])
    with world.database.session() as session:
        session.add(LibraryItem(backend="folder", external_id="d", title="Dune", asin="B0AAAAAAA1"))
    with pytest.raises(AlreadyInLibraryError):
        world.requests.create("B0AAAAAAA2", "us")  # the question the UI and CLI ask first

    outcome = world.requests.create("B0AAAAAAA2", "us", again=True)  # another edition, on purpose

    assert (
        outcome.request.status == RequestStatus.AWAITING_SEARCH and outcome.request.book.asin == "B0AAAAAAA2"
    )
    world.requests.set_status(outcome.request.id, RequestStatus.AVAILABLE, "imported")
    with pytest.raises(AlreadyInLibraryError):
        world.requests.create("B0AAAAAAA2", "us")  # without "again" the question comes first
    assert world.requests.create("B0AAAAAAA2", "us", again=True).request.id != outcome.request.id
