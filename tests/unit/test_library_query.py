"""The library search box: field:value terms, quotes, negation, years, missing:, bad input."""

from __future__ import annotations

import pytest

from rmab_desktop.services.library.query import Term, make_record, parse_query

BOOKS = {
    "shining": make_record(
        title="The Shining",
        authors=["Stephen King"],
        narrators=["Campbell Scott"],
        asin="B002UZMLXM",
        format="mp3",
        year=1977,
        path="Stephen King/The Shining",
    ),
    "gunslinger": make_record(
        title="The Gunslinger",
        authors=["Stephen King"],
        narrators=["George Guidall"],
        series="The Dark Tower",
        asin="B0043ZV9O4",
        format="m4b",
        year=1982,
        has_cover=False,
    ),
    "bronte": make_record(
        title="Jane Eyre", authors=["Charlotte Brontë"], year=None, format="mp3", matched=False
    ),
    "ishiguro": make_record(
        title="Klara and the Sun",
        subtitle="A Novel",
        authors=["Kazuo Ishiguro"],
        narrators=["Sura Siu"],
        series=None,
        asin="B08FT2Z6K4",
        format="m4b",
        year=2021,
    ),
    "tolstoy": make_record(title="Война и мир", authors=["Лев Толстой"], format="flac", year=1869),
}


def hits(text: str) -> list[str]:
    query = parse_query(text)
    return [name for name, record in BOOKS.items() if query.matches(record)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", list(BOOKS)),
        ("king", ["shining", "gunslinger"]),
        ("author:king", ["shining", "gunslinger"]),
        ("AUTHOR:KING", ["shining", "gunslinger"]),
        ("author:king -series:tower", ["shining"]),
        ('series:"dark tower"', ["gunslinger"]),
        ('-series:"dark tower" author:king', ["shining"]),
        ("narrator:guidall", ["gunslinger"]),
        ("author:bronte", ["bronte"]),  # accents folded
        ("brontë", ["bronte"]),
        ("author:толстой", ["tolstoy"]),
        ("year:1977", ["shining"]),
        ("year:1970..1990", ["shining", "gunslinger"]),
        ("year:>2000", ["ishiguro"]),
        ("year:<=1977", ["shining", "tolstoy"]),
        ("year:..1900", ["tolstoy"]),
        ("format:m4b", ["gunslinger", "ishiguro"]),
        ("format:m4", []),  # formats are exact
        ("asin:b0043zv9o4", ["gunslinger"]),
        ("missing:cover", ["gunslinger"]),
        ("missing:asin", ["bronte", "tolstoy"]),
        ("missing:series", ["shining", "bronte", "ishiguro", "tolstoy"]),
        ("missing:year", ["bronte"]),
        ("missing:match", ["bronte"]),
        ("missing:narrator format:mp3", ["bronte"]),
        ("has:series", ["gunslinger"]),
        ("novel", ["ishiguro"]),  # subtitle searched as part of the title
        ("title:sun", ["ishiguro"]),
        ("path:shining", ["shining"]),
        ('"the shining"', ["shining"]),
        ("the shining", ["shining"]),
        ("-king", ["bronte", "ishiguro", "tolstoy"]),
    ],
)
def test_queries(text: str, expected: list[str]) -> None:
    assert hits(text) == expected


def test_unknown_fields_are_plain_text_and_bad_values_are_reported() -> None:
    query = parse_query("re:zero year:soon missing:everything king")
    assert query.terms[0] == Term(None, "re:zero")
    assert query.errors == (
        "year:soon is not a year (try 1999, 1990..1999, >2010)",
        "missing:everything is unknown (use one of cover, asin, series, narrator, author, year, format, match)",
    )
    assert hits("re:zero") == []


def test_hostile_input_never_raises() -> None:
    for text in ['"', '-"', "author:", 'author:"', "-", ":", "year:..", "\x00", "a" * 10_000, "((("]:
        query = parse_query(text)
        [query.matches(record) for record in BOOKS.values()]
    assert hits('author:"') == hits("format:") == list(BOOKS)  # an empty value constrains nothing


def test_filter_returns_indexes() -> None:
    assert parse_query("author:king").filter(BOOKS.values()) == [0, 1]
