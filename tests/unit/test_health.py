"""Health checks: states, one report per outage, uptime windows, the job and pruning."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ServiceHealthCheck, utcnow
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import HealthState, JobStatus
from rmab_desktop.domain.errors import AuthenticationError
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services import health
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.health import HealthRegistry, HealthService, ServiceCheck
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue

UP = ConnectionTestResult(True, "ok", latency_ms=12.0)
SLOW = ConnectionTestResult(True, "ok", latency_ms=5000.0)
DOWN = ConnectionTestResult(False, "Connection refused by 127.0.0.1:9696.", hint="Is Prowlarr running?")


class Scripted:
    """A check whose next answers are scripted; the last one repeats."""

    def __init__(self, *answers: ConnectionTestResult | Exception) -> None:
        self.answers = list(answers)

    def __call__(self) -> ConnectionTestResult:
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def bus_events() -> tuple[EventBus, list[AppEvent]]:
    bus = EventBus()
    seen: list[AppEvent] = []
    bus.subscribe(seen.append)
    return bus, seen


def make_service(database: Database, bus: EventBus, **checks: Scripted) -> HealthService:
    registry = HealthRegistry()
    registry.add(
        "test",
        lambda: [ServiceCheck(f"indexer:{key}", key.title(), "indexer", run) for key, run in checks.items()],
    )
    return HealthService(database, bus, registry)


def test_states_latency_and_error(database: Database, bus_events) -> None:
    bus, _ = bus_events
    service = make_service(
        database,
        bus,
        fast=Scripted(UP),
        slow=Scripted(SLOW),
        gone=Scripted(DOWN),
        locked=Scripted(AuthenticationError("Prowlarr refused the API key.")),
    )
    outcomes = {o.check.key: o for o in service.run_checks()}
    assert outcomes["indexer:fast"].state == HealthState.UP
    assert outcomes["indexer:slow"].state == HealthState.DEGRADED
    assert outcomes["indexer:gone"].state == HealthState.DOWN
    assert outcomes["indexer:locked"].state == HealthState.DOWN
    statuses = {s.key: s for s in service.statuses()}
    assert statuses["indexer:fast"].latency_ms == 12.0 and statuses["indexer:fast"].last_error is None
    assert statuses["indexer:gone"].last_error == "Connection refused by 127.0.0.1:9696. Is Prowlarr running?"
    assert "API key" in (statuses["indexer:locked"].last_error or "")
    assert "Check the user name" in (statuses["indexer:locked"].last_error or "")  # the error's hint
    assert statuses["indexer:slow"].uptime_24h == 1.0 and statuses["indexer:gone"].uptime_24h == 0.0


def test_outage_and_recovery_are_reported_once(database: Database, bus_events) -> None:
    bus, seen = bus_events
    service = make_service(database, bus, prowlarr=Scripted(UP, DOWN, DOWN, DOWN, SLOW, UP, UP))
    for _ in range(7):
        service.run_checks()
    assert [e.kind for e in seen] == [EventKind.SERVICE_DOWN, EventKind.SERVICE_RECOVERED]
    assert seen[0].title == "Prowlarr is down" and "Connection refused" in seen[0].message
    assert seen[0].data["service_key"] == "indexer:prowlarr"


def test_a_service_down_at_its_first_check_is_reported(database: Database, bus_events) -> None:
    bus, seen = bus_events
    service = make_service(database, bus, new=Scripted(DOWN), fine=Scripted(UP))
    service.run_checks()
    service.run_checks()
    assert [(e.kind, e.title) for e in seen] == [(EventKind.SERVICE_DOWN, "New is down")]


def test_uptime_windows_count_checks_in_each_window(database: Database, bus_events) -> None:
    bus, _ = bus_events
    service = make_service(database, bus, prowlarr=Scripted(UP))
    now = utcnow()
    with database.session() as session:
        # 3 days ago: 3 down; last 24 h: 3 up, 1 down, 1 degraded (degraded counts as up).
        for hours, state in [
            (72, "down"),
            (71, "down"),
            (70, "down"),
            (20, "up"),
            (10, "down"),
            (5, "degraded"),
            (2, "up"),
            (1, "up"),
            (24 * 9, "down"),
        ]:
            session.add(
                ServiceHealthCheck(
                    service_key="indexer:prowlarr",
                    state=state,
                    latency_ms=10.0,
                    checked_at=now - timedelta(hours=hours),
                )
            )
    (status,) = service.statuses(now)
    assert status.uptime_24h == pytest.approx(4 / 5)
    assert status.uptime_7d == pytest.approx(4 / 8)
    assert [s.state for s in status.history] == [
        HealthState.UP,
        HealthState.DOWN,
        HealthState.DEGRADED,
        HealthState.UP,
        HealthState.UP,
    ]
    assert status.state == HealthState.UP
    assert service.prune() == 1


def test_unchecked_service_is_unknown_and_a_broken_provider_is_skipped(
    database: Database, bus_events
) -> None:
    bus, _ = bus_events
    service = make_service(database, bus, fresh=Scripted(UP))

    def broken() -> list[ServiceCheck]:
        raise RuntimeError("config unreadable")

    service.registry.add("broken", broken)
    (status,) = service.statuses()
    assert status.state == HealthState.UNKNOWN and status.uptime_24h is None and status.last_check is None
    assert len(service.run_checks()) == 1


def test_health_job_records_events_for_changes_only(database: Database, bus_events) -> None:
    bus, _ = bus_events
    service = make_service(database, bus, prowlarr=Scripted(DOWN, DOWN, UP))
    queue = JobQueue(database)
    handlers = JobHandlers(health.feature(service).jobs)
    executor = JobExecutor(queue, handlers)
    job_ids = []
    for _ in range(3):
        job_ids.append(queue.enqueue(JobType.HEALTH_CHECK, NoPayload()))
        job = executor.run_next()
        assert job is not None and job.status == JobStatus.DONE
    health_events = [e for e in queue.events() if e.context == "health"]
    assert [e.job_id for e in health_events] == [job_ids[0], job_ids[2]]
    assert health_events[0].message.startswith("Prowlarr is down: Connection refused")
    assert health_events[1].message == "Prowlarr is back"
    assert queue.get(job_ids[0]).progress == 1.0
