"""``rmab import readmeabook``: a ReadMeABook database on a real PostgreSQL comes over, once."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import create_engine, func, select, text

from rmab_desktop import KEYRING_SERVICE
from rmab_desktop.bootstrap import open_core
from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import (
    Audiobook,
    BlocklistEntry,
    DownloadHistory,
    HomeSection,
    ImportMapping,
    NotificationBackend,
    ReadingShelf,
    Request,
    User,
    UserPermission,
    WatchedEntity,
)
from tests import readmeabook_source as source
from tests.daemons import free_port

TABLES = (
    User,
    UserPermission,
    Audiobook,
    Request,
    DownloadHistory,
    BlocklistEntry,
    WatchedEntity,
    ReadingShelf,
    NotificationBackend,
    HomeSection,
    ImportMapping,
)


@pytest.fixture
def rmab_url(empty_postgres_database: str) -> str:
    source.build(empty_postgres_database)
    return empty_postgres_database


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def _counts(database_url: str) -> dict[str, int]:
    db = Database.connect(database_url)
    try:
        with db.session() as session:
            return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}
    finally:
        db.dispose()


def _rows(database_url: str, query: Any) -> list[Any]:
    db = Database.connect(database_url)
    try:
        with db.session() as session:
            return list(session.execute(query).all())
    finally:
        db.dispose()


def test_a_readmeabook_database_comes_over_and_a_second_import_changes_nothing(
    rmab: Any, rmab_url: str, database_url: str
) -> None:
    code, first, err = rmab("import", "readmeabook", rmab_url, "--key", source.KEY, "--json")
    assert code == 0, err
    counts = first["report"]["counts"]
    assert counts["user"] == {
        "found": 4,
        "added": 2,
        "already": 1,
        "skipped": 1,
    }  # admin is "me"; carl deleted
    assert counts["audiobook"] == {"found": 4, "added": 3, "already": 0, "skipped": 1}  # one has no ASIN
    assert counts["request"]["added"] == 6 and counts["request"]["skipped"] == 2  # no ASIN; deleted
    assert counts["download"]["added"] == 2 and counts["download"]["found"] == 2  # unselected result left out
    assert counts["blocklist"] == {"found": 2, "added": 1, "already": 0, "skipped": 1}
    assert counts["watch"]["added"] == 2 and counts["shelf"]["added"] == 2
    assert counts["notification"] == {"found": 2, "added": 1, "already": 0, "skipped": 1}
    assert counts["home_section"]["skipped"] == 1
    after_first = _counts(database_url)

    code, second, err = rmab("import", "readmeabook", rmab_url, "--key", source.KEY, "--json")
    assert code == 0, err
    assert all(count["added"] == 0 for count in second["report"]["counts"].values())
    assert _counts(database_url) == after_first

    code, out, _ = rmab("import", "readmeabook", rmab_url, "--key", source.KEY)
    assert code == 0 and "Nothing new" in out
    assert _counts(database_url) == after_first


def test_what_came_over_keeps_statuses_people_and_secrets(
    rmab: Any, rmab_url: str, database_url: str, tmp_path: Path
) -> None:
    code, result, err = rmab("import", "readmeabook", rmab_url, "--key", source.KEY, "--json")
    assert code == 0, err
    requests = _rows(
        database_url,
        select(Audiobook.title, Request.kind, Request.status, User.username)
        .join(Audiobook, Audiobook.id == Request.audiobook_id)
        .outerjoin(User, User.id == Request.user_id),
    )
    assert sorted(requests, key=str) == sorted(
        [
            ("Dune", "audiobook", "available", "anna"),
            ("Dune", "ebook", "downloaded", "anna"),
            ("Project Hail Mary", "audiobook", "awaiting_search", "bob"),
            ("Project Hail Mary", "audiobook", "cancelled", None),
            ("The Left Hand of Darkness", "audiobook", "awaiting_approval", "anna"),
            ("The Left Hand of Darkness", "audiobook", "warn", "me"),
        ],
        key=str,
    )
    (parent,) = _rows(database_url, select(Request.parent_id).where(Request.kind == "ebook"))
    assert parent[0] is not None
    changed = {note["id"]: note["reason"] for note in result["report"]["changed"]}
    assert "teleporting" in changed["r5"] and "searched again" in changed["r2"]
    assert "without a user" in changed["r6"]

    books = {
        asin: (region, path)
        for asin, region, path in _rows(
            database_url, select(Audiobook.asin, Audiobook.region, Audiobook.library_path)
        )
    }
    assert books["B00DUNE001"] == ("uk", "/media/audiobooks/Frank Herbert/Dune")
    assert "B00HAIL002" in books

    permissions = _rows(
        database_url,
        select(User.username, UserPermission.permission, UserPermission.granted).join(
            User, User.id == UserPermission.user_id
        ),
    )
    assert ("anna", "auto_approve", False) in permissions and (
        "bob",
        "interactive_search",
        True,
    ) in permissions

    history = _rows(
        database_url,
        select(DownloadHistory.status, DownloadHistory.protocol, DownloadHistory.removed_from_client),
    )
    assert sorted(history) == [("cancelled", "usenet", True), ("completed", "torrent", True)]
    blocked = _rows(database_url, select(BlocklistEntry.infohash, BlocklistEntry.reason))
    assert blocked == [(source.INFOHASH.replace("0", "f"), "Download stalled")]

    shelf = _rows(
        database_url,
        select(ReadingShelf.source, ReadingShelf.url, ReadingShelf.auto_request, ReadingShelf.secret_name),
    )
    hardcover = next(row for row in shelf if row[0] == "hardcover")
    assert hardcover[1:3] == ("want-to-read", False)
    assert keyring.get_password(KEYRING_SERVICE, hardcover[3]) == source.HARDCOVER_TOKEN

    (backend,) = _rows(
        database_url,
        select(NotificationBackend.name, NotificationBackend.secret_name, NotificationBackend.events),
    )
    assert backend[0] == "Family Discord" and sorted(backend[2]) == ["available", "failed"]
    # Several people came over, so the app is a household now: the URL is a shared secret,
    # encrypted in the database and read through the one secrets route of the app.
    core = open_core(tmp_path, database_url, log_to_console=False)
    try:
        assert core.secrets.get(backend[1]) == "discord://424242/discord-token-abc?botname=RMAB"
    finally:
        core.close()
    assert keyring.get_password(KEYRING_SERVICE, backend[1]) is None
    sections = _rows(
        database_url,
        select(User.username, HomeSection.kind, HomeSection.category_id).join(
            User, User.id == HomeSection.user_id
        ),
    )
    assert ("anna", "category", "18580606011") in sections

    to_enter = [item["what"] for item in result["report"]["to_enter_again"]]
    assert "Prowlarr API key" in to_enter and "Password of user bob" in to_enter
    engine = create_engine(database_url)
    with engine.connect() as conn:
        dump = " ".join(
            str(row)
            for table in ("configuration", "import_mappings", "reading_shelves", "notification_backends")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
        )
    engine.dispose()
    assert source.HARDCOVER_TOKEN not in dump and "discord-token-abc" not in dump


def test_without_the_key_secrets_are_listed_to_enter_again(
    rmab: Any, rmab_url: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, result, err = rmab("import", "readmeabook", rmab_url, "--json")
    assert code == 0, err
    report = result["report"]
    assert report["counts"]["notification"]["added"] == 0
    whats = [item["what"] for item in report["to_enter_again"]]
    assert "Notification target Family Discord" in whats
    assert "Hardcover token of the shelf Want to Read" in whats
    assert report["counts"]["shelf"]["added"] == 2  # the shelf comes over; only its token is missing
    # With the key later (read from standard input), what needed it comes over, nothing twice.
    monkeypatch.setattr("sys.stdin", io.StringIO(source.KEY + "\n"))
    code, again, err = rmab("import", "readmeabook", rmab_url, "--key", "-", "--json")
    assert code == 0, err
    assert again["report"]["counts"]["notification"]["added"] == 1
    assert again["report"]["counts"]["request"]["added"] == 0


def test_a_dry_run_previews_and_writes_nothing(rmab: Any, rmab_url: str, database_url: str) -> None:
    before = _counts(database_url)
    code, result, err = rmab("import", "readmeabook", rmab_url, "--dry-run", "--json")
    assert code == 0, err
    assert result["preview"]["counts"]["request"] == 8
    assert "Dune [available]" in result["preview"]["samples"]["request"]
    assert result["preview"]["encrypted_secrets"] == 3  # Prowlarr, Hardcover, Discord
    assert result["report"]["dry_run"] and result["report"]["counts"]["request"]["added"] == 6
    assert _counts(database_url) == before


def _error_lines(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), err
    assert "Traceback" not in err
    return lines


def test_a_wrong_key_is_refused_before_anything_is_written(
    rmab: Any, rmab_url: str, database_url: str
) -> None:
    before = _counts(database_url)
    code, _, err = rmab("import", "readmeabook", rmab_url, "--key", "not-the-key")
    assert code != 0
    assert "key does not open" in _error_lines(err)[0]
    assert _counts(database_url) == before


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("this is no address", "not a database address"),
        ("mysql://root@127.0.0.1/readmeabook", "not a PostgreSQL address"),
    ],
)
def test_wrong_addresses_end_in_two_lines(rmab: Any, address: str, words: str) -> None:
    code, _, err = rmab("import", "readmeabook", address)
    assert code != 0 and words in _error_lines(err)[0]


def test_a_refused_connection_a_wrong_password_and_another_database_are_explained(
    rmab: Any, empty_postgres_database: str
) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(empty_postgres_database)
    refused = url.set(host="127.0.0.1", port=free_port()).render_as_string(hide_password=False)
    code, _, err = rmab("import", "readmeabook", refused.replace("postgresql+psycopg", "postgresql"))
    assert code != 0 and "refused the connection" in _error_lines(err)[0]

    wrong_password = url.set(password="wrong-password").render_as_string(hide_password=False)
    code, _, err = rmab("import", "readmeabook", wrong_password)
    assert code != 0 and "did not accept the user" in _error_lines(err)[0]
    assert "wrong-password" not in err

    code, _, err = rmab("import", "readmeabook", empty_postgres_database)  # empty: not ReadMeABook's
    assert code != 0 and "not a ReadMeABook database" in _error_lines(err)[0]


def test_hostile_rows_are_mapped_or_reported_never_a_crash(rmab: Any, empty_postgres_database: str) -> None:
    url = empty_postgres_database
    source.create_schema(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql('DROP TABLE "watched_authors"')
        conn.exec_driver_sql('ALTER TABLE "users" DROP COLUMN "auto_approve_requests"')
        conn.exec_driver_sql('ALTER TABLE "audiobooks" DROP COLUMN "series_part"')
        conn.exec_driver_sql('ALTER TABLE "requests" ALTER COLUMN "status" DROP NOT NULL')
        conn.exec_driver_sql('ALTER TABLE "users" ALTER COLUMN "plex_username" DROP NOT NULL')
    engine.dispose()
    source.insert(
        url,
        "users",
        {"id": "u1", "plex_id": "plex-1", "plex_username": "Dana"},
        {"id": "u2", "plex_id": "plex-2", "plex_username": "dana"},
        {"id": "u3", "plex_id": "plex-3", "plex_username": None},
        {"id": "u4", "plex_id": "plex-4", "plex_username": "jo"},
        {"id": "u5", "plex_id": "plex-5", "plex_username": "eve", "registration_status": "pending_approval"},
    )
    source.insert(
        url,
        "audiobooks",
        {
            "id": "b1",
            "audible_asin": "B0NULLS001",
            "title": "Nulls Everywhere",
            "author": "",
            "narrator": None,
        },
    )
    source.insert(
        url,
        "requests",
        {"id": "r1", "user_id": "u2", "audiobook_id": "b1", "status": None},
        {"id": "r2", "user_id": "u1", "audiobook_id": "b1", "status": "AVAILABLE"},
        {"id": "r3", "user_id": "u4", "audiobook_id": "b1", "status": "pending", "type": "comic"},
    )
    source.insert(
        url,
        "notification_backends",
        {"id": "n1", "type": "ntfy", "name": "", "config": ["not", "an", "object"], "events": {}},
    )
    code, result, err = rmab("import", "readmeabook", url, "--json")
    assert code == 0, err
    report = result["report"]
    assert report["counts"]["user"] == {"found": 5, "added": 1, "already": 1, "skipped": 3}
    not_mapped = {(note["kind"], note["id"]): note["reason"] for note in report["not_mapped"]}
    assert "shorter than 3" in not_mapped[("user", "u3")] and "shorter than 3" in not_mapped[("user", "u4")]
    assert "not approved" in not_mapped[("user", "u5")]
    assert "watched_authors" in not_mapped[("watch", "watched_authors")]
    assert "no topic" in not_mapped[("notification", "n1")]
    changed = {(note["kind"], note["id"]): note["reason"] for note in report["changed"]}
    assert "merged with the first" in changed[("user", "u2")]
    assert "unknown status ''" in changed[("request", "r1")]
    assert "without a user" in changed[("request", "r3")]
    assert report["counts"]["request"]["added"] == 3
    assert report["counts"]["request"]["skipped"] == 0
