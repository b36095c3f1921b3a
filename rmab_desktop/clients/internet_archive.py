"""Internet Archive / LibriVox: public-domain audiobooks, no account, direct HTTP downloads.

``/advancedsearch.php`` finds items (LibriVox recordings live in the ``librivoxaudio``
collection); ``/metadata/{identifier}`` lists an item's files with their format, size and length;
``/download/{identifier}/{file}`` serves each file. One item becomes one Release whose files are
the best audio set it holds (M4B audiobook, else the best MP3 set, else Ogg).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from rmab_desktop.clients._http import new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT
from rmab_desktop.clients.fields import dicts, integer, mapping, text
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Release, ReleaseFile

tr = Translator("ServiceErrors")

SERVICE = "Internet Archive"
DEFAULT_URL = "https://archive.org"
LIBRIVOX_COLLECTION = "librivoxaudio"
TIMEOUT = httpx.Timeout(30.0, connect=CONNECT_TIMEOUT)
DEADLINE = 60.0
# IA format names, best first, with the format word the ranker understands.
AUDIO_SETS = (
    ("m4b", ("m4b", "audiobook")),
    ("mp3", ("vbr mp3",)),
    ("mp3", ("128kbps mp3",)),
    ("mp3", ("64kbps mp3",)),
    ("mp3", ("mp3",)),
    ("ogg", ("ogg vorbis", "ogg")),
)
# IA file format names of ebooks we import, best first ("LCP Encrypted EPUB" is a loan, never taken).
EBOOK_FILES = (("epub", "epub"), ("text pdf", "pdf"))
_FIELDS = ("identifier", "title", "creator", "downloads", "item_size", "publicdate", "language")


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return next((t for t in (text(v) for v in value) if t), None)
    return text(value)


def _quoted(value: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in value)
    return " ".join(cleaned.split())


class InternetArchiveClient:
    def __init__(self, base_url: str = DEFAULT_URL, *, http: httpx.Client | None = None) -> None:
        self.base_url = normalize_base_url(base_url)
        self._http = http or new_client(timeout=TIMEOUT, follow_redirects=True)

    def close(self) -> None:
        self._http.close()

    def _json(self, path: str, params: Any = None) -> Any:
        return parse_json(
            send(self._http, SERVICE, "GET", f"{self.base_url}{path}", seconds=DEADLINE, params=params),
            SERVICE,
        )

    def search(
        self,
        title: str,
        author: str | None = None,
        *,
        collection: str | None = LIBRIVOX_COLLECTION,
        rows: int = 25,
        mediatype: str = "audio",
    ) -> list[dict[str, Any]]:
        """Matching item documents (identifier, title, creator ...); ``mediatype="texts"`` for books."""
        clauses = [f"title:({_quoted(title)})", f"mediatype:({mediatype})"]
        if author and _quoted(author):
            clauses.append(f"creator:({_quoted(author)})")
        if collection:
            clauses.append(f"collection:({collection})")
        params = [("q", " AND ".join(clauses)), ("rows", rows), ("page", 1), ("output", "json")]
        params += [("fl[]", field) for field in _FIELDS]
        data = self._json("/advancedsearch.php", params)
        response = data.get("response") if isinstance(data, dict) else None
        if not isinstance(response, dict) or not isinstance(response.get("docs"), list):
            raise InvalidResponseError(
                tr.mark("{service} search answered in an unknown shape."), service=SERVICE
            )
        return [doc for doc in dicts(response["docs"]) if text(doc.get("identifier"))]

    def metadata(self, identifier: str) -> dict[str, Any]:
        data = self._json(f"/metadata/{quote(identifier, safe='')}")
        if not isinstance(data, dict) or not data.get("files"):
            raise InvalidResponseError(
                tr.mark("{service} has no files for item '{identifier}'."),
                service=SERVICE,
                identifier=identifier,
            )
        return data

    def release(self, identifier: str, priority: int = 25) -> Release | None:
        """The item as one downloadable release, or None when it holds no audio."""
        data = self.metadata(identifier)
        meta = mapping(data.get("metadata"))
        files = dicts(data.get("files"))
        chosen = self._audio_set(identifier, files)
        if chosen is None:
            return None
        fmt, release_files = chosen
        title = _first(meta.get("title")) or identifier
        creator = _first(meta.get("creator"))
        sizes = [f.size_bytes for f in release_files if f.size_bytes]
        published = text(meta.get("publicdate"))
        return Release(
            guid=f"ia:{identifier}:{fmt}",
            title=f"{creator + ' - ' if creator else ''}{title} [{fmt.upper()}] (LibriVox)",
            indexer=SERVICE,
            protocol="http",
            size_bytes=sum(sizes) or None,
            download_url=release_files[0].url,
            info_url=f"{self.base_url}/details/{quote(identifier, safe='')}",
            publish_date=_date(published),
            files=len(release_files),
            indexer_priority=priority,
            author=creator,
            book_title=title,
            http_files=tuple(release_files),
            extra={"identifier": identifier, "format": fmt, "language": _first(meta.get("language")) or ""},
        )

    def ebook_release(self, identifier: str) -> Release | None:
        """A text item's EPUB (else PDF) as one release, or None when it has neither or is a
        lending-library item (encrypted, or restricted to borrowers)."""
        data = self.metadata(identifier)
        meta = mapping(data.get("metadata"))
        if (text(meta.get("access-restricted-item")) or "").lower() == "true":
            return None
        by_format = {(text(f.get("format")) or "").lower(): f for f in dicts(data.get("files"))}
        fmt, chosen = next(
            ((fmt, by_format[name]) for name, fmt in EBOOK_FILES if name in by_format), ("", None)
        )
        name = text(chosen.get("name")) if chosen else None
        if not name:
            return None
        title = _first(meta.get("title")) or identifier
        creator = _first(meta.get("creator"))
        status = (text(meta.get("possible-copyright-status")) or "").upper()
        licence = (text(meta.get("licenseurl")) or "").lower()
        file = ReleaseFile(
            name=name,
            url=f"{self.base_url}/download/{quote(identifier, safe='')}/{quote(name)}",
            size_bytes=integer(chosen.get("size")) if chosen else None,
            format=fmt.upper(),
        )
        return Release(
            guid=f"ia:{identifier}:{fmt}",
            title=f"{creator + ' - ' if creator else ''}{title} [{fmt.upper()}] (Internet Archive)",
            indexer=SERVICE,
            protocol="http",
            size_bytes=file.size_bytes,
            download_url=file.url,
            info_url=f"{self.base_url}/details/{quote(identifier, safe='')}",
            publish_date=_date(text(meta.get("publicdate"))),
            files=1,
            author=creator,
            book_title=title,
            http_files=(file,),
            extra={
                "identifier": identifier,
                "format": fmt,
                "public_domain": status == "NOT_IN_COPYRIGHT" or "publicdomain" in licence,
            },
        )

    def _audio_set(
        self, identifier: str, files: list[dict[str, Any]]
    ) -> tuple[str, list[ReleaseFile]] | None:
        for fmt, names in AUDIO_SETS:
            chosen = [
                f
                for f in files
                if (text(f.get("format")) or "").lower() in names
                or (fmt == "m4b" and (text(f.get("name")) or "").lower().endswith(".m4b"))
            ]
            if chosen:
                chosen.sort(key=lambda f: (integer(f.get("track")) or 0, text(f.get("name")) or ""))
                return fmt, [
                    ReleaseFile(
                        name=text(f.get("name")) or "",
                        url=f"{self.base_url}/download/{quote(identifier, safe='')}/{quote(text(f.get('name')) or '')}",
                        size_bytes=integer(f.get("size")),
                        format=text(f.get("format")),
                    )
                    for f in chosen
                    if text(f.get("name"))
                ]
        return None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return None
