"""Feeds as a checker would build them: for each book, the right release in many uploader shapes
and the wrong ones that share words with it (sequels, other authors, longer titles, box sets,
abridged, samples, other languages). Right ones must all be accepted, wrong ones all rejected."""

from __future__ import annotations

import pytest

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import rank_releases

BOOKS = [
    # title, author, narrator, series, position, runtime, a sequel title in the same series
    ("Project Hail Mary", "Andy Weir", "Ray Porter", None, None, 970, "Artemis"),
    ("The Final Empire", "Brandon Sanderson", "Michael Kramer", "Mistborn", "1", 1480, "The Well of Ascension"),
    ("Leviathan Wakes", "James S. A. Corey", "Jefferson Mays", "The Expanse", "1", 1200, "Caliban's War"),
    ("The Name of the Wind", "Patrick Rothfuss", "Nick Podehl", "The Kingkiller Chronicle", "1", 1664,
     "The Wise Man's Fear"),
    ("Red Rising", "Pierce Brown", "Tim Gerard Reynolds", "Red Rising", "1", 985, "Golden Son"),
    ("The Eye of the World", "Robert Jordan", "Michael Kramer", "The Wheel of Time", "1", 2976,
     "The Great Hunt"),
    ("Harry Potter and the Goblet of Fire", "J.K. Rowling", "Jim Dale", "Harry Potter", "4", 1257,
     "Harry Potter and the Order of the Phoenix"),
    ("The Silent Patient", "Alex Michaelides", "Jack Hawkins", None, None, 529, "The Maidens"),
    ("Wool", "Hugh Howey", "Minnie Goode", "Silo", "1", 780, "Shift"),
    ("Circe", "Madeline Miller", "Perdita Weeks", None, None, 720, "The Song of Achilles"),
]  # fmt: skip

RIGHT = [
    "{a} - {t} [M4B]",
    "{a} - {t} ({s} {p}) [{y}] [M4B] 64kbps",
    "{t} by {a}, narrated by {n}",
    "{a2}.{t2}.{y}.MP3.128kbps",
    "{last}, {first} - {t} (Unabridged) [MP3]",
    "[{s} {p}] {t} - {a} ({n})",
    "{t} - {a} - {n} - {y} - M4B",
    "{a} - {s} Book {p} - {t}",
    "{t} ({s}, Book {p}) by {a} [Retail]",
    "{a} | {t} | {n} | {y} | M4B",
]
WRONG = [
    "{a} - {sequel} [M4B]",
    "{sequel} ({s} Book {p2}) by {a}",
    "Someone Else - {t} [M4B]",
    "{t} by Jane Q. Doe (Unabridged)",
    "{a} - {t} Companion Guide [MP3]",
    "{a} - {t} and Other Stories [MP3]",
    "{a} - {s} Books 1-3 Box Set [MP3]",
    "{a} - {t} (Abridged) [MP3]",
    "{a} - {t} [German] [MP3]",
    "Summary of {t} by {a}",
    "{a} - Return to {t} [M4B]",
    "{a} - {t} 2 [M4B]",
    "{a} - {t} (Part 1 of 3) [MP3]",
    "{a} - {t} (Dramatized Adaptation) [M4B]",
    "{a} - {t}: The Graphic Novel",
    "{a} - {t} & {sequel} [MP3]",
]


def _fill(template: str, row: tuple) -> str:  # type: ignore[type-arg]
    title, author, narrator, series, position, _, sequel = row
    first, last = author.rsplit(" ", 1)
    return template.format(
        a=author, t=title, n=narrator, s=series or "", p=position or "1", p2=str(int(position or 1) + 1),
        y=2015, a2=author.replace(" ", "."), t2=title.replace(" ", "."), first=first, last=last, sequel=sequel,
    )  # fmt: skip


def _cases() -> list[tuple[int, str, bool]]:
    cases = []
    for index, row in enumerate(BOOKS):
        series = row[3]
        for template in RIGHT:
            if series is None and "{s}" in template:
                continue
            cases.append((index, _fill(template, row), True))
        for template in WRONG:
            if series is None and "{s}" in template:
                continue
            cases.append((index, _fill(template, row), False))
    return cases


@pytest.mark.parametrize("interactive", [False, True])
def test_simulated_feeds(interactive: bool) -> None:
    problems = []
    for index, row in enumerate(BOOKS):
        title, author, narrator, series, position, runtime, _ = row
        book = BookInfo.from_json(
            {"title": title, "authors": [author], "narrators": [narrator], "series": series,
             "series_position": position, "runtime_minutes": runtime, "language": "English"}
        )  # fmt: skip
        cases = [(name, right) for i, name, right in _cases() if i == index]
        size = runtime * 60 * 64_000 // 8
        releases = [
            Release(guid=str(k), title=name, size_bytes=size, seeders=20) for k, (name, _) in enumerate(cases)
        ]
        ranked = rank_releases(book, releases, interactive=interactive)
        expected = {str(k): right for k, (_, right) in enumerate(cases)}
        for item in ranked:
            if item.accepted != expected[item.release.guid]:
                problems.append((item.release.title, item.accepted, item.reasons[:2]))
        assert ranked[0].accepted and expected[ranked[0].release.guid]
    assert not problems, "\n".join(map(str, problems))
