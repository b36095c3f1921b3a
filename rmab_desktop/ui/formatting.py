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


def friendly_time(value: datetime | None, now: datetime | None = None) -> str:
    """What every table shows for a time: "just now", "5 min ago", "in 10 min", "Today 09:15",
    "Yesterday 14:02", "Tomorrow 03:00", "Mon 14:02" (this week), "12 Nov 2026"; "—" for None."""
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = (value - now).total_seconds()
    if abs(seconds) < 60:
        return "just now"
    if abs(seconds) < 3600:
        minutes = round(abs(seconds) / 60)
        return f"in {minutes} min" if seconds > 0 else f"{minutes} min ago"
    local = value.astimezone()
    days = (local.date() - now.astimezone().date()).days
    named = {0: "Today", -1: "Yesterday", 1: "Tomorrow"}
    if days in named:
        return f"{named[days]} {local:%H:%M}"
    if -7 < days < 0:
        return f"{local:%a %H:%M}"
    return f"{local.day} {local:%b %Y}"


def full_time(value: datetime | None) -> str:
    """The exact local time, for tooltips: "Mon 12 Nov 2026 14:02:33"."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%a %d %b %Y %H:%M:%S")
