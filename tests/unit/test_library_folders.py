"""Folder names read as people, ASINs and titles: each positive has a near miss that must differ."""

from __future__ import annotations

import pytest

from rmab_desktop.services.library.folders import folder_evidence, parse_book_name, split_people

PEOPLE = [
    # "Last, First" pairs, one or several
    ("Kishimi, Ichiro, Koga, Fumitake", ("Ichiro Kishimi", "Fumitake Koga")),
    ("Dumas, Alexandre, Maquet, Auguste", ("Alexandre Dumas", "Auguste Maquet")),
    ("Tolkien, J. R. R., Tolkien, Christopher", ("J. R. R. Tolkien", "Christopher Tolkien")),
    ("Preston, Douglas; Child, Lincoln", ("Douglas Preston", "Lincoln Child")),
    ("Tolkien, J.R.R.", ("J.R.R. Tolkien",)),
    # surname particles and compound surnames
    ("von Mises, Ludwig", ("Ludwig von Mises",)),
    ("de la Cruz, Juana Inés", ("Juana Inés de la Cruz",)),
    ("van der Berg, Anna", ("Anna van der Berg",)),
    ("Le Guin, Ursula K.", ("Ursula K. Le Guin",)),
    ("García Márquez, Gabriel", ("Gabriel García Márquez",)),
    ("Saint-Exupéry, Antoine de", ("Antoine de Saint-Exupéry",)),
    # scripts written without spaces: every comma-separated name is a person
    ("東野圭吾, 湊かなえ", ("東野圭吾", "湊かなえ")),
    ("村上春樹、川上未映子", ("村上春樹", "川上未映子")),
    ("김영하, 한강", ("김영하", "한강")),
    # near misses: full names listed, a name suffix, a long second piece
    ("Stephen King, Peter Straub", ("Stephen King", "Peter Straub")),
    (
        "Douglas Preston, Lincoln Child, Jeffery Deaver",
        ("Douglas Preston", "Lincoln Child", "Jeffery Deaver"),
    ),
    ("Martin Luther King, Jr.", ("Martin Luther King Jr.",)),
    ("Homer, Robert Fagles", ("Homer", "Robert Fagles")),
    ("村上 春樹", ("村上 春樹",)),
    ("Neil Gaiman & Terry Pratchett", ("Neil Gaiman", "Terry Pratchett")),
]


@pytest.mark.parametrize(("text", "people"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_split_people(text: str, people: tuple[str, ...]) -> None:
    assert split_people(text) == people


ASINS = [
    ("Dune [B00B7NPRY8]", "B00B7NPRY8", "Dune"),
    ("Dune (B00B7NPRY8)", "B00B7NPRY8", "Dune"),
    ("Dune [b00b7npry8]", "B00B7NPRY8", "Dune"),
    ("Dune ASIN B00B7NPRY8", "B00B7NPRY8", "Dune"),
    ("Dune (ASIN: B00B7NPRY8)", "B00B7NPRY8", "Dune"),
    ("B00B7NPRY8 - Dune", "B00B7NPRY8", "Dune"),
    ("Dune_asin_B00B7NPRY8", "B00B7NPRY8", "Dune"),
    ("Emma [0143111582]", "0143111582", "Emma"),
    # near misses: ten letters in brackets, a longer code, a year, a bare ten-digit number
    ("Dune [UNABRIDGED]", None, "Dune [UNABRIDGED]"),
    ("Dune B00B7NPRY8X", None, "Dune B00B7NPRY8X"),
    ("Dune (1965)", None, "Dune (1965)"),
    ("Call 0143111582 Now", None, "Call 0143111582 Now"),
]


@pytest.mark.parametrize(("name", "asin", "title"), ASINS, ids=[a[0] for a in ASINS])
def test_asin_in_a_book_folder_name(name: str, asin: str | None, title: str) -> None:
    parsed = parse_book_name(name, has_series_folder=False)
    assert (parsed["asin"], parsed["title"]) == (asin, title)


@pytest.mark.parametrize(
    ("rel", "position", "title"),
    [
        ("Frank Herbert/Dune Chronicles/01 Dune [B00B7NPRY8]", "01", "Dune"),
        ("Frank Herbert/Dune Chronicles/1. Dune", "1", "Dune"),
        ("George Orwell/Dystopias/1984", None, "1984"),  # a number title is not a position
        ("Stephen King/11 22 63", None, "11 22 63"),  # no series folder: no position
    ],
)
def test_series_position_before_a_title(rel: str, position: str | None, title: str) -> None:
    evidence = folder_evidence(rel)
    assert (evidence.series_position, evidence.title) == (position, title)


def test_author_folder_with_pairs_names_each_person() -> None:
    evidence = folder_evidence("Kishimi, Ichiro, Koga, Fumitake/The Courage to Be Disliked")
    assert evidence.authors == ("Ichiro Kishimi", "Fumitake Koga")
