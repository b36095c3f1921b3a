"""Correlation ids: log lines, events and notifications of a job carry ``[req-N job-M]``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request
from rmab_desktop.domain import correlation
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.logging_setup import setup_logging
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.feature import JobSpec
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.notifications.events import render

T = JobType.MAINTENANCE_PRUNE_HISTORY


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("req-12", correlation.Correlation(12, None)),
        ("job-345", correlation.Correlation(None, 345)),
        (" [REQ-12 job-345] ", correlation.Correlation(12, 345)),
        ("request 12", None),
        ("", None),
        ("req-", None),
    ],
)
def test_a_reference_is_parsed_from_what_a_user_types(typed: str, expected: object) -> None:
    assert correlation.parse(typed) == expected


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "rmab.log"
    setup_logging(path, console=False)
    yield path
    setup_logging(None, console=False)  # detach the file handler again


def _request(database: Database) -> int:
    with database.session() as session:
        book = Audiobook(asin="B0CORREL01", title="Traced", authors=[], narrators=[])
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, status="processing")
        session.add(request)
        session.flush()
        return request.id


def test_a_job_s_log_lines_and_published_events_carry_its_reference(
    database: Database, log_file: Path
) -> None:
    request_id = _request(database)
    bus = EventBus()
    published: list[AppEvent] = []
    bus.subscribe(published.append)

    def handler(ctx, payload):
        logging.getLogger("rmab_desktop.test").warning("indexer answered slowly")
        bus.publish(AppEvent(EventKind.AVAILABLE, "Available", "Traced is in your library", request_id))
        return None

    queue = JobQueue(database, "h:1:a")
    job_id = queue.enqueue(T, NoPayload(), request_id=request_id)
    JobExecutor(queue, JobHandlers([JobSpec(T, NoPayload, handler, "prune")])).run_next()
    logging.getLogger("rmab_desktop.test").warning("after the job")

    ref = f"req-{request_id} job-{job_id}"
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert any(f"[{ref}] indexer answered slowly" in line for line in lines)
    assert any(line.endswith(": after the job") for line in lines), "no reference outside a job"
    assert published[0].ref == ref
    assert render(published[0])[1].endswith(f"Reference: {ref}")
    assert correlation.current() is None


def test_an_event_outside_a_job_is_stamped_with_its_request() -> None:
    bus = EventBus()
    published: list[AppEvent] = []
    bus.subscribe(published.append)
    bus.publish(AppEvent(EventKind.REQUEST_CREATED, "Requested", "Dune", request_id=7))
    bus.publish(AppEvent(EventKind.SERVICE_DOWN, "Down", "Prowlarr"))
    assert [event.ref for event in published] == ["req-7", ""]
    assert "Reference" not in render(published[1])[1]
