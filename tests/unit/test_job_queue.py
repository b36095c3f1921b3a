from __future__ import annotations

from datetime import timedelta

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import Job, JobType
from rmab_desktop.services.feature import JobSpec
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import STALE_AFTER, JobQueue, backoff_delay

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
    after_first = queue.fail(queue.claim(), "boom")
    assert after_first is not None and after_first.status == JobStatus.QUEUED
    assert after_first.run_at > utcnow() + timedelta(seconds=20)
    again = queue.fail(queue.claim(now=utcnow() + timedelta(hours=1)), "boom again")
    assert again is not None and again.status == JobStatus.FAILED
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
    claim = queue.claim()
    assert queue.heartbeat(claim) is False
    queue.cancel(active)
    assert queue.heartbeat(claim) is True


def test_events_filter_by_level_and_text(database: Database) -> None:
    queue = JobQueue(database, "h:1:a")
    queue.add_event("searching indexers", context="search")
    queue.add_event("grab failed", level=EventLevel.ERROR, context="grab", metadata={"guid": "x"})
    assert [e.message for e in queue.events(min_level=EventLevel.ERROR)] == ["grab failed"]
    assert [e.message for e in queue.events(text="INDEX")] == ["searching indexers"]
    assert queue.events(text="grab")[0].metadata == {"guid": "x"}


def _stale_claim_taken_over(database: Database) -> tuple[JobQueue, JobQueue, Job, Job]:
    """A worker claims a job, pauses past its lease; another instance recovers and claims it."""
    paused, other = JobQueue(database, "elsewhere:1:x"), JobQueue(database, "host:2:y")
    paused.enqueue(T, NoPayload())
    stale = paused.claim()
    later = utcnow() + STALE_AFTER + timedelta(seconds=1)
    assert other.recover_orphans(now=later) == [stale.id]
    current = other.claim(now=later)
    assert current is not None and current.id == stale.id and current.claim_token != stale.claim_token
    return paused, other, stale, current


def test_a_worker_that_lost_its_claim_cannot_complete_fail_or_beat(database: Database) -> None:
    paused, other, stale, current = _stale_claim_taken_over(database)
    assert paused.complete(stale, {"from": "stale"}) is False
    assert paused.fail(stale, "late failure") is None
    assert paused.mark_cancelled(stale) is False
    assert paused.heartbeat(stale, progress=0.9) is True  # told to stop
    job = other.get(stale.id)
    assert job.status == JobStatus.ACTIVE and job.claimed_by == "host:2:y" and job.progress is None
    assert job.last_error is None and job.attempts == 2
    assert other.complete(current, {"from": "owner"}) is True
    assert other.get(stale.id).status == JobStatus.DONE


def test_the_owner_finishing_first_leaves_the_stale_worker_nothing(database: Database) -> None:
    paused, other, stale, current = _stale_claim_taken_over(database)
    assert other.fail(current, "owner failed", retry=False) is not None
    assert paused.complete(stale, {"late": True}) is False
    job = other.get(stale.id)
    assert job.status == JobStatus.FAILED and job.last_error == "owner failed"


def test_executor_discards_the_result_of_a_handler_that_lost_its_claim(database: Database) -> None:
    paused, other = JobQueue(database, "elsewhere:1:x"), JobQueue(database, "host:2:y")
    taken_over: list[Job] = []

    def slow_handler(ctx, payload):  # the lease runs out while this runs; another instance takes over
        later = utcnow() + STALE_AFTER + timedelta(seconds=1)
        other.recover_orphans(now=later)
        taken_over.append(other.claim(now=later))
        return {"ran_by": "stale worker"}

    handlers = JobHandlers([JobSpec(T, NoPayload, slow_handler, "prune")])
    job_id = paused.enqueue(T, NoPayload())
    JobExecutor(paused, handlers).execute(paused.claim(), CancelToken())
    job = other.get(job_id)
    assert taken_over[0] is not None
    assert job.status == JobStatus.ACTIVE and job.claimed_by == "host:2:y"
    warnings = [e.message for e in other.events(job_id=job_id, min_level=EventLevel.WARNING)]
    assert any("discarded" in message for message in warnings)
