"""Recommendation and tier lists on a real database: order, tiers, sharing, JSON round trip."""

from __future__ import annotations

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.errors import NotFoundError, ServiceError, ValidationError
from rmab_desktop.domain.lists import MAX_TIERS, ListInfo, ListKind, Visibility
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.lists import BookRef, ListService
from rmab_desktop.services.requests import UserService

TITLES = {f"B0LIST000{i}": (f"Book {i}", f"Writer {i}") for i in range(1, 8)}


def _lookup(asin: str, region: str | None) -> BookRef:
    if asin not in TITLES:
        raise NotFoundError(f"Audible has no book {asin}.")
    title, author = TITLES[asin]
    return BookRef(asin, region or "us", title, author)


@pytest.fixture
def users(database: Database) -> UserService:
    return UserService(database, ConfigStore(database))


@pytest.fixture
def lists(database: Database, users: UserService) -> ListService:
    return ListService(database, lambda: users.current().id, _lookup)


def _order(info: ListInfo, tier: str | None = None) -> list[str]:
    tier_id = info.tier(tier).id if tier else None  # type: ignore[union-attr]
    return [i.asin for i in info.items_in(tier_id)]


def test_ranked_list_keeps_order_notes_and_moves(lists: ListService) -> None:
    lists.create("Road trip")
    for n in (1, 2, 3):
        lists.add("road trip", f"B0LIST000{n}")
    info = lists.add("Road trip", "B0LIST0004", position=0, note="start with this")
    assert _order(info) == ["B0LIST0004", "B0LIST0001", "B0LIST0002", "B0LIST0003"]
    assert info.items[0].note == "start with this" and info.items[0].title == "Book 4"
    info = lists.move(str(info.id), "B0LIST0004", position=2)
    assert _order(info) == ["B0LIST0001", "B0LIST0002", "B0LIST0004", "B0LIST0003"]
    info = lists.remove("Road trip", "B0LIST0002")
    assert _order(info) == ["B0LIST0001", "B0LIST0004", "B0LIST0003"]
    assert [i.position for i in info.items] == [0, 1, 2]
    with pytest.raises(ValidationError, match="already in 'Road trip'"):
        lists.add("Road trip", "B0LIST0001")
    with pytest.raises(ValidationError, match="ranked list; it has no tiers"):
        lists.add("Road trip", "B0LIST0005", tier="S")


def test_tier_list_defaults_moves_between_tiers_and_tier_edits(lists: ListService) -> None:
    info = lists.create("Fantasy", ListKind.TIER)
    assert [(t.label, t.color) for t in info.tiers][:2] == [("S", "#FF7F7F"), ("A", "#FFBF7F")]
    assert len(info.tiers) == 5
    lists.add("Fantasy", "B0LIST0001", tier="S")
    lists.add("Fantasy", "B0LIST0002", tier="s")
    lists.add("Fantasy", "B0LIST0003", tier="B")
    lists.add("Fantasy", "B0LIST0004")  # not placed yet
    info = lists.move("Fantasy", "B0LIST0003", tier="S", position=0)
    assert _order(info, "S") == ["B0LIST0003", "B0LIST0001", "B0LIST0002"] and _order(info, "B") == []
    info = lists.move("Fantasy", "B0LIST0004", tier="A")
    assert _order(info, "A") == ["B0LIST0004"] and _order(info) == []

    info = lists.edit_tier("Fantasy", "S", new_label="Must read", color="#aa0000")
    assert info.tiers[0].label == "Must read" and info.tiers[0].color == "#AA0000"
    info = lists.move_tier("Fantasy", "D", 0)
    assert [t.label for t in info.tiers] == ["D", "Must read", "A", "B", "C"]
    info = lists.remove_tier("Fantasy", "Must read")
    assert [t.label for t in info.tiers] == ["D", "A", "B", "C"]
    assert _order(info) == ["B0LIST0003", "B0LIST0001", "B0LIST0002"]  # back in the pool, in order
    for n in range(MAX_TIERS - 4):
        info = lists.add_tier("Fantasy", f"T{n}", "#123456")
    assert len(info.tiers) == MAX_TIERS
    with pytest.raises(ValidationError, match="at most 10 tiers"):
        lists.add_tier("Fantasy", "Eleven")
    with pytest.raises(ValidationError, match="not a colour"):
        lists.edit_tier("Fantasy", "A", color="red")


