"""Audnexus (``api.audnex.us``): runtime, series, chapters and authors when the catalog lacks them."""

from __future__ import annotations

from typing import Any

from rmab_desktop.clients.audible import people, series_position
from rmab_desktop.clients.fields import day, dicts, integer, mapping, number, text
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import AuthorInfo, CatalogBook, Chapter, Person, SeriesRef
from rmab_desktop.domain.errors import InvalidResponseError, NotFoundError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "Audnexus"
DEFAULT_BASE_URL = "https://api.audnex.us"


def _object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not data.get("asin"):
        raise InvalidResponseError(
            tr.mark("Audnexus sent a {what} without an ASIN."), service=SERVICE, what=what
        )
    return data


def _series(data: dict[str, Any]) -> tuple[SeriesRef, ...]:
    refs = []
    for key in ("seriesPrimary", "seriesSecondary"):
        entry = data.get(key)
        name = text(entry.get("name")) if isinstance(entry, dict) else None
        if isinstance(entry, dict) and name:
            refs.append(
                SeriesRef(
                    title=name, asin=text(entry.get("asin")), position=series_position(entry.get("position"))
                )
            )
    return tuple(refs)


def parse_book(data: Any, region: str) -> CatalogBook:
    book = _object(data, "book")
    title = text(book.get("title"))
    if not title:
        raise NotFoundError(tr.mark("Audnexus has no book {asin}."), asin=book.get("asin"))
    ratings = mapping(book.get("ratings"))
    genres = tuple(g for g in (text(item.get("name")) for item in dicts(book.get("genres"))) if g)
    return CatalogBook(
        asin=str(book["asin"]),
        title=title,
        region=text(book.get("region")) or region,
        subtitle=text(book.get("subtitle")),
        authors=people(book.get("authors")),
        narrators=tuple(p.name for p in people(book.get("narrators"))),
        series=_series(book),
        runtime_minutes=integer(book.get("runtimeLengthMin")),
        release_date=day(book.get("releaseDate")),
        language=text(book.get("language")),
        rating=number(book.get("rating")),
        rating_count=integer(ratings.get("numRatings")),
        cover_url=text(book.get("image")),
        description=text(book.get("summary")) or text(book.get("description")),
        format_type=text(book.get("formatType")),
        publisher=text(book.get("publisherName")),
        genres=genres[:5],
        isbn=text(book.get("isbn")),
    )


def parse_chapters(data: Any) -> list[Chapter]:
    chapters: list[Chapter] = []
    for item in dicts(data.get("chapters") if isinstance(data, dict) else None):
        start, length = integer(item.get("startOffsetMs")), integer(item.get("lengthMs"))
        if start is None or length is None:
            continue
        chapters.append(
            Chapter(
                title=text(item.get("title")) or f"Chapter {len(chapters) + 1}",
                start_ms=start,
                length_ms=length,
            )
        )
    return chapters


def parse_author(data: Any) -> AuthorInfo:
    author = _object(data, "author")
    return AuthorInfo(
        asin=str(author["asin"]),
        name=text(author.get("name")) or "",
        description=text(author.get("description")),
        image_url=text(author.get("image")),
        genres=tuple(g for g in (text(item.get("name")) for item in dicts(author.get("genres"))) if g),
        similar=tuple(Person(p.name, p.asin) for p in people(author.get("similar"))),
    )


class AudnexusClient:
    def __init__(self, http: JsonHttp | None = None, *, base_url: str = DEFAULT_BASE_URL) -> None:
        self.http = http or JsonHttp(SERVICE)
        self.base_url = base_url.rstrip("/")

    def close(self) -> None:
        self.http.close()

    def _get(self, path: str, region: str, cancel: CancelToken | None) -> Any:
        return self.http.get_json(f"{self.base_url}/{path}", {"region": region}, cancel=cancel)

    def book(self, asin: str, region: str, *, cancel: CancelToken | None = None) -> CatalogBook:
        return parse_book(self._get(f"books/{asin}", region, cancel), region)

    def chapters(self, asin: str, region: str, *, cancel: CancelToken | None = None) -> list[Chapter]:
        return parse_chapters(self._get(f"books/{asin}/chapters", region, cancel))

    def author(self, asin: str, region: str, *, cancel: CancelToken | None = None) -> AuthorInfo:
        return parse_author(self._get(f"authors/{asin}", region, cancel))
