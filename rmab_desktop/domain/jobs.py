"""Job queue records as the UI and services see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rmab_desktop.domain.enums import EventLevel, JobStatus


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
