"""What the RSS monitor remembers between polls and restarts: each feed's last poll and every item
it has looked at (keyed by feed and a hash of the item's guid), with the request it was grabbed for."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import DownloadHistory, RssFeed, RssSeenItem
from rmab_desktop.domain.releases import Release


def guid_hash(release: Release) -> str:
    return hashlib.sha256(release.guid.encode()).hexdigest()


@dataclass(frozen=True)
class FeedState:
    key: str
    name: str
    last_polled_at: datetime | None
    last_error: str | None
    last_new_items: int
    page_size: int | None


class RssStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    # -- feeds -----------------------------------------------------------------------------------
    def feed(self, key: str) -> FeedState | None:
        with self.database.session() as session:
            row = session.get(RssFeed, key)
            return None if row is None else _state(row)

    def feeds(self) -> list[FeedState]:
        with self.database.session() as session:
            return [_state(row) for row in session.scalars(select(RssFeed).order_by(RssFeed.name))]

    def record_poll(
        self,
        key: str,
        name: str,
        *,
        at: datetime,
        new_items: int = 0,
        error: str | None = None,
        page_size: int | None = None,
    ) -> None:
        with self.database.session() as session:
            row = session.get(RssFeed, key)
            if row is None:
                row = RssFeed(key=key, name=name, last_new_items=0)
                session.add(row)
            row.name = name
            row.last_polled_at = at
            row.last_error = error
            row.last_new_items = new_items
            if page_size is not None:
                row.page_size = page_size

    # -- items -----------------------------------------------------------------------------------
    def unseen(self, key: str, releases: Iterable[Release]) -> list[Release]:
        """The releases of this feed not looked at before, each guid once."""
        by_hash = {guid_hash(r): r for r in releases}
        if not by_hash:
            return []
        with self.database.session() as session:
            known = set(
                session.scalars(
                    select(RssSeenItem.guid_hash).where(
                        RssSeenItem.feed_key == key, RssSeenItem.guid_hash.in_(list(by_hash))
                    )
                )
            )
        return [release for digest, release in by_hash.items() if digest not in known]

    def grabbed_before(self, releases: Iterable[Release]) -> set[str]:
        """Guids of the releases already grabbed, from any feed or by a search (download history)."""
        releases = list(releases)
        if not releases:
            return set()
        digests = {guid_hash(r): r.guid for r in releases}
        hashes = {r.infohash.lower(): r.guid for r in releases if r.infohash}
        with self.database.session() as session:
            grabbed = RssSeenItem.grabbed_at.is_not(None)
            found = {
                digests[d]
                for d in session.scalars(
                    select(RssSeenItem.guid_hash).where(grabbed, RssSeenItem.guid_hash.in_(list(digests)))
                )
            }
            if hashes:
                found |= {
                    hashes[h]
                    for h in session.scalars(
                        select(RssSeenItem.infohash).where(grabbed, RssSeenItem.infohash.in_(list(hashes)))
                    )
                    if h in hashes
                }
            found |= set(
                session.scalars(
                    select(DownloadHistory.release_guid).where(
                        DownloadHistory.release_guid.in_([r.guid for r in releases])
                    )
                )
            )
        return found

    def remember(
        self, key: str, releases: Iterable[Release], grabbed: dict[str, int], *, at: datetime
    ) -> None:
        """Every release as seen in this feed; ``grabbed`` maps a guid to the request it went to."""
        with self.database.session() as session:
            for release in releases:
                digest = guid_hash(release)
                exists = session.scalar(
                    select(RssSeenItem).where(RssSeenItem.feed_key == key, RssSeenItem.guid_hash == digest)
                )
                row = exists or RssSeenItem(feed_key=key, guid_hash=digest, seen_at=at)
                row.title = release.title[:1000]
                row.infohash = release.infohash.lower() if release.infohash else None
                if release.guid in grabbed:
                    row.request_id, row.grabbed_at = grabbed[release.guid], at
                if exists is None:
                    session.add(row)

    def seen_count(self, key: str | None = None) -> int:
        with self.database.session() as session:
            query = select(func.count()).select_from(RssSeenItem)
            if key is not None:
                query = query.where(RssSeenItem.feed_key == key)
            return int(session.scalar(query) or 0)


def _state(row: RssFeed) -> FeedState:
    return FeedState(row.key, row.name, row.last_polled_at, row.last_error, row.last_new_items, row.page_size)
