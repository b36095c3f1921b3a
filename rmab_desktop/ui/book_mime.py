"""A book's identity on the clipboard of a drag: ``BOOK_MIME_TYPE`` holding a JSON list of
``{"asin", "region", "title", "author"}``. Every view that lets books be dragged (catalog grids,
the Audible library, the Lists page) writes it; the Lists page reads it on a drop."""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QMimeData

from rmab_desktop.domain.lists import BOOK_MIME_TYPE
from rmab_desktop.services.lists import BookRef


def book_mime(books: Iterable[BookRef]) -> QMimeData:
    mime = QMimeData()
    refs = [{"asin": b.asin, "region": b.region, "title": b.title, "author": b.author} for b in books]
    mime.setData(BOOK_MIME_TYPE, json.dumps(refs).encode())
    mime.setText("\n".join(f"{r['title']} ({r['asin']})" for r in refs))
    return mime


def books_from_mime(mime: QMimeData) -> list[BookRef]:
    """The books in a drop; an unreadable payload is no books."""
    if not mime.hasFormat(BOOK_MIME_TYPE):
        return []
    try:
        refs = json.loads(bytes(mime.data(BOOK_MIME_TYPE).data()).decode())
        return [
            BookRef(
                str(r["asin"]).upper(),
                str(r.get("region") or "us"),
                str(r["title"]),
                str(r.get("author") or ""),
            )
            for r in refs
            if isinstance(r, dict)
        ]
    except (ValueError, KeyError, TypeError):
        return []
