"""Library backends behind one interface: the app's own folder, Plex, Audiobookshelf.

A backend can test its connection, list the books it knows and refresh one book folder after an
import. Configuration is household-wide in ``core.config`` under ``"library_backend"``; tokens are
in the keyring under the names the configuration holds. Paths are translated between this machine
and the server with a prefix mapping, because the server often runs elsewhere (NAS, container).
"""

from __future__ import annotations

import ntpath
import os
import posixpath
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from rmab_desktop.clients._http import timed_test
from rmab_desktop.clients.audiobookshelf import AbsItem, AudiobookshelfClient
from rmab_desktop.clients.plex import PlexAlbum, PlexClient, PlexTrack
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import AuthenticationError, ConfigurationError, NotFoundError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import AUDIO_EXTENSIONS, LibraryBook
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.library.folders import folder_evidence
from rmab_desktop.services.tagging.chapters import natural_key

tr = Translator("LibraryBackends")

CONFIG_KEY = "library_backend"
PLEX_TOKEN_KEY = "library.plex.token"
ABS_TOKEN_KEY = "library.audiobookshelf.token"

Progress = Callable[[object], None]


class PathMapping(BaseModel):
    """``server_prefix`` on the server is ``local_prefix`` on this machine; empty means the same."""

    model_config = ConfigDict(extra="ignore")

    server_prefix: str = ""
    local_prefix: str = ""

    def _swap(self, path: str, src: str, dst: str) -> str:
        if not src or not dst:
            return path
        src_mod = ntpath if "\\" in src else posixpath
        dst_mod = ntpath if "\\" in dst else posixpath
        norm = path.replace("\\", "/") if src_mod is ntpath else path
        src_norm = src.replace("\\", "/").rstrip("/")
        if norm != src_norm and not norm.startswith(src_norm + "/"):
            return path
        rest = norm[len(src_norm) :].lstrip("/")
        parts = [p for p in rest.split("/") if p]
        return dst_mod.join(dst.rstrip("/\\") or dst, *parts) if parts else dst

    def to_local(self, server_path: str) -> str:
        return self._swap(server_path, self.server_prefix, self.local_prefix)

    def to_server(self, local_path: str) -> str:
        return self._swap(local_path, self.local_prefix, self.server_prefix)


class PlexSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    url: str = ""
    token_key: str = PLEX_TOKEN_KEY
    section_id: str = ""
    path_map: PathMapping = Field(default_factory=PathMapping)


class AbsSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    url: str = ""
    token_key: str = ABS_TOKEN_KEY
    library_id: str = ""
    path_map: PathMapping = Field(default_factory=PathMapping)


