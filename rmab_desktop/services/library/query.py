"""The library search box: ``field:value`` terms, quoted values, ``-`` negation, free text.

Examples: ``author:king -series:"dark tower" year:1980..1990 format:mp3 missing:cover shining``.
All terms must hold (AND). Matching is case- and accent-insensitive substring matching on
precomputed :class:`SearchRecord` keys, held column by column in a :class:`SearchIndex`, so
filtering 50,000 books is one comprehension of ``in`` tests per term.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
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


class SearchIndex:
    """The search keys of many books, one list per field (a column each), in the books' order.

    A query is evaluated column by column: one comprehension of ``in`` tests per term, which runs
    several times faster than calling a predicate per book.
    """

    __slots__ = ("columns",)

    def __init__(self, records: Iterable[SearchRecord]) -> None:
        columns = list(zip(*records, strict=True))
        self.columns: list[list[object]] = (
            [list(column) for column in columns] if columns else [[] for _ in SearchRecord._fields]
        )

    def __len__(self) -> int:
        return len(self.columns[0])

    def column(self, name: str) -> list[object]:
        return self.columns[SearchRecord._fields.index(name)]

    def permuted(self, order: Sequence[int]) -> SearchIndex:
        """The same keys in a new order (``order[i]``: where the i-th book comes from)."""
        index = SearchIndex(())
        index.columns = [[column[i] for i in order] for column in self.columns]
        return index

    def replace(self, position: int, record: SearchRecord) -> None:
        for column, value in zip(self.columns, record, strict=True):
            column[position] = value


# One byte per book, 1 where the book matches: masks combine with integer ``&`` in C.
Mask = bytes
MaskFn = Callable[[SearchIndex], Mask]
_INVERT = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def _both(a: Mask, b: Mask) -> Mask:
    return (int.from_bytes(a, "little") & int.from_bytes(b, "little")).to_bytes(len(a), "little")


@dataclass(frozen=True)
class Term:
    field: str | None  # None: free text
    value: str
    negate: bool = False


@dataclass(frozen=True)
class LibraryQuery:
    terms: tuple[Term, ...]
    errors: tuple[str, ...]
    masks: tuple[MaskFn, ...]  # one per understood term; all must hold

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def mask(self, index: SearchIndex) -> Mask:
        """For every book of ``index``, 1 if the query accepts it, else 0."""
        result = b"\x01" * len(index)
        for mask in self.masks:
            result = _both(result, mask(index))
        return result

    def matches(self, record: SearchRecord) -> bool:
        return self.mask(SearchIndex([record])) == b"\x01"

    def filter(self, records: Iterable[SearchRecord]) -> list[int]:
        """Indexes of the records that match, in order."""
        return [i for i, hit in enumerate(self.mask(SearchIndex(records))) if hit]


_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "=": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
}


def _year_mask(value: str) -> MaskFn | None:
    if match := _YEAR_RANGE.match(value):
        low = int(match[1]) if match[1] else 0
        high = int(match[2]) if match[2] else 9999
        return lambda ix: bytes([y is not None and low <= y <= high for y in _years(ix)])
    if match := _YEAR_CMP.match(value):
        compare, year = _COMPARE[match[1] or "="], int(match[2])
        return lambda ix: bytes([y is not None and compare(y, year) for y in _years(ix)])
    return None


def _years(index: SearchIndex) -> list[int | None]:
    return cast(list[int | None], index.column("year"))


def _texts(index: SearchIndex, name: str) -> list[str]:
    return cast(list[str], index.column(name))


def _term_mask(term: Term) -> MaskFn | str:
    """The mask of one term, or an error message when the term cannot be understood."""
    value = fold(term.value)
    if term.field is None:
        return lambda ix: bytes([value in key for key in _texts(ix, "text")])
    if term.field == "year":
        return (
            _year_mask(term.value.strip()) or f"year:{term.value} is not a year (try 1999, 1990..1999, >2010)"
        )
    if term.field in ("missing", "has"):
        if value not in MISSING_VALUES:
            return f"{term.field}:{term.value} is unknown (use one of {', '.join(MISSING_VALUES)})"
        bit, want = MISSING_BITS[value], term.field == "missing"
        return lambda ix: bytes([bool(m & bit) is want for m in cast(list[int], ix.column("missing"))])
    name = TEXT_FIELDS[term.field]
    if name in ("asin", "format"):
        return lambda ix: bytes([key == value for key in _texts(ix, name)])
    return lambda ix: bytes([value in key for key in _texts(ix, name)])


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
    masks: list[MaskFn] = []
    errors: list[str] = []
    for term in terms:
        built = _term_mask(term)
        if isinstance(built, str):
            errors.append(built)
        elif term.negate:
            masks.append((lambda m: lambda ix: m(ix).translate(_INVERT))(built))
        else:
            masks.append(built)
    return LibraryQuery(tuple(terms), tuple(errors), tuple(masks))
