"""Reading shelves: adding them, syncing them into requests, and "Choose the right book".

A sync reads the shelf from its provider, remembers each book once per shelf
(``shelf_book_mappings``), finds its Audible product through the guarded resolver (never the first
search result), and requests confident matches for the shelf's owner through the request service,
which applies approval and refuses books already owned or requested. Ambiguous books wait for a
person; "no audiobook" is looked up again after :data:`RETRY_NO_AUDIOBOOK`. A lookup made for one
shelf serves every other shelf holding the same book (same title and first author, or ISBN), of
any user or provider. Removing a shelf removes its mappings only: requests and books stay.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from rmab_desktop.clients import goodreads
from rmab_desktop.clients.hardcover import API_URL, STATUSES, HardcoverClient
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ReadingShelf, ShelfBookMapping
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.errors import NotFoundError, RmabError, ServiceError, ValidationError
from rmab_desktop.domain.requests import AlreadyInLibraryError, DuplicateRequestError
from rmab_desktop.domain.shelves import (
    Candidate,
    MappingStatus,
    ShelfBook,
    ShelfChoice,
    ShelfSource,
    ShelfSummary,
)
from rmab_desktop.services.catalog.resolving import BookResolver, Outcome, Resolution, WantedTitle
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.shelves.csv_export import read_export

log = logging.getLogger(__name__)

RETRY_NO_AUDIOBOOK = timedelta(days=4)
COVER_STRIP = 8
_DECIDED = (MappingStatus.MATCHED, MappingStatus.REQUESTED, MappingStatus.IN_LIBRARY)


@dataclass
class SyncResult:
    shelf_id: int
    books: int = 0
    added: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # books this sync changed, by their status now
    error: str | None = None

    def as_error(self) -> ServiceError:
        return ServiceError(f"Shelf {self.shelf_id} did not sync: {self.error}")


def _candidate(book: CatalogBook) -> Candidate:
    series = book.primary_series
    return Candidate(
        asin=book.asin,
        title=book.title,
        authors=book.author_names,
        narrators=book.narrators,
        runtime_minutes=book.runtime_minutes,
        cover_url=book.cover_url,
        series=f"{series.title} {series.position or ''}".strip() if series else None,
    )


class ShelfService:
    def __init__(
        self,
        database: Database,
        credentials: CredentialStore,
        users: UserService,
        requests: RequestService,
        resolver: BookResolver,
        *,
        hardcover_url: str = API_URL,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.credentials = credentials
        self.users = users
        self.requests = requests
        self.resolver = resolver
        self.hardcover_url = hardcover_url
        self.now = now

    # -- adding --------------------------------------------------------------------------------
    def add_goodreads(self, url: str) -> ShelfSummary:
        """Check the feed answers, then keep it; the first sync runs separately."""
        title, _ = goodreads.fetch_shelf(goodreads.check_feed_url(url))
        return self._add(ShelfSource.GOODREADS, title or "Goodreads shelf", url.strip())

    def hardcover_secret(self, user_id: int) -> str:
        return f"shelves.hardcover.{user_id}"

    def add_hardcover(self, target: str, token: str | None = None) -> ShelfSummary:
        """A reading status (want-to-read, …) or a list slug; ``token`` replaces the saved one."""
        target = target.strip().lower()
        if not target:
            raise ValidationError(
                "Name a Hardcover list or reading status.", hint=f"For example: {', '.join(STATUSES)}."
            )
        secret = self.hardcover_secret(self.users.current().id)
        if token:
            self.credentials.set(secret, token.strip())
        with self._hardcover(secret) as client:
            name, _ = client.shelf(target)
        return self._add(ShelfSource.HARDCOVER, f"Hardcover: {name}", target, secret)

    def add_csv(self, path: Path, shelf: str = "to-read") -> ShelfSummary:
        """A one-off import: the export's books are kept now and looked up by the first sync."""
        service, books = read_export(path, shelf)
        if not books:
            raise ValidationError(
                f"{path.name} has no books on the '{shelf}' shelf.",
                hint="Choose another shelf (or 'all') for the import.",
            )
        summary = self._add(ShelfSource.CSV, f"{service} export ({shelf})", path.name)
        with self.database.session() as session:
            self._store_books(session, summary.id, books)
        return self.summary(summary.id)

    def _add(self, source: ShelfSource, name: str, target: str, secret: str | None = None) -> ShelfSummary:
        user = self.users.current()
        with self.database.session() as session:
            exists = session.scalar(
                select(ReadingShelf.id).where(
                    ReadingShelf.user_id == user.id,
                    ReadingShelf.source == source.value,
                    ReadingShelf.url == target,
                )
            )
            if exists is not None and source != ShelfSource.CSV:
                raise ValidationError(f"This shelf is already added (shelf {exists}).")
            row = ReadingShelf(
                user_id=user.id, source=source.value, name=name[:200], url=target, secret_name=secret
            )
            session.add(row)
            session.flush()
            shelf_id = row.id
        return self.summary(shelf_id)

    def adopt(
        self,
        user_id: int,
        source: ShelfSource,
        name: str,
        target: str,
        *,
        token: str | None = None,
        auto_request: bool = True,
    ) -> int:
        """A shelf brought over from another app, kept without asking the shelf's service (the next
        sync does); the user's shelf of the same address is reused. ``token``: Hardcover's."""
        secret = self.hardcover_secret(user_id) if source == ShelfSource.HARDCOVER else None
        if secret and token:
            self.credentials.set(secret, token.strip())
        with self.database.session() as session:
            existing = session.scalar(
                select(ReadingShelf.id).where(
                    ReadingShelf.user_id == user_id,
                    ReadingShelf.source == source.value,
                    ReadingShelf.url == target,
                )
            )
            if existing is not None:
                return existing
            row = ReadingShelf(
                user_id=user_id,
                source=source.value,
                name=name[:200],
                url=target,
                secret_name=secret,
                auto_request=auto_request,
            )
            session.add(row)
            session.flush()
            return row.id

    def _hardcover(self, secret: str) -> HardcoverClient:
        return HardcoverClient(self.credentials.get(secret) or "", url=self.hardcover_url)

    # -- reading -------------------------------------------------------------------------------
    def _shelf(self, session: Session, shelf_id: int) -> ReadingShelf:
        row = session.get(ReadingShelf, shelf_id)
        if row is None:
            raise NotFoundError(f"Shelf {shelf_id} does not exist.", hint="See 'rmab shelves list'.")
        return row

    def summary(self, shelf_id: int) -> ShelfSummary:
        with self.database.session() as session:
            return self._summary(session, self._shelf(session, shelf_id))

    def list(self, user_id: int | None = None) -> list[ShelfSummary]:
        """The shelves of ``user_id`` (None: every user's)."""
        with self.database.session() as session:
            query = select(ReadingShelf).order_by(ReadingShelf.id)
            if user_id is not None:
                query = query.where(ReadingShelf.user_id == user_id)
            return [self._summary(session, row) for row in session.scalars(query)]

    def _summary(self, session: Session, row: ReadingShelf) -> ShelfSummary:
        counts = dict(
            session.execute(
                select(ShelfBookMapping.status, func.count())
                .where(ShelfBookMapping.shelf_id == row.id)
                .group_by(ShelfBookMapping.status)
            ).all()
        )
        covers = session.scalars(
            select(ShelfBookMapping.cover_url)
            .where(ShelfBookMapping.shelf_id == row.id, ShelfBookMapping.cover_url.is_not(None))
            .order_by(ShelfBookMapping.id)
            .limit(COVER_STRIP)
        )
        return ShelfSummary(
            id=row.id,
            user_id=row.user_id,
            source=ShelfSource(row.source),
            name=row.name,
            target=row.url,
            paused=row.paused,
            last_synced_at=row.last_synced_at,
            last_error=row.last_error,
            counts={str(k): int(v) for k, v in counts.items()},
            covers=tuple(c for c in covers if c),
        )

    def choices(self, user_id: int | None = None) -> builtins.list[ShelfChoice]:
        """Shelf books waiting for a person to pick their audiobook."""
        with self.database.session() as session:
            query = (
                select(ShelfBookMapping, ReadingShelf.name)
                .join(ReadingShelf, ReadingShelf.id == ShelfBookMapping.shelf_id)
                .where(ShelfBookMapping.status == MappingStatus.CHOICE.value)
                .order_by(ShelfBookMapping.id)
            )
            if user_id is not None:
                query = query.where(ReadingShelf.user_id == user_id)
            return [
                ShelfChoice(
                    mapping_id=mapping.id,
                    shelf_name=name,
                    title=mapping.title,
                    authors=_authors(mapping),
                    reason=mapping.note,
                    candidates=tuple(Candidate.from_json(c) for c in mapping.candidates or ()),
                )
                for mapping, name in session.execute(query)
            ]

    # -- changing ------------------------------------------------------------------------------
    def set_paused(self, shelf_id: int, paused: bool) -> ShelfSummary:
        with self.database.session() as session:
            row = self._shelf(session, shelf_id)
            row.paused = paused
            session.flush()
            return self._summary(session, row)

    def remove(self, shelf_id: int) -> None:
        """The shelf and its book mappings go; requests it made and books in the library stay."""
        with self.database.session() as session:
            row = self._shelf(session, shelf_id)
            session.query(ShelfBookMapping).filter(ShelfBookMapping.shelf_id == shelf_id).delete()
            session.delete(row)
            secret = row.secret_name
            still_used = session.scalar(
                select(func.count()).select_from(ReadingShelf).where(ReadingShelf.secret_name == secret)
            )
        if secret and not still_used:
            self.credentials.delete(secret)

    def choose(self, mapping_id: int, asin: str) -> MappingStatus:
        """The person picked ``asin`` among the candidates: every shelf waiting on this book gets it."""
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            if row is None or row.status != MappingStatus.CHOICE.value:
                raise NotFoundError(f"Shelf book {mapping_id} is not waiting for a choice.")
            offered = {c.get("asin") for c in row.candidates or ()}
            if asin not in offered:
                raise ValidationError(f"{asin} is not one of the candidates for '{row.title}'.")
            same = session.scalars(
                select(ShelfBookMapping).where(
                    ShelfBookMapping.match_key == row.match_key,
                    ShelfBookMapping.status == MappingStatus.CHOICE.value,
                )
            ).all()
            ids = [m.id for m in same]
            for mapping in same:
                mapping.asin, mapping.status, mapping.note = (
                    asin,
                    MappingStatus.MATCHED.value,
                    "chosen by you",
                )
        for mapping_id_ in ids:
            self._request(mapping_id_)
        return self._status(mapping_id)

    def dismiss(self, mapping_id: int) -> None:
        """None of the candidates is the book: it leaves the list and is never requested."""
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            if row is None:
                raise NotFoundError(f"Shelf book {mapping_id} does not exist.")
            row.status, row.note = MappingStatus.DISMISSED.value, "none of the candidates (your choice)"

    def _status(self, mapping_id: int) -> MappingStatus:
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            return MappingStatus(row.status) if row else MappingStatus.NEW

    # -- syncing -------------------------------------------------------------------------------
    def _fetch(self, row: ReadingShelf) -> builtins.list[ShelfBook] | None:
        """The shelf's books now, or None for a CSV import (its books were stored when added)."""
        if row.source == ShelfSource.GOODREADS:
            return goodreads.fetch_shelf(row.url)[1]
        if row.source == ShelfSource.HARDCOVER:
            with self._hardcover(row.secret_name or self.hardcover_secret(row.user_id or 0)) as client:
                return client.shelf(row.url)[1]
        return None

    def sync_all(self, cancel: CancelToken | None = None) -> builtins.list[SyncResult]:
        """Every shelf that is not paused; one failing does not stop the others."""
        with self.database.session() as session:
            ids = list(session.scalars(select(ReadingShelf.id).where(ReadingShelf.paused.is_(False))))
        return [self.sync(shelf_id, cancel) for shelf_id in ids]

    def sync(self, shelf_id: int, cancel: CancelToken | None = None) -> SyncResult:
        """Read the shelf, look up new books, request confident matches. Errors are kept on the shelf."""
        result = SyncResult(shelf_id)
        touched: set[int] = set()
        with self.database.session() as session:
            shelf = self._shelf(session, shelf_id)
            session.expunge(shelf)
        try:
            books = self._fetch(shelf)
            with self.database.session() as session:
                if books is not None:
                    result.added = self._store_books(session, shelf_id, books)
                result.books = (
                    session.scalar(
                        select(func.count())
                        .select_from(ShelfBookMapping)
                        .where(ShelfBookMapping.shelf_id == shelf_id)
                    )
                    or 0
                )
            self._resolve_due(shelf_id, touched, cancel)
            if not shelf.paused and shelf.auto_request:
                self._request_matched(shelf_id, touched, cancel)
        except RmabError as exc:
            result.error = exc.user_message
            log.info("Shelf %s did not sync: %s", shelf_id, exc.user_message)
        with self.database.session() as session:
            row = self._shelf(session, shelf_id)
            row.last_error = result.error
            if result.error is None:
                row.last_synced_at = self.now()
            if touched:
                statuses = session.scalars(
                    select(ShelfBookMapping.status).where(ShelfBookMapping.id.in_(touched))
                )
                for status in statuses:
                    result.counts[status] = result.counts.get(status, 0) + 1
        return result

    def _store_books(self, session: Session, shelf_id: int, books: builtins.list[ShelfBook]) -> int:
        known = set(
            session.scalars(select(ShelfBookMapping.external_id).where(ShelfBookMapping.shelf_id == shelf_id))
        )
        added = 0
        for book in books:
            if book.external_id in known:
                continue
            known.add(book.external_id)
            session.add(
                ShelfBookMapping(
                    shelf_id=shelf_id,
                    external_id=book.external_id[:100],
                    title=book.title[:500],
                    author=" & ".join(book.authors)[:300],
                    isbn=book.isbn,
                    cover_url=book.cover_url,
                    series=book.series,
                    series_position=book.series_position,
                    match_key=_wanted(book).match_key,
                    status=MappingStatus.NEW.value,
                )
            )
            added += 1
        session.flush()
        return added

    def _resolve_due(self, shelf_id: int, touched: set[int], cancel: CancelToken | None) -> None:
        retry_before = self.now() - RETRY_NO_AUDIOBOOK
        with self.database.session() as session:
            due = session.scalars(
                select(ShelfBookMapping.id).where(
                    ShelfBookMapping.shelf_id == shelf_id,
                    or_(
                        ShelfBookMapping.status == MappingStatus.NEW.value,
                        (ShelfBookMapping.status == MappingStatus.NO_AUDIOBOOK.value)
                        & (ShelfBookMapping.checked_at < retry_before),
                    ),
                )
            ).all()
        for mapping_id in due:
            if cancel is not None:
                cancel.raise_if_cancelled()
            self._resolve(mapping_id)
            touched.add(mapping_id)

    def _resolve(self, mapping_id: int) -> MappingStatus:
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            assert row is not None
            cached = self._cached(session, row)
            wanted = WantedTitle(row.title, _authors(row), row.isbn, row.series, row.series_position)
        resolution = cached or self.resolver.resolve(wanted)  # ServiceError ends the sync: retried later
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            assert row is not None
            row.checked_at = self.now()
            row.candidates = None
            if resolution.outcome == Outcome.MATCHED and resolution.book is not None:
                row.asin, row.status = resolution.book.asin, MappingStatus.MATCHED.value
                row.cover_url = resolution.book.cover_url or row.cover_url  # the audiobook's own cover
            elif resolution.outcome == Outcome.CHOICE:
                row.status = MappingStatus.CHOICE.value
                row.candidates = [_candidate(b).to_json() for b in resolution.candidates]
            else:
                row.status = MappingStatus.NO_AUDIOBOOK.value
            row.note = resolution.reason
            return MappingStatus(row.status)

    def _cached(self, session: Session, row: ShelfBookMapping) -> Resolution | None:
        """The freshest lookup of the same book on any shelf, when it still holds."""
        same = [ShelfBookMapping.match_key == row.match_key]
        if row.isbn:
            same.append(ShelfBookMapping.isbn == row.isbn)
        other = session.scalars(
            select(ShelfBookMapping)
            .where(or_(*same), ShelfBookMapping.id != row.id, ShelfBookMapping.checked_at.is_not(None))
            .order_by(ShelfBookMapping.checked_at.desc())
            .limit(1)
        ).first()
        if other is None:
            return None
        status = MappingStatus(other.status)
        if status in _DECIDED and other.asin:
            same_book = CatalogBook(other.asin, other.title)
            return Resolution(Outcome.MATCHED, same_book, reason="same book as on another shelf")
        if status in (MappingStatus.CHOICE, MappingStatus.DISMISSED) and other.candidates:
            books = tuple(_catalog_book(Candidate.from_json(c)) for c in other.candidates)
            return Resolution(Outcome.CHOICE, candidates=books, reason=other.note)
        fresh = other.checked_at is not None and other.checked_at > self.now() - RETRY_NO_AUDIOBOOK
        if status == MappingStatus.NO_AUDIOBOOK and fresh:
            return Resolution(Outcome.NONE, reason=other.note)
        return None

    def _request_matched(self, shelf_id: int, touched: set[int], cancel: CancelToken | None) -> None:
        with self.database.session() as session:
            ids = session.scalars(
                select(ShelfBookMapping.id).where(
                    ShelfBookMapping.shelf_id == shelf_id,
                    ShelfBookMapping.status == MappingStatus.MATCHED.value,
                    ShelfBookMapping.request_id.is_(None),
                )
            ).all()
        for mapping_id in ids:
            if cancel is not None:
                cancel.raise_if_cancelled()
            self._request(mapping_id)
            touched.add(mapping_id)

    def _request(self, mapping_id: int) -> MappingStatus:
        """Request the mapped book for the shelf's owner, as if they pressed Request."""
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            assert row is not None and row.asin
            shelf = self._shelf(session, row.shelf_id)
            if shelf.paused or not shelf.auto_request:
                return MappingStatus(row.status)
            asin, owner = row.asin, shelf.user_id
        user = self.users.get(owner) if owner is not None else self.users.default_user()
        request_id: int | None = None
        note = ""
        try:
            outcome = self.requests.create(asin, user=user, automatic=True)
            request_id, status = outcome.request.id, MappingStatus.REQUESTED
            note = outcome.message
        except AlreadyInLibraryError as exc:
            status, note = MappingStatus.IN_LIBRARY, exc.user_message
        except DuplicateRequestError as exc:
            status, note = MappingStatus.REQUESTED, exc.user_message
        except ServiceError:
            raise  # the catalog is unreachable: the whole sync stops and says so
        except RmabError as exc:  # no permission, a limit, the ignore list: stays matched, says why
            status, note = MappingStatus.MATCHED, exc.user_message
        with self.database.session() as session:
            row = session.get(ShelfBookMapping, mapping_id)
            assert row is not None
            row.status, row.request_id = status.value, request_id or row.request_id
            row.note = note
        return status


def _wanted(book: ShelfBook) -> WantedTitle:
    return WantedTitle(book.title, book.authors, book.isbn, book.series, book.series_position)


def _authors(row: ShelfBookMapping) -> tuple[str, ...]:
    return tuple(a for a in row.author.split(" & ") if a)


def _catalog_book(candidate: Candidate) -> CatalogBook:
    return CatalogBook(
        candidate.asin,
        candidate.title,
        authors=tuple(Person(a) for a in candidate.authors),
        narrators=candidate.narrators,
        runtime_minutes=candidate.runtime_minutes,
        cover_url=candidate.cover_url,
    )
