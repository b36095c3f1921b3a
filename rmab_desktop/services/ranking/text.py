"""Text normalization and tokenization shared by the ranking gate and scorer.

Words are compared casefolded, with Latin/Greek/Cyrillic diacritics removed (é -> e, ё -> е),
apostrophes dropped (Ender's -> enders), "&" read as "and", number words and roman numerals read
as digits, and CJK text split into single characters (those scripts do not put spaces between
words). Each token remembers whether a hard separator (" - ", ":", ",", a bracket, "by") came
before it and whether it sits inside brackets, because release names use those to separate the
title from the author, the series and the tags.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´](?=\w)|['’ʼ`´]")
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_HASH_NUMBER = re.compile(r"#\s*(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_OPEN = "([{【「『〈《"
_CLOSE = ")]}】」』〉》"
_HARD = set(":;,|/~–—-") | set(_OPEN) | set(_CLOSE)
_KEEP_MARKS = {"\u3099", "\u309a"}  # kana voicing marks change the character

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_UNITS = {word: int(value) for word, value in list(NUMBER_WORDS.items())[:20]}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_PHRASE_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)


def phrase_value(phrase: list[str]) -> int | None:
    """ "twenty thousand" -> 20000, "twenty one" -> 21, "nineteen eighty four" -> 1984."""
    groups: list[int] = []
    total = current = 0
    for word in phrase:
        if word in _SCALES:
            if not current:
                return None
            if word == "hundred":
                current *= 100
            else:
                total, current = total + current * 1000, 0
            continue
        value = _UNITS.get(word, _TENS.get(word, 0))
        if current and (value >= 10 or current % 10 or current < 20) and current % 100 != 0:
            groups.append(total + current)
            total, current = 0, value
        else:
            current += value
    groups.append(total + current)
    if len(groups) == 1:
        return groups[0]
    if all(10 <= g <= 99 for g in groups):
        return int("".join(str(g) for g in groups))
    return None


def _roman(token: str) -> int | None:
    if not token or any(ch not in _ROMAN_VALUES for ch in token):
        return None
    total, previous = 0, 0
    for ch in reversed(token):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if 0 < total < 40 and _to_roman(total) == token else None


def _to_roman(value: int) -> str:
    out = ""
    for number, symbol in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += symbol
            value -= number
    return out


def roman_value(token: str) -> int | None:
    """The value of a roman numeral token (ii, iv, xii ...), single letters included."""
    return _roman(token)


@lru_cache(maxsize=4096)
def _fold_char_run(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch for ch in decomposed if ch in _KEEP_MARKS or not unicodedata.category(ch).startswith("M")
    )
    return unicodedata.normalize("NFC", kept)


def fold(text: str) -> str:
    """Casefolded, diacritic-free text (CJK and kana voicing kept)."""
    return _fold_char_run(text) if text.isascii() is False else text.casefold()


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One comparable form per word: "two"/"II"/"02" -> "2"; other words unchanged."""
    if word.isdigit():
        return str(int(word)) if len(word) < 6 else word
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if len(word) > 1:
        value = _roman(word)
        if value is not None:
            return str(value)
    return word


class Token(NamedTuple):
    text: str  # canonical form
    raw: str  # folded form before number canonicalization
    boundary: bool  # a hard separator came right before it
    bracket: bool  # inside (), [] or {}
    gap: str  # the raw characters between the previous token and this one


def prepare(text: str) -> str:
    """Scene dots and underscores become spaces, "&" becomes "and", "#3" becomes "book 3"."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("_", " ").replace("&", " and ").replace("+", " ")
    text = _HASH_NUMBER.sub(" book ", text)
    text = _THOUSANDS.sub("", text)
    text = _DOT.sub(" ", text)
    return _APOSTROPHES.sub("", fold(text))


def tokenize(text: str) -> list[Token]:
    prepared = prepare(text)
    tokens: list[Token] = []
    depth = 0
    position = 0
    for match in _TOKEN.finditer(prepared):
        gap = prepared[position : match.start()]
        position = match.end()
        hard = False
        if gap and gap != " ":
            for ch in gap:
                if ch in _OPEN:
                    depth += 1
                elif ch in _CLOSE:
                    depth = max(0, depth - 1)
            hard = gap != "-" and any(ch in _HARD for ch in gap)
        word = match.group(0)
        tokens.append(Token(canonical(word), word, hard or not tokens, depth > 0, gap))
    return _merge_number_phrases(tokens)


def _merge_number_phrases(tokens: list[Token]) -> list[Token]:
    if not any(t.raw in _PHRASE_WORDS for t in tokens):
        return tokens
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].raw in _PHRASE_WORDS and (j == i or not tokens[j].boundary):
            j += 1
        value = phrase_value([t.raw for t in tokens[i:j]]) if j - i > 1 else None
        if value is None:
            merged.append(tokens[i])
            i += 1
            continue
        first = tokens[i]
        merged.append(
            Token(str(value), " ".join(t.raw for t in tokens[i:j]), first.boundary, first.bracket, first.gap)
        )
        i = j
    return merged


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Canonical words of a text (for book-side phrases: titles, names, series, preference words)."""
    return tuple(token.text for token in tokenize(text))


def is_cjk(word: str) -> bool:
    return len(word) == 1 and bool(re.match(f"[{_CJK}]", word))
