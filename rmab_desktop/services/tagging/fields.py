"""The library fields every tag reader fills, and their normalisation (no tag library imported).

Shared by the mutagen reader (:mod:`rmab_desktop.services.tagging.reading`) and the scanner's
tinytag reader, so both give the same dict for the same file.
"""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT = 500
# Canonical field -> lower-case tag names in Vorbis comments, MP4 freeform atoms and ID3 TXXX.
FREEFORM = {
    "asin": ("asin", "audible_asin"),
    "series": ("series", "mvnm", "show"),
    "series_part": ("series-part", "seriespart", "series_part", "mvin", "part"),
    "subtitle": ("subtitle",),
    "language": ("language",),
}
FREEFORM_FIELD = {name: field for field, names in FREEFORM.items() for name in names}
_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")
_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def clean(text: str) -> str | None:
    text = text.replace("\x00", " ").strip()
    return text or None


def put(out: dict[str, Any], key: str, text: str | None) -> None:
    """First value wins; texts are clipped to what the columns hold."""
    if text and key not in out:
        out[key] = text[:MAX_TEXT]


def finish(out: dict[str, Any]) -> dict[str, Any]:
    """Year, track and disc as numbers (dropped when there is none in the text)."""
    if "year" in out:
        found = _YEAR.search(out["year"])
        if found:
            out["year"] = int(found.group(1))
        else:
            del out["year"]
    for key in ("track", "disc"):
        if key in out:
            match = _LEADING_NUMBER.match(str(out[key]))
            if match:
                out[key] = int(match.group(1))
            else:
                del out[key]
    return out
