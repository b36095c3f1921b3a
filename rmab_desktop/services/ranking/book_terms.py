"""What the gate looks for, derived once per wanted book: title variants, authors, series, edition."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.ranking.languages import language_code
from rmab_desktop.services.ranking.text import canonical, fold, words
from rmab_desktop.services.ranking.vocabulary import PREFIX_ONLY_WORDS, SERIES_KEYWORDS

STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "on",
        "in",
        "at",
        "by",
        "for",
        "to",
        "and",
        "or",
        "with",
        "from",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "und",
        "von",
        "zu",
        "den",
        "dem",
        "des",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "de",
        "del",
        "en",
        "y",
        "le",
        "les",
        "une",
        "des",
        "sur",
        "dans",
        "et",
        "par",
        "pour",
    ]
)
LEADING_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "el", "la", "le", "les", "los", "las"})
NAME_SUFFIXES = frozenset({"jr", "sr", "phd", "md", "2", "3", "4"})
_ROLE = re.compile(
    r"\b(translat\w*|narrat\w*|read by|editor|edited|foreword|introduction|illustrat\w*|contributor|"
    r"adapt\w*|afterword|preface|reader)\b",
    re.IGNORECASE,
)
_EDITION_NOISE = re.compile(
    r"\(\s*(?:unabridged|abridged|dramati[sz]ed(?: adaptation)?|full[- ]cast[^)]*|part \d+ of \d+)\s*\)"
    r"|\[\s*(?:unabridged|dramati[sz]ed adaptation)\s*\]"
    r"|\bpart \d+ of \d+\b",
    re.IGNORECASE,
)
_TRAILING_BOOK = re.compile(
    r"[,:\-–]?\s*\(?\s*(?:book|bk|volume|vol\.?|#)\s*(\d+(?:\.\d+)?)\s*\)?\s*$", re.IGNORECASE
)
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_RANGE = re.compile(r"(\d+)\s*(?:-|–|to|thru|through)\s*(\d+)")
OMNIBUS_WORDS = frozenset({"omnibus", "boxset", "box", "bundle", "collection", "anthology", "compendium"})
DRAMA_WORDS = frozenset({"dramatized", "dramatised", "dramatization", "dramatisation", "radio", "dramatic"})
ABRIDGED_WORDS = frozenset({"abridged", "condensed"})


@dataclass(frozen=True)
class AuthorName:
    display: str
    tokens: tuple[str, ...]
    surname: str
    given: tuple[str, ...]

    @property
    def initials(self) -> str:
        """ "jrr" for J. R. R. Tolkien or John Ronald Reuel Tolkien."""
        return "".join(word[0] for word in self.given if word)


@dataclass(frozen=True)
class BookTerms:
    title_variants: tuple[tuple[str, ...], ...]  # required word sequences, longest first
    title_words: frozenset[str]
    subtitle: tuple[str, ...]
    authors: tuple[AuthorName, ...]
    narrator_words: frozenset[str]
    author_words: frozenset[str]
    series: tuple[str, ...]
    series_position: frozenset[str]  # canonical numbers; several for an omnibus
    wants_omnibus: bool
    wants_dramatized: bool
    wants_abridged: bool
    wants_part: bool
    language: str | None
    book_words: frozenset[str] = field(default=frozenset())  # every word of title, subtitle, series
    continuations: frozenset[tuple[str, ...]] = field(default=frozenset())  # subtitles' first two words

    @property
    def has_title(self) -> bool:
        return bool(self.title_variants and self.title_variants[0])


def split_people(names: tuple[str, ...]) -> list[str]:
    """Individual names from strings like "Preston, Douglas; Child, Lincoln" or "A & B"."""
    people: list[str] = []
    for name in names:
        for part in re.split(r"\s*(?:;|&|\band\b|\bund\b|/)\s*", name):
            part = part.strip(" ,")
            if not part:
                continue
            pieces = [p.strip() for p in part.split(",") if p.strip()]
            if len(pieces) > 1 and all(len(p.split()) > 1 for p in pieces):
                people.extend(pieces)  # "Douglas Preston, Lincoln Child"
            elif len(pieces) == 2:
                people.append(f"{pieces[1]} {pieces[0]}")  # "Tolkien, J.R.R."
            else:
                people.append(part)
    return people


def author_name(name: str) -> AuthorName | None:
    tokens = [w for w in words(name) if w not in NAME_SUFFIXES] or list(words(name))
    if not tokens:
        return None
    return AuthorName(display=name, tokens=tuple(tokens), surname=tokens[-1], given=tuple(tokens[:-1]))


def _initial_runs(given: tuple[str, ...]) -> set[str]:
    """Runs of single-letter given names written together: (george, r, r) -> {"rr"}."""
    runs, current = set(), ""
    for word in (*given, ""):
        if len(word) == 1:
            current += word
            continue
        if len(current) > 1:
            runs.add(current)
        current = ""
    return runs


def _people(names: tuple[str, ...]) -> tuple[list[AuthorName], list[AuthorName]]:
    """(primary authors, people with a role such as translator or narrator)."""
    primary: list[AuthorName] = []
    roles: list[AuthorName] = []
    for raw in split_people(names):
        has_role = bool(_ROLE.search(raw))
        cleaned = re.sub(r"\([^)]*\)|\s+-\s+.*$", " ", _ROLE.sub(" ", raw)) if has_role else raw
        parsed = author_name(cleaned)
        if parsed is not None:
            (roles if has_role else primary).append(parsed)
    return primary, roles


def _position(book: BookInfo, title: str) -> tuple[str | None, str]:
    position = book.series_position
    match = _TRAILING_BOOK.search(title)
    if match and len(title[: match.start()].strip()) > 0:
        position = position or match.group(1)
        title = re.sub(r"[(\[][^)\]]*$", "", title[: match.start()])  # "(The Expanse, Book 1)"
    return position, title


def _positions(position: str | None) -> tuple[frozenset[str], bool]:
    if not position:
        return frozenset(), False
    found = _RANGE.search(position)
    if found:
        low, high = int(found.group(1)), int(found.group(2))
        if 0 <= low < high <= low + 50:
            return frozenset(str(n) for n in range(low, high + 1)), True
    numbers = re.findall(r"\d+(?:\.\d+)?", position)
    canon = {canonical(n) if n.isdigit() else n.rstrip("0").rstrip(".") for n in numbers}
    return frozenset(canon), len(canon) > 1


def _strip_article(seq: tuple[str, ...]) -> tuple[str, ...]:
    return seq[1:] if len(seq) > 1 and seq[0] in LEADING_ARTICLES else seq


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a, b = _strip_article(a), _strip_article(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _seriesish(part: tuple[str, ...]) -> bool:
    """ "Book One in the Dune Chronicles", "Books 1-4": series information, not a title."""
    return any(w in SERIES_KEYWORDS or w.isdigit() or w in PREFIX_ONLY_WORDS for w in part)


def title_variants(title: str, series: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Required word sequences for a title: text in brackets is optional, and so is a subtitle
    after a colon - unless the part before the colon is just the series/franchise name
    ("Star Wars: Thrawn"), in which case the part after the colon is what identifies the book."""
    cleaned = _BRACKETED.sub(" ", _EDITION_NOISE.sub(" ", title))
    if not cleaned.strip():
        cleaned = _EDITION_NOISE.sub(" ", title)
    main, sep, rest = cleaned.partition(":")
    main_words, rest_words = tuple(words(main)), tuple(words(rest))
    full = tuple(words(cleaned))
    variants: list[tuple[str, ...]] = []
    if not sep or not rest_words:
        variants = [full]
    elif series and _overlaps(main_words, series) and not _seriesish(rest_words):
        variants = [full, rest_words]
    else:
        variants = [full, main_words]
    if series and len(series) < len(full) and full[: len(series)] == series:
        remainder = list(full[len(series) :])
        while remainder and remainder[0] in STOPWORDS:
            remainder.pop(0)
        if remainder:
            variants.append(tuple(remainder))  # "Harry Potter 2 - Chamber of Secrets"
    unique: list[tuple[str, ...]] = []
    for variant in variants:
        if variant and variant not in unique:
            unique.append(variant)
    return tuple(unique)


