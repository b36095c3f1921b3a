"""``rmab db upgrade`` and ``rmab db info``."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.db.engine import Database
from rmab_desktop.db.migrate import current_revision, head_revision, upgrade
from rmab_desktop.db.url import resolve_database_url
from rmab_desktop.paths import AppPaths


def register(db: argparse.ArgumentParser) -> None:
    commands = db.add_subparsers(dest="db_command", required=True)
    up = commands.add_parser("upgrade", help="apply migrations (backs up a SQLite file first)")
    up.set_defaults(handler=upgrade_cmd)
    info = commands.add_parser("info", help="schema revision, backend, path or host (changes nothing)")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=info_cmd)


def upgrade_cmd(args: argparse.Namespace) -> int:
    core = core_from_args(args, migrate=False)
    try:
        before = current_revision(core.database.engine)
        upgrade(core.database.engine, backup_dir=core.paths.backup_dir)
        print(f"schema at {head_revision()} (was {before or 'empty'})")
        return 0
    finally:
        core.close()


def info_cmd(args: argparse.Namespace) -> int:
    """Reads only: no folder, log file, database, migration or backup is created."""
    url = resolve_database_url(AppPaths.resolve(args.profile_dir), args.database_url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        info = _sqlite_info(Path(parsed.database))
    else:
        database = Database.connect(url)
        try:
            info = {**database.describe(), "revision": current_revision(database.engine)}
        finally:
            database.dispose()
    info["head"] = head_revision()
    info["up_to_date"] = info["revision"] == info["head"]
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0


def _sqlite_info(path: Path) -> dict[str, Any]:
    info: dict[str, Any] = {"backend": "sqlite", "path": str(path), "exists": path.is_file()}
    if not info["exists"]:
        return {**info, "revision": None}
    # Read-only; while the app has the file open (its -wal file exists) through the shared WAL,
    # else as an immutable file so that SQLite creates no -wal or -shm file beside it.
    option = "mode=ro" if path.with_name(path.name + "-wal").exists() else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{option}"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        return {**info, "revision": current_revision(engine)}
    finally:
        engine.dispose()
