"""What an indexer offers (a Release) and what ranking made of it (a RankedRelease)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Protocol = Literal["torrent", "usenet", "http"]

# Prowlarr's convention: 1 is the most trusted indexer, 50 the least; 25 is the default.
DEFAULT_INDEXER_PRIORITY = 25


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a direct-download release (public-domain sources)."""

    name: str
    url: str
    size_bytes: int | None = None
    format: str | None = None


@dataclass(frozen=True)
class Release:
    guid: str
    title: str
    indexer: str = ""
    protocol: Protocol = "torrent"
    size_bytes: int | None = None
    seeders: int | None = None
    peers: int | None = None
    grabs: int | None = None
    download_url: str | None = None
    magnet_url: str | None = None
    infohash: str | None = None
    info_url: str | None = None
    publish_date: datetime | None = None
    categories: tuple[int, ...] = ()
    files: int | None = None
    flags: tuple[str, ...] = ()
    indexer_priority: int = DEFAULT_INDEXER_PRIORITY
    author: str | None = None
    book_title: str | None = None
    indexer_id: int | None = None
    http_files: tuple[ReleaseFile, ...] = ()
    minimum_ratio: float | None = None
    minimum_seed_minutes: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def fetch_url(self) -> str | None:
        """Where the .torrent/.nzb (or the magnet) comes from."""
        return self.download_url or self.magnet_url

    def to_json(self) -> dict[str, Any]:
        return {
            "guid": self.guid,
            "title": self.title,
            "indexer": self.indexer,
            "indexer_id": self.indexer_id,
            "protocol": self.protocol,
            "size_bytes": self.size_bytes,
            "seeders": self.seeders,
            "peers": self.peers,
            "grabs": self.grabs,
            "download_url": self.download_url,
            "magnet_url": self.magnet_url,
            "infohash": self.infohash,
            "info_url": self.info_url,
            "publish_date": self.publish_date.isoformat() if self.publish_date else None,
            "categories": list(self.categories),
            "files": self.files,
            "flags": list(self.flags),
            "indexer_priority": self.indexer_priority,
            "author": self.author,
            "book_title": self.book_title,
        }


@dataclass(frozen=True)
class RankedRelease:
    release: Release
    accepted: bool
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "guid": self.release.guid,
            "title": self.release.title,
            "accepted": self.accepted,
            "score": self.score,
            "parts": dict(self.parts),
            "reasons": list(self.reasons),
        }
