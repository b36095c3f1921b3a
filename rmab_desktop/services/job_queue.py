"""The persisted job queue: enqueue, atomic claim, backoff, events and crash recovery.

Two app instances may share one database. A claim is atomic: PostgreSQL uses
``SELECT ... FOR UPDATE SKIP LOCKED``; SQLite has a single writer (every transaction starts with
``BEGIN IMMEDIATE``), so the select-then-update inside one transaction cannot interleave.

Writes by the worker running a job (heartbeat and progress, complete, fail, cancelled) are
fenced: each claim writes a fresh ``claim_token`` and a worker's write takes effect only while
the job is still active under that token. A worker paused past its lease, whose job was
recovered and claimed again elsewhere, changes nothing: its write is logged and dropped.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, delete, func, or_, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobEventRecord, JobRecord, utcnow
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.jobs import Job, JobEvent, JobType
from rmab_desktop.logging_setup import REDACTOR

if TYPE_CHECKING:  # pydantic, which the payloads need, is imported when a job is enqueued
    from rmab_desktop.domain.job_payloads import JobPayload

log = logging.getLogger(__name__)
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 3600
STALE_AFTER = timedelta(seconds=90)
FINISHED = (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


def new_instance_id() -> str:
    """host:pid:random, so recovery can tell a dead local process from a live remote one."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def backoff_delay(attempts: int) -> timedelta:
    """30 s, 60 s, 2 min, 4 min ... capped at six hours."""
    return timedelta(seconds=min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder_is_dead_local_process(holder: str | None) -> bool:
    if not holder:
        return True
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    return int(pid_text) != os.getpid() and not _pid_alive(int(pid_text))


def to_job(row: JobRecord) -> Job:
    return Job(
        id=row.id,
        type=row.type,
        payload=dict(row.payload or {}),
        status=JobStatus(row.status),
        priority=row.priority,
        run_at=row.run_at,
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        request_id=row.request_id,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        last_error=row.last_error,
        claimed_by=row.claimed_by,
        progress=row.progress,
        claim_token=row.claim_token,
    )


def to_event(row: JobEventRecord) -> JobEvent:
    return JobEvent(
        id=row.id,
        job_id=row.job_id,
        request_id=row.request_id,
        level=EventLevel(row.level),
        context=row.context,
        message=row.message,
        created_at=row.created_at,
        metadata=dict(row.event_metadata or {}),
    )


class JobQueue:
    def __init__(self, database: Database, instance_id: str | None = None) -> None:
        self.database = database
        self.instance_id = instance_id or new_instance_id()

    # -- writing -----------------------------------------------------------------------------
    def enqueue(
        self,
        job_type: JobType,
        payload: JobPayload,
        *,
        priority: int = 0,
        run_at: datetime | None = None,
        request_id: int | None = None,
        max_attempts: int = 5,
        session: Session | None = None,
    ) -> int:
        """Add a job; pass ``session`` to enqueue inside the caller's transaction."""
        from rmab_desktop.domain.job_payloads import PAYLOADS

        if type(payload) is not PAYLOADS[job_type]:
            raise TypeError(f"{job_type} carries {PAYLOADS[job_type].__name__}, not {type(payload).__name__}")
        row = JobRecord(
            type=job_type.value,
            payload=payload.to_json(),
            priority=priority,
            run_at=run_at or utcnow(),
            request_id=request_id,
            max_attempts=max_attempts,
            status=JobStatus.QUEUED.value,
        )
        if session is not None:
            session.add(row)
            session.flush()
            return row.id
        with self.database.session() as own:
            own.add(row)
            own.flush()
            return row.id

    def claim(self, types: Iterable[str] | None = None, now: datetime | None = None) -> Job | None:
        """Take the most urgent due job for this instance, or None."""
        now = now or utcnow()
        with self.database.session() as session:
            query = (
                select(JobRecord)
                .where(JobRecord.status == JobStatus.QUEUED.value, JobRecord.run_at <= now)
                .order_by(JobRecord.priority.desc(), JobRecord.run_at, JobRecord.id)
                .limit(1)
            )
            if types is not None:
                query = query.where(JobRecord.type.in_(list(types)))
            if session.bind is not None and session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            row = session.scalar(query)
            if row is None:
                return None
            row.status = JobStatus.ACTIVE.value
            row.claimed_by = self.instance_id
            row.claim_token = uuid.uuid4().hex
            row.attempts += 1
            row.started_at = now
            row.heartbeat_at = now
            row.cancel_requested = False
            row.progress = None
            session.flush()
            return to_job(row)

    def heartbeat(self, claim: Job, progress: float | None = None) -> bool:
        """Refresh the claim; True when the worker should stop (a cancel was asked, or the claim is lost)."""
        with self.database.session() as session:
            row = self._owned(session, claim, "heartbeat")
            if row is None:
                return True
            row.heartbeat_at = utcnow()
            if progress is not None:
                row.progress = progress
            return bool(row.cancel_requested)

    def complete(self, claim: Job, result: dict[str, Any] | None = None) -> bool:
        """Mark the claimed job done; False (and nothing written) when the claim was lost."""
        return self._finish(claim, JobStatus.DONE, result=result)

    def mark_cancelled(self, claim: Job) -> bool:
        return self._finish(claim, JobStatus.CANCELLED, error="Cancelled")

    def fail(self, claim: Job, error: str, *, retry: bool = True) -> Job | None:
        """Record a failed attempt; requeue with exponential backoff while attempts remain.

        Returns the job as it now is, or None when the claim was lost (nothing written).
        """
        with self.database.session() as session:
            row = self._owned(session, claim, "failure")
            if row is None:
                return None
            row.last_error = REDACTOR.redact(error)
            row.claimed_by = None
            row.claim_token = None
            if retry and row.attempts < row.max_attempts:
                row.status = JobStatus.QUEUED.value
                row.run_at = utcnow() + backoff_delay(row.attempts)
            else:
                row.status = JobStatus.FAILED.value
                row.finished_at = utcnow()
            session.flush()
            return to_job(row)

    def cancel(self, job_id: int) -> Job:
        """Cancel a queued job now; ask an active one to stop at its next check."""
        with self.database.session() as session:
            row = self._get(session, job_id)
            if row.status == JobStatus.QUEUED.value:
                row.status = JobStatus.CANCELLED.value
                row.finished_at = utcnow()
            elif row.status == JobStatus.ACTIVE.value:
                row.cancel_requested = True
            session.flush()
            return to_job(row)

    def retry(self, job_id: int) -> Job:
        """Run a failed or cancelled job again, now, with a fresh attempt budget."""
        with self.database.session() as session:
            row = self._get(session, job_id)
            if row.status in (JobStatus.FAILED.value, JobStatus.CANCELLED.value, JobStatus.QUEUED.value):
                row.status = JobStatus.QUEUED.value
                row.attempts = 0
                row.run_at = utcnow()
                row.finished_at = None
                row.cancel_requested = False
            session.flush()
            return to_job(row)

    def delete_finished(self, job_id: int) -> None:
        """Forget a job that ended well (a download's previous poll): one row, not one per poll."""
        with self.database.session() as session:
            session.execute(
                delete(JobRecord).where(JobRecord.id == job_id, JobRecord.status == JobStatus.DONE.value)
            )

    def prune_history(self, keep_days: int) -> dict[str, int]:
        """Forget finished jobs, and events of no request, older than ``keep_days``."""
        cutoff = utcnow() - timedelta(days=keep_days)
        with self.database.session() as session:
            events = cast(
                CursorResult[Any],
                session.execute(
                    delete(JobEventRecord).where(
                        JobEventRecord.created_at < cutoff, JobEventRecord.request_id.is_(None)
                    )
                ),
            ).rowcount
            jobs = cast(
                CursorResult[Any],
                session.execute(
                    delete(JobRecord).where(
                        JobRecord.finished_at < cutoff, JobRecord.status.in_([s.value for s in FINISHED])
                    )
                ),
            ).rowcount
        return {"events": events or 0, "jobs": jobs or 0}

    def recover_orphans(self, now: datetime | None = None) -> list[int]:
        """Requeue jobs left active by a dead process: a local PID gone, or a stale heartbeat."""
        now = now or utcnow()
        recovered: list[int] = []
        with self.database.session() as session:
            rows = session.scalars(select(JobRecord).where(JobRecord.status == JobStatus.ACTIVE.value)).all()
            for row in rows:
                stale = row.heartbeat_at is None or now - row.heartbeat_at > STALE_AFTER
                if row.claimed_by == self.instance_id:
                    continue
                if holder_is_dead_local_process(row.claimed_by) or stale:
                    row.status = JobStatus.QUEUED.value
                    previous_holder = row.claimed_by or ""
                    row.claimed_by = None
                    row.claim_token = None
                    row.run_at = now
                    recovered.append(row.id)
                    session.add(
                        JobEventRecord(
                            job_id=row.id,
                            request_id=row.request_id,
                            level=EventLevel.WARNING.value,
                            context="queue",
                            message="The process running this job stopped; it will run again.",
                            event_metadata={"previous_holder": previous_holder},
                            created_at=now,
                        )
                    )
        return recovered

    def _finish(
        self, claim: Job, status: JobStatus, result: dict[str, Any] | None = None, error: str | None = None
    ) -> bool:
        with self.database.session() as session:
            row = self._owned(session, claim, str(status))
            if row is None:
                return False
            row.status = status.value
            row.finished_at = utcnow()
            row.claimed_by = None
            row.claim_token = None
            row.cancel_requested = False
            if result is not None:
                row.result = REDACTOR.redact_value(result)
            if error is not None:
                row.last_error = REDACTOR.redact(error)
            if status == JobStatus.DONE:
                row.progress = 1.0
            return True

    def _owned(self, session: Session, claim: Job, what: str) -> JobRecord | None:
        """The job's row, locked, while ``claim`` still owns it; None (and a log line) once lost."""
        query = select(JobRecord).where(
            JobRecord.id == claim.id,
            JobRecord.status == JobStatus.ACTIVE.value,
            JobRecord.claim_token == claim.claim_token,
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update()
        row = session.scalar(query) if claim.claim_token else None
        if row is None:
            log.warning(
                "Job %s: this worker's claim (attempt %s) no longer owns the job; its %s is dropped",
                claim.id,
                claim.attempts,
                what,
            )
        return row

    @staticmethod
    def _get(session: Session, job_id: int) -> JobRecord:
        row = session.get(JobRecord, job_id)
        if row is None:
            raise NotFoundError(f"Job {job_id} does not exist.")
        return row

    # -- events ------------------------------------------------------------------------------
    def add_event(
        self,
        message: str,
        *,
        job_id: int | None = None,
        request_id: int | None = None,
        level: EventLevel = EventLevel.INFO,
        context: str = "",
        metadata: dict[str, Any] | None = None,
        session: Session | None = None,
    ) -> None:
        row = JobEventRecord(
            job_id=job_id,
            request_id=request_id,
            level=level.value,
            context=context,
            message=REDACTOR.redact(message),
            event_metadata=REDACTOR.redact_value(metadata or {}),
            created_at=utcnow(),
        )
        if session is not None:
            session.add(row)
            return
        with self.database.session() as own:
            own.add(row)

    # -- reading -----------------------------------------------------------------------------
    def get(self, job_id: int) -> Job:
        with self.database.session() as session:
            return to_job(self._get(session, job_id))

    def list_jobs(
        self, statuses: Sequence[JobStatus] | None = None, limit: int = 500, job_type: str | None = None
    ) -> list[Job]:
        with self.database.session() as session:
            query = select(JobRecord).order_by(JobRecord.id.desc()).limit(limit)
            if statuses:
                query = query.where(JobRecord.status.in_([s.value for s in statuses]))
            if job_type:
                query = query.where(JobRecord.type == job_type)
            return [to_job(row) for row in session.scalars(query)]

    def counts(self) -> dict[str, int]:
        with self.database.session() as session:
            rows = session.execute(select(JobRecord.status, func.count()).group_by(JobRecord.status)).all()
            return {status: count for status, count in rows}

    def events(
        self,
        *,
        job_id: int | None = None,
        request_id: int | None = None,
        min_level: EventLevel | None = None,
        text: str | None = None,
        after_id: int = 0,
        limit: int = 1000,
    ) -> list[JobEvent]:
        levels = list(EventLevel)
        with self.database.session() as session:
            query = select(JobEventRecord).where(JobEventRecord.id > after_id)
            if job_id is not None:
                query = query.where(JobEventRecord.job_id == job_id)
            if request_id is not None:
                query = query.where(JobEventRecord.request_id == request_id)
            if min_level is not None:
                allowed = [lvl.value for lvl in levels[levels.index(min_level) :]]
                query = query.where(JobEventRecord.level.in_(allowed))
            if text:
                pattern = f"%{text}%"
                query = query.where(
                    or_(JobEventRecord.message.ilike(pattern), JobEventRecord.context.ilike(pattern))
                )
            query = query.order_by(JobEventRecord.id.desc()).limit(limit)
            return [to_event(row) for row in reversed(session.scalars(query).all())]
