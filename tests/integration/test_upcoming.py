"""Upcoming releases: requested books whose release day is after today (the user's date), soonest
first; released, ended and deleted requests are left out; ``rmab upcoming [--json]``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import open_core
from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request, WatchedBook, WatchedEntity, utcnow
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.services.upcoming import UpcomingService, local_today

TODAY = date(2027, 3, 1)


def add(
    database: Database, asin: str, title: str, released: date | None, status: RequestStatus, **row: object
) -> int:
    with database.session() as session:
        book = Audiobook(
            asin=asin, region="us", title=title, authors=[{"name": "Kay Later"}], release_date=released,
            series_name="Weather", series_position="2",
        )  # fmt: skip
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, status=status.value, region="us", **row)
        session.add(request)
        session.flush()
        return request.id


def fill(database: Database) -> dict[str, int]:
    return {
        "later": add(
            database, "B0UPCOMIN1", "Late Spring", date(2027, 4, 18), RequestStatus.AWAITING_RELEASE
        ),
        "soon": add(
            database, "B0UPCOMIN2", "Tomorrow's Storm", date(2027, 3, 2), RequestStatus.AWAITING_RELEASE
        ),
        "approval": add(
            database, "B0UPCOMIN3", "Waiting Game", date(2027, 3, 9), RequestStatus.AWAITING_APPROVAL
        ),
        "today": add(database, "B0UPCOMIN4", "Out Today", TODAY, RequestStatus.AWAITING_SEARCH),
        "old": add(database, "B0UPCOMIN5", "Long Out", date(2001, 1, 1), RequestStatus.AVAILABLE),
        "cancelled": add(database, "B0UPCOMIN6", "Not Wanted", date(2027, 5, 1), RequestStatus.CANCELLED),
        "deleted": add(
            database,
            "B0UPCOMIN7",
            "Removed",
            date(2027, 5, 2),
            RequestStatus.AWAITING_RELEASE,
            deleted_at=utcnow(),
        ),
        "undated": add(database, "B0UPCOMIN8", "Someday", None, RequestStatus.AWAITING_SEARCH),
    }


def watched(database: Database, request_id: int, name: str) -> None:
    """What the watching feature keeps when a watch requested a book."""
    with database.session() as session:
        watch = WatchedEntity(kind="series", asin="B0SERIES01", region="us", name=name)
        session.add(watch)
        session.flush()
        session.add(
            WatchedBook(
                watch_id=watch.id, asin="B0UPCOMIN2", title="Tomorrow's Storm", outcome="requested",
                request_id=request_id, release_date=date(2027, 3, 2), handled_at=utcnow(),
            )
        )  # fmt: skip


def test_only_open_requests_for_unreleased_books_soonest_first(database: Database) -> None:
    ids = fill(database)
    watched(database, ids["soon"], "Weather")
    books = UpcomingService(database, today=lambda: TODAY).list()
    assert [(b.title, b.request_id) for b in books] == [
        ("Tomorrow's Storm", ids["soon"]),
        ("Waiting Game", ids["approval"]),
        ("Late Spring", ids["later"]),
    ]
    assert books[0].authors == ("Kay Later",) and books[0].series_position == "2"
    assert [b.watch for b in books] == ["Weather", None, None]  # the watch that requested it
    assert UpcomingService(database, today=lambda: date(2027, 3, 2)).list()[0].title == "Waiting Game"


def test_today_is_the_local_date() -> None:
    from datetime import datetime

    assert local_today() == datetime.now().astimezone().date()


def test_rmab_upcoming(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "profile"

    def rmab(*argv: str) -> tuple[int, str]:
        code = main(["--profile-dir", str(profile), "--database-url", database_url, *argv])
        return code, capsys.readouterr().out

    assert rmab("upcoming") == (
        0,
        "Nothing upcoming. Request a book before its release day and it appears here.\n",
    )
    core = open_core(profile, database_url, log_to_console=False)
    try:
        soon = add(
            core.database, "B0UPCOMIN9", "Far Future", date(2099, 1, 2), RequestStatus.AWAITING_RELEASE
        )
    finally:
        core.close()
    code, out = rmab("upcoming", "--json")
    assert code == 0 and json.loads(out) == [
        {
            "release_date": "2099-01-02", "title": "Far Future", "authors": ["Kay Later"], "asin": "B0UPCOMIN9",
            "region": "us", "request_id": soon, "status": "awaiting_release", "kind": "audiobook",
            "series": "Weather", "series_position": "2", "watch": None,
        }
    ]  # fmt: skip
    assert rmab("upcoming")[1] == f"2099-01-02  Far Future by Kay Later  (request {soon}, awaiting_release)\n"
