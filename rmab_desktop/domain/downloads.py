"""What a download client reports about one item, in one shape for every client."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rmab_desktop.domain.releases import ReleaseFile


class DownloadState(StrEnum):
    QUEUED = "queued"
    CHECKING = "checking"
    DOWNLOADING = "downloading"
    STALLED = "stalled"  # the client itself says nothing moves (no peers, no articles)
    PAUSED = "paused"
    COMPLETED = "completed"  # finished, not seeding (usenet, direct HTTP, stopped torrent)
    SEEDING = "seeding"
    FAILED = "failed"
    MISSING = "missing"  # the client no longer knows the item


FINISHED_STATES = frozenset({DownloadState.COMPLETED, DownloadState.SEEDING})


@dataclass(frozen=True)
class DownloadItem:
    """One item in a client. ``id`` is the infohash, nzo id, NZBGet id or direct-download key."""

    id: str
    name: str
    state: DownloadState
    progress: float = 0.0  # 0..1
    size_bytes: int | None = None
    downloaded_bytes: int | None = None
    speed_bps: int | None = None
    eta_seconds: int | None = None
    ratio: float | None = None
    seeding_seconds: int | None = None
    save_path: str | None = None  # the client's view (remote)
    content_path: str | None = None  # file or folder of the finished item, client's view
    category: str | None = None
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES


@dataclass(frozen=True)
class NewDownload:
    """What to hand a client: exactly one of torrent/magnet/nzb/url, plus where and how to file it."""

    name: str
    torrent: bytes | None = None
    magnet: str | None = None
    nzb: bytes | None = None
    url: str | None = None  # an NZB URL for usenet clients, the file URL for direct HTTP
    http_files: tuple[ReleaseFile, ...] = ()  # direct HTTP releases of several files (one folder)
    category: str | None = None
    save_path: str | None = None  # in the client's view of the file system
    size_bytes: int | None = None  # expected size (direct HTTP verifies it)
    paused: bool = False


@dataclass(frozen=True)
class BlocklistItem:
    """A release that must not be grabbed again for one book (or for any book: ``audiobook_id`` None)."""

    id: int
    audiobook_id: int | None
    book_title: str
    release_title: str
    release_guid: str | None
    infohash: str | None
    indexer: str
    reason: str
    created_at: datetime
