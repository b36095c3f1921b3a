"""RequestService: the request lifecycle (create, approve, wait, cancel, retry, delete).

Every status change goes through :meth:`set_status`, which writes the status and a job event
(context "request", metadata from/to) in one transaction and publishes the matching AppEvent.
An approved, released request waits in ``awaiting_search`` with a ``requests.search`` job queued.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, tuple_, update
from sqlalchemy.orm import Session

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import (
    Audiobook,
    JobRecord,
    LibraryItem,
    Request,
    RequestMember,
    User,
    WorkAsin,
    utcnow,
)
from rmab_desktop.domain.catalog import CatalogBook
from rmab_desktop.domain.enums import EventLevel, JobStatus, Permission, RequestKind, RequestStatus
from rmab_desktop.domain.errors import NotFoundError, RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.job_payloads import RequestPayload
from rmab_desktop.domain.jobs import JobEvent, JobType
from rmab_desktop.domain.requests import (
    CANCELLABLE_STATUSES,
    REOPENABLE_STATUSES,
    RETRYABLE_STATUSES,
    STATUS_LABELS,
    AlreadyInLibraryError,
    Decision,
    DuplicateRequestError,
    InvalidTransitionError,
    PermissionDeniedError,
    RequestDetails,
    RequestOutcome,
    UserInfo,
)
from rmab_desktop.domain.watching import IgnoredBookError
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.catalog.audiobooks import track_catalog_book
from rmab_desktop.services.catalog.cache import book_info
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests.ignore import IgnoreList, is_ignored
from rmab_desktop.services.requests.users import RequestLimits, UserService

log = logging.getLogger(__name__)
tr = Translator("Requests")


def _by_admin(plain: str, with_note: str, admin: str, note: str) -> str:
    """An admin's decision in the user's language, with the admin's note when there is one."""
    return with_note.format(admin=admin, note=note) if note else plain.format(admin=admin)


ATTEMPT_COLUMNS = {"search": "search_attempts", "download": "download_attempts", "import": "import_attempts"}
STATUS_EVENTS = {
    RequestStatus.AWAITING_APPROVAL: EventKind.AWAITING_APPROVAL,
    RequestStatus.DENIED: EventKind.REQUEST_DENIED,
    RequestStatus.DOWNLOADING: EventKind.DOWNLOADING,
    RequestStatus.AVAILABLE: EventKind.AVAILABLE,
    RequestStatus.FAILED: EventKind.FAILED,
}
ENDED = (RequestStatus.AVAILABLE, RequestStatus.FAILED, RequestStatus.CANCELLED, RequestStatus.DENIED)


def _status_label(row: Request) -> str:
    label = STATUS_LABELS.get(RequestStatus(row.status))
    return text(label) if label is not None else row.status


def _details(session: Session, row: Request) -> RequestDetails:
    book = session.get(Audiobook, row.audiobook_id)
    assert book is not None
    members = tuple(session.scalars(select(RequestMember.user_id).where(RequestMember.request_id == row.id)))
    username = session.scalar(select(User.display_name).where(User.id == row.user_id)) if row.user_id else ""
    return RequestDetails(
        id=row.id,
        status=RequestStatus(row.status),
        kind=RequestKind(row.kind),
        region=row.region,
        user_id=row.user_id,
        parent_id=row.parent_id,
        custom_search_terms=row.custom_search_terms,
        book=book_info(book),
        audiobook_id=row.audiobook_id,
        search_attempts=row.search_attempts,
        download_attempts=row.download_attempts,
        import_attempts=row.import_attempts,
        progress=row.progress,
        speed_bps=row.speed_bps,
        eta_seconds=row.eta_seconds,
        status_message=row.status_message,
        created_at=row.created_at,
        updated_at=row.updated_at,
        username=username or "",
        approval_note=row.approval_note,
        member_ids=members,
        work_id=book.work_id,
        completed_at=row.completed_at,
    )


@dataclass(frozen=True)
class Admission:
    needs_approval: bool
    limits: RequestLimits | None  # None: the user's requests are not limited


def _waits_for_limit(session: Session, request_id: int) -> bool:
    parent = session.get(Request, request_id)
    return parent is not None and parent.status == RequestStatus.AWAITING_LIMIT.value


