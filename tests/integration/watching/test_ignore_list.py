"""The ignore list: one check in the request service that every automation goes through."""

from __future__ import annotations

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.audible_library import SkipReason
from rmab_desktop.domain.watching import IgnoredBookError
from rmab_desktop.services.audible_library import plan_missing, request_missing
from tests.integration.test_audible_library import World, _book, _wishlist_world


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_wishlist_request_everything_missing_passes_an_ignored_title_over(world: World) -> None:
    _wishlist_world(world)
    user = world.users.current()
    world.requests.ignores.add(user.id, _book("B0WISH0006", "us"))

    plan = plan_missing(world.store)  # the preview already says so
    assert [i.asin for i in plan.to_request] == ["B0WISH0001"]
    assert {i.asin: i.reason for i in plan.skipped}["B0WISH0006"] == SkipReason.IGNORED

    outcome = request_missing(world.store, world.requests)

    assert [i.asin for i in outcome.requested] == ["B0WISH0001"] and outcome.failed == ()
    assert "B0WISH0006" not in {r.book.asin for r in world.requests.list()}


def test_automatic_requests_are_refused_and_a_person_is_not(world: World) -> None:
    user = world.users.current()
    world.requests.ignores.add(user.id, _book("B0WISH0001", "us"))
    with pytest.raises(IgnoredBookError):
        world.requests.create("B0WISH0001", "us", automatic=True)
    assert world.requests.create("B0WISH0001", "us").request.book.asin == "B0WISH0001"


def test_another_users_ignore_list_does_not_apply(world: World) -> None:
    other = world.users.create("sam", display_name="Sam")
    world.requests.ignores.add(other.id, _book("B0WISH0001", "us"))
    made = world.requests.create("B0WISH0001", "us", automatic=True)
    assert made.request.book.asin == "B0WISH0001"
    assert world.requests.ignores.entries(world.users.current().id) == []
    assert [e.asin for e in world.requests.ignores.entries(other.id)] == ["B0WISH0001"]
    assert world.requests.ignores.remove(other.id, "b0wish0001").asin == "B0WISH0001"
