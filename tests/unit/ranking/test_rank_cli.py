"""``rmab rank`` on saved Torznab/Newznab/Prowlarr answers: shape, order, errors, no core needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from tests.fakes.indexer_payloads import FakeRelease, newznab_feed, prowlarr_results, torznab_feed

BOOK = {
    "asin": "B00B7NPRY8",
    "title": "The Way of Kings",
    "subtitle": "The Stormlight Archive, Book 1",
    "authors": ["Brandon Sanderson"],
    "narrators": ["Michael Kramer", "Kate Reading"],
    "series": "The Stormlight Archive",
    "series_position": "1",
    "runtime_minutes": 2743,
    "language": "English",
}
MB = 1024 * 1024
FEED = [
    FakeRelease(
        "Brandon Sanderson - Words of Radiance (Stormlight Archive 2) [M4B]", size=1400 * MB, seeders=90
    ),
    FakeRelease(
        "Brandon Sanderson - The Way of Kings (Stormlight Archive 1) [2010] [MP3] 64kbps", 1300 * MB, 20
    ),
    FakeRelease("Sanderson, Brandon - The Way of Kings [M4B] {Michael Kramer, Kate Reading}", 1250 * MB, 35),
    FakeRelease("The Way of Kings Prime - Brandon Sanderson", size=900 * MB, seeders=50),
    FakeRelease(
        "Brandon Sanderson - Stormlight Archive Books 1-4 Box Set [MP3]", size=5000 * MB, seeders=200
    ),
    FakeRelease("Brandon Sanderson - The Way of Kings (Sample) [MP3]", size=4 * MB, seeders=5),
    FakeRelease("Brandon Sanderson - The Way of Kings [German] - Der Weg der Könige [MP3]", 1100 * MB, 10),
]
RIGHT = {FEED[1].title, FEED[2].title}


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], results: bytes, *extra: str) -> dict:
    book, feed = tmp_path / "book.json", tmp_path / "results"
    book.write_text(json.dumps(BOOK), encoding="utf-8")
    feed.write_bytes(results)
    assert main(["rank", "--book", str(book), "--results", str(feed), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "payload",
    [
        torznab_feed(FEED),
        torznab_feed(FEED, bom=True, channel=False),
        newznab_feed(FEED),
        prowlarr_results(FEED),
    ],
    ids=["torznab", "torznab-bom-no-channel", "newznab", "prowlarr-json"],
)
def test_rank_accepts_only_the_right_book_and_puts_it_first(
    payload: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = run(tmp_path, capsys, payload)["results"]
    assert len(results) == len(FEED)
    accepted = [r["title"] for r in results if r["accepted"]]
    assert set(accepted) == RIGHT
    assert [r["accepted"] for r in results] == sorted((r["accepted"] for r in results), reverse=True)
    first = results[0]
    assert first["title"] == FEED[2].title  # M4B beats MP3
    assert set(first) == {"guid", "title", "accepted", "score", "parts", "reasons"}
    assert isinstance(first["score"], int | float) and first["parts"]["format"] > 0
    assert all(r["reasons"] and r["guid"] for r in results)
    scores = [r["score"] for r in results if r["accepted"]]
    assert scores == sorted(scores, reverse=True)


def test_nothing_acceptable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = run(tmp_path, capsys, prowlarr_results([FEED[0], FEED[3], FEED[4]]))["results"]
    assert results and not any(r["accepted"] for r in results)
    assert all(any(reason.startswith("Rejected") for reason in r["reasons"]) for r in results)


def test_interactive_relaxes_only_the_author(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = [
        FakeRelease("The Way of Kings [M4B]", size=1200 * MB),
        FakeRelease("The Way of Kings Prime [M4B]"),
    ]
    auto = run(tmp_path, capsys, torznab_feed(feed))["results"]
    assert not any(r["accepted"] for r in auto)
    manual = run(tmp_path, capsys, torznab_feed(feed), "--interactive")["results"]
    assert [r["accepted"] for r in manual] == [True, False]


def test_bad_inputs_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, feed = tmp_path / "book.json", tmp_path / "feed.xml"
    book.write_text(json.dumps(BOOK))
    feed.write_bytes(b"<html><body>Cloudflare</body>")
    assert main(["rank", "--book", str(book), "--results", str(feed), "--json"]) == 2
    assert "not XML" in capsys.readouterr().err
    feed.write_bytes(b"<html><body>Cloudflare</body></html>")
    assert main(["rank", "--book", str(book), "--results", str(feed)]) == 2
    assert "not a search feed" in capsys.readouterr().err
    feed.write_bytes(b'<?xml version="1.0"?><error code="100" description="Incorrect user credentials"/>')
    assert main(["rank", "--book", str(book), "--results", str(feed)]) == 2
    assert "API key" in capsys.readouterr().err
    book.write_text("{not json")
    assert main(["rank", "--book", str(book), "--results", str(feed)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["rank", "--book", str(tmp_path / "missing.json"), "--results", str(feed)]) == 2


def test_runs_without_database_or_keyring(tmp_path: Path) -> None:
    book, feed = tmp_path / "book.json", tmp_path / "feed.json"
    book.write_text(json.dumps({"title": "The Way of Kings", "authors": ["Brandon Sanderson"]}))
    feed.write_bytes(prowlarr_results(FEED[1:3]))
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "c"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "RMAB_DATABASE_URL": "postgresql://nowhere/x"}  # fmt: skip
    code = "import sys; from rmab_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["rank", "--book", str(book), "--results", str(feed), "--json"]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert [r["accepted"] for r in json.loads(done.stdout)["results"]] == [True, True]
    assert not home.exists()  # no profile, settings or database was created


def test_book_json_variants_are_understood() -> None:
    from rmab_desktop.cli.rank_commands import normalize_book_json
    from rmab_desktop.domain.books import BookInfo

    book = BookInfo.from_json(
        normalize_book_json(
            {"title": "Dune", "authors": [{"name": "Frank Herbert"}], "runtime_length_min": "1270",
             "series": [{"title": "Dune", "sequence": "1"}]}
        )
    )  # fmt: skip
    assert (book.authors, book.runtime_minutes, book.series, book.series_position) == (
        ("Frank Herbert",),
        1270,
        "Dune",
        "1",
    )
