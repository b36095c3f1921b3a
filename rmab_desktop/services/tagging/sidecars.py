"""Files written beside the audio: cover image, and Audiobookshelf's metadata.json, desc.txt, reader.txt."""

from __future__ import annotations

import json

from rmab_desktop.domain.books import BookInfo

COVER_NAMES = ("cover", "folder", "front", "art", "albumart")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def cover_name(data: bytes) -> str:
    return "cover.png" if data.startswith(b"\x89PNG") else "cover.jpg"


def abs_metadata(book: BookInfo) -> dict[str, object]:
    """The "abs" metadata.json shape Audiobookshelf reads with the highest precedence."""
    series = (
        [f"{book.series} #{book.series_position}" if book.series_position else book.series]
        if book.series
        else []
    )
    return {
        "title": book.title,
        "subtitle": book.subtitle,
        "authors": list(book.authors),
        "narrators": list(book.narrators),
        "series": series,
        "genres": list(book.genres),
        "publishedYear": str(book.year) if book.year else None,
        "publishedDate": book.release_date.isoformat() if book.release_date else None,
        "publisher": book.publisher,
        "description": book.description,
        "isbn": book.isbn,
        "asin": book.asin,
        "language": book.language,
        "explicit": False,
        "abridged": False,
        "tags": [],
        "chapters": [],
    }


def sidecar_files(book: BookInfo, cover: bytes | None, *, metadata: bool = True) -> dict[str, bytes]:
    """File name -> content for the book folder."""
    files: dict[str, bytes] = {}
    if cover:
        files[cover_name(cover)] = cover
    if metadata:
        files["metadata.json"] = json.dumps(abs_metadata(book), indent=2, ensure_ascii=False).encode("utf-8")
        if book.description:
            files["desc.txt"] = book.description.strip().encode("utf-8") + b"\n"
        if book.narrators:
            files["reader.txt"] = ", ".join(book.narrators).encode("utf-8") + b"\n"
    return files
