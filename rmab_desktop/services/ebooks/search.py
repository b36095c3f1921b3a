"""The pipeline's search for an ebook request: the indexers' ebook categories and the free
ebook sources together; an audiobook request only asks the indexers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ebooks.sources import FreeEbookSources

if TYPE_CHECKING:
    from rmab_desktop.services.indexers.service import Kind


class Indexers(Protocol):
    def search(
        self, book: BookInfo, kind: Kind = "audiobook", custom_terms: str | None = None
    ) -> list[Release]: ...

    def fetch_release_file(self, release: Release) -> bytes | str: ...


class WithFreeEbooks:
    """Indexers plus the free ebook sources for ``kind="ebook"``; a failure of one side (no
    indexer set up, a source down) is survived when the other side answered."""

    def __init__(self, indexers: Indexers, sources: FreeEbookSources) -> None:
        self.indexers = indexers
        self.sources = sources

    def search(
        self, book: BookInfo, kind: Kind = "audiobook", custom_terms: str | None = None
    ) -> list[Release]:
        if kind != "ebook" or not self.sources.enabled:
            return self.indexers.search(book, kind=kind, custom_terms=custom_terms)
        found: list[Release] = []
        errors: list[RmabError] = []
        searches: list[Callable[[], list[Release]]] = [
            lambda: self.indexers.search(book, kind=kind, custom_terms=custom_terms),
            lambda: self.sources.search(book, custom_terms),
        ]
        for search in searches:
            try:
                found += search()
            except RmabError as exc:
                errors.append(exc)
        if len(errors) == 2:
            raise errors[0]
        return found

    def fetch_release_file(self, release: Release) -> bytes | str:
        return self.indexers.fetch_release_file(release)
