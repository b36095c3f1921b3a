"""Property tests: the parsers never crash and never invent empty releases; the gate is monotone."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rmab_desktop.clients.prowlarr import parse_search_results
from rmab_desktop.clients.torznab import parse_caps, parse_feed
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import rank_releases
from rmab_desktop.services.ranking.book_terms import STOPWORDS
from rmab_desktop.services.ranking.languages import LANGUAGES, MULTI_MARKERS
from rmab_desktop.services.ranking.text import words
from rmab_desktop.services.ranking.vocabulary import (
    DERIVATIVE_MARKERS,
    OMNIBUS_MARKERS,
    PREFIX_ONLY_WORDS,
    SERIES_KEYWORDS,
    TAG_WORDS,
)
from tests.fakes.indexer_payloads import FakeRelease, newznab_feed, prowlarr_results, torznab_feed

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


def _check(releases: list[Release]) -> None:
    for release in releases:
        assert release.title.strip() and release.guid.strip()


@FAST
@given(st.binary(max_size=400) | text_st.map(str.encode))
def test_feed_parser_never_crashes_on_garbage(data: bytes) -> None:
    for parse in (parse_feed, parse_caps):
        try:
            result = parse(data)
        except RmabError:
            continue
        if isinstance(result, list):
            _check(result)


xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@FAST
@given(
    st.lists(
        st.builds(
            FakeRelease,
            title=xml_text,
            size=st.integers(-5, 10**12),
            seeders=st.none() | st.integers(-1, 10**6),
            categories=st.lists(st.integers(0, 200000), max_size=3).map(tuple),
            magnet=st.booleans(),
            author=st.none() | xml_text,
            book=st.none() | xml_text,
            grabs=st.none() | st.integers(0, 100),
        ),
        max_size=5,
    ),
    st.booleans(),
    st.booleans(),
)
def test_real_shaped_feeds_parse_to_titled_releases(
    items: list[FakeRelease], newznab: bool, bom: bool
) -> None:
    data = newznab_feed(items, bom=bom) if newznab else torznab_feed(items, bom=bom)
    releases = parse_feed(data)
    _check(releases)
    assert len(releases) == sum(1 for item in items if " ".join(item.title.split()))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text_st,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text_st, children, max_size=4),
    max_leaves=20,
)
prowlarr_keys = st.sampled_from(
    ["title", "guid", "size", "seeders", "protocol", "downloadUrl", "magnetUrl", "indexerFlags", "categories",
     "indexerId", "publishDate", "infoHash", "leechers"]
)  # fmt: skip


@FAST
@given(json_values | st.lists(st.dictionaries(prowlarr_keys, json_values, max_size=8), max_size=4))
def test_prowlarr_parser_never_crashes(value: object) -> None:
    for data in (value, json.dumps(value).encode()):
        with contextlib.suppress(RmabError):
            _check(parse_search_results(data))


@FAST
@given(st.lists(st.builds(FakeRelease, title=xml_text, size=st.integers(0, 10**10)), max_size=4))
def test_prowlarr_shaped_json_parses(items: list[FakeRelease]) -> None:
    _check(parse_search_results(prowlarr_results(items)))


# -- the gate --------------------------------------------------------------------------------------
RESERVED = (
    STOPWORDS | TAG_WORDS | SERIES_KEYWORDS | PREFIX_ONLY_WORDS | OMNIBUS_MARKERS | DERIVATIVE_MARKERS
    | {w for language in LANGUAGES for w in language.words | language.hints} | MULTI_MARKERS | {"sample", "excerpt", "preview", "summary", "part", "cd"}
    | {"dramatized", "dramatised", "radio", "abridged", "condensed", "by", "read", "narrated"}
)  # fmt: skip
word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).filter(
    lambda w: w not in RESERVED and words(w) == (w,)
)
title_st = st.lists(word, min_size=1, max_size=4).map(" ".join)
name_st = st.lists(word, min_size=2, max_size=3).map(lambda parts: " ".join(p.capitalize() for p in parts))


def _distinct(title: str, author: str) -> bool:
    """A title made only of the author's name words is ambiguous by nature (excluded)."""
    return not set(words(title)) <= set(words(author))


def _book(title: str, author: str) -> BookInfo:
    return BookInfo.from_json({"title": title, "authors": [author], "runtime_minutes": 600, "language": "en"})


def _release(title: str) -> Release:
    return Release(guid="g", title=title, size_bytes=300_000_000, seeders=10)


def _accepted(book: BookInfo, title: str, interactive: bool = False) -> bool:
    return rank_releases(book, [_release(title)], interactive=interactive)[0].accepted


@FAST
@given(
    title_st,
    name_st,
    st.sampled_from(["{a} - {t} [M4B]", "{t} by {a}", "{a}.{t}.2019.MP3", "{t} - {a} (Unabridged)"]),
)
def test_exact_title_and_author_is_always_accepted(title: str, author: str, shape: str) -> None:
    assume(_distinct(title, author))
    assert _accepted(_book(title, author), shape.format(a=author, t=title))


@FAST
@given(title_st, name_st, title_st, st.lists(word, min_size=1, max_size=3), st.booleans())
def test_noise_before_the_title_never_turns_a_rejection_into_acceptance(
    title: str, author: str, release_title: str, noise: list[str], interactive: bool
) -> None:
    book = _book(title, author)
    assume(_distinct(title, author) and not set(noise) & set(words(f"{title} {author}")))
    for shape in ("{a} - {t}", "{t}", "{t} [MP3]"):
        candidate = shape.format(a=author, t=release_title)
        noisy = f"{' '.join(noise)} {candidate}"
        if not _accepted(book, candidate, interactive):
            assert not _accepted(book, noisy, interactive)
        # noise words glued before the wanted title always reject it
        assert not _accepted(book, f"{author} - {' '.join(noise)} {title}", interactive)


@FAST
@given(title_st, name_st, word)
def test_a_longer_title_is_rejected(title: str, author: str, extra: str) -> None:
    assume(_distinct(title, author) and extra not in words(title) + words(author))
    assert not _accepted(_book(title, author), f"{author} - {title} {extra} [M4B]", interactive=True)


@FAST
@given(title_st, name_st, name_st)
def test_another_author_is_rejected_in_automatic_mode(title: str, author: str, other: str) -> None:
    assume(not set(words(other)) & set(words(author) + words(title)))
    assert not _accepted(_book(title, author), f"{other} - {title} [M4B]")
