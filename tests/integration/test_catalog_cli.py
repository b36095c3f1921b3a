"""``rmab catalog`` and ``rmab request(s)`` end to end: settings point Audible at the fake server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, fake: FakeAudible, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

    def run(*argv: str) -> tuple[int, dict | str, str]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_search_book_request_and_list(rmab, fake: FakeAudible) -> None:  # type: ignore[no-untyped-def]
    code, found, _ = rmab("catalog", "search", "lantern", "--region", "de", "--json")
    assert code == 0 and [b["asin"] for b in found["books"]] == ["B0TESTSER1", "B0TESTFUT1"]
    assert found["books"][0]["region"] == "de" and found["books"][0]["availability"] == "none"
    code, book, _ = rmab("catalog", "book", "B0TESTSER1", "--region", "de", "--json")
    assert book["series_name"] == "Lantern Cycle" and book["series_position"] == "1"
    code, made, _ = rmab("request", "B0TESTSER1", "--region", "de", "--json")
    assert code == 0 and made["request"]["status"] == "awaiting_search" and made["request"]["region"] == "de"
    code, listed, _ = rmab("requests", "list", "--json")
    assert [(r["asin"], r["region"], r["status"]) for r in listed["requests"]] == [
        ("B0TESTSER1", "de", "awaiting_search")
    ]
    code, found, _ = rmab("catalog", "search", "lantern", "--region", "de", "--json")
    assert found["books"][0]["availability"] == "requested"
    code, shown, _ = rmab("requests", "show", str(made["request"]["id"]), "--json")
    assert any(e["metadata"].get("to") == "awaiting_search" for e in shown["timeline"])


def test_duplicate_is_refused_with_clear_message(rmab) -> None:  # type: ignore[no-untyped-def]
    assert rmab("request", "B0TESTNOS1", "--json")[0] == 0
    code, _, err = rmab("request", "B0TESTNOS1", "--json")
    assert code == 2 and "You already requested this book" in err and "hint:" in err


def test_unknown_book_and_unreachable_catalog(rmab, fake: FakeAudible) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab("request", "B0NOTHERE1")
    assert code == 2 and "has no book" in err
    fake.fail_next("garbage", 1)
    code, _, err = rmab("catalog", "search", "x")
    fake.fail_next("ok", 0)
    assert code == 2 and "not JSON" in err


def test_approval_flow_from_cli(rmab, database_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.services.requests import ApprovalSettings

    core = open_core(tmp_path, database_url, log_to_console=False)
    core.users.create("alice")
    core.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    core.close()
    code, made, _ = rmab("request", "B0TESTCLS1", "--user", "alice", "--json")
    assert made["request"]["status"] == "awaiting_approval"
    request_id = str(made["request"]["id"])
    code, _, err = rmab("requests", "approve", request_id, "--user", "alice")
    assert code == 2 and "Only an administrator" in err
    code, done, _ = rmab("requests", "approve", request_id, "--note", "ok", "--json")
    [approved] = done["decided"]
    assert (
        approved["status"] == "awaiting_search" and approved["approval_note"] == "ok" and not done["failed"]
    )
    code, listed, _ = rmab("requests", "list", "--status", "awaiting_search", "--user", "alice", "--json")
    assert [r["id"] for r in listed["requests"]] == [int(request_id)]


def test_other_catalog_commands(rmab) -> None:  # type: ignore[no-untyped-def]
    code, suggested, _ = rmab("catalog", "suggest", "lantern", "--json")
    assert code == 0 and "The Lantern Road" in suggested["suggestions"]
    code, tree, _ = rmab("catalog", "categories", "--json")
    assert tree["categories"][0]["name"] == "Science Fiction & Fantasy"
    code, similar, _ = rmab("catalog", "similar", "B0TESTSER1", "--json")
    assert code == 0 and similar["books"] and all(b["asin"] != "B0TESTSER1" for b in similar["books"])
    code, refreshed, _ = rmab("catalog", "refresh", "--size", "3", "--json")
    assert refreshed["lists"] == {"us:new_releases": 3, "us:popular": 3}
    code, text, _ = rmab("catalog", "search", "chamber", "--by", "title", "--sort", "title")
    assert code == 0 and text.splitlines()[0].startswith("B0TESTCLS1") and "2 result(s)" in text


def test_ebook_only_request(rmab) -> None:  # type: ignore[no-untyped-def]
    code, made, _ = rmab("request", "B0TESTNOS1", "--ebook-only", "--json")
    assert code == 0 and made["request"]["kind"] == "ebook" and made["ebook"] is None
    code, listed, _ = rmab("requests", "list", "--json")
    assert [(r["asin"], r["kind"]) for r in listed["requests"]] == [("B0TESTNOS1", "ebook")]
    with pytest.raises(SystemExit):  # argparse refuses both at once
        rmab("request", "B0TESTNOS1", "--ebook", "--ebook-only")
