"""Which database a profile uses: ``--database-url``, else ``RMAB_DATABASE_URL``, else its SQLite file."""

from __future__ import annotations

import os

from sqlalchemy.engine import make_url

from rmab_desktop.db.engine import sqlite_url
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.paths import AppPaths

DATABASE_URL_ENV = "RMAB_DATABASE_URL"


def resolve_database_url(paths: AppPaths, explicit: str | None) -> str:
    url = explicit or os.environ.get(DATABASE_URL_ENV)
    if not url:
        return sqlite_url(paths.database_file)
    parsed = make_url(url)
    if parsed.password:
        REDACTOR.register(str(parsed.password))
    return url
