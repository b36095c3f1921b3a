"""A web page with an HTML5 ``<audio>`` element and the media file it points at, the way a
podcast episode page or a small audio site serves them; yt-dlp's generic extractor reads it."""

from __future__ import annotations

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply


class MediaPageServer(LoopbackServer):
    def __init__(self, media: bytes, *, title: str, author: str, media_type: str = "audio/mp4") -> None:
        super().__init__()
        self.media, self.title, self.author, self.media_type = media, title, author, media_type

    @property
    def page_url(self) -> str:
        return f"{self.url}/episodes/the-book"

    def route(self, request: FakeRequest) -> Reply:
        if request.path == "/episodes/the-book":
            page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{self.title}</title>
<meta property="og:title" content="{self.title}">
<meta name="author" content="{self.author}">
</head><body>
<h1>{self.title}</h1><p>Read by volunteers. Public domain.</p>
<audio controls preload="none"><source src="/media/the-book.m4a" type="{self.media_type}"></audio>
</body></html>"""
            return Reply(200, page.encode(), "text/html; charset=utf-8")
        if request.path == "/media/the-book.m4a":
            return Reply(200, self.media, self.media_type, {"Accept-Ranges": "none"})
        return Reply(404, b"<html>not found</html>", "text/html")
