"""A small ReadMeABook database for import tests: its schema (tests/fixtures) and our own rows.

Secrets are encrypted the way ReadMeABook does (AES-256-GCM, ``nonce:tag:ciphertext`` in base64,
the key text cut or zero-padded to 32 bytes), with ``KEY``.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import create_engine, text

SCHEMA = Path(__file__).parent / "fixtures" / "migration_import" / "readmeabook_schema.sql"
KEY = "a-readmeabook-key-longer-than-32-bytes-is-cut"  # as generated: longer than 32, cut to 32
HARDCOVER_TOKEN = "hc-token-of-bob-123"
DISCORD_URL = "https://discord.com/api/webhooks/424242/discord-token-abc"
INFOHASH = "0123456789abcdef0123456789abcdef01234567"
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def encrypt(plain: str, key: str = KEY) -> str:
    raw_key = key.encode()[:32].ljust(32, b"\0")
    nonce = os.urandom(16)
    sealed = AESGCM(raw_key).encrypt(nonce, plain.encode(), None)
    return ":".join(base64.b64encode(part).decode() for part in (nonce, sealed[-16:], sealed[:-16]))


def create_schema(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(SCHEMA.read_text())
    engine.dispose()


def insert(url: str, table: str, *rows: dict[str, Any]) -> None:
    """Rows into a ReadMeABook table; ``updated_at`` (which Prisma fills) is added when missing."""
    engine = create_engine(url)
    with engine.begin() as conn:
        for row in rows:
            values = dict(row)
            if table not in {"blocked_releases", "download_history"}:
                values.setdefault("updated_at", NOW)
            for name, value in values.items():
                if isinstance(value, dict | list):
                    values[name] = json.dumps(value)
            columns = ", ".join(f'"{name}"' for name in values)
            params = ", ".join(f":{name}" for name in values)
            conn.execute(text(f'INSERT INTO "{table}" ({columns}) VALUES ({params})'), values)
    engine.dispose()


def build(url: str, key: str = KEY) -> None:
    """A household of four (one deleted), four books, eight requests and the rest of what comes over."""
    create_schema(url)
    insert(
        url,
        "configuration",
        {"id": "c1", "key": "audible.region", "value": "uk"},
        {"id": "c2", "key": "prowlarr_api_key", "value": encrypt("prowlarr-secret", key), "encrypted": True},
    )
    insert(
        url,
        "users",
        {
            "id": "u-admin",
            "plex_id": "local-admin",
            "plex_username": "admin",
            "role": "admin",
            "is_setup_admin": True,
            "auth_provider": "local",
        },
        {
            "id": "u-anna",
            "plex_id": "plex-111",
            "plex_username": "Anna",
            "auth_provider": "plex",
            "auto_approve_requests": False,
            "auth_token": encrypt("plex-token-of-anna", key),
        },
        {
            "id": "u-bob",
            "plex_id": "local-bob",
            "plex_username": "bob",
            "auth_provider": "local",
            "interactive_search_access": True,
        },
        {"id": "u-carl", "plex_id": "local-carl", "plex_username": "carl", "deleted_at": NOW},
    )
    insert(
        url,
        "audiobooks",
        {
            "id": "b1",
            "audible_asin": "B00DUNE001",
            "title": "Dune",
            "author": "Frank Herbert",
            "narrator": "Scott Brick, Simon Vance",
            "series": "Dune",
            "series_part": "1",
            "year": 1965,
            "file_path": "/media/audiobooks/Frank Herbert/Dune",
        },
        {"id": "b2", "audible_asin": "b00hail002", "title": "Project Hail Mary", "author": "Andy Weir"},
        {"id": "b3", "audible_asin": None, "title": "Homebrew Recording", "author": "Someone"},
        {
            "id": "b4",
            "audible_asin": "B00LEFT003",
            "title": "The Left Hand of Darkness",
            "author": "Ursula K. Le Guin",
        },
    )
    insert(
        url,
        "requests",
        {"id": "r1", "user_id": "u-anna", "audiobook_id": "b1", "status": "available", "completed_at": NOW},
        {"id": "r2", "user_id": "u-bob", "audiobook_id": "b2", "status": "downloading", "progress": 40},
        {"id": "r3", "user_id": "u-anna", "audiobook_id": "b4", "status": "awaiting_approval"},
        {"id": "r4", "user_id": "u-bob", "audiobook_id": "b3", "status": "failed"},
        {"id": "r5", "user_id": "u-admin", "audiobook_id": "b4", "status": "teleporting"},
        {"id": "r6", "user_id": "u-carl", "audiobook_id": "b2", "status": "cancelled"},
        {
            "id": "r7",
            "user_id": "u-anna",
            "audiobook_id": "b1",
            "status": "downloaded",
            "type": "ebook",
            "parent_request_id": "r1",
        },
        {"id": "r8", "user_id": "u-bob", "audiobook_id": "b1", "status": "available", "deleted_at": NOW},
    )
    insert(
        url,
        "download_history",
        {
            "id": "d1",
            "request_id": "r1",
            "indexer_name": "MyTracker",
            "torrent_name": "Frank Herbert - Dune (2007) [M4B]",
            "torrent_hash": INFOHASH,
            "torrent_url": "https://tracker.example/dl/1.torrent",
            "torrent_size_bytes": 512_000_000,
            "quality_score": 87,
            "selected": True,
            "download_client": "qbittorrent",
            "download_status": "completed",
            "download_path": "/downloads/Dune",
            "completed_at": NOW,
        },
        {
            "id": "d2",
            "request_id": "r2",
            "indexer_name": "NZBPlanet",
            "torrent_name": "Andy Weir - Project Hail Mary",
            "nzb_id": "SABnzbd_nzo_1",
            "selected": True,
            "download_client": "sabnzbd",
            "download_status": "downloading",
        },
        {
            "id": "d3",
            "request_id": "r1",
            "indexer_name": "MyTracker",
            "torrent_name": "Dune (abridged)",
            "selected": False,
        },
    )
    insert(
        url,
        "blocked_releases",
        {
            "id": "k1",
            "request_id": "r2",
            "release_name": "Project Hail Mary [sample]",
            "release_key": "project hail mary [sample]",
            "release_hash": INFOHASH.replace("0", "f"),
            "indexer_name": "MyTracker",
            "source": "download_fail",
            "reason": "Download stalled",
        },
        {
            "id": "k2",
            "request_id": "r1",
            "release_name": "Dune [wrong book]",
            "release_key": "dune [wrong book]",
            "source": "organize_fail",
            "reason": "No audiobook files found",
        },
    )
    insert(
        url,
        "watched_series",
        {"id": "ws1", "user_id": "u-anna", "series_asin": "B00SERIES1", "series_title": "Dune"},
    )
    insert(
        url,
        "watched_authors",
        {"id": "wa1", "user_id": "u-bob", "author_asin": "B000AUTH01", "author_name": "Andy Weir"},
    )
    insert(
        url,
        "goodreads_shelves",
        {
            "id": "g1",
            "user_id": "u-anna",
            "name": "to-read",
            "rss_url": "https://www.goodreads.com/review/list_rss/1?shelf=to-read",
        },
    )
    insert(
        url,
        "hardcover_shelves",
        {
            "id": "h1",
            "user_id": "u-bob",
            "name": "Want to Read",
            "list_id": "status-1",
            "api_token": encrypt(HARDCOVER_TOKEN, key),
            "auto_request": False,
        },
    )
    insert(
        url,
        "notification_backends",
        {
            "id": "n1",
            "type": "discord",
            "name": "Family Discord",
            "config": {"webhookUrl": encrypt(DISCORD_URL, key), "username": "RMAB"},
            "events": ["request_available", "request_error", "request_cancelled"],
        },
        {
            "id": "n2",
            "type": "smoke-signal",
            "name": "Chimney",
            "config": {},
            "events": ["request_available"],
        },
    )
    insert(
        url,
        "user_home_sections",
        {"id": "s1", "user_id": "u-anna", "section_type": "popular", "sort_order": 0},
        {
            "id": "s2",
            "user_id": "u-anna",
            "section_type": "category",
            "category_id": "18580606011",
            "category_name": "Science Fiction",
            "sort_order": 1,
        },
        {"id": "s3", "user_id": "u-bob", "section_type": "banner", "sort_order": 0},
    )
