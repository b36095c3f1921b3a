"""Which database a profile uses: ``--database-url``, else ``RMAB_DATABASE_URL``, else its SQLite file."""

from __future__ import annotations

import os

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from rmab_desktop.db.engine import sqlite_url
from rmab_desktop.db.faults import DatabaseFault, Fault, explain
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.paths import AppPaths

DATABASE_URL_ENV = "RMAB_DATABASE_URL"


def resolve_database_url(paths: AppPaths, explicit: str | None) -> str:
    url = explicit or os.environ.get(DATABASE_URL_ENV)
    if not url:
        return sqlite_url(paths.database_file)
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        raise DatabaseFault(Fault.NOT_A_URL, address=url.strip() or "''") from None
    if parsed.password:
        REDACTOR.register(str(parsed.password))
    return url


def explain_open_failure(exc: BaseException, paths: AppPaths, explicit: str | None) -> DatabaseFault | None:
    """``exc`` in words when it is a fault of the profile's database (see :mod:`rmab_desktop.db.faults`)."""
    try:
        url = resolve_database_url(paths, explicit)
    except DatabaseFault as fault:
        return fault
    return explain(exc, url, backups=paths.backup_dir)
