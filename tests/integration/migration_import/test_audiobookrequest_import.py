"""``rmab import audiobookrequest``: an AudioBookRequest SQLite file comes over, once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request, User, UserPermission
from rmab_desktop.services.migration_import import Kind
from tests.audiobookrequest_source import build


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_an_audiobookrequest_file_comes_over_once(rmab: Any, tmp_path: Path, database_url: str) -> None:
    abr = build(tmp_path / "db.sqlite")
    code, result, err = rmab("import", "audiobookrequest", str(abr), "--json")
    assert code == 0, err
    counts = result["report"]["counts"]
    assert counts["user"] == {"found": 3, "added": 2, "already": 1, "skipped": 0}  # root is "me"
    assert counts["audiobook"]["added"] == 3
    assert counts["request"] == {"found": 5, "added": 4, "already": 0, "skipped": 1}  # the manual one
    assert counts["notification"]["skipped"] == 1
    db = Database.connect(database_url)
    with db.session() as session:
        requests = sorted(
            session.execute(
                select(Audiobook.asin, User.username, Request.status)
                .join(Audiobook, Audiobook.id == Request.audiobook_id)
                .join(User, User.id == Request.user_id)
            ).all()
        )
        permissions = sorted(
            session.execute(
                select(User.username, UserPermission.permission, UserPermission.granted).join(
                    User, User.id == UserPermission.user_id
                )
            ).all()
        )
        authors = session.scalar(select(Audiobook.authors).where(Audiobook.asin == "B0ABR00001"))
    db.dispose()
    assert requests == [
        ("B0ABR00001", "mira", "downloaded"),
        ("B0ABR00002", "mira", "awaiting_search"),
        ("B0ABR00002", "tom", "awaiting_approval"),
        ("B0ABR00003", "me", "awaiting_search"),
    ]
    assert permissions == [("mira", "auto_approve", True), ("tom", "auto_approve", False)]
    assert authors == ["Susanna Clarke"]
    whats = [item["what"] for item in result["report"]["to_enter_again"]]
    assert whats == ["Password of user mira", "Password of user tom"]

    code, again, err = rmab("import", "audiobookrequest", str(abr), "--json")
    assert code == 0, err
    assert all(count["added"] == 0 for count in again["report"]["counts"].values())


def test_a_file_that_is_not_audiobookrequest_is_explained(rmab: Any, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)
    for path, words in (
        (other, "not an AudioBookRequest database"),
        (garbage, "damaged"),
        (tmp_path / "none", "not a file"),
    ):
        code, _, err = rmab("import", "audiobookrequest", str(path))
        lines = err.strip().splitlines()
        assert code != 0 and len(lines) == 2, err
        assert lines[0].startswith("error: ") and words in lines[0] and lines[1].startswith("hint: ")


def test_a_stopped_import_keeps_what_came_and_the_next_brings_the_rest(
    tmp_path: Path, database_url: str
) -> None:
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.domain.cancel import CancelToken
    from rmab_desktop.domain.errors import CancelledError
    from rmab_desktop.services.migration_import import MigrationImport, Source

    snapshot = MigrationImport.read(Source.AUDIOBOOKREQUEST, str(build(tmp_path / "db.sqlite")))
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        token = CancelToken()

        def progress(done: int, total: int, label: str) -> None:
            if done == 5:  # the users and two of the books
                token.cancel()

        with pytest.raises(CancelledError):
            core.migration_import.run(snapshot, progress=progress, cancel=token)
        assert len(core.requests.list()) == 0
        report = core.migration_import.run(snapshot)
        assert report.counts[Kind.AUDIOBOOK].already == 2 and report.counts[Kind.AUDIOBOOK].added == 1
        assert report.counts[Kind.REQUEST].added == 4
        with core.database.session() as session:
            assert session.scalar(select(func.count()).select_from(Audiobook)) == 3
    finally:
        core.close()
