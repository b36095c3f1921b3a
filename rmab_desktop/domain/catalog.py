"""Audible catalog records as every layer sees them: books, pages, categories, works."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.i18n import Translator, text

tr = Translator("Marketplaces")

# Marketplace -> top-level domain of api.audible.<tld> and www.audible.<tld>.
REGIONS: dict[str, str] = {
    "us": "com",
    "ca": "ca",
    "uk": "co.uk",
    "au": "com.au",
    "fr": "fr",
    "de": "de",
    "jp": "co.jp",
    "it": "it",
    "in": "in",
    "es": "es",
    "br": "com.br",
}

REGION_NAMES: dict[str, str] = {
    "us": tr.mark("United States"),
    "ca": tr.mark("Canada"),
    "uk": tr.mark("United Kingdom"),
    "au": tr.mark("Australia"),
    "fr": tr.mark("France"),
    "de": tr.mark("Germany"),
    "jp": tr.mark("Japan"),
    "it": tr.mark("Italy"),
    "in": tr.mark("India"),
    "es": tr.mark("Spain"),
    "br": tr.mark("Brazil"),
}


def region_label(code: str) -> str:
    """A marketplace as choices show it, in the app's language: "Germany (de)"."""
    return tr("{marketplace} ({code})").format(marketplace=text(REGION_NAMES[code]), code=code)


class SortOrder(StrEnum):
    """Values of the catalog's ``products_sort_by`` parameter."""

    RELEVANCE = "Relevance"
    BEST_SELLERS = "BestSellers"
    NEWEST = "-ReleaseDate"
    RATING = "AvgRating"
    TITLE = "Title"


class SectionKind(StrEnum):
    POPULAR = "popular"
    NEW_RELEASES = "new_releases"
    CATEGORY = "category"


class Availability(StrEnum):
    """The badge a cover carries for the current user, decided per ASIN and per work."""

    NONE = "none"
    REQUESTED = "requested"
    DOWNLOADING = "downloading"
    AVAILABLE = "available"
    IN_LIBRARY = "in_library"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    asin: str | None = None


@dataclass(frozen=True, slots=True)
class SeriesRef:
    title: str
    asin: str | None = None
    position: str | None = None


@dataclass(frozen=True, slots=True)
class SeriesListing:
    """A series as Audible lists it: its books' ASINs with their position, in series order."""

    asin: str
    title: str
    region: str
    members: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class CatalogBook:
    asin: str
    title: str
    region: str = "us"
    subtitle: str | None = None
    authors: tuple[Person, ...] = ()
    narrators: tuple[str, ...] = ()
    series: tuple[SeriesRef, ...] = ()
    runtime_minutes: int | None = None
    release_date: date | None = None
    language: str | None = None
    rating: float | None = None
    rating_count: int | None = None
    cover_url: str | None = None
    description: str | None = None
    format_type: str | None = None  # unabridged | abridged
    publisher: str | None = None
    genres: tuple[str, ...] = ()
    isbn: str | None = None
    sample_url: str | None = None
    delivery_type: str | None = None  # SinglePartBook | MultiPartBook ...

    @property
    def author_names(self) -> tuple[str, ...]:
        return tuple(person.name for person in self.authors)

    @property
    def primary_author(self) -> str:
        return self.authors[0].name if self.authors else ""

    @property
    def primary_series(self) -> SeriesRef | None:
        return self.series[0] if self.series else None

    def is_released(self, today: date) -> bool:
        return self.release_date is None or self.release_date <= today

    def to_book_info(self) -> BookInfo:
        series = self.primary_series
        return BookInfo(
            title=self.title,
            asin=self.asin,
            region=self.region,
            subtitle=self.subtitle,
            authors=self.author_names,
            narrators=self.narrators,
            series=series.title if series else None,
            series_position=series.position if series else None,
            runtime_minutes=self.runtime_minutes,
            language=self.language,
            release_date=self.release_date,
            publisher=self.publisher,
            description=self.description,
            genres=self.genres,
            cover_url=self.cover_url,
            isbn=self.isbn,
        )

    def to_json(self) -> dict[str, Any]:
        series = self.primary_series
        return {
            "asin": self.asin,
            "region": self.region,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": [{"name": p.name, "asin": p.asin} for p in self.authors],
            "narrators": list(self.narrators),
            "series": [{"title": s.title, "asin": s.asin, "position": s.position} for s in self.series],
            "series_name": series.title if series else None,
            "series_position": series.position if series else None,
            "runtime_minutes": self.runtime_minutes,
            "release_date": self.release_date.isoformat() if self.release_date else None,
            "language": self.language,
            "rating": self.rating,
            "rating_count": self.rating_count,
            "cover_url": self.cover_url,
            "description": self.description,
            "format_type": self.format_type,
            "publisher": self.publisher,
            "genres": list(self.genres),
            "isbn": self.isbn,
            "sample_url": self.sample_url,
            "delivery_type": self.delivery_type,
        }


