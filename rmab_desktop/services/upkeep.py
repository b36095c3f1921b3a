"""Scheduled upkeep that closes loops the pipeline leaves open:

- ``library.recent``: scan the library folder incrementally; when books were added (by the app or
  by hand), match them against requests still waiting and mark those available.
- ``imports.retry_failed``: requests left in *warn* by a failed import get their last organize
  job run again, a bounded number of times (the download is still where it was).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord
from rmab_desktop.domain.enums import EventLevel, JobStatus, RequestStatus
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.availability import Requests, make_available
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.scheduler import ScheduleDefinition
from rmab_desktop.settings import Preferences

tr = Translator("UpkeepJobs")  # job titles and schedule names (shown through text()), log lines

MAX_IMPORT_ATTEMPTS = 10
RETRY_BATCH = 20


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
        tr("{books}; {requests}").format(
            books=tr.n("%n book(s) added or changed", stats.books_changed),
            requests=tr.n("%n request(s) now available", found),
        ),
        context="library",
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
                .where(JobRecord.type == JobType.REQUESTS_ORGANIZE, JobRecord.request_id == details.id)
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
            tr("Retrying the import"),
            job_id=ctx.job.id,
            level=EventLevel.INFO,
        )
        retried.append(details.id)
    if retried:
        ctx.event(tr.n("Retrying the import of %n request(s)", len(retried)), context="imports")
    return {"retried": retried}


def feature(database: Database, queue: JobQueue, requests: Requests, prefs: Preferences) -> Feature:
    scanner = LibraryScanner(database)
    return Feature(
        name="upkeep",
        jobs=(
            JobSpec(
                JobType.LIBRARY_RECENT,
                NoPayload,
                lambda ctx, payload: check_recently_added(ctx, scanner, requests, prefs.library.root),
                tr.mark("Check recently added books"),
            ),
            JobSpec(
                JobType.IMPORTS_RETRY_FAILED,
                NoPayload,
                lambda ctx, payload: retry_failed_imports(ctx, database, queue, requests),
                tr.mark("Retry failed imports"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "library_recent",
                tr.mark("Check recently added books"),
                JobType.LIBRARY_RECENT,
                "*/15 * * * *",
            ),
            ScheduleDefinition(
                "retry_failed_imports",
                tr.mark("Retry failed imports"),
                JobType.IMPORTS_RETRY_FAILED,
                "35 */6 * * *",
            ),
        ),
    )
