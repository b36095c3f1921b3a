"""Syncing the signed-in library and wishlist into the store, each run recorded in the history.

The first library sync, and one a day after that, reads the whole library (so returned or
removed titles disappear and listening progress is current); in between, a sync asks only for
titles purchased since the last sync (less a day, for clock skew). The wishlist is small and
read whole every time. A failed sync is recorded with its error, then raised.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from rmab_desktop.clients.audible_account import AudibleAccountClient, library_title
from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.audible_library import AudibleTitle, ImportSummary, Shelf
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.services.audible_library.store import AudibleLibraryStore

FULL_SYNC_EVERY = timedelta(days=1)
SKEW = timedelta(days=1)
FULL, INCREMENTAL = "sync", "sync_incremental"


def _titles(items: list[dict[str, object]]) -> tuple[list[AudibleTitle], list[str]]:
    titles, errors = [], []
    for item in items:
        title = library_title(item)
        if title.asin and title.title:
            titles.append(title)
        else:
            errors.append(f"An item without ASIN or title was skipped ({title.asin or 'no ASIN'}).")
    return titles, errors


def _record_failure(
    store: AudibleLibraryStore, shelf: Shelf, kind: str, region: str, started: float, exc: RmabError
) -> None:
    store.save(
        (), shelf, kind=kind, origin="sync", source=f"audible:{region}", region=region,
        errors=(exc.user_message,), started=started,
    )  # fmt: skip


def sync_library(
    store: AudibleLibraryStore,
    client: AudibleAccountClient,
    region: str,
    *,
    full: bool = False,
    now: datetime | None = None,
) -> ImportSummary:
    now = now or utcnow()
    last_full = store.last_sync(Shelf.LIBRARY, region, kind=FULL)
    last_any = store.last_sync(Shelf.LIBRARY, region)
    incremental = (
        not full and last_full is not None and now - last_full < FULL_SYNC_EVERY and last_any is not None
    )
    kind = INCREMENTAL if incremental else FULL
    started = time.monotonic()
    try:
        items = client.library(purchased_after=(last_any - SKEW) if incremental and last_any else None)
    except RmabError as exc:
        _record_failure(store, Shelf.LIBRARY, kind, region, started, exc)
        raise
    titles, errors = _titles(items)
    return store.save(
        titles, Shelf.LIBRARY, kind=kind, origin="sync", source=f"audible:{region}", region=region,
        errors=errors, complete=not incremental, started=started,
    )  # fmt: skip


def sync_wishlist(store: AudibleLibraryStore, client: AudibleAccountClient, region: str) -> ImportSummary:
    started = time.monotonic()
    try:
        items = client.wishlist()
    except RmabError as exc:
        _record_failure(store, Shelf.WISHLIST, FULL, region, started, exc)
        raise
    titles, errors = _titles(items)
    return store.save(
        titles, Shelf.WISHLIST, kind=FULL, origin="sync", source=f"audible:{region}", region=region,
        errors=errors, complete=True, started=started,
    )  # fmt: skip
