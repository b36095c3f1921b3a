"""Watched authors and series, what a check found, series gaps and the ignore list, as every layer sees them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from rmab_desktop.domain.catalog import Availability, CatalogBook
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Marked, Translator

_tr = Translator("Watching")


class WatchKind(StrEnum):
    AUTHOR = "author"
    SERIES = "series"


class WatchMode(StrEnum):
    NEW = "new"  # books released after the watch was made (the default)
    ALL = "all"  # the whole back catalogue
    NEXT = "next"  # only the next book of the series


class WatchFormat(StrEnum):
    AUDIOBOOK = "audiobook"
    EBOOK = "ebook"
    BOTH = "both"


class Outcome(StrEnum):
    """What a watch did with a book it found; every found book is dealt with once."""

    REQUESTED = "requested"
    OWNED = "owned"  # this or another edition is in the library
    REQUESTED_BEFORE = "requested_before"  # the user has (or had: deleted, denied) a request for it
    IGNORED = "ignored"
    FAILED = "failed"  # the request service refused (no permission, ...): tried again next check


MODE_LABELS: dict[WatchMode, Marked] = {
    WatchMode.NEW: _tr.mark("New releases"),
    WatchMode.ALL: _tr.mark("Whole back catalogue"),
    WatchMode.NEXT: _tr.mark("Next book only"),
}
FORMAT_LABELS: dict[WatchFormat, Marked] = {
    WatchFormat.AUDIOBOOK: _tr.mark("Audiobook"),
    WatchFormat.EBOOK: _tr.mark("Ebook"),
    WatchFormat.BOTH: _tr.mark("Audiobook and ebook"),
}


class BookState(StrEnum):
    """A series or author book as the user sees it on the series and author pages."""

    IN_LIBRARY = "in_library"
    REQUESTED = "requested"
    DOWNLOADING = "downloading"
    MISSING = "missing"
    NOT_RELEASED = "not_released"
    IGNORED = "ignored"


STATE_LABELS: dict[BookState, Marked] = {
    BookState.IN_LIBRARY: _tr.mark("In library"),
    BookState.REQUESTED: _tr.mark("Requested"),
    BookState.DOWNLOADING: _tr.mark("Downloading"),
    BookState.MISSING: _tr.mark("Missing"),
    BookState.NOT_RELEASED: _tr.mark("Not yet released"),
    BookState.IGNORED: _tr.mark("Ignored"),
}


def book_state(
    availability: Availability, release_date: date | None, today: date, ignored: bool
) -> BookState:
    if availability in (Availability.IN_LIBRARY, Availability.AVAILABLE):
        return BookState.IN_LIBRARY
    if availability == Availability.DOWNLOADING:
        return BookState.DOWNLOADING
    if availability == Availability.REQUESTED:
        return BookState.REQUESTED
    if ignored:
        return BookState.IGNORED
    if release_date is not None and release_date > today:
        return BookState.NOT_RELEASED
    return BookState.MISSING


class IgnoredBookError(ValidationError):
    """An automation (a watch, a shelf, "request everything missing") met a book on the ignore list."""

    hint = "Remove it from the ignore list (Watching page, or 'rmab ignore remove') to request it."


@dataclass(frozen=True)
class Watch:
    id: int
    user_id: int | None
    kind: WatchKind
    asin: str
    region: str
    name: str
    mode: WatchMode
    format: WatchFormat
    paused: bool
    created_at: datetime
    last_checked_at: datetime | None
    last_error: str | None
    requested_count: int  # books this watch requested so far
    last_found: tuple[str, ...] = ()  # titles requested by the latest check that found any


@dataclass(frozen=True)
class FoundBook:
    asin: str
    title: str
    outcome: Outcome
    request_id: int | None = None
    release_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class CheckResult:
    watch_id: int
    name: str
    found: tuple[FoundBook, ...] = ()
    error: str | None = None

    @property
    def requested(self) -> tuple[FoundBook, ...]:
        return tuple(b for b in self.found if b.outcome == Outcome.REQUESTED)


@dataclass(frozen=True)
class SeriesBook:
    book: CatalogBook
    position: str | None
    state: BookState
    request_id: int | None = None
    work_id: int | None = None  # editions of one work share it: "Request missing" asks for one


def one_per_work(books: Iterable[SeriesBook]) -> list[SeriesBook]:
    """The books with each work once (its first edition listed), for a bulk request."""
    seen: set[int] = set()
    kept = []
    for item in books:
        if item.work_id is not None:
            if item.work_id in seen:
                continue
            seen.add(item.work_id)
        kept.append(item)
    return kept


@dataclass(frozen=True)
class SeriesGaps:
    """A series the user owns part of, and the books of it they do not have."""

    series_asin: str
    title: str
    region: str
    owned: int
    missing: tuple[SeriesBook, ...]


@dataclass(frozen=True)
class IgnoredEntry:
    id: int
    user_id: int | None
    asin: str
    region: str
    title: str
    whole_work: bool
    created_at: datetime
