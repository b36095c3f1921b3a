"""Which app instance runs automation (downloads, imports, schedules) on a shared database.

PostgreSQL: a session-level advisory lock held on a dedicated connection; the server frees it
the moment that process or connection dies. SQLite: one row in ``automation_lease`` with an
expiry that the holder renews; a dead local holder (PID gone) or an expired lease is taken over.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AutomationLease as LeaseRow
from rmab_desktop.db.models import utcnow
from rmab_desktop.services.job_queue import holder_is_dead_local_process

log = logging.getLogger(__name__)

ADVISORY_KEY = 0x524D4142  # "RMAB"
LEASE_ROW_ID = 1
DEFAULT_TTL = timedelta(seconds=60)


class AutomationLease:
    """``ensure()`` acquires or renews the lease and says whether this instance holds it."""

    def __init__(self, database: Database, holder: str, ttl: timedelta = DEFAULT_TTL) -> None:
        self.database = database
        self.holder = holder
        self.ttl = ttl
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._held = False
        self._renewed_at: datetime | None = None

    @property
    def held(self) -> bool:
        return self._held

    def ensure(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        with self._lock:
            if self.database.backend == "postgresql":
                self._held = self._ensure_advisory()
            elif self._held and self._renewed_at and now - self._renewed_at < self.ttl / 3:
                pass  # renewed recently enough
            else:
                self._held = self._ensure_row(now)
                self._renewed_at = now if self._held else None
            return self._held

    def release(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                except Exception:  # the connection may already be gone; the server frees the lock
                    log.debug("Advisory unlock failed", exc_info=True)
                self._close_conn()
            elif self._held:
                with self.database.session() as session:
                    row = session.get(LeaseRow, LEASE_ROW_ID)
                    if row is not None and row.holder == self.holder:
                        session.delete(row)
            self._held = False

    # -- PostgreSQL ------------------------------------------------------------------------------
    def _ensure_advisory(self) -> bool:
        try:
            if self._conn is not None and self._held:
                self._conn.execute(text("SELECT 1"))  # the lock lives as long as this connection
                return True
            if self._conn is None:
                self._conn = self.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            return bool(
                self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar()
            )
        except Exception:
            log.warning("Lost the database connection holding the automation lease", exc_info=True)
            self._close_conn()
            return False

    def _close_conn(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                log.debug("Closing the lease connection failed", exc_info=True)
            self._conn = None

    # -- SQLite (or any database without advisory locks) -------------------------------------------
    def _ensure_row(self, now: datetime) -> bool:
        with self.database.session() as session:
            row = session.get(LeaseRow, LEASE_ROW_ID)
            if row is None:
                session.add(LeaseRow(id=LEASE_ROW_ID, holder=self.holder, expires_at=now + self.ttl))
                return True
            if row.holder == self.holder or row.expires_at <= now or holder_is_dead_local_process(row.holder):
                if row.holder != self.holder:
                    log.info("Taking over automation from %s", row.holder)
                row.holder = self.holder
                row.expires_at = now + self.ttl
                return True
            return False

    def current_holder(self) -> str | None:
        """Who holds the row lease (SQLite); None on PostgreSQL or when free."""
        if self.database.backend == "postgresql":
            return None
        with self.database.session() as session:
            row = session.get(LeaseRow, LEASE_ROW_ID)
            return row.holder if row is not None and row.expires_at > utcnow() else None
