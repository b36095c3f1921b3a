"""What lists need to know of a book: its title and author by ASIN, and its cover.

The user's own Audible library and wishlist are asked first (known without a network call, so a
book you own goes into a list offline); the catalog for everything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rmab_desktop.domain.audible_library import AudibleEntry
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.lists import ListEntry
from rmab_desktop.services.audible_library import AudibleLibraryStore
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.lists.service import BookRef


@dataclass(frozen=True)
class ListBooks:
    catalog: CatalogService
    audible: AudibleLibraryStore

    def _known(self, asin: str) -> AudibleEntry | None:
        return self.audible.find(asin)

    def ref(self, asin: str, region: str | None) -> BookRef:
        known = self._known(asin)
        if known is not None:
            author = known.authors[0] if known.authors else ""
            return BookRef(known.asin, region or known.region, known.title, author)
        book = self.catalog.book(asin, region)
        return BookRef(book.asin, book.region, book.title, book.primary_author)

    def _cover_url(self, entry: ListEntry) -> str:
        known = self._known(entry.asin)
        if known is not None and known.cover_url:
            return known.cover_url
        return self.catalog.book(entry.asin, entry.region).cover_url or ""

    def cover_urls(self, entries: Iterable[ListEntry]) -> dict[str, str]:
        """ASIN -> cover URL for the books that have one (a book nobody can look up has none)."""
        found: dict[str, str] = {}
        for entry in entries:
            try:
                url = self._cover_url(entry)
            except RmabError:
                continue
            if url:
                found[entry.asin] = url
        return found

    def cover_file(self, entry: ListEntry) -> Path | None:
        """The cached cover thumbnail (downloaded once); None when the book has no cover."""
        url = self._cover_url(entry)
        return self.catalog.covers.fetch(url) if url else None