def _language(value: str | None) -> str | None:
    return language_code(fold(value).strip()) if value else None


def _assumed_language(book: BookInfo) -> str | None:
    """No language given: an ASCII title from an English-speaking marketplace is taken as English."""
    english_market = (book.region or "us").lower() in {"us", "uk", "ca", "au", "in"}
    return "en" if english_market and book.title.isascii() else None


def book_terms(book: BookInfo) -> BookTerms:
    position, title = _position(book, book.title or "")
    series = tuple(words(book.series or ""))
    variants = title_variants(title, series)
    subtitle = tuple(words(_EDITION_NOISE.sub(" ", book.subtitle or "")))
    if not position and book.subtitle:
        match = re.search(r"\b(?:book|bk|volume|vol|part)\s*(\d+)", book.subtitle, re.IGNORECASE)
        position = match.group(1) if match else None
    positions, multi = _positions(position)
    primary, with_roles = _people(book.authors)
    authors = primary or with_roles
    narrators, _ = _people(book.narrators)
    everything = fold(" ".join([book.title or "", book.subtitle or ""]))
    all_words = set(words(everything))
    title_words = {w for variant in variants for w in variant}
    author_words = {t for a in [*authors, *with_roles] for t in a.tokens}
    author_words |= {t for a in authors for t in words(a.display)}  # "Jr", "PhD" included
    author_words |= {"".join(a.tokens) for a in authors}  # "BrandonSanderson"
    author_words |= {run for a in authors for run in _initial_runs(a.given)}  # "George RR Martin"
    author_words |= {a.initials for a in authors if a.initials}
    author_words |= {word[0] for a in authors for word in a.given if word.isalpha()}
    author_words |= {a.surname + "s" for a in authors}
    return BookTerms(
        title_variants=variants,
        title_words=frozenset(title_words),
        subtitle=subtitle,
        authors=tuple(authors),
        narrator_words=frozenset(t for n in narrators for t in n.tokens),
        author_words=frozenset(author_words),
        series=series,
        series_position=positions,
        wants_omnibus=multi or bool(all_words & (OMNIBUS_WORDS | {"books", "trilogy", "complete"})),
        wants_dramatized=bool(all_words & DRAMA_WORDS) or "full cast" in everything,
        wants_abridged=bool(all_words & ABRIDGED_WORDS),
        wants_part=bool(re.search(r"\bpart\s*\d+\s*of\s*\d+", book.title or "", re.IGNORECASE)),
        language=_language(book.language) or _assumed_language(book),
        book_words=frozenset(all_words | set(series)),
        continuations=frozenset(_continuations(title, subtitle)),
    )


def _continuations(title: str, subtitle: tuple[str, ...]) -> set[tuple[str, ...]]:
    """What may follow the short title directly: the first two words of the subtitle and of the
    part after a colon ("Atomic Habits An Easy ...", "She A History ...")."""
    found = {subtitle[:2]} if subtitle else set()
    _, sep, rest = _BRACKETED.sub(" ", title).partition(":")
    rest_words = words(rest) if sep else ()
    if rest_words:
        found.add(tuple(rest_words[:2]))
    return found
