"""A small AudioBookRequest database for import tests: its schema (tests/fixtures) and our own rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = Path(__file__).parent / "fixtures" / "migration_import" / "audiobookrequest_schema.sql"


def build(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA.read_text())
    conn.executemany(
        'INSERT INTO user (username, password, "group", root) VALUES (?, ?, ?, ?)',
        [
            ("root", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "admin", 1),
            ("Mira", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "trusted", 0),
            ("tom", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "untrusted", 0),
        ],
    )
    conn.executemany(
        "INSERT INTO audiobook (asin, title, subtitle, authors, narrators, cover_image, release_date, "
        "runtime_length_min, downloaded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                "B0ABR00001",
                "Piranesi",
                None,
                '["Susanna Clarke"]',
                '["Chiwetel Ejiofor"]',
                None,
                "2020-09-15 00:00:00",
                497,
                1,
            ),
            (
                "B0ABR00002",
                "Klara and the Sun",
                None,
                '["Kazuo Ishiguro"]',
                "[]",
                None,
                "2021-03-02 00:00:00",
                620,
                0,
            ),
            ("B0ABR00003", "Broken Dates", None, "not json", None, None, "someday", 0, 0),
        ],
    )
    conn.executemany(
        "INSERT INTO audiobookrequest (asin, user_username) VALUES (?, ?)",
        [("B0ABR00001", "Mira"), ("B0ABR00002", "tom"), ("B0ABR00002", "Mira"), ("B0ABR00003", "root")],
    )
    conn.execute(
        "INSERT INTO manualbookrequest (id, user_username, title, downloaded) VALUES (?, ?, ?, ?)",
        ("0f0e0d0c0b0a09080706050403020100", "tom", "A book Audible does not have", 0),
    )
    conn.execute(
        "INSERT INTO notification (id, name, url, headers, event, body_type, body, enabled) VALUES (?,?,?,?,?,?,?,?)",
        (
            "00112233445566778899aabbccddeeff",
            "Gotify",
            "https://gotify.example/message?token=abc",
            "{}",
            "on_new_request",
            "json",
            '{"message": "{eventType}"}',
            1,
        ),
    )
    conn.commit()
    conn.close()
    return path
