"""The ignore list: books (or whole works) a user never wants requested; owner of ``ignored_books``.

Every automation asks the request service with ``automatic=True``, and the request service asks
:func:`is_ignored` there, so a watch, a shelf sync or "request everything missing" all honour the
list in one place. A person pressing Request is not stopped: the list is about automation.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import IgnoredBook, WorkAsin, utcnow
from rmab_desktop.domain.catalog import CatalogBook
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.watching import IgnoredEntry
from rmab_desktop.services.catalog.audiobooks import track_catalog_book


def _entry(row: IgnoredBook) -> IgnoredEntry:
    return IgnoredEntry(
        id=row.id,
        user_id=row.user_id,
        asin=row.asin,
        region=row.region,
        title=row.title,
        whole_work=row.whole_work,
        created_at=row.created_at,
    )


def is_ignored(session: Session, user_id: int | None, asin: str, region: str) -> bool:
    """Whether ``user_id`` ignores this ASIN, or the whole work another ignored edition belongs to."""
    work_id = session.scalar(select(WorkAsin.work_id).where(WorkAsin.asin == asin, WorkAsin.region == region))
    match: ColumnElement[bool] = (IgnoredBook.asin == asin) & (IgnoredBook.region == region)
    if work_id is not None:
        match = or_(match, (IgnoredBook.whole_work.is_(True)) & (IgnoredBook.work_id == work_id))
    owner = IgnoredBook.user_id.is_(None) if user_id is None else IgnoredBook.user_id == user_id
    return session.scalar(select(IgnoredBook.id).where(owner, match).limit(1)) is not None


class IgnoreList:
    def __init__(self, database: Database) -> None:
        self.database = database

    def add(self, user_id: int | None, book: CatalogBook, *, whole_work: bool = False) -> IgnoredEntry:
        """Ignore ``book`` (again: the choice of ``whole_work`` is updated)."""
        with self.database.session() as session:
            work_id = track_catalog_book(session, book).work_id
            row = session.scalar(
                select(IgnoredBook).where(
                    IgnoredBook.user_id == user_id,
                    IgnoredBook.asin == book.asin,
                    IgnoredBook.region == book.region,
                )
            )
            if row is None:
                row = IgnoredBook(
                    user_id=user_id,
                    asin=book.asin,
                    region=book.region,
                    title=book.title[:500],
                    created_at=utcnow(),
                )
                session.add(row)
            row.work_id, row.whole_work = work_id, whole_work
            session.flush()
            return _entry(row)

    def entries(self, user_id: int | None) -> list[IgnoredEntry]:
        with self.database.session() as session:
            rows = session.scalars(
                select(IgnoredBook)
                .where(IgnoredBook.user_id == user_id)
                .order_by(IgnoredBook.title, IgnoredBook.id)
            )
            return [_entry(row) for row in rows]

    def remove(self, user_id: int | None, key: str) -> IgnoredEntry:
        """Stop ignoring a book, named by its list id or its ASIN."""
        with self.database.session() as session:
            query = select(IgnoredBook).where(IgnoredBook.user_id == user_id)
            query = (
                query.where(IgnoredBook.id == int(key))
                if key.isdigit()
                else query.where(IgnoredBook.asin == key.strip().upper())
            )
            row = session.scalar(query.limit(1))
            if row is None:
                raise NotFoundError(
                    f"'{key}' is not on your ignore list.", hint="See 'rmab ignore list' for what is on it."
                )
            entry = _entry(row)
            session.execute(delete(IgnoredBook).where(IgnoredBook.id == row.id))
            return entry

    def ignored(self, user_id: int | None, asin: str, region: str) -> bool:
        with self.database.session() as session:
            return is_ignored(session, user_id, asin, region)
