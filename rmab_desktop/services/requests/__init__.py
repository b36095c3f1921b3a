"""Requests, approval and users: the service, and the scheduled release-day check."""

from __future__ import annotations

from typing import Any

from rmab_desktop.services.job_executor import JobContext, JobHandlers
from rmab_desktop.services.requests.service import SEARCH_JOB, RequestService
from rmab_desktop.services.requests.users import ApprovalSettings, UserService
from rmab_desktop.services.scheduler import ScheduleDefinition

__all__ = ["SCHEDULES", "SEARCH_JOB", "ApprovalSettings", "RequestService", "UserService", "register"]

RELEASE_JOB = "requests.release_check"

SCHEDULES = [
    ScheduleDefinition("requests_release_check", "Search books released today", RELEASE_JOB, "15 * * * *"),
]


def release_check(service: RequestService, ctx: JobContext) -> dict[str, Any]:
    started = service.release_due()
    if started:
        ctx.event(f"{len(started)} requested book(s) came out; their search is queued", context="requests")
    return {"started": started}


def register(handlers: JobHandlers, service: RequestService) -> None:
    handlers.register(RELEASE_JOB, lambda ctx: release_check(service, ctx), "Check release days")
