"""Watching authors and series against the stand-in Audible server, on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem, WatchedEntity
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.watching import BookState, Outcome, WatchKind, WatchMode
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.watching import WatchService
from tests.fakes.audible_server import FakeAudible
from tests.integration.test_catalog_service import make_service

WATCH_MADE = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TODAY = date(2026, 12, 3)

MARA = {"asin": "B0AUMARA01", "name": "Mara Quell"}
NAMESAKE = {"asin": "B0AUMARA99", "name": "Mara Quell"}  # another writer with the same name
NIA = {"asin": "B0AUNIA001", "name": "Nia Quell"}  # the same surname
SERIES = {"asin": "B0SERLANT1", "title": "Lantern Cycle"}


def product(asin: str, title: str, author: dict[str, str], released: str, **extra: Any) -> dict[str, Any]:
    return {
        "asin": asin,
        "title": title,
        "authors": [author],
        "narrators": [{"name": extra.pop("narrator", "Ivy Hale")}],
        "content_delivery_type": "SinglePartBook",
        "format_type": "unabridged",
        "language": "english",
        "release_date": released,
        "runtime_length_min": 600,
        "product_images": {"500": f"{{base}}/covers/{asin}._SL500_.jpg"},
        **extra,
    }


def in_series(position: str) -> dict[str, Any]:
    return {"series": [{**SERIES, "sequence": position, "url": f"/pd/{SERIES['asin']}"}]}


CATALOG = [
    # Mara Quell's back catalogue (the series), and her books after the watch was made.
    product("B0LANT0001", "The Lantern Road", MARA, "2019-03-09", **in_series("1")),
    product("B0LANT0002", "The Lantern Sea", MARA, "2021-05-11", **in_series("2")),
    product("B0LANT0003", "The Lantern Sky", MARA, "2023-08-01", **in_series("3")),
    product("B0LANT0004", "The Lantern Gate", MARA, "2026-09-15", **in_series("4")),
    product("B0MARANEW1", "A Quiet Harbour", MARA, "2026-10-20"),
    # The same new book, in a full-cast edition the user already has in the library.
    product("B0MARAFUL1", "Glass Orchard", MARA, "2026-11-02", narrator="Full Cast"),
    product("B0MARAFUL2", "Glass Orchard", MARA, "2026-11-02", narrator="Ivy Hale"),
    # A pre-order: out next year.
    product("B0MARAPRE1", "The Last Lantern", MARA, "2027-02-01"),
    # Namesake and same surname, published after the watch.
    product("B0NAMESAK1", "Mara's Other Life", NAMESAKE, "2026-10-01"),
    product("B0NIAQUEL1", "Quell the Storm", NIA, "2026-10-05"),
]


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible(products=[dict(p) for p in CATALOG])
    server.loose_author_search = True
    server.start()
    yield server
    server.stop()


class World:
    def __init__(self, database: Database, catalog: CatalogService) -> None:
        self.database = database
        self.users = UserService(database, ConfigStore(database))
        self.events = EventBus()
        self.published: list[AppEvent] = []
        self.events.subscribe(self.published.append)
        self.catalog = catalog
        self.requests = RequestService(
            database, JobQueue(database), self.events, self.users, catalog.book, today=lambda: TODAY
        )
        self.watching = WatchService(database, catalog, self.requests, self.events, today=lambda: TODAY)

    def watch(self, kind: WatchKind, asin: str, mode: WatchMode) -> int:
        watch = self.watching.add(kind, asin, mode=mode, region="us")
        with self.database.session() as session:  # the watch was made on WATCH_MADE
            session.execute(
                update(WatchedEntity).where(WatchedEntity.id == watch.id).values(created_at=WATCH_MADE)
            )
        return watch.id

    def asins(self) -> dict[str, str]:
        return {r.book.asin: r.status.value for r in self.requests.list()}

    def own(self, asin: str, title: str) -> None:
        with self.database.session() as session:
            session.add(LibraryItem(backend="folder", external_id=f"/books/{asin}", title=title, asin=asin))


@pytest.fixture
def world(database: Database, fake: FakeAudible, tmp_path: Path) -> Iterator[World]:
    catalog = make_service(database, fake.base_url, tmp_path / "covers")
    # Both editions of Glass Orchard are one work once the catalog has seen them.
    catalog.search("Glass Orchard", "us", field="title")
    yield World(database, catalog)
    catalog.close()


def test_author_new_releases_requests_exactly_the_new_books(world: World) -> None:
    world.own("B0MARAFUL1", "Glass Orchard")  # an edition of a new book is already here
    watch_id = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)

    result = world.watching.check(watch_id)

    assert result.error is None
    requested = world.asins()
    # Published after the watch: the fourth Lantern book, A Quiet Harbour and the pre-order.
    # Not the back catalogue, not the namesake's or Nia Quell's book, not Glass Orchard (owned edition).
    assert set(requested) == {"B0LANT0004", "B0MARANEW1", "B0MARAPRE1"}
    assert requested["B0MARAPRE1"] == RequestStatus.AWAITING_RELEASE.value  # pre-order waits for release day
    assert requested["B0MARANEW1"] == RequestStatus.AWAITING_SEARCH.value
    outcomes = {b.asin: b.outcome for b in result.found}
    assert outcomes.get("B0MARAFUL2", outcomes.get("B0MARAFUL1")) == Outcome.OWNED
    # One notification per new book.
    found = [e for e in world.published if e.kind == EventKind.WATCH_FOUND]
    assert sorted(e.data["asin"] for e in found) == ["B0LANT0004", "B0MARANEW1", "B0MARAPRE1"]
    assert all("Mara Quell" in e.title for e in found)


def test_a_second_check_creates_nothing_new(world: World) -> None:
    watch_id = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)
    world.watching.check(watch_id)
    before = world.asins()
    events_before = len(world.published)

    again = world.watching.check(watch_id)

    assert again.found == () and again.error is None
    assert world.asins() == before
    assert len(world.published) == events_before
    watch = world.watching.get(watch_id)
    assert watch.requested_count == len(before) and watch.last_checked_at is not None


def test_a_request_the_user_deleted_is_not_created_again(world: World) -> None:
    watch_id = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)
    world.watching.check(watch_id)
    deleted = next(r for r in world.requests.list() if r.book.asin == "B0MARANEW1")
    world.requests.delete(deleted.id)

    world.watching.check(watch_id)
    # A new watch of the same user (no memory of the first) does not bring it back either.
    world.watching.remove(watch_id)
    second = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)
    result = world.watching.check(second)

    assert "B0MARANEW1" not in world.asins()
    assert {b.asin: b.outcome for b in result.found}["B0MARANEW1"] == Outcome.REQUESTED_BEFORE


def test_series_back_catalogue_requests_exactly_the_missing_books(world: World) -> None:
    world.own("B0LANT0002", "The Lantern Sea")
    watch_id = world.watch(WatchKind.SERIES, SERIES["asin"], WatchMode.ALL)

    result = world.watching.check(watch_id)

    assert result.error is None
    assert set(world.asins()) == {"B0LANT0001", "B0LANT0003", "B0LANT0004"}
    _, books = world.watching.series_view(SERIES["asin"], "us")
    assert [b.book.asin for b in books] == ["B0LANT0001", "B0LANT0002", "B0LANT0003", "B0LANT0004"]
    assert [b.state for b in books] == [
        BookState.REQUESTED,
        BookState.IN_LIBRARY,
        BookState.REQUESTED,
        BookState.REQUESTED,
    ]


def test_next_mode_requests_only_the_book_after_the_last_one_owned(world: World) -> None:
    world.own("B0LANT0002", "The Lantern Sea")
    watch_id = world.watch(WatchKind.SERIES, SERIES["asin"], WatchMode.NEXT)

    world.watching.check(watch_id)
    assert set(world.asins()) == {"B0LANT0003"}

    world.watching.check(watch_id)  # the third book is requested, not here yet: nothing more
    assert set(world.asins()) == {"B0LANT0003"}
    world.own("B0LANT0003", "The Lantern Sky")  # it arrived: the fourth is next
    world.watching.check(watch_id)
    assert set(world.asins()) == {"B0LANT0003", "B0LANT0004"}


def test_ignored_books_and_works_are_never_requested_by_a_watch(world: World) -> None:
    user = world.users.current()
    world.requests.ignores.add(user.id, world.catalog.book("B0MARANEW1", "us"))
    world.requests.ignores.add(user.id, world.catalog.book("B0MARAFUL1", "us"), whole_work=True)
    watch_id = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)

    result = world.watching.check(watch_id)

    assert set(world.asins()) == {"B0LANT0004", "B0MARAPRE1"}
    outcomes = {b.asin: b.outcome for b in result.found}
    assert outcomes["B0MARANEW1"] == Outcome.IGNORED
    # A person pressing Request is not stopped by the list.
    world.requests.create("B0MARANEW1", "us")
    assert "B0MARANEW1" in world.asins()


def test_missing_in_series_lists_the_gaps_of_series_the_user_owns_part_of(world: World) -> None:
    world.own("B0LANT0002", "The Lantern Sea")
    world.catalog.book("B0LANT0002", "us")  # the library book is in the catalog cache

    gaps = world.watching.missing_in_series()

    assert [(g.title, g.owned) for g in gaps] == [("Lantern Cycle", 1)]
    assert [b.book.asin for b in gaps[0].missing] == ["B0LANT0001", "B0LANT0003", "B0LANT0004"]
    made, problems = world.watching.request_missing(gaps[0].missing)
    assert (made, problems) == (3, [])


def test_an_unreachable_catalog_is_the_checks_error_and_nothing_is_recorded(
    world: World, fake: FakeAudible
) -> None:
    watch_id = world.watch(WatchKind.AUTHOR, MARA["asin"], WatchMode.NEW)
    fake.fail_next("500", 10)
    try:
        result = world.watching.check(watch_id)
    finally:
        fake.fail_next("ok", 0)
    assert result.error and world.asins() == {}
    assert world.watching.get(watch_id).last_error == result.error
    assert world.watching.check(watch_id).requested  # the next check does the work


def test_only_the_watcher_or_an_administrator_changes_a_watch(world: World) -> None:
    from rmab_desktop.domain.enums import Role
    from rmab_desktop.domain.requests import PermissionDeniedError

    owner = world.users.create("owner")
    other = world.users.create("other")
    watch = world.watching.add(
        WatchKind.SERIES, SERIES["asin"], region="us", name="Lantern Cycle", user=owner
    )
    with pytest.raises(PermissionDeniedError):
        world.watching.update(watch.id, paused=True, user=other)
    with pytest.raises(PermissionDeniedError):
        world.watching.remove(watch.id, user=other)
    assert world.watching.update(watch.id, paused=True, user=owner).paused
    admin = world.users.set_role(other.id, Role.ADMIN)
    world.watching.remove(watch.id, user=admin)
    assert world.watching.list() == []


def test_watch_the_series_of_a_library_book(world: World) -> None:
    from rmab_desktop.domain.errors import ValidationError

    watch = world.watching.add_series_of("B0LANT0002", "us")
    assert (watch.kind, watch.asin, watch.name, watch.mode) == (
        WatchKind.SERIES,
        SERIES["asin"],
        "Lantern Cycle",
        WatchMode.NEW,
    )
    with pytest.raises(ValidationError, match="in no series"):
        world.watching.add_series_of("B0MARANEW1", "us")
    with pytest.raises(ValidationError, match="already watch"):
        world.watching.add_series_of("B0LANT0001", "us")
