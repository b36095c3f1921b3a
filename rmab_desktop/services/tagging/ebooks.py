"""Ebook metadata: read for the scanner, written into EPUBs on import (ebooklib).

Reading returns the same plain dict keys as audio tags (``album`` = title, ``artist`` = authors,
``series``, ``asin`` ...) so the scanner's evidence and the wrong-content check treat an ebook
like any tagged file. Only EPUB metadata is read and written; AZW3, MOBI and PDF are imported as
they are (their format is still recorded).
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.tagging.writing import TaggingError

tr = Translator("OrganizeErrors")

if TYPE_CHECKING:  # ebooklib (and lxml, about 0.15 s) loads when an ebook is read or written
    from ebooklib import epub

log = logging.getLogger(__name__)
IDENTIFIER_SCHEMES = ("ASIN", "ISBN")


def ebook_format(path: str | Path) -> str:
    return os.path.splitext(str(path))[1].lower().lstrip(".")


def _read(path: Path) -> epub.EpubBook:
    from ebooklib import epub

    with warnings.catch_warnings():  # ebooklib warns about its own future defaults
        warnings.simplefilter("ignore")
        return epub.read_epub(str(path), {"ignore_ncx": False})


def _values(book: epub.EpubBook, name: str) -> list[tuple[str, dict[str, str]]]:
    return [(str(value or ""), dict(attrs or {})) for value, attrs in book.get_metadata("DC", name)]


def read_ebook_tags(path: str) -> dict[str, Any]:
    """The library fields of one ebook file; ``{"ebook": fmt}`` alone for formats we cannot read."""
    fmt = ebook_format(path)
    out: dict[str, Any] = {"ebook": fmt}
    if fmt != "epub":
        return out
    import ebooklib
    from ebooklib import epub

    try:
        book = _read(Path(path))
    except (epub.EpubException, zipfile.BadZipFile, OSError, KeyError, ValueError, AttributeError) as exc:
        return {**out, "error": f"{type(exc).__name__}: {exc}"[:300]}
    titles = [v for v, _ in _values(book, "title") if v.strip()]
    authors = [v.strip() for v, _ in _values(book, "creator") if v.strip()]
    if titles:
        out["album"] = out["title"] = titles[0].strip()[:500]
    if authors:
        out["artist"] = "; ".join(authors)[:500]  # ";" keeps "Austen, Jane" one person
    for value, attrs in _values(book, "identifier"):
        scheme = next((v for k, v in attrs.items() if k.endswith("scheme")), "").upper()
        if scheme in IDENTIFIER_SCHEMES and value.strip():
            out.setdefault(scheme.lower(), value.strip()[:20])
    for _value, attrs in book.get_metadata("OPF", "meta"):
        name = (attrs or {}).get("name")
        if name == "calibre:series" and attrs.get("content"):
            out["series"] = str(attrs["content"])[:500]
        elif name == "calibre:series_index" and attrs.get("content"):
            out["series_part"] = str(attrs["content"])[:20]
    dates = [v for v, _ in _values(book, "date") if v[:4].isdigit()]
    if dates:
        out["year"] = int(dates[0][:4])
    out["cover"] = any(True for _ in book.get_items_of_type(ebooklib.ITEM_COVER))
    return out


def _ours(attrs: dict[str, str]) -> bool:
    scheme = next((v for k, v in attrs.items() if k.endswith("scheme")), "").upper()
    return scheme in IDENTIFIER_SCHEMES or attrs.get("id") in ("asin", "isbn")


def write_epub_metadata(path: Path, info: BookInfo, cover: bytes | None = None) -> None:
    """Title, authors, series, identifiers (ASIN, ISBN), language and cover into the EPUB at
    ``path``, rewritten in place (callers pass a staged copy, never the seeding original)."""
    import ebooklib
    from ebooklib import epub

    dc_namespace, opf_namespace = epub.NAMESPACES["DC"], epub.NAMESPACES["OPF"]
    try:
        book = _read(path)
    except (epub.EpubException, zipfile.BadZipFile, OSError, KeyError, ValueError, AttributeError) as exc:
        raise TaggingError(
            tr.mark("Cannot write metadata into {name}: {reason}"), name=path.name, reason=exc
        ) from exc
    dc = book.metadata.setdefault(dc_namespace, {})
    for name in ("title", "creator"):
        dc[name] = []
    dc["identifier"] = [  # the package's own identifiers stay; ours are replaced
        (value, attrs) for value, attrs in dc.get("identifier", []) if not _ours(attrs or {})
    ]
    own_ids = [attrs["id"] for _, attrs in dc["identifier"] if (attrs or {}).get("id")]
    if own_ids:
        book.IDENTIFIER_ID = own_ids[0]  # the package's unique-identifier keeps pointing at it
    else:
        book.set_identifier(f"urn:uuid:{uuid.uuid4()}")
    book.set_title(info.title if not info.subtitle else f"{info.title}: {info.subtitle}")
    for author in info.authors:
        book.add_author(author)
    if info.language and not dc.get("language"):
        book.set_language(info.language)
    for scheme, value in (("ASIN", info.asin), ("ISBN", info.isbn)):
        if value:
            book.add_metadata(
                "DC", "identifier", value, {f"{{{opf_namespace}}}scheme": scheme, "id": scheme.lower()}
            )
    opf = book.metadata.setdefault(opf_namespace, {})
    opf["meta"] = [
        (value, attrs)
        for value, attrs in opf.get("meta", [])
        if (attrs or {}).get("name") not in ("calibre:series", "calibre:series_index")
    ]
    if info.series:
        book.add_metadata(None, "meta", "", {"name": "calibre:series", "content": info.series})
        if info.series_position:
            book.add_metadata(
                None, "meta", "", {"name": "calibre:series_index", "content": info.series_position}
            )
    if cover and not any(True for _ in book.get_items_of_type(ebooklib.ITEM_COVER)):
        name = "cover.png" if cover.startswith(b"\x89PNG") else "cover.jpg"
        book.set_cover(name, cover, create_page=False)
    tmp = path.with_name(path.name + ".rmab-tmp")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            epub.write_epub(str(tmp), book, {})
        os.replace(tmp, path)
    except (epub.EpubException, OSError, ValueError, TypeError, AttributeError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise TaggingError(
            tr.mark("Cannot write metadata into {name}: {reason}"), name=path.name, reason=exc
        ) from exc
