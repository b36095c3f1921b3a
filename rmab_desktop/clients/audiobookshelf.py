"""Audiobookshelf REST API (Bearer token): libraries, paged items, item details, scans.

Items come minified in lists (names flattened into ``authorName``/``narratorName``/``seriesName``)
and expanded from ``/api/items/{id}`` (lists of authors, narrators as strings, series objects);
both are read into one :class:`AbsItem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from rmab_desktop.clients._http import DEFAULT_TIMEOUT, new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.fields import mapping
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "Audiobookshelf"
PAGE_SIZE = 500
_SERIES_SEQ = re.compile(r"^(?P<name>.*?)\s+#(?P<seq>[\w.]+)$")


def _names(value: Any) -> tuple[str, ...]:
    """A list of names from ``[{"name"}]``, ``["name"]`` or a comma-joined string."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    names = []
    for item in value or []:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return tuple(names)


def _series(metadata: dict[str, Any]) -> tuple[str | None, str | None]:
    series = metadata.get("series")
    if isinstance(series, list) and series and isinstance(series[0], dict):
        first = series[0]
        return first.get("name") or None, (str(first["sequence"]) if first.get("sequence") else None)
    name = metadata.get("seriesName")
    if not isinstance(name, str) or not name.strip():
        return None, None
    first_name = name.split(", ")[0].strip()
    match = _SERIES_SEQ.match(first_name)
    return (match["name"], match["seq"]) if match else (first_name, None)


def _int(value: Any) -> int | None:
    try:
        return int(str(value)[:4]) if value not in (None, "") else None
    except ValueError:
        return None


@dataclass(frozen=True)
class AbsLibrary:
    id: str
    name: str
    media_type: str
    folders: tuple[str, ...]

    @property
    def is_books(self) -> bool:
        return self.media_type == "book"


@dataclass(frozen=True)
class AbsItem:
    id: str
    path: str | None
    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    narrators: tuple[str, ...]
    series: str | None
    series_position: str | None
    year: int | None
    asin: str | None
    isbn: str | None
    duration_seconds: float | None
    size_bytes: int
    file_count: int
    format: str | None
    added_at_ms: int | None
    is_missing: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AbsItem:
        media = mapping(data.get("media"))
        metadata = mapping(media.get("metadata"))
        audio = [f for f in media.get("audioFiles") or [] if isinstance(f, dict)]
        exts = {str((f.get("metadata") or {}).get("ext") or "").lstrip(".").lower() for f in audio} - {""}
        series, position = _series(metadata)
        file_count = media.get("numAudioFiles")
        return cls(
            id=str(data.get("id") or ""),
            path=data.get("path") or None,
            title=str(metadata.get("title") or "").strip(),
            subtitle=metadata.get("subtitle") or None,
            authors=_names(metadata.get("authors") or metadata.get("authorName")),
            narrators=_names(metadata.get("narrators") or metadata.get("narratorName")),
            series=series,
            series_position=position,
            year=_int(metadata.get("publishedYear")),
            asin=(metadata.get("asin") or None),
            isbn=(metadata.get("isbn") or None),
            duration_seconds=float(media["duration"]) if media.get("duration") else None,
            size_bytes=int(media.get("size") or data.get("size") or 0),
            file_count=int(file_count if file_count is not None else len(audio)),
            format=exts.pop() if len(exts) == 1 else None,
            added_at_ms=data.get("addedAt") if isinstance(data.get("addedAt"), int) else None,
            is_missing=bool(data.get("isMissing")),
        )


class AudiobookshelfClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = new_client(
            base_url=normalize_base_url(base_url),
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            timeout=timeout,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AudiobookshelfClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return parse_json(send(self._http, SERVICE, method, path, **kwargs), SERVICE)

    def libraries(self) -> list[AbsLibrary]:
        data = self._json("GET", "/api/libraries")
        libraries = data.get("libraries") if isinstance(data, dict) else None
        if not isinstance(libraries, list):
            raise InvalidResponseError(tr.mark("Audiobookshelf sent no library list."), service=SERVICE)
        return [
            AbsLibrary(
                id=str(lib.get("id")),
                name=str(lib.get("name") or ""),
                media_type=str(lib.get("mediaType") or "book"),
                folders=tuple(str(f.get("fullPath")) for f in lib.get("folders") or [] if f.get("fullPath")),
            )
            for lib in libraries
            if isinstance(lib, dict) and lib.get("id")
        ]

    def items_page(self, library_id: str, page: int, limit: int = PAGE_SIZE) -> tuple[list[AbsItem], int]:
        data = self._json(
            "GET", f"/api/libraries/{library_id}/items", params={"limit": limit, "page": page, "minified": 1}
        )
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise InvalidResponseError(tr.mark("Audiobookshelf sent no item list."), service=SERVICE)
        items = [AbsItem.from_json(item) for item in results if isinstance(item, dict) and item.get("id")]
        total = data.get("total")
        return items, int(total) if isinstance(total, int) else len(items)

    def items(self, library_id: str, page_size: int = PAGE_SIZE) -> Iterator[AbsItem]:
        page, seen = 0, 0
        while True:
            items, total = self.items_page(library_id, page, page_size)
            yield from items
            seen += len(items)
            page += 1
            if not items or seen >= total:
                return

    def item(self, item_id: str) -> AbsItem:
        data = self._json("GET", f"/api/items/{item_id}", params={"expanded": 1})
        if not isinstance(data, dict) or not data.get("id"):
            raise InvalidResponseError(tr.mark("Audiobookshelf sent an unreadable item."), service=SERVICE)
        return AbsItem.from_json(data)

    def cover(self, item_id: str, width: int = 400) -> bytes:
        return send(
            self._http,
            SERVICE,
            "GET",
            f"/api/items/{item_id}/cover",
            params={"width": width},
            headers={"Accept": "image/*"},
        ).content

    def scan(self, library_id: str, force: bool = False) -> None:
        send(
            self._http,
            SERVICE,
            "POST",
            f"/api/libraries/{library_id}/scan",
            params={"force": 1} if force else {},
        )

    def remove_item(self, item_id: str) -> None:
        """Remove the item from the server's database only. Never ``hard=1``: that also deletes the
        item's files from disk, and the files may be the user's own."""
        send(self._http, SERVICE, "DELETE", f"/api/items/{item_id}")

    def watcher_update(self, library_id: str, path: str, change: str = "add") -> None:
        """Targeted update of one path as the server sees it (admin token needed)."""
        send(
            self._http,
            SERVICE,
            "POST",
            "/api/watcher/update",
            json={"libraryId": library_id, "path": path, "type": change},
        )
