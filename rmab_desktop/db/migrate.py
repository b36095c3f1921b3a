"""Alembic is the only way the schema is created or changed; a SQLite file is copied first.

Alembic (and the mako/pygments it pulls in) is imported only when the stored revision differs
from the head revision, which is read from the versions folder without it.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5
VERSION_TABLE = "alembic_version"
MIGRATION_WAIT_SECONDS = 300  # how long an instance waits for another one that migrates (SQLite)
MIGRATION_LOCK_KEY = 0x524D4142  # "RMAB": the advisory lock every instance takes to migrate
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The one revision no other migration builds on, from the ``revision = "..."`` lines."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            ids = set(re.findall(r"[\"']([^\"']+)[\"']", value))
            (revisions if name == "revision" else parents).update(ids)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _revision_on(connection)


def _revision_on(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def backup_sqlite(db_path: Path, backup_dir: Path, revision: str | None) -> Path | None:
    """Copy the database with SQLite's online backup API; keep the newest few complete copies.

    The copy is written under a ``.partial`` name and renamed when complete, so a copy cut short
    by a crash is never counted as a backup (nor pushes a good one out); such leftovers and empty
    files are removed here.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    for leftover in backup_dir.glob(f"{db_path.stem}-*.sqlite3.partial"):
        leftover.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backup_dir / f"{db_path.stem}-{revision or 'empty'}-{stamp}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)
    complete = []
    for backup in sorted(backup_dir.glob(f"{db_path.stem}-*.sqlite3")):
        if backup.stat().st_size == 0:
            backup.unlink(missing_ok=True)
        else:
            complete.append(backup)
    for old in complete[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    log.info("Backed up the database to %s before migrating", target)
    return target


def upgrade(engine: Engine, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head; returns True when this call ran a migration.

    Several instances may start together on one database: the first to take the migration lock
    (a PostgreSQL advisory lock held for the transaction; SQLite's write lock, taken by BEGIN
    IMMEDIATE) migrates, the others wait for it and then find nothing left to do.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if engine.dialect.name == "sqlite" and backup_dir is not None and engine.url.database:
        backup_sqlite(Path(engine.url.database), backup_dir, current)
    from alembic import command

    deadline = time.monotonic() + MIGRATION_WAIT_SECONDS
    while True:
        try:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                if _revision_on(connection) == head:  # another instance migrated while we waited
                    return False
                config = alembic_config(engine)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            break
        except OperationalError as exc:
            # SQLite: another instance still migrates after our busy timeout ran out; keep waiting.
            if engine.dialect.name != "sqlite" or "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            log.info("Waiting for another instance to finish upgrading the database")
    log.info("Database schema upgraded from %s to %s", current, head)
    return True
