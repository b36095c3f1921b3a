"""The recommender that needs no account: Audible's similar products of the books a user likes.

Each seed (a favourite, best-rated, recent or liked book) asks Audible for its similar products;
a book scores one point for each seed pointing at it, so books several favourites agree on come
first (ties: the better-rated first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rmab_desktop.domain.catalog import CatalogBook
from rmab_desktop.domain.errors import ServiceError

MAX_SEEDS = 12


@dataclass(frozen=True)
class Scored:
    book: CatalogBook
    votes: int
    because: tuple[str, ...]  # titles of the seeds that point at it


def recommend(
    seeds: Sequence[tuple[str, str]],  # (ASIN, title)
    similar: Callable[[str], Sequence[CatalogBook]],
    skip: Callable[[CatalogBook], bool],
) -> list[Scored]:
    """Candidates best first; ``skip`` drops what the user has, asked for or swiped already."""
    votes: dict[str, list[str]] = {}
    books: dict[str, CatalogBook] = {}
    seed_asins = {asin for asin, _ in seeds}
    failures = 0
    for asin, title in seeds[:MAX_SEEDS]:
        try:
            found = similar(asin)
        except ServiceError:
            failures += 1
            if failures == len(seeds[:MAX_SEEDS]):
                raise
            continue
        for book in found:
            if book.asin in seed_asins:
                continue
            books.setdefault(book.asin, book)
            votes.setdefault(book.asin, []).append(title)
    ranked = sorted(books.values(), key=lambda b: (-len(votes[b.asin]), -(b.rating or 0), b.title))
    return [Scored(b, len(votes[b.asin]), tuple(votes[b.asin])) for b in ranked if not skip(b)]
