"""A fake Internet Archive on loopback: advancedsearch, item metadata and file downloads.

Items have the real metadata shape: ``files`` with ``name``, ``source``, ``format`` ("64Kbps MP3",
"VBR MP3", "Ogg Vorbis", "Item Tile" ...), string ``size`` and ``length``, and ``metadata`` whose
``creator``/``collection`` can be a string or a list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import unquote

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply


@dataclass
class FakeItem:
    identifier: str
    title: str
    creator: str | list[str]
    chapters: int = 3
    formats: tuple[str, ...] = ("64Kbps MP3", "Ogg Vorbis")
    chapter_bytes: int = 2000
    epub: bytes | None = None  # a text item (mediatype "texts") offering this EPUB
    copyright_status: str = "NOT_IN_COPYRIGHT"
    lending: bool = False  # a lending-library loan: encrypted EPUB, access-restricted


def metadata_json(item: FakeItem) -> dict[str, object]:
    files: list[dict[str, object]] = [
        {"name": f"{item.identifier}_meta.xml", "source": "original", "format": "Metadata"},
        {"name": "__ia_thumb.jpg", "source": "original", "format": "Item Tile", "size": "9000"},
    ]
    if item.epub is not None:
        return text_metadata_json(item, files)
    for fmt in item.formats:
        ext = {"64Kbps MP3": "_64kb.mp3", "VBR MP3": ".mp3", "Ogg Vorbis": ".ogg", "M4B": ".m4b"}[fmt]
        for n in range(1, item.chapters + 1):
            files.append(
                {
                    "name": f"{item.identifier.split('_')[0]}_{n:02d}{ext}",
                    "source": "derivative" if fmt != "VBR MP3" else "original",
                    "format": fmt,
                    "size": str(item.chapter_bytes),
                    "length": "1234.56",
                    "title": f"Chapter {n}",
                    "track": str(n),
                }
            )
    return {
        "created": 1700000000,
        "d1": "ia800000.us.archive.org",
        "dir": f"/1/items/{item.identifier}",
        "files": files,
        "files_count": len(files),
        "metadata": {
            "identifier": item.identifier,
            "mediatype": "audio",
            "collection": ["librivoxaudio", "audio_bookspoetry"],
            "creator": item.creator,
            "title": item.title,
            "language": "eng",
            "publicdate": "2010-03-01 12:00:00",
        },
        "server": "ia800000.us.archive.org",
    }


def text_metadata_json(item: FakeItem, files: list[dict[str, object]]) -> dict[str, object]:
    """A scanned or born-digital book: EPUB (or, for a loan, "LCP Encrypted EPUB") and Text PDF."""
    epub_format = "LCP Encrypted EPUB" if item.lending else "EPUB"
    files += [
        {
            "name": f"{item.identifier}.epub",
            "source": "derivative",
            "format": epub_format,
            "size": str(len(item.epub or b"")),
        },
        {"name": f"{item.identifier}.pdf", "source": "derivative", "format": "Text PDF", "size": "52000"},
    ]
    metadata: dict[str, object] = {
        "identifier": item.identifier,
        "mediatype": "texts",
        "collection": ["inlibrary", "printdisabled"] if item.lending else ["americana"],
        "creator": item.creator,
        "title": item.title,
        "language": "eng",
        "publicdate": "2009-05-01 10:00:00",
        "possible-copyright-status": item.copyright_status,
    }
    if item.lending:
        metadata["access-restricted-item"] = "true"
    return {"created": 1700000000, "dir": f"/1/items/{item.identifier}", "files": files, "metadata": metadata}


class InternetArchiveServer(LoopbackServer):
    def __init__(self, items: list[FakeItem] | None = None) -> None:
        super().__init__()
        self.items = {item.identifier: item for item in items or []}

    def route(self, request: FakeRequest) -> Reply:
        if request.path == "/advancedsearch.php":
            query = request.query.get("q", "").lower()
            docs = [
                {
                    "identifier": item.identifier,
                    "title": item.title,
                    "creator": item.creator,
                    "downloads": 1234,
                }
                for item in self.items.values()
                if all(word in query for word in item.title.lower().split())
                and f"mediatype:({'texts' if item.epub is not None else 'audio'})" in query
            ]
            body = {
                "responseHeader": {"status": 0, "QTime": 5, "params": {"query": request.query.get("q", "")}},
                "response": {"numFound": len(docs), "start": 0, "docs": docs},
            }
            return Reply(200, json.dumps(body).encode())
        if request.path.startswith("/metadata/"):
            item = self.items.get(unquote(request.path.removeprefix("/metadata/")))
            return Reply(200, json.dumps(metadata_json(item) if item else {}).encode())
        if request.path.startswith("/download/"):
            item = self.items.get(unquote(request.path.split("/")[2]))
            if item is not None and item.epub is not None and request.path.endswith(".epub"):
                return Reply(200, item.epub, "application/epub+zip")
            return Reply(200, b"ID3" + b"\x00" * 1997, "audio/mpeg")
        return Reply(404, b"<html>404</html>", "text/html")
