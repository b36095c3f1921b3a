"""Readers for JSON fields of third-party APIs: a wrong type becomes None (or empty), never a crash.

A text field beyond MAX_TEXT_CHARS is not a book's data but a broken or hostile server:
it raises InvalidResponseError. :func:`quote` shortens server text quoted in a message.
"""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, date, datetime
from typing import Any

from rmab_desktop.domain.errors import InvalidResponseError

MAX_TEXT_CHARS = 100_000
QUOTE_CHARS = 200
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def string(value: Any) -> str | None:
    """A string field as sent (paths, names, ids): numbers become text, anything else None."""
    if not isinstance(value, str | int | float) or isinstance(value, bool) or value == "":
        return None
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        raise InvalidResponseError(
            f"The service sent a text field of {len(value):,} characters; the app reads at most "
            f"{MAX_TEXT_CHARS:,}."
        )
    return str(value)


def text(value: Any) -> str | None:
    """Human text (titles, descriptions): tags removed, entities decoded, spaces collapsed."""
    raw = string(value)
    if raw is None:
        return None
    cleaned = _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", raw))).strip()
    return cleaned or None


def integer(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    found = number(value)
    return int(found) if found is not None else None


def number(value: Any) -> float | None:
    """A finite number from a number or a numeric string; NaN, infinities and the rest are None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
        return None
    try:
        found = float(value)
    except (OverflowError, ValueError):
        return None
    return found if math.isfinite(found) else None


def day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def mapping(value: Any) -> dict[str, Any]:
    """The value when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list[Any]:
    """``value`` when it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def quote(value: Any, limit: int = QUOTE_CHARS) -> str:
    """Server text for a message to the user: one line, at most ``limit`` characters."""
    line = " ".join(str(value).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


_TIMESTAMP_FORMATS = (  # ISO first; then the culture-dependent forms .NET writes in CSV exports
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
)


def timestamp(value: Any) -> datetime | None:
    """An aware UTC datetime from ISO-8601 (``Z`` or offset or naive = UTC) or a common export form."""
    if not isinstance(value, str) or not value.strip():
        return None
    cleaned = value.strip()
    try:
        parsed = datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
    except ValueError:
        for pattern in _TIMESTAMP_FORMATS:
            try:
                parsed = datetime.strptime(cleaned, pattern)
                break
            except ValueError:
                continue
        else:
            return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def flag(value: Any) -> bool:
    """JSON booleans and their text forms in CSV exports ("True", "true", "1", "yes")."""
    if isinstance(value, bool):
        return value
    return isinstance(value, str | int) and str(value).strip().lower() in {"true", "1", "yes"}
