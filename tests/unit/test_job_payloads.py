"""Typed, versioned job payloads: every type round-trips, old payloads run, bad ones fail clearly."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord, utcnow
from rmab_desktop.domain import job_payloads
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.job_payloads import (
    AudibleSyncPayload,
    DiagnosticWaitPayload,
    GrabPayload,
    JobPayload,
    JobPayloadError,
    MonitorPayload,
    NoPayload,
    NotificationPayload,
    OrganizePayload,
    RequestPayload,
    RssPollPayload,
    ShelvesSyncPayload,
    UrlImportPayload,
    WatchCheckPayload,
)
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services import maintenance
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue

STARTED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
RELEASE = {"guid": "g-1", "title": "Jane Doe - The Quiet Test [M4B]", "indexer": "Prowlarr"}

# One filled-in example per payload class; a new payload class must add its own here.
EXAMPLES: list[JobPayload] = [
    NoPayload(),
    AudibleSyncPayload(region="de", full=True),
    DiagnosticWaitPayload(seconds=0.5),
    RequestPayload(request_id=7),
    GrabPayload(request_id=7, candidates=({"release": RELEASE, "score": 12.5},), manual=True),
    MonitorPayload(
        request_id=7,
        download_history_id=3,
        release=RELEASE,
        started_at=STARTED,
        last_change_at=STARTED,
        candidates=({"release": RELEASE},),
        last_progress=0.25,
        previous_job_id=41,
        unreachable_since=STARTED,
        unreachable_polls=2,
        logged_step=1,
        path_checks=1,
    ),
    OrganizePayload(request_id=7, download_history_id=3, download_path="/downloads/The Quiet Test"),
    OrganizePayload(request_id=7, download_path="/home/me/Chosen by hand", manual=True),
    UrlImportPayload(url="https://media.example/talk", title="The Quiet Test", author="Jane Doe"),
    NotificationPayload(backend_id=2, title="Available", body="The Quiet Test", notify_type="success"),
    ShelvesSyncPayload(shelf_id=4),
    WatchCheckPayload(watch_id=3),
    RssPollPayload(feed_key="prowlarr:3"),
]


def _payload_classes() -> set[type[JobPayload]]:
    return {
        value
        for value in vars(job_payloads).values()
        if isinstance(value, type) and issubclass(value, JobPayload) and value is not JobPayload
    }


def test_every_payload_class_has_an_example() -> None:
    assert {type(example) for example in EXAMPLES} == _payload_classes()


@pytest.mark.parametrize("payload", EXAMPLES, ids=lambda p: type(p).__name__)
def test_payload_round_trips_through_json(payload: JobPayload) -> None:
    stored = json.loads(json.dumps(payload.to_json()))  # what the JSON column keeps
    assert stored["v"] == type(payload).VERSION
    assert type(payload).from_json(stored) == payload


def test_a_payload_from_before_versioning_still_reads() -> None:
    """Written by an earlier version: no "v", ISO text for times, keys nobody reads any more."""
    old = {
        "request_id": 7,
        "download_history_id": 3,
        "release": RELEASE,
        "candidates": [],
        "started_at": STARTED.isoformat(),
        "last_progress": 0.0,
        "last_change_at": STARTED.isoformat(),
        "scheduled_for": "",
    }
    payload = MonitorPayload.from_json(old)
    assert payload.started_at == STARTED and payload.previous_job_id is None
    assert RequestPayload.from_json({"request_id": 7, "kind": "audiobook"}) == RequestPayload(7)


def test_a_payload_from_a_newer_version_or_of_the_wrong_shape_is_worded() -> None:
    with pytest.raises(JobPayloadError, match="newer version of the app"):
        RequestPayload.from_json({"v": 99, "request_id": 7})
    with pytest.raises(JobPayloadError, match="request_id: Field required"):
        RequestPayload.from_json({"id": 7})
    with pytest.raises(JobPayloadError, match="not readable"):
        RequestPayload.from_json([7])


def test_an_upgrade_brings_an_old_version_forward() -> None:
    @dataclasses.dataclass(frozen=True)
    class Renamed(JobPayload):
        VERSION = 2
        seconds: float

        @classmethod
        def upgrade(cls, fields: dict, version: int) -> dict:
            return {"seconds": fields.pop("secs")} if version == 1 else fields

    assert Renamed.from_json({"v": 1, "secs": 3}) == Renamed(3.0)
    assert Renamed.from_json({"secs": 3}) == Renamed(3.0)


def test_a_wrong_shape_payload_fails_the_job_at_once_with_the_message(database: Database) -> None:
    queue = JobQueue(database)
    executor = JobExecutor(queue, JobHandlers(maintenance.feature(queue).jobs))
    with database.session() as session:  # as a hand edit or a buggy older build left it
        row = JobRecord(
            type=JobType.DIAGNOSTICS_WAIT.value,
            payload={"seconds": "soon"},
            status=JobStatus.QUEUED.value,
            run_at=utcnow(),
            max_attempts=5,
        )
        session.add(row)
        session.flush()
        job_id = row.id
    job = executor.run_next()
    assert job is not None and job.id == job_id
    assert job.status == JobStatus.FAILED and job.attempts == 1  # no retry: it would fail the same way
    assert job.last_error is not None and job.last_error.startswith(
        "The job's details are not valid: seconds:"
    )
    assert "Cancel the job and start the action again." in job.last_error
    assert any(e.message.startswith("Failed: The job's details") for e in queue.events(job_id=job_id))
