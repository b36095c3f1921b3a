"""Audible library and wishlist records as every layer sees them (Qt-free, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Shelf(StrEnum):
    """Which Audible list a title is on."""

    LIBRARY = "library"
    WISHLIST = "wishlist"


class ListeningState(StrEnum):
    FINISHED = "finished"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class AudibleTitle:
    """One title read from an export or from Audible's API, before it is stored."""

    asin: str
    title: str
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    series_title: str = ""
    series_position: str = ""
    runtime_min: int | None = None
    cover_url: str = ""
    progress_percent: float | None = None
    finished: bool = False
    rating: float | None = None  # the user's own overall rating (1-5)
    average_rating: float | None = None  # the community's
    purchase_date: datetime | None = None
    date_added: datetime | None = None
    region: str = ""  # empty: the marketplace the import or sync is for
    raw: dict[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class AudibleEntry:
    """A stored title with what the app knows about it locally."""

    id: int
    shelf: Shelf
    asin: str
    title: str
    authors: tuple[str, ...]
    narrators: tuple[str, ...]
    series_title: str
    series_position: str
    runtime_min: int | None
    cover_url: str
    region: str
    origin: str
    progress_percent: float | None
    finished: bool
    rating: float | None
    average_rating: float | None
    purchase_date: datetime | None
    date_added: datetime | None
    ignored: bool
    in_local_library: bool = False

    @property
    def state(self) -> ListeningState:
        if self.finished or (self.progress_percent or 0) >= 100:
            return ListeningState.FINISHED
        if (self.progress_percent or 0) > 0:
            return ListeningState.IN_PROGRESS
        return ListeningState.NOT_STARTED


@dataclass(frozen=True)
class ImportSummary:
    """What one import or sync changed; ``history_id`` is its row in the sync history."""

    shelf: Shelf
    added: int
    updated: int
    unchanged: int
    removed: int
    errors: tuple[str, ...]
    duration_ms: int
    history_id: int
    source: str  # file path, or "audible:<region>" for a sync


@dataclass(frozen=True)
class SyncRecord:
    id: int
    kind: str  # import | sync
    shelf: Shelf
    source: str
    added: int
    updated: int
    removed: int
    errors: int
    duration_ms: int
    message: str
    synced_at: datetime


class SkipReason(StrEnum):
    OWNED = "owned"  # already in the Audible library
    IN_LIBRARY = "in_library"  # already in the local library
    REQUESTED = "requested"  # an open request exists
    IGNORED = "ignored"  # the user said never to request it


@dataclass(frozen=True)
class WishlistPlanItem:
    asin: str
    title: str
    region: str
    reason: SkipReason | None = None  # None: will be requested


@dataclass(frozen=True)
class WishlistPlan:
    """What "Request everything missing" would request, and what it skips with the reason."""

    to_request: tuple[WishlistPlanItem, ...]
    skipped: tuple[WishlistPlanItem, ...]
