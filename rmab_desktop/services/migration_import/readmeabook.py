"""Reading a ReadMeABook database (PostgreSQL, the Prisma schema of ReadMeABook) into a Snapshot."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from rmab_desktop.db.faults import DatabaseFault, Fault
from rmab_desktop.domain.enums import Permission
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.migration_import import rows
from rmab_desktop.services.migration_import.snapshot import (
    Kind,
    Snapshot,
    Source,
    SourceBackend,
    SourceBlock,
    SourceBook,
    SourceDownload,
    SourceRequest,
    SourceSection,
    SourceShelf,
    SourceUser,
    SourceWatch,
    Unreadable,
)

tr = Translator("MigrationImport")

REQUIRED_TABLES = ("users", "audiobooks", "requests")
CONNECT_TIMEOUT_S = 10
PERMISSION_COLUMNS = {
    Permission.AUTO_APPROVE: "auto_approve_requests",
    Permission.INTERACTIVE_SEARCH: "interactive_search_access",
    Permission.DOWNLOAD: "download_access",
}
# Optional tables and the kind of record each holds.
OPTIONAL_TABLES = {
    "download_history": Kind.DOWNLOAD,
    "blocked_releases": Kind.BLOCKLIST,
    "watched_series": Kind.WATCH,
    "watched_authors": Kind.WATCH,
    "goodreads_shelves": Kind.SHELF,
    "hardcover_shelves": Kind.SHELF,
    "notification_backends": Kind.NOTIFICATION,
    "user_home_sections": Kind.HOME_SECTION,
}


class NotASourceError(RmabError):
    """The database or file is reachable but is not the app it was said to be."""


def postgres_url(address: str) -> URL:
    """``address`` as a SQLAlchemy URL using the psycopg driver (ReadMeABook's own form is postgresql://)."""
    try:
        url = make_url(address.strip())
    except sa_exc.ArgumentError:
        raise DatabaseFault(Fault.NOT_A_URL, address=address.strip() or "''") from None
    if url.get_backend_name() not in {"postgresql", "postgres"}:
        raise NotASourceError(
            tr("'{address}' is not a PostgreSQL address; ReadMeABook keeps its data in PostgreSQL.").format(
                address=url.render_as_string(hide_password=True)
            ),
            hint=tr(
                "Give the DATABASE_URL of ReadMeABook, e.g. postgresql://USER:PASSWORD@HOST:5432/readmeabook."
            ),
        )
    if url.password:
        REDACTOR.register(str(url.password))
    return url.set(drivername="postgresql+psycopg")


def read(address: str) -> Snapshot:
    """Everything the import needs from the ReadMeABook database at ``address`` (read only)."""
    url = postgres_url(address)
    shown = url.render_as_string(hide_password=True)

    def read_only(conn: Connection) -> Snapshot:
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        return _snapshot(conn, shown)

    return rows.read_database(
        url,
        url.render_as_string(hide_password=False),
        read_only,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )


def _snapshot(conn: Connection, shown: str) -> Snapshot:
    tables = rows.table_names(conn)
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise NotASourceError(
            tr("The database {address} is not a ReadMeABook database (it has no {tables} table).").format(
                address=shown, tables=", ".join(missing)
            ),
            hint=tr("Give the address of the database ReadMeABook uses (DATABASE_URL in its container)."),
        )
    snapshot = Snapshot(Source.READMEABOOK, shown)
    for table, kind in OPTIONAL_TABLES.items():
        if table not in tables:
            snapshot.unreadable.append(
                Unreadable(
                    kind,
                    table,
                    tr("The table {table} is missing; nothing of it comes over.").format(table=table),
                )
            )

    def read_table(table: str) -> list[dict[str, Any]]:
        return rows.table_rows(conn, table) if table in tables else []

    config = {rows.string(row, "key") or "": row for row in read_table("configuration")}
    region = rows.string(config.get("audible.region", {}), "value", 4)
    snapshot.region = (region or "us").lower()
    snapshot.connection_secrets = {
        key: value
        for key, row in config.items()
        if rows.boolean(row, "encrypted") and (value := rows.string(row, "value", 100_000))
    }
    snapshot.users = [_user(row) for row in read_table("users")]
    snapshot.books = [_book(row) for row in read_table("audiobooks")]
    titles = {book.id: book.title for book in snapshot.books}
    snapshot.requests = [_request(row, titles) for row in read_table("requests")]
    snapshot.downloads = [
        _download(row) for row in read_table("download_history") if rows.boolean(row, "selected") is not False
    ]
    snapshot.blocks = [_block(row) for row in read_table("blocked_releases")]
    snapshot.watches = [_watch(row, "series") for row in read_table("watched_series")] + [
        _watch(row, "author") for row in read_table("watched_authors")
    ]
    snapshot.shelves = [_shelf(row, "goodreads") for row in read_table("goodreads_shelves")] + [
        _shelf(row, "hardcover") for row in read_table("hardcover_shelves")
    ]
    snapshot.backends = [_backend(row) for row in read_table("notification_backends")]
    snapshot.sections = [_section(row) for row in read_table("user_home_sections")]
    return snapshot


def _id(row: rows.Row) -> str:
    return rows.string(row, "id", 200) or ""


def _user(row: rows.Row) -> SourceUser:
    name = rows.string(row, "plex_username", 120) or rows.string(row, "plex_email", 120) or ""
    local = rows.string(row, "auth_provider") == "local" or (rows.string(row, "plex_id") or "").startswith(
        "local-"
    )
    gone = ""
    if row.get("deleted_at") is not None:
        gone = tr("deleted in ReadMeABook")
    elif (rows.string(row, "registration_status") or "approved") != "approved":
        gone = tr("sign-up not approved in ReadMeABook")
    permissions = {
        permission: value
        for permission, column in PERMISSION_COLUMNS.items()
        if (value := rows.boolean(row, column)) is not None
    }
    return SourceUser(
        id=_id(row),
        username=name,
        role="admin" if rows.string(row, "role") == "admin" else "user",
        is_owner=bool(rows.boolean(row, "is_setup_admin")),
        has_password=local,
        permissions=permissions,
        gone=gone,
    )


def _book(row: rows.Row) -> SourceBook:
    year = rows.integer(row, "year")
    return SourceBook(
        id=_id(row),
        asin=(rows.string(row, "audible_asin", 20) or "").upper() or None,
        title=rows.string(row, "title", 500) or "",
        authors=rows.names(row.get("author")),
        narrators=rows.names(row.get("narrator")),
        series=rows.string(row, "series", 300),
        series_position=rows.string(row, "series_part", 20),
        cover_url=rows.string(row, "cover_art_url"),
        description=rows.string(row, "description", 20_000),
        release_date=date(year, 1, 1) if year is not None and 1000 <= year <= 9999 else None,
        library_path=rows.string(row, "file_path", 4000),
    )


def _request(row: rows.Row, titles: dict[str, str]) -> SourceRequest:
    book_id = rows.string(row, "audiobook_id", 200)
    return SourceRequest(
        id=_id(row),
        user_id=rows.string(row, "user_id", 200),
        book_id=book_id,
        title=titles.get(book_id or "", ""),
        status=(rows.string(row, "status", 40) or "").lower(),
        kind=rows.string(row, "type", 20) or "audiobook",
        parent_id=rows.string(row, "parent_request_id", 200),
        custom_search_terms=rows.string(row, "custom_search_terms", 500),
        message=rows.string(row, "error_message", 2000),
        created_at=rows.moment(row, "created_at"),
        completed_at=rows.moment(row, "completed_at"),
        deleted=row.get("deleted_at") is not None,
    )


def _download(row: rows.Row) -> SourceDownload:
    nzb = rows.string(row, "nzb_id", 200)
    infohash = rows.string(row, "torrent_hash", 64)
    client = (rows.string(row, "download_client", 100) or "").lower()
    guid = rows.string(row, "torrent_url") or rows.string(row, "magnet_link") or nzb or infohash or ""
    return SourceDownload(
        id=_id(row),
        request_id=rows.string(row, "request_id", 200) or "",
        title=rows.string(row, "torrent_name", 1000) or guid,
        guid=guid,
        indexer=rows.string(row, "indexer_name", 200) or "",
        protocol="usenet" if nzb or client in {"sabnzbd", "nzbget"} else "torrent",
        client=client,
        item_id=infohash or nzb,
        size_bytes=rows.integer(row, "torrent_size_bytes"),
        score=rows.number(row, "quality_score"),
        status=(rows.string(row, "download_status", 40) or "").lower(),
        path=rows.string(row, "download_path", 4000),
        error=rows.string(row, "download_error", 2000),
        completed_at=rows.moment(row, "completed_at"),
    )


def _block(row: rows.Row) -> SourceBlock:
    return SourceBlock(
        id=_id(row),
        request_id=rows.string(row, "request_id", 200) or "",
        title=rows.string(row, "release_name", 1000) or "",
        release_hash=rows.string(row, "release_hash", 200),
        indexer=rows.string(row, "indexer_name", 200) or "",
        reason=rows.string(row, "reason", 2000) or "",
    )


def _watch(row: rows.Row, kind: str) -> SourceWatch:
    return SourceWatch(
        id=f"{kind}:{_id(row)}",
        user_id=rows.string(row, "user_id", 200) or "",
        kind=kind,
        asin=(rows.string(row, f"{kind}_asin", 20) or "").upper(),
        name=rows.string(row, "series_title" if kind == "series" else "author_name", 300) or "",
    )


def _shelf(row: rows.Row, source: str) -> SourceShelf:
    return SourceShelf(
        id=f"{source}:{_id(row)}",
        user_id=rows.string(row, "user_id", 200) or "",
        source=source,
        name=rows.string(row, "name", 200) or "",
        target=rows.string(row, "rss_url" if source == "goodreads" else "list_id", 2000) or "",
        secret=rows.string(row, "api_token", 10_000) if source == "hardcover" else None,
        auto_request=rows.boolean(row, "auto_request") is not False,
    )


def _backend(row: rows.Row) -> SourceBackend:
    config = rows.json_value(row, "config")
    events = rows.json_value(row, "events")
    return SourceBackend(
        id=_id(row),
        name=rows.string(row, "name", 200) or "",
        type=(rows.string(row, "type", 40) or "").lower(),
        config=config if isinstance(config, dict) else {},
        events=tuple(str(event) for event in events) if isinstance(events, list) else (),
        enabled=rows.boolean(row, "enabled") is not False,
    )


def _section(row: rows.Row) -> SourceSection:
    return SourceSection(
        id=_id(row),
        user_id=rows.string(row, "user_id", 200) or "",
        kind=(rows.string(row, "section_type", 40) or "").lower(),
        category_id=rows.string(row, "category_id", 40),
        title=rows.string(row, "category_name", 200) or "",
        position=rows.integer(row, "sort_order") or 0,
    )
