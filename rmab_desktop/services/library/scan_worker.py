"""The reading side of a library scan: tags of each book's files, then the book's row.

Runs in the scanner's worker processes (or in the scanning process for a small scan), so it
imports neither SQLAlchemy nor Qt nor mutagen up front: a worker starts in a few tens of ms.

Tags come from tinytag, which reads a file in a fraction of the time mutagen takes,
mapped to the same fields :func:`rmab_desktop.services.tagging.reading.read_tags` gives.
mutagen reads a file only when tinytag cannot (an unknown container, a file tinytag finds no
audio in); its error is then the one reported. Chapters are not read by the scan: the
importer reads them with mutagen when a book is imported.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import stat
import sys
import threading
from typing import Any, NamedTuple

from tinytag import TinyTag, TinyTagException

from rmab_desktop.services.library.books import FileRecord, assemble_book, read_sidecar
from rmab_desktop.services.library.folders import FileEntry
from rmab_desktop.services.library.rows import book_columns
from rmab_desktop.services.tagging.fields import FREEFORM_FIELD, clean, finish, put

# O_NONBLOCK: opening a FIFO that slipped in after the walk returns at once instead of waiting
# for a writer; the fstat below then refuses it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_PR_SET_PDEATHSIG = 1
_TEXT_FIELDS = ("title", "album", "artist", "albumartist", "composer", "genre")
# Fields tinytag keeps under ``other`` by their tag's (lower-case) name; freeform names too.
_OTHER_FIELD = {
    "album artist": "albumartist",
    "album_artist": "albumartist",
    "grouping": "grouping",
    "year": "year",
    "tdrl": "year",
    "tit3": "subtitle",
    "movement_name": "series",
    "movement": "series_part",
}


class BookTask(NamedTuple):
    rel: str
    external: str  # the book's absolute folder (or root-level file): its row's external_id
    audio: list[FileEntry]
    sidecars: list[FileEntry]
    stored: dict[str, dict[str, Any]]  # tags already in the database for unchanged files


class BookResult(NamedTuple):
    external: str
    columns: dict[str, Any] | None  # None: the book could not be assembled (see errors)
    files: list[tuple[FileEntry, dict[str, Any]]]  # audio, then sidecars
    read: int  # audio files whose tags were read
    errors: list[str]


def _joined(first: Any, more: list[str] | None) -> str | None:
    """One field's values as mutagen's reader joins them ("A, B")."""
    if not more:
        return clean(str(first)) if first not in (None, "") else None
    values = [str(first), *more] if first not in (None, "") else more
    return clean(", ".join(v for v in values if v))


def tags_from_tinytag(tag: TinyTag) -> dict[str, Any]:
    """The library fields of a parsed file, as ``read_tags`` names and normalises them."""
    other = tag.other
    fields = tag.__dict__
    out: dict[str, Any] = {}
    if tag.duration:
        out["duration"] = round(float(tag.duration), 3)
    if tag.bitrate:
        out["bitrate"] = int(tag.bitrate * 1000)
    for key in _TEXT_FIELDS:
        value = fields[key]
        if value is not None or key in other:
            put(out, key, _joined(value, other.get(key)))
    if tag.year:
        put(out, "year", clean(str(tag.year)))
    for names in (_OTHER_FIELD, FREEFORM_FIELD):  # a tag's own frame or atom before a freeform one
        for name, values in other.items():
            field = names.get(name)
            if field:
                put(out, field, _joined(None, values))
    if tag.track:
        out["track"] = tag.track
    if tag.disc:
        out["disc"] = tag.disc
    out["cover"] = tag.images.any is not None
    return finish(out)


def read_scan_tags(path: str) -> dict[str, Any]:
    """The scan's fields of one audio file; ``{"error": ...}`` when it cannot be read."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return {"error": f"{type(exc).__name__}: {exc.strerror or exc}"[:300]}
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return {"error": "not a regular file"}
        try:
            tag = TinyTag.get(path, file_obj=handle, image=True)
        except TinyTagException:
            tag = None
    if tag is not None and tag.duration:
        return tags_from_tinytag(tag)
    from rmab_desktop.services.tagging.reading import read_tags  # mutagen: only when needed

    tags = read_tags(path)
    tags.pop("chapters", None)
    return tags


def read_book(task: BookTask) -> BookResult:
    files: list[tuple[FileEntry, dict[str, Any]]] = []
    records: list[FileRecord] = []
    errors: list[str] = []
    read = 0
    try:
        for entry in task.audio:
            tags = task.stored.get(entry.path)
            if tags is None:
                tags = read_scan_tags(entry.path)
                read += 1
                if tags.get("error"):
                    errors.append(f"{entry.path}: {tags['error']}")
            files.append((entry, tags))
            records.append(FileRecord(entry.path, entry.size, tags))
        sidecars = []
        for entry in task.sidecars:
            data = task.stored.get(entry.path)
            if data is None:
                data = read_sidecar(entry.path)
            files.append((entry, data))
            sidecars.append(data)
        columns = book_columns(assemble_book(task.rel, records, sidecars))
    except Exception as exc:  # one odd book must not end the scan of all the others
        return BookResult(
            task.external, None, [], read, [f"{task.external}: {type(exc).__name__}: {exc}"[:300]]
        )
    return BookResult(task.external, columns, files, read, errors)


def read_books(tasks: list[BookTask]) -> list[BookResult]:
    """Worker entry point: one chunk of books, results in the same order."""
    return [read_book(task) for task in tasks]


def init_reader() -> None:
    """A reader process exits as soon as the scanning process is gone, on every OS: it waits on
    the parent's sentinel (a pipe or handle that closes when the parent dies); on Linux the
    kernel also kills it at once (PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)
