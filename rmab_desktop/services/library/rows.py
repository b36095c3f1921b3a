"""The library_items columns of one LibraryBook, shared by the folder scanner and backend sync."""

from __future__ import annotations

from typing import Any

from rmab_desktop.domain.library import LibraryBook
from rmab_desktop.services.library.normalize import clean_book


def _clip(value: str | None, size: int) -> str | None:
    return (value or "")[:size] or None


def book_columns(book: LibraryBook) -> dict[str, Any]:
    """Descriptive columns, names cleaned and clipped to the column sizes (identity columns are the
    caller's)."""
    book = clean_book(book)
    return {
        "title": book.title[:500] or "(untitled)",
        "subtitle": _clip(book.subtitle, 500),
        "authors": list(book.authors),
        "narrators": list(book.narrators),
        "series_name": _clip(book.series, 300),
        "series_position": _clip(book.series_position, 20),
        "year": book.year,
        "asin": _clip(book.asin, 20),
        "format": _clip(book.format, 20),
        "file_count": book.files,
        "size_bytes": book.size_bytes,
        "duration_seconds": book.duration_seconds,
        "ebook_formats": list(book.ebook_formats),
    }
