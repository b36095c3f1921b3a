"""The one place that turns times, counts, sizes, speeds and durations into words.

Everything follows the app's language: words through the translator, and day and month names,
digits and separators through the default ``QLocale`` (set by ``ui/translations.py``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from rmab_desktop.domain.i18n import Translator

tr = Translator("Formatting")

DASH = "—"


def _local(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def _qdatetime(value: datetime) -> QDateTime:
    local = _local(value)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.systemTimeZone(),
    )


def local_time(value: datetime | None, now: datetime | None = None) -> str:
    """The time of day for today ("14:03:22"), the short date and time otherwise; "" for None."""
    if value is None:
        return ""
    locale = QLocale()
    today = _local(now or datetime.now(UTC)).date()
    moment = _qdatetime(value)
    if _local(value).date() == today:
        return locale.toString(moment.time(), "HH:mm:ss")
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def friendly_time(value: datetime | None, now: datetime | None = None) -> str:
    """What every table shows for a time: "just now", "5 min ago", "in 10 min", "Today 09:15",
    "Yesterday 14:02", "Tomorrow 03:00", "Thu 15:30" (this week), "12 Nov 2026"; "—" for None."""
    if value is None:
        return DASH
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = (value - now).total_seconds()
    if abs(seconds) < 60:
        return tr("just now")
    if abs(seconds) < 3600:
        minutes = round(abs(seconds) / 60)
        return tr.n("in %n min", minutes) if seconds > 0 else tr.n("%n min ago", minutes)
    locale = QLocale()
    moment = _qdatetime(value)
    clock = locale.toString(moment.time(), locale.timeFormat(QLocale.FormatType.ShortFormat))
    days = (_local(value).date() - _local(now).date()).days
    if days == 0:
        return tr("Today {time}").format(time=clock)
    if days == -1:
        return tr("Yesterday {time}").format(time=clock)
    if days == 1:
        return tr("Tomorrow {time}").format(time=clock)
    if -7 < days < 0:
        return f"{locale.dayName(moment.date().dayOfWeek(), QLocale.FormatType.ShortFormat)} {clock}"
    return locale.toString(moment.date(), tr("d MMM yyyy", "a date far from today, in Qt date format"))


def full_time(value: datetime | None) -> str:
    """The exact local time, for tooltips: "Sun 22 Nov 2026 15:30:00"."""
    if value is None:
        return ""
    return QLocale().toString(_qdatetime(value), tr("ddd d MMM yyyy HH:mm:ss", "an exact time, in Qt format"))


def date_only(value: datetime | date | None) -> str:
    """A calendar date in the locale's short form ("22/11/2026", "22.11.26"); "" for None.
    A ``date`` (a release day) is shown as it is, without time-zone conversion."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        day = _qdatetime(value).date()
    else:
        day = QDate(value.year, value.month, value.day)
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def number(value: float, decimals: int = 0) -> str:
    """A number with the locale's digits and separators ("12,345" / "12.345")."""
    return QLocale().toString(float(value), "f", decimals) if decimals else QLocale().toString(int(value))


def percent(fraction: float | None, decimals: int = 0) -> str:
    """A fraction as a percentage ("42%", "42 %", "99.5%"); "–" when unknown."""
    if fraction is None:
        return "–"
    value = round(fraction * 100, decimals) if decimals else round(fraction * 100)
    return tr("{number}%", "a percentage").format(number=number(value, decimals))


def size(value: int | None) -> str:
    """A file size ("1.4 GB" / "1,4 GB"); "" when unknown."""
    if value is None:
        return ""
    return QLocale().formattedDataSize(int(value), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def speed(bytes_per_second: float | None) -> str:
    """A transfer rate ("2.5 MB/s"); "" when unknown."""
    if not bytes_per_second:
        return ""
    return tr("{size}/s").format(size=size(int(bytes_per_second)))


def duration(seconds: float | None) -> str:
    """A length of time: "45 min", "2 h 05 min", "3 d 4 h"; "" when unknown."""
    if not seconds or seconds < 0:
        return ""
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return tr("{days} d {hours} h").format(days=number(days), hours=hours)
    if hours:
        return tr("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")
    return tr("{minutes} min").format(minutes=minutes)
