"""Scheduled upkeep through open_core: recently added books, failed imports, the default schedules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from croniter import croniter

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import JobRecord
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.job_payloads import NoPayload, OrganizePayload
from rmab_desktop.domain.jobs import JobType
from tests.audiofiles import make_audio

BOOK = CatalogBook(
    asin="B0UPKEEP01",
    title="The Orchard at Dusk",
    authors=(Person("Mina Hollow"),),
    narrators=("Kit Vale",),
    runtime_minutes=60,
)

# What the app promises to keep doing on its own (issue 7 item 4): job type per duty.
EXPECTED_DUTIES = {
    "catalog refresh": JobType.CATALOG_REFRESH,
    "library scan": JobType.LIBRARY_SYNC,
    "recently-added check": JobType.LIBRARY_RECENT,
    "retry searches for missing requests": JobType.REQUESTS_RETRY_MISSING,
    "retry failed imports": JobType.IMPORTS_RETRY_FAILED,
    "cleanup of seeded downloads": JobType.DOWNLOADS_CLEANUP,
    "health checks": JobType.HEALTH_CHECK,
}


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[AppCore]:
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    core.prefs.library.root = str(tmp_path / "Audiobooks")
    (tmp_path / "Audiobooks").mkdir()
    yield core
    core.close()


def run(core: AppCore, job_type: JobType) -> dict:
    """Enqueue and run one job now; its result."""
    job_id = core.queue.enqueue(job_type, NoPayload())
    job = core.executor.run_next()
    assert job is not None and job.id == job_id and job.status == JobStatus.DONE, job
    with core.database.session() as session:
        return dict(session.get(JobRecord, job_id).result or {})


def put_book_in_library(core: AppCore, folder: str) -> Path:
    root = Path(core.prefs.library.root or "")
    target = root / "Mina Hollow" / folder
    for number in (1, 2):
        make_audio(
            target / f"{number:02d}.mp3",
            title=f"Chapter {number}",
            album=BOOK.title,
            artist="Mina Hollow",
            albumartist="Mina Hollow",
            asin=BOOK.asin,
            track=number,
        )
    return target


def test_default_schedules_cover_every_duty_and_are_editable(core: AppCore) -> None:
    schedules = core.scheduler.list()
    by_type = {s.job_type: s for s in schedules}
    missing = {duty: job for duty, job in EXPECTED_DUTIES.items() if job not in by_type}
    assert not missing, f"no default schedule for {missing}"
    for duty, job_type in EXPECTED_DUTIES.items():
        schedule = by_type[job_type]
        assert schedule.enabled and croniter.is_valid(schedule.cron), (duty, schedule)
        assert core.handlers.get(job_type) is not None, f"{duty}: no handler for {job_type}"
        assert schedule.next_run_at is not None
    edited = core.scheduler.update(by_type[JobType.LIBRARY_RECENT].id, cron="*/5 * * * *")
    assert edited.cron == "*/5 * * * *"
    core.scheduler.ensure_defaults(list(core.schedules))  # a restart keeps the user's edit
    assert {s.key: s.cron for s in core.scheduler.list()}["library_recent"] == "*/5 * * * *"


def test_a_book_added_by_hand_makes_its_waiting_request_available(core: AppCore) -> None:
    request = core.requests.create(BOOK.asin, book=BOOK).request
    core.queue.cancel(core.queue.list_jobs(job_type=JobType.REQUESTS_SEARCH)[0].id)  # no indexer here
    assert run(core, JobType.LIBRARY_RECENT) == {"books_changed": 0, "available": 0}
    put_book_in_library(core, BOOK.title)
    assert run(core, JobType.LIBRARY_RECENT) == {"books_changed": 1, "available": 1}
    details = core.requests.get(request.id)
    assert details.status == RequestStatus.AVAILABLE and "Found in the library" in details.status_message
    assert run(core, JobType.LIBRARY_RECENT) == {"books_changed": 0, "available": 0}


def test_a_failed_import_is_retried_once_the_download_is_back(core: AppCore, tmp_path: Path) -> None:
    request_id = core.requests.create(BOOK.asin, book=BOOK).request.id
    core.queue.cancel(core.queue.list_jobs(job_type=JobType.REQUESTS_SEARCH)[0].id)
    download = tmp_path / "downloads" / "Mina Hollow - The Orchard at Dusk"
    organize = core.queue.enqueue(
        JobType.REQUESTS_ORGANIZE,
        OrganizePayload(request_id, download_path=str(download)),
        request_id=request_id,
        max_attempts=1,
    )
    job = core.executor.run_next()
    assert job is not None and job.id == organize and job.status == JobStatus.FAILED
    assert core.requests.get(request_id).status == RequestStatus.WARN

    for number in (1, 2):  # the files are back (a share was offline, a disk was full ...)
        make_audio(download / f"{number:02d}.mp3", album=BOOK.title, artist="Mina Hollow", track=number)
    assert run(core, JobType.IMPORTS_RETRY_FAILED) == {"retried": [request_id]}
    assert core.requests.get(request_id).status == RequestStatus.PROCESSING
    job = core.executor.run_next()
    assert job is not None and job.id == organize and job.status == JobStatus.DONE
    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    assert run(core, JobType.IMPORTS_RETRY_FAILED) == {"retried": []}
