"""Alembic is the only way the schema is created or changed; a SQLite file is copied first."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(db_path: Path, backup_dir: Path, revision: str | None) -> Path | None:
    """Copy the database with SQLite's online backup API; keep the newest few copies."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backup_dir / f"{db_path.stem}-{revision or 'empty'}-{stamp}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    for old in sorted(backup_dir.glob(f"{db_path.stem}-*.sqlite3"))[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    log.info("Backed up the database to %s before migrating", target)
    return target


def upgrade(engine: Engine, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head; returns True when a migration ran."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if engine.dialect.name == "sqlite" and backup_dir is not None and engine.url.database:
        backup_sqlite(Path(engine.url.database), backup_dir, current)
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("Database schema upgraded from %s to %s", current, head)
    return True
