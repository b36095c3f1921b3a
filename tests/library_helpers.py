"""Shared pieces of the library tests: an old library on disk, known books, a requests stand-in."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import insert

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AudibleCacheEntry, Audiobook
from tests.audiofiles import make_audio


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    root = tmp_path / "Old Books"
    make_audio(
        root / "Ann Leckie" / "Ancillary Justice [B00FO5O1NM]" / "01.mp3",
        album="Ancillary Justice",
        artist="Ann Leckie",
    )
    make_audio(
        root / "Ursula K. Le Guin" / "The Dispossessed" / "part 1.mp3",
        album="The Dispossessed",
        artist="Ursula K. Le Guin",
    )
    make_audio(
        root / "Ursula K. Le Guin" / "The Dispossessed" / "part 2.mp3",
        album="The Dispossessed",
        artist="Ursula K. Le Guin",
    )
    make_audio(root / "Unknown" / "Mystery Tape" / "a.mp3", album="Mystery Tape", artist="Nobody")
    return root


def seed_candidates(database: Database) -> None:
    with database.session() as session:
        session.execute(insert(Audiobook), [
            {"asin": "B00FO5O1NM", "region": "us", "title": "Ancillary Justice", "authors": [{"name": "Ann Leckie", "asin": "B004MQYKPS"}],
             "narrators": ["Adjoa Andoh"], "series_name": "Imperial Radch", "series_position": "1"},
        ])  # fmt: skip
        session.execute(insert(AudibleCacheEntry), [
            {"asin": "B0BRT8VZZ5", "region": "us", "title": "The Dispossessed", "authors": ["Ursula K. Le Guin"],
             "narrators": ["Don Leslie"]},
            {"asin": "B000000001", "region": "us", "title": "She", "authors": ["H. Rider Haggard"]},
        ])  # fmt: skip


class WaitingRequests:
    """Requests stand-in: what ``make_available`` reads and writes."""

    def __init__(self, books: dict[int, object]) -> None:
        self.items = [SimpleNamespace(id=i, book=b) for i, b in books.items()]
        self.available: list[tuple[int, str]] = []

    def list(self, *, statuses=None, limit=1000):  # type: ignore[no-untyped-def]
        return self.items

    def set_status(self, request_id, status, message, **kwargs):  # type: ignore[no-untyped-def]
        self.available.append((request_id, message))
