"""One entry point to write a book's metadata into an imported file, audio or EPUB."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.tagging.ebooks import write_epub_metadata
from rmab_desktop.services.tagging.writing import TAGGABLE, book_tags, write_tags

WRITABLE = TAGGABLE | {".epub"}


def tag_book_file(
    path: Path, book: BookInfo, cover: bytes | None, *, track: int | None = None, total: int | None = None
) -> bool:
    """Write ``book`` into ``path`` in place; False for a format we leave as it is (AZW3, MOBI, PDF).
    Raises TaggingError when a writable file cannot be written."""
    ext = path.suffix.lower()
    if ext == ".epub":
        write_epub_metadata(path, book, cover)
        return True
    if ext in TAGGABLE:
        write_tags(path, book_tags(book, track=track, total=total), cover)
        return True
    return False
