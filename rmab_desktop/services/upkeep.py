"""Scheduled upkeep that closes loops the pipeline leaves open (S7):

- ``library.recent``: scan the library folder incrementally; when books were added (by the app or
  by hand), match them against requests still waiting and mark those available.
- ``imports.retry_failed``: requests left in *warn* by a failed import get their last organize
  job run again, a bounded number of times (the download is still where it was).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord
from rmab_desktop.domain.enums import EventLevel, JobStatus, RequestStatus
from rmab_desktop.domain.library import LibraryBook, WantedBook
from rmab_desktop.services.job_executor import JobContext, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.matching import match_books
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.scheduler import ScheduleDefinition

RECENT_JOB = "library.recent"
RETRY_IMPORTS_JOB = "imports.retry_failed"
ORGANIZE_JOB = "request.organize"
MAX_IMPORT_ATTEMPTS = 10
RETRY_BATCH = 20
# Waiting for the library, not in the middle of the pipeline (which links books itself).
WAITING = [
    RequestStatus.AWAITING_SEARCH,
    RequestStatus.AWAITING_RELEASE,
    RequestStatus.SEARCHING,
    RequestStatus.FAILED,
    RequestStatus.WARN,
]

SCHEDULES = [
    ScheduleDefinition("library_recent", "Check recently added books", RECENT_JOB, "*/15 * * * *"),
    ScheduleDefinition("retry_failed_imports", "Retry failed imports", RETRY_IMPORTS_JOB, "35 */6 * * *"),
]


class Requests(Protocol):
    def list(self, *, statuses: list[RequestStatus] | None = None, limit: int = 1000) -> list[Any]: ...
    def set_status(self, request_id: int, status: RequestStatus, message: str, **kwargs: Any) -> Any: ...


def make_available(
    requests: Requests, library: Callable[[], Sequence[LibraryBook]], job_id: int | None = None
) -> int:
    """Requests still waiting whose book is in ``library`` (read only when some wait) become available."""
    waiting = requests.list(statuses=WAITING)
    if not waiting:
        return 0
    found = 0
    for match in match_books([WantedBook(str(r.id), r.book) for r in waiting], list(library())):
        if match.path:
            requests.set_status(
                int(match.id),
                RequestStatus.AVAILABLE,
                f"Found in the library at {match.path} ({match.reason})",
                job_id=job_id,
            )
            found += 1
    return found


def check_recently_added(
    ctx: JobContext, scanner: LibraryScanner, requests: Requests, root: str | None
) -> dict[str, Any]:
    if not root:
        return {"skipped": "no library folder"}
    stats = scanner.scan(root, progress=None, cancel=ctx.cancel)
    if not stats.books_changed:
        return {"books_changed": 0, "available": 0}
    found = make_available(requests, lambda: scanner.list_books(root, with_evidence=True), ctx.job.id)
    ctx.event(
        f"{stats.books_changed} book(s) added or changed; {found} request(s) now available", context="library"
    )
    return {"books_changed": stats.books_changed, "available": found}


def retry_failed_imports(
    ctx: JobContext, database: Database, queue: JobQueue, requests: Requests
) -> dict[str, Any]:
    retried: list[int] = []
    for details in requests.list(statuses=[RequestStatus.WARN], limit=RETRY_BATCH):
        if details.import_attempts >= MAX_IMPORT_ATTEMPTS:
            continue
        with database.session() as session:
            last = session.scalar(
                select(JobRecord)
                .where(JobRecord.type == ORGANIZE_JOB, JobRecord.request_id == details.id)
                .order_by(JobRecord.id.desc())
                .limit(1)
            )
            job_id = last.id if last is not None and last.status == JobStatus.FAILED.value else None
        if job_id is None:
            continue  # a conflict or a wrong book waits for a person, not for a retry
        queue.retry(job_id)
        requests.set_status(
            details.id,
            RequestStatus.PROCESSING,
            "Retrying the import",
            job_id=ctx.job.id,
            level=EventLevel.INFO,
        )
        retried.append(details.id)
    if retried:
        ctx.event(f"Retrying the import of {len(retried)} request(s)", context="imports")
    return {"retried": retried}


def register(
    handlers: JobHandlers,
    database: Database,
    queue: JobQueue,
    requests: Requests,
    library_root: Callable[[], str | None],
) -> None:
    scanner = LibraryScanner(database)
    handlers.register(
        RECENT_JOB,
        lambda ctx: check_recently_added(ctx, scanner, requests, library_root()),
        "Check recently added books",
    )
    handlers.register(
        RETRY_IMPORTS_JOB,
        lambda ctx: retry_failed_imports(ctx, database, queue, requests),
        "Retry failed imports",
    )