class LibraryBackendConfig(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: LibraryBackendKind = LibraryBackendKind.FOLDER
    plex: PlexSettings = Field(default_factory=PlexSettings)
    audiobookshelf: AbsSettings = Field(default_factory=AbsSettings)


@dataclass(frozen=True)
class BackendBook:
    """A book as a backend lists it: its id there, the book, where it is on this machine."""

    external_id: str
    book: LibraryBook
    local_path: str | None
    cover: str | None = None  # local file, or "plex:<thumb>" / "abs:<item id>"
    added_at: datetime | None = None


class LibraryBackend(Protocol):
    kind: LibraryBackendKind

    def test(self) -> ConnectionTestResult: ...

    def list_books(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[BackendBook]: ...

    def refresh(self, path: str | None = None) -> None:
        """Tell the library about a changed book folder (local path), or everything when None."""
        ...


def _relative(path: str, roots: tuple[str, ...]) -> str:
    """``path`` relative to the first root containing it, "/"-separated; else the path itself."""
    norm = path.replace("\\", "/")
    for root in roots:
        base = root.replace("\\", "/").rstrip("/")
        if norm.startswith(base + "/"):
            return norm[len(base) + 1 :]
    return norm.lstrip("/")


def _folder_of(files: list[str]) -> str | None:
    if not files:
        return None
    module = ntpath if "\\" in files[0] else posixpath
    dirs = {module.dirname(f) for f in files}
    try:
        folder = module.commonpath(list(dirs))
    except ValueError:
        return None
    return folder or None


def _fill_from_folder(book: LibraryBook) -> LibraryBook:
    """Fill what the server does not know (series, narrators, ASIN) from the folder names."""
    evidence = folder_evidence(book.path)
    return replace(
        book,
        series=book.series or evidence.series,
        series_position=book.series_position or evidence.series_position,
        narrators=book.narrators or evidence.narrators,
        asin=book.asin or evidence.asin,
        evidence=(evidence,),
    )


def _epoch(seconds: float | None) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC) if seconds else None


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


class PlexBackend:
    """A Plex music section; albums are books, album artists are authors."""

    kind = LibraryBackendKind.PLEX

    def __init__(self, settings: PlexSettings, token: str, **client_options: object) -> None:
        if not settings.section_id:
            raise ConfigurationError(
                "No Plex library is chosen.", hint="Pick your audiobook library in Settings."
            )
        self.settings = settings
        self._token = token
        self._client_options = client_options

    def _client(self) -> PlexClient:
        return PlexClient(self.settings.url, self._token, **self._client_options)  # type: ignore[arg-type]

    def test(self) -> ConnectionTestResult:
        def probe() -> str:
            with self._client() as client:
                version = client.identity().get("version", "?")
                section = client.music_section(self.settings.section_id)
            return tr("Connected to Plex {version}; library '{library}'.").format(
                version=version, library=section.title
            )

        return timed_test("Plex", probe)

    def list_books(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[BackendBook]:
        with self._client() as client:
            section = client.music_section(self.settings.section_id)
            albums: list[PlexAlbum] = []
            for album in client.albums(section.key):
                albums.append(album)
                if len(albums) % 500 == 0:
                    _check(cancel)
                    if progress:
                        progress(tr.n("%n book(s) listed", len(albums)))
            tracks: dict[str, list[PlexTrack]] = defaultdict(list)
            for count, track in enumerate(client.tracks(section.key), 1):
                if track.album_key:
                    tracks[track.album_key].append(track)
                if count % 2000 == 0:
                    _check(cancel)
        return [self._book(album, tracks.get(album.rating_key, []), section.locations) for album in albums]

    def _book(self, album: PlexAlbum, tracks: list[PlexTrack], roots: tuple[str, ...]) -> BackendBook:
        folder = _folder_of([t.file for t in tracks if t.file])
        formats = {t.container.lower() for t in tracks if t.container}
        book = LibraryBook(
            path=_relative(folder, roots) if folder else f"plex:{album.rating_key}",
            title=album.title,
            authors=(album.author,) if album.author else (),
            asin=album.asin,
            year=album.year,
            files=len(tracks) or (album.track_count or 0),
            duration_seconds=sum(t.duration_ms for t in tracks) / 1000 if tracks else None,
            format=formats.pop() if len(formats) == 1 else None,
            size_bytes=sum(t.size_bytes for t in tracks),
        )
        return BackendBook(
            external_id=album.rating_key,
            book=_fill_from_folder(book) if folder else book,
            local_path=self.settings.path_map.to_local(folder) if folder else None,
            cover=f"plex:{album.thumb}" if album.thumb else None,
            added_at=_epoch(album.added_at),
        )

    def refresh(self, path: str | None = None) -> None:
        with self._client() as client:
            client.refresh(self.settings.section_id, self.settings.path_map.to_server(path) if path else None)

    def forget(self, external_ids: list[str], folders: list[str]) -> None:
        """Plex drops entries only with their files; so each folder (whose imported files the app
        removed) is scanned again and the trash emptied: entries whose files are gone leave, and
        no file is deleted."""
        with self._client() as client:
            for folder in folders:
                client.refresh(self.settings.section_id, self.settings.path_map.to_server(folder))
            client.empty_trash(self.settings.section_id)

    def cover(self, reference: str) -> bytes:
        """The bytes of a "plex:<thumb>" cover reference."""
        with self._client() as client:
            return client.image(reference.removeprefix("plex:"))


class AbsBackend:
    """An Audiobookshelf book library."""

    kind = LibraryBackendKind.AUDIOBOOKSHELF

    def __init__(self, settings: AbsSettings, token: str, **client_options: object) -> None:
        if not settings.library_id:
            raise ConfigurationError(
                "No Audiobookshelf library is chosen.", hint="Pick your audiobook library in Settings."
            )
        self.settings = settings
        self._token = token
        self._client_options = client_options

    def _client(self) -> AudiobookshelfClient:
        return AudiobookshelfClient(self.settings.url, self._token, **self._client_options)  # type: ignore[arg-type]

    def _library(self, client: AudiobookshelfClient):  # type: ignore[no-untyped-def]
        for library in client.libraries():
            if library.id == self.settings.library_id:
                if not library.is_books:
                    raise ValidationError(
                        f"Audiobookshelf library '{library.name}' holds {library.media_type}s, not books.",
                        hint="Choose a book library in Settings.",
                    )
                return library
        raise ValidationError("Audiobookshelf has no such library.", hint="Choose a library in Settings.")

    def test(self) -> ConnectionTestResult:
        def probe() -> str:
            with self._client() as client:
                library = self._library(client)
            return tr("Connected to Audiobookshelf; library '{library}'.").format(library=library.name)

        return timed_test("Audiobookshelf", probe)

    def list_books(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[BackendBook]:
        books: list[BackendBook] = []
        with self._client() as client:
            library = self._library(client)
            for item in client.items(library.id):
                if not item.is_missing:
                    books.append(self._book(item, library.folders))
                if len(books) % 500 == 0:
                    _check(cancel)
                    if progress:
                        progress(tr.n("%n book(s) listed", len(books)))
        return books

    def _book(self, item: AbsItem, roots: tuple[str, ...]) -> BackendBook:
        book = LibraryBook(
            path=_relative(item.path, roots) if item.path else f"abs:{item.id}",
            title=item.title,
            subtitle=item.subtitle,
            authors=item.authors,
            narrators=item.narrators,
            series=item.series,
            series_position=item.series_position,
            asin=item.asin,
            year=item.year,
            files=item.file_count,
            duration_seconds=item.duration_seconds,
            format=item.format,
            size_bytes=item.size_bytes,
        )
        return BackendBook(
            external_id=item.id,
            book=book,
            local_path=self.settings.path_map.to_local(item.path) if item.path else None,
            cover=f"abs:{item.id}",
            added_at=_epoch(item.added_at_ms / 1000 if item.added_at_ms else None),
        )

    def refresh(self, path: str | None = None) -> None:
        """Per-file watcher updates for a folder (what ABS handles best); a library scan otherwise."""
        with self._client() as client:
            files = audio_files(path) if path else []
            try:
                for file in files:
                    client.watcher_update(self.settings.library_id, self.settings.path_map.to_server(file))
            except (AuthenticationError, NotFoundError):
                files = []  # not an admin token, or an old server: fall back to a scan
            if not files:
                client.scan(self.settings.library_id)

    def forget(self, external_ids: list[str], folders: list[str]) -> None:
        """Remove the items from Audiobookshelf's database; their files stay on disk."""
        with self._client() as client:
            for item_id in external_ids:
                client.remove_item(item_id)

    def cover(self, reference: str) -> bytes:
        """The bytes of an "abs:<item id>" cover reference."""
        with self._client() as client:
            return client.cover(reference.removeprefix("abs:"))


def audio_files(folder: str) -> list[str]:
    """Every audio file under a book folder (dot-files and dot-folders skipped), in natural order."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [
            os.path.join(dirpath, name)
            for name in filenames
            if os.path.splitext(name)[1].lower() in AUDIO_EXTENSIONS and not name.startswith(".")
        ]
    return sorted(found, key=lambda path: natural_key(os.path.relpath(path, folder).replace(os.sep, "/")))


def remote_backend(
    config: LibraryBackendConfig,
    credentials: SecretStore,
    token: str | None = None,
    **client_options: object,
) -> PlexBackend | AbsBackend:
    """The Plex or Audiobookshelf backend ``config`` describes; the token is ``token`` (typed but
    not saved yet) or the one in the keyring."""
    if config.kind == LibraryBackendKind.PLEX:
        return PlexBackend(config.plex, token or credentials.require(config.plex.token_key), **client_options)
    if config.kind == LibraryBackendKind.AUDIOBOOKSHELF:
        settings = config.audiobookshelf
        return AbsBackend(settings, token or credentials.require(settings.token_key), **client_options)
    raise ConfigurationError(f"'{config.kind}' is not a server backend.")


def server_libraries(config: LibraryBackendConfig, token: str) -> list[tuple[str, str]]:
    """(id, title) of the audiobook libraries the configured server offers: Plex music sections,
    Audiobookshelf book libraries."""
    if config.kind == LibraryBackendKind.PLEX:
        with PlexClient(config.plex.url, token) as plex:
            return [(s.key, s.title) for s in plex.sections() if s.is_music]
    with AudiobookshelfClient(config.audiobookshelf.url, token) as client:
        return [(lib.id, lib.name) for lib in client.libraries() if lib.is_books]
