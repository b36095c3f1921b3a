"""The badge of each book: in library, available, downloading, requested, decided per ASIN and per work.

A book counts as owned or requested when that ASIN is, or when another edition of the same work
is (another narration, the abridged version, another marketplace); ``extra["other_edition"]``
then says the badge comes from a sibling.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select, tuple_

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AudibleLibraryEntry, Audiobook, LibraryItem, Request, WorkAsin
from rmab_desktop.domain.catalog import Availability, CatalogBook, CatalogEntry
from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.domain.requests import ACTIVE_STATUSES, IN_PROGRESS_STATUSES

_RANK = {
    Availability.NONE: 0,
    Availability.REQUESTED: 1,
    Availability.DOWNLOADING: 2,
    Availability.AVAILABLE: 3,
    Availability.IN_LIBRARY: 4,
}


def _from_status(status: str) -> Availability:
    value = RequestStatus(status)
    if value == RequestStatus.AVAILABLE:
        return Availability.AVAILABLE
    if value in IN_PROGRESS_STATUSES:
        return Availability.DOWNLOADING
    if value in ACTIVE_STATUSES:
        return Availability.REQUESTED
    return Availability.NONE


def annotate(database: Database, books: Sequence[CatalogBook]) -> list[CatalogEntry]:
    if not books:
        return []
    keys = list({(b.asin, b.region) for b in books})
    with database.session() as session:
        work_of = {
            (a, r): w
            for a, r, w in session.execute(
                select(WorkAsin.asin, WorkAsin.region, WorkAsin.work_id).where(
                    tuple_(WorkAsin.asin, WorkAsin.region).in_(keys)
                )
            )
        }
        siblings: dict[int, set[tuple[str, str]]] = {}
        if work_of:
            for a, r, w in session.execute(
                select(WorkAsin.asin, WorkAsin.region, WorkAsin.work_id).where(
                    WorkAsin.work_id.in_(set(work_of.values()))
                )
            ):
                siblings.setdefault(w, set()).add((a, r))
        all_keys = set(keys).union(*siblings.values()) if siblings else set(keys)
        asins = {a for a, _ in all_keys}
        owned = set(session.scalars(select(LibraryItem.asin).where(LibraryItem.asin.in_(asins))))
        owned |= set(
            session.scalars(
                select(Audiobook.asin).where(Audiobook.asin.in_(asins), Audiobook.library_path.is_not(None))
            )
        )
        on_audible = set(  # the Audible library's owner is services/audible_library; reading is fine
            session.scalars(
                select(AudibleLibraryEntry.asin).where(
                    AudibleLibraryEntry.asin.in_(asins), AudibleLibraryEntry.source == "library"
                )
            )
        )
        requested: dict[tuple[str | None, str], tuple[Availability, int]] = {}
        rows = session.execute(
            select(Audiobook.asin, Audiobook.region, Request.status, Request.id)
            .join(Request, Request.audiobook_id == Audiobook.id)
            .where(
                Request.deleted_at.is_(None),
                Request.kind == RequestKind.AUDIOBOOK.value,
                or_(
                    tuple_(Audiobook.asin, Audiobook.region).in_(list(all_keys)),
                    Audiobook.work_id.in_(set(work_of.values()) or {-1}),
                ),
            )
        )
        for asin, region, status, requested_id in rows:
            state = _from_status(status)
            current = requested.get((asin, region))
            if current is None or _RANK[state] > _RANK[current[0]]:
                requested[(asin, region)] = (state, requested_id)

    entries = []
    for book in books:
        key = (book.asin, book.region)
        work_id = work_of.get(key)
        family = siblings.get(work_id, {key}) if work_id is not None else {key}
        best, request_id, via = Availability.NONE, None, key
        for member in sorted(family, key=lambda k: k != key):  # the ASIN itself first
            state = (
                Availability.IN_LIBRARY
                if member[0] in owned
                else requested.get(member, (Availability.NONE, None))[0]
            )
            if _RANK[state] > _RANK[best]:
                best, via = state, member
                request_id = requested.get(member, (None, None))[1]
        entries.append(
            CatalogEntry(
                book,
                best,
                work_id,
                request_id,
                extra={
                    "other_edition": best != Availability.NONE and via != key,
                    "owned_on_audible": book.asin in on_audible,
                },
            )
        )
    return entries
