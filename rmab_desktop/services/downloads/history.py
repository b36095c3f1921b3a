"""Download history: one row per grab of a release for a request, followed to the end.

This module is the only writer of ``download_history`` (see ``rmab_desktop/db/ownership.py``):
the pipeline records a grab and its outcome, organize marks a wrong download, cleanup marks a
torrent removed from its client, all through :class:`DownloadHistoryLog`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import DownloadHistory, Request
from rmab_desktop.domain.releases import RankedRelease, Release

# downloading -> completed | failed | cancelled
HistoryStatus = Literal["downloading", "completed", "failed", "cancelled"]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    request_id: int
    status: str
    release_title: str
    release_guid: str
    indexer: str
    protocol: str
    client_id: str
    item_id: str
    download_path: str | None
    seeding_ratio: float | None
    seeding_seconds: int | None
    removed_from_client: bool


@dataclass(frozen=True)
class ImportedDownload:
    """A grab another app made (moving over): what it was and how it ended."""

    title: str
    guid: str
    status: HistoryStatus
    indexer: str = ""
    protocol: str = "torrent"
    client: str = ""
    item_id: str | None = None
    size_bytes: int | None = None
    score: float | None = None
    path: str | None = None
    error: str | None = None
    completed_at: datetime | None = None


def _entry(row: DownloadHistory) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        request_id=row.request_id,
        status=row.status,
        release_title=row.release_title,
        release_guid=row.release_guid,
        indexer=row.indexer,
        protocol=row.protocol,
        client_id=row.client_name,
        item_id=row.client_item_id or "",
        download_path=row.download_path,
        seeding_ratio=row.seeding_ratio,
        seeding_seconds=row.seeding_seconds,
        removed_from_client=row.removed_from_client,
    )


class DownloadHistoryLog:
    def __init__(self, database: Database) -> None:
        self.database = database

    def record_grab(
        self,
        request_id: int,
        candidate: RankedRelease,
        release: Release,
        client_id: str,
        item_id: str,
        *,
        seeding_ratio: float | None,
        seeding_seconds: int | None,
    ) -> int:
        """A release handed to a download client; ``release`` may carry the client's infohash."""
        return self._add(
            DownloadHistory(
                request_id=request_id,
                release_guid=release.guid,
                release_title=release.title,
                indexer=release.indexer,
                protocol=release.protocol,
                client_name=client_id,
                client_item_id=item_id,
                size_bytes=release.size_bytes,
                score=candidate.score,
                score_parts=dict(candidate.parts),
                status="downloading",
                seeding_ratio=seeding_ratio,
                seeding_seconds=seeding_seconds,
            )
        )

    def record_imported(self, request_id: int, download: ImportedDownload) -> int:
        """A grab made by another app, kept as history: marked out of the client, so no job touches it."""
        return self._add(
            DownloadHistory(
                request_id=request_id,
                release_guid=download.guid,
                release_title=download.title,
                indexer=download.indexer,
                protocol=download.protocol,
                client_name=download.client,
                client_item_id=download.item_id,
                size_bytes=download.size_bytes,
                score=download.score,
                status=download.status,
                download_path=download.path,
                error=download.error,
                removed_from_client=True,
                completed_at=download.completed_at,
            )
        )

    def _add(self, row: DownloadHistory) -> int:
        with self.database.session() as session:
            session.add(row)
            session.flush()
            return row.id

    def get(self, history_id: int) -> HistoryEntry | None:
        with self.database.session() as session:
            row = session.get(DownloadHistory, history_id)
            return None if row is None else _entry(row)

    def downloading(self, request_id: int) -> list[HistoryEntry]:
        with self.database.session() as session:
            rows = session.scalars(
                select(DownloadHistory).where(
                    DownloadHistory.request_id == request_id, DownloadHistory.status == "downloading"
                )
            )
            return [_entry(row) for row in rows]

    def completed_in_client(self) -> list[tuple[HistoryEntry, str, datetime | None]]:
        """Completed downloads still in their client, each with its request's status and deletion."""
        with self.database.session() as session:
            rows = session.execute(
                select(DownloadHistory, Request.status, Request.deleted_at)
                .join(Request, Request.id == DownloadHistory.request_id)
                .where(DownloadHistory.status == "completed", DownloadHistory.removed_from_client.is_(False))
            ).all()
            return [(_entry(row), status, deleted_at) for row, status, deleted_at in rows]

    def set_status(
        self,
        history_id: int,
        status: HistoryStatus,
        *,
        error: str | None = None,
        removed_from_client: bool | None = None,
        download_path: str | None = None,
        completed_at: datetime | None = None,
    ) -> None:
        """The grab's outcome; a row deleted meanwhile (its request was) is left alone."""
        with self.database.session() as session:
            row = session.get(DownloadHistory, history_id)
            if row is None:
                return
            row.status = status
            if error is not None:
                row.error = error
            if removed_from_client is not None:
                row.removed_from_client = removed_from_client
            if download_path is not None:
                row.download_path = download_path
            if completed_at is not None:
                row.completed_at = completed_at

    def mark_removed(self, history_id: int) -> None:
        """The download was removed from its client (seeding done)."""
        with self.database.session() as session:
            row = session.get(DownloadHistory, history_id)
            if row is not None:
                row.removed_from_client = True
