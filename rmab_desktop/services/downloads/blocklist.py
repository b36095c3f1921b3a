"""Releases that failed for a book (bad download, stalled, wrong content, import failure).

A blocked release is matched by guid or by info-hash (the same torrent from another indexer is
the same bad data). Entries without a book block the release for every book.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, or_, select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, BlocklistEntry
from rmab_desktop.domain.downloads import BlocklistItem
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.releases import Release


def _item(row: BlocklistEntry, book_title: str | None) -> BlocklistItem:
    return BlocklistItem(
        id=row.id,
        audiobook_id=row.audiobook_id,
        book_title=book_title or "",
        release_title=row.release_title,
        release_guid=row.release_guid,
        infohash=row.infohash,
        indexer=row.indexer,
        reason=row.reason,
        created_at=row.created_at,
    )


class BlocklistService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def add(self, audiobook_id: int | None, release: Release, reason: str) -> int:
        return self.add_manual(
            audiobook_id,
            release.title,
            guid=release.guid,
            infohash=release.infohash,
            indexer=release.indexer,
            reason=reason,
        )

    def add_manual(
        self,
        audiobook_id: int | None,
        release_title: str,
        *,
        guid: str | None = None,
        infohash: str | None = None,
        indexer: str = "",
        reason: str = "",
    ) -> int:
        guid, infohash = (guid or "").strip() or None, (infohash or "").strip().lower() or None
        if not guid and not infohash:
            raise ValidationError("A blocked release needs its guid or its info-hash.")
        with self.database.session() as session:
            existing = session.scalar(self._matching(audiobook_id, guid, infohash, exact_book=True))
            if existing is not None:
                existing.reason = reason or existing.reason
                return existing.id
            row = BlocklistEntry(
                audiobook_id=audiobook_id,
                release_guid=guid,
                infohash=infohash,
                release_title=release_title or guid or infohash or "",
                indexer=indexer or "",
                reason=reason,
            )
            session.add(row)
            session.flush()
            return row.id

    @staticmethod
    def _matching(
        audiobook_id: int | None, guid: str | None, infohash: str | None, *, exact_book: bool = False
    ) -> Select[BlocklistEntry]:
        keys: list[ColumnElement[bool]] = []
        if guid:
            keys.append(BlocklistEntry.release_guid == guid)
        if infohash:
            keys.append(BlocklistEntry.infohash == infohash.lower())
        query = select(BlocklistEntry).where(or_(*keys))
        if exact_book:
            return query.where(
                BlocklistEntry.audiobook_id == audiobook_id
                if audiobook_id is not None
                else BlocklistEntry.audiobook_id.is_(None)
            ).limit(1)
        book: ColumnElement[bool] = BlocklistEntry.audiobook_id.is_(None)
        if audiobook_id is not None:
            book = or_(book, BlocklistEntry.audiobook_id == audiobook_id)
        return query.where(book).limit(1)

    def is_blocked(self, audiobook_id: int | None, release: Release) -> bool:
        if not release.guid and not release.infohash:
            return False
        with self.database.session() as session:
            return session.scalar(self._matching(audiobook_id, release.guid, release.infohash)) is not None

    def blocked_keys(self, audiobook_id: int | None) -> tuple[set[str], set[str]]:
        """(guids, infohashes) blocked for this book: one query for a whole result list."""
        with self.database.session() as session:
            query = select(BlocklistEntry.release_guid, BlocklistEntry.infohash)
            book: ColumnElement[bool] = BlocklistEntry.audiobook_id.is_(None)
            if audiobook_id is not None:
                book = or_(book, BlocklistEntry.audiobook_id == audiobook_id)
            rows = session.execute(query.where(book)).all()
        return {g for g, _ in rows if g}, {h for _, h in rows if h}

    def remove(self, entry_id: int) -> None:
        with self.database.session() as session:
            row = session.get(BlocklistEntry, entry_id)
            if row is None:
                raise NotFoundError(f"Blocklist entry {entry_id} does not exist.")
            session.delete(row)

    def list(self, audiobook_id: int | None = None, limit: int = 5000) -> list[BlocklistItem]:
        with self.database.session() as session:
            query = (
                select(BlocklistEntry, Audiobook.title)
                .outerjoin(Audiobook, Audiobook.id == BlocklistEntry.audiobook_id)
                .order_by(BlocklistEntry.id.desc())
                .limit(limit)
            )
            if audiobook_id is not None:
                query = query.where(BlocklistEntry.audiobook_id == audiobook_id)
            return [_item(row, title) for row, title in session.execute(query)]
