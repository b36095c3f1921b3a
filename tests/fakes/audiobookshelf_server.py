"""A fake Audiobookshelf server: libraries, paged minified items, expanded item, scan, watcher.

Shapes follow the examples of the official Audiobookshelf API documentation.
"""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply
from tests.fakes.plex_server import PNG_1X1

TOKEN = "abs-test-token-456"


def library(id_: str, name: str, media_type: str, path: str) -> dict[str, Any]:
    return {
        "id": id_,
        "name": name,
        "folders": [{"id": f"fol_{id_}", "fullPath": path, "libraryId": id_, "addedAt": 1650462940610}],
        "displayOrder": 1,
        "icon": "audiobookshelf",
        "mediaType": media_type,
        "provider": "audible",
        "settings": {"coverAspectRatio": 1, "disableWatcher": False, "autoScanCronExpression": None},
        "createdAt": 1633522963509,
        "lastUpdate": 1646520916818,
    }


def item(
    id_: str,
    rel_path: str,
    title: str,
    authors: list[str],
    *,
    root: str = "/audiobooks",
    narrators: tuple[str, ...] = (),
    series: tuple[str, str | None] | None = None,
    asin: str | None = None,
    year: str | None = "2008",
    files: int = 2,
    ext: str = "mp3",
) -> dict[str, Any]:
    """One item in its expanded form; :func:`minify` gives the list form."""
    path = f"{root}/{rel_path}"
    return {
        "id": id_,
        "ino": "649641337522215266",
        "libraryId": "lib_main",
        "folderId": "fol_lib_main",
        "path": path,
        "relPath": rel_path,
        "isFile": False,
        "mtimeMs": 1650621074299,
        "addedAt": 1650621073750,
        "updatedAt": 1650621110769,
        "isMissing": False,
        "isInvalid": False,
        "mediaType": "book",
        "media": {
            "libraryItemId": id_,
            "metadata": {
                "title": title,
                "titleIgnorePrefix": title,
                "subtitle": None,
                "authors": [{"id": f"aut_{i}", "asin": None, "name": name} for i, name in enumerate(authors)],
                "narrators": list(narrators),
                "series": [{"id": "ser_1", "name": series[0], "sequence": series[1]}] if series else [],
                "genres": ["Fantasy"],
                "publishedYear": year,
                "publishedDate": None,
                "publisher": "Brilliance Audio",
                "description": "A description.",
                "isbn": None,
                "asin": asin,
                "language": None,
                "explicit": False,
            },
            "coverPath": f"{path}/cover.jpg",
            "tags": [],
            "audioFiles": [
                {
                    "index": n + 1,
                    "ino": f"64964424852221526{n}",
                    "metadata": {
                        "filename": f"{title} {n + 1:02d}.{ext}",
                        "ext": f".{ext}",
                        "path": f"{path}/{title} {n + 1:02d}.{ext}",
                        "size": 48037888,
                    },
                    "duration": 6000.5,
                    "codec": ext,
                    "mimeType": "audio/mpeg",
                }
                for n in range(files)
            ],
            "duration": 6000.5 * files,
            "size": 48037888 * files,
        },
    }


def minify(expanded: dict[str, Any]) -> dict[str, Any]:
    media = expanded["media"]
    meta = dict(media["metadata"])
    series = meta.pop("series")
    meta["authorName"] = ", ".join(a["name"] for a in meta.pop("authors"))
    meta["narratorName"] = ", ".join(meta.pop("narrators"))
    meta["seriesName"] = ", ".join(
        f"{s['name']} #{s['sequence']}" if s["sequence"] else s["name"] for s in series
    )
    files = len(media["audioFiles"])
    return {
        **{k: v for k, v in expanded.items() if k != "media"},
        "media": {
            "metadata": meta,
            "coverPath": media["coverPath"],
            "tags": [],
            "numTracks": files,
            "numAudioFiles": files,
            "numChapters": files,
            "duration": media["duration"],
            "size": media["size"],
            "ebookFileFormat": None,
        },
        "numFiles": files + 1,
        "size": media["size"] + 1000,
    }


class FakeAudiobookshelfServer(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.token = TOKEN
        self.libraries = [
            library("lib_main", "Main", "book", "/audiobooks"),
            library("lib_pod", "Podcasts", "podcast", "/podcasts"),
        ]
        self.items: dict[str, list[dict[str, Any]]] = {"lib_main": [], "lib_pod": []}
        self.scans: list[tuple[str, bool]] = []
        self.watcher_updates: list[dict[str, Any]] = []
        self.covers: set[str] = set()  # item ids with a cover
        self.removed: list[tuple[str, bool]] = []  # (item id, hard): hard also deletes the files

    @staticmethod
    def _json(data: Any, status: int = 200) -> Reply:
        return Reply(status, json.dumps(data).encode())

    def route(self, request: FakeRequest) -> Reply:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return Reply(401, b"Unauthorized", "text/plain")
        parts = request.path.strip("/").split("/")
        if parts == ["api", "libraries"]:
            return self._json({"libraries": self.libraries})
        if parts == ["api", "watcher", "update"] and request.method == "POST":
            self.watcher_updates.append(json.loads(request.body or b"{}"))
            return Reply(200, b"OK", "text/plain")
        if len(parts) == 4 and parts[:2] == ["api", "items"] and parts[3] == "cover":
            return (
                Reply(200, PNG_1X1, "image/png") if parts[2] in self.covers else Reply(404, b"", "text/plain")
            )
        if len(parts) == 3 and parts[:2] == ["api", "items"] and request.method == "DELETE":
            for items in self.items.values():
                items[:] = [entry for entry in items if entry["id"] != parts[2]]
            self.removed.append((parts[2], request.query.get("hard") in ("1", "true")))
            return Reply(200, b"OK", "text/plain")
        if len(parts) == 3 and parts[:2] == ["api", "items"]:
            for items in self.items.values():
                for entry in items:
                    if entry["id"] == parts[2]:
                        return self._json(entry)
            return Reply(404, b"Not Found", "text/plain")
        if len(parts) == 4 and parts[:2] == ["api", "libraries"] and parts[2] in self.items:
            return self._library_call(request, parts[2], parts[3])
        return Reply(404, b"Not Found", "text/plain")

    def _library_call(self, request: FakeRequest, library_id: str, action: str) -> Reply:
        if action == "scan" and request.method == "POST":
            self.scans.append((library_id, request.query.get("force") == "1"))
            return Reply(200, b"OK", "text/plain")
        if action != "items":
            return Reply(404, b"Not Found", "text/plain")
        items = self.items[library_id]
        limit = int(request.query.get("limit", 0))
        page = int(request.query.get("page", 0))
        chosen = items[page * limit : (page + 1) * limit] if limit else items
        return self._json(
            {
                "results": [minify(entry) for entry in chosen],
                "total": len(items),
                "limit": limit,
                "page": page,
                "sortBy": "media.metadata.title",
                "sortDesc": False,
                "filterBy": None,
                "mediaType": "book",
                "minified": True,
                "collapseseries": False,
                "include": "",
            }
        )
