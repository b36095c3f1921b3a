"""``core.library``: what the Library page and the automation need from the library.

It lists the books of the active backend (lean rows for 50,000 books), syncs the backend into
``library_items``, tests and refreshes backends, and runs the per-book actions.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Text, cast, delete, insert, or_, select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.db.plain_rows import plain_rows
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import ConfigurationError, NotFoundError, RmabError
from rmab_desktop.domain.library import LibraryBook
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.library.backends import (
    CONFIG_KEY,
    AbsBackend,
    BackendBook,
    LibraryBackend,
    LibraryBackendConfig,
    PlexBackend,
    Progress,
    audio_files,
    remote_backend,
    server_libraries,
)
from rmab_desktop.services.library.folder_backend import FolderBackend, find_cover
from rmab_desktop.services.library.query import SearchRecord, make_record
from rmab_desktop.services.library.rows import book_columns
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.tagging.writing import book_tags, write_tags

Retagger = Callable[[str, BookInfo], object]
_COVER_PREFIX = {LibraryBackendKind.PLEX: "plex", LibraryBackendKind.AUDIOBOOKSHELF: "abs"}

# Name lists are read as JSON text (cast, so both databases give text) and decoded once per
# distinct value: a library repeats its authors and narrators thousands of times.
_ENTRY_COLUMNS = (
    LibraryItem.id,
    LibraryItem.title,
    LibraryItem.subtitle,
    cast(LibraryItem.authors, Text),
    cast(LibraryItem.narrators, Text),
    LibraryItem.series_name,
    LibraryItem.series_position,
    LibraryItem.year,
    LibraryItem.asin,
    LibraryItem.format,
    LibraryItem.file_count,
    LibraryItem.size_bytes,
    LibraryItem.duration_seconds,
    LibraryItem.path,
    LibraryItem.cover_path,
    LibraryItem.audiobook_id,
    LibraryItem.match_confidence,
    cast(LibraryItem.ebook_formats, Text),
)


class LibraryEntry(NamedTuple):
    """One row of the Library page: an immutable snapshot of a ``library_items`` row.

    A named tuple rather than a dataclass: 50,000 of them are built per load, and tuples are
    the cheapest immutable rows Python has.
    """

    id: int
    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    narrators: tuple[str, ...]
    series: str | None
    series_position: str | None
    year: int | None
    asin: str | None
    format: str | None
    file_count: int
    size_bytes: int
    duration_seconds: float | None
    path: str | None  # local absolute folder when known
    cover: str | None
    audiobook_id: int | None
    match_confidence: float | None
    ebook_formats: tuple[str, ...] = ()  # beside (or instead of) the audio ``format``

    @property
    def formats_text(self) -> str:
        """``"M4B + EPUB"``: every format the book is here in, audio first."""
        return " + ".join(f.upper() for f in (self.format, *self.ebook_formats) if f)

    @property
    def authors_text(self) -> str:
        return ", ".join(self.authors)

    @property
    def series_text(self) -> str:
        if not self.series:
            return ""
        return f"{self.series} #{self.series_position}" if self.series_position else self.series

    def search_record(self) -> SearchRecord:
        return make_record(
            title=self.title,
            subtitle=self.subtitle,
            authors=self.authors,
            narrators=self.narrators,
            series=self.series,
            asin=self.asin,
            format=self.format,
            path=self.path,
            year=self.year,
            has_cover=bool(self.cover),
            matched=self.audiobook_id is not None,
        )

    def to_library_book(self) -> LibraryBook:
        return LibraryBook(
            path=self.path or f"item:{self.id}",
            title=self.title,
            subtitle=self.subtitle,
            authors=self.authors,
            narrators=self.narrators,
            series=self.series,
            series_position=self.series_position,
            asin=self.asin,
            year=self.year,
            files=self.file_count,
            duration_seconds=self.duration_seconds,
            format=self.format,
            size_bytes=self.size_bytes,
            id=self.id,
            ebook_formats=self.ebook_formats,
        )

    def to_book_info(self) -> BookInfo:
        return BookInfo(
            title=self.title,
            subtitle=self.subtitle,
            asin=self.asin,
            authors=self.authors,
            narrators=self.narrators,
            series=self.series,
            series_position=self.series_position,
            extra={"year": self.year} if self.year else {},
        )


def _decoder() -> tuple[
    Callable[[str | None], tuple[str, ...] | None], Callable[[str | None], tuple[str, ...]]
]:
    """A cache lookup and a decoder for JSON name lists; each distinct text is decoded once."""
    cache: dict[str | None, tuple[str, ...]] = {None: ()}

    def decode(value: str | None) -> tuple[str, ...]:
        decoded = json.loads(value) if value else None
        names = cache[value] = tuple(decoded) if isinstance(decoded, list) else ()
        return names

    return cache.get, decode


def _entries(rows: Iterable[Any]) -> list[LibraryEntry]:
    """Rows of ``_ENTRY_COLUMNS`` as entries; the hot loop of a 50,000-book Library page load."""
    known, decode = _decoder()
    new = tuple.__new__  # what LibraryEntry(...) does, without its Python-level __new__
    entries: list[LibraryEntry] = []
    append = entries.append
    for (
        id_,
        title,
        subtitle,
        authors,
        narrators,
        series,
        position,
        year,
        asin,
        fmt,
        files,
        size,
        duration,
        path,
        cover,
        audiobook_id,
        confidence,
        ebooks,
    ) in rows:
        a = known(authors)
        if a is None:
            a = decode(authors)
        n = known(narrators)
        if n is None:
            n = decode(narrators)
        e = known(ebooks)
        if e is None:
            e = decode(ebooks)
        append(
            new(
                LibraryEntry,
                (
                    id_,
                    title,
                    subtitle,
                    a,
                    n,
                    series,
                    position,
                    year,
                    asin,
                    fmt,
                    files or 0,
                    size or 0,
                    duration,
                    path,
                    cover,
                    audiobook_id,
                    confidence,
                    e,
                ),
            )
        )
    return entries  # fmt: skip


def merge_formats(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    """An ebook kept in the separate ebook folder joins its audiobook's row (same linked book):
    one book, both formats. Ebooks of books without audio here stay rows of their own."""
    audio = {e.audiobook_id: i for i, e in enumerate(entries) if e.format and e.audiobook_id is not None}
    merged = list(entries)
    dropped: set[int] = set()
    for index, entry in enumerate(entries):
        target = None
        if not entry.format and entry.ebook_formats and entry.audiobook_id is not None:
            target = audio.get(entry.audiobook_id)
        if target is None:
            continue
        formats = dict.fromkeys((*merged[target].ebook_formats, *entry.ebook_formats))
        merged[target] = merged[target]._replace(ebook_formats=tuple(formats))
        dropped.add(index)
    return [entry for index, entry in enumerate(merged) if index not in dropped]


def summarize(backend: str, entries: Iterable[LibraryEntry]) -> LibrarySummary:
    books = size = matched = 0
    duration: float = 0
    authors: set[str] = set()
    for entry in entries:
        books += 1
        duration += entry.duration_seconds or 0
        size += entry.size_bytes
        matched += entry.audiobook_id is not None
        authors.update(entry.authors)
    return LibrarySummary(backend, books, len(authors), float(duration), size, matched)


@dataclass(frozen=True)
class LibrarySummary:
    backend: str
    books: int
    authors: int
    duration_seconds: float
    size_bytes: int
    matched: int


@dataclass(frozen=True)
class SyncResult:
    backend: str
    books: int
    added: int
    updated: int
    removed: int


def _item_values(kind: str, entry: BackendBook) -> dict[str, Any]:
    return {
        "backend": kind,
        "external_id": entry.external_id[:1000],
        "path": entry.local_path,
        **book_columns(entry.book),
        "cover_path": entry.cover,
        "added_at": entry.added_at,
    }


class LibraryService:
    def __init__(
        self,
        database: Database,
        config: ConfigStore,
        credentials: SecretStore,
        library_root: Callable[[], str | None],
        *,
        scanner: LibraryScanner | None = None,
        retagger: Retagger | None = None,
        ebook_root: Callable[[], str | None] = lambda: None,
    ) -> None:
        """``ebook_root``: a separate ebook folder (Settings > Ebooks); its books join the list."""
        self.database = database
        self.config = config
        self.credentials = credentials
        self.library_root = library_root
        self.ebook_root = ebook_root
        self.scanner = scanner or LibraryScanner(database)
        self.retagger = retagger
        self._cover_source: tuple[str, PlexBackend | AbsBackend] | None = None
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """``listener()`` runs (on the refreshing thread) after the watcher refreshed the library."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # ---------------------------------------------------------------- configuration
    def backend_config(self) -> LibraryBackendConfig:
        return self.config.get_model(CONFIG_KEY, LibraryBackendConfig)

    def save_backend_config(self, config: LibraryBackendConfig, token: str | None = None) -> None:
        """Save the configuration, and the server token (in the keyring) when one is given."""
        self.config.set_model(CONFIG_KEY, config)
        self._cover_source = None
        if token and config.kind != LibraryBackendKind.FOLDER:
            server = config.plex if config.kind == LibraryBackendKind.PLEX else config.audiobookshelf
            self.credentials.set(server.token_key, token)

    def server_libraries(
        self, config: LibraryBackendConfig, token: str | None = None
    ) -> list[tuple[str, str]]:
        server = config.plex if config.kind == LibraryBackendKind.PLEX else config.audiobookshelf
        return server_libraries(config, token or self.credentials.require(server.token_key))

    def backend(self, config: LibraryBackendConfig | None = None, token: str | None = None) -> LibraryBackend:
        config = config or self.backend_config()
        if config.kind == LibraryBackendKind.FOLDER:
            return FolderBackend(self.library_root(), self.scanner)
        return remote_backend(config, self.credentials, token)

    def test(
        self, config: LibraryBackendConfig | None = None, token: str | None = None
    ) -> ConnectionTestResult:
        """Test ``config`` (default: the saved one); ``token`` tests a token before it is saved."""
        try:
            return self.backend(config, token).test()
        except RmabError as exc:
            return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)

    # ---------------------------------------------------------------- reading
    def entries(self, kind: str | None = None) -> list[LibraryEntry]:
        """Every book of the active backend, in no particular order (one query, no ORM objects)."""
        kind = kind or self.backend_config().kind.value
        query = select(*_ENTRY_COLUMNS).where(LibraryItem.backend == kind)
        root = self.library_root() if kind == LibraryBackendKind.FOLDER.value else None
        if root:  # folders scanned elsewhere (an import's source) are not the library
            roots = [r for r in (root, self.ebook_root()) if r]
            prefixes = [os.path.abspath(r).rstrip(os.sep) + os.sep for r in roots]
            query = query.where(
                or_(*(LibraryItem.external_id.startswith(p, autoescape=True) for p in prefixes))
            )
        with self.database.session() as session:
            entries = _entries(plain_rows(session, query))
        return merge_formats(entries) if self.ebook_root() else entries

    def library_books(self) -> list[LibraryBook]:
        """The active backend's books in the form the matcher reads (``path`` identifies the row)."""
        return [entry.to_library_book() for entry in self.entries()]

    def entry(self, entry_id: int) -> LibraryEntry:
        with self.database.session() as session:
            row = session.execute(select(*_ENTRY_COLUMNS).where(LibraryItem.id == entry_id)).first()
        if row is None:
            raise NotFoundError("This book is no longer in the library.", hint="Refresh the library.")
        return _entries([row])[0]

    def summary(self, kind: str | None = None) -> LibrarySummary:
        kind = kind or self.backend_config().kind.value
        return summarize(kind, self.entries(kind))

    # ---------------------------------------------------------------- writing
    def sync(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> SyncResult:
        """Bring ``library_items`` in line with the active backend (the folder backend scans)."""
        backend = self.backend()
        books = backend.list_books(progress=progress, cancel=cancel)
        kind = backend.kind.value
        if backend.kind == LibraryBackendKind.FOLDER:
            return SyncResult(kind, len(books), 0, 0, 0)  # the scanner stored them itself
        return self._store(kind, books)

    def _store(self, kind: str, books: list[BackendBook]) -> SyncResult:
        with self.database.session() as session:
            existing = dict(
                session.execute(
                    select(LibraryItem.external_id, LibraryItem.id).where(LibraryItem.backend == kind)
                ).all()
            )
            new_rows, changed_rows, seen = [], [], set()
            for book in books:
                values = _item_values(kind, book)
                key = values["external_id"]
                if key in seen:
                    continue  # a server listing one item twice (paging while it changes)
                seen.add(key)
                if key in existing:
                    changed_rows.append({"id": existing[key], **values})
                else:
                    new_rows.append(values)
            if new_rows:
                session.execute(insert(LibraryItem), new_rows)
            if changed_rows:
                session.execute(update(LibraryItem), changed_rows)
            gone = [item_id for external, item_id in existing.items() if external not in seen]
            if gone and books:  # an empty answer is more likely a server hiccup than an empty library
                for start in range(0, len(gone), 500):
                    session.execute(delete(LibraryItem).where(LibraryItem.id.in_(gone[start : start + 500])))
        if new_rows or changed_rows or gone:
            self.database.analyze(LibraryItem.__tablename__)
        return SyncResult(kind, len(books), len(new_rows), len(changed_rows), len(gone) if books else 0)

    def cover_bytes(self, reference: str) -> bytes | None:
        """A cover the library server hosts ("plex:…", "abs:…"); local covers are plain files.

        The backend is built once (configuration and keyring read once), not once per cover."""
        prefix = reference.split(":", 1)[0]
        if self._cover_source is None or self._cover_source[0] != prefix:
            config = self.backend_config()
            if _COVER_PREFIX.get(config.kind) != prefix:
                return None
            backend = self.backend(config)
            if not isinstance(backend, PlexBackend | AbsBackend):  # the servers that host covers
                return None
            self._cover_source = (prefix, backend)
        return self._cover_source[1].cover(reference)

    def refresh_path(self, path: str | None) -> None:
        """After an import: tell the active backend about ``path`` (a local book folder)."""
        self.backend().refresh(path)

    def refresh_paths(self, paths: list[str]) -> None:
        """The watcher's changes: rescan just these folders (or root-level files), then tell listeners."""
        backend = self.backend()
        for path in paths:
            backend.refresh(path)
        for listener in list(self._listeners):
            listener()

    def forget_on_server(self, audiobook_id: int, folders: list[str]) -> int:
        """Take the book (linked to ``audiobook_id``, or in one of the local ``folders``) out of
        Plex or Audiobookshelf without deleting a file; the number of entries dropped here."""
        config = self.backend_config()
        if config.kind == LibraryBackendKind.FOLDER:
            return 0  # the app's own scan: the caller forgets the folder's entries itself
        kind = config.kind.value
        with self.database.session() as session:
            rows = session.execute(
                select(LibraryItem.id, LibraryItem.external_id).where(
                    LibraryItem.backend == kind,
                    or_(LibraryItem.audiobook_id == audiobook_id, LibraryItem.path.in_(folders)),
                )
            ).all()
        backend = self.backend(config)
        assert isinstance(backend, PlexBackend | AbsBackend)
        backend.forget([external for _, external in rows], folders)
        with self.database.session() as session:
            session.execute(delete(LibraryItem).where(LibraryItem.id.in_([item_id for item_id, _ in rows])))
        return len(rows)

    # ---------------------------------------------------------------- book actions
    def rescan(self, entry_id: int) -> None:
        entry = self.entry(entry_id)
        if not entry.path:
            raise NotFoundError("The library server did not say where this book is.")
        self.refresh_path(entry.path)

    def retag(self, entry_id: int) -> object:
        if self.retagger is None:
            raise ConfigurationError("Re-tagging is not available in this build.")
        entry = self.entry(entry_id)
        if not entry.path or not os.path.isdir(entry.path):
            raise NotFoundError(f"The folder of '{entry.title}' cannot be found on this computer.")
        return self.retagger(entry.path, entry.to_book_info())


def first_audio_file(folder: str) -> str | None:
    """The file a player should start with: the first audio file in natural order, discs first."""
    files = audio_files(folder)
    return files[0] if files else None


def retag_folder(folder: str, book: BookInfo) -> int:
    """Write the book's tags (and the folder's cover) into every audio file of a library folder."""
    files = audio_files(folder)
    cover_file = find_cover(folder)
    cover = Path(cover_file).read_bytes() if cover_file else None
    for track, path in enumerate(files, start=1):
        write_tags(Path(path), book_tags(book, track=track, total=len(files)), cover)
    return len(files)
