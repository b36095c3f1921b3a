"""Bringing a Snapshot over: every row through the service that owns its table, each remembered.

Kinds go in the order of :class:`Kind` (users and books before the requests that point at them).
A row found in ``import_mappings`` is left alone, so a second import changes nothing. A dry run
takes the same decisions without writing: rows it would add get a stand-in id so that the rows
pointing at them are judged too. A row that cannot be brought over becomes a note with the
reason; a secret that cannot be read without ReadMeABook's key is listed to be entered again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import SectionKind
from rmab_desktop.domain.enums import RequestKind, RequestStatus, Role
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.shelves import ShelfSource
from rmab_desktop.domain.watching import WatchKind
from rmab_desktop.services.catalog.audiobooks import set_library_path, track_book
from rmab_desktop.services.catalog.service import CatalogService
from rmab_desktop.services.downloads.blocklist import BlocklistService
from rmab_desktop.services.downloads.history import DownloadHistoryLog, HistoryStatus, ImportedDownload
from rmab_desktop.services.migration_import import rmab_secrets
from rmab_desktop.services.migration_import.mappings import MappingStore
from rmab_desktop.services.migration_import.notification_urls import (
    EVENTS,
    SECRET_FIELDS,
    UnsupportedBackend,
    apprise_urls,
)
from rmab_desktop.services.migration_import.report import ImportReport, Note, SecretToEnter, sample_label
from rmab_desktop.services.migration_import.snapshot import (
    Kind,
    Snapshot,
    Source,
    SourceBackend,
    SourceBlock,
    SourceBook,
    SourceDownload,
    SourceRequest,
    SourceSection,
    SourceShelf,
    SourceUser,
    SourceWatch,
)
from rmab_desktop.services.notifications.service import NotificationService
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.shelves.service import ShelfService
from rmab_desktop.services.watching.store import add_watch

tr = Translator("MigrationImport")

log = logging.getLogger(__name__)

PLANNED = 0  # the stand-in id of a row a dry run would add
SAVE_EVERY = 100  # mappings written together
# The other app's request statuses and ours; the ones in IN_FLIGHT were busy with a download this
# app cannot follow, so they wait for a new search here.
STATUSES = {
    "pending": RequestStatus.AWAITING_SEARCH,
    "awaiting_search": RequestStatus.AWAITING_SEARCH,
    "searching": RequestStatus.AWAITING_SEARCH,
    "downloading": RequestStatus.AWAITING_SEARCH,
    "processing": RequestStatus.AWAITING_SEARCH,
    "awaiting_import": RequestStatus.AWAITING_SEARCH,
    "awaiting_approval": RequestStatus.AWAITING_APPROVAL,
    "denied": RequestStatus.DENIED,
    "awaiting_release": RequestStatus.AWAITING_RELEASE,
    "warn": RequestStatus.WARN,
    "downloaded": RequestStatus.DOWNLOADED,
    "available": RequestStatus.AVAILABLE,
    "failed": RequestStatus.FAILED,
    "cancelled": RequestStatus.CANCELLED,
}
IN_FLIGHT = {"searching", "downloading", "processing", "awaiting_import"}
DOWNLOAD_STATUSES: dict[str, HistoryStatus] = {
    "completed": "completed",
    "seeding": "completed",
    "failed": "failed",
    "stalled": "failed",
}
HARDCOVER_STATUSES = {"status-1": "want-to-read", "status-2": "currently-reading", "status-3": "read"}
HARDCOVER_STATUSES["status-4"] = "did-not-finish"
SOURCE_NAMES = {Source.READMEABOOK: "ReadMeABook", Source.AUDIOBOOKREQUEST: "AudioBookRequest"}
CONNECTION_SECRETS = {
    "prowlarr_api_key": tr.mark("Prowlarr API key"),
    "plex_token": tr.mark("Plex token"),
    "audiobookshelf.api_token": tr.mark("Audiobookshelf API key"),
    "download_clients": tr.mark("Download client passwords"),
}
# Why a row pointing at another one cannot come when that one did not.
MISSING = {
    Kind.USER: tr.mark("its user was not brought over"),
    Kind.AUDIOBOOK: tr.mark("its book was not brought over"),
    Kind.REQUEST: tr.mark("its request was not brought over"),
}
Progress = Callable[[int, int, str], None]


class WrongKeyError(RmabError):
    """The key given does not open ReadMeABook's secrets."""


