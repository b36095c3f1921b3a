"""Indexer RSS monitoring: every Torznab/Newznab feed (and each indexer behind Prowlarr) polled on
a schedule; new items that the ranking gate accepts for a waiting request are grabbed at once."""

from __future__ import annotations

from typing import Any

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import RssPollPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.rss.monitor import FeedReport, RssMonitor
from rmab_desktop.services.rss.store import FeedState, RssStore
from rmab_desktop.services.scheduler import ScheduleDefinition

tr = Translator("RssMonitor")

__all__ = ["FeedReport", "FeedState", "RssMonitor", "RssStore", "feature"]


def poll(monitor: RssMonitor, ctx: JobContext, payload: RssPollPayload) -> dict[str, Any]:
    reports = monitor.poll(payload.feed_key)
    for report in reports:
        if report.grabbed:
            ctx.event(
                tr("{feed}: {count}").format(
                    feed=report.name, count=tr.n("%n release(s) grabbed", len(report.grabbed))
                ),
                context="rss",
            )
        elif report.error:
            ctx.event(tr("{feed}: {error}").format(feed=report.name, error=report.error), context="rss")
    return {"feeds": [r.to_json() for r in reports]}


def feature(monitor: RssMonitor) -> Feature:
    return Feature(
        name="rss",
        jobs=(
            JobSpec(
                JobType.RSS_POLL,
                RssPollPayload,
                lambda ctx, payload: poll(monitor, ctx, payload),
                tr.mark("Check indexer feeds for new releases"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "rss_poll",
                tr.mark("Check indexer feeds for new releases"),
                JobType.RSS_POLL,
                "*/15 * * * *",
            ),
        ),
    )
