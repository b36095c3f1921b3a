"""What lists need from the catalog: a book's title and author by ASIN, and its cover file."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.domain.lists import ListEntry
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.lists.service import BookRef


def book_ref(catalog: CatalogService, asin: str, region: str | None) -> BookRef:
    book = catalog.book(asin, region)
    return BookRef(book.asin, book.region, book.title, book.primary_author)


def cover_file(catalog: CatalogService, entry: ListEntry) -> Path | None:
    """The cached cover thumbnail (downloaded once); None when the book has no cover."""
    book = catalog.book(entry.asin, entry.region)
    return catalog.covers.fetch(book.cover_url) if book.cover_url else None
