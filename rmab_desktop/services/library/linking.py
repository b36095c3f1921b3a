"""A book organize just imported joins the library: scanned, matched to its request's book, linked."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.library import WantedBook
from rmab_desktop.services.catalog.audiobooks import set_ebook_path, set_library_path
from rmab_desktop.services.library.matching import match_books
from rmab_desktop.services.library.scanner import LibraryScanner


def link_imported(
    database: Database,
    root: str,
    target_path: str,
    absolute_path: str,
    book: BookInfo,
    audiobook_id: int | None,
    request_id: int,
    *,
    ebook: bool = False,
) -> float | None:
    """Scan the imported folder ``target_path`` (relative to ``root``) and link it to the tracked
    book when it matches; the match confidence, or None when the scan found no book there.
    The tracked book records where its audio (``library_path``) or, for ``ebook``, its ebook
    files (``ebook_path``) now are."""
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(root, subpath=target_path)
    books = [b for b in scanner.list_books(root, with_evidence=True) if b.path == target_path]
    if not books:
        return None
    [match] = match_books([WantedBook(str(request_id), book)], books)
    with database.session() as session:
        if audiobook_id is not None:
            (set_ebook_path if ebook else set_library_path)(session, audiobook_id, absolute_path)
        session.execute(
            update(LibraryItem)
            .where(LibraryItem.id == books[0].id)
            .values(
                audiobook_id=audiobook_id if match.path else None,
                match_confidence=match.confidence,
                match_reason=match.reason,
            )
        )
    return match.confidence


def unlink_book(session: Session, audiobook_id: int) -> None:
    """The library entries linked to the tracked book no longer are (its folder went)."""
    session.execute(
        update(LibraryItem).where(LibraryItem.audiobook_id == audiobook_id).values(audiobook_id=None)
    )


def forget_items(session: Session, item_ids: Collection[int]) -> None:
    """Drop library entries whose files were deleted (the next scan would drop them too)."""
    if item_ids:
        session.execute(delete(LibraryItem).where(LibraryItem.id.in_(item_ids)))
