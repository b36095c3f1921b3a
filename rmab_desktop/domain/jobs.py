"""Job queue records as the UI and services see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from rmab_desktop.domain.enums import EventLevel, JobStatus


class JobType(StrEnum):
    """Every kind of job the queue runs. Names are ``<owning feature>.<verb>``.

    A new job type is added here, next to its payload class in the owning feature; renaming one
    needs a migration that rewrites stored ``jobs.type`` and ``scheduled_jobs.job_type`` values
    (see ``LEGACY_JOB_TYPES``).
    """

    CATALOG_REFRESH = "catalog.refresh"
    LIBRARY_SYNC = "library.sync"
    LIBRARY_RECENT = "library.recent"
    REQUESTS_SEARCH = "requests.search"
    REQUESTS_GRAB = "requests.grab"
    REQUESTS_MONITOR = "requests.monitor"
    REQUESTS_ORGANIZE = "requests.organize"
    REQUESTS_RETRY_MISSING = "requests.retry_missing"
    REQUESTS_RELEASE_CHECK = "requests.release_check"
    IMPORTS_RETRY_FAILED = "imports.retry_failed"
    DOWNLOADS_CLEANUP = "downloads.cleanup"
    NOTIFICATIONS_DELIVER = "notifications.deliver"
    HEALTH_CHECK = "health.check"
    MAINTENANCE_PRUNE_HISTORY = "maintenance.prune_history"
    DIAGNOSTICS_WAIT = "diagnostics.wait"
    SHELVES_SYNC = "shelves.sync"
    AUDIBLE_SYNC = "audible.sync"
    URL_IMPORT = "url.import"
    WATCHING_CHECK = "watching.check"
    RSS_POLL = "rss.poll"


# Stored names written by earlier versions -> today's names (applied by migration 0003).
LEGACY_JOB_TYPES: dict[str, JobType] = {
    "request.search": JobType.REQUESTS_SEARCH,
    "request.grab": JobType.REQUESTS_GRAB,
    "request.monitor": JobType.REQUESTS_MONITOR,
    "request.organize": JobType.REQUESTS_ORGANIZE,
}


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    type: str
    payload: dict[str, Any]
    status: JobStatus
    priority: int
    run_at: datetime
    attempts: int
    max_attempts: int
    request_id: int | None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    last_error: str | None = None
    claimed_by: str | None = None
    progress: float | None = None
    claim_token: str | None = None


@dataclass(frozen=True, slots=True)
class JobEvent:
    id: int
    job_id: int | None
    request_id: int | None
    level: EventLevel
    context: str
    message: str
    created_at: datetime
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ScheduledJob:
    id: int
    key: str
    name: str
    job_type: str
    cron: str
    enabled: bool
    payload: dict[str, Any]
    last_run_at: datetime | None
    next_run_at: datetime | None
