"""Typed, versioned job payloads: what an enqueue writes and a handler reads back.

Each job type has one frozen dataclass deriving from :class:`JobPayload`, all of them in this
module (a payload is written by one feature and read by another: the request journey crosses
requests, pipeline and organize), and :data:`PAYLOADS` says which one each type carries. The stored JSON carries ``"v"``; a payload stored by an older
version (no ``"v"``: version 1) is brought forward by :meth:`JobPayload.upgrade`, and one from a
newer version or of the wrong shape fails with a worded :class:`JobPayloadError` instead of a
``KeyError`` in a handler. Unknown keys are ignored, so an older payload with extra keys runs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, Self, TypeVar

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.jobs import JobType


class JobPayloadError(RmabError):
    """A stored payload cannot be read: wrong shape, or written by a newer version of the app."""


@dataclasses.dataclass(frozen=True)
class JobPayload:
    VERSION: ClassVar[int] = 1

    def to_json(self) -> dict[str, Any]:
        """The stored form: JSON types only (datetimes as ISO text), with the version."""
        return {"v": self.VERSION, **_adapter(type(self)).dump_python(self, mode="json")}

    @classmethod
    def upgrade(cls, fields: dict[str, Any], version: int) -> dict[str, Any]:
        """Bring the fields of a ``version`` payload up to :attr:`VERSION` (override on a bump)."""
        return fields

    @classmethod
    def from_json(cls, data: Any) -> Self:
        if not isinstance(data, Mapping):
            raise JobPayloadError(
                f"The job's details are not readable ({type(data).__name__} instead of an object).",
                hint="Cancel the job and start the action again.",
            )
        fields = dict(data)
        version = fields.pop("v", 1)  # payloads from before versioning are version 1
        if not isinstance(version, int) or version > cls.VERSION:
            raise JobPayloadError(
                f"This job was saved by a newer version of the app (details version {version!r}).",
                hint="Update the app, or cancel the job and start the action again.",
            )
        if version < cls.VERSION:
            fields = cls.upgrade(fields, version)
        try:
            return _adapter(cls).validate_python(fields)
        except PydanticValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc']) or 'payload'}: {error['msg']}"
                for error in exc.errors()
            )
            raise JobPayloadError(
                f"The job's details are not valid: {problems}.",
                hint="Cancel the job and start the action again.",
            ) from None


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}
_T = TypeVar("_T")


def _adapter(cls: type[_T]) -> TypeAdapter[_T]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


@dataclasses.dataclass(frozen=True)
class NoPayload(JobPayload):
    """For jobs that need no details (scheduled sweeps)."""


@dataclasses.dataclass(frozen=True)
class DiagnosticWaitPayload(JobPayload):
    seconds: float = 5.0


@dataclasses.dataclass(frozen=True)
class RequestPayload(JobPayload):
    """A job about one request (``requests.search``)."""

    request_id: int


@dataclasses.dataclass(frozen=True)
class GrabPayload(JobPayload):
    """Candidates are ranked releases as JSON (``services/pipeline/candidates.py``), best first."""

    request_id: int
    candidates: tuple[dict[str, Any], ...] = ()
    manual: bool = False  # the user's own choice: grabbed even when blocklisted


@dataclasses.dataclass(frozen=True)
class MonitorPayload(JobPayload):
    """One poll of a download; each poll enqueues the next with the state carried forward."""

    request_id: int
    download_history_id: int
    release: dict[str, Any]
    started_at: datetime
    last_change_at: datetime
    candidates: tuple[dict[str, Any], ...] = ()
    last_progress: float = 0.0
    previous_job_id: int | None = None
    unreachable_since: datetime | None = None
    unreachable_polls: int = 0
    logged_step: int = 0
    path_checks: int = 0


@dataclasses.dataclass(frozen=True)
class OrganizePayload(JobPayload):
    """Where the finished download is: its path, or the download history row that knows it."""

    request_id: int
    download_history_id: int | None = None
    download_path: str = ""
    manual: bool = False  # files the user chose by hand: imported without the wrong-content check


@dataclasses.dataclass(frozen=True)
class UrlImportPayload(JobPayload):
    """A link whose audio becomes a book; ``title``/``author`` replace the page's own."""

    url: str
    title: str | None = None
    author: str | None = None


@dataclasses.dataclass(frozen=True)
class NotificationPayload(JobPayload):
    backend_id: int
    title: str
    body: str
    notify_type: str = "info"
    event: str = ""
    request_id: int | None = None


@dataclasses.dataclass(frozen=True)
class ShelvesSyncPayload(JobPayload):
    """One reading shelf, or (``shelf_id`` None) every shelf that is not paused."""

    shelf_id: int | None = None


@dataclasses.dataclass(frozen=True)
class AudibleSyncPayload(JobPayload):
    """Sync the signed-in Audible library and wishlist; ``region`` empty: the default marketplace."""

    region: str = ""
    full: bool = False  # the whole library, not only purchases since the last sync


@dataclasses.dataclass(frozen=True)
class WatchCheckPayload(JobPayload):
    """Check one watched author or series, or (``watch_id`` None) every watch that is not paused."""

    watch_id: int | None = None


@dataclasses.dataclass(frozen=True)
class RssPollPayload(JobPayload):
    """Poll one indexer feed (``feed_key``), or every feed when None."""

    feed_key: str | None = None


# What each job type carries: the queue checks every enqueue against it, the job handlers check
# each feature's JobSpec, and ``rmab jobs enqueue`` reads a typed payload through it.
PAYLOADS: dict[JobType, type[JobPayload]] = {
    JobType.CATALOG_REFRESH: NoPayload,
    JobType.LIBRARY_SYNC: NoPayload,
    JobType.LIBRARY_RECENT: NoPayload,
    JobType.REQUESTS_SEARCH: RequestPayload,
    JobType.REQUESTS_GRAB: GrabPayload,
    JobType.REQUESTS_MONITOR: MonitorPayload,
    JobType.REQUESTS_ORGANIZE: OrganizePayload,
    JobType.REQUESTS_RETRY_MISSING: NoPayload,
    JobType.REQUESTS_RELEASE_CHECK: NoPayload,
    JobType.IMPORTS_RETRY_FAILED: NoPayload,
    JobType.DOWNLOADS_CLEANUP: NoPayload,
    JobType.NOTIFICATIONS_DELIVER: NotificationPayload,
    JobType.HEALTH_CHECK: NoPayload,
    JobType.MAINTENANCE_PRUNE_HISTORY: NoPayload,
    JobType.DIAGNOSTICS_WAIT: DiagnosticWaitPayload,
    JobType.SHELVES_SYNC: ShelvesSyncPayload,
    JobType.AUDIBLE_SYNC: AudibleSyncPayload,
    JobType.URL_IMPORT: UrlImportPayload,
    JobType.WATCHING_CHECK: WatchCheckPayload,
    JobType.RSS_POLL: RssPollPayload,
}
