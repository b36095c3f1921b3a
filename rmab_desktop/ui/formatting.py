"""Short, human formats for times and statuses shown in tables."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(value: datetime | None, now: datetime | None = None) -> str:
    """ "14:03:22" today, "Mon 12 Nov 14:03" otherwise, "" for None."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M:%S")
    return local.strftime("%a %d %b %H:%M")


def relative(value: datetime | None, now: datetime | None = None) -> str:
    """ "in 5 min", "3 h ago", "now"."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    seconds = (value - (now or datetime.now(UTC))).total_seconds()
    magnitude = abs(seconds)
    if magnitude < 45:
        return "now"
    for limit, unit, size in ((3600, "min", 60), (86400 * 2, "h", 3600), (float("inf"), "d", 86400)):
        if magnitude < limit:
            amount = round(magnitude / size)
            return f"in {amount} {unit}" if seconds > 0 else f"{amount} {unit} ago"
    return ""


def when(value: datetime | None, now: datetime | None = None) -> str:
    """Local time with a relative hint: "14:03:22 (in 5 min)"."""
    if value is None:
        return "—"
    return f"{local_time(value, now)} ({relative(value, now)})"
