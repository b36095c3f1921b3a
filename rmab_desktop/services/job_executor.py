"""Runs one claimed job through its handler: events, heartbeat, cancel, retry with backoff.

Handlers are plain functions ``handler(ctx: JobContext) -> dict | None`` registered by type.
A handler must be idempotent: after a crash the job runs again from the start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.errors import CancelledError, RmabError
from rmab_desktop.domain.jobs import Job
from rmab_desktop.services.job_queue import JobQueue

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10.0


@dataclass
class JobContext:
    """What a handler gets: its job, a cancel token, progress and an event log bound to the job."""

    job: Job
    queue: JobQueue
    cancel: CancelToken
    on_progress: Callable[[float, str], None] | None = None
    _last_progress: float | None = field(default=None, init=False)

    @property
    def payload(self) -> dict[str, Any]:
        return self.job.payload

    def event(
        self, message: str, level: EventLevel = EventLevel.INFO, context: str | None = None, **metadata: Any
    ) -> None:
        self.queue.add_event(
            message,
            job_id=self.job.id,
            request_id=self.job.request_id,
            level=level,
            context=context or self.job.type,
            metadata=metadata,
        )

    def progress(self, fraction: float, message: str = "") -> None:
        self._last_progress = max(0.0, min(1.0, fraction))
        if self.on_progress is not None:
            self.on_progress(self._last_progress, message)
        self.cancel.raise_if_cancelled()


JobHandler = Callable[[JobContext], "dict[str, Any] | None"]


class JobHandlers:
    """Registry of job types; services register their handlers at composition time."""

    def __init__(self) -> None:
        self._handlers: dict[str, JobHandler] = {}
        self._titles: dict[str, str] = {}
        self._quiet: set[str] = set()

    def register(self, job_type: str, handler: JobHandler, title: str = "", *, quiet: bool = False) -> None:
        """``quiet``: no Started/Finished events (polling jobs that run every few seconds)."""
        self._handlers[job_type] = handler
        self._titles[job_type] = title or job_type
        if quiet:
            self._quiet.add(job_type)

    def is_quiet(self, job_type: str) -> bool:
        return job_type in self._quiet

    def get(self, job_type: str) -> JobHandler | None:
        return self._handlers.get(job_type)

    def title(self, job_type: str) -> str:
        return self._titles.get(job_type, job_type)

    @property
    def types(self) -> list[str]:
        return sorted(self._handlers)


class JobExecutor:
    def __init__(self, queue: JobQueue, handlers: JobHandlers) -> None:
        self.queue = queue
        self.handlers = handlers

    def run_next(
        self, cancel: CancelToken | None = None, on_progress: Callable[[float, str], None] | None = None
    ) -> Job | None:
        """Claim one due job of a known type and run it; returns the job as it ended, or None."""
        job = self.queue.claim(types=self.handlers.types)
        if job is None:
            return None
        self.execute(job, cancel or CancelToken(), on_progress)
        return self.queue.get(job.id)

    def execute(
        self, job: Job, cancel: CancelToken, on_progress: Callable[[float, str], None] | None = None
    ) -> None:
        ctx = JobContext(job, self.queue, cancel, on_progress)
        handler = self.handlers.get(job.type)
        if handler is None:
            self.queue.fail(job.id, f"No handler for job type '{job.type}'", retry=False)
            return
        stop = threading.Event()
        beat = threading.Thread(
            target=self._heartbeat, args=(ctx, stop), name=f"heartbeat-{job.id}", daemon=True
        )
        beat.start()
        quiet = self.handlers.is_quiet(job.type)
        if not quiet:
            ctx.event(f"Started (attempt {job.attempts} of {job.max_attempts})", context="queue")
        started = time.monotonic()
        try:
            result = handler(ctx)
        except CancelledError:
            self.queue.mark_cancelled(job.id)
            ctx.event("Cancelled", EventLevel.WARNING, context="queue")
        except Exception as exc:
            message = exc.user_message if isinstance(exc, RmabError) else f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, RmabError):
                log.exception("Job %s (%s) failed", job.id, job.type)
            ended = self.queue.fail(job.id, message)
            retry_note = (
                f"; retrying at {ended.run_at:%H:%M:%S} UTC" if ended.status == JobStatus.QUEUED else ""
            )
            ctx.event(f"Failed: {message}{retry_note}", EventLevel.ERROR, context="queue")
        else:
            self.queue.complete(job.id, result)
            if not quiet:
                ctx.event(f"Finished in {time.monotonic() - started:.1f} s", context="queue")
        finally:
            stop.set()
            beat.join(timeout=2)

    def _heartbeat(self, ctx: JobContext, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            try:
                if self.queue.heartbeat(ctx.job.id, ctx._last_progress):
                    ctx.cancel.cancel()
            except Exception:  # the next beat retries; a lost beat only risks a later requeue
                log.warning("Heartbeat for job %s failed", ctx.job.id, exc_info=True)
