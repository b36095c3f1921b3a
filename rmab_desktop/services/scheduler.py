"""Scheduled jobs from cron expressions: defaults, edit, enable, run now, catch-up after sleep."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from croniter import croniter
from sqlalchemy import select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ScheduledJobRecord, utcnow
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.jobs import ScheduledJob
from rmab_desktop.services.job_queue import JobQueue


@dataclass(frozen=True)
class ScheduleDefinition:
    key: str
    name: str
    job_type: str
    cron: str
    enabled: bool = True
    payload: dict[str, Any] = field(default_factory=dict)


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


def _to_domain(row: ScheduledJobRecord) -> ScheduledJob:
    return ScheduledJob(
        id=row.id,
        key=row.key,
        name=row.name,
        job_type=row.job_type,
        cron=row.cron,
        enabled=row.enabled,
        payload=dict(row.payload or {}),
        last_run_at=row.last_run_at,
        next_run_at=row.next_run_at,
    )


class Scheduler:
    def __init__(self, database: Database, queue: JobQueue) -> None:
        self.database = database
        self.queue = queue

    def ensure_defaults(self, definitions: list[ScheduleDefinition]) -> None:
        """Add missing schedules; never overwrite what the user edited."""
        now = utcnow()
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
                        job_type=definition.job_type,
                        cron=cron,
                        enabled=definition.enabled,
                        payload=definition.payload,
                        next_run_at=next_run(cron, now),
                    )
                )

    def list(self) -> list[ScheduledJob]:
        with self.database.session() as session:
            rows = session.scalars(select(ScheduledJobRecord).order_by(ScheduledJobRecord.name))
            return [_to_domain(row) for row in rows]

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
            return _to_domain(row)

    def run_now(self, schedule_id: int) -> int:
        with self.database.session() as session:
            row = self._get(session, schedule_id)
            row.last_run_at = utcnow()
            return self.queue.enqueue(row.job_type, dict(row.payload), session=session, priority=5)

    def enqueue_due(self, now: datetime | None = None) -> list[int]:
        """Enqueue every enabled schedule whose time has come.

        A machine that slept through several runs gets one catch-up run, not one per missed slot;
        the next run is computed from now.
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
                payload = dict(row.payload or {})
                payload.setdefault("scheduled_for", row.next_run_at.isoformat() if row.next_run_at else "")
                job_ids.append(self.queue.enqueue(row.job_type, payload, session=session))
                row.last_run_at = now
                row.next_run_at = next_run(row.cron, now)
        return job_ids
