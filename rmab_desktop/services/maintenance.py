"""Built-in housekeeping jobs: pruning old job history, and a diagnostic wait used by self-tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobEventRecord, JobRecord, utcnow
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload, NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.scheduler import ScheduleDefinition

KEEP_HISTORY_DAYS = 30


def prune_history(database: Database, keep_days: int = KEEP_HISTORY_DAYS) -> dict[str, int]:
    cutoff = utcnow() - timedelta(days=keep_days)
    finished = [JobStatus.DONE.value, JobStatus.CANCELLED.value, JobStatus.FAILED.value]
    with database.session() as session:
        events = session.execute(
            delete(JobEventRecord).where(
                JobEventRecord.created_at < cutoff, JobEventRecord.request_id.is_(None)
            )
        ).rowcount
        jobs = session.execute(
            delete(JobRecord).where(JobRecord.finished_at < cutoff, JobRecord.status.in_(finished))
        ).rowcount
    return {"events": events or 0, "jobs": jobs or 0}


def diagnostic_wait(ctx: JobContext, payload: DiagnosticWaitPayload) -> dict[str, Any]:
    """Waits ``seconds`` in small steps, reporting progress; checks cancel between steps."""
    seconds = payload.seconds
    steps = max(int(seconds * 10), 1)
    for step in range(steps):
        if ctx.cancel.wait(seconds / steps):
            ctx.cancel.raise_if_cancelled()
        ctx.progress((step + 1) / steps)
    ctx.event(f"Diagnostic wait of {seconds:g} s finished", context="diagnostics")
    return {"waited_seconds": seconds}


def feature(database: Database) -> Feature:
    return Feature(
        name="maintenance",
        jobs=(
            JobSpec(
                JobType.MAINTENANCE_PRUNE_HISTORY,
                NoPayload,
                lambda ctx, payload: prune_history(database),
                "Prune old job history",
            ),
            JobSpec(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload, diagnostic_wait, "Diagnostic wait"),
        ),
        schedules=(
            ScheduleDefinition(
                "prune_history", "Prune old job history", JobType.MAINTENANCE_PRUNE_HISTORY, "17 3 * * *"
            ),
        ),
    )
