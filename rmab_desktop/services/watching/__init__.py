"""Watched authors and series: a daily check requests their new books; owner of ``watched_entities``
and ``watched_books``."""

from __future__ import annotations

from typing import Any

from rmab_desktop.domain.enums import EventLevel
from rmab_desktop.domain.errors import ServiceError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import WatchCheckPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.events import EventKind
from rmab_desktop.services.feature import EventSpec, Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.scheduler import ScheduleDefinition
from rmab_desktop.services.watching.service import WatchService

__all__ = ["WatchService", "feature"]

tr = Translator("WatchingJobs")  # job title and schedule name (shown through text())
events_tr = Translator("NotificationEvents")


def check(service: WatchService, ctx: JobContext, payload: WatchCheckPayload) -> dict[str, Any]:
    results = service.check_all(ctx.cancel) if payload.watch_id is None else [service.check(payload.watch_id)]
    for result in results:
        if result.error:
            ctx.event(
                tr("{watch}: not checked: {error}").format(watch=result.name, error=result.error),
                EventLevel.WARNING,
                context="watching",
            )
        else:
            titles = ", ".join(book.title for book in result.requested)
            message = (
                tr.n("{watch}: %n new book(s) requested: {titles}", len(result.requested))
                if titles
                else tr("{watch}: nothing new")
            )
            ctx.event(message.format(watch=result.name, titles=titles), context="watching")
    failed = [r for r in results if r.error]
    if failed and len(failed) == len(results):
        raise ServiceError(failed[0].error or "", service="Audible")
    return {
        "watches": [
            {"id": r.watch_id, "requested": [b.asin for b in r.requested], "error": r.error} for r in results
        ]
    }


def feature(service: WatchService) -> Feature:
    return Feature(
        name="watching",
        jobs=(
            JobSpec(
                JobType.WATCHING_CHECK,
                WatchCheckPayload,
                lambda ctx, payload: check(service, ctx, payload),
                tr.mark("Check watched authors and series"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "watching_check",
                tr.mark("Request new books of watched authors and series"),
                JobType.WATCHING_CHECK,
                "10 6 * * *",
                payload=WatchCheckPayload(),
            ),
        ),
        events=(
            EventSpec(EventKind.WATCH_FOUND, events_tr.mark("New book of a watched author or series"), True),
        ),
    )
