"""Finding the Audible product for a book known only by title and author (a shelf book, an AI tip).

The first search result is never trusted: every result is judged by the library's guarded matcher
(:func:`rmab_desktop.services.library.matching.match_books`: whole-title keys, subtitles and series
prefixes explained by metadata, initials, diacritics, editions), as if the search results were a
library and the book were wanted. A unique confident link is a match; a result that agrees only in
part (same title by another author, two editions equally good) is a *choice* for a person; nothing
that agrees is *none*.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.catalog import CatalogBook
from rmab_desktop.domain.library import Evidence, LibraryBook, WantedBook
from rmab_desktop.services.library.matching import match_books
from rmab_desktop.services.library.normalize import key, person_role

if TYPE_CHECKING:
    from rmab_desktop.services.catalog.service import CatalogService

MAX_CANDIDATES = 4
SEARCH_PAGE = 20

# (text, field) -> products; field is "keywords" or "title" (CatalogService.search's fields).
Search = Callable[[str, str], Sequence[CatalogBook]]


class Outcome(StrEnum):
    MATCHED = "matched"
    CHOICE = "choice"
    NONE = "none"


@dataclass(frozen=True)
class WantedTitle:
    """A book as a shelf or a recommender names it."""

    title: str
    authors: tuple[str, ...] = ()
    isbn: str | None = None
    series: str | None = None
    series_position: str | None = None

    @property
    def match_key(self) -> str:
        """The same book on any shelf of any user or provider: folded title plus first author."""
        author = person_role(self.authors[0])[0] if self.authors else ""
        return f"{key(self.title)}|{key(author)}"[:300]


@dataclass(frozen=True)
class Resolution:
    outcome: Outcome
    book: CatalogBook | None = None  # set when MATCHED
    candidates: tuple[CatalogBook, ...] = field(default=())  # for CHOICE, best first
    reason: str = ""


def _as_library_book(book: CatalogBook) -> LibraryBook:
    series = book.primary_series
    evidence = Evidence(
        source="Audible",
        title=book.title,
        subtitle=book.subtitle,
        authors=book.author_names,
        narrators=book.narrators,
        series=series.title if series else None,
        series_position=series.position if series else None,
        asin=book.asin,
    )
    return LibraryBook(
        path=book.asin,
        title=book.title,
        subtitle=book.subtitle,
        authors=book.author_names,
        narrators=book.narrators,
        asin=book.asin,
        evidence=(evidence,),
    )


def judge(wanted: WantedTitle, products: Sequence[CatalogBook]) -> Resolution:
    """The verdict on ``products`` (search results) for ``wanted``; no I/O."""
    unique = list({book.asin: book for book in products}.values())
    if not unique:
        return Resolution(Outcome.NONE, reason="Audible has no audiobook by this title")
    info = BookInfo(
        title=wanted.title,
        authors=wanted.authors,
        isbn=wanted.isbn,
        series=wanted.series,
        series_position=wanted.series_position,
    )
    match = match_books([WantedBook("wanted", info)], [_as_library_book(b) for b in unique])[0]
    by_asin = {book.asin: book for book in unique}
    if match.path is not None:
        return Resolution(Outcome.MATCHED, by_asin[match.path], reason=match.reason)
    if match.suggestion is None:
        return Resolution(Outcome.NONE, reason="no audiobook with this title and author")
    # The suggestion first, then other results of the same title key or author, for comparison.
    first = by_asin[match.suggestion]
    wanted_key = key(wanted.title)
    related = [
        b
        for b in unique
        if b.asin != first.asin
        and (key(b.title) in (wanted_key, key(first.title)) or set(b.author_names) & set(first.author_names))
    ]
    return Resolution(
        Outcome.CHOICE, candidates=tuple([first, *related][:MAX_CANDIDATES]), reason=match.reason
    )


class BookResolver:
    """Searches Audible the ways a person would, then :func:`judge` s everything found."""

    def __init__(self, search: Search) -> None:
        self.search = search

    def resolve(self, wanted: WantedTitle) -> Resolution:
        author = person_role(wanted.authors[0])[0] if wanted.authors else ""
        found: list[CatalogBook] = list(self.search(f"{wanted.title} {author}".strip(), "keywords"))
        verdict = judge(wanted, found)
        if verdict.outcome == Outcome.MATCHED:
            return verdict
        found += self.search(wanted.title, "title")  # the author may be spelled another way
        return judge(wanted, found)


def catalog_search(catalog: CatalogService, region: str | None = None) -> Search:
    """A :data:`Search` over ``CatalogService.search`` (results cached by the catalog)."""

    def search(text: str, field_name: str) -> Sequence[CatalogBook]:
        _, entries = catalog.search(text, region, field=field_name, page_size=SEARCH_PAGE)
        return [entry.book for entry in entries]

    return search
