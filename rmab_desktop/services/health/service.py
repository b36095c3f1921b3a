"""Periodic health checks: state, latency and uptime of every configured service.

Each run writes one row per service to ``service_health_checks``. Only a change of state is
announced on the event bus: a service that stays down is reported once, and its recovery once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, case, delete, func, select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ServiceHealthCheck, utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import EventLevel, HealthState
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.health.checks import HealthRegistry, ServiceCheck
from rmab_desktop.services.job_executor import JobContext

log = logging.getLogger(__name__)
tr = Translator("ServiceHealth")  # check results, outage notifications and log lines

DEGRADED_AFTER_MS = 3000.0
KEEP_DAYS = 8
HISTORY_HOURS = 24
MAX_PARALLEL_CHECKS = 4


@dataclass(frozen=True)
class HealthSample:
    checked_at: datetime
    state: HealthState
    latency_ms: float | None


@dataclass(frozen=True)
class ServiceStatus:
    key: str
    name: str
    kind: str
    state: HealthState
    latency_ms: float | None
    last_check: datetime | None
    last_error: str | None
    uptime_24h: float | None  # 0..1, None without checks in the window
    uptime_7d: float | None
    history: tuple[HealthSample, ...] = ()


@dataclass(frozen=True)
class CheckOutcome:
    check: ServiceCheck
    state: HealthState
    latency_ms: float | None
    error: str | None
    announced: bool = False  # this run changed up<->down (or found a new service down)


def classify(result: ConnectionTestResult, degraded_after_ms: float = DEGRADED_AFTER_MS) -> HealthState:
    if not result.ok:
        return HealthState.DOWN
    if result.latency_ms is not None and result.latency_ms > degraded_after_ms:
        return HealthState.DEGRADED
    return HealthState.UP


def _run_one(check: ServiceCheck) -> tuple[ConnectionTestResult, float]:
    started = time.monotonic()
    try:
        result = check.run()
    except RmabError as exc:
        result = ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
    except Exception as exc:
        log.exception("Health check of %s raised", check.key)
        result = ConnectionTestResult(
            False, tr("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")
        )
    elapsed = (time.monotonic() - started) * 1000
    return result, result.latency_ms if result.latency_ms is not None else elapsed


def _error_text(result: ConnectionTestResult) -> str | None:
    if result.ok:
        return None
    text = result.message + (f" {result.hint}" if result.hint else "")
    return REDACTOR.redact(text)[:2000]


def _is_down(state: HealthState | None) -> bool:
    return state == HealthState.DOWN


class HealthService:
    def __init__(
        self,
        database: Database,
        events: EventBus,
        registry: HealthRegistry | None = None,
        *,
        degraded_after_ms: float = DEGRADED_AFTER_MS,
    ) -> None:
        self.database = database
        self.events = events
        self.registry = registry or HealthRegistry()
        self.degraded_after_ms = degraded_after_ms

    # -- checking ------------------------------------------------------------------------------
    def run_checks(
        self, cancel: CancelToken | None = None, progress: Callable[[float], None] | None = None
    ) -> list[CheckOutcome]:
        """Check every configured service (in parallel), record the rows, announce changes."""
        checks = self.registry.checks()
        outcomes: list[CheckOutcome] = []
        if not checks:
            return outcomes
        with ThreadPoolExecutor(MAX_PARALLEL_CHECKS, thread_name_prefix="health") as pool:
            futures = [(check, pool.submit(_run_one, check)) for check in checks]
            for done, (check, future) in enumerate(futures, start=1):
                result, latency = future.result()
                outcomes.append(self.record(check, result, latency))
                if progress is not None:
                    progress(done / len(futures))
                if cancel is not None:
                    cancel.raise_if_cancelled()
        return outcomes

    def record(self, check: ServiceCheck, result: ConnectionTestResult, latency_ms: float) -> CheckOutcome:
        state = classify(result, self.degraded_after_ms)
        error = _error_text(result)
        with self.database.session() as session:
            previous_raw = session.scalar(
                select(ServiceHealthCheck.state)
                .where(ServiceHealthCheck.service_key == check.key)
                .order_by(ServiceHealthCheck.checked_at.desc(), ServiceHealthCheck.id.desc())
                .limit(1)
            )
            session.add(
                ServiceHealthCheck(
                    service_key=check.key,
                    state=state.value,
                    latency_ms=round(latency_ms, 1),
                    error=error,
                    checked_at=utcnow(),
                )
            )
        previous = HealthState(previous_raw) if previous_raw else None
        changed = _is_down(state) != _is_down(previous) and (previous is not None or _is_down(state))
        outcome = CheckOutcome(check, state, latency_ms, error, announced=changed)
        if changed:
            self._announce(outcome)
        return outcome

    def _announce(self, outcome: CheckOutcome) -> None:
        name = outcome.check.name
        if _is_down(outcome.state):
            event = AppEvent(
                EventKind.SERVICE_DOWN,
                tr("{service} is down").format(service=name),
                outcome.error or tr("{service} did not answer.").format(service=name),
                data={"service_key": outcome.check.key, "kind": outcome.check.kind},
            )
        else:
            event = AppEvent(
                EventKind.SERVICE_RECOVERED,
                tr("{service} is back").format(service=name),
                tr("{service} answers again ({latency} ms).").format(
                    service=name, latency=f"{outcome.latency_ms or 0:.0f}"
                ),
                data={"service_key": outcome.check.key, "kind": outcome.check.kind},
            )
        self.events.publish(event)

    def prune(self, keep_days: int = KEEP_DAYS) -> int:
        with self.database.session() as session:
            deleted = cast(
                CursorResult[Any],
                session.execute(
                    delete(ServiceHealthCheck).where(
                        ServiceHealthCheck.checked_at < utcnow() - timedelta(days=keep_days)
                    )
                ),
            ).rowcount
        return deleted or 0

    # -- reading -------------------------------------------------------------------------------
    def statuses(self, now: datetime | None = None) -> list[ServiceStatus]:
        """One status per configured service, in registry order, with uptime and recent history."""
        now = now or utcnow()
        checks = self.registry.checks()
        keys = [check.key for check in checks]
        if not keys:
            return []
        with self.database.session() as session:
            up_24h, up_7d = self._uptimes(session, keys, (now - timedelta(hours=24), now - timedelta(days=7)))
            rows = session.execute(
                select(
                    ServiceHealthCheck.service_key,
                    ServiceHealthCheck.checked_at,
                    ServiceHealthCheck.state,
                    ServiceHealthCheck.latency_ms,
                )
                .where(
                    ServiceHealthCheck.service_key.in_(keys),
                    ServiceHealthCheck.checked_at >= now - timedelta(hours=HISTORY_HOURS),
                )
                .order_by(ServiceHealthCheck.checked_at, ServiceHealthCheck.id)
            ).all()
            latest = self._latest(session, keys)
        history: dict[str, list[HealthSample]] = {key: [] for key in keys}
        for key, checked_at, state, latency in rows:  # plain tuples: no ORM objects for history
            history[key].append(HealthSample(checked_at, HealthState(state), latency))
        result = []
        for check in checks:
            last = latest.get(check.key)
            result.append(
                ServiceStatus(
                    key=check.key,
                    name=check.name,
                    kind=check.kind,
                    state=HealthState(last.state) if last else HealthState.UNKNOWN,
                    latency_ms=last.latency_ms if last else None,
                    last_check=last.checked_at if last else None,
                    last_error=last.error if last else None,
                    uptime_24h=up_24h.get(check.key),
                    uptime_7d=up_7d.get(check.key),
                    history=tuple(history[check.key]),
                )
            )
        return result

    @staticmethod
    def _uptimes(session: Any, keys: list[str], windows: tuple[datetime, ...]) -> list[dict[str, float]]:
        """Per window start: the share of checks since then that were not down (degraded counts
        as up). One pass over the oldest window with a count per window."""
        column, state = ServiceHealthCheck.checked_at, ServiceHealthCheck.state
        up = state != HealthState.DOWN.value
        counts = [
            expr
            for since in windows
            for expr in (
                func.count(case((column >= since, 1))),
                func.count(case(((column >= since) & up, 1))),
            )
        ]
        rows = session.execute(
            select(ServiceHealthCheck.service_key, *counts)
            .where(ServiceHealthCheck.service_key.in_(keys), column >= min(windows))
            .group_by(ServiceHealthCheck.service_key)
        ).all()
        result: list[dict[str, float]] = [{} for _ in windows]
        for key, *values in rows:
            for index in range(len(windows)):
                total, ups = values[2 * index], values[2 * index + 1]
                if total:
                    result[index][key] = ups / total
        return result

    @staticmethod
    def _latest(session: Any, keys: list[str]) -> dict[str, ServiceHealthCheck]:
        newest = (
            select(ServiceHealthCheck.service_key, func.max(ServiceHealthCheck.checked_at).label("at"))
            .where(ServiceHealthCheck.service_key.in_(keys))
            .group_by(ServiceHealthCheck.service_key)
            .subquery()
        )
        rows = session.scalars(
            select(ServiceHealthCheck)
            .join(
                newest,
                (ServiceHealthCheck.service_key == newest.c.service_key)
                & (ServiceHealthCheck.checked_at == newest.c.at),
            )
            .order_by(ServiceHealthCheck.id)
        )
        return {row.service_key: row for row in rows}

    # -- job -----------------------------------------------------------------------------------
    def handle_job(self, ctx: JobContext, payload: NoPayload) -> dict[str, Any]:
        outcomes = self.run_checks(ctx.cancel, ctx.progress)
        for outcome in outcomes:
            if outcome.announced:
                level = EventLevel.WARNING if _is_down(outcome.state) else EventLevel.INFO
                name, error = outcome.check.name, outcome.error
                ctx.event(
                    tr("{service} is back").format(service=name)
                    if not _is_down(outcome.state)
                    else tr("{service} is down: {error}").format(service=name, error=error)
                    if error
                    else tr("{service} is down").format(service=name),
                    level,
                    context="health",
                    service_key=outcome.check.key,
                )
        pruned = self.prune()
        return {
            "checked": len(outcomes),
            "down": [o.check.key for o in outcomes if _is_down(o.state)],
            "pruned": pruned,
        }
