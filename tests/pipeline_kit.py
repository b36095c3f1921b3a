"""A request pipeline wired for tests: real queue, executor, RequestService, DownloadService,
blocklist and ranking; indexers are a stand-in that returns given releases (``StaticIndexers``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, DownloadHistory, JobRecord, Request, utcnow
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.releases import Release
from rmab_desktop.services import pipeline
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.downloads import BlocklistService, DownloadService, DownloadSettings
from rmab_desktop.services.downloads.history import DownloadHistoryLog
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.pipeline import Acquisition, PipelineDeps
from rmab_desktop.services.ranking import rank_releases
from rmab_desktop.services.requests import RequestService, UserService

BOOK = BookInfo(
    title="The Quiet Test",
    asin="B0QUIETTST",
    authors=("Jane Doe",),
    narrators=("Sam Reader",),
    runtime_minutes=60,
)


@dataclass
class StaticIndexers:
    """Returns the releases it was given; ``files`` maps a guid to the .torrent/.nzb bytes or magnet."""

    releases: list[Release] = field(default_factory=list)
    files: dict[str, bytes | str] = field(default_factory=dict)
    searches: int = 0

    def search(
        self, book: BookInfo, kind: str = "audiobook", custom_terms: str | None = None
    ) -> list[Release]:
        self.searches += 1
        return list(self.releases)

    def fetch_release_file(self, release: Release) -> bytes | str:
        if release.guid not in self.files:
            raise NotFoundError(f"The indexer has no file for '{release.title}' (HTTP 404).")
        return self.files[release.guid]


DRAIN_SLACK_SECONDS = 10


class ShiftedClock:
    """Real time plus an offset tests can advance (stall timeouts without waiting)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@dataclass
class PipelineKit:
    database: Database
    queue: JobQueue
    executor: JobExecutor
    requests: RequestService
    downloads: DownloadService
    blocklist: BlocklistService
    indexers: StaticIndexers
    acquisition: Acquisition
    clock: ShiftedClock

    def add_request(
        self,
        book: BookInfo = BOOK,
        status: RequestStatus = RequestStatus.AWAITING_SEARCH,
        kind: str = "audiobook",
    ) -> int:
        with self.database.session() as session:
            audiobook = Audiobook(
                asin=book.asin,
                region=book.region,
                title=book.title,
                authors=[{"name": a} for a in book.authors],
                narrators=list(book.narrators),
                runtime_minutes=book.runtime_minutes,
            )
            session.add(audiobook)
            session.flush()
            row = Request(audiobook_id=audiobook.id, status=status.value, region=book.region, kind=kind)
            session.add(row)
            session.flush()
            return row.id

    def configure(self, **changes: Any) -> DownloadSettings:
        settings = self.downloads.settings()
        for key, value in changes.items():
            settings = settings.model_copy(update={key: value})
        self.downloads.save_settings(settings)
        return settings

    def run_until(
        self, done: Callable[[], object], timeout: float, *, on_tick: Callable[[], None] | None = None
    ) -> object:
        """Run due jobs (as the app's job pump does) until ``done()`` is truthy; fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            value = done()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"pipeline did not get there in {timeout:g} s; jobs: {self.job_summary()}"
                )
            if on_tick is not None:
                on_tick()
            if not self.run_due():
                time.sleep(0.05)

    def run_due(self, now: datetime | None = None) -> bool:
        """Run one job that is due by the kit's clock (or ``now``); False when none is."""
        job = self.queue.claim(self.executor.handlers.types, now=now or self.clock())
        if job is None:
            return False
        self.executor.execute(job, CancelToken())
        return True

    def drain(self, limit: int = 200) -> None:
        """Run the jobs due now, and those they enqueue for now (slow databases included: 10 s of
        slack); a monitor re-enqueued a poll interval (longer than that) later waits for the next drain."""
        now = self.clock() + timedelta(seconds=DRAIN_SLACK_SECONDS)
        for _ in range(limit):
            if not self.run_due(now):
                return
        raise AssertionError(f"jobs keep coming: {self.job_summary()[-10:]}")

    def settled(self, request_id: int) -> bool:
        """Downloaded, or back to waiting for a search after at least one search."""
        details = self.requests.get(request_id)
        return details.status in (RequestStatus.DOWNLOADED, RequestStatus.WARN, RequestStatus.FAILED) or (
            details.status == RequestStatus.AWAITING_SEARCH and details.search_attempts > 0
        )

    def status(self, request_id: int) -> RequestStatus:
        return self.requests.get(request_id).status

    def history(self, request_id: int) -> list[DownloadHistory]:
        with self.database.session() as session:
            rows = session.scalars(
                select(DownloadHistory)
                .where(DownloadHistory.request_id == request_id)
                .order_by(DownloadHistory.id)
            ).all()
            session.expunge_all()
            return list(rows)

    def jobs(self, job_type: str, status: JobStatus | None = None) -> list[JobRecord]:
        with self.database.session() as session:
            query = select(JobRecord).where(JobRecord.type == job_type).order_by(JobRecord.id)
            if status is not None:
                query = query.where(JobRecord.status == status.value)
            rows = session.scalars(query).all()
            session.expunge_all()
            return list(rows)

    def job_summary(self) -> list[tuple[str, str, str | None]]:
        with self.database.session() as session:
            return [
                (r.type, r.status, r.last_error)
                for r in session.scalars(select(JobRecord).order_by(JobRecord.id))
            ]

    def close(self) -> None:
        self.downloads.close()


def make_kit(
    database: Database, direct_root: Path, indexers: Any = None, *, factory: Any = None
) -> PipelineKit:
    queue = JobQueue(database)
    config = ConfigStore(database)
    users = UserService(database, config)

    def no_lookup(asin: str, region: str) -> Any:
        raise NotFoundError("no catalog in pipeline tests")

    requests = RequestService(database, queue, EventBus(), users, no_lookup)
    downloads = DownloadService(
        config, CredentialStore(), direct_root, **({"factory": factory} if factory else {})
    )
    clock = ShiftedClock()
    blocklist = BlocklistService(database)
    indexers = indexers or StaticIndexers()
    deps = PipelineDeps(
        database=database,
        queue=queue,
        downloads=downloads,
        blocklist=blocklist,
        history=DownloadHistoryLog(database),
        requests=requests,
        indexers=indexers,
        rank=lambda book, releases, interactive, kind: rank_releases(
            book, releases, None, interactive, kind=kind
        ),
        clock=clock,
    )
    acquisition = Acquisition(deps)
    return PipelineKit(
        database,
        queue,
        JobExecutor(queue, JobHandlers(pipeline.feature(acquisition).jobs)),
        requests,
        downloads,
        blocklist,
        indexers,
        acquisition,
        clock,
    )
