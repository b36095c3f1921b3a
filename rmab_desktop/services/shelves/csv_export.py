"""Reading a Goodreads or StoryGraph library export (CSV) into shelf books.

Goodreads: ``Book Id, Title, Author, Additional Authors, ISBN, ISBN13, …, Exclusive Shelf``; ISBNs
are written as ``="0765301482"`` so spreadsheets keep the leading zero.
StoryGraph: ``Title, Authors, Contributors, ISBN/UID, Format, Read Status, …``; authors are
comma-separated and books have no id, so the ISBN/UID (or title and author) stands in for one.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.shelves import ShelfBook, split_series

GOODREADS_COLUMNS = frozenset({"Book Id", "Title", "Author", "Exclusive Shelf"})
STORYGRAPH_COLUMNS = frozenset({"Title", "Authors", "ISBN/UID", "Read Status"})
ALL_SHELVES = "all"
MAX_BYTES = 20 * 1024 * 1024


def _isbn(value: str | None) -> str | None:
    cleaned = "".join(ch for ch in (value or "") if ch.isdigit() or ch in "Xx")
    return cleaned.upper() if len(cleaned) in (10, 13) else None


def _fallback_id(title: str, author: str) -> str:
    return "t:" + hashlib.sha1(f"{title.casefold()}|{author.casefold()}".encode()).hexdigest()[:16]


def read_export(path: Path, shelf: str = "to-read") -> tuple[str, list[ShelfBook]]:
    """(which service wrote it, the books on ``shelf``; ``all`` for every row)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(
                f"{path.name} is larger than an export can be.", hint="Choose the CSV export file."
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ValidationError(
            f"Cannot read {path}: {exc.strerror or exc}.", hint="Check the file name."
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{path.name} is not a text (CSV) file.", hint="Choose the CSV export file."
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    if columns >= GOODREADS_COLUMNS:
        return "Goodreads", _goodreads(reader, shelf)
    if columns >= STORYGRAPH_COLUMNS:
        return "StoryGraph", _storygraph(reader, shelf)
    raise ValidationError(
        f"{path.name} is neither a Goodreads nor a StoryGraph export.",
        hint="Goodreads: My Books > Import and export > Export library. "
        "StoryGraph: Manage account > Export StoryGraph library.",
    )


def _wanted(value: str, shelf: str) -> bool:
    return shelf == ALL_SHELVES or value.strip().casefold() == shelf.casefold()


def _goodreads(reader: csv.DictReader[str], shelf: str) -> list[ShelfBook]:
    books = []
    for row in reader:
        raw_title = (row.get("Title") or "").strip()
        if not raw_title or not _wanted(row.get("Exclusive Shelf") or "", shelf):
            continue
        title, series, position = split_series(raw_title)
        author = (row.get("Author") or "").strip()
        books.append(
            ShelfBook(
                external_id=(row.get("Book Id") or "").strip() or _fallback_id(title, author),
                title=title,
                authors=(author,) if author else (),
                isbn=_isbn(row.get("ISBN13")) or _isbn(row.get("ISBN")),
                series=series,
                series_position=position,
            )
        )
    return books


def _storygraph(reader: csv.DictReader[str], shelf: str) -> list[ShelfBook]:
    books = []
    for row in reader:
        raw_title = (row.get("Title") or "").strip()
        if not raw_title or not _wanted(row.get("Read Status") or "", shelf):
            continue
        title, series, position = split_series(raw_title)
        authors = tuple(a.strip() for a in (row.get("Authors") or "").split(",") if a.strip())
        uid = (row.get("ISBN/UID") or "").strip()
        books.append(
            ShelfBook(
                external_id=uid or _fallback_id(title, authors[0] if authors else ""),
                title=title,
                authors=authors,
                isbn=_isbn(uid),
                series=series,
                series_position=position,
            )
        )
    return books
