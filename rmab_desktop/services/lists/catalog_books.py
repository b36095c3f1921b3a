"""What lists need from the catalog: a book's title and author by ASIN, and its cover file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.lists import ListEntry
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.lists.service import BookRef


def book_ref(catalog: CatalogService, asin: str, region: str | None) -> BookRef:
    book = catalog.book(asin, region)
    return BookRef(book.asin, book.region, book.title, book.primary_author)


def cover_urls(catalog: CatalogService, entries: Iterable[ListEntry]) -> dict[str, str]:
    """ASIN -> cover URL for the books the catalog knows (a book it cannot look up has none)."""
    found: dict[str, str] = {}
    for entry in entries:
        try:
            url = catalog.book(entry.asin, entry.region).cover_url
        except RmabError:
            continue
        if url:
            found[entry.asin] = url
    return found


def cover_file(catalog: CatalogService, entry: ListEntry) -> Path | None:
    """The cached cover thumbnail (downloaded once); None when the book has no cover."""
    book = catalog.book(entry.asin, entry.region)
    return catalog.covers.fetch(book.cover_url) if book.cover_url else None
