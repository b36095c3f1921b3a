"""The head and stored revisions are read without Alembic; Alembic runs only when they differ."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import alembic_config, current_revision, head_revision, upgrade


def test_head_revision_matches_alembic():
    assert head_revision() == ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def test_current_revision_of_an_empty_then_migrated_database(tmp_path, database):
    empty = Database.connect(sqlite_url(tmp_path / "empty.sqlite3"))
    try:
        assert current_revision(empty.engine) is None
        assert upgrade(empty.engine, backup_dir=tmp_path / "backups") is True
        assert current_revision(empty.engine) == head_revision()
        assert upgrade(empty.engine, backup_dir=tmp_path / "backups") is False  # nothing to do
    finally:
        empty.dispose()
    assert current_revision(database.engine) == head_revision()  # the backend under test
