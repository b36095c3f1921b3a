"""Reading an AudioBookRequest database (its SQLite file) into a Snapshot.

AudioBookRequest keeps users by name (group untrusted, trusted or admin; one root user), the
Audible books asked for (``audiobook``, ``downloaded`` once a download finished), one
``audiobookrequest`` row per book and user, requests typed in by hand without a book
(``manualbookrequest``) and webhook notifications with their own message bodies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from rmab_desktop.domain.enums import Permission
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.migration_import import rows
from rmab_desktop.services.migration_import.readmeabook import NotASourceError
from rmab_desktop.services.migration_import.snapshot import (
    Kind,
    Snapshot,
    Source,
    SourceBackend,
    SourceBook,
    SourceRequest,
    SourceUser,
    Unreadable,
)

tr = Translator("MigrationImport")

REQUIRED_TABLES = ("user", "audiobook", "audiobookrequest")
# Enum columns hold the member's name; AudioBookRequest's names and values are the same words
# except for the notification events.
EVENTS = {
    "on_new_request": "request_created",
    "onnewrequest": "request_created",
    "on_successful_download": "available",
    "onsuccessfuldownload": "available",
    "on_failed_download": "failed",
    "onfaileddownload": "failed",
}


def read(path: Path) -> Snapshot:
    """Everything the import needs from the AudioBookRequest database file ``path`` (read only)."""
    path = path.expanduser()
    if not path.is_file():
        raise NotASourceError(
            tr("{path} is not a file.").format(path=path),
            hint=tr("Give the path of AudioBookRequest's database file (db.sqlite in its config folder)."),
        )
    return rows.read_database(
        f"sqlite:///file:{path.resolve()}?mode=ro&uri=true",
        f"sqlite:///{path.resolve()}",
        lambda conn: _snapshot(conn, str(path)),
    )


def _snapshot(conn: Connection, shown: str) -> Snapshot:
    tables = rows.table_names(conn)
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise NotASourceError(
            tr("{path} is not an AudioBookRequest database (it has no {tables} table).").format(
                path=shown, tables=", ".join(missing)
            ),
            hint=tr("Give the path of AudioBookRequest's database file (db.sqlite in its config folder)."),
        )

    def read_table(table: str) -> list[dict[str, Any]]:
        return rows.table_rows(conn, table) if table in tables else []

    snapshot = Snapshot(Source.AUDIOBOOKREQUEST, shown)
    users = {rows.string(row, "username", 120) or "": row for row in read_table("user")}
    snapshot.users = [_user(name, row) for name, row in users.items() if name]
    books = {rows.string(row, "asin", 20) or "": row for row in read_table("audiobook")}
    snapshot.books = [_book(asin, row) for asin, row in books.items() if asin]
    for row in read_table("audiobookrequest"):
        asin, username = rows.string(row, "asin", 20), rows.string(row, "user_username", 120)
        if not asin or not username:
            snapshot.unreadable.append(
                Unreadable(Kind.REQUEST, f"{asin}/{username}", tr("The request names no book or no user."))
            )
            continue
        downloaded = bool(rows.boolean(books.get(asin, {}), "downloaded"))
        group = (rows.string(users.get(username, {}), "group") or "untrusted").lower()
        waiting = "awaiting_approval" if group == "untrusted" else "pending"
        snapshot.requests.append(
            SourceRequest(
                id=f"{asin}/{username}",
                user_id=username,
                book_id=asin,
                status="downloaded" if downloaded else waiting,
                title=rows.string(books.get(asin, {}), "title", 500) or asin,
                created_at=rows.moment(row, "updated_at"),
            )
        )
    for row in read_table("manualbookrequest"):
        snapshot.requests.append(
            SourceRequest(
                id=f"manual:{rows.string(row, 'id', 200) or ''}",
                user_id=rows.string(row, "user_username", 120),
                book_id=None,
                status="downloaded" if rows.boolean(row, "downloaded") else "pending",
                title=rows.string(row, "title", 500) or "",
            )
        )
    snapshot.backends = [_backend(row) for row in read_table("notification")]
    return snapshot


def _user(name: str, row: rows.Row) -> SourceUser:
    group = (rows.string(row, "group") or "untrusted").lower()
    return SourceUser(
        id=name,
        username=name,
        role="admin" if group == "admin" else "user",
        is_owner=bool(rows.boolean(row, "root")),
        has_password=bool(rows.string(row, "password")),
        permissions={} if group == "admin" else {Permission.AUTO_APPROVE: group == "trusted"},
    )


def _book(asin: str, row: rows.Row) -> SourceBook:
    return SourceBook(
        id=asin,
        asin=asin.upper(),
        title=rows.string(row, "title", 500) or "",
        subtitle=rows.string(row, "subtitle", 500),
        authors=rows.names(rows.json_value(row, "authors")),
        narrators=rows.names(rows.json_value(row, "narrators")),
        cover_url=rows.string(row, "cover_image"),
        release_date=rows.day(row, "release_date"),
        runtime_minutes=rows.integer(row, "runtime_length_min"),
    )


def _backend(row: rows.Row) -> SourceBackend:
    event = (rows.string(row, "event", 40) or "").lower()
    return SourceBackend(
        id=rows.string(row, "id", 200) or "",
        name=rows.string(row, "name", 200) or "",
        type="webhook",
        config={"url": rows.string(row, "url", 2000) or ""},
        events=(EVENTS.get(event, event),),
        enabled=rows.boolean(row, "enabled") is not False,
    )
