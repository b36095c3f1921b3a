"""Requests and the users who make and approve them, as every layer sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.enums import RequestKind, RequestStatus, Role
from rmab_desktop.domain.errors import RmabError, ValidationError
from rmab_desktop.domain.i18n import Marked, Translator, text

ACTIVE_STATUSES = frozenset(
    {
        RequestStatus.PENDING,
        RequestStatus.AWAITING_APPROVAL,
        RequestStatus.AWAITING_RELEASE,
        RequestStatus.AWAITING_LIMIT,
        RequestStatus.AWAITING_SEARCH,
        RequestStatus.SEARCHING,
        RequestStatus.DOWNLOADING,
        RequestStatus.PROCESSING,
        RequestStatus.DOWNLOADED,
        RequestStatus.WARN,
    }
)
# A new request of the same user replaces an ended one in these statuses.
REOPENABLE_STATUSES = frozenset({RequestStatus.FAILED, RequestStatus.CANCELLED, RequestStatus.DENIED})
CANCELLABLE_STATUSES = frozenset(
    {
        RequestStatus.PENDING,
        RequestStatus.AWAITING_APPROVAL,
        RequestStatus.AWAITING_RELEASE,
        RequestStatus.AWAITING_LIMIT,
        RequestStatus.AWAITING_SEARCH,
        RequestStatus.SEARCHING,
        RequestStatus.DOWNLOADING,
        RequestStatus.WARN,
    }
)
RETRYABLE_STATUSES = frozenset(
    {RequestStatus.FAILED, RequestStatus.WARN, RequestStatus.CANCELLED, RequestStatus.AWAITING_SEARCH}
)
IN_PROGRESS_STATUSES = frozenset(
    {RequestStatus.SEARCHING, RequestStatus.DOWNLOADING, RequestStatus.PROCESSING, RequestStatus.DOWNLOADED}
)

_tr = Translator("RequestStatus")

# Shown through rmab_desktop.domain.i18n.text() (RequestDetails.status_label does it).
STATUS_LABELS: dict[RequestStatus, Marked] = {
    RequestStatus.PENDING: _tr.mark("Pending"),
    RequestStatus.AWAITING_APPROVAL: _tr.mark("Awaiting approval"),
    RequestStatus.DENIED: _tr.mark("Denied"),
    RequestStatus.AWAITING_RELEASE: _tr.mark("Awaiting release"),
    RequestStatus.AWAITING_LIMIT: _tr.mark("Waiting for request limit"),
    RequestStatus.AWAITING_SEARCH: _tr.mark("Awaiting search"),
    RequestStatus.SEARCHING: _tr.mark("Searching"),
    RequestStatus.DOWNLOADING: _tr.mark("Downloading"),
    RequestStatus.PROCESSING: _tr.mark("Processing"),
    RequestStatus.DOWNLOADED: _tr.mark("Downloaded"),
    RequestStatus.AVAILABLE: _tr.mark("Available"),
    RequestStatus.FAILED: _tr.mark("Failed"),
    RequestStatus.CANCELLED: _tr.mark("Cancelled"),
    RequestStatus.WARN: _tr.mark("Needs attention"),
}


class DuplicateRequestError(ValidationError):
    """The same user asked twice for one book (or one work)."""

    hint = _tr.mark("Open Requests to follow the existing request.")


class AlreadyInLibraryError(ValidationError):
    hint = _tr.mark("Open Library to listen to it, or report an issue if the files are wrong.")


class PermissionDeniedError(RmabError):
    hint = _tr.mark("Ask an administrator of this household.")


class InvalidTransitionError(ValidationError):
    hint = ""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    is_protected: bool = False
    is_active: bool = True
    preferred_region: str = "us"
    is_deleted: bool = False
    awaiting_approval: bool = False
    has_password: bool = False
    plex_linked: bool = False

    @property
    def can_sign_in(self) -> bool:
        return self.is_active and not self.is_deleted and not self.awaiting_approval

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def label(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class RequestDetails:
    id: int
    status: RequestStatus
    kind: RequestKind
    region: str
    user_id: int | None
    parent_id: int | None
    custom_search_terms: str | None
    book: BookInfo
    audiobook_id: int
    search_attempts: int
    download_attempts: int
    import_attempts: int
    progress: float | None
    speed_bps: int | None
    eta_seconds: int | None
    status_message: str | None
    created_at: datetime
    updated_at: datetime
    username: str = ""
    approval_note: str | None = None
    member_ids: tuple[int, ...] = ()
    work_id: int | None = None
    completed_at: datetime | None = None

    @property
    def status_label(self) -> str:
        label = STATUS_LABELS.get(self.status)
        return text(label) if label is not None else self.status.value

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def involves(self, user_id: int) -> bool:
        return self.user_id == user_id or user_id in self.member_ids


@dataclass(frozen=True)
class Decision:
    """One request of a bulk approval or denial: what it became, or why it could not."""

    request_id: int
    details: RequestDetails | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.details is not None


@dataclass(frozen=True)
class RequestOutcome:
    """What ``create`` did: a new request, or the user joined someone else's."""

    request: RequestDetails
    joined: bool = False
    ebook: RequestDetails | None = None

    @property
    def message(self) -> str:
        title = self.request.book.title
        if self.joined:
            return _tr(
                "'{title}' was already requested by someone else; you were added to that request."
            ).format(title=title)
        return _tr("Requested '{title}' ({status}).").format(title=title, status=self.request.status_label)
