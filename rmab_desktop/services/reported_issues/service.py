"""ProblemReports: users report a problem with a book in the library; admins dismiss or replace.

Replacing blocks the release that brought the book (for that book only), removes what the app's
import placed (files it did not import stay, and library servers drop their entries without
deleting any file), and sends the *same* request back to the search: its requester keeps it.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, DownloadHistory, ReportedIssue, Request, User, utcnow
from rmab_desktop.domain.enums import EventLevel, RequestStatus
from rmab_desktop.domain.errors import NotFoundError, RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.job_payloads import RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.reported_issues import (
    NOTE_LIMIT,
    STATUS_LABELS,
    ProblemKind,
    ProblemStatus,
    Replacement,
    ReportedProblem,
)
from rmab_desktop.domain.requests import InvalidTransitionError, UserInfo
from rmab_desktop.services.downloads.blocklist import BlocklistService
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.rescue import RequestRescue

tr = Translator("ReportedProblems")

CONTEXT = "reported_problem"  # job events on the request's timeline
GRABBED = ("downloading", "completed", "grabbed")  # history rows whose release may be the bad one


class LibraryServer(Protocol):
    def forget_on_server(self, audiobook_id: int, folders: list[str]) -> int: ...


def _problem(session: Session, row: ReportedIssue) -> ReportedProblem:
    book = session.get(Audiobook, row.audiobook_id)
    assert book is not None
    request = session.get(Request, row.request_id) if row.request_id else None

    def name(user_id: int | None) -> str:
        if user_id is None:
            return ""
        user = session.get(User, user_id)
        return (user.display_name or user.username) if user is not None else ""

    return ReportedProblem(
        id=row.id,
        request_id=row.request_id,
        audiobook_id=row.audiobook_id,
        asin=book.asin or "",
        title=book.title,
        kind=ProblemKind(row.kind) if row.kind in ProblemKind._value2member_map_ else ProblemKind.OTHER,
        note=row.description,
        status=ProblemStatus(row.status),
        reporter_id=row.reporter_id,
        reporter=name(row.reporter_id),
        requester=name(request.user_id if request is not None else None),
        created_at=row.created_at,
        resolution_note=row.resolution_note,
        resolved_at=row.resolved_at,
    )


class ProblemReports:
    def __init__(
        self,
        database: Database,
        queue: JobQueue,
        events: EventBus,
        users: UserService,
        requests: RequestService,
        rescue: RequestRescue,
        blocklist: BlocklistService,
        library: LibraryServer,
    ) -> None:
        """``library`` takes a replaced book out of Plex or Audiobookshelf (files stay)."""
        self.database = database
        self.queue = queue
        self.events = events
        self.users = users
        self.requests = requests
        self.rescue = rescue
        self.blocklist = blocklist
        self.library = library

    # -- reporting -------------------------------------------------------------------------------
    def report(
        self,
        target: int | str,
        kind: ProblemKind,
        note: str = "",
        *,
        user: UserInfo | None = None,
    ) -> ReportedProblem:
        """Report a problem with an available book: ``target`` is its request id or its ASIN."""
        user = user or self.users.current()
        note = " ".join(note.split())
        if len(note) > NOTE_LIMIT:
            raise ValidationError(
                tr("The note is {count} characters long; at most {limit} fit.").format(
                    count=len(note), limit=NOTE_LIMIT
                ),
                hint=tr("Shorten the note."),
            )
        with self.database.session() as session:
            request = self._available_request(session, target)
            duplicate = session.scalar(
                select(ReportedIssue.id).where(
                    ReportedIssue.request_id == request.id,
                    ReportedIssue.reporter_id == user.id,
                    ReportedIssue.status == ProblemStatus.OPEN.value,
                )
            )
            if duplicate is not None:
                raise ValidationError(
                    tr("You already reported a problem with this book (report {id}).").format(id=duplicate),
                    hint=tr("An administrator looks at it soon; it stays open until then."),
                )
            row = ReportedIssue(
                audiobook_id=request.audiobook_id,
                request_id=request.id,
                reporter_id=user.id,
                kind=kind.value,
                description=note,
                status=ProblemStatus.OPEN.value,
            )
            session.add(row)
            session.flush()
            problem = _problem(session, row)
            message = tr("{user} reported a problem: {kind}").format(user=user.label, kind=problem.kind_label)
            self.queue.add_event(
                f"{message}. {note}" if note else message,
                request_id=request.id,
                level=EventLevel.WARNING,
                context=CONTEXT,
                metadata={"problem_id": row.id, "kind": kind.value},
                session=session,
            )
        self.events.publish(
            AppEvent(
                EventKind.ISSUE_REPORTED,
                title=tr("Problem reported: {title}").format(title=problem.title),
                message=f"{message}\n{note}" if note else message,
                request_id=problem.request_id,
                user_id=user.id,
                data={"asin": problem.asin, "kind": kind.value, "problem_id": problem.id},
            )
        )
        return problem

    def _available_request(self, session: Session, target: int | str) -> Request:
        if isinstance(target, int) or str(target).isdigit():
            request = session.get(Request, int(target))
            if request is None or request.deleted_at is not None:
                raise NotFoundError(tr("Request {id} does not exist.").format(id=target))
        else:
            asin = str(target).strip().upper()
            request = session.scalar(
                select(Request)
                .join(Audiobook, Audiobook.id == Request.audiobook_id)
                .where(
                    Audiobook.asin == asin,
                    Request.deleted_at.is_(None),
                    Request.status == RequestStatus.AVAILABLE.value,
                )
                .order_by(Request.id.desc())
                .limit(1)
            )
            if request is None:
                raise NotFoundError(
                    tr("No book with the ASIN {asin} is available in the library.").format(asin=asin),
                    hint=tr("Report problems with books the app brought into the library."),
                )
        if request.status != RequestStatus.AVAILABLE.value:
            raise InvalidTransitionError(
                tr("Only a book that is available in the library can have a problem reported."),
                hint=tr("Follow the request on the Requests page until it arrives."),
            )
        return request

    # -- reading ---------------------------------------------------------------------------------
    def list(self, *, open_only: bool = False, reporter_id: int | None = None) -> list[ReportedProblem]:
        """Reports, open ones first, newest first."""
        with self.database.session() as session:
            query = select(ReportedIssue).order_by(
                (ReportedIssue.status == ProblemStatus.OPEN.value).desc(), ReportedIssue.id.desc()
            )
            if open_only:
                query = query.where(ReportedIssue.status == ProblemStatus.OPEN.value)
            if reporter_id is not None:
                query = query.where(ReportedIssue.reporter_id == reporter_id)
            return [_problem(session, row) for row in session.scalars(query)]

    def get(self, problem_id: int) -> ReportedProblem:
        with self.database.session() as session:
            return _problem(session, self._row(session, problem_id))

    def open_count(self) -> int:
        with self.database.session() as session:
            query = select(func.count()).where(ReportedIssue.status == ProblemStatus.OPEN.value)
            return int(session.scalar(query.select_from(ReportedIssue)) or 0)

    @staticmethod
    def _row(session: Session, problem_id: int) -> ReportedIssue:
        row = session.get(ReportedIssue, problem_id)
        if row is None:
            raise NotFoundError(tr("Reported problem {id} does not exist.").format(id=problem_id))
        return row

    @staticmethod
    def _require_open(row: ReportedIssue) -> None:
        if row.status != ProblemStatus.OPEN.value:
            raise InvalidTransitionError(
                tr("This report was already handled ({status}).").format(
                    status=text(STATUS_LABELS[ProblemStatus(row.status)])
                ),
                hint=tr("Refresh the list: another administrator may have handled it."),
            )

    # -- deciding --------------------------------------------------------------------------------
    def dismiss(self, problem_id: int, note: str = "", *, admin: UserInfo | None = None) -> ReportedProblem:
        admin = self.users.require_admin(
            admin or self.users.current(), tr("Only an administrator can dismiss reported problems.")
        )
        return self._close(problem_id, ProblemStatus.DISMISSED, note, admin)

    def _close(self, problem_id: int, status: ProblemStatus, note: str, admin: UserInfo) -> ReportedProblem:
        with self.database.session() as session:
            row = self._row(session, problem_id)
            self._require_open(row)
            row.status = status.value
            row.resolution_note = note.strip() or None
            row.resolved_at = utcnow()
            words = (
                tr("{admin} dismissed the reported problem") if status == ProblemStatus.DISMISSED
                else tr("{admin} replaced the reported book")
            ).format(admin=admin.label)  # fmt: skip
            self.queue.add_event(
                f"{words}: {row.resolution_note}" if row.resolution_note else words,
                request_id=row.request_id,
                context=CONTEXT,
                metadata={"problem_id": row.id, "status": status.value, "admin_id": admin.id},
                session=session,
            )
            return _problem(session, row)

    def replace(
        self,
        problem_id: int,
        note: str = "",
        *,
        admin: UserInfo | None = None,
        interactive: bool = False,
    ) -> Replacement:
        """Block the release that brought the book, remove what its import placed, and search again
        for the same request (``interactive``: an administrator picks the release instead)."""
        admin = self.users.require_admin(
            admin or self.users.current(), tr("Only an administrator can replace reported books.")
        )
        with self.database.session() as session:
            row = self._row(session, problem_id)
            self._require_open(row)
            request_id = row.request_id
            if request_id is None:
                raise NotFoundError(
                    tr("The request of this book was deleted; there is nothing to replace."),
                    hint=tr("Dismiss the report and request the book again."),
                )
            audiobook_id = row.audiobook_id
            kind_label = _problem(session, row).kind_label
            releases = session.execute(
                select(DownloadHistory.release_guid, DownloadHistory.release_title, DownloadHistory.indexer)
                .where(DownloadHistory.request_id == request_id, DownloadHistory.status.in_(GRABBED))
                .order_by(DownloadHistory.id.desc())
            ).all()
        self.requests.get(request_id)  # NotFoundError for a deleted request
        reason = tr("Reported: {kind}").format(kind=kind_label) + (
            f" ({note.strip()})" if note.strip() else ""
        )
        blocked = []
        for guid, title, indexer in releases:
            self.blocklist.add_manual(audiobook_id, title, guid=guid, indexer=indexer, reason=reason)
            blocked.append(title)
        plan, problems = self.rescue.clear_book(request_id, downloads_now=True)
        try:
            self.library.forget_on_server(audiobook_id, [str(folder) for folder in plan.folders])
        except RmabError as exc:
            problems.append(
                tr("The library server still lists the book: {error}").format(error=exc.user_message)
            )
        self.requests.reset_attempts(request_id)
        message = (
            tr("Replacing the book after a reported problem ({kind}); an administrator picks the release")
            if interactive
            else tr("Replacing the book after a reported problem ({kind}); searching again")
        ).format(kind=kind_label)
        self.requests.set_status(request_id, RequestStatus.AWAITING_SEARCH, message, level=EventLevel.WARNING)
        if not interactive:
            self.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id)
        problem = self._close(problem_id, ProblemStatus.REPLACED, note, admin)
        removed = [r.target for r in plan.removals(downloads_now=True) if r.what in ("download", "file")]
        return Replacement(
            problem,
            blocklisted=tuple(blocked),
            removed=tuple(removed),
            kept=tuple(str(path) for path in plan.kept),
            problems=tuple(problems),
            searching=not interactive,
        )
