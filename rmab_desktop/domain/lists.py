"""Recommendation lists and tier lists as every layer sees them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ListKind(StrEnum):
    RANKED = "ranked"  # a recommendation list: ordered, a note per book
    TIER = "tier"  # books sorted into labelled, coloured tiers


class Visibility(StrEnum):
    PRIVATE = "private"
    HOUSEHOLD = "household"  # every member of the household can see it; only its owner edits it


MAX_TIERS = 10
DEFAULT_TIERS: tuple[tuple[str, str], ...] = (
    ("S", "#FF7F7F"),
    ("A", "#FFBF7F"),
    ("B", "#FFDF7F"),
    ("C", "#BFFF7F"),
    ("D", "#7FBFFF"),
)
BOOK_MIME_TYPE = "application/x-rmab-book"  # drag and drop: JSON {"asin", "region", "title", "author"}


@dataclass(frozen=True)
class TierInfo:
    id: int
    label: str
    color: str
    position: int


@dataclass(frozen=True)
class ListEntry:
    id: int
    asin: str
    region: str
    title: str
    author: str
    note: str
    position: int
    tier_id: int | None  # tier lists: None = not placed yet


@dataclass(frozen=True)
class ListInfo:
    id: int
    name: str
    kind: ListKind
    visibility: Visibility
    description: str
    owner_id: int | None
    tiers: tuple[TierInfo, ...]
    items: tuple[ListEntry, ...]  # ordered by tier position, then position

    def items_in(self, tier_id: int | None) -> tuple[ListEntry, ...]:
        return tuple(item for item in self.items if item.tier_id == tier_id)

    def tier(self, label: str) -> TierInfo | None:
        return next((t for t in self.tiers if t.label.casefold() == label.strip().casefold()), None)
