""" "Request everything missing": the wishlist titles that are not owned, not in the local library,
not already requested and not ignored (on the wishlist, or on the user's ignore list) are requested; the others are skipped with their reason.

The plan is computed first and shown as a preview; carrying it out asks the request service for
each title, which refuses on its own whatever became owned or requested in between.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request
from rmab_desktop.domain.audible_library import Shelf, SkipReason, WishlistPlan, WishlistPlanItem
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.requests import REOPENABLE_STATUSES
from rmab_desktop.services.audible_library.store import AudibleLibraryStore, local_library_asins
from rmab_desktop.services.requests import RequestService
from rmab_desktop.services.requests.ignore import is_ignored


@dataclass(frozen=True)
class WishlistOutcome:
    requested: tuple[WishlistPlanItem, ...]
    skipped: tuple[WishlistPlanItem, ...]
    failed: tuple[tuple[WishlistPlanItem, str], ...]  # the title and what went wrong


def requested_asins(database: Database, asins: list[str]) -> set[str]:
    """ASINs with an open (not failed, cancelled, denied or deleted) audiobook request."""
    if not asins:
        return set()
    with database.session() as session:
        return set(
            session.scalars(
                select(Audiobook.asin)
                .join(Request, Request.audiobook_id == Audiobook.id)
                .where(
                    Audiobook.asin.in_(sorted(set(asins))),
                    Request.kind == "audiobook",
                    Request.deleted_at.is_(None),
                    Request.status.not_in([s.value for s in REOPENABLE_STATUSES]),
                )
            )
        )


def plan_missing(store: AudibleLibraryStore) -> WishlistPlan:
    wishlist = store.entries(Shelf.WISHLIST, sort="added")
    asins = [e.asin for e in wishlist]
    owned = store.owned_asins(asins)
    user_id = store.current_user_id()
    with store.database.session() as session:
        local = local_library_asins(session, asins)
        ignored = {e.asin for e in wishlist if is_ignored(session, user_id, e.asin, e.region or "us")}
    requested = requested_asins(store.database, asins)
    to_request: list[WishlistPlanItem] = []
    skipped: list[WishlistPlanItem] = []
    for entry in wishlist:
        reason = (
            SkipReason.IGNORED
            if entry.ignored or entry.asin in ignored
            else SkipReason.OWNED
            if entry.asin in owned
            else SkipReason.IN_LIBRARY
            if entry.asin in local
            else SkipReason.REQUESTED
            if entry.asin in requested
            else None
        )
        item = WishlistPlanItem(entry.asin, entry.title, entry.region, reason)
        (skipped if reason else to_request).append(item)
    return WishlistPlan(tuple(to_request), tuple(skipped))


def request_missing(store: AudibleLibraryStore, requests: RequestService) -> WishlistOutcome:
    plan = plan_missing(store)
    requested: list[WishlistPlanItem] = []
    failed: list[tuple[WishlistPlanItem, str]] = []
    for item in plan.to_request:
        try:
            requests.create(item.asin, item.region or None, automatic=True)
        except RmabError as exc:  # e.g. it arrived in the library meanwhile, or the catalog is down
            failed.append((item, exc.user_message))
        else:
            requested.append(item)
    return WishlistOutcome(tuple(requested), plan.skipped, tuple(failed))
