"""AudiobookshelfClient against a fake ABS on loopback: paging, item shapes, scans, errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rmab_desktop.clients.audiobookshelf import AbsItem, AudiobookshelfClient
from rmab_desktop.domain.errors import AuthenticationError, InvalidResponseError, NotFoundError
from tests.fakes.audiobookshelf_server import TOKEN, FakeAudiobookshelfServer, item, minify


@pytest.fixture(scope="module")
def abs_server() -> Iterator[FakeAudiobookshelfServer]:
    with FakeAudiobookshelfServer() as server:
        server.items["lib_main"] = [
            item(
                f"li_{n}", f"Author {n}/Book {n}", f"Book {n}", [f"Author {n}"], narrators=("Nar A", "Nar B")
            )
            for n in range(5)
        ]
        server.items["lib_main"].append(
            item(
                "li_wfr",
                "Terry Goodkind/Sword of Truth/Wizards First Rule",
                "Wizards First Rule",
                ["Terry Goodkind"],
                narrators=("Sam Tsoutsouvas",),
                series=("Sword of Truth", "1"),
                asin="B002V0QK4C",
                ext="m4b",
                files=1,
            )
        )
        yield server


@pytest.fixture
def server(abs_server: FakeAudiobookshelfServer) -> FakeAudiobookshelfServer:
    abs_server.reset()
    abs_server.scans.clear()
    abs_server.watcher_updates.clear()
    return abs_server


def test_libraries_and_paged_items(server: FakeAudiobookshelfServer) -> None:
    with AudiobookshelfClient(server.url, TOKEN) as client:
        libraries = client.libraries()
        items = list(client.items("lib_main", page_size=2))
    assert [(lib.id, lib.is_books, lib.folders) for lib in libraries] == [
        ("lib_main", True, ("/audiobooks",)),
        ("lib_pod", False, ("/podcasts",)),
    ]
    assert len(items) == 6
    assert [r.query["page"] for r in server.requests if r.path.endswith("/items")] == ["0", "1", "2"]
    wfr = items[-1]
    assert (wfr.title, wfr.authors, wfr.narrators) == (
        "Wizards First Rule",
        ("Terry Goodkind",),
        ("Sam Tsoutsouvas",),
    )
    assert (wfr.series, wfr.series_position, wfr.asin, wfr.year) == (
        "Sword of Truth",
        "1",
        "B002V0QK4C",
        2008,
    )
    assert wfr.path == "/audiobooks/Terry Goodkind/Sword of Truth/Wizards First Rule"
    assert items[0].narrators == ("Nar A", "Nar B") and items[0].file_count == 2


def test_expanded_and_minified_agree(server: FakeAudiobookshelfServer) -> None:
    expanded = server.items["lib_main"][-1]
    full, short = AbsItem.from_json(expanded), AbsItem.from_json(minify(expanded))
    assert full.format == "m4b" and short.format is None
    assert {k: v for k, v in vars(full).items() if k != "format"} == {
        k: v for k, v in vars(short).items() if k != "format"
    }
    with AudiobookshelfClient(server.url, TOKEN) as client:
        assert client.item("li_wfr") == full
        with pytest.raises(NotFoundError):
            client.item("li_missing")


def test_scan_and_watcher_update(server: FakeAudiobookshelfServer) -> None:
    with AudiobookshelfClient(server.url, TOKEN) as client:
        client.scan("lib_main")
        client.scan("lib_main", force=True)
        client.watcher_update("lib_main", "/audiobooks/A/B/file.m4b")
    assert server.scans == [("lib_main", False), ("lib_main", True)]
    assert server.watcher_updates == [
        {"libraryId": "lib_main", "path": "/audiobooks/A/B/file.m4b", "type": "add"}
    ]


def test_errors(server: FakeAudiobookshelfServer) -> None:
    with AudiobookshelfClient(server.url, "bad") as client, pytest.raises(AuthenticationError):
        client.libraries()
    server.garbage = True
    with AudiobookshelfClient(server.url, TOKEN) as client, pytest.raises(InvalidResponseError):
        client.libraries()


def test_tolerates_odd_items() -> None:
    odd = AbsItem.from_json(
        {
            "id": "x",
            "media": {
                "metadata": {
                    "title": " T ",
                    "authorName": "A, B",
                    "seriesName": "S #1.5, Other",
                    "publishedYear": "n/a",
                }
            },
        }
    )
    assert (odd.title, odd.authors, odd.series, odd.series_position, odd.year) == (
        "T",
        ("A", "B"),
        "S",
        "1.5",
        None,
    )
    empty = AbsItem.from_json({"id": "y", "media": None})
    assert empty.title == "" and empty.authors == () and empty.file_count == 0
