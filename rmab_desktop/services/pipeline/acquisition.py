"""The request pipeline: search -> grab -> monitor (-> organize, by the library helper).

Each step is a job handler that writes job events and ends quickly; the monitor re-enqueues
itself with ``run_at`` a few seconds later instead of holding a worker thread. A failed, stalled
or vanished download is blocklisted for the book and the next accepted candidate is grabbed; when
none is left the request waits for a scheduled search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord, Request, utcnow
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.downloads import DownloadItem, DownloadState
from rmab_desktop.domain.enums import EventLevel, JobStatus, RequestStatus
from rmab_desktop.domain.errors import (
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
    RmabError,
    ServiceUnreachableError,
)
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import (
    GrabPayload,
    MonitorPayload,
    NoPayload,
    OrganizePayload,
    RequestPayload,
)
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import RankedRelease, Release
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.services.downloads import BlocklistService, DownloadService
from rmab_desktop.services.downloads.history import DownloadHistoryLog
from rmab_desktop.services.indexers.limits import IndexerLimitError
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.pipeline.candidates import (
    MAX_CANDIDATES,
    candidate_from_payload,
    candidate_to_payload,
    release_from_payload,
    release_to_payload,
)

if TYPE_CHECKING:
    from rmab_desktop.services.indexers.service import Kind

log = logging.getLogger(__name__)
tr = Translator("Pipeline")  # request status messages and job log lines, written in the current language

CONTEXT = "pipeline"
SEARCHABLE = frozenset({RequestStatus.AWAITING_SEARCH, RequestStatus.SEARCHING})
MAX_UNREACHABLE_BACKOFF = 300.0
# The client is down or refuses us: the release is fine, try the same one again later.
CLIENT_PROBLEMS = (ServiceUnreachableError, AuthenticationError, ConfigurationError)


class Indexers(Protocol):
    def search(
        self, book: BookInfo, kind: Kind = "audiobook", custom_terms: str | None = None
    ) -> list[Release]: ...

    def fetch_release_file(self, release: Release) -> bytes | str: ...


class Requests(Protocol):
    def get(self, request_id: int) -> RequestDetails: ...

    def set_status(
        self,
        request_id: int,
        status: RequestStatus,
        message: str,
        *,
        job_id: int | None = None,
        level: EventLevel = ...,
        **metadata: Any,
    ) -> RequestDetails: ...

    def update_progress(
        self, request_id: int, progress: float, speed_bps: int | None = None, eta_seconds: int | None = None
    ) -> None: ...

    def increment_attempts(self, request_id: int, kind: str) -> int: ...

    def schedule_search(self, request_id: int, at: datetime) -> None: ...


# (book, releases, interactive, kind): kind is the request's "audiobook" or "ebook".
Ranker = Callable[[BookInfo, list[Release], bool, str], list[RankedRelease]]


@dataclass
class PipelineDeps:
    database: Database
    queue: JobQueue
    downloads: DownloadService
    blocklist: BlocklistService
    history: DownloadHistoryLog
    requests: Requests
    indexers: Indexers
    rank: Ranker
    clock: Callable[[], datetime] = utcnow


def _seconds(since: datetime | None, now: datetime) -> float:
    return (now - since).total_seconds() if since else 0.0


class Acquisition:
    def __init__(self, deps: PipelineDeps) -> None:
        self.deps = deps

    @property
    def requests(self) -> Requests:
        return self.deps.requests

    # -- search --------------------------------------------------------------------------------
    def search(self, ctx: JobContext, payload: RequestPayload) -> dict[str, Any]:
        request_id = payload.request_id
        details = self.requests.get(request_id)
        if details.status not in SEARCHABLE:
            ctx.event(
                tr("Search skipped: the request is {status}").format(status=details.status_label),
                context=CONTEXT,
            )
            return {"skipped": details.status.value}
        self.requests.set_status(
            request_id, RequestStatus.SEARCHING, tr("Searching indexers"), job_id=ctx.job.id
        )
        self.requests.increment_attempts(request_id, "search")
        try:
            releases = self.deps.indexers.search(
                details.book, kind=details.kind.value, custom_terms=details.custom_search_terms
            )
        except RmabError as exc:
            self._wait_for_search(ctx, details, tr("Search failed: {error}").format(error=exc.user_message))
            return {"error": exc.user_message}
        ranked = self.deps.rank(details.book, releases, False, details.kind.value)
        guids, hashes = self.deps.blocklist.blocked_keys(details.audiobook_id)
        blocked = [
            r for r in ranked if r.release.guid in guids or (r.release.infohash or "").lower() in hashes
        ]
        candidates = [r for r in ranked if r.accepted and r not in blocked][:MAX_CANDIDATES]
        ctx.event(
            tr("{results}, {accepted} accepted, {blocked} blocklisted").format(
                results=tr.n("%n result(s)", len(releases)),
                accepted=sum(r.accepted for r in ranked),
                blocked=len(blocked),
            ),
            context=CONTEXT,
            results=[r.to_json() for r in ranked[:25]],
        )
        if not candidates:
            self._wait_for_search(ctx, details, tr("No acceptable release found"))
            return {"results": len(releases), "candidates": 0}
        self.enqueue_grab(request_id, candidates)
        return {"results": len(releases), "candidates": len(candidates)}

    def enqueue_grab(self, request_id: int, candidates: list[RankedRelease], *, manual: bool = False) -> int:
        payload = GrabPayload(request_id, tuple(candidate_to_payload(c) for c in candidates), manual)
        return self.deps.queue.enqueue(JobType.REQUESTS_GRAB, payload, request_id=request_id, priority=5)

    def _wait_for_search(self, ctx: JobContext, details: RequestDetails, why: str) -> None:
        hours = self.deps.downloads.settings().retry_search_hours
        next_at = self.deps.clock() + timedelta(hours=hours)
        self.requests.schedule_search(details.id, next_at)
        self.requests.set_status(
            details.id,
            RequestStatus.AWAITING_SEARCH,
            tr("{reason}; searching again after {time} UTC").format(
                reason=why, time=f"{next_at:%Y-%m-%d %H:%M}"
            ),
            job_id=ctx.job.id,
            level=EventLevel.WARNING,
            next_search_at=next_at.isoformat(),
        )

    # -- grab ----------------------------------------------------------------------------------
    def grab(self, ctx: JobContext, payload: GrabPayload) -> dict[str, Any]:
        request_id, manual = payload.request_id, payload.manual
        candidates = [candidate_from_payload(c) for c in payload.candidates]
        details = self.requests.get(request_id)
        if details.status not in SEARCHABLE and not manual:
            ctx.event(
                tr("Grab skipped: the request is {status}").format(status=details.status_label),
                context=CONTEXT,
            )
            return {"skipped": details.status.value}
        limited: list[str] = []
        while candidates:
            candidate = candidates.pop(0)
            release = candidate.release
            if not manual and self.deps.blocklist.is_blocked(details.audiobook_id, release):
                continue
            try:
                fetched = (
                    None if release.protocol == "http" else self.deps.indexers.fetch_release_file(release)
                )
                config, item_id = self.deps.downloads.send(release, fetched, name=release.title)
            except CLIENT_PROBLEMS as exc:
                if ctx.job.attempts >= ctx.job.max_attempts:
                    self.requests.set_status(
                        request_id,
                        RequestStatus.FAILED,
                        tr("Could not hand the release over: {error}").format(error=exc.user_message),
                        job_id=ctx.job.id,
                        level=EventLevel.ERROR,
                    )
                raise
            except IndexerLimitError as exc:  # the release is fine: only the indexer's day is used up
                limited.append(exc.user_message)
                ctx.event(
                    tr("Not grabbed now: {error}").format(error=exc.user_message),
                    EventLevel.WARNING,
                    context=CONTEXT,
                )
                continue
            except RmabError as exc:
                self._block(
                    details, release, tr("Could not be grabbed: {error}").format(error=exc.user_message), ctx
                )
                continue
            self._started(ctx, details, candidate, config.id, config.label, item_id, candidates)
            return {"grabbed": release.guid, "client": config.id, "item": item_id}
        why = (
            tr("Grab limit reached ({reason})").format(reason=limited[0])
            if limited
            else tr("Every candidate release failed")
        )
        self._wait_for_search(ctx, details, why)
        return {"grabbed": None, "limited": len(limited)}

    def _started(
        self,
        ctx: JobContext,
        details: RequestDetails,
        candidate: RankedRelease,
        client_id: str,
        client_label: str,
        item_id: str,
        remaining: list[RankedRelease],
    ) -> None:
        release = candidate.release
        if release.protocol == "torrent" and not release.infohash:
            release = Release(**{**release.__dict__, "infohash": item_id})
        settings = self.deps.downloads.settings()
        # per-indexer rules arrive on the release (indexer settings, or the tracker's own minimums)
        rule = settings.seeding_default
        has_own = release.minimum_ratio is not None or release.minimum_seed_minutes is not None
        ratio = release.minimum_ratio if has_own else rule.ratio
        minutes = release.minimum_seed_minutes if has_own else rule.minutes
        now = self.deps.clock()
        history_id = self.deps.history.record_grab(
            details.id,
            candidate,
            release,
            client_id,
            item_id,
            # seeding targets to reach before the cleanup job removes the torrent
            seeding_ratio=ratio,
            seeding_seconds=int(minutes * 60) if minutes else None,
        )
        self.requests.increment_attempts(details.id, "download")
        self.requests.update_progress(details.id, 0.0, 0, None)
        self.requests.set_status(
            details.id,
            RequestStatus.DOWNLOADING,
            (
                tr("Grabbed “{release}” from {indexer} with {client}").format(
                    release=release.title, indexer=release.indexer, client=client_label
                )
                if release.indexer
                else tr("Grabbed “{release}” with {client}").format(
                    release=release.title, client=client_label
                )
            ),
            job_id=ctx.job.id,
            release=release.title,
            score=candidate.score,
            reasons=candidate.reasons[:10],
            client=client_label,
        )
        payload = MonitorPayload(
            request_id=details.id,
            download_history_id=history_id,
            release=release_to_payload(release),
            candidates=tuple(candidate_to_payload(c) for c in remaining),
            started_at=now,
            last_change_at=now,
        )
        delay = settings.monitor.first_poll_seconds
        self.deps.queue.enqueue(
            JobType.REQUESTS_MONITOR, payload, request_id=details.id, run_at=now + timedelta(seconds=delay)
        )

    def _block(self, details: RequestDetails, release: Release, reason: str, ctx: JobContext) -> None:
        self.deps.blocklist.add(details.audiobook_id, release, reason)
        ctx.event(
            tr("Blocklisted “{release}”: {reason}").format(release=release.title, reason=reason),
            EventLevel.WARNING,
            context=CONTEXT,
        )

    # -- download history ----------------------------------------------------------------------
    def _history(self, history_id: int) -> tuple[str, str, str] | None:
        """(status, client id, item id) of a grab, or None when it is gone."""
        entry = self.deps.history.get(history_id)
        return None if entry is None else (entry.status, entry.client_id, entry.item_id)

    # -- monitor -------------------------------------------------------------------------------
    def monitor(self, ctx: JobContext, payload: MonitorPayload) -> dict[str, Any]:
        request_id, history_id = payload.request_id, payload.download_history_id
        if payload.previous_job_id is not None:  # one row per download, not one per poll
            self.deps.queue.delete_finished(payload.previous_job_id)
        payload = replace(payload, previous_job_id=ctx.job.id)
        history = self._history(history_id)
        if history is None or history[0] != "downloading":
            return {"skipped": "not downloading"}
        _, client_id, item_id = history
        try:
            details = self.requests.get(request_id)
        except NotFoundError:
            return self._abandon(ctx, history_id, client_id, item_id, tr("the request was deleted"))
        if details.status != RequestStatus.DOWNLOADING:
            result = self._abandon(
                ctx,
                history_id,
                client_id,
                item_id,
                tr("the request is {status}").format(status=details.status_label),
            )
            if details.status == RequestStatus.AWAITING_SEARCH:  # retried meanwhile: search again
                self.deps.queue.enqueue(
                    JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id
                )
            return result
        monitor = self.deps.downloads.settings().monitor
        now = self.deps.clock()
        try:
            item = self.deps.downloads.status(client_id, item_id)
        except (ServiceUnreachableError, AuthenticationError, NotFoundError, ConfigurationError) as exc:
            return self._unreachable(
                ctx, payload, details, exc, monitor.unreachable_minutes, monitor.poll_seconds
            )
        payload = replace(payload, unreachable_since=None, unreachable_polls=0)
        if item.state == DownloadState.MISSING:
            if _seconds(payload.started_at, now) < monitor.missing_grace_seconds:
                return self._again(payload, monitor.poll_seconds, item)
            return self._failed(
                ctx,
                payload,
                details,
                tr("The download disappeared from the client ({client})").format(client=client_id),
            )
        if item.state == DownloadState.FAILED:
            return self._failed(ctx, payload, details, item.error or tr("The client reports a failure"))
        if item.finished:
            return self._complete(
                ctx, payload, details, item, monitor.local_path_checks, monitor.poll_seconds
            )
        if item.progress > payload.last_progress + 1e-6:
            payload = replace(payload, last_progress=item.progress, last_change_at=now)
        idle = _seconds(payload.last_change_at, now)
        if idle > monitor.stalled_minutes * 60:
            return self._failed(
                ctx,
                payload,
                details,
                tr("Stalled: no progress for {minutes} min ({state})").format(
                    minutes=f"{idle / 60:.0f}", state=item.state.value
                ),
            )
        if _seconds(payload.started_at, now) > monitor.max_download_hours * 3600:
            return self._failed(
                ctx,
                payload,
                details,
                tr("Not finished after {hours} h").format(hours=f"{monitor.max_download_hours:g}"),
            )
        self.requests.update_progress(request_id, item.progress, item.speed_bps, item.eta_seconds)
        step = int(item.progress * 4)
        if step > payload.logged_step:
            payload = replace(payload, logged_step=step)
            self._note(
                request_id,
                tr("Downloaded {percent}").format(percent=f"{item.progress:.0%}"),
                speed_bps=item.speed_bps,
            )
        return self._again(payload, monitor.poll_seconds, item)

    def _note(
        self, request_id: int, message: str, level: EventLevel = EventLevel.INFO, **metadata: Any
    ) -> None:
        """An event of the request, not of this poll's job row (which the next poll deletes)."""
        self.deps.queue.add_event(
            message, request_id=request_id, level=level, context=CONTEXT, metadata=metadata
        )

    def _again(
        self, payload: MonitorPayload, delay: float, item: DownloadItem | None = None
    ) -> dict[str, Any]:
        run_at = self.deps.clock() + timedelta(seconds=delay)
        self.deps.queue.enqueue(
            JobType.REQUESTS_MONITOR, payload, request_id=payload.request_id, run_at=run_at
        )
        return {"state": item.state.value if item else "unknown", "progress": item.progress if item else None}

    def _unreachable(
        self,
        ctx: JobContext,
        payload: MonitorPayload,
        details: RequestDetails,
        exc: RmabError,
        limit_minutes: float,
        poll: float,
    ) -> dict[str, Any]:
        now = self.deps.clock()
        polls = payload.unreachable_polls + 1
        payload = replace(
            payload, unreachable_since=payload.unreachable_since or now, unreachable_polls=polls
        )
        if _seconds(payload.unreachable_since, now) > limit_minutes * 60:
            self.deps.history.set_status(payload.download_history_id, "failed", error=exc.user_message)
            self.requests.set_status(
                details.id,
                RequestStatus.FAILED,
                tr("The download client stayed unreachable for {minutes} min: {error}").format(
                    minutes=f"{limit_minutes:g}", error=exc.user_message
                ),
                job_id=ctx.job.id,
                level=EventLevel.ERROR,
                hint=exc.user_hint,
            )
            return {"failed": "unreachable"}
        if polls == 1:
            self._note(
                details.id,
                tr("Download client unreachable: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
            )
        return self._again(payload, min(poll * 2 ** min(polls, 6), MAX_UNREACHABLE_BACKOFF))

    def _abandon(
        self, ctx: JobContext, history_id: int, client_id: str, item_id: str, why: str
    ) -> dict[str, Any]:
        try:
            self.deps.downloads.remove(client_id, item_id, delete_data=True)
        except RmabError as exc:
            ctx.event(
                tr("Could not remove the download: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
                context=CONTEXT,
            )
        self.deps.history.set_status(history_id, "cancelled", removed_from_client=True, error=why)
        ctx.event(
            tr("Stopped monitoring: {reason}; the download was removed").format(reason=why), context=CONTEXT
        )
        return {"abandoned": why}

    def _failed(
        self, ctx: JobContext, payload: MonitorPayload, details: RequestDetails, reason: str
    ) -> dict[str, Any]:
        release = release_from_payload(payload.release)
        history_id = payload.download_history_id
        _, client_id, item_id = self._history(history_id) or ("", "", "")
        self._block(details, release, reason, ctx)
        try:
            self.deps.downloads.remove(client_id, item_id, delete_data=True)
            removed = True
        except RmabError as exc:
            removed = False
            ctx.event(
                tr("Could not remove the failed download: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
                context=CONTEXT,
            )
        self.deps.history.set_status(history_id, "failed", error=reason, removed_from_client=removed)
        candidates = [candidate_from_payload(c) for c in payload.candidates]
        if candidates:
            self.requests.set_status(
                details.id,
                RequestStatus.SEARCHING,
                tr("Download failed ({reason}); trying the next release").format(reason=reason),
                job_id=ctx.job.id,
                level=EventLevel.WARNING,
            )
            self.enqueue_grab(details.id, candidates)
        else:
            self._wait_for_search(
                ctx,
                details,
                tr("Download failed ({reason}) and no other release is left").format(reason=reason),
            )
        return {"failed": reason, "next": len(candidates)}

    def _complete(
        self,
        ctx: JobContext,
        payload: MonitorPayload,
        details: RequestDetails,
        item: DownloadItem,
        max_checks: int,
        poll: float,
    ) -> dict[str, Any]:
        history_id = payload.download_history_id
        _, client_id, _ = self._history(history_id) or ("", "", "")
        remote = item.content_path or item.save_path or ""
        local = self.deps.downloads.local_path(client_id, remote) if remote else ""
        if not local or not Path(local).exists():
            checks = payload.path_checks + 1
            payload = replace(payload, path_checks=checks)
            if checks < max_checks:
                if checks == 1:
                    self._note(
                        details.id,
                        tr("Finished; waiting for {folder} to appear here").format(folder=local)
                        if local
                        else tr("Finished; waiting for its folder to appear here"),
                    )
                return self._again(payload, min(poll, 10.0), item)
            self.requests.set_status(
                details.id,
                RequestStatus.WARN,
                tr("Downloaded, but {folder} is not visible on this computer").format(folder=local or remote),
                job_id=ctx.job.id,
                level=EventLevel.ERROR,
                hint=tr("Check the path mapping of the download client in Settings."),
            )
            return {"warn": "path not visible"}
        now = self.deps.clock()
        self.deps.history.set_status(history_id, "completed", download_path=local, completed_at=now)
        self.requests.update_progress(details.id, 1.0, 0, 0)
        self.requests.set_status(
            details.id,
            RequestStatus.DOWNLOADED,
            tr("Downloaded to {folder}; organizing").format(folder=local),
            job_id=ctx.job.id,
            download_path=local,
        )
        self.deps.queue.enqueue(
            JobType.REQUESTS_ORGANIZE,
            OrganizePayload(details.id, download_history_id=history_id, download_path=local),
            request_id=details.id,
            priority=5,
        )
        return {"completed": local}

    # -- interactive search ---------------------------------------------------------------------
    def interactive_results(self, request_id: int) -> list[tuple[RankedRelease, bool]]:
        """Every result ranked in interactive mode, each with ``blocked``; for the search dialog."""
        details = self.requests.get(request_id)
        releases = self.deps.indexers.search(
            details.book, kind=details.kind.value, custom_terms=details.custom_search_terms
        )
        ranked = self.deps.rank(details.book, releases, True, details.kind.value)
        guids, hashes = self.deps.blocklist.blocked_keys(details.audiobook_id)
        return [(r, r.release.guid in guids or (r.release.infohash or "").lower() in hashes) for r in ranked]

    def grab_chosen(self, request_id: int, choice: RankedRelease) -> int:
        """The user's explicit choice is grabbed even when the gate rejected it or it is blocklisted."""
        details = self.requests.get(request_id)
        self._replace_running(request_id)
        if details.status not in SEARCHABLE:
            self.requests.set_status(
                request_id,
                RequestStatus.SEARCHING,
                tr("Interactive search: “{release}” chosen by the user").format(release=choice.release.title),
            )
        return self.enqueue_grab(request_id, [choice], manual=True)

    def _replace_running(self, request_id: int) -> None:
        """A download still running for the request makes way for the user's choice."""
        for entry in self.deps.history.downloading(request_id):
            try:
                self.deps.downloads.remove(entry.client_id, entry.item_id, delete_data=True)
            except RmabError as exc:
                log.warning("Could not remove the replaced download %s: %s", entry.item_id, exc)
            self.deps.history.set_status(
                entry.id, "cancelled", removed_from_client=True, error=tr("Replaced by the user")
            )

    # -- missing searches ----------------------------------------------------------------------
    def retry_missing(self, ctx: JobContext, payload: NoPayload, limit: int = 50) -> dict[str, Any]:
        """Queue a search for each waiting request whose next search time has come."""
        now = self.deps.clock()
        with self.deps.database.session() as session:
            busy = select(JobRecord.request_id).where(
                JobRecord.type.in_(
                    [JobType.REQUESTS_SEARCH, JobType.REQUESTS_GRAB, JobType.REQUESTS_MONITOR]
                ),
                JobRecord.status.in_([JobStatus.QUEUED.value, JobStatus.ACTIVE.value]),
                JobRecord.request_id.is_not(None),
            )
            due = session.scalars(
                select(Request.id)
                .where(
                    Request.status == RequestStatus.AWAITING_SEARCH.value,
                    Request.deleted_at.is_(None),
                    (Request.next_search_at.is_(None)) | (Request.next_search_at <= now),
                    Request.id.not_in(busy),
                )
                .order_by(Request.next_search_at.is_not(None), Request.next_search_at, Request.id)
                .limit(limit)
            ).all()
        for request_id in due:
            self.deps.queue.enqueue(
                JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id
            )
        if due:
            ctx.event(tr.n("Searching again for %n waiting request(s)", len(due)), context=CONTEXT)
        return {"queued": list(due)}
