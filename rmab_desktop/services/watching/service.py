"""WatchService: watch an author or a series; the check that requests what a watch finds.

A check reads the Audible catalog by the author's ASIN or through the series' own relationships
(``CatalogService.author_catalog`` / ``series_catalog``), picks by the watch's mode, keeps one
edition per work, and requests the rest for the watching user through the request service with
``automatic=True`` (the ignore list applies there; pre-orders wait for their release day there).
Every book a watch dealt with is recorded (``watched_books``) with its outcome, so a second check
creates nothing new and a request the user deleted is never made again. Before requesting, a
book is skipped when this or another edition is in the library or requested, or when the user
ever had a request for it (deleted, denied, cancelled or failed included).
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import (
    AudibleCacheEntry,
    Audiobook,
    LibraryItem,
    Request,
    RequestMember,
    WatchedEntity,
    WorkAsin,
    utcnow,
)
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import Availability, CatalogBook, CatalogEntry
from rmab_desktop.domain.enums import RequestKind
from rmab_desktop.domain.errors import RmabError, ServiceError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import (
    AlreadyInLibraryError,
    DuplicateRequestError,
    PermissionDeniedError,
    UserInfo,
)
from rmab_desktop.domain.watching import (
    BookState,
    CheckResult,
    FoundBook,
    IgnoredBookError,
    Outcome,
    SeriesBook,
    SeriesGaps,
    Watch,
    WatchFormat,
    WatchKind,
    WatchMode,
    book_state,
    one_per_work,
)
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.requests import RequestService
from rmab_desktop.services.requests.ignore import is_ignored
from rmab_desktop.services.watching import store

log = logging.getLogger(__name__)
tr = Translator("Watching")

_HAVE = (Availability.IN_LIBRARY, Availability.AVAILABLE)
_ASKED = (Availability.REQUESTED, Availability.DOWNLOADING)


def _position(value: str | None) -> float:
    try:
        return float(value) if value else float("inf")
    except ValueError:
        return float("inf")


class WatchService:
    def __init__(
        self,
        database: Database,
        catalog: CatalogService,
        requests: RequestService,
        events: EventBus,
        *,
        today: Callable[[], date] = lambda: utcnow().date(),
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.requests = requests
        self.events = events
        self.today = today

    # -- the watches ---------------------------------------------------------------------------
    def add(
        self,
        kind: WatchKind,
        asin: str,
        *,
        mode: WatchMode = WatchMode.NEW,
        format: WatchFormat = WatchFormat.AUDIOBOOK,
        region: str | None = None,
        name: str | None = None,
        user: UserInfo | None = None,
    ) -> Watch:
        """Watch an author or a series; its name comes from the catalog when not given."""
        asin = asin.strip().upper()
        if not asin:
            raise ValidationError(
                "An ASIN is needed.", hint="Copy it from the author's or series' Audible page."
            )
        if mode == WatchMode.NEXT and kind != WatchKind.SERIES:
            raise ValidationError(
                "'Next book only' is for series.", hint="Watch the author with --mode new or --mode all."
            )
        user = user or self.requests.users.current()
        region = region or self.catalog.default_region()
        if not name:
            name = (
                self.catalog.author(asin, region).name
                if kind == WatchKind.AUTHOR
                else self.catalog.series_catalog(asin, region)[0].title
            )
        try:
            with self.database.session() as session:
                row = WatchedEntity(
                    user_id=user.id,
                    kind=kind.value,
                    asin=asin,
                    region=region,
                    name=name[:300],
                    mode=mode.value,
                    format=format.value,
                    paused=False,
                )
                session.add(row)
                session.flush()
                return store.as_watch(session, row)
        except IntegrityError:
            raise ValidationError(
                tr("You already watch “{name}”.").format(name=name),
                hint="Change its mode with 'rmab watch author|series ASIN --mode …' after removing it.",
            ) from None

    def add_series_of(
        self, asin: str, region: str | None = None, *, mode: WatchMode = WatchMode.NEW
    ) -> Watch:
        """Watch the series the book ``asin`` belongs to (the library's "Watch this series")."""
        book = self.catalog.book(asin, region)
        series = next((ref for ref in book.series if ref.asin), None)
        if series is None or series.asin is None:
            raise ValidationError(
                tr("Audible lists “{title}” in no series.").format(title=book.title),
                hint="Watch its author instead, from the book's page.",
            )
        return self.add(WatchKind.SERIES, series.asin, mode=mode, region=book.region, name=series.title)

    def list(self, user_id: int | None = None) -> builtins.list[Watch]:
        """Every watch (of ``user_id`` when given), authors and series by name."""
        with self.database.session() as session:
            query = select(WatchedEntity).order_by(WatchedEntity.name, WatchedEntity.id)
            if user_id is not None:
                query = query.where(WatchedEntity.user_id == user_id)
            return [store.as_watch(session, row) for row in session.scalars(query)]

    def get(self, watch_id: int) -> Watch:
        with self.database.session() as session:
            return store.as_watch(session, store.watch_row(session, watch_id))

    def update(
        self,
        watch_id: int,
        *,
        mode: WatchMode | None = None,
        format: WatchFormat | None = None,
        paused: bool | None = None,
        user: UserInfo | None = None,
    ) -> Watch:
        with self.database.session() as session:
            row = self._own(session, watch_id, user)
            if mode == WatchMode.NEXT and row.kind != WatchKind.SERIES.value:
                raise ValidationError("'Next book only' is for series.", hint="Choose new releases or all.")
            row.mode = (mode or WatchMode(row.mode)).value
            row.format = (format or WatchFormat(row.format)).value
            row.paused = row.paused if paused is None else paused
            return store.as_watch(session, row)

    def remove(self, watch_id: int, *, user: UserInfo | None = None) -> Watch:
        """Stop watching; the requests it made stay."""
        with self.database.session() as session:
            row = self._own(session, watch_id, user)
            watch = store.as_watch(session, row)
            session.delete(row)
            return watch

    def _own(self, session: Session, watch_id: int, user: UserInfo | None) -> WatchedEntity:
        """The watch's row, when ``user`` (default: the current one) made it or is an administrator."""
        user = user or self.requests.users.current()
        row = store.watch_row(session, watch_id)
        if row.user_id is not None and row.user_id != user.id and not user.is_admin:
            raise PermissionDeniedError(
                f"Watch {watch_id} is someone else's: only they or an administrator can change it."
            )
        return row

    # -- the check -----------------------------------------------------------------------------
    def check_all(self, cancel: CancelToken | None = None) -> builtins.list[CheckResult]:
        results = []
        for watch in self.list():
            if watch.paused:
                continue
            if cancel is not None:
                cancel.raise_if_cancelled()
            results.append(self.check(watch.id))
        return results

    def check(self, watch_id: int) -> CheckResult:
        """Find the watch's books, request the new ones; an unreachable catalog is the result's error."""
        watch = self.get(watch_id)
        try:
            books = self._books(watch)
            found = self._deal_with(watch, books)
        except ServiceError as exc:
            with self.database.session() as session:
                store.finish_check(session, watch.id, exc.user_message)
            return CheckResult(watch.id, watch.name, error=exc.user_message)
        with self.database.session() as session:
            store.finish_check(session, watch.id, None)
        for book in found:
            if book.outcome == Outcome.REQUESTED:
                self._announce(watch, book)
        return CheckResult(watch.id, watch.name, tuple(found))

    def _books(self, watch: Watch) -> builtins.list[CatalogBook]:
        if watch.kind == WatchKind.AUTHOR:
            return self.catalog.author_catalog(watch.asin, watch.name, watch.region)
        _, books = self.catalog.series_catalog(watch.asin, watch.region)
        return books

    def _wanted(self, watch: Watch, entries: Sequence[CatalogEntry]) -> builtins.list[CatalogEntry]:
        """The books the watch's mode asks for, one edition per work, in the catalog's order."""
        if watch.mode == WatchMode.NEW:
            since = watch.created_at.date()
            chosen = [e for e in entries if e.book.release_date is not None and e.book.release_date > since]
        elif watch.mode == WatchMode.NEXT:
            ordered = sorted(entries, key=lambda e: _position(self._series_position(watch, e.book)))
            # After the last book in the library: a requested next book keeps its place until it
            # arrives, so the watch never walks on through the series one request per check.
            have = [i for i, e in enumerate(ordered) if e.availability in _HAVE]
            chosen = ordered[have[-1] + 1 :][:1] if have else ordered[:1]
        else:
            chosen = list(entries)
        seen: set[int] = set()
        unique = []
        for entry in chosen:
            if entry.work_id is not None:
                if entry.work_id in seen:
                    continue
                seen.add(entry.work_id)
            unique.append(entry)
        return unique

    @staticmethod
    def _series_position(watch: Watch, book: CatalogBook) -> str | None:
        return next((ref.position for ref in book.series if ref.asin == watch.asin), None)

    def _deal_with(self, watch: Watch, books: Sequence[CatalogBook]) -> builtins.list[FoundBook]:
        entries = self.catalog.annotate(list(books))
        user = self._user(watch)
        checked_at = utcnow()  # one time for the whole check: the Watching page shows its finds
        found: builtins.list[FoundBook] = []
        for entry in self._wanted(watch, entries):
            book = entry.book
            with self.database.session() as session:
                editions = self._editions(session, entry)
                if editions & store.handled_asins(session, watch.id):
                    continue
                skip = self._skip_reason(session, watch, entry, user, editions)
            result = (
                FoundBook(book.asin, book.title, skip, release_date=book.release_date)
                if skip is not None
                else self._request(watch, book, user)
            )
            if result.outcome != Outcome.FAILED:
                with self.database.session() as session:
                    store.record(session, watch.id, [book.asin, *sorted(editions)], result, checked_at)
            found.append(result)
        return found

    def _user(self, watch: Watch) -> UserInfo:
        users = self.requests.users
        return users.get(watch.user_id) if watch.user_id is not None else users.default_user()

    @staticmethod
    def _editions(session: Session, entry: CatalogEntry) -> set[str]:
        if entry.work_id is None:
            return {entry.book.asin}
        return {
            entry.book.asin,
            *session.scalars(select(WorkAsin.asin).where(WorkAsin.work_id == entry.work_id)),
        }

    def _skip_reason(
        self, session: Session, watch: Watch, entry: CatalogEntry, user: UserInfo, editions: set[str]
    ) -> Outcome | None:
        kind = RequestKind.EBOOK if watch.format == WatchFormat.EBOOK else RequestKind.AUDIOBOOK
        if kind == RequestKind.AUDIOBOOK:  # an owned ebook-only watch is the request service's call
            if entry.availability in _HAVE:
                return Outcome.OWNED
            if entry.availability in _ASKED:
                return Outcome.REQUESTED_BEFORE
        if is_ignored(session, user.id, entry.book.asin, entry.book.region):
            return Outcome.IGNORED
        ids = select(Audiobook.id).where(Audiobook.asin.in_(editions))
        joined = select(RequestMember.request_id).where(RequestMember.user_id == user.id)
        ever = session.scalar(
            select(Request.id)
            .where(
                Request.audiobook_id.in_(ids),
                Request.kind == kind.value,
                (Request.user_id == user.id) | Request.id.in_(joined),
            )
            .limit(1)
        )
        return Outcome.REQUESTED_BEFORE if ever is not None else None

    def _request(self, watch: Watch, book: CatalogBook, user: UserInfo) -> FoundBook:
        try:
            outcome = self.requests.create(
                book.asin,
                book.region,
                user=user,
                book=book,
                automatic=True,
                with_ebook=watch.format == WatchFormat.BOTH,
                ebook_only=watch.format == WatchFormat.EBOOK,
            )
        except AlreadyInLibraryError as exc:
            return FoundBook(
                book.asin, book.title, Outcome.OWNED, release_date=book.release_date, note=exc.user_message
            )
        except DuplicateRequestError as exc:
            return FoundBook(
                book.asin,
                book.title,
                Outcome.REQUESTED_BEFORE,
                release_date=book.release_date,
                note=exc.user_message,
            )
        except IgnoredBookError as exc:
            return FoundBook(
                book.asin, book.title, Outcome.IGNORED, release_date=book.release_date, note=exc.user_message
            )
        except ServiceError:
            raise
        except RmabError as exc:  # no permission to request, ...: tried again at the next check
            return FoundBook(
                book.asin, book.title, Outcome.FAILED, release_date=book.release_date, note=exc.user_message
            )
        return FoundBook(
            book.asin, book.title, Outcome.REQUESTED, outcome.request.id, book.release_date, outcome.message
        )

    def _announce(self, watch: Watch, book: FoundBook) -> None:
        message = (
            tr("Requested because you watch {name}; it comes out on {date}.").format(
                name=watch.name, date=book.release_date.isoformat()
            )
            if book.release_date is not None and book.release_date > self.today()
            else tr("Requested because you watch {name}.").format(name=watch.name)
        )
        self.events.publish(
            AppEvent(
                EventKind.WATCH_FOUND,
                title=tr("New from {name}: {title}").format(name=watch.name, title=book.title),
                message=message,
                request_id=book.request_id,
                user_id=watch.user_id,
                data={"watch_id": watch.id, "asin": book.asin},
            )
        )

    # -- series and authors as the user sees them ----------------------------------------------
    def series_view(
        self, series_asin: str, region: str | None = None
    ) -> tuple[str, builtins.list[SeriesBook]]:
        """A series' title and every book in order with its state for the current user."""
        listing, books = self.catalog.series_catalog(series_asin, region)
        positions = dict(listing.members)
        order = {asin: index for index, (asin, _) in enumerate(listing.members)}
        entries = sorted(self.catalog.annotate(books), key=lambda e: order.get(e.book.asin, len(order)))
        return listing.title, self._states(entries, lambda book: positions.get(book.asin))

    def author_view(
        self, author_asin: str, name: str, region: str | None = None
    ) -> builtins.list[SeriesBook]:
        """The author's books (theirs only: by ASIN), newest first, with their state."""
        entries = self.catalog.annotate(self.catalog.author_catalog(author_asin, name, region))
        return self._states(
            entries, lambda book: book.primary_series.position if book.primary_series else None
        )

    def _states(
        self, entries: Sequence[CatalogEntry], position: Callable[[CatalogBook], str | None]
    ) -> builtins.list[SeriesBook]:
        user = self.requests.users.current()
        today = self.today()
        return [
            SeriesBook(
                entry.book,
                position(entry.book),
                book_state(
                    entry.availability,
                    entry.book.release_date,
                    today,
                    self.requests.ignores.ignored(user.id, entry.book.asin, entry.book.region),
                ),
                entry.request_id,
                entry.work_id,
            )
            for entry in entries
        ]

    def request_missing(self, books: Sequence[SeriesBook]) -> tuple[int, builtins.list[str]]:
        """Request every missing or not-yet-released book (pre-orders wait for release day).

        Returns how many were requested and the problems, one line per book that was refused."""
        user = self.requests.users.current()
        made, problems = 0, []
        for item in one_per_work(books):
            if item.state not in (BookState.MISSING, BookState.NOT_RELEASED):
                continue
            try:
                self.requests.create(item.book.asin, item.book.region, user=user, book=item.book)
            except RmabError as exc:
                problems.append(f"{item.book.title}: {exc.user_message}")
            else:
                made += 1
        return made, problems

    def owned_series(self) -> builtins.list[tuple[str, str]]:
        """(series ASIN, region) of every series the library holds a book of, as the catalog cache knows them."""
        with self.database.session() as session:
            owned = set(session.scalars(select(LibraryItem.asin).where(LibraryItem.asin.is_not(None))))
            owned |= set(session.scalars(select(Audiobook.asin).where(Audiobook.library_path.is_not(None))))
            rows = session.execute(
                select(AudibleCacheEntry.series_asin, AudibleCacheEntry.region)
                .where(AudibleCacheEntry.asin.in_(owned), AudibleCacheEntry.series_asin.is_not(None))
                .distinct()
            )
            return sorted({(str(asin), region) for asin, region in rows})

    def missing_in_series(self, cancel: CancelToken | None = None) -> builtins.list[SeriesGaps]:
        """For each series the user owns part of, the books they do not have (gaps and what comes next)."""
        gaps = []
        for series_asin, region in self.owned_series():
            if cancel is not None:
                cancel.raise_if_cancelled()
            title, books = self.series_view(series_asin, region)
            owned = sum(1 for b in books if b.state == BookState.IN_LIBRARY)
            missing = tuple(b for b in books if b.state in (BookState.MISSING, BookState.NOT_RELEASED))
            if owned and missing:
                gaps.append(SeriesGaps(series_asin, title, region, owned, missing))
        return gaps
