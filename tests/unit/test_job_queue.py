from __future__ import annotations

from datetime import timedelta

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.job_queue import JobQueue, backoff_delay

T = JobType.MAINTENANCE_PRUNE_HISTORY


def test_claim_takes_highest_priority_due_job(database: Database) -> None:
    queue = JobQueue(database, "host:1:a")
    low = queue.enqueue(T, NoPayload(), priority=0)
    high = queue.enqueue(T, NoPayload(), priority=9)
    queue.enqueue(T, NoPayload(), priority=99, run_at=utcnow() + timedelta(hours=1))
    job = queue.claim()
    assert job is not None and job.id == high and job.status == JobStatus.ACTIVE and job.attempts == 1
    assert queue.claim().id == low
    assert queue.claim() is None


def test_two_instances_never_claim_the_same_job(database: Database) -> None:
    first, second = JobQueue(database, "h:1:a"), JobQueue(database, "h:2:b")
    ids = {first.enqueue(T, NoPayload()) for _ in range(6)}
    claimed = []
    while True:
        a, b = first.claim(), second.claim()
        if a is None and b is None:
            break
        claimed += [j.id for j in (a, b) if j is not None]
    assert sorted(claimed) == sorted(ids)


def test_failure_backs_off_then_fails_for_good(database: Database) -> None:
    queue = JobQueue(database, "h:1:a")
    job_id = queue.enqueue(T, NoPayload(), max_attempts=2)
    queue.claim()
    after_first = queue.fail(job_id, "boom")
    assert after_first.status == JobStatus.QUEUED
    assert after_first.run_at > utcnow() + timedelta(seconds=20)
    queue.claim(now=utcnow() + timedelta(hours=1))
    assert queue.fail(job_id, "boom again").status == JobStatus.FAILED
    assert queue.retry(job_id).status == JobStatus.QUEUED


def test_backoff_grows_exponentially_and_is_capped() -> None:
    assert backoff_delay(1) == timedelta(seconds=30)
    assert backoff_delay(3) == timedelta(seconds=120)
    assert backoff_delay(50) == timedelta(hours=6)


def test_orphans_of_a_dead_process_are_requeued(database: Database) -> None:
    dead = JobQueue(database, "elsewhere:1:x")
    job_id = dead.enqueue(T, NoPayload())
    dead.claim()
    alive = JobQueue(database, "host:2:y")
    assert alive.recover_orphans() == []  # fresh heartbeat of a remote host: leave it
    assert alive.recover_orphans(now=utcnow() + timedelta(minutes=5)) == [job_id]
    assert alive.get(job_id).status == JobStatus.QUEUED
    events = alive.events(job_id=job_id, min_level=EventLevel.WARNING)
    assert "stopped" in events[0].message


def test_cancel_queued_and_active(database: Database) -> None:
    queue = JobQueue(database, "h:1:a")
    queued = queue.enqueue(T, NoPayload())
    assert queue.cancel(queued).status == JobStatus.CANCELLED
    active = queue.enqueue(T, NoPayload())
    queue.claim()
    queue.cancel(active)
    assert queue.heartbeat(active) is True


def test_events_filter_by_level_and_text(database: Database) -> None:
    queue = JobQueue(database, "h:1:a")
    queue.add_event("searching indexers", context="search")
    queue.add_event("grab failed", level=EventLevel.ERROR, context="grab", metadata={"guid": "x"})
    assert [e.message for e in queue.events(min_level=EventLevel.ERROR)] == ["grab failed"]
    assert [e.message for e in queue.events(text="INDEX")] == ["searching indexers"]
    assert queue.events(text="grab")[0].metadata == {"guid": "x"}
