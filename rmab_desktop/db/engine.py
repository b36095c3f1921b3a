"""Engine and session factory for the embedded SQLite file or a household PostgreSQL server."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000
# libpq's default is to wait for ever, so a host that accepts and never answers (or a blackholed
# address) would hold start-up until the OS gives up on TCP, minutes later. An address that sets
# its own ``connect_timeout`` keeps it.
POSTGRES_CONNECT_TIMEOUT = 10


def connect_timeout(url: str) -> int:
    """The seconds a PostgreSQL connection attempt may take for ``url`` (its own, or the default)."""
    given = make_url(url).query.get("connect_timeout")
    value = given[-1] if isinstance(given, tuple) else given
    try:
        return int(value) if value is not None else POSTGRES_CONNECT_TIMEOUT
    except ValueError:
        return POSTGRES_CONNECT_TIMEOUT


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL once; the switch needs a moment of exclusive access.

    SQLite answers "database is locked" at once (no busy handler) when another connection holds
    the file while the mode changes, which happens when several instances open a new file
    together, so this waits for it like the busy timeout would.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    _use_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front: SQLite has one writer, and a deferred
    # transaction that later wants to write can fail with "database is locked" mid-way.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_app_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the app's connection rules for either backend."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling is disabled).
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if "connect_timeout" not in parsed.query:
        kwargs["connect_args"] = {
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT,
            **kwargs.get("connect_args", {}),
        }
    return create_engine(url, pool_pre_ping=True, **kwargs)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@dataclass(frozen=True)
class Database:
    """The engine plus a session factory; each unit of work opens its own short session."""

    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str) -> Database:
        engine = create_app_engine(url)
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on error, always closed."""
        with self.sessions() as session, session.begin():
            yield session

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def describe(self) -> dict[str, Any]:
        """Backend and location, with any password masked."""
        url = self.engine.url
        if self.backend == "sqlite":
            return {"backend": "sqlite", "path": url.database}
        return {
            "backend": self.backend,
            "host": url.host,
            "port": url.port,
            "database": url.database,
            "user": url.username,
        }

    def analyze(self, *tables: str) -> None:
        """Refresh the query planner's statistics after bulk writes to ``tables``.

        Without statistics SQLite takes every index for selective: listing one backend's 50,000
        library rows then went through the (backend, external_id) index, a lookup per row, at 1.6x
        the time of reading the table straight through. A whole (not sampled) ANALYZE of 50,000
        rows takes about 20 ms; a sample misjudged that index the same way."""
        with self.engine.connect() as connection:
            for table in tables:
                connection.exec_driver_sql(f"ANALYZE {connection.dialect.identifier_preparer.quote(table)}")
            connection.commit()

    def dispose(self) -> None:
        self.engine.dispose()
