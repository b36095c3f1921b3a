"""What a source database holds, read into plain records before anything is written here.

A reader (``readmeabook.py``, ``audiobookrequest.py``) turns the other app's rows into these
records, tolerating missing columns and NULLs; the preview counts and samples them and the
importer (``importer.py``) maps them onto our services. Ids stay the source's own, as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rmab_desktop.domain.enums import Permission
from rmab_desktop.domain.i18n import Marked, Translator

tr = Translator("MigrationImport")


class Source(StrEnum):
    READMEABOOK = "readmeabook"
    AUDIOBOOKREQUEST = "audiobookrequest"


class Kind(StrEnum):
    """What an import brings over, in the order it is written (later kinds point at earlier ones)."""

    USER = "user"
    AUDIOBOOK = "audiobook"
    REQUEST = "request"
    DOWNLOAD = "download"
    BLOCKLIST = "blocklist"
    WATCH = "watch"
    SHELF = "shelf"
    NOTIFICATION = "notification"
    HOME_SECTION = "home_section"


KIND_LABELS: dict[Kind, Marked] = {
    Kind.USER: tr.mark("Users"),
    Kind.AUDIOBOOK: tr.mark("Audiobooks"),
    Kind.REQUEST: tr.mark("Requests"),
    Kind.DOWNLOAD: tr.mark("Download history"),
    Kind.BLOCKLIST: tr.mark("Blocked releases"),
    Kind.WATCH: tr.mark("Watched authors and series"),
    Kind.SHELF: tr.mark("Reading shelves"),
    Kind.NOTIFICATION: tr.mark("Notification targets"),
    Kind.HOME_SECTION: tr.mark("Discover sections"),
}


@dataclass(frozen=True)
class SourceUser:
    id: str
    username: str
    role: str = "user"  # user | admin
    is_owner: bool = False  # ReadMeABook's setup admin, AudioBookRequest's root user
    has_password: bool = False  # a local account whose password cannot come over
    permissions: dict[Permission, bool] = field(default_factory=dict)  # overrides only
    gone: str = ""  # why the user is not brought over (deleted, rejected sign-up)


@dataclass(frozen=True)
class SourceBook:
    id: str
    asin: str | None
    title: str
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    subtitle: str | None = None
    series: str | None = None
    series_position: str | None = None
    cover_url: str | None = None
    description: str | None = None
    release_date: date | None = None
    runtime_minutes: int | None = None
    library_path: str | None = None


@dataclass(frozen=True)
class SourceRequest:
    id: str
    user_id: str | None
    book_id: str | None
    status: str
    kind: str = "audiobook"
    parent_id: str | None = None
    custom_search_terms: str | None = None
    message: str | None = None
    created_at: datetime | None = None
    completed_at: datetime | None = None
    deleted: bool = False
    title: str = ""  # for a request without a book (AudioBookRequest's manual requests)


@dataclass(frozen=True)
class SourceDownload:
    id: str
    request_id: str
    title: str
    guid: str
    indexer: str = ""
    protocol: str = "torrent"
    client: str = ""
    item_id: str | None = None
    size_bytes: int | None = None
    score: float | None = None
    status: str = ""
    path: str | None = None
    error: str | None = None
    completed_at: datetime | None = None


@dataclass(frozen=True)
class SourceBlock:
    id: str
    request_id: str
    title: str
    release_hash: str | None
    indexer: str = ""
    reason: str = ""


@dataclass(frozen=True)
class SourceWatch:
    id: str
    user_id: str
    kind: str  # author | series
    asin: str
    name: str


@dataclass(frozen=True)
class SourceShelf:
    id: str
    user_id: str
    source: str  # goodreads | hardcover
    name: str
    target: str  # the Goodreads RSS address, or the Hardcover list or status
    secret: str | None = None  # as the source stored it (ReadMeABook: encrypted)
    auto_request: bool = True


@dataclass(frozen=True)
class SourceBackend:
    id: str
    name: str
    type: str
    config: dict[str, Any]
    events: tuple[str, ...] = ()
    enabled: bool = True


@dataclass(frozen=True)
class SourceSection:
    id: str
    user_id: str
    kind: str
    category_id: str | None
    title: str
    position: int = 0


@dataclass(frozen=True)
class Unreadable:
    """Something of the source that could not be read at all (a missing table or column)."""

    kind: Kind
    source_id: str
    reason: str


@dataclass
class Snapshot:
    source: Source
    address: str  # shown to the user: the database URL without its password, or the file
    region: str = "us"
    users: list[SourceUser] = field(default_factory=list)
    books: list[SourceBook] = field(default_factory=list)
    requests: list[SourceRequest] = field(default_factory=list)
    downloads: list[SourceDownload] = field(default_factory=list)
    blocks: list[SourceBlock] = field(default_factory=list)
    watches: list[SourceWatch] = field(default_factory=list)
    shelves: list[SourceShelf] = field(default_factory=list)
    backends: list[SourceBackend] = field(default_factory=list)
    sections: list[SourceSection] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    # Secrets of the source's own connections (indexers, clients, library server): name -> stored text.
    connection_secrets: dict[str, str] = field(default_factory=dict)

    def records(self, kind: Kind) -> list[Any]:
        by_kind: dict[Kind, list[Any]] = {
            Kind.USER: self.users,
            Kind.AUDIOBOOK: self.books,
            Kind.REQUEST: self.requests,
            Kind.DOWNLOAD: self.downloads,
            Kind.BLOCKLIST: self.blocks,
            Kind.WATCH: self.watches,
            Kind.SHELF: self.shelves,
            Kind.NOTIFICATION: self.backends,
            Kind.HOME_SECTION: self.sections,
        }
        return by_kind[kind]
