"""Several instances starting together on one empty database: one migrates, the others wait."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import BACKUPS_KEPT, backup_sqlite, current_revision, head_revision
from tests.conftest import postgres_server_url

STARTERS = 8


def _start(url: str, barrier, results) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.engine import Database
    from rmab_desktop.db.migrate import upgrade

    database = Database.connect(url)
    barrier.wait()
    try:
        results.put(("migrated" if upgrade(database.engine) else "waited", ""))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("crashed", f"{type(exc).__name__}: {exc}"))
    finally:
        database.dispose()


def _start_together(url: str) -> list[tuple[str, str]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(STARTERS)
    results = context.Queue()
    processes = [context.Process(target=_start, args=(url, barrier, results)) for _ in range(STARTERS)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    return outcomes


def _check(url: str) -> None:
    outcomes = _start_together(url)
    assert [o for o in outcomes if o[0] == "crashed"] == []
    assert [o[0] for o in outcomes].count("migrated") == 1
    database = Database.connect(url)
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()


@pytest.mark.slow
def test_instances_starting_together_on_an_empty_sqlite_file(tmp_path: Path) -> None:
    _check(sqlite_url(tmp_path / "shared.sqlite3"))


@pytest.mark.slow
@pytest.mark.skipif(postgres_server_url() is None, reason="runs in the PostgreSQL pass of tools/run-tests")
def test_instances_starting_together_on_an_empty_postgresql_database() -> None:
    server = postgres_server_url()
    assert server
    name = f"rmab_race_{multiprocessing.current_process().pid}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        _check(make_url(server).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_backup_cut_short_never_pushes_out_a_good_one(tmp_path: Path) -> None:
    db_path = tmp_path / "rmab.sqlite3"
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (1)")
    backups = tmp_path / "backups"
    good = [backup_sqlite(db_path, backups, f"r{i}") for i in range(BACKUPS_KEPT)]
    # A crash in the middle of a copy leaves a partial file, a crash of an older version an empty one.
    (backups / "rmab-r9-20990101T000000000000.sqlite3.partial").write_bytes(b"SQLite format 3\0")
    (backups / "rmab-r9-20990101T000000000001.sqlite3").write_bytes(b"")
    newest = backup_sqlite(db_path, backups, "r10")
    kept = sorted(backups.iterdir())
    assert newest in kept and all(path.stat().st_size > 0 for path in kept)
    assert not any(path.name.endswith(".partial") for path in kept)
    assert len(kept) == BACKUPS_KEPT and set(kept) == {*good[1:], newest}
    with sqlite3.connect(newest) as connection:
        assert connection.execute("SELECT x FROM t").fetchall() == [(1,)]
