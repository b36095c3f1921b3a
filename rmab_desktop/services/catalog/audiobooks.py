"""The books the app tracks (``audiobooks``): one row per ASIN and region, written only here.

A request tracks the catalog book it asks for; an import of an existing library tracks the
books it links; organize and the import record where a tracked book sits in the library.
Every function works inside the caller's session, so it joins the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rmab_desktop.db.models import Audiobook
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.catalog import CatalogBook
from rmab_desktop.services.catalog.cache import assign_work, book_columns, set_columns


def track_catalog_book(session: Session, book: CatalogBook) -> Audiobook:
    """The row of ``book``, created or refreshed from the catalog (columns, ISBN, work)."""
    row = session.scalar(
        select(Audiobook).where(Audiobook.asin == book.asin, Audiobook.region == book.region)
    )
    if row is None:
        row = Audiobook(asin=book.asin, region=book.region, title=book.title[:500])
        session.add(row)
    set_columns(row, book_columns(book))
    row.isbn = book.isbn
    row.work_id = assign_work(session, book)
    session.flush()
    return row


def track_book(session: Session, book: BookInfo) -> int:
    """The id of ``book``'s row; a book not tracked yet is added as it is described."""
    existing = session.scalar(
        select(Audiobook.id).where(Audiobook.asin == book.asin, Audiobook.region == book.region)
    )
    if existing is not None:
        return existing
    row = Audiobook(
        asin=book.asin,
        region=book.region,
        title=book.title,
        subtitle=book.subtitle,
        authors=list(book.authors),
        narrators=list(book.narrators),
        series_name=book.series,
        series_position=book.series_position,
        runtime_minutes=book.runtime_minutes,
        language=book.language,
        release_date=book.release_date,
        cover_url=book.cover_url,
        description=book.description,
    )
    session.add(row)
    session.flush()
    return row.id


def set_library_path(session: Session, audiobook_id: int, path: str | None) -> None:
    session.execute(update(Audiobook).where(Audiobook.id == audiobook_id).values(library_path=path))


def set_ebook_path(session: Session, audiobook_id: int, path: str | None) -> None:
    """Where the tracked book's ebook files are (next to the audio, or in the ebook library)."""
    session.execute(update(Audiobook).where(Audiobook.id == audiobook_id).values(ebook_path=path))


def set_library_path_of(session: Session, book: BookInfo, path: str) -> None:
    """Where the tracked ``book`` (by ASIN and region) now is."""
    session.execute(
        update(Audiobook)
        .where(Audiobook.asin == book.asin, Audiobook.region == book.region)
        .values(library_path=path)
    )
