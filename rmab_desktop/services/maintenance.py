"""Built-in housekeeping jobs: pruning old job history, and a diagnostic wait used by self-tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobEventRecord, JobRecord, utcnow
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.services.job_executor import JobContext, JobHandlers
from rmab_desktop.services.scheduler import ScheduleDefinition

KEEP_HISTORY_DAYS = 30

SCHEDULES = [
    ScheduleDefinition("prune_history", "Prune old job history", "maintenance.prune_history", "17 3 * * *"),
]


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


def diagnostic_wait(ctx: JobContext) -> dict[str, Any]:
    """Waits ``seconds`` in small steps, reporting progress; checks cancel between steps."""
    seconds = float(ctx.payload.get("seconds", 5))
    steps = max(int(seconds * 10), 1)
    for step in range(steps):
        if ctx.cancel.wait(seconds / steps):
            ctx.cancel.raise_if_cancelled()
        ctx.progress((step + 1) / steps)
    ctx.event(f"Diagnostic wait of {seconds:g} s finished", context="diagnostics")
    return {"waited_seconds": seconds}


def register(handlers: JobHandlers, database: Database) -> None:
    handlers.register(
        "maintenance.prune_history", lambda ctx: prune_history(database), "Prune old job history"
    )
    handlers.register("diagnostics.wait", diagnostic_wait, "Diagnostic wait")
