"""Reading shelves: Goodreads RSS, Hardcover lists and statuses, CSV exports -> requests."""

from __future__ import annotations

import dataclasses
from typing import Any

from rmab_desktop.domain.enums import EventLevel
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import ShelvesSyncPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.scheduler import ScheduleDefinition
from rmab_desktop.services.shelves.service import ShelfService, SyncResult

__all__ = ["ShelfService", "ShelvesSyncPayload", "SyncResult", "feature"]


def sync(service: ShelfService, ctx: JobContext, payload: ShelvesSyncPayload) -> dict[str, Any]:
    if payload.shelf_id is not None:
        results = [service.sync(payload.shelf_id, ctx.cancel)]
    else:
        results = service.sync_all(ctx.cancel)
    for result in results:
        if result.error:
            ctx.event(
                tr("Shelf {shelf} did not sync: {error}").format(shelf=result.shelf_id, error=result.error),
                EventLevel.WARNING,
                context="shelves",
            )
        else:
            ctx.event(
                tr.n("Shelf {shelf} synced: %n new book(s).", result.added).format(shelf=result.shelf_id),
                context="shelves",
            )
    failed = [r for r in results if r.error]
    if failed and len(failed) == len(results):
        raise failed[0].as_error()
    return {"shelves": [dataclasses.asdict(r) for r in results]}


tr = Translator("ShelvesJobs")  # job title and schedule name (shown through text())


def feature(service: ShelfService) -> Feature:
    return Feature(
        name="shelves",
        jobs=(
            JobSpec(
                JobType.SHELVES_SYNC,
                ShelvesSyncPayload,
                lambda ctx, payload: sync(service, ctx, payload),
                tr.mark("Sync reading shelves"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "shelves_sync",
                tr.mark("Sync reading shelves into requests"),
                JobType.SHELVES_SYNC,
                "20 */6 * * *",
                payload=ShelvesSyncPayload(),
            ),
        ),
    )
