"""The description of one book that search, ranking, organizing and matching all share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def _str_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    items: list[str] = []
    for item in value:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            items.append(name.strip())
    return tuple(items)


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _opt_int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class BookInfo:
    title: str
    asin: str | None = None
    region: str = "us"
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    series: str | None = None
    series_position: str | None = None
    runtime_minutes: int | None = None
    language: str | None = None
    release_date: date | None = None
    publisher: str | None = None
    description: str | None = None
    genres: tuple[str, ...] = ()
    cover_url: str | None = None
    isbn: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def year(self) -> int | None:
        return self.release_date.year if self.release_date else _opt_int(self.extra.get("year"))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BookInfo:
        """Tolerant reader for BOOK.json files: missing keys allowed, names or {name} objects."""
        release = data.get("release_date")
        release_date = None
        if isinstance(release, str) and release:
            try:
                release_date = date.fromisoformat(release[:10])
            except ValueError:
                release_date = None
        series = data.get("series")
        if isinstance(series, dict):
            data = {**data, "series_position": data.get("series_position") or series.get("position")}
            series = series.get("name") or series.get("title")
        position = data.get("series_position")
        return cls(
            title=str(data.get("title") or "").strip(),
            asin=_opt_str(data.get("asin")),
            region=str(data.get("region") or "us"),
            subtitle=_opt_str(data.get("subtitle")),
            authors=_str_list(data.get("authors")),
            narrators=_str_list(data.get("narrators")),
            series=_opt_str(series),
            series_position=_opt_str(position),
            runtime_minutes=_opt_int(data.get("runtime_minutes")),
            language=_opt_str(data.get("language")),
            release_date=release_date,
            publisher=_opt_str(data.get("publisher")),
            description=_opt_str(data.get("description")),
            genres=_str_list(data.get("genres")),
            cover_url=_opt_str(data.get("cover_url")),
            isbn=_opt_str(data.get("isbn")),
            extra={"year": data["year"]} if data.get("year") else {},
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data["authors"], data["narrators"], data["genres"] = (
            list(self.authors),
            list(self.narrators),
            list(self.genres),
        )
        data["release_date"] = self.release_date.isoformat() if self.release_date else None
        data["year"] = self.year
        return data