@dataclass(frozen=True)
class Services:
    """The owners the import writes through."""

    database: Database
    users: UserService
    requests: RequestService
    history: DownloadHistoryLog
    blocklist: BlocklistService
    shelves: ShelfService
    notifications: NotificationService
    catalog: CatalogService


class Existing(int):
    """The id of a row that was already here (the same user, the same book): nothing was added."""


class Skip(Exception):
    """This row cannot be brought over; the message is the reason."""


def encrypted_values(snapshot: Snapshot) -> list[str]:
    """Every secret of the source stored encrypted with ReadMeABook's key."""
    values = list(snapshot.connection_secrets.values())
    values += [shelf.secret for shelf in snapshot.shelves if shelf.secret]
    for backend in snapshot.backends:
        values += [str(backend.config.get(name)) for name in SECRET_FIELDS.get(backend.type, ())]
    return [value for value in values if rmab_secrets.is_encrypted(value)]


def check_key(snapshot: Snapshot, key: str | None) -> None:
    """Refuse a key that does not open the source's secrets, before anything is written."""
    if not key:
        return
    values = encrypted_values(snapshot)
    if not values:
        return
    try:
        rmab_secrets.decrypt(values[0], key)
    except rmab_secrets.WrongKeyError:
        raise WrongKeyError(
            tr("The key does not open ReadMeABook's secrets."),
            hint=tr(
                "Copy CONFIG_ENCRYPTION_KEY from ReadMeABook's /app/config/.secrets file, "
                "or leave the key out and enter the secrets again afterwards."
            ),
        ) from None


