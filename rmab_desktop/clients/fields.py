"""Tolerant readers for JSON fields of third-party APIs: wrong types become None, never a crash."""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def text(value: Any) -> str | None:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    cleaned = _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", str(value)))).strip()
    return cleaned or None


def integer(value: Any) -> int | None:
    try:
        return None if value is None or value == "" or isinstance(value, bool) else int(float(value))
    except (TypeError, ValueError):
        return None


def number(value: Any) -> float | None:
    try:
        return None if value is None or value == "" or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


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
