"""Project Gutenberg through the Gutendex API: public-domain ebooks, no account.

``GET /books?search=<words>`` answers ``{"count", "next", "previous", "results": [...]}``; each
result has ``id``, ``title``, ``authors`` (``{"name": "Austen, Jane", "birth_year", ...}``),
``languages``, ``copyright`` (false for public-domain books) and ``formats`` (MIME type -> URL).
Each book with an EPUB (else a Kindle file) becomes one direct-HTTP Release.
"""

from __future__ import annotations

import httpx

from rmab_desktop.clients._http import new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.fields import dicts, integer, mapping, text
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Release, ReleaseFile

tr = Translator("ServiceErrors")

SERVICE = "Project Gutenberg"
DEFAULT_URL = "https://gutendex.com"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# MIME type -> format word the ranker knows, best first.
FORMATS = (("application/epub+zip", "epub"), ("application/x-mobipocket-ebook", "mobi"))


def person(name: str) -> str:
    """``"Austen, Jane"`` -> ``"Jane Austen"`` (Gutenberg lists authors surname first)."""
    last, _, first = name.partition(", ")
    return f"{first.strip()} {last.strip()}".strip() if first else name.strip()


class GutendexClient:
    def __init__(self, base_url: str = DEFAULT_URL, *, http: httpx.Client | None = None) -> None:
        self.base_url = normalize_base_url(base_url)
        self._http = http or new_client(timeout=TIMEOUT, follow_redirects=True)

    def search(self, words: str, *, limit: int = 10) -> list[Release]:
        response = send(self._http, SERVICE, "GET", f"{self.base_url}/books", params={"search": words})
        data = parse_json(response, SERVICE)
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise InvalidResponseError(tr.mark("{service} answered in an unknown shape."), service=SERVICE)
        releases = (self._release(book) for book in dicts(data["results"])[:limit])
        return [release for release in releases if release is not None]

    def _release(self, book: dict[str, object]) -> Release | None:
        number, title = integer(book.get("id")), text(book.get("title"))
        formats = mapping(book.get("formats"))
        chosen = next(
            ((fmt, text(formats.get(mime))) for mime, fmt in FORMATS if text(formats.get(mime))), None
        )
        if number is None or not title or chosen is None:
            return None
        fmt, url = chosen
        authors = [person(text(a.get("name")) or "") for a in dicts(book.get("authors"))]
        author = ", ".join(a for a in authors if a) or None
        file = ReleaseFile(name=f"pg{number}.{fmt}", url=str(url), format=fmt.upper())
        languages = [text(lang) for lang in book.get("languages") or [] if text(lang)]  # type: ignore[attr-defined]
        return Release(
            guid=f"gutenberg:{number}:{fmt}",
            title=f"{author + ' - ' if author else ''}{title} [{fmt.upper()}] (Project Gutenberg)",
            indexer=SERVICE,
            protocol="http",
            download_url=file.url,
            info_url=f"https://www.gutenberg.org/ebooks/{number}",
            files=1,
            author=author,
            book_title=title,
            http_files=(file,),
            extra={
                "public_domain": book.get("copyright") is False,
                "language": ",".join(str(lang) for lang in languages),
                "cover_url": text(formats.get("image/jpeg")) or "",
            },
        )
