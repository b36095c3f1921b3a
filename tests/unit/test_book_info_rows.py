"""One reader turns stored book rows into a BookInfo, for requests and for the library import alike."""

from __future__ import annotations

from datetime import date

from rmab_desktop.db.models import AudibleCacheEntry, Audiobook
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.catalog.cache import book_info

COLUMNS = {
    "asin": "B0ROWTEST1",
    "region": "uk",
    "title": "The Row Test",
    "subtitle": "A Story",
    "authors": [{"name": "Jane Doe", "asin": "B0AUTHOR01"}, "John Roe"],
    "narrators": ["Sam Reader"],
    "series_name": "Rows",
    "series_position": "2",
    "runtime_minutes": 61,
    "language": "english",
    "release_date": date(2021, 5, 4),
    "description": "About rows.",
    "cover_url": "https://example.invalid/c.jpg",
}
EXPECTED = BookInfo(
    title="The Row Test",
    asin="B0ROWTEST1",
    region="uk",
    subtitle="A Story",
    authors=("Jane Doe", "John Roe"),
    narrators=("Sam Reader",),
    series="Rows",
    series_position="2",
    runtime_minutes=61,
    language="english",
    release_date=date(2021, 5, 4),
    description="About rows.",
    cover_url="https://example.invalid/c.jpg",
)


def test_requested_audiobook_row_keeps_its_isbn() -> None:
    row = Audiobook(**COLUMNS, isbn="9780000000001")
    assert book_info(row) == BookInfo(**{**EXPECTED.__dict__, "isbn": "9780000000001"})


def test_catalog_cache_row_has_no_isbn() -> None:
    assert book_info(AudibleCacheEntry(**COLUMNS)) == EXPECTED


def test_request_details_and_import_candidates_use_it() -> None:
    from rmab_desktop.services.library import importing
    from rmab_desktop.services.requests import service

    assert importing.book_info is book_info and service.book_info is book_info
