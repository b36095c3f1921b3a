"""Why a database could not be opened or written, in words: one row of ``FAULTS`` per kind.

Opening a database fails in many ways that SQLAlchemy, sqlite3 and psycopg report as generic
errors ("unable to open database file" covers a missing folder, a folder and a read-only one).
:func:`explain` looks at the error and at the address (and, for a SQLite file, at the path on disk)
and returns a :class:`~rmab_desktop.domain.errors.DatabaseError` with what happened and what to do,
or ``None`` when the error is not a database fault. The command line prints it as its
``error:``/``hint:`` pair; the app shows it in its start-up dialog.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from rmab_desktop.db.engine import connect_timeout
from rmab_desktop.domain.errors import DatabaseError, is_disk_full
from rmab_desktop.domain.i18n import Marked, Translator, text
from rmab_desktop.logging_setup import REDACTOR

tr = Translator("DatabaseErrors")


class Fault(StrEnum):
    NOT_A_URL = "not_a_url"
    UNKNOWN_TYPE = "unknown_type"
    MISSING_DRIVER = "missing_driver"
    HOST_UNREACHABLE = "host_unreachable"
    NO_ANSWER = "no_answer"
    REFUSED = "refused"
    AUTH_FAILED = "auth_failed"
    NO_DATABASE = "no_database"
    MISSING_FOLDER = "missing_folder"
    IS_FOLDER = "is_folder"
    NOT_WRITABLE = "not_writable"
    CORRUPT = "corrupt"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    CANNOT_OPEN = "cannot_open"


@dataclass(frozen=True)
class FaultText:
    message: Marked
    hint: Marked


# Placeholders: {address} (password hidden), {host}, {port}, {user}, {database}, {path}, {folder},
# {scheme}, {module}, {detail} (the driver's own words), {backups}, {seconds} (the connect timeout).
FAULTS: dict[Fault, FaultText] = {
    Fault.NOT_A_URL: FaultText(
        tr.mark("'{address}' is not a database address."),
        tr.mark(
            "Use postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, or sqlite:////full/path/file.sqlite3; "
            "leave it out to use the profile's own database."
        ),
    ),
    Fault.UNKNOWN_TYPE: FaultText(
        tr.mark("The database address starts with '{scheme}', a kind of database the app does not know."),
        tr.mark("Start the address with postgresql+psycopg:// (PostgreSQL) or sqlite:/// (a database file)."),
    ),
    Fault.MISSING_DRIVER: FaultText(
        tr.mark("The database driver '{module}' that '{scheme}' asks for is not installed."),
        tr.mark(
            "Start the address with postgresql+psycopg:// to use the PostgreSQL driver the app ships with."
        ),
    ),
    Fault.HOST_UNREACHABLE: FaultText(
        tr.mark("The database server {host} cannot be reached ({detail})."),
        tr.mark("Check the host name in the database address and that this computer is on the same network."),
    ),
    Fault.NO_ANSWER: FaultText(
        tr.mark("The database server {host} did not answer on port {port} within {seconds} seconds."),
        tr.mark(
            "Check that PostgreSQL runs there and that no firewall silently drops the connection; "
            "for a slow link, add ?connect_timeout=30 (seconds) to the database address."
        ),
    ),
    Fault.REFUSED: FaultText(
        tr.mark("The database server {host} refused the connection on port {port}."),
        tr.mark("Check that PostgreSQL is running there and accepts connections on that port."),
    ),
    Fault.AUTH_FAILED: FaultText(
        tr.mark("The database server {host} did not accept the user '{user}' or its password."),
        tr.mark("Check the user name and password in the database address."),
    ),
    Fault.NO_DATABASE: FaultText(
        tr.mark("The database server {host} has no database named '{database}'."),
        tr.mark("Create it first (createdb -O {user} {database}) or correct its name in the address."),
    ),
    Fault.MISSING_FOLDER: FaultText(
        tr.mark("The folder {folder} for the database file does not exist."),
        tr.mark("Create the folder, or correct the path in the database address."),
    ),
    Fault.IS_FOLDER: FaultText(
        tr.mark("{path} is a folder, not a database file."),
        tr.mark("Give the path of a file inside it, e.g. {path}/rmab.sqlite3."),
    ),
    Fault.NOT_WRITABLE: FaultText(
        tr.mark("The database file {path} cannot be written (it or its folder is read-only)."),
        tr.mark("Give your user write access to the file and its folder, or use another location."),
    ),
    Fault.CORRUPT: FaultText(
        tr.mark("The database file {path} is damaged and cannot be read ({detail})."),
        tr.mark(
            "Move the file aside and start again, or put back a copy from the backups folder {backups}; "
            "the app changes nothing in a damaged file."
        ),
    ),
    Fault.DISK_FULL: FaultText(
        tr.mark("The disk holding the database {address} is full."),
        tr.mark("Free some space on that disk and try again; the change that did not fit was not saved."),
    ),
    Fault.BUSY: FaultText(
        tr.mark("The database {address} is locked by another program."),
        tr.mark("Close other copies of the app or tools using the file, then try again."),
    ),
    Fault.CANNOT_OPEN: FaultText(
        tr.mark("The database {address} cannot be opened ({detail})."),
        tr.mark("Check the database address, and for a file its folder and permissions."),
    ),
}

_UNREACHABLE = re.compile(
    r"failed to resolve host|could not translate host name|name or service not known|"
    r"timed out|network is unreachable|no route to host|temporary failure in name resolution",
    re.IGNORECASE,
)
_NO_ANSWER = re.compile(r"timeout expired", re.IGNORECASE)  # libpq's connect_timeout ran out
_REFUSED = re.compile(r"connection refused", re.IGNORECASE)
_AUTH = re.compile(
    r"password authentication failed|no password supplied|authentication failed|role \".*\" does not exist",
    re.IGNORECASE,
)
_NO_DATABASE = re.compile(r"database \".*\" does not exist", re.IGNORECASE)
_CORRUPT = re.compile(r"file is not a database|malformed|disk image|file is encrypted", re.IGNORECASE)
_SQLITE_OPEN = re.compile(r"unable to open database file|readonly database|read-only", re.IGNORECASE)


class DatabaseFault(DatabaseError):
    """A database fault put into words; ``kind`` says which row of ``FAULTS`` it is."""

    def __init__(self, kind: Fault, **values: object) -> None:
        row = FAULTS[kind]
        fields = _Fields(values)
        super().__init__(text(row.message).format_map(fields), hint=text(row.hint).format_map(fields))
        self.kind = kind


class _Fields(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def explain(exc: BaseException, url: str | None, *, backups: Path | None = None) -> DatabaseFault | None:
    """The fault ``exc`` is, opening or writing the database at ``url``; None when it is none."""
    if isinstance(exc, DatabaseFault):
        return exc
    if url is None:
        return None
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        return DatabaseFault(Fault.NOT_A_URL, address=url.strip() or "''")
    values: dict[str, object] = {
        "address": parsed.render_as_string(hide_password=True),
        "scheme": parsed.drivername,
        "host": parsed.host or "localhost",
        "port": parsed.port or 5432,
        "user": parsed.username or "",
        "database": parsed.database or "",
        "backups": backups or "",
        "detail": _detail(exc),
        "seconds": connect_timeout(url),
    }
    if isinstance(exc, sa_exc.NoSuchModuleError):
        return DatabaseFault(Fault.UNKNOWN_TYPE, **values)
    if isinstance(exc, ImportError):
        missing = _missing_driver(parsed)
        return None if missing is None else DatabaseFault(Fault.MISSING_DRIVER, module=missing, **values)
    if is_disk_full(exc):
        return DatabaseFault(Fault.DISK_FULL, **values)
    driver_error = _driver_error(exc)
    if driver_error is None:
        return None
    message = str(driver_error)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_fault(parsed, message, values)
    for kind, pattern in (
        (Fault.NO_DATABASE, _NO_DATABASE),
        (Fault.AUTH_FAILED, _AUTH),
        (Fault.REFUSED, _REFUSED),
        (Fault.NO_ANSWER, _NO_ANSWER),
        (Fault.HOST_UNREACHABLE, _UNREACHABLE),
    ):
        if pattern.search(message):
            return DatabaseFault(kind, **values)
    return DatabaseFault(Fault.CANNOT_OPEN, **values)


def _sqlite_fault(parsed: URL, message: str, values: dict[str, object]) -> DatabaseFault:
    path = Path(parsed.database or "")
    values = {**values, "path": path, "folder": path.parent}
    if _CORRUPT.search(message):
        return DatabaseFault(Fault.CORRUPT, **values)
    if "database is locked" in message:
        return DatabaseFault(Fault.BUSY, **values)
    if _SQLITE_OPEN.search(message) and parsed.database not in (None, "", ":memory:"):
        checks: tuple[tuple[Fault, Callable[[], bool]], ...] = (
            (Fault.MISSING_FOLDER, lambda: not path.parent.is_dir()),
            (Fault.IS_FOLDER, path.is_dir),
            (Fault.NOT_WRITABLE, lambda: not _writable(path)),
        )
        for kind, applies in checks:
            if applies():
                return DatabaseFault(kind, **values)
    return DatabaseFault(Fault.CANNOT_OPEN, **values)


def _writable(path: Path) -> bool:
    """The file (when it exists) and its folder (for the journal) can be written."""
    return (not path.exists() or os.access(path, os.W_OK)) and os.access(path.parent, os.W_OK)


def _driver_error(exc: BaseException) -> BaseException | None:
    """The DBAPI error behind ``exc`` (sqlite3 or psycopg), if it is one."""
    if isinstance(exc, sa_exc.DBAPIError):
        return exc.orig or exc
    if isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("psycopg"):
        return exc
    cause = exc.__cause__ or exc.__context__
    return None if cause is None or cause is exc else _driver_error(cause)


def _detail(exc: BaseException) -> str:
    """The driver's first line, without SQLAlchemy's wrapper and background link."""
    inner = _driver_error(exc) or exc
    first = str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    return REDACTOR.redact(first[:200])


def _missing_driver(parsed: URL) -> str | None:
    """The module the URL's driver needs and cannot import (None: the driver loads fine)."""
    try:
        parsed.get_dialect().import_dbapi()
    except ImportError as exc:
        return exc.name or str(exc)
    return None
