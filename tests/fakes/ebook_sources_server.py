"""Loopback stand-ins for the free ebook sources, answering in the real services' shapes and
serving real EPUB bytes (built by the test with ebooklib).

* Gutendex: ``GET /books?search=`` -> ``{"count", "next", "previous", "results"}``; results have
  ``id``, ``title``, ``authors`` (``"Austen, Jane"`` with birth/death years), ``translators``,
  ``subjects``, ``bookshelves``, ``languages``, ``copyright``, ``media_type``, ``formats`` (MIME
  type -> URL, the EPUB at ``/ebooks/<id>.epub3.images``) and ``download_count``.
* Standard Ebooks: ``GET /feeds/opds/all?query=`` -> an OPDS Atom feed whose entries carry
  ``id``, ``title``, ``author/name``, ``rights`` and relative acquisition links.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

EPUB_TYPE = "application/epub+zip"


@dataclass
class FakeEbook:
    number: int  # Gutenberg id; also names the Standard Ebooks file
    title: str
    author: str  # "Jane Austen"
    epub: bytes
    copyright: bool = False

    @property
    def surname_first(self) -> str:
        first, _, last = self.author.rpartition(" ")
        return f"{last}, {first}" if first else last

    @property
    def slug(self) -> str:
        return f"{self.author}/{self.title}".lower().replace(" ", "-")

    def matches(self, words: str) -> bool:
        wanted = words.lower().split()
        known = f"{self.title} {self.author}".lower().replace(",", " ").split()
        return bool(wanted) and all(word in known for word in wanted)


def _matching(books: list[FakeEbook], words: str) -> list[FakeEbook]:
    return [book for book in books if book.matches(words)]


class GutendexServer(LoopbackServer):
    def __init__(self, books: list[FakeEbook]) -> None:
        super().__init__()
        self.books = books

    def result(self, book: FakeEbook) -> dict[str, object]:
        base = self.url
        return {
            "id": book.number,
            "title": book.title,
            "authors": [{"name": book.surname_first, "birth_year": 1775, "death_year": 1817}],
            "translators": [],
            "subjects": ["England -- Fiction", "Love stories"],
            "bookshelves": ["Best Books Ever Listings"],
            "languages": ["en"],
            "copyright": book.copyright,
            "media_type": "Text",
            "formats": {
                "text/html": f"{base}/ebooks/{book.number}.html.images",
                EPUB_TYPE: f"{base}/ebooks/{book.number}.epub3.images",
                "application/x-mobipocket-ebook": f"{base}/ebooks/{book.number}.kf8.images",
                "application/rdf+xml": f"{base}/ebooks/{book.number}.rdf",
                "image/jpeg": f"{base}/cache/epub/{book.number}/pg{book.number}.cover.medium.jpg",
                "text/plain; charset=us-ascii": f"{base}/ebooks/{book.number}.txt.utf-8",
            },
            "download_count": 40125,
        }

    def route(self, request: FakeRequest) -> Reply:
        if request.path.rstrip("/") == "/books":
            found = _matching(self.books, request.query.get("search", ""))
            body = {
                "count": len(found),
                "next": None,
                "previous": None,
                "results": [self.result(b) for b in found],
            }
            return Reply(200, json.dumps(body).encode())
        for book in self.books:
            if request.path == f"/ebooks/{book.number}.epub3.images":
                return Reply(200, book.epub, EPUB_TYPE)
        return Reply(404, b'{"detail": "Not found."}')


class StandardEbooksServer(LoopbackServer):
    def __init__(self, books: list[FakeEbook]) -> None:
        super().__init__()
        self.books = books

    def entry(self, book: FakeEbook) -> str:
        file = f"/ebooks/{book.slug}/downloads/{book.slug.replace('/', '_')}.epub"
        return f"""
  <entry>
    <id>https://standardebooks.org/ebooks/{escape(book.slug)}</id>
    <dc:identifier>url:https://standardebooks.org/ebooks/{escape(book.slug)}</dc:identifier>
    <title>{escape(book.title)}</title>
    <author><name>{escape(book.author)}</name><uri>https://standardebooks.org/ebooks/x</uri></author>
    <published>2020-01-01T00:00:00Z</published>
    <updated>2024-01-01T00:00:00Z</updated>
    <dc:language>en-GB</dc:language>
    <dc:issued>1817-12-20T00:00:00Z</dc:issued>
    <rights>Public domain in the United States. Users located outside of the United States must check their local laws before using this ebook. Original content released to the public domain via the Creative Commons CC0 1.0 Universal Public Domain Dedication.</rights>
    <summary type="text">A novel.</summary>
    <link href={quoteattr(f"/images/covers/{book.number}-cover.jpg")} rel="http://opds-spec.org/image" type="image/jpeg"/>
    <link href={quoteattr(file)} rel="http://opds-spec.org/acquisition/open-access" title="Recommended compatible epub" type="{EPUB_TYPE}"/>
    <link href={quoteattr(file.replace(".epub", ".azw3"))} rel="http://opds-spec.org/acquisition/open-access" title="Amazon Kindle azw3" type="application/x-mobipocket-ebook"/>
  </entry>"""

    def route(self, request: FakeRequest) -> Reply:
        if request.path == "/feeds/opds/all":
            entries = "".join(self.entry(b) for b in _matching(self.books, request.query.get("query", "")))
            feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:schema="http://schema.org/">
  <id>https://standardebooks.org/feeds/opds/all</id>
  <link href="/feeds/opds/all" rel="self" type="application/atom+xml;profile=opds-catalog;kind=acquisition"/>
  <title>All Standard Ebooks</title>
  <updated>2024-01-01T00:00:00Z</updated>
  <author><name>Standard Ebooks</name><uri>https://standardebooks.org</uri></author>{entries}
</feed>"""
            return Reply(200, feed.encode(), "application/atom+xml;profile=opds-catalog;kind=acquisition")
        for book in self.books:
            if request.path.endswith(".epub") and request.path.startswith(f"/ebooks/{book.slug}/"):
                return Reply(200, book.epub, EPUB_TYPE)
        return Reply(404, b"<html>Not found</html>", "text/html")
