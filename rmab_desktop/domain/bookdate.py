"""BookDate: recommendation cards and swipes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Swipe(StrEnum):
    RIGHT = "right"  # request it
    LEFT = "left"  # not interested
    UP = "up"  # already read


class ContextScope(StrEnum):
    """How much of the library an AI provider is told about."""

    LIBRARY = "library"  # the whole library
    RATED = "rated"  # only books the user rated
    FAVORITES = "favorites"  # up to 25 favourites


@dataclass(frozen=True)
class Card:
    id: int
    asin: str
    title: str
    author: str
    reason: str
    origin: str  # ai | local
    narrator: str = ""
    runtime_minutes: int | None = None
    rating: float | None = None
    cover_url: str | None = None


@dataclass(frozen=True)
class BookDateSettings:
    """``provider`` None: the local recommender (the default, no account needed)."""

    provider: str | None
    base_url: str
    model: str
    scope: ContextScope
    custom_prompt: str
    has_key: bool


@dataclass(frozen=True)
class Deck:
    """The cards to swipe, and why no new ones came when fetching failed (swipes are kept)."""

    cards: tuple[Card, ...]
    notice: str | None = None
