"""The user's Audible library and wishlist: export imports, sign-in and sync, wishlist requests.

Owner of ``audible_library_entries`` and ``audible_sync_history``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rmab_desktop.domain.audible_library import ImportSummary, Shelf
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import AudibleSyncPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.audible_library.account import AudibleAccount
from rmab_desktop.services.audible_library.exports import read_export
from rmab_desktop.services.audible_library.store import AudibleLibraryStore
from rmab_desktop.services.audible_library.sync import sync_library, sync_wishlist
from rmab_desktop.services.audible_library.wishlist import WishlistOutcome, plan_missing, request_missing
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.scheduler import ScheduleDefinition

tr = Translator("AudibleLibraryJobs")  # job title, schedule name and the sync's log line

__all__ = [
    "AudibleLibraryStore",
    "WishlistOutcome",
    "feature",
    "import_export",
    "plan_missing",
    "request_missing",
    "sync_both",
]


def import_export(store: AudibleLibraryStore, path: Path, shelf: Shelf, region: str) -> ImportSummary:
    """Import an audible-cli or Libation export into the library (or the wishlist)."""
    started = time.monotonic()
    parsed = read_export(path)
    origin = parsed.format.rsplit("-", 1)[0]
    return store.save(
        parsed.titles,
        shelf,
        kind="import",
        origin=origin,
        source=str(path),
        region=region,
        errors=parsed.errors,
        started=started,
    )


def sync_both(
    store: AudibleLibraryStore, account: AudibleAccount, region: str, *, full: bool = False
) -> list[ImportSummary]:
    """Sync the library, then the wishlist, of the signed-in marketplace."""
    client = account.client(region)
    try:
        return [sync_library(store, client, region, full=full), sync_wishlist(store, client, region)]
    finally:
        client.close()


def feature(
    store: AudibleLibraryStore, account: AudibleAccount, default_region: Callable[[], str]
) -> Feature:
    def run(ctx: JobContext, payload: AudibleSyncPayload) -> dict[str, Any]:
        region = payload.region or default_region()
        if account.status(region) is None:  # nothing to sync: not an error
            return {"skipped": f"not signed in to Audible ({region})"}
        library, wishlist = sync_both(store, account, region, full=payload.full)
        ctx.event(
            tr(
                "Audible {region}: library {added} added, {updated} updated, {removed} removed; "
                "wishlist {wished} titles"
            ).format(
                region=region,
                added=library.added,
                updated=library.updated,
                removed=library.removed,
                wished=wishlist.added + wishlist.updated + wishlist.unchanged,
            ),
            context="audible",
        )
        return {"library_history_id": library.history_id, "wishlist_history_id": wishlist.history_id}

    return Feature(
        name="audible_library",
        jobs=(JobSpec(JobType.AUDIBLE_SYNC, AudibleSyncPayload, run, tr.mark("Sync the Audible library")),),
        schedules=(
            ScheduleDefinition(
                "audible_sync",
                tr.mark("Sync the Audible library and wishlist"),
                JobType.AUDIBLE_SYNC,
                "50 5 * * *",
            ),
        ),
    )
