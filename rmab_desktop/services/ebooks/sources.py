"""Free ebook sources that need no account: Project Gutenberg (Gutendex), Standard Ebooks (OPDS)
and the Internet Archive's public-domain texts. Their base URLs are settings (``ebooks.*_url``) so
a proxy or a local stand-in can take the real services' place."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx

from rmab_desktop.clients._http import new_client
from rmab_desktop.clients.gutendex import GutendexClient
from rmab_desktop.clients.internet_archive import InternetArchiveClient
from rmab_desktop.clients.standard_ebooks import StandardEbooksClient
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.indexers.queries import clean_title, primary_author
from rmab_desktop.settings import EbookSettings

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
ARCHIVE_ITEMS = 3  # each Internet Archive hit costs one metadata request


class FreeEbookSources:
    def __init__(
        self,
        settings: Callable[[], EbookSettings],
        *,
        http_factory: Callable[[], httpx.Client] | None = None,
    ) -> None:
        self._settings = settings  # read at each search: the user may change Settings meanwhile
        self._http_factory = http_factory or (lambda: new_client(timeout=TIMEOUT, follow_redirects=True))
        self.last_errors: list[tuple[str, RmabError]] = []

    @property
    def enabled(self) -> bool:
        return self._settings().free_sources

    def search(self, book: BookInfo, custom_terms: str | None = None) -> list[Release]:
        """Releases from every source; one failing source does not stop the others, and when
        every source fails the first error is raised."""
        settings = self._settings()
        title, author = clean_title(book.title), primary_author(book)
        words = (custom_terms or f"{title} {author or ''}").strip()
        found: list[Release] = []
        self.last_errors = []
        with self._http_factory() as http:
            searches: list[tuple[str, Callable[[], list[Release]]]] = [
                ("Project Gutenberg", lambda: GutendexClient(settings.gutendex_url, http=http).search(words)),
                (
                    "Standard Ebooks",
                    lambda: StandardEbooksClient(settings.standard_ebooks_url, http=http).search(words),
                ),
                (
                    "Internet Archive",
                    lambda: self._archive(settings.internet_archive_url, http, title, author),
                ),
            ]
            for name, run in searches:
                try:
                    found += run()
                except RmabError as exc:
                    log.warning("free ebook source %s failed: %s", name, exc)
                    self.last_errors.append((name, exc))
        if len(self.last_errors) == len(searches):
            raise self.last_errors[0][1]
        return found

    @staticmethod
    def _archive(url: str, http: httpx.Client, title: str, author: str | None) -> list[Release]:
        client = InternetArchiveClient(url, http=http)
        docs = client.search(title, author, collection=None, mediatype="texts", rows=ARCHIVE_ITEMS)
        releases = (client.ebook_release(str(doc["identifier"])) for doc in docs[:ARCHIVE_ITEMS])
        return [release for release in releases if release is not None]
