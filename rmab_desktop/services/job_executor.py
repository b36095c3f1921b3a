"""Runs one claimed job through its handler: events, heartbeat, cancel, retry with backoff.

Each job type is a :class:`~rmab_desktop.services.feature.JobSpec` contributed by a feature:
the executor decodes the stored payload into the spec's payload class and calls
``handler(ctx, payload) -> dict | None``. A payload that cannot be read fails the job at once
(no retry: it would fail the same way). A handler must be idempotent: after a crash the job runs
again from the start.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rmab_desktop.domain import correlation
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.errors import CancelledError, RmabError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.job_payloads import PAYLOADS, JobPayloadError
from rmab_desktop.domain.jobs import Job
from rmab_desktop.services.feature import JobSpec
from rmab_desktop.services.job_queue import JobQueue

log = logging.getLogger(__name__)
tr = Translator("JobQueue")  # the job log lines every job writes

HEARTBEAT_SECONDS = 10.0


@dataclass
class JobContext:
    """What a handler gets: its job, a cancel token, progress and an event log bound to the job."""

    job: Job
    queue: JobQueue
    cancel: CancelToken
    on_progress: Callable[[float, str], None] | None = None
    _last_progress: float | None = field(default=None, init=False)

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


class JobHandlers:
    """The job types this app runs, each a spec contributed by a feature at composition time."""

    def __init__(self, specs: Iterable[JobSpec[Any]] = ()) -> None:
        self._specs: dict[str, JobSpec[Any]] = {}
        for spec in specs:
            self.register(spec)

    def register(self, spec: JobSpec[Any]) -> None:
        if spec.type in self._specs:
            raise ValueError(f"Job type {spec.type} is contributed twice.")
        if spec.payload is not PAYLOADS[spec.type]:
            raise TypeError(
                f"{spec.type} carries {PAYLOADS[spec.type].__name__}, not {spec.payload.__name__}"
            )
        self._specs[spec.type] = spec

    def get(self, job_type: str) -> JobSpec[Any] | None:
        return self._specs.get(job_type)

    def is_quiet(self, job_type: str) -> bool:
        spec = self._specs.get(job_type)
        return spec is not None and spec.quiet

    def title(self, job_type: str) -> str:
        spec = self._specs.get(job_type)
        return text(spec.title) if spec is not None else job_type

    @property
    def types(self) -> list[str]:
        return sorted(self._specs)


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
        """Run the claimed job; every line logged and event published meanwhile carries its ids."""
        with correlation.bound(request_id=job.request_id, job_id=job.id):
            self._execute(job, cancel, on_progress)

    def _execute(
        self, job: Job, cancel: CancelToken, on_progress: Callable[[float, str], None] | None
    ) -> None:
        ctx = JobContext(job, self.queue, cancel, on_progress)
        spec = self.handlers.get(job.type)
        if spec is None:
            self.queue.fail(job, f"No handler for job type '{job.type}'", retry=False)
            return
        try:
            payload = spec.payload.from_json(job.payload)
        except JobPayloadError as exc:
            message = f"{exc.user_message} {exc.user_hint}"
            if self.queue.fail(job, message, retry=False) is not None:
                ctx.event(tr("Failed: {error}").format(error=message), EventLevel.ERROR, context="queue")
            return
        stop = threading.Event()
        beat = threading.Thread(
            target=contextvars.copy_context().run,
            args=(self._heartbeat, ctx, stop),
            name=f"heartbeat-{job.id}",
            daemon=True,
        )
        beat.start()
        quiet = self.handlers.is_quiet(job.type)
        if not quiet:
            ctx.event(
                tr("Started (attempt {attempt} of {attempts})").format(
                    attempt=job.attempts, attempts=job.max_attempts
                ),
                context="queue",
            )
        started = time.monotonic()
        try:
            result = spec.handler(ctx, payload)
        except CancelledError:
            if self.queue.mark_cancelled(job):
                ctx.event(tr("Cancelled"), EventLevel.WARNING, context="queue")
            else:
                self._lost_claim(ctx)
        except Exception as exc:
            message = exc.user_message if isinstance(exc, RmabError) else f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, RmabError):
                log.exception("Job %s (%s) failed", job.id, job.type)
            ended = self.queue.fail(job, message)
            if ended is None:
                self._lost_claim(ctx)
            else:
                failed = (
                    tr("Failed: {error}; retrying at {time} UTC").format(
                        error=message, time=f"{ended.run_at:%H:%M:%S}"
                    )
                    if ended.status == JobStatus.QUEUED
                    else tr("Failed: {error}").format(error=message)
                )
                ctx.event(failed, EventLevel.ERROR, context="queue")
        else:
            if not self.queue.complete(job, result):
                self._lost_claim(ctx)
            elif not quiet:
                ctx.event(
                    tr("Finished in {seconds} s").format(seconds=f"{time.monotonic() - started:.1f}"),
                    context="queue",
                )
        finally:
            stop.set()
            beat.join(timeout=2)

    @staticmethod
    def _lost_claim(ctx: JobContext) -> None:
        """This worker ran past its lease and the job was taken over: its outcome is discarded."""
        ctx.event(
            tr(
                "A worker that lost this job (attempt {attempt}) finished late; its outcome was discarded."
            ).format(attempt=ctx.job.attempts),
            EventLevel.WARNING,
            context="queue",
            stale_attempt=ctx.job.attempts,
        )

    def _heartbeat(self, ctx: JobContext, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            try:
                if self.queue.heartbeat(ctx.job, ctx._last_progress):
                    ctx.cancel.cancel()
            except Exception:  # the next beat retries; a lost beat only risks a later requeue
                log.warning("Heartbeat for job %s failed", ctx.job.id, exc_info=True)
