"""``rmab audible ...`` end to end on a profile, with the catalog at the fake Audible server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rmab_desktop.cli import main
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible, generated_product

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audible_exports"


def _catalog_products() -> list[dict[str, Any]]:
    """The wishlist titles as catalog products (the fake's real-shaped product, renamed)."""
    products = []
    for index, row in enumerate(json.loads((FIXTURES / "wishlist.json").read_text())):
        product = generated_product(index)
        product.update(asin=row["asin"], title=row["title"], authors=[{"name": row["authors"]}])
        products.append(product)
    return products


@pytest.fixture
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible(products=_catalog_products()).start()
    yield server
    server.stop()


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, fake: FakeAudible, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_import_then_list_with_progress_finished_and_rating(rmab) -> None:  # type: ignore[no-untyped-def]
    code, summary, _ = rmab("audible", "import", str(FIXTURES / "libation.json"), "--json")
    assert code == 0 and (summary["added"], summary["updated"]) == (2, 0)
    code, again, _ = rmab("audible", "import", str(FIXTURES / "libation.json"), "--json")
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)
    code, listed, _ = rmab("audible", "library", "--json")
    first = listed["library"][0]
    assert (first["asin"], first["finished"], first["rating"], first["progress_percent"]) == (
        "B0LIBAT001",
        True,
        5.0,
        None,
    )
    code, status, _ = rmab("audible", "status", "--json")
    assert status["counts"] == {"library": 2, "wishlist": 0}
    assert [(h["kind"], h["added"]) for h in status["history"]] == [("import", 0), ("import", 2)]


def test_wishlist_request_missing_preview_then_request(rmab) -> None:  # type: ignore[no-untyped-def]
    rmab("audible", "import", str(FIXTURES / "library.json"))
    rmab("audible", "import", str(FIXTURES / "wishlist.json"), "--wishlist")
    rmab("audible", "wishlist", "ignore", "B0WISH0005")
    code, preview, _ = rmab("audible", "wishlist", "request-missing", "--dry-run", "--json")
    assert code == 0 and [i["asin"] for i in preview["to_request"]] == [
        "B0WISH0001",
        "B0WISH0003",
        "B0WISH0004",
        "B0WISH0006",
    ]
    assert {i["asin"]: i["reason"] for i in preview["skipped"]} == {
        "B0AUDLIB02": "owned",
        "B0WISH0005": "ignored",
    }
    code, listed, _ = rmab("requests", "list", "--json")
    assert listed["requests"] == []  # a dry run requests nothing
    code, done, _ = rmab("audible", "wishlist", "request-missing", "--json")
    assert code == 0 and len(done["requested"]) == 4 and done["failed"] == []
    code, listed, _ = rmab("requests", "list", "--json")
    assert sorted(r["asin"] for r in listed["requests"]) == [
        "B0WISH0001",
        "B0WISH0003",
        "B0WISH0004",
        "B0WISH0006",
    ]


def test_bad_file_gives_one_error_and_one_hint_line(rmab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.txt"
    bogus.write_text("just some words\n")
    code, _, err = rmab("audible", "import", str(bogus))
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2
    assert lines[0] == "error: notes.txt is not an audible-cli or Libation export."
    assert lines[1].startswith("hint: Export with `audible library export")


def test_login_sync_status_and_logout_from_the_command_line(
    tmp_path: Path, database_url: str, capsys
) -> None:  # type: ignore[no-untyped-def]
    from tests.fakes.audible_account_server import LANDED_URL, FakeAudibleAccount

    with FakeAudibleAccount() as fake:
        prefs = Preferences()
        prefs.catalog.audible_base_url = fake.url
        prefs.catalog.audible_auth_base_url = fake.url
        SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

        def run(*argv: str) -> tuple[int, str, str]:
            code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
            out, err = capsys.readouterr()
            return code, out, err

        code, out, _ = run("audible", "login", "--landed-url", LANDED_URL)
        assert code == 0 and "signed in to Audible (us) as Jane" in out
        code, out, _ = run("audible", "sync", "--json")
        syncs = json.loads(out)["syncs"]
        assert [(s["shelf"], s["added"]) for s in syncs] == [("library", 5), ("wishlist", 3)]
        code, out, _ = run("audible", "status", "--json")
        status = json.loads(out)
        assert status["account"] == {"region": "us", "signed_in": True, "name": "Jane"}
        assert status["counts"] == {"library": 5, "wishlist": 3}
        code, out, _ = run("audible", "logout")
        assert code == 0 and fake.devices == set()
        code, _, err = run("audible", "sync")
        assert code == 2 and err.splitlines()[0] == "error: You are not signed in to Audible (us)."
