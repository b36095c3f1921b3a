"""The library search box: ``field:value`` terms, quoted values, ``-`` negation, free text.

Examples: ``author:king -series:"dark tower" year:1980..1990 format:mp3 missing:cover shining``.
All terms must hold (AND). Matching is case- and accent-insensitive substring matching on
precomputed :class:`SearchRecord` keys, so filtering 50,000 books is a tight loop of ``in`` tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, cast

TEXT_FIELDS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "narrator": "narrators",
    "narrators": "narrators",
    "read": "narrators",
    "series": "series",
    "asin": "asin",
    "format": "format",
    "path": "path",
}
MISSING_VALUES = ("cover", "asin", "series", "narrator", "author", "year", "format", "match")
MISSING_BITS = {name: 1 << bit for bit, name in enumerate(MISSING_VALUES)}
_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S*))')
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_YEAR_RANGE = re.compile(r"^(\d{4})?\.\.(\d{4})?$")
_YEAR_CMP = re.compile(r"^(>=|<=|>|<|=)?(\d{4})$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used for both the keys and the query (cached: names repeat)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


class SearchRecord(NamedTuple):
    text: str
    title: str
    authors: str
    narrators: str
    series: str
    asin: str
    format: str
    path: str
    year: int | None
    missing: int  # MISSING_BITS of the fields that are empty


def make_record(
    *,
    title: str,
    subtitle: str | None = None,
    authors: Iterable[str] = (),
    narrators: Iterable[str] = (),
    series: str | None = None,
    asin: str | None = None,
    format: str | None = None,
    path: str | None = None,
    year: int | None = None,
    has_cover: bool = True,
    matched: bool = True,
) -> SearchRecord:
    authors, narrators = tuple(authors), tuple(narrators)
    missing = (
        (not has_cover)
        | (not asin) << 1
        | (not series) << 2
        | (not narrators) << 3
        | (not authors) << 4
        | (year is None) << 5
        | (not format) << 6
        | (not matched) << 7
    )
    keys = (
        fold(title + (f" {subtitle}" if subtitle else "")),
        fold(" | ".join(authors)),
        fold(" | ".join(narrators)),
        fold(series or ""),
        fold(asin or ""),
        fold(format or ""),
        fold(path or ""),
    )
    return SearchRecord(" | ".join(keys[:5]), *keys, year, missing)


Predicate = Callable[[SearchRecord], bool]


@dataclass(frozen=True)
class Term:
    field: str | None  # None: free text
    value: str
    negate: bool = False


@dataclass(frozen=True)
class LibraryQuery:
    terms: tuple[Term, ...]
    errors: tuple[str, ...]
    predicate: Predicate

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def matches(self, record: SearchRecord) -> bool:
        return self.predicate(record)

    def filter(self, records: Iterable[SearchRecord]) -> list[int]:
        """Indexes of the records that match, in order."""
        predicate = self.predicate
        return [i for i, record in enumerate(records) if predicate(record)]


def _year_predicate(value: str) -> Predicate | None:
    if match := _YEAR_RANGE.match(value):
        low = int(match[1]) if match[1] else 0
        high = int(match[2]) if match[2] else 9999
        return lambda r: r.year is not None and low <= r.year <= high
    if match := _YEAR_CMP.match(value):
        op, year = match[1] or "=", int(match[2])
        compare: dict[str, Callable[[int], bool]] = {
            "=": lambda y: y == year,
            ">": lambda y: y > year,
            "<": lambda y: y < year,
            ">=": lambda y: y >= year,
            "<=": lambda y: y <= year,
        }
        check = compare[op]
        return lambda r: r.year is not None and check(r.year)
    return None


def _term_predicate(term: Term) -> Predicate | str:
    """A predicate for one term, or an error message when the term cannot be understood."""
    value = fold(term.value)
    if term.field is None:
        return lambda r: value in r.text
    if term.field == "year":
        return (
            _year_predicate(term.value.strip())
            or f"year:{term.value} is not a year (try 1999, 1990..1999, >2010)"
        )
    if term.field in ("missing", "has"):
        if value not in MISSING_VALUES:
            return f"{term.field}:{term.value} is unknown (use one of {', '.join(MISSING_VALUES)})"
        bit = MISSING_BITS[value]
        if term.field == "has":
            return lambda r: not r.missing & bit
        return lambda r: bool(r.missing & bit)
    attribute = TEXT_FIELDS[term.field]
    if attribute in ("asin", "format"):
        return lambda r: getattr(r, attribute) == value
    index = SearchRecord._fields.index(attribute)
    return lambda r: value in cast(str, r[index])  # a text field: every one is a str


def _tokens(text: str) -> list[Term]:
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        negate, field, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare or ""
        name = field.lower() if field else None
        if name is not None and name not in TEXT_FIELDS and name not in ("year", "missing", "has"):
            value, name = f"{field}:{value}", None  # "re:zero" stays plain text
        if not value.strip():
            continue  # "author:" alone constrains nothing
        terms.append(Term(name, value.strip(), bool(negate)))
    return terms


def parse_query(text: str) -> LibraryQuery:
    """Parse the search box; terms that cannot be understood are reported and ignored."""
    terms = _tokens(text or "")
    predicates: list[Predicate] = []
    errors: list[str] = []
    for term in terms:
        built = _term_predicate(term)
        if isinstance(built, str):
            errors.append(built)
            continue
        if term.negate:
            built = (lambda p: lambda r: not p(r))(built)
        predicates.append(built)
    predicate: Predicate = predicates[0] if predicates else (lambda _r: True)
    for following in predicates[1:]:  # a chain of ``and``: cheaper per record than all(...)
        predicate = (lambda a, b: lambda r: a(r) and b(r))(predicate, following)
    return LibraryQuery(tuple(terms), tuple(errors), predicate)
