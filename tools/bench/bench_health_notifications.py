"""Benchmark the Service status reads and notification fan-out on a realistic week of data.

10 services checked every 10 minutes for 8 days (11,520 rows): ``statuses()`` (what the status
page loads each minute), one ``record()`` (per service per check), and ``enqueue_for`` with 5
backends (per app event). SQLite by default; pass a database URL to use PostgreSQL.

Run: python tools/bench/bench_health_notifications.py [DATABASE_URL]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.db.models import ServiceHealthCheck, utcnow
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.health import HealthRegistry, HealthService, ServiceCheck
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.notifications import NotificationService

SERVICES = 10
CHECK_MINUTES = 10
DAYS = 8


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def _time(label: str, fn, repeat: int = 7) -> None:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<62} {best * 1000:8.2f} ms")


def _seed(database: Database) -> None:
    now = utcnow()
    per_service = DAYS * 24 * 60 // CHECK_MINUTES
    with database.session() as session:
        session.add_all(
            ServiceHealthCheck(
                service_key=f"indexer:{service}",
                state="down" if step % 97 == 0 else "up",
                latency_ms=50.0 + step % 300,
                checked_at=now - timedelta(minutes=CHECK_MINUTES * step),
            )
            for service in range(SERVICES)
            for step in range(per_service)
        )
    print(f"seeded {SERVICES * per_service:,} health rows")


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else sqlite_url(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    database = Database.connect(url)
    upgrade(database.engine)
    keyring.set_keyring(_MemoryKeyring())
    _seed(database)
    checks = [
        ServiceCheck(
            f"indexer:{i}", f"Indexer {i}", "indexer", lambda: ConnectionTestResult(True, "ok", latency_ms=5)
        )
        for i in range(SERVICES)
    ]
    registry = HealthRegistry()
    registry.add("bench", lambda: checks)
    health = HealthService(database, EventBus(), registry)
    _time(f"statuses() for {SERVICES} services, 24 h history + uptime", health.statuses)
    result = ConnectionTestResult(True, "ok", latency_ms=5)
    _time("record() one check (insert + previous state)", lambda: health.record(checks[0], result, 5.0))
    _time(f"run_checks() {SERVICES} instant checks", health.run_checks)

    queue = JobQueue(database)
    notifications = NotificationService(database, CredentialStore(), queue)
    for n in range(5):
        notifications.create(f"Backend {n}", f"json://127.0.0.1:9/{n}", [EventKind.AVAILABLE])
    event = AppEvent(EventKind.AVAILABLE, "Available: Dune", "Dune is in your library")
    _time("enqueue_for() one event to 5 backends", lambda: notifications.enqueue_for(event))
    database.dispose()


if __name__ == "__main__":
    main()