class Importer:
    def __init__(self, services: Services, snapshot: Snapshot, *, key: str | None, dry_run: bool) -> None:
        check_key(snapshot, key)
        self.services = services
        self.snapshot = snapshot
        self.key = key or None
        self.dry_run = dry_run
        self.store = MappingStore(services.database)
        self.report = ImportReport(snapshot.source, snapshot.address, dry_run)
        self.ids: dict[tuple[Kind, str], int | None] = {}
        self.unsaved: list[tuple[Kind, str, int]] = []  # mappings not written yet (see _save)
        self.origin = SOURCE_NAMES[snapshot.source]

    # -- the run -------------------------------------------------------------------------------
    def run(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> ImportReport:
        """Bring everything over; ``cancel`` stops between two rows (what came over stays, and is
        remembered, so the next import brings the rest)."""
        self.ids = self.store.load(self.snapshot.source)
        steps: list[tuple[Kind, Callable[[Any], int]]] = [
            (Kind.USER, self._user),
            (Kind.AUDIOBOOK, self._book),
            (Kind.REQUEST, self._request),
            (Kind.DOWNLOAD, self._download),
            (Kind.BLOCKLIST, self._block),
            (Kind.WATCH, self._watch),
            (Kind.SHELF, self._shelf),
            (Kind.NOTIFICATION, self._backend),
            (Kind.HOME_SECTION, self._section),
        ]
        total = sum(len(self.snapshot.records(kind)) for kind, _ in steps)
        done = 0
        for kind, step in steps:
            records = self.snapshot.records(kind)
            if kind == Kind.REQUEST:  # a request's parent (the audiobook of an ebook) first
                records = sorted(records, key=lambda record: record.parent_id is not None)
            try:
                for record in records:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    self._one(kind, record, step)
                    done += 1
                    if progress is not None:
                        progress(done, total, sample_label(kind, record))
            finally:
                self._save()
        for item in self.snapshot.unreadable:
            self.report.notes.append(Note(item.kind, item.source_id, item.source_id, item.reason))
        self._connection_secrets()
        return self.report

    def _one(self, kind: Kind, record: Any, step: Callable[[Any], int]) -> None:
        count = self.report.counts[kind]
        count.found += 1
        if (kind, record.id) in self.ids:
            count.already += 1
            return
        try:
            target = step(record)
        except Skip as reason:
            count.skipped += 1
            self.report.notes.append(Note(kind, record.id, sample_label(kind, record), str(reason)))
            return
        except RmabError as error:  # an owner refused the row (a validation): the rest goes on
            count.skipped += 1
            self.report.notes.append(Note(kind, record.id, sample_label(kind, record), error.user_message))
            return
        self.ids[(kind, record.id)] = target
        if isinstance(target, Existing):
            count.already += 1
        else:
            count.added += 1
        if not self.dry_run:
            self.unsaved.append((kind, record.id, target))
            if len(self.unsaved) >= SAVE_EVERY:
                self._save()

    def _save(self) -> None:
        """Write the mappings gathered so far (one transaction for many rows; a crash between a
        row and its mapping brings that row over once more on the next import)."""
        if self.unsaved:
            self.store.remember(self.snapshot.source, self.unsaved)
            self.unsaved = []

    def _changed(self, kind: Kind, record: Any, reason: str) -> None:
        self.report.notes.append(Note(kind, record.id, sample_label(kind, record), reason, mapped=True))

    def _target(self, kind: Kind, source_id: str | None) -> int:
        target = self.ids.get((kind, source_id or ""))
        if target is None:
            raise Skip(text(MISSING[kind]))
        return target

    def _secret(self, value: str | None) -> str | None:
        """A secret in plain text: decrypted with the key, as stored when not encrypted, else None."""
        if not value or not rmab_secrets.is_encrypted(value):
            return value or None
        if self.key is None:
            return None
        try:
            return rmab_secrets.decrypt(value, self.key)
        except rmab_secrets.WrongKeyError:
            return None

    # -- users ---------------------------------------------------------------------------------
    def _user(self, user: SourceUser) -> int:
        if user.gone:
            raise Skip(user.gone)
        users = self.services.users
        if user.is_owner:
            self._changed(Kind.USER, user, tr("merged with your own account on this computer"))
            return Existing(PLANNED if self.dry_run else users.default_user().id)
        name = user.username.strip().lower()
        if len(name) < 3:
            raise Skip(tr("the user name '{name}' is shorter than 3 characters").format(name=user.username))
        first = next(
            (
                other
                for other in self.snapshot.users
                if other.id != user.id
                and other.username.strip().lower() == name
                and (Kind.USER, other.id) in self.ids
            ),
            None,
        )
        if first is not None:
            self._changed(
                Kind.USER, user, tr("a second user called '{name}': merged with the first").format(name=name)
            )
            return Existing(self.ids[(Kind.USER, first.id)] or PLANNED)
        same = next((known for known in users.list() if known.username == name), None)
        if same is not None:
            self._changed(Kind.USER, user, tr("merged with the user '{name}' already here").format(name=name))
            return Existing(same.id)
        if user.has_password:
            self.report.secrets.append(
                SecretToEnter(
                    tr("Password of user {name}").format(name=name),
                    tr("The user signs in once and sets a new one"),
                )
            )
        if self.dry_run:
            return PLANNED
        created = users.create(name, role=Role.ADMIN if user.role == "admin" else Role.USER)
        for permission, granted in user.permissions.items():
            users.set_permission(created.id, permission, granted)
        return created.id

    # -- books and requests --------------------------------------------------------------------
    def _book(self, book: SourceBook) -> int:
        if not book.asin:
            raise Skip(tr("it has no Audible ASIN, so it cannot be matched to a book"))
        if not book.title:
            raise Skip(tr("it has no title"))
        region = self.snapshot.region
        with self.services.database.session() as session:
            existing = session.scalar(
                select(Audiobook.id).where(Audiobook.asin == book.asin, Audiobook.region == region)
            )
            if existing is not None:
                return Existing(existing)
            if self.dry_run:
                return PLANNED
            book_id = track_book(
                session,
                BookInfo(
                    title=book.title,
                    asin=book.asin,
                    region=region,
                    subtitle=book.subtitle,
                    authors=book.authors,
                    narrators=book.narrators,
                    series=book.series,
                    series_position=book.series_position,
                    runtime_minutes=book.runtime_minutes,
                    release_date=book.release_date,
                    description=book.description,
                    cover_url=book.cover_url,
                ),
            )
            if book.library_path:
                set_library_path(session, book_id, book.library_path)
            return book_id

    def _request(self, request: SourceRequest) -> int:
        if request.deleted:
            raise Skip(tr("it was deleted in {app}").format(app=self.origin))
        if request.book_id is None:
            raise Skip(tr("it names no Audible book; request the book again by searching for it"))
        book_id = self._target(Kind.AUDIOBOOK, request.book_id)
        user_id = self.ids.get((Kind.USER, request.user_id or ""))
        if user_id is None:
            self._changed(
                Kind.REQUEST, request, tr("its user was not brought over; it is kept without a user")
            )
        status = STATUSES.get(request.status)
        if status is None:
            status = RequestStatus.WARN
            self._changed(
                Kind.REQUEST,
                request,
                tr("unknown status '{status}'; it needs a look").format(status=request.status),
            )
        elif request.status in IN_FLIGHT:
            self._changed(
                Kind.REQUEST,
                request,
                tr("it was '{status}' in {app}; it will be searched again").format(
                    status=request.status, app=self.origin
                ),
            )
        kind = RequestKind.EBOOK if request.kind == "ebook" else RequestKind.AUDIOBOOK
        parent_id = self.ids.get((Kind.REQUEST, request.parent_id or "")) if request.parent_id else None
        if self.dry_run:
            return PLANNED
        note = tr("Brought over from {app}, where it was '{status}'").format(
            app=self.origin, status=request.status or "?"
        )
        if request.message:
            note = f"{note}: {request.message}"
        return self.services.requests.import_request(
            book_id,
            user_id or None,
            status,
            note,
            kind=kind,
            parent_id=parent_id or None,
            custom_search_terms=request.custom_search_terms,
            created_at=request.created_at,
            completed_at=request.completed_at,
        )

    def _download(self, download: SourceDownload) -> int:
        request_id = self._target(Kind.REQUEST, download.request_id)
        if not download.guid:
            raise Skip(tr("{app} kept no link, hash or id of this release").format(app=self.origin))
        if self.dry_run:
            return PLANNED
        return self.services.history.record_imported(
            request_id,
            ImportedDownload(
                title=download.title or download.guid,
                guid=download.guid,
                status=DOWNLOAD_STATUSES.get(download.status, "cancelled"),
                indexer=download.indexer,
                protocol=download.protocol,
                client=download.client,
                item_id=download.item_id,
                size_bytes=download.size_bytes,
                score=download.score,
                path=download.path,
                error=download.error,
                completed_at=download.completed_at,
            ),
        )

    def _block(self, block: SourceBlock) -> int:
        request = next((r for r in self.snapshot.requests if r.id == block.request_id), None)
        book_id = self._target(Kind.AUDIOBOOK, request.book_id if request else None)
        release_hash = (block.release_hash or "").strip()
        if not release_hash:
            raise Skip(tr("{app} kept no hash or id of this release").format(app=self.origin))
        if self.dry_run:
            return PLANNED
        is_infohash = len(release_hash) == 40 and all(c in "0123456789abcdefABCDEF" for c in release_hash)
        return self.services.blocklist.add_manual(
            book_id,
            block.title,
            guid=None if is_infohash else release_hash,
            infohash=release_hash if is_infohash else None,
            indexer=block.indexer,
            reason=block.reason or tr("Blocked in {app}").format(app=self.origin),
        )

    # -- what users follow ---------------------------------------------------------------------
    def _watch(self, watch: SourceWatch) -> int:
        user_id = self._target(Kind.USER, watch.user_id)
        if not watch.asin:
            raise Skip(tr("it has no Audible ASIN"))
        if self.dry_run:
            return PLANNED
        kind = WatchKind.SERIES if watch.kind == "series" else WatchKind.AUTHOR
        return add_watch(
            self.services.database, user_id, kind, watch.asin, watch.name or watch.asin, self.snapshot.region
        )

    def _shelf(self, shelf: SourceShelf) -> int:
        user_id = self._target(Kind.USER, shelf.user_id)
        if not shelf.target:
            raise Skip(tr("it has no address"))
        source = ShelfSource.HARDCOVER if shelf.source == "hardcover" else ShelfSource.GOODREADS
        target = (
            HARDCOVER_STATUSES.get(shelf.target.lower(), shelf.target)
            if shelf.source == "hardcover"
            else shelf.target
        )
        token = self._secret(shelf.secret)
        if shelf.secret and token is None:
            self.report.secrets.append(
                SecretToEnter(
                    tr("Hardcover token of the shelf {name}").format(name=shelf.name or target),
                    tr("Shelves page: add the Hardcover shelf again with the token"),
                )
            )
        if self.dry_run:
            return PLANNED
        name = shelf.name or target
        return self.services.shelves.adopt(
            user_id, source, name, target, token=token, auto_request=shelf.auto_request
        )

    def _backend(self, backend: SourceBackend) -> int:
        if backend.type == "webhook":
            raise Skip(
                tr("{app} sends its own message body to this address; add it again as an Apprise URL").format(
                    app=self.origin
                )
            )
        config = dict(backend.config)
        for field in SECRET_FIELDS.get(backend.type, ()):
            stored = config.get(field)
            plain = self._secret(str(stored)) if stored else None
            if stored and plain is None:
                self.report.secrets.append(
                    SecretToEnter(
                        tr("Notification target {name}").format(name=backend.name or backend.type),
                        tr("Settings, Notifications: add it again"),
                    )
                )
                raise Skip(tr("its secret needs ReadMeABook's key; enter it again"))
            config[field] = plain
        try:
            urls = apprise_urls(backend.type, config)
        except UnsupportedBackend as reason:
            raise Skip(str(reason)) from None
        events = sorted({EVENTS[event].value for event in backend.events if event in EVENTS})
        dropped = sorted(event for event in backend.events if event not in EVENTS)
        if dropped:
            self._changed(
                Kind.NOTIFICATION,
                backend,
                tr("events with no counterpart left out: {events}").format(events=", ".join(dropped)),
            )
        if self.dry_run:
            return PLANNED
        name = backend.name or backend.type
        ids = [
            self.services.notifications.create(
                name if len(urls) == 1 else f"{name} ({index})", url, events, enabled=backend.enabled
            ).id
            for index, url in enumerate(urls, start=1)
        ]
        return ids[0]

    def _section(self, section: SourceSection) -> int:
        user_id = self._target(Kind.USER, section.user_id)
        try:
            kind = SectionKind(section.kind)
        except ValueError:
            raise Skip(tr("unknown kind of section '{kind}'").format(kind=section.kind)) from None
        if kind == SectionKind.CATEGORY and not section.category_id:
            raise Skip(tr("the category section names no category"))
        if self.dry_run:
            return PLANNED
        catalog = self.services.catalog
        for existing in catalog.sections(user_id):
            if existing.kind == kind and (
                kind != SectionKind.CATEGORY or existing.category_id == section.category_id
            ):
                return Existing(existing.id)
        return catalog.add_section(
            user_id,
            kind,
            title=section.title or None,
            category_id=section.category_id,
            region=self.snapshot.region,
        ).id

    # -- the source's own connections ----------------------------------------------------------
    def _connection_secrets(self) -> None:
        """Indexer, client and library-server secrets have no imported setting to belong to."""
        for key in sorted(self.snapshot.connection_secrets):
            label = CONNECTION_SECRETS.get(key)
            what = text(label) if label is not None else key
            self.report.secrets.append(SecretToEnter(what, tr("Settings: set up this connection again")))
