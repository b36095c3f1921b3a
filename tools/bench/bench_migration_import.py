"""Benchmark moving over from ReadMeABook: a first import, a second one (nothing new), and the
baseline of only reading the source database, all in one run.

Run inside a throwaway PostgreSQL (the source) with the app's database on SQLite:
    pg_virtualenv -t sh -c 'PYTHONPATH=. python tools/bench/bench_migration_import.py \
        "postgresql+psycopg://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/$PGDATABASE" 20 2000'
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import keyring

from rmab_desktop.bootstrap import open_core
from rmab_desktop.db.engine import sqlite_url
from rmab_desktop.services.migration_import import MigrationImport, Source
from tests import readmeabook_source as source
from tests.fakes.memory_keyring import MemoryKeyring


def build(url: str, users: int, books: int) -> None:
    source.create_schema(url)
    source.insert(
        url,
        "users",
        *({"id": f"u{i}", "plex_id": f"plex-{i}", "plex_username": f"reader{i:03d}"} for i in range(users)),
    )
    source.insert(
        url,
        "audiobooks",
        *({"id": f"b{i}", "audible_asin": f"B0BENCH{i:04d}", "title": f"Book {i}", "author": f"Author {i % 97}"}
          for i in range(books)),
    )  # fmt: skip
    statuses = ["available", "downloaded", "awaiting_approval", "failed", "pending"]
    source.insert(
        url,
        "requests",
        *({"id": f"r{i}", "user_id": f"u{i % users}", "audiobook_id": f"b{i}", "status": statuses[i % 5]}
          for i in range(books)),
    )  # fmt: skip


def main() -> int:
    url, users, books = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    keyring.set_keyring(MemoryKeyring())
    build(url, users, books)
    started = time.perf_counter()
    snapshot = MigrationImport.read(Source.READMEABOOK, url)
    read_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        core = open_core(
            Path(folder) / "profile", sqlite_url(Path(folder) / "db.sqlite3"), log_to_console=False
        )
        try:
            started = time.perf_counter()
            first = core.migration_import.run(snapshot)
            first_s = time.perf_counter() - started
            started = time.perf_counter()
            second = core.migration_import.run(MigrationImport.read(Source.READMEABOOK, url))
            second_s = time.perf_counter() - started
        finally:
            core.close()
    rows = sum(count.found for count in first.counts.values())
    print(f"source rows: {rows} ({users} users, {books} books, {books} requests)")
    print(f"read only (baseline): {read_s:.2f} s")
    print(f"first import: {first_s:.2f} s ({first_s / rows * 1000:.1f} ms a row)")
    print(
        f"second import (read + nothing new): {second_s:.2f} s; added {sum(c.added for c in second.counts.values())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
