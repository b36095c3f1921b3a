"""CatalogService: search, book details, similar books, suggestions, categories and home sections.

Live answers are written to the cache; when Audible cannot be reached the cache answers instead
and ``status`` says the catalog is offline, so the UI can show its banner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select

from rmab_desktop.clients.audible import MAX_PAGE_SIZE, AudibleClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import HomeSection, utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import (
    AuthorInfo,
    CatalogBook,
    CatalogEntry,
    Category,
    HomeSectionSpec,
    SearchResults,
    SectionKind,
    SeriesListing,
    SortOrder,
)
from rmab_desktop.domain.errors import NotFoundError, RmabError, ServiceError, ValidationError
from rmab_desktop.services.catalog.availability import annotate
from rmab_desktop.services.catalog.cache import CatalogCache
from rmab_desktop.services.catalog.covers import CoverCache

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_SECTIONS = 10
SECTION_SIZE = 200
PAGE_SIZE = 50
AUTHOR_PAGES = 10  # an author's catalog is read at most this deep (500 books)


@dataclass(frozen=True)
class CatalogStatus:
    online: bool | None  # None: not tried yet
    message: str = ""
    checked_at: datetime | None = None


@dataclass(frozen=True)
class SectionPage:
    section: HomeSectionSpec
    entries: tuple[CatalogEntry, ...]
    total: int
    refreshed_at: datetime | None


def _section(row: HomeSection) -> HomeSectionSpec:
    return HomeSectionSpec(
        id=row.id,
        kind=SectionKind(row.kind),
        title=row.title,
        region=row.region,
        position=row.position,
        category_id=row.category_id,
    )


class CatalogService:
    def __init__(
        self,
        database: Database,
        audible: AudibleClient,
        audnexus: AudnexusClient,
        covers: CoverCache,
        *,
        default_region: Callable[[], str] = lambda: "us",
    ) -> None:
        self.database = database
        self.audible = audible
        self.audnexus = audnexus
        self.covers = covers
        self.cache = CatalogCache(database)
        self.default_region = default_region
        self._status = CatalogStatus(None)
        self._status_lock = threading.Lock()
        self.status_listeners: list[Callable[[CatalogStatus], None]] = []

    def close(self) -> None:
        self.audible.close()
        self.audnexus.close()
        self.covers.close()

    # -- reachability --------------------------------------------------------------------------
    @property
    def status(self) -> CatalogStatus:
        return self._status

    def _note(self, online: bool, message: str = "") -> None:
        with self._status_lock:
            changed = self._status.online != online
            self._status = CatalogStatus(online, message, utcnow())
        if changed:
            for listener in list(self.status_listeners):
                listener(self._status)

    def _live(self, call: Callable[[], T]) -> T:
        try:
            result = call()
        except ServiceError as exc:
            self._note(False, exc.user_message)
            raise
        self._note(True)
        return result

    def probe(self, region: str | None = None) -> bool:
        """One tiny live query; updates ``status`` (and its listeners) either way."""
        region = region or self.default_region()
        self._live(lambda: self.audible.search(region, keywords="audiobook", page_size=1))
        return True

    # -- lookups -------------------------------------------------------------------------------
    def annotate(self, books: list[CatalogBook] | tuple[CatalogBook, ...]) -> list[CatalogEntry]:
        return annotate(self.database, list(books))

    def search(
        self,
        text: str,
        region: str | None = None,
        *,
        page: int = 1,
        sort: SortOrder = SortOrder.RELEVANCE,
        page_size: int = 20,
        field: str = "keywords",
        cancel: CancelToken | None = None,
    ) -> tuple[SearchResults, list[CatalogEntry]]:
        """One page of results with badges. ``field``: keywords, title, author or narrator."""
        if not text.strip():
            raise ValidationError("Type something to search for.")
        if field not in ("keywords", "title", "author", "narrator"):
            raise ValidationError(f"Cannot search by '{field}'.")
        region = region or self.default_region()
        result = self._live(
            lambda: self.audible.search(
                region, sort=sort, page=page, page_size=page_size, cancel=cancel, **{field: text.strip()}
            )
        )
        self.cache.store(result.books)
        return result, self.annotate(result.books)

    def book(
        self,
        asin: str,
        region: str | None = None,
        *,
        refresh: bool = False,
        cancel: CancelToken | None = None,
    ) -> CatalogBook:
        """Details from the cache when fresh, else live (filled in by Audnexus); stale cache when offline."""
        asin = asin.strip().upper()
        if not asin:
            raise ValidationError("An ASIN is needed.")
        region = region or self.default_region()
        cached = self.cache.get(asin, region)
        if cached is not None and not refresh and self.cache.is_fresh(cached[1]):
            return cached[0]
        try:
            book = self._live(lambda: self.audible.product(asin, region, cancel=cancel))
        except ServiceError:
            if cached is not None:
                return cached[0]
            raise
        book = self._complete(book, cancel)
        self.cache.store([book])
        return book

    def _complete(self, book: CatalogBook, cancel: CancelToken | None) -> CatalogBook:
        """Runtime and series from Audnexus when the catalog left them out."""
        if book.runtime_minutes and book.series:
            return book
        try:
            extra = self.audnexus.book(book.asin, book.region, cancel=cancel)
        except RmabError as exc:
            log.info("Audnexus could not complete %s: %s", book.asin, exc)
            return book
        return replace(
            book,
            runtime_minutes=book.runtime_minutes or extra.runtime_minutes,
            series=book.series or extra.series,
            release_date=book.release_date or extra.release_date,
        )

    def entry(self, asin: str, region: str | None = None, *, refresh: bool = False) -> CatalogEntry:
        return self.annotate([self.book(asin, region, refresh=refresh)])[0]

    def similar(self, asin: str, region: str | None = None, *, limit: int = 20) -> list[CatalogEntry]:
        region = region or self.default_region()
        books = self._live(lambda: self.audible.similar(asin, region, limit=limit))
        self.cache.store(books)
        return self.annotate(books)

    def suggestions(
        self, text: str, region: str | None = None, *, cancel: CancelToken | None = None
    ) -> list[str]:
        region = region or self.default_region()
        result = self._live(lambda: self.audible.suggestions(text, region, cancel=cancel))
        return result

    def author_books(
        self, name: str, region: str | None = None, *, author_asin: str | None = None, page: int = 1
    ) -> list[CatalogEntry]:
        """Books by an author's name, kept to that author's ASIN when known (namesakes dropped)."""
        _, entries = self.search(name, region, page=page, page_size=50, field="author", sort=SortOrder.NEWEST)
        if author_asin:
            entries = [e for e in entries if any(p.asin == author_asin for p in e.book.authors)] or entries
        return entries

    def author(self, author_asin: str, region: str | None = None) -> AuthorInfo:
        return self.audnexus.author(author_asin, region or self.default_region())

    def series_books(
        self, series_title: str, region: str | None = None, *, series_asin: str | None = None
    ) -> list[CatalogEntry]:
        """The books of a series, in series order."""
        _, entries = self.search(series_title, region, page_size=50)
        members = [
            e
            for e in entries
            if any((series_asin and s.asin == series_asin) or s.title == series_title for s in e.book.series)
        ]

        def position(entry: CatalogEntry) -> float:
            for ref in entry.book.series:
                if (series_asin and ref.asin == series_asin) or ref.title == series_title:
                    try:
                        return float(ref.position or "inf")
                    except ValueError:
                        return float("inf")
            return float("inf")

        return sorted(members, key=position)

    def author_catalog(self, author_asin: str, name: str, region: str | None = None) -> list[CatalogBook]:
        """Every book credited to the author with this ASIN, newest first.

        Audible's catalog searches authors by name only, so the name's results (every page) are
        kept to the books whose authors carry ``author_asin``: a namesake or another author with
        the same surname is never included."""
        region = region or self.default_region()
        books: list[CatalogBook] = []
        for page in range(1, AUTHOR_PAGES + 1):
            result = self._live(
                partial(
                    self.audible.search,
                    region,
                    author=name,
                    sort=SortOrder.NEWEST,
                    page=page,
                    page_size=MAX_PAGE_SIZE,
                )
            )
            books.extend(b for b in result.books if any(p.asin == author_asin for p in b.authors))
            if page * MAX_PAGE_SIZE >= result.total_results or not result.books:
                break
        self.cache.store(books)
        return books

    def series_catalog(
        self, series_asin: str, region: str | None = None
    ) -> tuple[SeriesListing, list[CatalogBook]]:
        """A series and its books in series order, through the series' own relationships."""
        region = region or self.default_region()
        listing = self._live(lambda: self.audible.series(series_asin, region))
        books = self._live(lambda: self.audible.products([asin for asin, _ in listing.members], region))
        self.cache.store(books)
        return listing, books

    def categories(self, region: str | None = None, *, refresh: bool = False) -> list[Category]:
        region = region or self.default_region()
        cached = self.cache.categories(region)
        if cached and not refresh:
            return cached
        try:
            tree = self._live(lambda: self.audible.categories(region))
        except ServiceError:
            if cached:
                return cached
            raise
        self.cache.store_categories(region, tree)
        return tree

    # -- home sections -------------------------------------------------------------------------
    def sections(self, user_id: int | None) -> list[HomeSectionSpec]:
        """The user's Discover sections; Popular and New releases on first use."""
        with self.database.session() as session:
            rows = session.scalars(
                select(HomeSection)
                .where(HomeSection.user_id == user_id)
                .order_by(HomeSection.position, HomeSection.id)
            ).all()
            if not rows:
                region = self.default_region()
                rows = [
                    HomeSection(
                        user_id=user_id,
                        kind=SectionKind.POPULAR.value,
                        title="Popular",
                        region=region,
                        position=0,
                    ),
                    HomeSection(
                        user_id=user_id,
                        kind=SectionKind.NEW_RELEASES.value,
                        title="New releases",
                        region=region,
                        position=1,
                    ),
                ]
                session.add_all(rows)
                session.flush()
            return [_section(row) for row in rows]

    def add_section(
        self,
        user_id: int | None,
        kind: SectionKind,
        *,
        title: str | None = None,
        category_id: str | None = None,
        region: str | None = None,
    ) -> HomeSectionSpec:
        if kind == SectionKind.CATEGORY and not category_id:
            raise ValidationError("Choose a category for this section.")
        current = self.sections(user_id)
        if len(current) >= MAX_SECTIONS:
            raise ValidationError(
                f"Discover holds at most {MAX_SECTIONS} sections.", hint="Remove one first."
            )
        default_titles = {SectionKind.POPULAR: "Popular", SectionKind.NEW_RELEASES: "New releases"}
        with self.database.session() as session:
            row = HomeSection(
                user_id=user_id,
                kind=kind.value,
                category_id=category_id if kind == SectionKind.CATEGORY else None,
                title=(title or default_titles.get(kind) or "Category")[:200],
                region=region or self.default_region(),
                position=max((s.position for s in current), default=-1) + 1,
            )
            session.add(row)
            session.flush()
            return _section(row)

    def remove_section(self, user_id: int | None, section_id: int) -> None:
        with self.database.session() as session:
            row = session.get(HomeSection, section_id)
            if row is None or row.user_id != user_id:
                raise NotFoundError("This section does not exist any more.")
            session.delete(row)

    def move_section(self, user_id: int | None, section_id: int, offset: int) -> list[HomeSectionSpec]:
        """Move a section up (negative) or down (positive); returns the new order."""
        order = [s.id for s in self.sections(user_id)]
        if section_id not in order:
            raise NotFoundError("This section does not exist any more.")
        index = order.index(section_id)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        with self.database.session() as session:
            for position, sid in enumerate(order):
                row = session.get(HomeSection, sid)
                if row is not None:
                    row.position = position
        return self.sections(user_id)

    def section_page(self, section: HomeSectionSpec, offset: int = 0, limit: int = PAGE_SIZE) -> SectionPage:
        """Cached books of a section; nothing live, so it works offline."""
        books = self.cache.list_books(section.list_key, section.region, offset, limit)
        total, refreshed = self.cache.list_info(section.list_key, section.region)
        return SectionPage(section, tuple(self.annotate(books)), total, refreshed)

    def refresh_section(
        self,
        section: HomeSectionSpec | tuple[str, str],
        *,
        size: int = SECTION_SIZE,
        cancel: CancelToken | None = None,
    ) -> int:
        """Fetch a list live (in pages of 50) into the cache and its ranks; returns its length."""
        list_key, region = (
            (section.list_key, section.region) if isinstance(section, HomeSectionSpec) else section
        )
        kind, _, category_id = list_key.partition(":")
        fetch = (
            self.audible.new_releases if kind == SectionKind.NEW_RELEASES.value else self.audible.best_sellers
        )
        books: list[CatalogBook] = []
        page = 1
        while len(books) < size:
            result = self._live(
                partial(
                    fetch,
                    region,
                    category_id=category_id or None,
                    page=page,
                    page_size=PAGE_SIZE,
                    cancel=cancel,
                )
            )
            books.extend(result.books)
            if not result.has_more or not result.books:
                break
            page += 1
        books = books[:size]
        self.cache.store(books)
        self.cache.replace_list(list_key, region, [b.asin for b in books])
        return len(books)

    def all_section_lists(self) -> list[tuple[str, str]]:
        """Every distinct (list key, region) that some user shows, plus the defaults."""
        region = self.default_region()
        lists = {(SectionKind.POPULAR.value, region), (SectionKind.NEW_RELEASES.value, region)}
        with self.database.session() as session:
            for row in session.scalars(select(HomeSection)):
                lists.add((_section(row).list_key, row.region))
        return sorted(lists)
