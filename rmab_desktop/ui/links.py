"""Audible book links (dragged onto the window) to (ASIN, marketplace region)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

AUDIBLE_HOSTS = {
    "audible.com": "us",
    "audible.ca": "ca",
    "audible.co.uk": "uk",
    "audible.com.au": "au",
    "audible.fr": "fr",
    "audible.de": "de",
    "audible.co.jp": "jp",
    "audible.it": "it",
    "audible.in": "in",
    "audible.es": "es",
    "audible.com.br": "br",
}
_ASIN_IN_PATH = re.compile(r"/(?:pd|dp|podcast|ac)/(?:[^/?#]+/)?([A-Z0-9]{10})(?:[/?#]|$)", re.IGNORECASE)


def parse_audible_link(text: str) -> tuple[str, str] | None:
    """``(asin, region)`` for an Audible product URL on a known marketplace, else None."""
    text = text.strip()
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    region = AUDIBLE_HOSTS.get(host)
    if region is None:
        return None
    match = _ASIN_IN_PATH.search(parts.path + ("?" if parts.query else ""))
    if match is None:
        return None
    return match.group(1).upper(), region
