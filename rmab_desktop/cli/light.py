"""Light openers for commands that need a part of the app, not every feature (fast start).

``open_core`` builds every service, which imports the catalog, the HTTP clients, the keyring and
every model. A command that only reads the job queue or the shared settings opens just the
profile's folders and logging, the database (migrated only when its revision is behind: Alembic
is imported only then) and what it uses on top.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rmab_desktop.cli.output import log_options
from rmab_desktop.logging_setup import setup_logging
from rmab_desktop.paths import AppPaths

if TYPE_CHECKING:
    from rmab_desktop.db.engine import Database
    from rmab_desktop.services.job_queue import JobQueue


def profile_from_args(args: argparse.Namespace) -> AppPaths:
    """The profile's folders (created) with logging set up as ``-v`` asks."""
    paths = AppPaths.resolve(args.profile_dir).ensure()
    options = log_options(args)
    setup_logging(paths.log_file, level=options["log_level"], console=options["log_to_console"])
    return paths


@contextmanager
def open_database(args: argparse.Namespace, paths: AppPaths | None = None) -> Iterator[Database]:
    """The profile's database at the head revision; disposed on exit."""
    from rmab_desktop.db.engine import Database
    from rmab_desktop.db.migrate import upgrade
    from rmab_desktop.db.url import resolve_database_url

    paths = paths or profile_from_args(args)
    database = Database.connect(resolve_database_url(paths, args.database_url))
    try:
        upgrade(database.engine, backup_dir=paths.backup_dir)
        yield database
    finally:
        database.dispose()


@contextmanager
def open_queue(args: argparse.Namespace) -> Iterator[JobQueue]:
    """The persisted job queue alone: listing, adding, cancelling and retrying jobs."""
    from rmab_desktop.services.job_queue import JobQueue

    with open_database(args) as database:
        yield JobQueue(database)
