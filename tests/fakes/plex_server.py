"""A fake Plex Media Server: sections, paged albums (type=9) and tracks (type=10), refresh.

Payloads have the shapes of real PMS answers: JSON when the client
sends ``Accept: application/json`` and ``xml`` is False, else XML with string attributes.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import quoteattr

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

TOKEN = "plex-test-token-123"
# A valid 1x1 PNG, for cover requests.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c6338636c0c"
    "0003010133c4c27b130000000049454e44ae426082"
)


def section(key: str, title: str, type_: str, path: str, hidden: str = "0") -> dict[str, Any]:
    return {
        "allowSync": True,
        "art": f"/:/resources/{type_}-fanart.jpg",
        "key": key,
        "type": type_,
        "title": title,
        "agent": "tv.plex.agents.music" if type_ == "artist" else "com.plexapp.agents.imdb",
        "scanner": "Plex Music" if type_ == "artist" else "Plex Movie Scanner",
        "language": "en",
        "uuid": f"uuid-{key}",
        "updatedAt": 1602211102,
        "createdAt": 1430432959,
        "scannedAt": 1605413685,
        "content": True,
        "directory": True,
        "hidden": hidden,
        "Location": [{"id": int(key), "path": path}],
    }


def album(
    rating_key: str, title: str, author: str, *, year: int | None = 2013, guid: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ratingKey": rating_key,
        "key": f"/library/metadata/{rating_key}/children",
        "parentRatingKey": f"a{author}",
        "guid": guid or f"plex://album/{rating_key}",
        "parentGuid": f"plex://artist/{author}",
        "studio": "Big Beat",
        "type": "album",
        "title": title,
        "parentKey": f"/library/metadata/a{author}",
        "parentTitle": author,
        "summary": "",
        "index": 1,
        "thumb": f"/library/metadata/{rating_key}/thumb/1680344882",
        "addedAt": 1579520106,
        "updatedAt": 1680344882,
        "leafCount": 2,
    }
    if year is not None:
        data["year"] = year
        data["originallyAvailableAt"] = f"{year}-10-14"
    return data


def track(
    rating_key: str, album_key: str, file: str, *, size: int = 1000, duration_ms: int = 60_000
) -> dict[str, Any]:
    container = file.rsplit(".", 1)[-1]
    return {
        "ratingKey": rating_key,
        "parentRatingKey": album_key,
        "type": "track",
        "title": file.rsplit("/", 1)[-1],
        "duration": duration_ms,
        "Media": [
            {
                "id": int(rating_key),
                "duration": duration_ms,
                "container": container,
                "audioCodec": container,
                "Part": [
                    {
                        "id": int(rating_key),
                        "key": f"/library/parts/{rating_key}/file",
                        "file": file,
                        "size": size,
                        "container": container,
                    }
                ],
            }
        ],
    }


def _xml(tag: str, data: dict[str, Any]) -> str:
    attrs = "".join(
        f" {k}={quoteattr(str(int(v) if isinstance(v, bool) else v))}"
        for k, v in data.items()
        if not isinstance(v, list)
    )
    children = "".join(_xml(k, child) for k, v in data.items() if isinstance(v, list) for child in v)
    return f"<{tag}{attrs}>{children}</{tag}>" if children else f"<{tag}{attrs} />"


class FakePlexServer(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.token = TOKEN
        self.xml = False
        self.sections: list[dict[str, Any]] = [
            section("1", "Movies", "movie", "/storage/movies"),
            section("3", "Audiobooks", "artist", "/data/audiobooks"),
        ]
        self.albums: dict[str, list[dict[str, Any]]] = {"3": []}
        self.tracks: dict[str, list[dict[str, Any]]] = {"3": []}
        self.refreshes: list[tuple[str, str | None]] = []
        self.trash_emptied: list[str] = []  # section keys
        self.metadata_deleted: list[str] = []  # DELETE /library/metadata/{key}: deletes the files
        self.thumbs: set[str] = set()  # rating keys whose thumb exists

    def _container(self, request: FakeRequest, items: list[dict[str, Any]], tag: str, **attrs: Any) -> Reply:
        if self.xml or "json" not in request.headers.get("accept", ""):
            inner = "".join(_xml(tag, item) for item in items)
            head = "".join(f" {k}={quoteattr(str(v))}" for k, v in {"size": len(items), **attrs}.items())
            body = f'<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer{head}>{inner}</MediaContainer>'
            return Reply(200, body.encode(), "text/xml;charset=utf-8")
        key = "Directory" if tag == "Directory" and not attrs.get("viewGroup") else "Metadata"
        container = {"size": len(items), "allowSync": True, **attrs, key: items}
        return Reply(200, json.dumps({"MediaContainer": container}).encode())

    def route(self, request: FakeRequest) -> Reply:
        token = request.headers.get("x-plex-token") or request.query.get("X-Plex-Token")
        if token != self.token:
            return Reply(401, b"<html><head><title>Unauthorized</title></head></html>", "text/html")
        parts = request.path.strip("/").split("/")
        if parts == ["identity"]:
            return self._container(request, [], "Directory", machineIdentifier="abc123", version="1.40.0")
        if len(parts) == 5 and parts[:2] == ["library", "metadata"] and parts[3] == "thumb":
            return (
                Reply(200, PNG_1X1, "image/png") if parts[2] in self.thumbs else Reply(404, b"", "text/plain")
            )
        if len(parts) == 3 and parts[:2] == ["library", "metadata"] and request.method == "DELETE":
            self.metadata_deleted.append(parts[2])
            return Reply(200, b"", "text/plain")
        if parts == ["library", "sections"]:
            return self._container(request, self.sections, "Directory", title1="Plex Library")
        if len(parts) == 4 and parts[:2] == ["library", "sections"]:
            return self._section_call(request, parts[2], parts[3])
        return Reply(404, b"Not Found", "text/plain")

    def _section_call(self, request: FakeRequest, key: str, action: str) -> Reply:
        if key not in {s["key"] for s in self.sections}:
            return Reply(404, b"Not Found", "text/plain")
        if action == "refresh":
            self.refreshes.append((key, request.query.get("path")))
            return Reply(200, b"", "text/plain")
        if action == "emptyTrash" and request.method == "PUT":
            self.trash_emptied.append(key)
            return Reply(200, b"", "text/plain")
        if action != "all":
            return Reply(404, b"Not Found", "text/plain")
        type_ = request.query.get("type")
        items = self.tracks.get(key, []) if type_ == "10" else self.albums.get(key, [])
        start = int(request.query.get("X-Plex-Container-Start", 0))
        size = int(request.query.get("X-Plex-Container-Size", len(items) or 1))
        page = items[start : start + size]
        tag = "Track" if type_ == "10" else "Directory"
        return self._container(
            request, page, tag, totalSize=len(items), offset=start, librarySectionID=key, viewGroup="album"
        )
