"""A local Goodreads shelf feed: ``/review/list_rss/<user>?shelf=…&key=…&page=N``.

Page 1 is the shelf (tests/fixtures/goodreads/shelf_to_read.xml, the real feed's shape); later
pages are the channel with no items, which is how the real feed ends.
"""

from __future__ import annotations

from pathlib import Path

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "goodreads"


class FakeGoodreads(LoopbackServer):
    def __init__(self, shelf: Path = FIXTURES / "shelf_to_read.xml") -> None:
        super().__init__()
        self.shelf = shelf.read_bytes()
        self.past_end = (FIXTURES / "shelf_past_end.xml").read_bytes()

    def feed_url(self, user: str = "1000001", shelf: str = "to-read") -> str:
        return f"{self.url}/review/list_rss/{user}?shelf={shelf}&key=TESTKEY"

    def route(self, request: FakeRequest) -> Reply:
        if not request.path.startswith("/review/list_rss/"):
            return Reply(404, b"<html><body>Not found</body></html>", "text/html")
        if request.query.get("key") != "TESTKEY":
            return Reply(403, b"<html><body>Private shelf</body></html>", "text/html")
        body = self.shelf if request.query.get("page", "1") == "1" else self.past_end
        return Reply(200, body, "application/rss+xml; charset=utf-8")
