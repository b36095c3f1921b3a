"""Search queries for a book: title + author first, then title only, with edition noise stripped."""

from __future__ import annotations

import re

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.ranking.book_terms import split_people

_NOISE = re.compile(
    r"\((?:[^)]*\b(?:unabridged|abridged|dramati[sz]ed|adaptation|full[- ]cast|part \d+ of \d+|book \d+)\b[^)]*)\)"
    r"|\[[^\]]*\]"
    r"|\b(?:unabridged|dramati[sz]ed adaptation|part \d+ of \d+)\b"
    r"|[,:\-–]\s*(?:book|volume|vol\.?)\s*\d+\s*$",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\b(translat\w*|narrat\w*|editor|foreword|introduction|illustrat\w*)\b", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s'&]+")


def clean_title(title: str) -> str:
    """ "The Stand (Part 1 of 2) [Dramatized Adaptation]" -> "The Stand"; colons/punctuation dropped."""
    cleaned = _NOISE.sub(" ", title)
    cleaned = _PUNCT.sub(" ", cleaned)
    return " ".join(cleaned.split()) or " ".join(_PUNCT.sub(" ", title).split())


def primary_author(book: BookInfo) -> str | None:
    for name in split_people(book.authors):
        if not _ROLE.search(name):
            return " ".join(_PUNCT.sub(" ", name).split())
    return None


def query_tiers(book: BookInfo, custom_terms: str | None = None) -> list[str]:
    """The queries to try in order; a user's custom terms replace them."""
    if custom_terms and custom_terms.strip():
        return [" ".join(custom_terms.split())]
    title = clean_title(book.title)
    author = primary_author(book)
    tiers = [f"{title} {author}" if author else title, title]
    return list(dict.fromkeys(t for t in tiers if t))
