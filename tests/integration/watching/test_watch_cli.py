"""``rmab watch``, ``rmab missing`` and ``rmab ignore`` end to end against the stand-in Audible server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible
from tests.integration.watching.test_watch_check import CATALOG, MARA, SERIES


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible(products=[dict(p) for p in CATALOG])
    server.loose_author_search = True
    server.start()
    yield server
    server.stop()


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, fake: FakeAudible, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

    def run(*argv: str) -> tuple[int, dict | str, str]:
        try:
            code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        except SystemExit as exc:  # a usage mistake, caught by argparse
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_watch_an_author_check_twice_list_and_remove(rmab) -> None:  # type: ignore[no-untyped-def]
    code, watch, _ = rmab("watch", "author", MARA["asin"], "--json")
    assert code == 0 and (watch["name"], watch["mode"], watch["format"]) == ("Mara Quell", "new", "audiobook")

    code, first, _ = rmab("watch", "check", "--json")
    # Made today: only the book out next year is new; the rest is back catalogue.
    assert code == 0 and [b["asin"] for b in first["results"][0]["found"]] == ["B0MARAPRE1"]
    code, second, _ = rmab("watch", "check", "--json")
    assert second["results"][0]["found"] == []
    code, requests, _ = rmab("requests", "list", "--json")
    assert [(r["asin"], r["status"]) for r in requests["requests"]] == [("B0MARAPRE1", "awaiting_release")]

    code, listed, _ = rmab("watch", "list", "--json")
    assert [(w["id"], w["requested"], w["last_found"]) for w in listed["watches"]] == [
        (watch["id"], 1, ["The Last Lantern"])
    ]
    assert rmab("watch", "remove", str(watch["id"]))[0] == 0
    assert rmab("watch", "list", "--json")[1] == {"watches": []}


def test_series_in_back_catalogue_mode_and_missing(rmab) -> None:  # type: ignore[no-untyped-def]
    code, watch, _ = rmab("watch", "series", SERIES["asin"], "--mode", "all", "--json")
    assert code == 0 and watch["name"] == "Lantern Cycle"
    code, checked, _ = rmab("watch", "check", str(watch["id"]), "--json")
    assert [b["asin"] for b in checked["results"][0]["found"]] == [
        "B0LANT0001",
        "B0LANT0002",
        "B0LANT0003",
        "B0LANT0004",
    ]
    code, missing, _ = rmab("missing", "--json")
    assert code == 0 and missing == {"series": []}  # nothing of the series is in the library yet


def test_ignore_add_list_remove(rmab) -> None:  # type: ignore[no-untyped-def]
    code, added, _ = rmab("ignore", "add", "B0MARAPRE1", "--whole-work", "--json")
    assert code == 0 and added["whole_work"] is True and added["title"] == "The Last Lantern"
    rmab("watch", "author", MARA["asin"])
    code, checked, _ = rmab("watch", "check", "--json")
    assert [(b["asin"], b["outcome"]) for b in checked["results"][0]["found"]] == [("B0MARAPRE1", "ignored")]
    assert [e["asin"] for e in rmab("ignore", "list", "--json")[1]["ignored"]] == ["B0MARAPRE1"]
    assert rmab("ignore", "remove", "B0MARAPRE1")[0] == 0
    assert rmab("ignore", "list", "--json")[1] == {"ignored": []}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("watch", "author", MARA["asin"], "--mode", "next"), "'Next book only' is for series."),
        (("watch", "remove", "99"), "There is no watch 99."),
        (("ignore", "remove", "B0NOTTHERE"), "is not on your ignore list"),
        (("watch", "author", MARA["asin"], "--mode", "sometimes"), "invalid choice"),
    ],
)
def test_errors_are_one_error_line_and_one_hint_line(rmab, argv: tuple[str, ...], words: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab(*argv)
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 2, err
    assert lines[0].startswith("error:") and words in lines[0] and lines[1].startswith("hint:")
