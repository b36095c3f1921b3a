"""Synthetic ``library_items`` rows for Library page tests, screenshots and the 50,000-book benchmark."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem

_FIRST = [
    "Ann",
    "Brandon",
    "Terry",
    "Ursula",
    "Kazuo",
    "Stephen",
    "Octavia",
    "Neil",
    "Naomi",
    "Robin",
    "Iain",
    "Ted",
    "Jane",
    "Leo",
    "Anna",
    "Émile",
    "Zoë",
]
_LAST = [
    "Leckie",
    "Sanderson",
    "Goodkind",
    "Le Guin",
    "Ishiguro",
    "King",
    "Butler",
    "Gaiman",
    "Novik",
    "Hobb",
    "Banks",
    "Chiang",
    "Austen",
    "Tolstoy",
    "Zola",
    "Saldaña",
    "O'Brian",
    "Brontë",
]
_WORDS = [
    "shadow",
    "light",
    "river",
    "crown",
    "empire",
    "glass",
    "winter",
    "storm",
    "iron",
    "garden",
    "ash",
    "star",
    "silent",
    "broken",
    "last",
    "city",
    "dragon",
    "ocean",
    "memory",
    "night",
    "fire",
    "house",
    "road",
    "song",
    "stone",
    "wolf",
    "golden",
    "hidden",
    "lost",
    "kingdom",
    "ancillary",
]
_FORMATS = ("m4b", "mp3", "mp3", "m4b", "flac", "opus")


def synthetic_rows(count: int, *, seed: int = 7, root: str = "/library") -> list[dict]:
    rng = random.Random(seed)
    authors = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(max(10, count // 10))]
    series_names = [
        f"The {rng.choice(_WORDS).title()} {rng.choice(('Saga', 'Cycle', 'Chronicles'))}"
        for _ in range(max(5, count // 30))
    ]
    start = datetime(2015, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(count):
        author = rng.choice(authors)
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4))).title()
        series = rng.choice(series_names) if rng.random() < 0.4 else None
        position = str(rng.randint(1, 12)) if series else None
        folder = f"{root}/{author}/{series + '/' if series else ''}{title} {n}"
        rows.append(
            {
                "backend": "folder",
                "external_id": folder,
                "path": folder,
                "title": f"{title} {n}",
                "subtitle": "A Novel" if rng.random() < 0.1 else None,
                "authors": [author],
                "narrators": [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"] if rng.random() < 0.8 else [],
                "series_name": series,
                "series_position": position,
                "year": rng.randint(1900, 2025) if rng.random() < 0.9 else None,
                "asin": f"B0{rng.randrange(16**8):08X}" if rng.random() < 0.8 else None,
                "format": rng.choice(_FORMATS),
                "file_count": rng.randint(1, 40),
                "size_bytes": rng.randint(50, 1500) * 1024 * 1024,
                "duration_seconds": rng.uniform(3600, 40 * 3600),
                "cover_path": f"{folder}/cover.jpg" if rng.random() < 0.7 else None,
                "added_at": start + timedelta(hours=n),
            }
        )
    return rows


def insert_synthetic_library(database: Database, count: int, **kwargs) -> None:  # type: ignore[no-untyped-def]
    rows = synthetic_rows(count, **kwargs)
    with database.session() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(LibraryItem), rows[start : start + 5000])
