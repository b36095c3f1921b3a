"""What BookDate knows about a user's taste: their books, ratings and swipes, read from the database.

Ratings and favourites come from the Audible library export (``audible_library_entries``, written by
the Audible library feature); the library's own books from ``library_items``; swipes from BookDate's
tables. This module only reads. :func:`prompt` turns it into the words sent to an AI provider, and
the same function shows the user what will be sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rmab_desktop.db.models import AudibleLibraryEntry, BookDateRecommendation, BookDateSwipe, LibraryItem
from rmab_desktop.domain.bookdate import ContextScope, Swipe

MAX_FAVORITES = 25
MAX_LIBRARY = 300  # a prompt has to end somewhere; the newest books first
MAX_SWIPES = 100
FAVORITE_RATING = 4.0


@dataclass(frozen=True)
class Taste:
    library: tuple[tuple[str, str, float | None], ...]  # title, author, rating
    swipes: tuple[tuple[str, str, Swipe], ...]  # title, author, swipe
    seeds: tuple[tuple[str, str], ...]  # (ASIN, title) of favourites, best-rated, recent and liked books


def _author(authors: list[object] | None) -> str:
    return ", ".join(str(a.get("name") if isinstance(a, dict) else a) for a in authors or [])


def taste(session: Session, user_id: int, scope: ContextScope) -> Taste:
    rated = session.execute(
        select(
            AudibleLibraryEntry.title,
            AudibleLibraryEntry.authors,
            AudibleLibraryEntry.rating,
            AudibleLibraryEntry.asin,
        )
        .where(AudibleLibraryEntry.user_id == user_id, AudibleLibraryEntry.rating.is_not(None))
        .order_by(AudibleLibraryEntry.rating.desc(), AudibleLibraryEntry.date_added.desc())
    ).all()
    recent = session.execute(
        select(LibraryItem.title, LibraryItem.authors, LibraryItem.asin)
        .order_by(LibraryItem.added_at.desc().nulls_last(), LibraryItem.id.desc())
        .limit(MAX_LIBRARY)
    ).all()
    swiped = session.execute(
        select(
            BookDateRecommendation.title,
            BookDateRecommendation.author,
            BookDateSwipe.action,
            BookDateRecommendation.asin,
        )
        .join(BookDateSwipe, BookDateSwipe.recommendation_id == BookDateRecommendation.id)
        .where(BookDateRecommendation.user_id == user_id)
        .order_by(BookDateSwipe.id.desc())
        .limit(MAX_SWIPES)
    ).all()
    favorites = [r for r in rated if (r.rating or 0) >= FAVORITE_RATING][:MAX_FAVORITES]
    if scope == ContextScope.FAVORITES:
        library = [(r.title, _author(r.authors), r.rating) for r in favorites]
    elif scope == ContextScope.RATED:
        library = [(r.title, _author(r.authors), r.rating) for r in rated]
    else:
        ratings = {r.title: r.rating for r in rated}
        library = [(r.title, _author(r.authors), ratings.get(r.title)) for r in recent]
        library += [(r.title, _author(r.authors), r.rating) for r in rated if r.title not in ratings]
    liked = [(s.asin, s.title) for s in swiped if s.action == Swipe.RIGHT]
    seeds = [(r.asin, r.title) for r in (*favorites, *rated, *recent[:10])] + liked
    unique: dict[str, tuple[str, str]] = {}
    for asin, title in seeds:
        if asin:
            unique.setdefault(asin, (asin, title))
    return Taste(
        library=tuple(library),
        swipes=tuple((s.title, s.author, Swipe(s.action)) for s in swiped),
        seeds=tuple(unique.values()),
    )


SYSTEM = (
    "You recommend audiobooks that exist on Audible. Answer with JSON only, in this form: "
    '{{"books": [{{"title": "…", "author": "…", "reason": "one sentence on why this reader will like it"}}]}} '
    "with {count} books. Suggest real, published books only. Never suggest a book the reader already "
    "has, has swiped on, or that is listed below."
)
_SWIPE_HEADINGS = {
    Swipe.RIGHT: "Books I wanted when you suggested them:",
    Swipe.LEFT: "Books I was not interested in:",
    Swipe.UP: "Books I had already read:",
}


def prompt(taste: Taste, custom_prompt: str, count: int) -> tuple[str, str]:
    """(system instructions, the user's message): exactly what an AI provider receives."""
    lines = ["Books in my library:" if taste.library else "My library is empty so far."]
    for title, author, rating in taste.library:
        rated = f" (I rated it {rating:g}/5)" if rating else ""
        lines.append(f"- {title} — {author}{rated}" if author else f"- {title}{rated}")
    for action, heading in _SWIPE_HEADINGS.items():
        books = [f"- {t} — {a}" for t, a, s in taste.swipes if s == action]
        if books:
            lines += ["", heading, *books]
    if custom_prompt.strip():
        lines += ["", custom_prompt.strip()]
    return SYSTEM.format(count=count), "\n".join(lines)
