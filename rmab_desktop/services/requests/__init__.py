"""Requests, approval and users: the service, and the scheduled release-day check."""

from __future__ import annotations

from typing import Any

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.events import EventKind
from rmab_desktop.services.feature import EventSpec, Feature, JobSpec, SettingsSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.requests.service import RequestService
from rmab_desktop.services.requests.users import (
    APPROVAL_KEY,
    LIMITS_KEY,
    ApprovalSettings,
    RequestLimits,
    UserService,
)
from rmab_desktop.services.scheduler import ScheduleDefinition

jobs_tr = Translator("RequestJobs")  # job titles and schedule names (shown through text()), log lines

__all__ = ["EVENTS", "ApprovalSettings", "RequestLimits", "RequestService", "UserService", "feature"]

# What the request service publishes; a notification backend chooses among these.
# Translated where shown; the labels share one context with every feature's event kinds.
events_tr = Translator("NotificationEvents")
EVENTS = (
    EventSpec(EventKind.REQUEST_CREATED, events_tr.mark("Request created")),
    EventSpec(EventKind.AWAITING_APPROVAL, events_tr.mark("Awaiting approval"), notify_by_default=True),
    EventSpec(EventKind.REQUEST_APPROVED, events_tr.mark("Request approved")),
    EventSpec(EventKind.REQUEST_DENIED, events_tr.mark("Request denied")),
    EventSpec(EventKind.DOWNLOADING, events_tr.mark("Grabbed / downloading")),
    EventSpec(EventKind.AVAILABLE, events_tr.mark("Available in the library"), notify_by_default=True),
    EventSpec(EventKind.FAILED, events_tr.mark("Failed"), notify_by_default=True),
    EventSpec(EventKind.ISSUE_REPORTED, events_tr.mark("Issue reported"), notify_by_default=True),
)


def release_check(service: RequestService, ctx: JobContext) -> dict[str, Any]:
    """Requests whose book came out, and requests whose user's limit allows them now, go ahead."""
    released = service.release_limited()
    if released:
        ctx.event(
            jobs_tr.n("%n request(s) waiting for the request limit went ahead", len(released)),
            context="requests",
        )
    started = service.release_due()
    if started:
        ctx.event(
            jobs_tr.n("%n requested book(s) came out; their search is queued", len(started)),
            context="requests",
        )
    return {"started": started, "released": released}


def feature(service: RequestService) -> Feature:
    return Feature(
        name="requests",
        jobs=(
            JobSpec(
                JobType.REQUESTS_RELEASE_CHECK,
                NoPayload,
                lambda ctx, payload: release_check(service, ctx),
                jobs_tr.mark("Check release days"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "requests_release_check",
                jobs_tr.mark("Search books released today"),
                JobType.REQUESTS_RELEASE_CHECK,
                "15 * * * *",
            ),
        ),
        events=EVENTS,
        settings=(
            SettingsSpec(APPROVAL_KEY, ApprovalSettings, "Request approval"),
            SettingsSpec(LIMITS_KEY, RequestLimits, "Request limits"),
        ),
    )
