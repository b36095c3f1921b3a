"""The job pump: runs due jobs on the pipeline pool under the lease, pauses, drains on quit."""

from __future__ import annotations

import pytest

from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.automation_lease import AutomationLease
from rmab_desktop.workers.job_pump import JobPump, detect_wake
from rmab_desktop.workers.runner import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown(5000)


def make_pump(core, runner, paused=lambda: False, holder=None):
    lease = AutomationLease(core.database, holder or core.queue.instance_id)
    return JobPump(
        runner, core.queue, core.executor, core.scheduler, lease, paused, tick_ms=100, schedule_every_s=0.0
    )


def _status(core, job_id):
    return core.queue.get(job_id).status


def test_runs_due_jobs_to_done(core, runner, qtbot):
    ids = [core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(0.2)) for _ in range(4)]
    pump = make_pump(core, runner)
    started, finished, progress = [], [], []
    pump.jobStarted.connect(lambda job: started.append(job.id))
    pump.jobFinished.connect(lambda job: finished.append(job.id))
    pump.jobProgress.connect(lambda job_id, fraction, _msg: progress.append((job_id, fraction)))
    pump.start()
    qtbot.waitUntil(lambda: sorted(finished) == ids, timeout=15_000)
    assert sorted(started) == ids
    assert all(_status(core, job_id) == JobStatus.DONE for job_id in ids)
    assert progress and max(f for _id, f in progress) == pytest.approx(1.0)
    assert pump.state.running and pump.state.holds_lease
    pump.drain(2000)


def test_paused_pump_claims_nothing(core, runner, qtbot):
    paused = {"value": True}
    job_id = core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(0.1))
    pump = make_pump(core, runner, paused=lambda: paused["value"])
    pump.start()
    qtbot.waitUntil(lambda: pump.state.paused, timeout=30_000)
    qtbot.wait(500)
    assert _status(core, job_id) == JobStatus.QUEUED
    assert pump.state.text == "Automation paused"
    paused["value"] = False
    pump.set_paused_changed()
    qtbot.waitUntil(lambda: _status(core, job_id) == JobStatus.DONE, timeout=10_000)
    pump.drain(2000)


def test_standby_while_another_instance_holds_the_lease(core, runner, qtbot):
    other = AutomationLease(core.database, "other-host:77:feed")
    assert other.ensure()
    try:
        job_id = core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(0.1))
        pump = make_pump(core, runner)
        pump.start()
        qtbot.wait(800)
        assert not pump.state.holds_lease
        assert pump.state.text == "Automation: standby"
        assert _status(core, job_id) == JobStatus.QUEUED
        pump.drain(2000)
    finally:
        other.release()


def test_drain_requeues_running_jobs(core, runner, qtbot):
    job_id = core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(30))
    pump = make_pump(core, runner)
    pump.start()
    qtbot.waitUntil(lambda: job_id in pump.active_job_ids, timeout=10_000)
    assert job_id in pump.drain(10_000)
    job = core.queue.get(job_id)
    assert job.status == JobStatus.QUEUED
    messages = [event.message for event in core.queue.events(job_id=job_id)]
    assert any("Interrupted because the app quit" in message for message in messages)


def test_cancel_a_running_job_stops_it_now(core, runner, qtbot):
    job_id = core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(30))
    pump = make_pump(core, runner)
    pump.start()
    qtbot.waitUntil(lambda: job_id in pump.active_job_ids, timeout=10_000)
    assert pump.cancel_job(job_id)
    qtbot.waitUntil(lambda: _status(core, job_id) == JobStatus.CANCELLED, timeout=30_000)
    assert not pump.cancel_job(12345)
    pump.drain(2000)


def test_scheduler_tick_enqueues_due_schedules(core, runner, qtbot):
    schedule = next(s for s in core.scheduler.list() if s.key == "prune_history")
    from rmab_desktop.db.models import ScheduledJobRecord, utcnow

    with core.database.session() as session:
        session.get(ScheduledJobRecord, schedule.id).next_run_at = utcnow()
    pump = make_pump(core, runner)
    scheduled = []
    pump.scheduled.connect(scheduled.extend)
    pump.start()
    qtbot.waitUntil(lambda: bool(scheduled), timeout=10_000)
    assert core.queue.get(scheduled[0]).type == "maintenance.prune_history"
    pump.drain(2000)


def test_detect_wake():
    assert detect_wake(wall_delta=3600, monotonic_delta=2)
    assert not detect_wake(wall_delta=2.1, monotonic_delta=2)
    assert not detect_wake(wall_delta=-30, monotonic_delta=2)  # clock set back: not a wake