class RequestService:
    def __init__(
        self,
        database: Database,
        queue: JobQueue,
        events: EventBus,
        users: UserService,
        lookup: Callable[[str, str | None], CatalogBook],
        *,
        today: Callable[[], date] = lambda: utcnow().date(),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.queue = queue
        self.events = events
        self.users = users
        self.lookup = lookup  # (asin, region) -> CatalogBook, e.g. CatalogService.book
        self.today = today
        self.ignores = IgnoreList(database)
        self.clock = clock

    # -- reading -------------------------------------------------------------------------------
    def _row(self, session: Session, request_id: int) -> Request:
        row = session.get(Request, request_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(f"Request {request_id} does not exist.")
        return row

    def get(self, request_id: int) -> RequestDetails:
        with self.database.session() as session:
            return _details(session, self._row(session, request_id))

    def list(
        self,
        *,
        statuses: list[RequestStatus] | None = None,
        user_id: int | None = None,
        kind: RequestKind | None = None,
        limit: int = 1000,
    ) -> list[RequestDetails]:
        """Requests, newest first; ``user_id`` keeps those the user made or joined."""
        with self.database.session() as session:
            query = (
                select(Request).where(Request.deleted_at.is_(None)).order_by(Request.id.desc()).limit(limit)
            )
            if statuses:
                query = query.where(Request.status.in_([s.value for s in statuses]))
            if kind is not None:
                query = query.where(Request.kind == kind.value)
            if user_id is not None:
                joined = select(RequestMember.request_id).where(RequestMember.user_id == user_id)
                query = query.where((Request.user_id == user_id) | Request.id.in_(joined))
            return [_details(session, row) for row in session.scalars(query)]

    def timeline(self, request_id: int) -> builtins.list[JobEvent]:
        return self.queue.events(request_id=request_id, limit=5000)

    # -- the contract used by the pipeline helpers ---------------------------------------------
    def set_status(
        self,
        request_id: int,
        status: RequestStatus,
        message: str,
        *,
        job_id: int | None = None,
        level: EventLevel = EventLevel.INFO,
        **metadata: Any,
    ) -> RequestDetails:
        with self.database.session() as session:
            row = self._row(session, request_id)
            details = self._transition(session, row, status, message, job_id=job_id, level=level, **metadata)
        self._publish(details, message)
        return details

    def _transition(
        self,
        session: Session,
        row: Request,
        status: RequestStatus,
        message: str,
        *,
        job_id: int | None = None,
        level: EventLevel = EventLevel.INFO,
        **metadata: Any,
    ) -> RequestDetails:
        previous = row.status
        row.status = status.value
        row.status_message = REDACTOR.redact(message)
        if status in ENDED:
            row.completed_at = utcnow()
            row.speed_bps = row.eta_seconds = None
        if status == RequestStatus.AVAILABLE:
            row.progress = 1.0
        session.flush()
        self.queue.add_event(
            message,
            job_id=job_id,
            request_id=row.id,
            level=level,
            context="request",
            metadata={"from": previous, "to": status.value, **metadata},
            session=session,
        )
        return _details(session, row)

    def _publish(self, details: RequestDetails, message: str, kind: EventKind | None = None) -> None:
        kind = kind or STATUS_EVENTS.get(details.status)
        if kind is None:
            return
        self.events.publish(
            AppEvent(
                kind,
                title=tr("{status}: {title}").format(status=details.status_label, title=details.book.title),
                message=message,
                request_id=details.id,
                user_id=details.user_id,
                data={
                    "status": details.status.value,
                    "asin": details.book.asin,
                    "region": details.region,
                    "member_ids": list(details.member_ids),  # who joined: notified like the owner
                },
            )
        )

    def update_progress(
        self, request_id: int, progress: float, speed_bps: int | None = None, eta_seconds: int | None = None
    ) -> None:
        with self.database.session() as session:
            row = self._row(session, request_id)
            row.progress = max(0.0, min(1.0, progress))
            row.speed_bps = speed_bps
            row.eta_seconds = eta_seconds

    def increment_attempts(self, request_id: int, kind: str) -> int:
        column = ATTEMPT_COLUMNS.get(kind)
        if column is None:
            raise ValidationError(f"Unknown attempt kind '{kind}'.")
        with self.database.session() as session:
            row = self._row(session, request_id)
            setattr(row, column, getattr(row, column) + 1)
            return int(getattr(row, column))

    def reset_attempts(self, request_id: int) -> None:
        """Forget the request's search, download and import attempts (start over from scratch)."""
        with self.database.session() as session:
            row = self._row(session, request_id)
            for column in ATTEMPT_COLUMNS.values():
                setattr(row, column, 0)
            row.next_search_at = None
            row.progress = None

    def schedule_search(self, request_id: int, at: datetime) -> None:
        """When the scheduled retry may search for the request again."""
        with self.database.session() as session:
            row = session.get(Request, request_id)
            if row is not None:
                row.next_search_at = at

    # -- creating ------------------------------------------------------------------------------
    def create(
        self,
        asin: str,
        region: str | None = None,
        *,
        user: UserInfo | None = None,
        with_ebook: bool = False,
        ebook_only: bool = False,
        again: bool = False,
        custom_search_terms: str | None = None,
        book: CatalogBook | None = None,
        automatic: bool = False,
    ) -> RequestOutcome:
        """Request a book for ``user`` (default: the current user); ``region`` None: the default marketplace.

        ``with_ebook`` adds an ebook request to the audiobook request; ``ebook_only`` requests
        only the ebook (also "the ebook too, later" for a book whose audio is already here).
        ``again``: the user answered yes to "already in your library: request it again (another
        edition or narration)?" ``automatic``: an automation asks (a watch, a shelf, the wishlist):
        a book on the user's ignore list is refused with :class:`IgnoredBookError`."""
        user = user or self.users.current()
        if not self.users.has_permission(user, Permission.REQUEST):
            raise PermissionDeniedError(f"{user.label} may not make requests.")
        asin = asin.strip().upper()
        book = book or self.lookup(asin, region)
        admission = self._admission(user)
        kind = RequestKind.EBOOK if ebook_only else RequestKind.AUDIOBOOK
        return retry_on_conflict(
            lambda: self._create(
                book,
                user,
                admission,
                kind=kind,
                with_ebook=with_ebook and not ebook_only,
                terms=custom_search_terms,
                again=again,
                automatic=automatic,
            )
        )

    def _create(
        self,
        book: CatalogBook,
        user: UserInfo,
        admission: Admission,
        *,
        kind: RequestKind,
        with_ebook: bool,
        terms: str | None,
        again: bool,
        automatic: bool,
    ) -> RequestOutcome:
        with self.database.session() as session:
            audiobook = track_catalog_book(session, book)
            if automatic and is_ignored(session, user.id, book.asin, book.region):
                raise IgnoredBookError(tr("“{title}” is on your ignore list.").format(title=audiobook.title))
            if not again:  # "again": the user said yes to requesting an owned book once more
                refuse = self._refuse_owned_ebook if kind == RequestKind.EBOOK else self._refuse_owned
                refuse(session, audiobook)
            existing = self._existing(session, audiobook, kind, again=again)
            if existing is not None:
                outcome = self._join_or_refuse(session, existing, user, book)
                if outcome is not None:
                    return outcome
            row, status, message = self._new_request(session, audiobook, user, kind, None, admission, terms)
            ebook_row = None
            if with_ebook:
                ebook_row, _, _ = self._new_request(
                    session, audiobook, user, RequestKind.EBOOK, row.id, admission, terms
                )
            details = _details(session, row)
            ebook = _details(session, ebook_row) if ebook_row is not None else None
        self._publish(details, message, EventKind.REQUEST_CREATED)
        if status == RequestStatus.AWAITING_APPROVAL:  # the admins' notification: who asks for what
            self._publish(
                details,
                tr("{user} asked for “{title}”; it waits for an administrator to approve or deny it.").format(
                    user=user.label, title=book.title
                ),
            )
        return RequestOutcome(details, ebook=ebook)

    def _edition_ids(self, session: Session, audiobook: Audiobook) -> tuple[builtins.list[int], set[str]]:
        """Audiobook ids and ASINs of every edition of the same work (the book itself included)."""
        keys = {(audiobook.asin, audiobook.region)}
        if audiobook.work_id is not None:
            keys.update(
                session.execute(
                    select(WorkAsin.asin, WorkAsin.region).where(WorkAsin.work_id == audiobook.work_id)
                )
            )
        ids = {audiobook.id}
        ids.update(
            session.scalars(select(Audiobook.id).where(tuple_(Audiobook.asin, Audiobook.region).in_(keys)))
        )
        if audiobook.work_id is not None:
            ids.update(session.scalars(select(Audiobook.id).where(Audiobook.work_id == audiobook.work_id)))
        return sorted(ids), {asin for asin, _ in keys if asin}

    def _refuse_owned(self, session: Session, audiobook: Audiobook) -> None:
        ids, asins = self._edition_ids(session, audiobook)
        owned = session.scalar(select(LibraryItem.id).where(LibraryItem.asin.in_(asins)).limit(1))
        owned = owned or session.scalar(
            select(Audiobook.id).where(Audiobook.id.in_(ids), Audiobook.library_path.is_not(None)).limit(1)
        )
        if owned:
            raise AlreadyInLibraryError(f"'{audiobook.title}' is already in your library.")

    def _refuse_owned_ebook(self, session: Session, audiobook: Audiobook) -> None:
        ids, asins = self._edition_ids(session, audiobook)
        owned = session.scalar(
            select(Audiobook.id).where(Audiobook.id.in_(ids), Audiobook.ebook_path.is_not(None)).limit(1)
        )
        formats = session.scalars(
            select(LibraryItem.ebook_formats).where(
                LibraryItem.asin.in_(asins) | LibraryItem.audiobook_id.in_(ids)
            )
        )
        if owned or any(formats):
            raise AlreadyInLibraryError(f"The ebook of '{audiobook.title}' is already in your library.")

    def _existing(
        self, session: Session, audiobook: Audiobook, kind: RequestKind, *, again: bool = False
    ) -> Request | None:
        """The open request of the book (any edition); ``again`` passes over available ones."""
        ids, _ = self._edition_ids(session, audiobook)
        ended = REOPENABLE_STATUSES | ({RequestStatus.AVAILABLE} if again else set())
        return session.scalar(
            select(Request)
            .where(
                Request.audiobook_id.in_(ids),
                Request.kind == kind.value,
                Request.deleted_at.is_(None),
                Request.status.not_in([s.value for s in ended]),
            )
            .order_by(Request.id.desc())
            .limit(1)
        )

    def _join_or_refuse(
        self, session: Session, existing: Request, user: UserInfo, book: CatalogBook
    ) -> RequestOutcome | None:
        members = set(
            session.scalars(select(RequestMember.user_id).where(RequestMember.request_id == existing.id))
        )
        label = _status_label(existing)
        same_edition = (
            session.scalar(select(Audiobook.asin).where(Audiobook.id == existing.audiobook_id)) == book.asin
        )
        if existing.user_id == user.id or user.id in members:
            raise DuplicateRequestError(
                (
                    tr(
                        "You already requested this book (“{title}”); that request is “{status}” (request {id})."
                    )
                    if same_edition
                    else tr(
                        "You already requested another edition of this book (“{title}”); "
                        "that request is “{status}” (request {id})."
                    )
                ).format(title=book.title, status=label, id=existing.id)
            )
        if RequestStatus(existing.status) == RequestStatus.AVAILABLE:
            raise AlreadyInLibraryError(
                tr("“{title}” is already available in the library.").format(title=book.title)
            )
        session.add(RequestMember(request_id=existing.id, user_id=user.id, joined_at=utcnow()))
        self.queue.add_event(
            tr("{user} joined this request").format(user=user.label),
            request_id=existing.id,
            context="request",
            metadata={"user_id": user.id},
            session=session,
        )
        session.flush()
        return RequestOutcome(_details(session, existing), joined=True)

    def _new_request(
        self,
        session: Session,
        audiobook: Audiobook,
        user: UserInfo,
        kind: RequestKind,
        parent_id: int | None,
        admission: Admission,
        custom_search_terms: str | None,
    ) -> tuple[Request, RequestStatus, str]:
        # An ended request of this user for this book is replaced (hidden, history kept).
        session.execute(
            update(Request)
            .where(
                Request.audiobook_id == audiobook.id,
                Request.user_id == user.id,
                Request.kind == kind.value,
                Request.deleted_at.is_(None),
                Request.status.in_([s.value for s in REOPENABLE_STATUSES]),
            )
            .values(deleted_at=utcnow())
        )
        row = Request(
            audiobook_id=audiobook.id,
            user_id=user.id,
            kind=kind.value,
            parent_id=parent_id,
            region=audiobook.region,
            custom_search_terms=(custom_search_terms or "").strip()[:500] or None,
            status=RequestStatus.PENDING.value,
        )
        session.add(row)
        session.flush()
        self.queue.add_event(
            (
                tr("{user} requested the ebook “{title}”")
                if kind == RequestKind.EBOOK
                else tr("{user} requested the audiobook “{title}”")
            ).format(user=user.label, title=audiobook.title),
            request_id=row.id,
            context="request",
            metadata={"user_id": user.id, "asin": audiobook.asin, "region": audiobook.region},
            session=session,
        )
        if parent_id is None:  # an ebook added to an audiobook request goes with it
            free_at = self._limit_free_at(session, user.id, admission.limits)
            if free_at is not None:
                message = tr("Over the request limit; goes ahead after {time} UTC").format(
                    time=f"{free_at:%Y-%m-%d %H:%M}"
                )
                self._transition(
                    session, row, RequestStatus.AWAITING_LIMIT, message, free_at=free_at.isoformat()
                )
                return row, RequestStatus.AWAITING_LIMIT, message
            row.limit_counted_at = self.clock()
        elif _waits_for_limit(session, parent_id):
            message = tr("Waits with its audiobook request for the request limit")
            self._transition(session, row, RequestStatus.AWAITING_LIMIT, message)
            return row, RequestStatus.AWAITING_LIMIT, message
        return self._go_ahead(session, row, audiobook, admission.needs_approval)

    def _go_ahead(
        self, session: Session, row: Request, audiobook: Audiobook, needs_approval: bool
    ) -> tuple[Request, RequestStatus, str]:
        if needs_approval:
            message = tr("Waiting for an administrator to approve")
            self._transition(session, row, RequestStatus.AWAITING_APPROVAL, message)
            return row, RequestStatus.AWAITING_APPROVAL, message
        status, message = self._start(session, row, audiobook, tr("Approved automatically"))
        return row, status, message

    def _start(
        self, session: Session, row: Request, audiobook: Audiobook, why: str
    ) -> tuple[RequestStatus, str]:
        """After approval: wait for the release day, or queue the search."""
        if audiobook.release_date is not None and audiobook.release_date > self.today():
            message = tr("{reason}; waiting for the release on {date}").format(
                reason=why, date=audiobook.release_date.isoformat()
            )
            self._transition(
                session,
                row,
                RequestStatus.AWAITING_RELEASE,
                message,
                release_date=audiobook.release_date.isoformat(),
            )
            return RequestStatus.AWAITING_RELEASE, message
        message = tr("{reason}; waiting for the search").format(reason=why)
        self._transition(session, row, RequestStatus.AWAITING_SEARCH, message)
        self._enqueue_search(session, row)
        return RequestStatus.AWAITING_SEARCH, message

    def _enqueue_search(self, session: Session, row: Request) -> int:
        return self.queue.enqueue(
            JobType.REQUESTS_SEARCH, RequestPayload(row.id), request_id=row.id, session=session
        )

    # -- approval ------------------------------------------------------------------------------
    def approve(self, request_id: int, note: str = "", *, admin: UserInfo | None = None) -> RequestDetails:
        admin = self.users.require_admin(
            admin or self.users.current(), tr("Only an administrator can approve requests.")
        )
        with self.database.session() as session:
            row = self._row(session, request_id)
            self._expect(
                row,
                {RequestStatus.AWAITING_APPROVAL},
                tr("This request is “{status}”; it cannot be approved now."),
            )
            row.approval_note = note.strip() or None
            row.approved_by_id = admin.id
            audiobook = session.get(Audiobook, row.audiobook_id)
            assert audiobook is not None
            _, message = self._start(
                session,
                row,
                audiobook,
                _by_admin(tr("Approved by {admin}"), tr("Approved by {admin}: {note}"), admin.label, note),
            )
            for child in session.scalars(select(Request).where(Request.parent_id == row.id)):
                if child.status == RequestStatus.AWAITING_APPROVAL.value:
                    self._start(
                        session, child, audiobook, tr("Approved by {admin}").format(admin=admin.label)
                    )
            details = _details(session, row)
        self._publish(details, message, EventKind.REQUEST_APPROVED)
        return details

    def deny(self, request_id: int, note: str = "", *, admin: UserInfo | None = None) -> RequestDetails:
        admin = self.users.require_admin(
            admin or self.users.current(), tr("Only an administrator can deny requests.")
        )
        with self.database.session() as session:
            row = self._row(session, request_id)
            self._expect(
                row,
                {RequestStatus.AWAITING_APPROVAL},
                tr("This request is “{status}”; it cannot be denied now."),
            )
            row.approval_note = note.strip() or None
            row.approved_by_id = admin.id
            message = _by_admin(tr("Denied by {admin}"), tr("Denied by {admin}: {note}"), admin.label, note)
            details = self._transition(session, row, RequestStatus.DENIED, message)
            for child in session.scalars(select(Request).where(Request.parent_id == row.id)):
                self._transition(session, child, RequestStatus.DENIED, message)
        self._publish(details, message)
        return details

    def decide(
        self, request_ids: Iterable[int], approve: bool, note: str = "", *, admin: UserInfo | None = None
    ) -> builtins.list[Decision]:
        """Approve (or deny) several requests with one note, each on its own: one that cannot be
        decided (already decided elsewhere, deleted) is reported and the others go on. The admin's
        rights are read again for each one."""
        admin = admin or self.users.current()
        act = self.approve if approve else self.deny
        decisions = []
        for request_id in dict.fromkeys(request_ids):
            try:
                decisions.append(Decision(request_id, act(request_id, note, admin=admin)))
            except RmabError as exc:
                decisions.append(Decision(request_id, error=exc.user_message))
        return decisions

    def awaiting_approval_count(self) -> int:
        """Requests an administrator has to decide (an ebook follows its audiobook's decision)."""
        with self.database.session() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Request)
                    .where(
                        Request.status == RequestStatus.AWAITING_APPROVAL.value,
                        Request.deleted_at.is_(None),
                        Request.parent_id.is_(None),
                    )
                )
                or 0
            )

    @staticmethod
    def _expect(row: Request, allowed: set[RequestStatus] | frozenset[RequestStatus], refusal: str) -> None:
        """``refusal`` names the request's current status as ``{status}``."""
        if RequestStatus(row.status) not in allowed:
            raise InvalidTransitionError(refusal.format(status=_status_label(row)))

    @staticmethod
    def _require_owner_or_admin(row: Request, user: UserInfo, refusal: str) -> None:
        if user.is_admin or row.user_id == user.id:
            return
        raise PermissionDeniedError(refusal)

    # -- cancel, retry, delete, custom terms ---------------------------------------------------
    def _stop_jobs(self, session: Session, request_id: int) -> builtins.list[int]:
        return list(
            session.scalars(
                select(JobRecord.id).where(
                    JobRecord.request_id == request_id,
                    JobRecord.status.in_([JobStatus.QUEUED.value, JobStatus.ACTIVE.value]),
                )
            )
        )

    def cancel(self, request_id: int, *, user: UserInfo | None = None) -> RequestDetails:
        user = user or self.users.current()
        with self.database.session() as session:
            row = self._row(session, request_id)
            self._require_owner_or_admin(
                row, user, tr("Only the person who made this request or an administrator can cancel it.")
            )
            self._expect(
                row, CANCELLABLE_STATUSES, tr("This request is “{status}”; it cannot be cancelled now.")
            )
            jobs = self._stop_jobs(session, request_id)
            details = self._transition(
                session, row, RequestStatus.CANCELLED, tr("Cancelled by {user}").format(user=user.label)
            )
        for job_id in jobs:
            self.queue.cancel(job_id)
        return details

    def retry(self, request_id: int, *, user: UserInfo | None = None) -> RequestDetails:
        """Search again now (failed, needs attention, cancelled, or still waiting for a search)."""
        user = user or self.users.current()
        with self.database.session() as session:
            row = self._row(session, request_id)
            self._require_owner_or_admin(
                row, user, tr("Only the person who made this request or an administrator can retry it.")
            )
            self._expect(
                row,
                RETRYABLE_STATUSES | {RequestStatus.AWAITING_RELEASE},
                tr("This request is “{status}”; it cannot be retried now."),
            )
            pending = self._stop_jobs(session, request_id)
            details = self._transition(
                session,
                row,
                RequestStatus.AWAITING_SEARCH,
                tr("Search again, asked by {user}").format(user=user.label),
            )
            if not pending:
                self._enqueue_search(session, row)
        return details

    def delete(self, request_id: int, *, user: UserInfo | None = None) -> None:
        """Hide the request (soft delete) and stop its jobs; the files are the library's business."""
        user = user or self.users.current()
        with self.database.session() as session:
            row = self._row(session, request_id)
            self._require_owner_or_admin(
                row, user, tr("Only the person who made this request or an administrator can delete it.")
            )
            jobs = self._stop_jobs(session, request_id)
            now = utcnow()
            for target in [row, *session.scalars(select(Request).where(Request.parent_id == row.id))]:
                target.deleted_at = now
            self.queue.add_event(
                tr("Deleted by {user}").format(user=user.label),
                request_id=row.id,
                context="request",
                session=session,
            )
        for job_id in jobs:
            self.queue.cancel(job_id)

    def set_custom_terms(self, request_id: int, terms: str | None) -> RequestDetails:
        with self.database.session() as session:
            row = self._row(session, request_id)
            row.custom_search_terms = (terms or "").strip()[:500] or None
            self.queue.add_event(
                tr("Search terms set to “{terms}”").format(terms=row.custom_search_terms)
                if row.custom_search_terms
                else tr("Search terms reset"),
                request_id=row.id,
                context="request",
                session=session,
            )
            return _details(session, row)

    # -- moving over from another app ----------------------------------------------------------
    def import_request(
        self,
        audiobook_id: int,
        user_id: int | None,
        status: RequestStatus,
        note: str,
        *,
        kind: RequestKind = RequestKind.AUDIOBOOK,
        parent_id: int | None = None,
        custom_search_terms: str | None = None,
        created_at: datetime | None = None,
        completed_at: datetime | None = None,
    ) -> int:
        """A request brought over from another app as it stood there: no approval, search or notification.

        ``note`` (where it came from, what it was) is its first timeline entry. A request waiting
        for its search is searched by the scheduled retry, like any other waiting request.
        """
        with self.database.session() as session:
            row = Request(
                audiobook_id=audiobook_id,
                user_id=user_id,
                kind=kind.value,
                parent_id=parent_id,
                region=session.scalar(select(Audiobook.region).where(Audiobook.id == audiobook_id)) or "us",
                custom_search_terms=(custom_search_terms or "").strip()[:500] or None,
                status=status.value,
                status_message=REDACTOR.redact(note),
                progress=1.0 if status == RequestStatus.AVAILABLE else None,
                completed_at=completed_at if status in ENDED else None,
            )
            if created_at is not None:
                row.created_at = created_at
            session.add(row)
            session.flush()
            self.queue.add_event(
                note, request_id=row.id, context="request", metadata={"to": status.value}, session=session
            )
            return row.id

    # -- a removed user's requests ---------------------------------------------------------------
    def reassign_user(self, from_user_id: int, to_user_id: int) -> int:
        """Give every request of a removed user to another (they stay, with their history);
        returns how many moved. Where the new owner had joined such a request, they now own it."""
        with self.database.session() as session:
            moved = session.execute(
                update(Request).where(Request.user_id == from_user_id).values(user_id=to_user_id)
            )
            owned = select(Request.id).where(Request.user_id == to_user_id)
            joined = select(RequestMember.request_id).where(RequestMember.user_id == to_user_id)
            session.execute(  # memberships the new owner has already (as owner or member)
                delete(RequestMember).where(
                    RequestMember.user_id == from_user_id,
                    RequestMember.request_id.in_(owned) | RequestMember.request_id.in_(joined),
                )
            )
            session.execute(
                delete(RequestMember).where(
                    RequestMember.user_id == to_user_id, RequestMember.request_id.in_(owned)
                )
            )
            session.execute(
                update(RequestMember).where(RequestMember.user_id == from_user_id).values(user_id=to_user_id)
            )
            return int(cast(CursorResult[Any], moved).rowcount or 0)

    # -- request limits --------------------------------------------------------------------------
    def _admission(self, user: UserInfo) -> Admission:
        """What a new request of the user goes through (read before the request's transaction)."""
        return Admission(
            not self.users.has_permission(user, Permission.AUTO_APPROVE), self.users.limits_for(user)
        )

    def _limit_free_at(self, session: Session, user_id: int, limits: RequestLimits | None) -> datetime | None:
        """When the user's next request may go ahead, or None when it may now."""
        if limits is None:
            return None
        now = self.clock()
        free_at: datetime | None = None
        for size, window in ((limits.per_day, timedelta(days=1)), (limits.per_week, timedelta(days=7))):
            if size is None:
                continue
            counted = [
                at
                for at in session.scalars(
                    select(Request.limit_counted_at)
                    .where(
                        Request.user_id == user_id,
                        Request.parent_id.is_(None),
                        Request.limit_counted_at > now - window,
                    )
                    .order_by(Request.limit_counted_at)
                )
                if at is not None
            ]
            if len(counted) >= size:
                at = counted[len(counted) - size] + window  # the oldest that must leave the window
                free_at = at if free_at is None else max(free_at, at)
        return free_at

    def release_limited(self) -> builtins.list[int]:
        """Let requests waiting for their user's limit go ahead, oldest first, as the windows allow."""
        released: list[int] = []
        with self.database.session() as session:
            waiting = session.execute(
                select(Request.id, Request.user_id)
                .where(
                    Request.status == RequestStatus.AWAITING_LIMIT.value,
                    Request.parent_id.is_(None),
                    Request.deleted_at.is_(None),
                )
                .order_by(Request.id)
            ).all()
        admissions = {
            uid: self._admission(self.users.get(uid)) for uid in {u for _, u in waiting if u is not None}
        }
        for request_id, user_id in waiting:
            if user_id is None:
                continue
            admission = admissions[user_id]
            with self.database.session() as session:
                row = self._row(session, request_id)
                if row.status != RequestStatus.AWAITING_LIMIT.value:
                    continue
                if self._limit_free_at(session, user_id, admission.limits) is not None:
                    continue
                row.limit_counted_at = self.clock()
                audiobook = session.get(Audiobook, row.audiobook_id)
                assert audiobook is not None
                children = session.scalars(
                    select(Request).where(
                        Request.parent_id == row.id, Request.status == RequestStatus.AWAITING_LIMIT.value
                    )
                ).all()
                for request in (row, *children):
                    self._go_ahead(session, request, audiobook, admission.needs_approval)
            released.append(request_id)
        return released

    # -- release day ---------------------------------------------------------------------------
    def release_due(self) -> builtins.list[int]:
        """Move requests whose book is out today from awaiting_release to the search."""
        today = self.today()
        started: list[int] = []
        with self.database.session() as session:
            rows = session.execute(
                select(Request, Audiobook)
                .join(Audiobook, Audiobook.id == Request.audiobook_id)
                .where(Request.status == RequestStatus.AWAITING_RELEASE.value, Request.deleted_at.is_(None))
            ).all()
            for row, audiobook in rows:
                if audiobook.release_date is None or audiobook.release_date <= today:
                    self._start(session, row, audiobook, tr("Released"))
                    started.append(row.id)
        return started

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for details in self.list():
            counts[details.status.value] = counts.get(details.status.value, 0) + 1
        return counts