@dataclass(frozen=True)
class SearchResults:
    books: tuple[CatalogBook, ...]
    total_results: int
    page: int  # 1-based for people; the client converts
    page_size: int

    @property
    def has_more(self) -> bool:
        return self.page * self.page_size < self.total_results


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    children: tuple[Category, ...] = ()
    parent_id: str | None = None


@dataclass(frozen=True)
class Chapter:
    title: str
    start_ms: int
    length_ms: int


@dataclass(frozen=True)
class AuthorInfo:
    asin: str
    name: str
    description: str | None = None
    image_url: str | None = None
    genres: tuple[str, ...] = ()
    similar: tuple[Person, ...] = ()


@dataclass(frozen=True)
class HomeSectionSpec:
    id: int
    kind: SectionKind
    title: str
    region: str
    position: int
    category_id: str | None = None

    @property
    def list_key(self) -> str:
        return f"category:{self.category_id}" if self.kind == SectionKind.CATEGORY else self.kind.value


@dataclass(frozen=True)
class CatalogEntry:
    """A cached book with the current user's badge, as the covers grid shows it."""

    book: CatalogBook
    availability: Availability = Availability.NONE
    work_id: int | None = None
    request_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        return f"{self.book.region}:{self.book.asin}"


_EDITION_TAGS = re.compile(
    r"[\(\[][^\)\]]*\b(unabridged|abridged|edition|remaster(ed)?|full[- ]cast|dramati[sz]ed|"
    r"light novel|volume|vol\.?|book)\b[^\)\]]*[\)\]]",
    re.IGNORECASE,
)
_SUBTITLE_SPLIT = re.compile(r"\s*(:|\u2013|\u2014| - )\s*")
_TRAILING_KIND = re.compile(r"\b(a novel|a memoir|a thriller)\s*$", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


def normalize_text(text: str) -> str:
    """Lower-case, accents folded, punctuation collapsed: for comparing names."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return _NON_WORD.sub(" ", folded.lower()).strip()


def normalize_title(title: str) -> str:
    """The title without edition tags, subtitle or "a novel", for grouping editions."""
    stripped = _EDITION_TAGS.sub(" ", title)
    stripped = _SUBTITLE_SPLIT.split(stripped, maxsplit=1)[0]
    stripped = _TRAILING_KIND.sub("", stripped)
    return normalize_text(stripped) or normalize_text(title)


def work_key(title: str, primary_author: str) -> str:
    return f"{normalize_title(title)}|{normalize_text(primary_author)}"


def edition_note(book: CatalogBook) -> str:
    """A short label telling editions of one work apart: narrators, abridged, marketplace."""
    parts = [book.region.upper()]
    if book.format_type and book.format_type.lower() == "abridged":
        parts.append("abridged")
    if book.narrators:
        names = ", ".join(book.narrators[:2]) + (" +" if len(book.narrators) > 2 else "")
        parts.append(f"read by {names}")
    return " · ".join(parts)[:200]


def _people_from_json(items: Any) -> tuple[Person, ...]:
    people = []
    for item in items or ():
        if isinstance(item, dict) and item.get("name"):
            people.append(Person(str(item["name"]), item.get("asin")))
        elif isinstance(item, str) and item:
            people.append(Person(item))
    return tuple(people)


def book_from_json(data: dict[str, Any]) -> CatalogBook:
    """The inverse of :meth:`CatalogBook.to_json` (used by the database cache)."""
    release = data.get("release_date")
    return CatalogBook(
        asin=str(data["asin"]),
        title=str(data.get("title") or ""),
        region=str(data.get("region") or "us"),
        subtitle=data.get("subtitle"),
        authors=_people_from_json(data.get("authors")),
        narrators=tuple(str(n) for n in data.get("narrators") or ()),
        series=tuple(
            SeriesRef(str(s["title"]), s.get("asin"), s.get("position"))
            for s in data.get("series") or ()
            if isinstance(s, dict) and s.get("title")
        ),
        runtime_minutes=data.get("runtime_minutes"),
        release_date=date.fromisoformat(release) if isinstance(release, str) and release else None,
        language=data.get("language"),
        rating=data.get("rating"),
        rating_count=data.get("rating_count"),
        cover_url=data.get("cover_url"),
        description=data.get("description"),
        format_type=data.get("format_type"),
        publisher=data.get("publisher"),
        genres=tuple(data.get("genres") or ()),
        isbn=data.get("isbn"),
        sample_url=data.get("sample_url"),
        delivery_type=data.get("delivery_type"),
    )
