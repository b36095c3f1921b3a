"""Scheduled jobs from cron expressions: defaults, edit, enable, run now, catch-up after sleep."""

from __future__ import annotations

import builtins
import logging
from dataclasses import dataclass, field
from datetime import datetime

from croniter import croniter
from sqlalchemy import select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ScheduledJobRecord, utcnow
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.job_payloads import JobPayload, JobPayloadError, NoPayload
from rmab_desktop.domain.jobs import JobType, ScheduledJob
from rmab_desktop.services.job_executor import JobHandlers
from rmab_desktop.services.job_queue import JobQueue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduleDefinition:
    key: str
    name: str  # a Translator.mark()ed text, shown through text()
    job_type: JobType
    cron: str
    enabled: bool = True
    payload: JobPayload = field(default_factory=NoPayload)


def validate_cron(expression: str) -> str:
    expression = " ".join(expression.split())
    if not croniter.is_valid(expression):
        raise ValidationError(
            f"'{expression}' is not a cron expression.",
            hint="Use five fields: minute hour day-of-month month day-of-week, e.g. '0 */6 * * *'.",
        )
    return expression


def next_run(expression: str, after: datetime) -> datetime:
    return croniter(expression, after).get_next(datetime)


def _to_domain(row: ScheduledJobRecord, names: dict[str, str]) -> ScheduledJob:
    return ScheduledJob(
        id=row.id,
        key=row.key,
        name=names.get(row.key, row.name),
        job_type=row.job_type,
        cron=row.cron,
        enabled=row.enabled,
        payload=dict(row.payload or {}),
        last_run_at=row.last_run_at,
        next_run_at=row.next_run_at,
    )


class Scheduler:
    """Stored schedules become jobs; each stored payload is read through its job type's payload
    class, so a schedule enqueues exactly what a handler expects."""

    def __init__(self, database: Database, queue: JobQueue, handlers: JobHandlers) -> None:
        self.database = database
        self.queue = queue
        self.handlers = handlers
        # a default schedule's name as its feature marked it (translated where shown); the stored
        # name is the English one of the version that added it
        self._names: dict[str, str] = {}

    def ensure_defaults(self, definitions: list[ScheduleDefinition]) -> None:
        """Add missing schedules; never overwrite what the user edited."""
        now = utcnow()
        self._names.update((definition.key, definition.name) for definition in definitions)
        with self.database.session() as session:
            existing = set(session.scalars(select(ScheduledJobRecord.key)))
            for definition in definitions:
                if definition.key in existing:
                    continue
                cron = validate_cron(definition.cron)
                session.add(
                    ScheduledJobRecord(
                        key=definition.key,
                        name=definition.name,
                        job_type=definition.job_type.value,
                        cron=cron,
                        enabled=definition.enabled,
                        payload=definition.payload.to_json(),
                        next_run_at=next_run(cron, now),
                    )
                )

    def list(self) -> list[ScheduledJob]:
        with self.database.session() as session:
            rows = session.scalars(select(ScheduledJobRecord).order_by(ScheduledJobRecord.name))
            return [_to_domain(row, self._names) for row in rows]

    def _get(self, session: Session, schedule_id: int) -> ScheduledJobRecord:
        row = session.get(ScheduledJobRecord, schedule_id)
        if row is None:
            raise NotFoundError(f"Schedule {schedule_id} does not exist.")
        return row

    def update(
        self, schedule_id: int, *, cron: str | None = None, enabled: bool | None = None
    ) -> ScheduledJob:
        with self.database.session() as session:
            row = self._get(session, schedule_id)
            if cron is not None:
                row.cron = validate_cron(cron)
            if enabled is not None:
                row.enabled = enabled
            row.next_run_at = next_run(row.cron, utcnow()) if row.enabled else None
            session.flush()
            return _to_domain(row, self._names)

    def _job(self, row: ScheduledJobRecord) -> tuple[JobType, JobPayload] | None:
        """The typed job of a stored schedule; None for a type this version does not run."""
        spec = self.handlers.get(row.job_type)
        if spec is None:
            return None
        return spec.type, spec.payload.from_json(row.payload or {})

    def run_now(self, schedule_id: int) -> int:
        with self.database.session() as session:
            row = self._get(session, schedule_id)
            job = self._job(row)
            if job is None:
                raise NotFoundError(
                    f"This version of the app cannot run '{row.name}' ({row.job_type}).",
                    hint="Update the app, or disable the schedule.",
                )
            row.last_run_at = utcnow()
            return self.queue.enqueue(*job, session=session, priority=5)

    def enqueue_due(self, now: datetime | None = None) -> builtins.list[int]:
        """Enqueue every enabled schedule whose time has come.

        A machine that slept through several runs gets one catch-up run, not one per missed slot;
        the next run is computed from now. A schedule of a job type this version does not know
        is left for an instance that does (two versions may share one database).
        """
        now = now or utcnow()
        job_ids: list[int] = []
        with self.database.session() as session:
            rows = session.scalars(
                select(ScheduledJobRecord).where(
                    ScheduledJobRecord.enabled.is_(True), ScheduledJobRecord.next_run_at <= now
                )
            ).all()
            for row in rows:
                try:
                    job = self._job(row)
                except JobPayloadError as exc:  # skipped this time, said once per slot
                    log.warning("Schedule %s not run: %s", row.key, exc.user_message)
                    row.next_run_at = next_run(row.cron, now)
                    continue
                if job is None:
                    log.debug("Schedule %s: no handler for %s here", row.key, row.job_type)
                    continue
                job_ids.append(self.queue.enqueue(*job, session=session))
                row.last_run_at = now
                row.next_run_at = next_run(row.cron, now)
        return job_ids
