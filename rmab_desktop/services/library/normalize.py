"""Text keys for matching: diacritics, punctuation, numerals, initials and scripts folded away."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from functools import lru_cache
from typing import Any, TypeVar

from rmab_desktop.domain.library import Evidence, LibraryBook

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred"))
NUMBER_WORDS = frozenset(_ONES) | frozenset(_TENS[2:]) | {name for _, name in _SCALES}
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: i * 10 for i, w in enumerate(_TENS) if w != "_"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_TOKEN = re.compile(r"^(?=[IVXLC]{2,7}$)(X{0,3}|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
_APOSTROPHES = re.compile(r"['’`´ʼ]")
_NON_WORD = re.compile(r"[^\w]+")
_NOISE = re.compile(
    r"[\(\[]\s*(?:unabridged|ungekürzt|integral|intégral|audiobook|audio book|retail|mp3|m4b|aac|flac|"
    r"\d+\s*k(?:bps)?|\d{3,4}p|(?:1[5-9]|20)\d\d)\s*[\)\]]|\b(?:unabridged|audiobook|\d+\s*kbps)\b",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
ARTICLES = frozenset({"the", "a", "an"})


def number_words(value: int) -> str:
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    for scale, name in _SCALES:
        if value >= scale:
            head, rest = divmod(value, scale)
            return f"{number_words(head)} {name}" + (f" {number_words(rest)}" if rest else "")
    return str(value)  # unreachable for non-negative ints


def _spoken_number(digits: str) -> str:
    """Numbers as people say them: 1984 -> "nineteen eighty four", 20000 -> "twenty thousand"."""
    value = int(digits)
    if len(digits) == 4 and 1100 <= value <= 1999 and value % 100:
        head, tail = divmod(value, 100)
        return f"{number_words(head)} " + (number_words(tail) if tail >= 10 else f"oh {number_words(tail)}")
    return number_words(value)


def roman_value(token: str) -> int | None:
    """``II``..``XLIX`` (two letters or more, upper case in the source) -> int."""
    if not _ROMAN_TOKEN.match(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN[char]
        nxt = _ROMAN[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total


_LIGATURES = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"})

# Latin letters that carry their mark inside the letter, so NFKD does not split it off.
_UNSPLIT_LETTERS: dict[int, str | int] = {
    **str.maketrans("łŁøØđĐðÐıħ", "lLoOdDdDih"),
    **_LIGATURES,
}


def strip_marks(text: str) -> str:
    """Latin letters without their diacritics ("Stanisław Nesbø" -> "Stanislaw Nesbo")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLIT_LETTERS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def strip_noise(text: str) -> str:
    return _NOISE.sub(" ", text)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens: no case, marks or punctuation; digits and roman numerals as words."""
    text = unicodedata.normalize("NFKC", text)
    text = _THOUSANDS.sub("", text).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    raw = [t for t in _NON_WORD.sub(" ", text).split() if t]
    out: list[str] = []
    for token in raw:
        roman = roman_value(token)
        if roman is not None:
            out.extend(number_words(roman).split())
            continue
        folded = strip_marks(token.casefold()).replace("ё", "е")
        for part in re.findall(r"\d+|\D+", folded):
            if part.isdigit() and len(part) <= 12:
                out.extend(_spoken_number(part).split())
            else:
                out.append(part)
    return tuple(out)


def key(text: str | None, *, drop_article: bool = True) -> str:
    """A comparison key; CJK text is compared without spaces."""
    if not text:
        return ""
    parts = list(tokens(text))
    if drop_article and len(parts) > 1 and parts[0] in ARTICLES:
        parts = parts[1:]
    joined = " ".join(parts)
    return joined.replace(" ", "") if _CJK.search(joined) else joined


def position_key(value: str | None) -> str | None:
    """``"1"``, ``"Book 1"``, ``"one"``, ``"1.0"`` -> ``"1"``; ranges like ``"1-4"`` stay text."""
    if not value:
        return None
    text = str(value).strip().lower()
    text = re.sub(r"^(?:book|bk|vol(?:ume)?|part|no|#)\.?\s*", "", text)
    try:
        number = float(text)
    except ValueError:
        words = text.split()
        if words and all(w in _WORD_VALUES for w in words):
            return str(sum(_WORD_VALUES[w] for w in words))
        return re.sub(r"\s+", "", text) or None
    return str(int(number)) if number.is_integer() else str(number)


# ---------------------------------------------------------------------------- people
_HONORIFICS = frozenset({"sir", "dame", "dr", "mr", "mrs", "ms", "prof", "professor", "lord", "lady", "rev"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "phd", "md", "obe", "mbe"})
_ROLE = re.compile(
    r"\s*(?:[-–—,]\s*|\()\s*(translator|translated by|übersetzer|traducteur|traductor|editor|"
    r"foreword|introduction|afterword|contributor|adaptation|adapter|illustrator)\)?\s*$",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(r"^\s*(?:translated by|tr\.|trans\.)\s+", re.IGNORECASE)


def person_role(name: str) -> tuple[str, str | None]:
    """``"Constance Garnett - translator"`` -> (``"Constance Garnett"``, ``"translator"``)."""
    found = _ROLE.search(name)
    if found:
        return name[: found.start()].strip(), found.group(1).lower()
    prefixed = _ROLE_PREFIX.match(name)
    if prefixed:
        return name[prefixed.end() :].strip(), "translator"
    return name.strip(), None


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """Folded name tokens with initials split: ``"J.M. Barrie"`` and ``"JM Barrie"`` -> j, m, barrie."""
    base, _role = person_role(name)
    base = unicodedata.normalize("NFKC", base)
    pieces: list[str] = []
    raw = [p for p in re.split(r"[\s.\-_]+", base) if p]
    for index, piece in enumerate(raw):
        if index < len(raw) - 1 and 2 <= len(piece) <= 3 and piece.isupper() and piece.isalpha():
            pieces.extend(piece)  # "JM" / "JRR" initials
        else:
            pieces.append(piece)
    folded = [re.sub(r"['’‘`]", "", strip_marks(x.casefold()).replace("ё", "е")).strip(",") for x in pieces]
    folded = [p for p in folded if p]
    while len(folded) > 1 and folded[0] in _HONORIFICS:
        folded = folded[1:]
    while len(folded) > 1 and folded[-1] in _SUFFIXES:
        folded = folded[:-1]
    return tuple(folded)


def same_person(a: str, b: str) -> bool:
    """Same surname and compatible given names (initials match full names, middles may be missing)."""
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb:
        return False
    if "".join(pa) == "".join(pb):
        return True  # also CJK names written with or without a space
    if pa[-1] != pb[-1]:
        return False
    ga, gb = pa[:-1], pb[:-1]
    if not ga or not gb:
        return True
    if not _given_compatible(ga[0], gb[0]):
        return False
    short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    position = 0
    for given in short:
        while position < len(long_) and not _given_compatible(given, long_[position]):
            position += 1
        if position == len(long_):
            return False
        position += 1
    return True


def _given_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


# Invisible characters that never belong in a name: bidi embeddings, overrides and isolates (they
# can reverse how a title is shown), zero-width space, word joiner and a stray byte-order mark.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: needed between letters of some scripts
_SPACES = re.compile(r"\s+")
_TEXT_FIELDS = ("title", "subtitle", "series", "series_position", "raw")
_NAME_FIELDS = ("authors", "narrators")
_Named = TypeVar("_Named", Evidence, LibraryBook)


def _joiner_belongs(before: str, after: str) -> bool:
    """ZWJ/ZWNJ shape Arabic, Persian and Indic letters and join emoji; elsewhere they hide text."""

    def scripted(ch: str) -> bool:
        return ord(ch) >= 0x0590 and unicodedata.category(ch)[0] in "LM"

    def emoji(ch: str) -> bool:
        return unicodedata.category(ch) == "So" or 0x1F3FB <= ord(ch) <= 0x1F3FF or ch == "\ufe0f"

    return (scripted(before) and scripted(after)) or (emoji(before) and emoji(after))


def clean_text(value: str) -> str:
    """A tag or folder name fit to show: control characters (C0, C1; tabs and line breaks become
    spaces), bidi overrides and isolates and misplaced zero-width characters removed, blanks
    collapsed."""
    if value.isprintable() and value == value.strip() and "  " not in value:
        return value  # the common case: nothing to do
    kept: list[str] = []
    text = _INVISIBLE.sub("", value)
    for index, ch in enumerate(text):
        if unicodedata.category(ch) == "Cc":
            if ch in "\t\n\r\x0b\x0c\x85":
                kept.append(" ")
        elif ch in _JOINERS:
            after = text[index + 1 : index + 2]
            if kept and after and _joiner_belongs(kept[-1], after):
                kept.append(ch)
        else:
            kept.append(ch)
    return _SPACES.sub(" ", "".join(kept)).strip()


def clean_book(book: _Named) -> _Named:
    """``book`` (a LibraryBook and its evidence, or one Evidence) with every name through
    :func:`clean_text`; names left empty are dropped."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(book, name, None)
        cleaned = clean_text(value) if isinstance(value, str) else value
        if cleaned != value:
            keep_empty = name == "title" and isinstance(book, LibraryBook)  # a book's title is text
            changes[name] = cleaned if cleaned or keep_empty else None
    for name in _NAME_FIELDS:
        names = getattr(book, name)
        cleaned = tuple(c for c in (clean_text(n) for n in names) if c)
        if cleaned != tuple(names):
            changes[name] = cleaned
    if isinstance(book, LibraryBook) and book.evidence:
        evidence = tuple(clean_book(e) for e in book.evidence)
        if evidence != book.evidence:
            changes["evidence"] = evidence
    return dataclasses.replace(book, **changes) if changes else book
