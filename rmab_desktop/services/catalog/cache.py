"""The catalog cache in the database: products (audible_cache), list ranks, categories, works.

Every product written here is also placed in a work (works/work_asins): editions that share the
normalized title and primary author (other narrations, abridged, other marketplaces) are one work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import (
    AudibleCacheEntry,
    AudibleCategory,
    AudibleCategoryRank,
    Audiobook,
    Work,
    WorkAsin,
    utcnow,
)
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.catalog import CatalogBook, Category, book_from_json, edition_note, work_key

FRESH_FOR = timedelta(days=7)


def assign_work(session: Session, book: CatalogBook) -> int:
    """The work id of ``book``, creating the work and its edition row when new."""
    edition = session.scalar(
        select(WorkAsin).where(WorkAsin.asin == book.asin, WorkAsin.region == book.region)
    )
    if edition is not None:
        return edition.work_id
    key = work_key(book.title, book.primary_author)[:800]
    work = session.scalar(select(Work).where(Work.work_key == key))
    if work is None:
        work = Work(title=book.title[:500], primary_author=book.primary_author[:300], work_key=key)
        session.add(work)
        session.flush()
    session.add(
        WorkAsin(work_id=work.id, asin=book.asin, region=book.region, edition_note=edition_note(book))
    )
    session.flush()
    return work.id


def book_columns(book: CatalogBook) -> dict[str, Any]:
    """The columns that audible_cache and audiobooks share, from a catalog book."""
    series = book.primary_series
    return {
        "title": book.title[:500],
        "subtitle": (book.subtitle or "")[:500] or None,
        "authors": list(book.author_names),  # names, as BookInfo readers expect; ASINs stay in raw
        "narrators": list(book.narrators),
        "series_name": series.title[:300] if series else None,
        "series_position": ((series.position or "")[:20] or None) if series else None,
        "runtime_minutes": book.runtime_minutes,
        "release_date": book.release_date,
        "language": book.language,
        "cover_url": book.cover_url,
        "description": book.description,
    }


def book_info(row: Audiobook | AudibleCacheEntry) -> BookInfo:
    """A stored row as a BookInfo (the inverse of ``book_columns``), through the tolerant reader:
    name lists may hold plain names or ``{"name", "asin"}`` objects."""
    return BookInfo.from_json(
        {
            "title": row.title,
            "asin": row.asin,
            "region": row.region,
            "subtitle": row.subtitle,
            "authors": row.authors,
            "narrators": row.narrators,
            "series": row.series_name,
            "series_position": row.series_position,
            "runtime_minutes": row.runtime_minutes,
            "language": row.language,
            "release_date": row.release_date.isoformat() if row.release_date else None,
            "description": row.description,
            "cover_url": row.cover_url,
            "isbn": getattr(row, "isbn", None),  # the cache has none
        }
    )


def set_columns(row: object, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def _fill(row: AudibleCacheEntry, book: CatalogBook, now: datetime) -> None:
    series = book.primary_series
    set_columns(row, book_columns(book))
    row.series_asin = series.asin if series else None
    row.rating = book.rating
    row.rating_count = book.rating_count
    row.format_type = book.format_type
    row.publisher = (book.publisher or "")[:300] or None
    row.raw = book.to_json()
    row.fetched_at = now


class CatalogCache:
    def __init__(self, database: Database) -> None:
        self.database = database

    def store(self, books: Iterable[CatalogBook]) -> dict[tuple[str, str], int]:
        """Upsert products and their works; returns (asin, region) -> work id."""
        # One row order for every writer, so concurrent refreshes lock rows in the same order.
        unique = sorted({(b.asin, b.region): b for b in books}.values(), key=lambda b: (b.asin, b.region))
        return retry_on_conflict(lambda: self._store(unique)) if unique else {}

    def _store(self, books: list[CatalogBook]) -> dict[tuple[str, str], int]:
        now = utcnow()
        works: dict[tuple[str, str], int] = {}
        with self.database.session() as session:
            keys = [(b.asin, b.region) for b in books]
            existing = {
                (row.asin, row.region): row
                for row in session.scalars(
                    select(AudibleCacheEntry).where(
                        tuple_(AudibleCacheEntry.asin, AudibleCacheEntry.region).in_(keys)
                    )
                )
            }
            for book in books:
                row = existing.get((book.asin, book.region))
                if row is None:
                    row = AudibleCacheEntry(asin=book.asin, region=book.region)
                    session.add(row)
                _fill(row, book, now)
                row.work_id = works[(book.asin, book.region)] = assign_work(session, book)
        return works

    def get(self, asin: str, region: str) -> tuple[CatalogBook, datetime | None] | None:
        with self.database.session() as session:
            row = session.scalar(
                select(AudibleCacheEntry).where(
                    AudibleCacheEntry.asin == asin, AudibleCacheEntry.region == region
                )
            )
            return (book_from_json(row.raw), row.fetched_at) if row is not None and row.raw else None

    def is_fresh(self, fetched_at: datetime | None) -> bool:
        return fetched_at is not None and utcnow() - fetched_at < FRESH_FOR

    # -- ranked lists (bestsellers, new releases, categories) ----------------------------------
    def replace_list(self, list_key: str, region: str, asins: Sequence[str]) -> None:
        now = utcnow()
        with self.database.session() as session:
            session.execute(
                delete(AudibleCategoryRank).where(
                    AudibleCategoryRank.list_key == list_key, AudibleCategoryRank.region == region
                )
            )
            session.add_all(
                AudibleCategoryRank(list_key=list_key, region=region, asin=asin, rank=rank, refreshed_at=now)
                for rank, asin in enumerate(dict.fromkeys(asins), start=1)
            )

    def list_books(self, list_key: str, region: str, offset: int = 0, limit: int = 50) -> list[CatalogBook]:
        with self.database.session() as session:
            rows = session.execute(
                select(AudibleCacheEntry.raw)
                .join(
                    AudibleCategoryRank,
                    (AudibleCategoryRank.asin == AudibleCacheEntry.asin)
                    & (AudibleCategoryRank.region == AudibleCacheEntry.region),
                )
                .where(AudibleCategoryRank.list_key == list_key, AudibleCategoryRank.region == region)
                .order_by(AudibleCategoryRank.rank)
                .offset(offset)
                .limit(limit)
            ).all()
            return [book_from_json(raw) for (raw,) in rows if raw]

    def list_info(self, list_key: str, region: str) -> tuple[int, datetime | None]:
        """How many books the list holds and when it was refreshed."""
        with self.database.session() as session:
            count, refreshed = session.execute(
                select(func.count(), func.max(AudibleCategoryRank.refreshed_at)).where(
                    AudibleCategoryRank.list_key == list_key, AudibleCategoryRank.region == region
                )
            ).one()
            return int(count or 0), refreshed

    # -- categories ------------------------------------------------------------------------------
    def store_categories(self, region: str, categories: Iterable[Category]) -> None:
        flat: list[Category] = []
        stack = list(categories)
        while stack:
            node = stack.pop()
            flat.append(node)
            stack.extend(node.children)
        with self.database.session() as session:
            session.execute(delete(AudibleCategory).where(AudibleCategory.region == region))
            session.add_all(
                AudibleCategory(
                    category_id=c.id, region=region, name=c.name[:300], parent_category_id=c.parent_id
                )
                for c in {c.id: c for c in flat}.values()
            )

    def categories(self, region: str) -> list[Category]:
        with self.database.session() as session:
            rows = session.scalars(
                select(AudibleCategory).where(AudibleCategory.region == region).order_by(AudibleCategory.name)
            ).all()
        children: dict[str | None, list[Category]] = {}
        for row in rows:
            children.setdefault(row.parent_category_id, []).append(
                Category(row.category_id, row.name, parent_id=row.parent_category_id)
            )

        def build(node: Category) -> Category:
            kids = tuple(build(child) for child in children.get(node.id, []))
            return Category(node.id, node.name, kids, node.parent_id)

        known = {row.category_id for row in rows}
        return [
            build(c)
            for parent, group in children.items()
            if parent is None or parent not in known
            for c in group
        ]

    # -- works ----------------------------------------------------------------------------------
    def editions(self, asin: str, region: str) -> list[tuple[str, str, str]]:
        """(asin, region, edition note) of every edition in the work of this ASIN (itself included)."""
        with self.database.session() as session:
            work_id = session.scalar(
                select(WorkAsin.work_id).where(WorkAsin.asin == asin, WorkAsin.region == region)
            )
            if work_id is None:
                return [(asin, region, "")]
            rows = session.execute(
                select(WorkAsin.asin, WorkAsin.region, WorkAsin.edition_note)
                .where(WorkAsin.work_id == work_id)
                .order_by(WorkAsin.id)
            ).all()
            return [(a, r, note) for a, r, note in rows]
