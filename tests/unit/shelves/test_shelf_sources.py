"""Reading shelves from their sources: the Goodreads feed (real shape), CSV exports, series in titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from rmab_desktop.clients.goodreads import parse_feed
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.domain.shelves import split_series
from rmab_desktop.services.shelves.csv_export import read_export

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_goodreads_feed_items() -> None:
    title, books = parse_feed((FIXTURES / "goodreads" / "shelf_to_read.xml").read_bytes())
    assert title == "Tess's bookshelf: to-read"
    first = books[0]
    assert (first.external_id, first.title, first.series, first.series_position) == (
        "4101",
        "The Lantern Road",
        "Lantern Cycle",
        "1",
    )
    assert first.authors == ("Mara Quell",) and first.isbn == "9780000000011"
    assert first.cover_url and first.cover_url.endswith("/4101.jpg")
    assert books[1].isbn is None  # empty <isbn/>
    assert [b.title for b in books] == [
        "The Lantern Road",
        "The Chamber Below",
        "The Lantern Sea",
        "A Garden Nobody Recorded",
    ]


def test_goodreads_feed_past_the_end_and_not_a_feed() -> None:
    assert parse_feed((FIXTURES / "goodreads" / "shelf_past_end.xml").read_bytes())[1] == []
    with pytest.raises(InvalidResponseError, match="not a shelf feed"):
        parse_feed(b"<html><body>Sign in</body>")
    with pytest.raises(InvalidResponseError, match="not lead to an RSS feed"):
        parse_feed(b"<feed><entry/></feed>")
    with pytest.raises(InvalidResponseError):
        parse_feed(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>')  # no entities


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Dzur (Vlad Taltos, #10)", ("Dzur", "Vlad Taltos", "10")),
        ("The Way of Kings (The Stormlight Archive #1)", ("The Way of Kings", "The Stormlight Archive", "1")),
        ("Mort (Discworld, #4; Death, #1)", ("Mort (Discworld, #4; Death, #1)", None, None)),
        ("Catch-22", ("Catch-22", None, None)),
        ("Band of Brothers (2nd ed.)", ("Band of Brothers (2nd ed.)", None, None)),
        ("Half a King (Shattered Sea, #1.5)", ("Half a King", "Shattered Sea", "1.5")),
    ],
)
def test_series_in_titles(written: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_series(written) == expected


def test_csv_exports() -> None:
    service, books = read_export(FIXTURES / "shelves" / "goodreads_library_export.csv")
    assert service == "Goodreads" and [(b.external_id, b.title, b.isbn) for b in books] == [
        ("4101", "The Lantern Road", "9780000000011")
    ]
    service, books = read_export(FIXTURES / "shelves" / "goodreads_library_export.csv", "all")
    assert [b.isbn for b in books] == ["9780000000011", "0000000051"]  # ="…" spreadsheet quoting
    service, books = read_export(FIXTURES / "shelves" / "storygraph_export.csv", "read")
    assert service == "StoryGraph" and [(b.title, b.authors) for b in books] == [
        ("Salt and Silence", ("Bea Tarrant", "Ida Mell"))
    ]
