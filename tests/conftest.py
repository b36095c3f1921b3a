"""Shared fixtures: offscreen Qt, an in-memory keyring, and a migrated database on SQLite or PostgreSQL.

Set ``RMAB_TEST_POSTGRES_URL`` (a server URL whose user may create databases, e.g. from
``pg_virtualenv``) to run the whole suite against PostgreSQL: each test gets a fresh database
cloned from a migrated template.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.domain.redaction import REDACTOR
from tests.fakes.memory_keyring import MemoryKeyring

# session-scoped real download-client daemons (qbittorrent_daemon, transmission_daemon, nzbget_daemon)
pytest_plugins = ("tests.daemons", "tests.postgres_server")

POSTGRES_ENV = "RMAB_TEST_POSTGRES_URL"
_template_ready: dict[str, str] = {}
_counter = itertools.count()


def postgres_server_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _fresh_redactor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no registered secrets: the app's redactor is process-wide, and a
    secret one test typed ("wrong password", "second") masked those words in later tests' text."""
    monkeypatch.setattr(REDACTOR, "_secrets", set())


def _admin_engine(server_url: str):  # type: ignore[no-untyped-def]
    return create_engine(server_url, isolation_level="AUTOCOMMIT")


def _postgres_database_url() -> str:
    """A new database cloned from a template migrated once per test session."""
    server_url = postgres_server_url()
    assert server_url
    admin = _admin_engine(server_url)
    template = f"rmab_tpl_{os.getpid()}"
    try:
        with admin.connect() as conn:
            if template not in _template_ready:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{template}"'))
                conn.execute(text(f'CREATE DATABASE "{template}"'))
                url = make_url(server_url).set(database=template).render_as_string(hide_password=False)
                engine = create_engine(url)
                upgrade(engine)
                engine.dispose()
                _template_ready[template] = url
            name = f"rmab_t_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(url: str) -> None:
    server_url = postgres_server_url()
    assert server_url
    name = make_url(url).database
    admin = _admin_engine(server_url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """URL of an empty, fully migrated database on the backend under test."""
    if postgres_server_url():
        url = _postgres_database_url()
        yield url
        _drop_postgres_database(url)
    else:
        url = sqlite_url(tmp_path / "test.sqlite3")
        db = Database.connect(url)
        upgrade(db.engine)
        db.dispose()
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database.connect(database_url)
    yield db
    db.dispose()
