"""Built-in housekeeping jobs: pruning old job history, and a diagnostic wait used by self-tests."""

from __future__ import annotations

from typing import Any

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload, NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.scheduler import ScheduleDefinition

tr = Translator("MaintenanceJobs")  # job titles and schedule names (shown through text()), log lines

KEEP_HISTORY_DAYS = 30


def diagnostic_wait(ctx: JobContext, payload: DiagnosticWaitPayload) -> dict[str, Any]:
    """Waits ``seconds`` in small steps, reporting progress; checks cancel between steps."""
    seconds = payload.seconds
    steps = max(int(seconds * 10), 1)
    for step in range(steps):
        if ctx.cancel.wait(seconds / steps):
            ctx.cancel.raise_if_cancelled()
        ctx.progress((step + 1) / steps)
    ctx.event(
        tr("Diagnostic wait of {seconds} s finished").format(seconds=f"{seconds:g}"), context="diagnostics"
    )
    return {"waited_seconds": seconds}


def feature(queue: JobQueue) -> Feature:
    return Feature(
        name="maintenance",
        jobs=(
            JobSpec(
                JobType.MAINTENANCE_PRUNE_HISTORY,
                NoPayload,
                lambda ctx, payload: queue.prune_history(KEEP_HISTORY_DAYS),
                tr.mark("Prune old job history"),
            ),
            JobSpec(
                JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload, diagnostic_wait, tr.mark("Diagnostic wait")
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "prune_history",
                tr.mark("Prune old job history"),
                JobType.MAINTENANCE_PRUNE_HISTORY,
                "17 3 * * *",
            ),
        ),
    )
