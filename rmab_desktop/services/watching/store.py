"""The watches and what each dealt with (``watched_entities``, ``watched_books``): rows in, Watch out;
the one place watch rows are added."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import WatchedBook, WatchedEntity, utcnow
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.watching import FoundBook, Outcome, Watch, WatchFormat, WatchKind, WatchMode


def add_watch(database: Database, user_id: int, kind: WatchKind, asin: str, name: str, region: str) -> int:
    """The id of the user's watch of ``asin`` (an author or series), added when it is new (an
    import: a second run changes nothing). Mode, format and pause take their defaults."""
    asin = asin.strip().upper()
    with database.session() as session:
        existing = session.scalar(
            select(WatchedEntity.id).where(
                WatchedEntity.user_id == user_id,
                WatchedEntity.kind == kind.value,
                WatchedEntity.asin == asin,
                WatchedEntity.region == region,
            )
        )
        if existing is not None:
            return existing
        row = WatchedEntity(user_id=user_id, kind=kind.value, asin=asin, region=region, name=name[:300])
        session.add(row)
        session.flush()
        return row.id


def watch_row(session: Session, watch_id: int) -> WatchedEntity:
    row = session.get(WatchedEntity, watch_id)
    if row is None:
        raise NotFoundError(f"There is no watch {watch_id}.", hint="See 'rmab watch list' for your watches.")
    return row


def as_watch(session: Session, row: WatchedEntity) -> Watch:
    requested = session.scalar(
        select(func.count(WatchedBook.id)).where(
            WatchedBook.watch_id == row.id, WatchedBook.request_id.is_not(None)
        )
    )
    latest = session.scalar(
        select(func.max(WatchedBook.handled_at)).where(
            WatchedBook.watch_id == row.id, WatchedBook.outcome == Outcome.REQUESTED.value
        )
    )
    last_found = (
        tuple(
            session.scalars(
                select(WatchedBook.title)
                .where(
                    WatchedBook.watch_id == row.id,
                    WatchedBook.request_id.is_not(None),
                    WatchedBook.handled_at == latest,
                )
                .order_by(WatchedBook.id)
            )
        )
        if latest is not None
        else ()
    )
    return Watch(
        id=row.id,
        user_id=row.user_id,
        kind=WatchKind(row.kind),
        asin=row.asin,
        region=row.region,
        name=row.name,
        mode=WatchMode(row.mode),
        format=WatchFormat(row.format),
        paused=row.paused,
        created_at=row.created_at,
        last_checked_at=row.last_checked_at,
        last_error=row.last_error,
        requested_count=int(requested or 0),
        last_found=last_found,
    )


def handled_asins(session: Session, watch_id: int) -> set[str]:
    return set(session.scalars(select(WatchedBook.asin).where(WatchedBook.watch_id == watch_id)))


def record(session: Session, watch_id: int, asins: Iterable[str], found: FoundBook, at: datetime) -> None:
    """``found`` dealt with: every ASIN of it (its editions) is never dealt with again by this watch."""
    known = handled_asins(session, watch_id)
    for asin in dict.fromkeys(asins):
        if asin not in known:
            session.add(
                WatchedBook(
                    watch_id=watch_id,
                    asin=asin,
                    title=found.title[:500],
                    outcome=found.outcome.value,
                    request_id=found.request_id if asin == found.asin else None,
                    release_date=found.release_date,
                    handled_at=at,
                )
            )
    session.flush()


def finish_check(session: Session, watch_id: int, error: str | None) -> None:
    row = watch_row(session, watch_id)
    row.last_checked_at = utcnow()
    row.last_error = error
