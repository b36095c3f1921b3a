"""Turning the files of one book folder into a :class:`LibraryBook` with per-source evidence."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rmab_desktop.domain.library import EBOOK_FORMAT_ORDER, Evidence, LibraryBook, is_ebook
from rmab_desktop.services.library.folders import folder_evidence, split_people
from rmab_desktop.services.library.normalize import clean_book, same_person

SIDECAR_MAX_BYTES = 256 * 1024
_SERIES_SEQ = re.compile(r"^(.*?)\s*#\s*([\w.\-]+)\s*$")
# What rippers and players write when they know nothing: not a title or author that could clash.
_PLACEHOLDER = re.compile(
    r"^(?:unknown(?: (?:album|artist|title|author|disc))?|untitled|various artists?|audio ?books?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FileRecord:
    path: str
    size: int
    tags: dict[str, Any]


def read_sidecar(path: str) -> dict[str, Any]:
    """The parts of ``metadata.json`` / ``reader.txt`` the matcher uses; garbage is ignored."""
    name = os.path.basename(path).lower()
    try:
        with open(path, "rb") as handle:
            raw = handle.read(SIDECAR_MAX_BYTES)
    except OSError as exc:
        return {"sidecar": name, "error": str(exc)[:200]}
    text = raw.decode("utf-8", "replace").lstrip("\ufeff")
    if name == "reader.txt":
        return {"sidecar": name, "narrators": text.strip()[:500]}
    if name != "metadata.json":
        return {"sidecar": name}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python recurses
        return {"sidecar": name, "error": "not valid JSON"}
    if not isinstance(data, dict):
        return {"sidecar": name, "error": "not a JSON object"}
    keep = ("title", "subtitle", "authors", "narrators", "series", "asin", "publishedYear")
    return {"sidecar": name, **{k: data[k] for k in keep if data.get(k) not in (None, "", [])}}


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_people(value)
    if isinstance(value, list):
        return tuple(str(v.get("name") if isinstance(v, dict) else v).strip() for v in value if v)
    return ()


def sidecar_evidence(sidecars: Iterable[dict[str, Any]]) -> Evidence | None:
    fields: dict[str, Any] = {}
    for data in sidecars:
        if data.get("error"):
            continue
        if data.get("sidecar") == "reader.txt" and data.get("narrators"):
            fields.setdefault("narrators", split_people(data["narrators"]))
        if data.get("sidecar") != "metadata.json":
            continue
        for key in ("title", "subtitle", "asin"):
            if isinstance(data.get(key), str):
                fields[key] = data[key].strip() or None
        if data.get("authors"):
            fields["authors"] = _names(data["authors"])
        if data.get("narrators"):
            fields["narrators"] = _names(data["narrators"])
        series = data.get("series")
        first = series[0] if isinstance(series, list) and series else series
        if isinstance(first, dict):
            fields["series"], fields["series_position"] = first.get("name"), first.get("sequence")
        elif isinstance(first, str):
            found = _SERIES_SEQ.match(first)
            fields["series"], fields["series_position"] = (
                (found.group(1), found.group(2)) if found else (first, None)
            )
        year = str(data.get("publishedYear") or "")
        if year[:4].isdigit():
            fields["year"] = int(year[:4])
    if not fields:
        return None
    return Evidence(source="sidecar", **fields)


def _common(values: list[Any]) -> Any:
    """The most frequent real value (placeholders like "Unknown Artist" do not count).

    The parts of one book mostly share their tags, so one distinct value is the fast path."""
    distinct = set(values)
    distinct.discard(None)
    distinct.discard("")
    if len(distinct) == 1:
        value = distinct.pop()
        return None if _is_placeholder(value) else value
    counted = Counter(v for v in values if v in distinct)
    for value, _count in counted.most_common():
        if not _is_placeholder(value):
            return value
    return None


def _is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value.strip()))


def tag_evidence(files: list[FileRecord]) -> Evidence | None:
    tags = [f.tags for f in files if not f.tags.get("error")]
    if not tags:
        return None

    def common(key: str) -> Any:
        return _common([t.get(key) for t in tags])

    album = common("album")
    titles = {t.get("title") for t in tags}
    title = album or (next(iter(titles)) if len(titles) == 1 else None)
    author = common("albumartist") or common("artist")
    year = common("year")
    evidence = Evidence(
        source="tags",
        title=title,
        subtitle=common("subtitle"),
        authors=split_people(author),
        narrators=split_people(common("composer")),
        series=common("series"),
        series_position=common("series_part"),
        asin=common("asin"),
        year=int(year) if year else None,
    )
    empty = Evidence(source="tags")
    return None if evidence == empty else evidence


def ebook_formats(paths: Iterable[str]) -> tuple[str, ...]:
    """The distinct ebook formats of ``paths``, best first ("epub", "pdf" ...)."""
    found = {os.path.splitext(p)[1].lower().lstrip(".") for p in paths}
    return tuple(
        sorted(found, key=lambda f: (EBOOK_FORMAT_ORDER.index(f) if f in EBOOK_FORMAT_ORDER else 99, f))
    )


def _first(attr: str, sources: list[Evidence]) -> Any:
    for evidence in sources:
        value = getattr(evidence, attr)
        if value:
            return value
    return None


def _folder_evidence(rel: str, named: list[Evidence]) -> Evidence:
    """Folder evidence; ``Root/Author/Book`` (the 'series' level names the tagged author) is read as
    ``Author/Book`` so an extra level above the author is neither the author nor a series."""
    folder = folder_evidence(rel)
    authors = [a for e in named for a in e.authors]

    def named_author(names: Iterable[str]) -> bool:
        return any(same_person(n, a) for n in names for a in authors)

    if folder.series and named_author([folder.series]) and not named_author(folder.authors):
        return folder_evidence("/".join(rel.split("/")[-2:]))
    return folder


def _extension(path: str) -> str:
    dot = path.rfind(".")
    return path[dot + 1 :].lower() if dot > path.rfind(os.sep) else ""


def assemble_book(rel: str, files: list[FileRecord], sidecars: Iterable[dict[str, Any]]) -> LibraryBook:
    """Merged display fields (sidecar > tags > folder, as Audiobookshelf ranks them) plus evidence."""
    named = [e for e in (sidecar_evidence(sidecars), tag_evidence(files)) if e]
    evidence = [*named, _folder_evidence(rel, named)]
    durations = [f.tags.get("duration") for f in files]
    known = [d for d in durations if d]
    ebooks = [f for f in files if is_ebook(f.path)]
    extensions = Counter(_extension(f.path) for f in files if f not in ebooks)
    title = _first("title", evidence) or rel.rsplit("/", 1)[-1]
    book = LibraryBook(
        path=rel,
        title=title,
        subtitle=_first("subtitle", evidence),
        authors=_first("authors", evidence) or (),
        narrators=_first("narrators", evidence) or (),
        series=_first("series", evidence),
        series_position=_first("series_position", evidence),
        asin=_first("asin", evidence),
        year=_first("year", evidence),
        files=len(files),
        duration_seconds=sum(known) if known else None,
        format=extensions.most_common(1)[0][0] if extensions else None,
        size_bytes=sum(f.size for f in files),
        evidence=tuple(evidence),
        ebook_formats=ebook_formats(f.path for f in ebooks),
    )
    return clean_book(book)
