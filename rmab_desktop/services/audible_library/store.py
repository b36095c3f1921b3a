"""The stored Audible library and wishlist: upserts keyed by (user, ASIN, shelf), reads, history.

Only this package writes ``audible_library_entries`` and ``audible_sync_history``. An upsert
compares every stored field, so importing the same export twice changes nothing (and says so).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AudibleLibraryEntry, AudibleSyncHistory, Audiobook, LibraryItem, utcnow
from rmab_desktop.domain.audible_library import (
    AudibleEntry,
    AudibleTitle,
    ImportSummary,
    ListeningState,
    Shelf,
    SyncRecord,
)
from rmab_desktop.domain.errors import NotFoundError

COMPARED = (
    "title",
    "authors",
    "narrators",
    "series_title",
    "series_position",
    "runtime_min",
    "cover_url",
    "region",
    "progress_percent",
    "finished",
    "rating",
    "average_rating",
    "purchase_date",
    "date_added",
)
SORTS: dict[str, Callable[[AudibleEntry], Any]] = {
    "title": lambda e: e.title.casefold(),
    "author": lambda e: (e.authors[0].casefold() if e.authors else "", e.title.casefold()),
    "added": lambda e: e.date_added or e.purchase_date,  # only entries that have one are sorted by it
    "purchased": lambda e: e.purchase_date or e.date_added,
    "progress": lambda e: 100.0 if e.finished else e.progress_percent or 0.0,
    "rating": lambda e: e.rating or 0.0,
}


def _columns(title: AudibleTitle, region: str) -> dict[str, Any]:
    return {
        "title": title.title[:500],
        "authors": list(title.authors),
        "narrators": list(title.narrators),
        "series_title": title.series_title[:300],
        "series_position": title.series_position[:20],
        "runtime_min": title.runtime_min,
        "cover_url": title.cover_url,
        "region": title.region or region,
        "progress_percent": title.progress_percent,
        "finished": title.finished,
        "rating": title.rating,
        "average_rating": title.average_rating,
        "purchase_date": title.purchase_date,
        "date_added": title.date_added,
    }


def _entry(row: AudibleLibraryEntry, local_asins: set[str]) -> AudibleEntry:
    return AudibleEntry(
        id=row.id,
        shelf=Shelf(row.source),
        asin=row.asin,
        title=row.title,
        authors=tuple(row.authors or ()),
        narrators=tuple(row.narrators or ()),
        series_title=row.series_title,
        series_position=row.series_position,
        runtime_min=row.runtime_min,
        cover_url=row.cover_url,
        region=row.region,
        origin=row.origin,
        progress_percent=row.progress_percent,
        finished=row.finished,
        rating=row.rating,
        average_rating=row.average_rating,
        purchase_date=row.purchase_date,
        date_added=row.date_added,
        ignored=row.ignored,
        in_local_library=row.asin in local_asins,
    )


def local_library_asins(session: Session, asins: Iterable[str]) -> set[str]:
    """Which of ``asins`` are in the local library (a scanned item, or an imported audiobook)."""
    wanted = sorted(set(asins))
    if not wanted:
        return set()
    found = set(session.scalars(select(LibraryItem.asin).where(LibraryItem.asin.in_(wanted))))
    found.update(
        session.scalars(
            select(Audiobook.asin).where(Audiobook.asin.in_(wanted), Audiobook.library_path.is_not(None))
        )
    )
    return {asin for asin in found if asin}


class AudibleLibraryStore:
    def __init__(self, database: Database, current_user_id: Callable[[], int | None]) -> None:
        self.database = database
        self.current_user_id = current_user_id

    # -- writing -------------------------------------------------------------------------------
    def save(
        self,
        titles: Iterable[AudibleTitle],
        shelf: Shelf,
        *,
        kind: str,
        origin: str,
        source: str,
        region: str,
        errors: Iterable[str] = (),
        complete: bool = False,
        started: float | None = None,
    ) -> ImportSummary:
        """Upsert ``titles``; ``complete``: the titles are the whole shelf, so others are removed."""
        started = time.monotonic() if started is None else started
        titles = list(titles)
        errors = tuple(errors)
        user_id = self.current_user_id()

        def run() -> ImportSummary:
            with self.database.session() as session:
                added, updated, unchanged = self._upsert(session, user_id, titles, shelf, origin, region)
                removed = self._remove_missing(session, user_id, shelf, region, titles) if complete else 0
                duration_ms = int((time.monotonic() - started) * 1000)
                history = AudibleSyncHistory(
                    user_id=user_id,
                    kind=kind,
                    source=shelf.value,
                    source_file=source,
                    imported=added,
                    updated=updated,
                    removed=removed,
                    errors=len(errors),
                    duration_ms=duration_ms,
                    message="\n".join(errors[:50]),
                    synced_at=utcnow(),
                )
                session.add(history)
                session.flush()
                return ImportSummary(
                    shelf, added, updated, unchanged, removed, errors, duration_ms, history.id, source
                )

        return retry_on_conflict(run)

    def _upsert(
        self,
        session: Session,
        user_id: int | None,
        titles: list[AudibleTitle],
        shelf: Shelf,
        origin: str,
        region: str,
    ) -> tuple[int, int, int]:
        existing = {
            row.asin: row
            for row in session.scalars(
                select(AudibleLibraryEntry).where(
                    AudibleLibraryEntry.user_id.is_(None)
                    if user_id is None
                    else AudibleLibraryEntry.user_id == user_id,
                    AudibleLibraryEntry.source == shelf.value,
                )
            )
        }
        added = updated = unchanged = 0
        for title in {t.asin: t for t in titles}.values():  # the last row of an ASIN wins
            columns = _columns(title, region)
            row = existing.get(title.asin)
            if row is None:
                row = AudibleLibraryEntry(
                    user_id=user_id, asin=title.asin, source=shelf.value, origin=origin, raw=title.raw
                )
                for key, value in columns.items():
                    setattr(row, key, value)
                session.add(row)
                existing[title.asin] = row
                added += 1
            elif any(getattr(row, key) != value for key, value in columns.items()):
                for key, value in columns.items():
                    setattr(row, key, value)
                row.origin, row.raw = origin, title.raw
                updated += 1
            else:
                unchanged += 1
        session.flush()
        return added, updated, unchanged

    def _remove_missing(
        self, session: Session, user_id: int | None, shelf: Shelf, region: str, titles: list[AudibleTitle]
    ) -> int:
        seen = {t.asin for t in titles}
        stale = [
            row.id
            for row in self._rows(session, user_id, shelf)
            if row.region == region and row.asin not in seen
        ]
        if stale:
            session.execute(delete(AudibleLibraryEntry).where(AudibleLibraryEntry.id.in_(stale)))
        return len(stale)

    def set_ignored(self, asin: str, ignored: bool) -> AudibleEntry:
        """Mark a wishlist title as never to be requested (or undo that)."""
        user_id = self.current_user_id()
        with self.database.session() as session:
            row = session.scalar(
                self._query(user_id, Shelf.WISHLIST).where(AudibleLibraryEntry.asin == asin.strip().upper())
            )
            if row is None:
                raise NotFoundError(
                    f"{asin} is not on your Audible wishlist.", hint="Import or sync it first."
                )
            row.ignored = ignored
            session.flush()
            return _entry(row, local_library_asins(session, [row.asin]))

    # -- reading -------------------------------------------------------------------------------
    @staticmethod
    def _query(user_id: int | None, shelf: Shelf):  # type: ignore[no-untyped-def]
        owner = (
            AudibleLibraryEntry.user_id.is_(None)
            if user_id is None
            else AudibleLibraryEntry.user_id == user_id
        )
        return select(AudibleLibraryEntry).where(owner, AudibleLibraryEntry.source == shelf.value)

    def _rows(self, session: Session, user_id: int | None, shelf: Shelf) -> list[AudibleLibraryEntry]:
        return list(session.scalars(self._query(user_id, shelf)))

    def entries(
        self,
        shelf: Shelf = Shelf.LIBRARY,
        *,
        search: str = "",
        state: ListeningState | None = None,
        in_local_library: bool | None = None,
        sort: str = "title",
        descending: bool = False,
    ) -> list[AudibleEntry]:
        """The shelf, filtered (words in title/author/narrator/series, state, local copy) and sorted."""
        user_id = self.current_user_id()
        with self.database.session() as session:
            rows = self._rows(session, user_id, shelf)
            local = local_library_asins(session, (row.asin for row in rows))
            found = [_entry(row, local) for row in rows]
        words = search.casefold().split()
        if words:
            found = [e for e in found if all(w in _haystack(e) for w in words)]
        if state is not None:
            found = [e for e in found if e.state == state]
        if in_local_library is not None:
            found = [e for e in found if e.in_local_library == in_local_library]
        key = SORTS.get(sort, SORTS["title"])
        with_value = [e for e in found if _has_sort_value(e, sort)]
        without = [e for e in found if not _has_sort_value(e, sort)]
        return sorted(with_value, key=key, reverse=descending) + sorted(without, key=SORTS["title"])

    def find(self, asin: str) -> AudibleEntry | None:
        """The current user's entry for ``asin`` in the library, else in the wishlist."""
        user_id = self.current_user_id()
        with self.database.session() as session:
            for shelf in (Shelf.LIBRARY, Shelf.WISHLIST):
                row = session.scalars(
                    self._query(user_id, shelf).where(AudibleLibraryEntry.asin == asin.upper())
                ).first()
                if row is not None:
                    return _entry(row, local_library_asins(session, [row.asin]))
        return None

    def owned_asins(self, asins: Iterable[str] | None = None) -> set[str]:
        """ASINs in the current user's Audible library (of ``asins``, when given)."""
        user_id = self.current_user_id()  # before the session: resolving the user may write
        with self.database.session() as session:
            query = select(AudibleLibraryEntry.asin).where(
                or_(
                    AudibleLibraryEntry.user_id == user_id,
                    AudibleLibraryEntry.user_id.is_(None),
                ),
                AudibleLibraryEntry.source == Shelf.LIBRARY.value,
            )
            if asins is not None:
                query = query.where(AudibleLibraryEntry.asin.in_(sorted({a.upper() for a in asins})))
            return set(session.scalars(query))

    def history(self, limit: int = 20) -> list[SyncRecord]:
        user_id = self.current_user_id()
        with self.database.session() as session:
            rows = session.scalars(
                select(AudibleSyncHistory)
                .where(AudibleSyncHistory.user_id == user_id)
                .order_by(AudibleSyncHistory.id.desc())
                .limit(limit)
            )
            return [
                SyncRecord(
                    id=row.id,
                    kind=row.kind,
                    shelf=Shelf(row.source),
                    source=row.source_file,
                    added=row.imported,
                    updated=row.updated,
                    removed=row.removed,
                    errors=row.errors,
                    duration_ms=row.duration_ms,
                    message=row.message,
                    synced_at=row.synced_at,
                )
                for row in rows
            ]

    def last_sync(self, shelf: Shelf, region: str, *, kind: str | None = None) -> datetime | None:
        """When the last sync of the shelf without errors ran (``kind``: only full or incremental ones)."""
        query = select(AudibleSyncHistory.synced_at).where(
            AudibleSyncHistory.user_id == self.current_user_id(),
            AudibleSyncHistory.kind.startswith("sync") if kind is None else AudibleSyncHistory.kind == kind,
            AudibleSyncHistory.source == shelf.value,
            AudibleSyncHistory.source_file == f"audible:{region}",
            AudibleSyncHistory.errors == 0,
        )
        with self.database.session() as session:
            return session.scalar(query.order_by(AudibleSyncHistory.id.desc()).limit(1))


def _haystack(entry: AudibleEntry) -> str:
    return " ".join(
        (entry.title, *entry.authors, *entry.narrators, entry.series_title, entry.asin)
    ).casefold()


def _has_sort_value(entry: AudibleEntry, sort: str) -> bool:
    if sort == "added":
        return entry.date_added is not None or entry.purchase_date is not None
    if sort == "purchased":
        return entry.purchase_date is not None or entry.date_added is not None
    if sort == "rating":
        return entry.rating is not None
    return True
