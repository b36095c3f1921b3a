"""``rmab shelves`` and ``rmab bookdate`` end to end against the fake Goodreads, Audible and model servers."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible
from tests.fakes.goodreads_server import FakeGoodreads
from tests.fakes.llm_server import KEY, FakeLLM
from tests.integration.shelves.test_bookdate import THREE_REAL_ONE_INVENTED


@pytest.fixture(scope="module")
def audible() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture
def rmab(
    tmp_path: Path, database_url: str, audible: FakeAudible, capsys: pytest.CaptureFixture[str], monkeypatch
):  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.catalog.audible_base_url = audible.base_url
    prefs.catalog.audnexus_base_url = audible.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

    def run(*argv: str, stdin: str | None = None) -> tuple[int, object, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_shelves_commands(rmab) -> None:  # type: ignore[no-untyped-def]
    with FakeGoodreads() as goodreads:
        code, added, err = rmab("shelves", "add", "goodreads", goodreads.feed_url(), "--json")
        assert code == 0, err
        assert added["sync"]["counts"] == {"requested": 2, "choice": 1, "no_audiobook": 1}
        shelf_id = added["shelf"]["id"]
        code, listed, _ = rmab("shelves", "list", "--json")
        assert [(s["id"], s["counts"]["requested"]) for s in listed] == [(shelf_id, 2)]
        code, choices, _ = rmab("shelves", "choices", "--json")
        assert [(c["title"], [x["asin"] for x in c["candidates"]]) for c in choices] == [
            ("The Lantern Sea", ["B0TESTFUT1"])
        ]
        code, text, _ = rmab("shelves", "sync", str(shelf_id))
        assert code == 0 and "0 new" in text
        code, _, _ = rmab("shelves", "choose", str(choices[0]["id"]), "B0TESTFUT1")
        assert code == 0
        code, text, _ = rmab("shelves", "remove", str(shelf_id))
        assert code == 0 and "requests and books stay" in text
        code, requests, _ = rmab("requests", "list", "--json")
        assert sorted(r["asin"] for r in requests["requests"]) == ["B0TESTCLS1", "B0TESTFUT1", "B0TESTSER1"]

    code, _, err = rmab("shelves", "add", "goodreads", "not a link")
    assert code == 2 and err.startswith("error: ") and "hint: " in err and "Traceback" not in err
    code, _, err = rmab("shelves", "remove", "99")
    assert code == 2 and "Shelf 99 does not exist" in err


def test_bookdate_commands(rmab) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(THREE_REAL_ONE_INVENTED) as llm:
        code, out, err = rmab(
            "bookdate",
            "provider",
            "set",
            "compatible",
            "--base-url",
            llm.openai_url,
            "--model",
            "test-model",
            stdin=f"{KEY}\n",
        )
        assert code == 0 and "API key saved" in out, err
        assert KEY not in out and KEY not in err
        code, deck, _ = rmab("bookdate", "next", "--json")
        cards = deck["cards"]
        assert [(c["asin"], c["title"]) for c in cards] == [
            ("B0TESTSER1", "The Lantern Road"),
            ("B0TESTCLS1", "The Chamber Below"),
            ("B0TESTFUT1", "The Lantern Sea"),
        ]
        assert set(cards[0]) >= {"id", "asin", "title", "author", "reason"}
        code, out, _ = rmab("bookdate", "swipe", str(cards[0]["id"]), "right")
        assert code == 0 and "Requested: The Lantern Road" in out
        code, requests, _ = rmab("requests", "list", "--json")
        assert [r["asin"] for r in requests["requests"]] == ["B0TESTSER1"]
        code, _, err = rmab("bookdate", "swipe", str(cards[0]["id"]), "left")
        assert code == 2 and "already swiped" in err
        with pytest.raises(SystemExit) as usage:
            rmab("bookdate", "swipe", "1", "sideways")
        assert usage.value.code == 2
