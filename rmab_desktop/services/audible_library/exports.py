"""Reading library and wishlist exports of ``audible-cli`` (JSON, CSV, TSV) and Libation (JSON, CSV).

``audible-cli library export`` and ``wishlist export`` write one flat row per title: ``asin``,
``title``, ``authors`` and ``narrators`` as comma-joined names, ``series_title``,
``series_sequence``, ``runtime_length_min``, ``is_finished``, ``percent_complete``, ``rating`` (the
community's average as text), ``date_added``, ``purchase_date`` (library only), ``cover_url``.
Libation writes the same facts under other names ("Audible Product Id" in CSV,
``AudibleProductId`` in JSON), with the user's own rating ("My Rating: Overall", 0 = unrated) and
``IsFinished`` but no progress. CSV from Libation follows the writer's culture, so the delimiter
is sniffed and decimal commas are accepted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rmab_desktop.clients.fields import flag, integer, number, text, timestamp
from rmab_desktop.domain.audible_library import AudibleTitle
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.errors import ValidationError

MAX_EXPORT_BYTES = 100 * 1024 * 1024
FORMAT_HINT = (
    "Export with `audible library export --format json|csv|tsv` (or `audible wishlist export`), "
    "or with Libation's Export library (JSON or CSV), and import that file."
)


@dataclass(frozen=True)
class ParsedExport:
    """Titles read from a file; ``errors`` name the rows that could not be read (nothing is guessed)."""

    format: str  # audible-cli-json | audible-cli-csv | audible-cli-tsv | libation-json | libation-csv
    titles: tuple[AudibleTitle, ...]
    errors: tuple[str, ...]


def _names(value: Any) -> tuple[str, ...]:
    joined = text(value) or ""
    return tuple(name.strip() for name in joined.split(",") if name.strip())


def _decimal(value: Any) -> float | None:
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    return number(value)


def _url(value: Any) -> str:
    url = text(value) or ""
    return url if url.startswith(("https://", "http://")) else ""


def _rating(value: Any) -> float | None:
    rating = _decimal(value)
    return rating if rating is not None and 0 < rating <= 5 else None


def _from_audible_cli(row: Mapping[str, Any]) -> AudibleTitle:
    return AudibleTitle(
        asin=str(row.get("asin") or "").strip().upper(),
        title=text(row.get("title")) or "",
        authors=_names(row.get("authors")),
        narrators=_names(row.get("narrators")),
        series_title=text(row.get("series_title")) or "",
        series_position=text(row.get("series_sequence")) or "",
        runtime_min=integer(row.get("runtime_length_min")),
        cover_url=_url(row.get("cover_url")),
        progress_percent=_decimal(row.get("percent_complete")),
        finished=flag(row.get("is_finished")),
        average_rating=_rating(row.get("rating")),
        purchase_date=timestamp(row.get("purchase_date")),
        date_added=timestamp(row.get("date_added")),
        raw=dict(row),
    )


_LIBATION_CSV_NAMES = {  # CSV header -> JSON property, so one reader handles both
    "Audible Product Id": "AudibleProductId",
    "Date Added to library": "DateAdded",
    "Locale": "Locale",
    "Title": "Title",
    "Authors": "AuthorNames",
    "Narrators": "NarratorNames",
    "Length In Minutes": "LengthInMinutes",
    "Series Names": "SeriesNames",
    "Series Order": "SeriesOrder",
    "Community Rating: Overall": "CommunityRatingOverall",
    "Cover Id": "PictureId",
    "My Rating: Overall": "MyRatingOverall",
    "IsFinished": "IsFinished",
}


def _libation_series(order: Any, names: Any) -> tuple[str, str]:
    """``SeriesOrder`` reads "1 : Name, 2 : Other"; the first link is the one shown."""
    first = (text(order) or "").split(",")[0]
    if ":" in first:
        position, name = first.split(":", 1)
        return name.strip(), position.strip()
    return ((text(names) or "").split(",")[0].strip(), "")


def _from_libation(row: Mapping[str, Any]) -> AudibleTitle:
    series_title, series_position = _libation_series(row.get("SeriesOrder"), row.get("SeriesNames"))
    picture = text(row.get("PictureId"))
    locale = (text(row.get("Locale")) or "").lower()
    return AudibleTitle(
        asin=str(row.get("AudibleProductId") or "").strip().upper(),
        title=text(row.get("Title")) or "",
        authors=_names(row.get("AuthorNames")),
        narrators=_names(row.get("NarratorNames")),
        series_title=series_title,
        series_position=series_position,
        runtime_min=integer(row.get("LengthInMinutes")),
        cover_url=f"https://m.media-amazon.com/images/I/{picture}._SL500_.jpg" if picture else "",
        finished=flag(row.get("IsFinished")),
        rating=_rating(row.get("MyRatingOverall")),
        average_rating=_rating(row.get("CommunityRatingOverall")),
        date_added=timestamp(row.get("DateAdded")),
        region=locale if locale in REGIONS else "",
        raw=dict(row),
    )


def _read_rows(
    rows: Iterable[Any], convert: Callable[[Mapping[str, Any]], AudibleTitle]
) -> tuple[list[AudibleTitle], list[str]]:
    """Rows of an export (JSON may hold anything: what is not a record is reported, not guessed)."""
    titles: list[AudibleTitle] = []
    errors: list[str] = []
    for number_, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            errors.append(f"Row {number_}: not a record.")
            continue
        title = convert(row)
        if not title.asin or not title.asin.isalnum() or len(title.asin) > 20:
            errors.append(f"Row {number_}: no valid ASIN ({title.title or 'untitled'}).")
        elif not title.title:
            errors.append(f"Row {number_}: {title.asin} has no title.")
        else:
            titles.append(title)
    return titles, errors


def _kind_of(keys: Iterable[str]) -> str | None:
    names = set(keys)
    if "asin" in names:
        return "audible-cli"
    if "AudibleProductId" in names or "Audible Product Id" in names:
        return "libation"
    return None


def _unknown(path: Path) -> ValidationError:
    return ValidationError(f"{path.name} is not an audible-cli or Libation export.", hint=FORMAT_HINT)


def _parse_json(path: Path, body: str) -> ParsedExport:
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{path.name} is not valid JSON (line {exc.lineno}).", hint=FORMAT_HINT
        ) from None
    if isinstance(data, dict):  # an API dump: {"items": [...]} or {"products": [...]}
        data = data.get("items", data.get("products"))
    if not isinstance(data, list):
        raise _unknown(path)
    if not data:
        return ParsedExport("json", (), ())
    first = next((row for row in data if isinstance(row, dict)), {})
    kind = _kind_of(first)
    if kind is None:
        raise _unknown(path)
    convert = _from_audible_cli if kind == "audible-cli" else _from_libation
    titles, errors = _read_rows(data, convert)
    return ParsedExport(f"{kind}-json", tuple(titles), tuple(errors))


def _parse_delimited(path: Path, body: str) -> ParsedExport:
    header = body.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(header, delimiters="\t,;")
    except csv.Error:
        raise _unknown(path) from None
    reader = csv.DictReader(io.StringIO(body), dialect=dialect)
    kind = _kind_of(reader.fieldnames or ())
    if kind is None:
        raise _unknown(path)
    label = "tsv" if dialect.delimiter == "\t" else "csv"
    if kind == "audible-cli":
        titles, errors = _read_rows(reader, _from_audible_cli)
    else:
        rows = ({_LIBATION_CSV_NAMES.get(k, k): v for k, v in row.items() if k} for row in reader)
        titles, errors = _read_rows(rows, _from_libation)
    return ParsedExport(f"{kind}-{label}", tuple(titles), tuple(errors))


def read_export(path: Path) -> ParsedExport:
    """Read an export file; the format is recognised from its content, not its name."""
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ValidationError(f"{path.name} is larger than 100 MB.", hint=FORMAT_HINT)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"There is no file {path}.", hint="Check the path and try again.") from None
    except IsADirectoryError:
        raise ValidationError(f"{path} is a folder.", hint="Give the export file, not its folder.") from None
    except OSError as exc:
        raise ValidationError(
            f"{path} cannot be read: {exc.strerror}.", hint="Check its permissions."
        ) from None
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not a UTF-8 text file.", hint=FORMAT_HINT) from None
    stripped = body.lstrip()
    if not stripped:
        raise ValidationError(f"{path.name} is empty.", hint=FORMAT_HINT)
    if stripped[0] in "[{":
        return _parse_json(path, body)
    return _parse_delimited(path, body)
