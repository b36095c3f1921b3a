"""Feeds the persisted job queue to the "pipeline" pool while this instance holds the automation lease.

Every ``tick_ms`` the pump (on the GUI thread, via a QTimer) runs a short maintenance task off the
GUI thread: renew the lease, and every ``schedule_every_s`` (or right after the machine woke from
sleep) enqueue due scheduled jobs. Claims happen inside the pipeline tasks: one probing task at a
time while the queue looks idle, and the pool is filled as soon as a probe finds work.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.jobs import Job
from rmab_desktop.services.automation_lease import AutomationLease
from rmab_desktop.services.job_executor import JobExecutor
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.scheduler import Scheduler
from rmab_desktop.workers.runner import ErrorInfo, TaskHandle, TaskRunner

log = logging.getLogger(__name__)
tr = Translator("JobPump")

POOL = "pipeline"
WAKE_JUMP_SECONDS = 90.0


@dataclass(frozen=True)
class PumpState:
    """What the status bar and tray show."""

    running: bool  # this instance runs automation now
    paused: bool
    holds_lease: bool
    active: int

    @property
    def text(self) -> str:
        if self.paused:
            return tr("Automation paused")
        if not self.holds_lease:
            return tr("Automation: standby")
        return tr("Automation: on")

    @property
    def tooltip(self) -> str:
        if self.paused:
            return tr("Searches, downloads and imports are paused. Resume from the tray or Settings.")
        if not self.holds_lease:
            return tr("Another app instance on this database runs automation; this one requests and watches.")
        return tr("This instance runs searches, downloads, imports and scheduled jobs.")


def detect_wake(wall_delta: float, monotonic_delta: float, threshold: float = WAKE_JUMP_SECONDS) -> bool:
    """True when the wall clock moved much further than the monotonic clock: the machine slept."""
    return wall_delta - monotonic_delta > threshold


class JobPump(QObject):
    jobStarted = Signal(object)  # Job
    jobFinished = Signal(object)  # Job as it ended (or None if it vanished)
    jobProgress = Signal(int, float, str)  # job id, fraction, message
    stateChanged = Signal(object)  # PumpState
    scheduled = Signal(list)  # ids of jobs the scheduler enqueued
    recovered = Signal(list)  # ids of orphaned jobs put back in the queue

    def __init__(
        self,
        runner: TaskRunner,
        queue: JobQueue,
        executor: JobExecutor,
        scheduler: Scheduler,
        lease: AutomationLease,
        is_paused: Any = lambda: False,
        *,
        tick_ms: int = 2000,
        schedule_every_s: float = 30.0,
    ) -> None:
        super().__init__()
        self.runner, self.queue, self.executor = runner, queue, executor
        self.scheduler, self.lease = scheduler, lease
        self._is_paused = is_paused
        self.schedule_every_s = schedule_every_s
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._active: dict[int, TaskHandle] = {}
        self._probe: TaskHandle | None = None
        self._running: set[int] = set()  # ids claimed by worker threads, written off the GUI thread
        self._running_lock = threading.Lock()
        self._maintaining = False
        self._started = False
        self._stopping = False
        self._holds_lease = False
        self._last_schedule = 0.0
        self._last_wall = time.time()
        self._last_mono = time.monotonic()
        self.state = PumpState(False, False, False, 0)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Recover orphans off the GUI thread, then start ticking."""
        self._started = True
        self.runner.submit(
            self.queue.recover_orphans,
            pool="network",
            on_result=self._on_recovered,
            on_error=self._log_error("recover orphaned jobs"),
            on_finished=self._begin,
        )

    def _begin(self) -> None:
        if self._stopping:
            return
        self._timer.start()
        self.tick()

    def _on_recovered(self, ids: list[int]) -> None:
        if ids:
            log.info("Recovered %d job(s) left active by a stopped process: %s", len(ids), ids)
        self.recovered.emit(ids)

    @property
    def active_job_ids(self) -> list[int]:
        return list(self._active)

    @property
    def active_count(self) -> int:
        return len(self._active)

    # -- the tick --------------------------------------------------------------------------------
    def tick(self) -> None:
        if self._stopping:
            return
        wall, mono = time.time(), time.monotonic()
        woke = detect_wake(wall - self._last_wall, mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if woke:
            log.info("The machine woke from sleep; catching up scheduled jobs")
            self._last_schedule = 0.0
        paused = bool(self._is_paused())
        if not self._maintaining:
            self._maintaining = True
            run_schedules = not paused and mono - self._last_schedule >= self.schedule_every_s
            if run_schedules:
                self._last_schedule = mono
            self.runner.submit(
                self._maintain,
                run_schedules,
                woke,
                pool="network",
                on_result=self._on_maintained,
                on_error=self._log_error("renew the automation lease"),
                on_finished=self._maintained_done,
            )
        self._fill(paused)

    def _maintain(self, run_schedules: bool, woke: bool) -> tuple[bool, list[int]]:
        """Off the GUI thread: lease, then due schedules when this instance runs automation."""
        holds = self.lease.ensure()
        scheduled: list[int] = []
        if holds and woke:
            self.queue.recover_orphans()
        if holds and run_schedules:
            scheduled = self.scheduler.enqueue_due()
        return holds, scheduled

    def _on_maintained(self, result: tuple[bool, list[int]]) -> None:
        holds, scheduled = result
        self._holds_lease = holds
        if scheduled:
            log.info("Scheduled jobs enqueued: %s", scheduled)
            self.scheduled.emit(scheduled)
        self._publish_state()
        self._fill(bool(self._is_paused()))

    def _maintained_done(self) -> None:
        self._maintaining = False

    def _fill(self, paused: bool) -> None:
        """Start one probing claim task if there is room and none is probing already."""
        if self._stopping or paused or not self._holds_lease:
            self._publish_state()
            return
        if self._probe is None and self.runner.in_flight(POOL) < self.runner.capacity(POOL):
            holder: list[TaskHandle] = []
            handle = self.runner.submit(
                self._run_one,
                pool=POOL,
                with_progress=True,
                on_progress=self._on_progress,
                on_result=self._on_job_done,
                on_error=self._log_error("run a job"),
                on_finished=lambda: self._task_finished(holder[0]),
            )
            holder.append(handle)
            self._probe = handle

    def _task_finished(self, handle: TaskHandle) -> None:
        if self._probe is handle:  # it ended (error or cancel) before saying what it found
            self._probe = None
        for job_id, active in list(self._active.items()):
            if active is handle:
                del self._active[job_id]
        self._publish_state()

    def _run_one(self, *, progress: Callable[[tuple[str, Any]], None], cancel: CancelToken) -> Job | None:
        """In a pipeline thread: claim one due job and run it to its end."""
        job = self.queue.claim(types=self.executor.handlers.types)
        if job is None:
            progress(("idle", None))
            return None
        with self._running_lock:
            self._running.add(job.id)
        try:
            progress(("claimed", job))
            self.executor.execute(
                job, cancel, lambda fraction, message: progress(("progress", (job.id, fraction, message)))
            )
            return self.queue.get(job.id)
        finally:
            with self._running_lock:
                self._running.discard(job.id)

    def _on_progress(self, update: tuple[str, Any]) -> None:
        kind, value = update
        if kind == "idle":
            self._probe = None
        elif kind == "claimed" and self._probe is not None:
            self._active[value.id] = self._probe
            self._probe = None
            self.jobStarted.emit(value)
            self._fill(bool(self._is_paused()))  # there may be more work: fill the pool now
        elif kind == "progress":
            job_id, fraction, message = value
            self.jobProgress.emit(job_id, fraction, message)

    def _on_job_done(self, job: Job | None) -> None:
        if job is None:
            return
        self._active.pop(job.id, None)
        self.jobFinished.emit(job)
        self._publish_state()

    def _publish_state(self) -> None:
        paused = bool(self._is_paused())
        state = PumpState(self._holds_lease and not paused, paused, self._holds_lease, len(self._active))
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _log_error(self, what: str):  # type: ignore[no-untyped-def]
        def report(info: ErrorInfo) -> None:
            log.warning("Could not %s: %s", what, info.message)

        return report

    # -- user actions ----------------------------------------------------------------------------
    def cancel_job(self, job_id: int) -> bool:
        """Stop a job running in this instance at once; True if it was running here."""
        handle = self._active.get(job_id)
        if handle is None:
            return False
        handle.cancel()
        return True

    def set_paused_changed(self) -> None:
        """Call after prefs.automation_paused changed."""
        self._publish_state()
        if not self._is_paused():
            self.tick()

    # -- quit ------------------------------------------------------------------------------------
    def drain(self, timeout_ms: int = 15_000) -> list[int]:
        """Stop claiming, cancel running jobs, wait for them, and put them back in the queue.

        Runs on the GUI thread at quit (blocking is expected then). Returns the interrupted ids.
        """
        self._stopping = True
        self._timer.stop()
        with self._running_lock:
            interrupted = sorted(self._running | set(self._active))
        self.runner.cancel_all(POOL)
        pool_done = self.runner.wait_for(POOL, timeout_ms)
        for job_id in interrupted:
            try:
                job = self.queue.get(job_id)
                if job.status in (JobStatus.CANCELLED, JobStatus.ACTIVE):
                    self.queue.retry(job_id)
                    self.queue.add_event(
                        tr("Interrupted because the app quit; it will run again at the next start."),
                        job_id=job_id,
                        request_id=job.request_id,
                        level=EventLevel.WARNING,
                        context="queue",
                    )
            except Exception:
                log.warning("Could not requeue interrupted job %s", job_id, exc_info=True)
        if not pool_done:
            log.warning(
                "Some jobs did not stop within %d ms; they will be recovered at the next start", timeout_ms
            )
        try:
            self.lease.release()
        except Exception:
            log.warning("Could not release the automation lease", exc_info=True)
        return interrupted