def test_private_lists_are_hidden_shared_ones_are_read_only(lists: ListService, users: UserService) -> None:
    admin = users.current()
    lists.create("Mine only")
    lists.create("For everyone", visibility=Visibility.HOUSEHOLD)
    alice = users.create("alice")
    users.act_as(alice.id)
    assert [info.name for info in lists.lists()] == ["For everyone"]
    with pytest.raises(NotFoundError):
        lists.get("Mine only")
    with pytest.raises(ValidationError, match="belongs to someone else"):
        lists.add("For everyone", "B0LIST0001")
    users.act_as(admin.id)
    assert {info.name for info in lists.lists()} == {"Mine only", "For everyone"}


def test_json_export_and_import_round_trip(lists: ListService) -> None:
    lists.create("Best of", ListKind.TIER)
    lists.edit_tier("Best of", "C", color="#00FF00")
    lists.add("Best of", "B0LIST0001", tier="A", note="the one")
    lists.add("Best of", "B0LIST0002")
    exported = lists.export("Best of")
    imported = lists.import_(exported, name="Best of (copy)")
    assert lists.export(imported.id) == {**exported, "name": "Best of (copy)"}
    with pytest.raises(ValidationError, match="not a list exported"):
        lists.import_({"name": "x"})


def test_bad_names_and_unknown_books_are_refused(lists: ListService) -> None:
    with pytest.raises(ValidationError, match="only digits"):
        lists.create("2026")
    lists.create("Quiet")
    with pytest.raises(ValidationError, match="already a list called"):
        lists.create("quiet")
    with pytest.raises(ValidationError, match="is not an ASIN"):
        lists.add("Quiet", "nope")
    with pytest.raises(NotFoundError, match="Audible has no book"):
        lists.add("Quiet", "B0UNKNOWN1")
    assert lists.get("Quiet").items == ()


class _OfflineCatalog:
    """A catalog that cannot be reached, like Audible without a network."""

    def book(self, asin: str, region: str | None = None) -> object:
        raise ServiceError("Cannot connect to Audible.")


def test_books_you_own_or_wish_for_go_into_a_list_without_the_catalog(
    database: Database, users: UserService
) -> None:
    from rmab_desktop.domain.audible_library import AudibleTitle, Shelf
    from rmab_desktop.services.audible_library import AudibleLibraryStore
    from rmab_desktop.services.lists.catalog_books import ListBooks

    store = AudibleLibraryStore(database, lambda: users.current().id)
    common = {"kind": "import", "origin": "audible-cli", "source": "test", "region": "uk"}
    store.save(
        [AudibleTitle("B0OWNED001", "Owned Tale", ("Ada Owner",), cover_url="http://c/1.jpg")],
        Shelf.LIBRARY,
        **common,
    )
    store.save([AudibleTitle("B0WISHED01", "Wished Tale", ("Bo Wish",))], Shelf.WISHLIST, **common)
    books = ListBooks(_OfflineCatalog(), store)  # type: ignore[arg-type]
    lists = ListService(database, lambda: users.current().id, books.ref)
    lists.create("Offline", ListKind.TIER)
    lists.add("Offline", "b0owned001", tier="S")
    info = lists.add("Offline", "B0WISHED01", tier="A")
    assert [(i.asin, i.title, i.author, i.region) for i in info.items] == [
        ("B0OWNED001", "Owned Tale", "Ada Owner", "uk"),
        ("B0WISHED01", "Wished Tale", "Bo Wish", "uk"),
    ]
    assert books.cover_urls(info.items) == {"B0OWNED001": "http://c/1.jpg"}  # the other: no cover known
    with pytest.raises(ServiceError, match="Cannot connect"):
        lists.add("Offline", "B0ELSEWH01")  # not known locally: the catalog is asked
