"""Reading shelves (Goodreads, Hardcover, CSV exports) and their books as the app sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ShelfSource(StrEnum):
    GOODREADS = "goodreads"
    HARDCOVER = "hardcover"
    CSV = "csv"


class MappingStatus(StrEnum):
    """Where one shelf book stands: looked up, requested, in the library, waiting for a person."""

    NEW = "new"
    MATCHED = "matched"  # an Audible product, not requested (yet, or the shelf is paused)
    REQUESTED = "requested"
    IN_LIBRARY = "in_library"
    CHOICE = "choice"  # ambiguous: waits in "Choose the right book"
    NO_AUDIOBOOK = "no_audiobook"  # looked again after a few days
    DISMISSED = "dismissed"  # the person said none of the candidates is the book


@dataclass(frozen=True)
class ShelfBook:
    """One book on a shelf, as the provider names it."""

    external_id: str
    title: str
    authors: tuple[str, ...] = ()
    isbn: str | None = None
    cover_url: str | None = None
    series: str | None = None
    series_position: str | None = None


_SERIES_SUFFIX = re.compile(r"^(?P<title>.+?)\s*\((?P<series>[^()#]+?),?\s*#(?P<position>[\d.]+)\)\s*$")


def split_series(title: str) -> tuple[str, str | None, str | None]:
    """Goodreads and StoryGraph write "Dzur (Vlad Taltos, #10)": the title, series and position."""
    found = _SERIES_SUFFIX.match(title.strip())
    if not found:
        return title.strip(), None, None
    return found["title"], found["series"].strip(), found["position"]


@dataclass(frozen=True)
class Candidate:
    """An Audible product offered in "Choose the right book"."""

    asin: str
    title: str
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    runtime_minutes: int | None = None
    cover_url: str | None = None
    series: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "asin": self.asin,
            "title": self.title,
            "authors": list(self.authors),
            "narrators": list(self.narrators),
            "runtime_minutes": self.runtime_minutes,
            "cover_url": self.cover_url,
            "series": self.series,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Candidate:
        def strings(value: object) -> tuple[str, ...]:
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        runtime = data.get("runtime_minutes")
        return cls(
            asin=str(data.get("asin") or ""),
            title=str(data.get("title") or ""),
            authors=strings(data.get("authors")),
            narrators=strings(data.get("narrators")),
            runtime_minutes=runtime if isinstance(runtime, int) else None,
            cover_url=str(data["cover_url"]) if data.get("cover_url") else None,
            series=str(data["series"]) if data.get("series") else None,
        )


@dataclass(frozen=True)
class ShelfSummary:
    """A shelf with its counts, for the Shelves page and ``rmab shelves list``."""

    id: int
    user_id: int | None
    source: ShelfSource
    name: str
    target: str  # the RSS URL, the Hardcover list or status, the CSV file name
    paused: bool
    last_synced_at: datetime | None
    last_error: str | None
    counts: dict[str, int] = field(default_factory=dict)  # MappingStatus value -> books
    covers: tuple[str, ...] = ()  # cover URLs of the first books


@dataclass(frozen=True)
class ShelfChoice:
    """A shelf book waiting for a person to choose its audiobook."""

    mapping_id: int
    shelf_name: str
    title: str
    authors: tuple[str, ...]
    reason: str
    candidates: tuple[Candidate, ...]
