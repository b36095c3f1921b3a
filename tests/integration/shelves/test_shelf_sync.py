"""Shelves sync into requests for exactly the books that resolve confidently; the rest wait or retry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.enums import Permission
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.shelves import MappingStatus
from tests.fakes.audible_server import FakeAudible
from tests.fakes.goodreads_server import FakeGoodreads
from tests.fakes.hardcover_server import TOKEN, FakeHardcover, book
from tests.integration.shelves.world import World

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "shelves"


@pytest.fixture(scope="module")
def audible() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def goodreads() -> Iterator[FakeGoodreads]:
    with FakeGoodreads() as server:
        yield server


@pytest.fixture
def hardcover() -> Iterator[FakeHardcover]:
    with FakeHardcover() as server:
        yield server


@pytest.fixture
def world(
    database: Database, audible: FakeAudible, hardcover: FakeHardcover, tmp_path: Path
) -> Iterator[World]:
    audible.fail_next("ok", 0)
    w = World(database, audible, tmp_path / "covers", hardcover.graphql_url)
    yield w
    w.close()


def test_goodreads_shelf_requests_exactly_the_confident_matches(
    world: World, goodreads: FakeGoodreads
) -> None:
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    assert shelf.name == "Tess's bookshelf: to-read"
    result = world.shelves.sync(shelf.id)
    assert result.error is None and result.books == 4

    # "The Lantern Road (Lantern Cycle, #1)" and "The Chamber Below" resolve confidently.
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1"}
    rows = world.mappings(shelf.id)
    assert rows["The Lantern Road"].status == MappingStatus.REQUESTED
    assert rows["The Lantern Road"].series == "Lantern Cycle"
    assert rows["The Chamber Below"].asin == "B0TESTCLS1"  # the plain edition, not the full-cast one
    # Audible's "The Lantern Sea" is by Mara Quell, the shelf's by Orla Finch: held, never requested.
    held = rows["The Lantern Sea"]
    assert held.status == MappingStatus.CHOICE and held.request_id is None and held.asin is None
    assert [c["asin"] for c in held.candidates or []] == ["B0TESTFUT1"]
    assert rows["A Garden Nobody Recorded"].status == MappingStatus.NO_AUDIOBOOK

    summary = world.shelves.summary(shelf.id)
    assert summary.counts == {"requested": 2, "choice": 1, "no_audiobook": 1}
    assert summary.last_synced_at is not None and summary.last_error is None
    choices = world.shelves.choices()
    assert [(c.title, c.authors, c.candidates[0].title) for c in choices] == [
        ("The Lantern Sea", ("Orla Finch",), "The Lantern Sea")
    ]


def test_a_shelf_book_on_the_ignore_list_is_matched_but_never_requested(
    world: World, goodreads: FakeGoodreads
) -> None:
    world.requests.ignores.add(world.users.current().id, world.catalog.book("B0TESTCLS1", "us"))
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    world.shelves.sync(shelf.id)
    assert world.requested_asins() == {"B0TESTSER1"}
    ignored = world.mappings(shelf.id)["The Chamber Below"]
    assert ignored.status == MappingStatus.MATCHED and "ignore list" in ignored.note


def test_second_sync_adds_nothing_and_no_audiobook_is_retried_after_days(
    world: World, goodreads: FakeGoodreads, audible: FakeAudible
) -> None:
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    world.shelves.sync(shelf.id)
    searches = len(audible.paths("/1.0/catalog/products"))
    again = world.shelves.sync(shelf.id)
    assert again.added == 0 and again.counts == {}
    assert len(audible.paths("/1.0/catalog/products")) == searches  # nothing looked up twice

    world.later(days=5)
    retried = world.shelves.sync(shelf.id)
    assert retried.counts == {"no_audiobook": 1}
    assert len(audible.paths("/1.0/catalog/products")) > searches


def test_lookups_are_shared_across_users_and_providers(
    world: World, goodreads: FakeGoodreads, audible: FakeAudible, hardcover: FakeHardcover
) -> None:
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    world.shelves.sync(shelf.id)
    searches = len(audible.paths("/1.0/catalog/products"))

    bob = world.users.create("bob")
    world.users.set_permission(bob.id, Permission.AUTO_APPROVE, True)
    world.users.act_as(bob.id)
    hardcover.statuses[1] = [
        book(11, "The Chamber Below", "Jo Rowan"),
        book(12, "The Lantern Sea", "Orla Finch"),
    ]
    mine = world.shelves.add_hardcover("want-to-read", TOKEN)
    result = world.shelves.sync(mine.id)
    assert result.error is None
    assert len(audible.paths("/1.0/catalog/products")) == searches  # both answered from the first shelf
    rows = world.mappings(mine.id)
    assert rows["The Chamber Below"].status == MappingStatus.REQUESTED  # bob joins the request
    assert rows["The Lantern Sea"].status == MappingStatus.CHOICE
    assert world.credentials.get(world.shelves.hardcover_secret(bob.id)) == TOKEN


def test_choosing_a_candidate_requests_it_and_removing_the_shelf_keeps_requests(
    world: World, goodreads: FakeGoodreads
) -> None:
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    world.shelves.sync(shelf.id)
    choice = world.shelves.choices()[0]
    with pytest.raises(ValidationError):
        world.shelves.choose(choice.mapping_id, "B0TESTSER1")  # not offered for this book
    assert world.shelves.choose(choice.mapping_id, "B0TESTFUT1") == MappingStatus.REQUESTED
    assert "B0TESTFUT1" in world.requested_asins()
    assert world.shelves.choices() == []

    world.shelves.remove(shelf.id)
    assert world.shelves.list() == []
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1", "B0TESTFUT1"}


def test_a_paused_shelf_maps_but_requests_nothing(world: World, goodreads: FakeGoodreads) -> None:
    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    world.shelves.set_paused(shelf.id, True)
    world.shelves.sync(shelf.id)
    assert world.requested_asins() == set()
    assert world.mappings(shelf.id)["The Chamber Below"].status == MappingStatus.MATCHED
    world.shelves.set_paused(shelf.id, False)
    world.shelves.sync(shelf.id)
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1"}


def test_csv_exports_of_goodreads_and_storygraph(world: World) -> None:
    goodreads = world.shelves.add_csv(FIXTURES / "goodreads_library_export.csv")
    assert goodreads.name == "Goodreads export (to-read)"
    assert world.shelves.summary(goodreads.id).counts == {"new": 1}  # the read book is not wanted
    storygraph = world.shelves.add_csv(FIXTURES / "storygraph_export.csv", "all")
    world.shelves.sync(goodreads.id)
    world.shelves.sync(storygraph.id)
    rows = world.mappings(storygraph.id)
    assert rows["The Chamber Below"].isbn == "9780000000028"
    assert rows["Salt and Silence"].author == "Bea Tarrant & Ida Mell"
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1"}


def test_errors_are_kept_on_the_shelf_in_words(
    world: World, goodreads: FakeGoodreads, audible: FakeAudible, hardcover: FakeHardcover, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="not a web address"):
        world.shelves.add_goodreads("goodreads shelf please")
    not_csv = tmp_path / "shelf.csv"
    not_csv.write_text("a,b\n1,2\n")
    with pytest.raises(ValidationError, match="neither a Goodreads nor a StoryGraph export"):
        world.shelves.add_csv(not_csv)
    with pytest.raises(Exception, match="refused the token"):
        world.shelves.add_hardcover("want-to-read", "wrong-token")

    shelf = world.shelves.add_goodreads(goodreads.feed_url())
    audible.fail_next("500", 20)
    failed = world.shelves.sync(shelf.id)
    assert failed.error and "Audible" in failed.error
    assert world.shelves.summary(shelf.id).last_error == failed.error
    audible.fail_next("ok", 0)
    healed = world.shelves.sync(shelf.id)
    assert healed.error is None and world.shelves.summary(shelf.id).last_error is None
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1"}
