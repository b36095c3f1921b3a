"""Audible library imports, re-imports, filters and "request everything missing" on a real database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AudibleSyncHistory, LibraryItem
from rmab_desktop.domain.audible_library import ListeningState, Shelf, SkipReason
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.services.audible_library import (
    AudibleLibraryStore,
    import_export,
    plan_missing,
    request_missing,
)
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import RequestService, UserService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audible_exports"


def _book(asin: str, region: str | None) -> CatalogBook:
    rows = json.loads((FIXTURES / "wishlist.json").read_text())
    row = next((r for r in rows if r["asin"] == asin), None)
    if row is None:  # what the catalog client raises for an ASIN Audible does not know
        raise NotFoundError(f"Audible has no book {asin}.")
    return CatalogBook(asin, row["title"], region=region or "us", authors=(Person(row["authors"]),))


class World:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.users = UserService(database, ConfigStore(database))
        self.store = AudibleLibraryStore(database, lambda: self.users.current().id)
        self.requests = RequestService(database, JobQueue(database), EventBus(), self.users, _book)


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_json_export_imports_progress_ratings_and_dates_and_reimport_changes_nothing(world: World) -> None:
    first = import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")
    assert (first.added, first.updated, first.unchanged, first.errors) == (3, 0, 0, ())
    entries = {e.asin: e for e in world.store.entries()}
    done, halfway, fresh = entries["B0AUDLIB01"], entries["B0AUDLIB02"], entries["B0AUDLIB03"]
    assert done.finished and done.state == ListeningState.FINISHED and done.average_rating == 4.6
    assert done.purchase_date is not None and done.purchase_date.isoformat() == "2023-02-11T19:04:50+00:00"
    assert done.date_added is not None and done.date_added.year == 2023 and done.origin == "audible-cli"
    assert halfway.progress_percent == 37.5 and halfway.state == ListeningState.IN_PROGRESS
    assert fresh.state == ListeningState.NOT_STARTED and fresh.series_title == "River Tales"

    again = import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert len(world.store.entries()) == 3

    with world.database.session() as session:
        history = session.query(AudibleSyncHistory).order_by(AudibleSyncHistory.id).all()
        assert [(h.kind, h.imported, h.updated) for h in history] == [("import", 3, 0), ("import", 0, 0)]


def test_csv_and_tsv_of_the_same_library_change_nothing_after_json(world: World) -> None:
    import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")
    for name in ("library.csv", "library.tsv"):
        summary = import_export(world.store, FIXTURES / name, Shelf.LIBRARY, "us")
        assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 3), name


def test_changed_progress_updates_the_one_title(world: World, tmp_path: Path) -> None:
    import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")
    rows = json.loads((FIXTURES / "library.json").read_text())
    rows[1]["percent_complete"] = 80.0
    newer = tmp_path / "library.json"
    newer.write_text(json.dumps(rows))
    summary = import_export(world.store, newer, Shelf.LIBRARY, "us")
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 2)
    assert {e.asin: e.progress_percent for e in world.store.entries()}["B0AUDLIB02"] == 80.0


def test_filters_sort_and_search(world: World) -> None:
    import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")
    with world.database.session() as session:
        session.add(LibraryItem(external_id="/books/salt", title="Salt and Iron", asin="B0AUDLIB02"))
    store = world.store
    assert [e.asin for e in store.entries(in_local_library=True)] == ["B0AUDLIB02"]
    assert [e.asin for e in store.entries(in_local_library=False)] == ["B0AUDLIB03", "B0AUDLIB01"]  # by title
    assert [e.asin for e in store.entries(state=ListeningState.FINISHED)] == ["B0AUDLIB01"]
    assert [e.asin for e in store.entries(search="jun park")] == ["B0AUDLIB01"]
    assert [e.asin for e in store.entries(sort="added", descending=True)] == [
        "B0AUDLIB03",
        "B0AUDLIB02",
        "B0AUDLIB01",
    ]
    assert store.owned_asins(["B0AUDLIB01", "B0WISH0001"]) == {"B0AUDLIB01"}


def test_libation_import_keeps_its_marketplace_and_own_rating(world: World) -> None:
    summary = import_export(world.store, FIXTURES / "libation.json", Shelf.LIBRARY, "us")
    assert summary.added == 2
    rated = next(e for e in world.store.entries() if e.asin == "B0LIBAT001")
    assert (rated.region, rated.rating, rated.finished, rated.origin) == ("uk", 5.0, True, "libation")
    again = import_export(world.store, FIXTURES / "libation_de.csv", Shelf.LIBRARY, "us")
    assert (again.added, again.updated) == (0, 0)


def _wishlist_world(world: World) -> None:
    import_export(world.store, FIXTURES / "library.json", Shelf.LIBRARY, "us")  # owns B0AUDLIB02
    import_export(world.store, FIXTURES / "wishlist.json", Shelf.WISHLIST, "us")
    with world.database.session() as session:
        session.add(LibraryItem(external_id="/books/shelf", title="Already On My Shelf", asin="B0WISH0003"))
    world.requests.create("B0WISH0004", "us")
    world.store.set_ignored("B0WISH0005", True)


def test_request_everything_missing_requests_exactly_the_missing_titles(world: World) -> None:
    _wishlist_world(world)
    plan = plan_missing(world.store)
    assert sorted(i.asin for i in plan.to_request) == ["B0WISH0001", "B0WISH0006"]
    assert {i.asin: i.reason for i in plan.skipped} == {
        "B0AUDLIB02": SkipReason.OWNED,
        "B0WISH0003": SkipReason.IN_LIBRARY,
        "B0WISH0004": SkipReason.REQUESTED,
        "B0WISH0005": SkipReason.IGNORED,
    }

    outcome = request_missing(world.store, world.requests)
    assert sorted(i.asin for i in outcome.requested) == ["B0WISH0001", "B0WISH0006"] and not outcome.failed
    made = {r.book.asin: r.status for r in world.requests.list()}
    assert set(made) == {"B0WISH0001", "B0WISH0004", "B0WISH0006"}
    assert made["B0WISH0001"] == RequestStatus.AWAITING_SEARCH

    second = request_missing(world.store, world.requests)  # nothing is requested twice
    assert second.requested == () and {i.reason for i in second.skipped} >= {SkipReason.REQUESTED}


def test_a_failed_request_is_reported_and_does_not_stop_the_others(world: World, tmp_path: Path) -> None:
    wishlist = tmp_path / "wishlist.json"
    shutil.copy(FIXTURES / "wishlist.json", wishlist)
    rows = json.loads(wishlist.read_text())
    rows.append({"asin": "B0UNKNOWN1", "title": "Gone From The Catalog"})
    wishlist.write_text(json.dumps(rows))
    import_export(world.store, wishlist, Shelf.WISHLIST, "us")
    outcome = request_missing(world.store, world.requests)
    assert [(i.asin, message) for i, message in outcome.failed] == [
        ("B0UNKNOWN1", "Audible has no book B0UNKNOWN1.")
    ]
    assert len(outcome.requested) == 6
