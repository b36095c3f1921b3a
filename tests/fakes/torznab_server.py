"""A fake Torznab (torrent) or Newznab (usenet) endpoint on loopback: caps, search, file download.

``/api?t=caps`` and ``/api?t=search&q=...`` (every query word must be in a title); a wrong
``apikey`` answers a Newznab ``<error code="100">`` document with a BOM and HTTP 200, as real
servers do. Switches beyond the LoopbackServer ones: ``error_code`` (answer that error document),
``bom`` (prefix feeds with a BOM), ``truncated`` (cut the XML in half).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from tests.fakes.indexer_payloads import (
    FakeRelease,
    caps_document,
    error_document,
    newznab_feed,
    torznab_feed,
)
from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

API_KEY = "torznab-test-key"


class TorznabServer(LoopbackServer):
    def __init__(self, releases: list[FakeRelease] | None = None, *, newznab: bool = False) -> None:
        super().__init__()
        self.releases = list(releases or [])
        self.newznab = newznab
        self.api_key = API_KEY
        self.error_code: int | None = None
        self.bom = False
        self.truncated = False
        self.api_limits: tuple[int, int, int, int] | None = None  # Newznab apilimits in each feed
        self.caps_max = 100  # caps <limits max>: items one feed page may hold
        self.torrents: list[bytes] = []  # real .torrent files served for downloads, in feed order

    def reset(self) -> None:
        super().reset()
        self.error_code, self.bom, self.truncated = None, False, False

    def matching(self, query: str) -> list[FakeRelease]:
        wanted = query.lower().split()
        return [r for r in self.releases if all(word in r.title.lower() for word in wanted)]

    def route(self, request: FakeRequest) -> Reply:
        if request.path.startswith("/download/"):
            index = int(request.path.split("/")[2]) - 1000
            if 0 <= index < len(self.torrents):
                return Reply(200, self.torrents[index], "application/x-bittorrent")
            return Reply(200, b"d8:announce30:http://tracker.example/announcee", "application/x-bittorrent")
        if request.path.rstrip("/").removesuffix("/api").strip("/") not in {"", "1", "2"}:
            return Reply(404, b"<html>not found</html>", "text/html")
        if request.query.get("apikey") != self.api_key:
            return Reply(200, error_document(100, "Incorrect user credentials"), "application/xml")
        if self.error_code is not None:
            return Reply(200, error_document(self.error_code, "Request limit reached"), "application/xml")
        mode = request.query.get("t", "")
        if mode == "caps":
            return Reply(200, caps_document(self.caps_max), "application/xml")
        if mode in {"search", "book", "audio"}:
            categories = {int(c) for c in request.query.get("cat", "").split(",") if c.isdigit()}
            found = [
                r
                for r in self.matching(request.query.get("q", ""))
                if not categories or set(r.categories) & categories
            ][: int(request.query.get("limit") or 100)]
            body = (
                newznab_feed(found, bom=self.bom, limits=self.api_limits)
                if self.newznab
                else torznab_feed(found, bom=self.bom, base_url=self.url)
            )
            return Reply(200, body[: len(body) // 2] if self.truncated else body, "application/rss+xml")
        return Reply(200, error_document(202, "No such function"), "application/xml")

    def feed_polls(self) -> list[dict[str, str]]:
        """The RSS requests: searches without a query."""
        return [r.query for r in self.requests if r.query.get("t") == "search" and "q" not in r.query]

    def queries(self) -> list[str]:
        return [r.query.get("q", "") for r in self.requests if r.query.get("t") == "search"]

    def categories_asked(self) -> list[list[str]]:
        return [
            parse_qs(r.raw_query).get("cat", [""])[0].split(",")
            for r in self.requests
            if r.query.get("t") == "search"
        ]
