"""Upcoming releases: requested books not yet released, by release day.

A release day is a calendar date (Audible gives no time), so "not yet released" is judged against
today's date where the user is (``today``: the local date by default). A watched author's or
series' new book is requested by the watch (its pre-order waits for release day), so it is here
too, with the name of the watch that found it (``watched_books``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request, WatchedBook, WatchedEntity
from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.domain.requests import ACTIVE_STATUSES

__all__ = ["UpcomingBook", "UpcomingService", "local_today"]


def local_today() -> date:
    """Today in the time zone of the computer (the user's)."""
    return datetime.now().astimezone().date()


@dataclass(frozen=True)
class UpcomingBook:
    release_date: date
    title: str
    authors: tuple[str, ...]
    asin: str | None
    region: str
    request_id: int
    status: RequestStatus
    kind: RequestKind
    series: str | None = None
    series_position: str | None = None
    watch: str | None = None  # the watched author or series that requested it

    def to_json(self) -> dict[str, object]:
        return {
            "release_date": self.release_date.isoformat(),
            "title": self.title,
            "authors": list(self.authors),
            "asin": self.asin,
            "region": self.region,
            "request_id": self.request_id,
            "status": self.status.value,
            "kind": self.kind.value,
            "series": self.series,
            "series_position": self.series_position,
            "watch": self.watch,
        }


def _names(authors: object) -> tuple[str, ...]:
    items = authors if isinstance(authors, list) else []
    names = (a.get("name") if isinstance(a, dict) else a for a in items)
    return tuple(n for n in names if isinstance(n, str) and n)


class UpcomingService:
    def __init__(self, database: Database, *, today: Callable[[], date] = local_today) -> None:
        self.database = database
        self.today = today

    def list(self, *, user_id: int | None = None) -> list[UpcomingBook]:
        """Unreleased books with an open request (of ``user_id`` when given), soonest first."""
        today = self.today()
        watch_name = (
            select(WatchedEntity.name)
            .join(WatchedBook, WatchedBook.watch_id == WatchedEntity.id)
            .where(WatchedBook.request_id == Request.id)
            .limit(1)
            .scalar_subquery()
        )
        with self.database.session() as session:
            query = (
                select(Request, Audiobook, watch_name)
                .join(Audiobook, Audiobook.id == Request.audiobook_id)
                .where(
                    Request.deleted_at.is_(None),
                    Request.status.in_([s.value for s in ACTIVE_STATUSES]),
                    Audiobook.release_date.is_not(None),
                    Audiobook.release_date > today,
                )
                .order_by(Audiobook.release_date, Audiobook.title, Request.id)
            )
            if user_id is not None:
                query = query.where(Request.user_id == user_id)
            return [
                UpcomingBook(
                    release_date=book.release_date,
                    title=book.title,
                    authors=_names(book.authors),
                    asin=book.asin,
                    region=book.region,
                    request_id=request.id,
                    status=RequestStatus(request.status),
                    kind=RequestKind(request.kind),
                    series=book.series_name,
                    series_position=book.series_position,
                    watch=watch,
                )
                for request, book, watch in session.execute(query).all()
                if book.release_date is not None
            ]
