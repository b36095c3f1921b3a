"""The language rule of the gate: a release marked as another language than the book's (language
names in any case and position outside the title and the people's names, scene tags in capitals
such as GERMAN, -DK-, iNT, multi-language packs) is rejected with the reason in words; English
titles that merely contain a language word are not; the user can allow languages."""

from __future__ import annotations

import pytest

from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import RankingPrefs, rank_releases
from rmab_desktop.services.ranking.languages import LANGUAGES, language_code, language_name
from tests.unit.ranking import books as B
from tests.unit.ranking.books import book

FOWLES = book("The French Lieutenant's Woman", ["John Fowles"], runtime_minutes=900)
PATCHETT = book("The Dutch House", ["Ann Patchett"], narrators=["Tom Hanks"], runtime_minutes=590)
MURAKAMI = book("Norwegian Wood", ["Haruki Murakami"], runtime_minutes=760)
ARMAS = book("The Spanish Love Deception", ["Elena Armas"], runtime_minutes=870)
MANKELL = book("Italian Shoes", ["Henning Mankell"], runtime_minutes=600)
NICCI = book("Blue Monday", ["Nicci French"], runtime_minutes=700)
GERMAN_GIRL = book("The German Girl", ["Armando Lucas Correa"], runtime_minutes=650)
SWEDISH_BOOK = book("Mannen som hatade kvinnor", ["Stieg Larsson"], runtime_minutes=900, language="swedish")


def verdict(wanted, title: str, prefs: RankingPrefs | None = None, **extra: str) -> tuple[bool, list[str]]:  # type: ignore[no-untyped-def]
    release = Release(guid="1", title=title, size_bytes=400_000_000, seeders=9, extra=dict(extra))
    [ranked] = rank_releases(wanted, [release], prefs)
    return ranked.accepted, ranked.reasons


ACCEPTED = [
    (FOWLES, "John Fowles - The French Lieutenant's Woman (Unabridged) [M4B]"),
    (FOWLES, "The French Lieutenant's Woman - John Fowles [ENG] MP3"),
    (FOWLES, "John.Fowles-The.French.Lieutenants.Woman.2016.AUDIOBOOK.MP3-GRP"),
    (FOWLES, "JOHN FOWLES - THE FRENCH LIEUTENANT'S WOMAN [MP3]"),
    (PATCHETT, "Ann Patchett - The Dutch House - read by Tom Hanks [M4B]"),
    (MURAKAMI, "Haruki Murakami - Norwegian Wood [M4B]"),
    (MURAKAMI, "Norwegian.Wood.Haruki.Murakami.2010.MP3-GRP"),
    (ARMAS, "Elena Armas - The Spanish Love Deception (2021) [M4B]"),
    (MANKELL, "Henning Mankell - Italian Shoes - English [MP3]"),
    (NICCI, "Nicci French - Blue Monday [MP3]"),
    (GERMAN_GIRL, "Armando Lucas Correa - The German Girl (Unabridged)"),
    (B.MARTIAN, "Andy Weir - The Martian (2014) [ENGLISH] [M4B]"),
    (B.MARTIAN, "Andy Weir - The Martian - read by R. C. Bray - de luxe edition"),
    (B.MARTIAN, "Andy Weir - The Martian - No 1 [MP3]"),
    (B.GRIMM, "Brüder Grimm - Kinder- und Hausmärchen [GERMAN] MP3"),
    (B.GRIMM, "Brüder Grimm - Kinder- und Hausmärchen - Hörbuch - ungekürzt"),
    (SWEDISH_BOOK, "Stieg Larsson - Mannen som hatade kvinnor [SWE] MP3"),
    (SWEDISH_BOOK, "Stieg Larsson - Mannen som hatade kvinnor (ljudbok)"),
]

REJECTED = [
    (B.MARTIAN, "Andy Weir - The Martian [GERMAN] [M4B]", "German"),
    (B.MARTIAN, "Andy Weir - The Martian (german) mp3", "German"),
    (B.MARTIAN, "Andy Weir - The Martian - Deutsch - 128kbps", "German"),
    (B.MARTIAN, "Andy.Weir-The.Martian.GERMAN.AUDIOBOOK-GRP", "German"),
    (B.MARTIAN, "Andy Weir - The Martian [GER]", "German"),
    (B.MARTIAN, "Andy Weir - The Martian -DK- MP3", "Danish"),
    (B.MARTIAN, "Andy.Weir.The.Martian.DK.MP3-GRP", "Danish"),
    (B.MARTIAN, "Andy Weir - The Martian [PL] [MP3]", "Polish"),
    (B.MARTIAN, "Andy Weir - The Martian - FRENCH - 128kbps", "French"),
    (B.MARTIAN, "Andy Weir - The Martian [Español]", "Spanish"),
    (B.MARTIAN, "Andy Weir - The Martian [SWE]", "Swedish"),
    (B.MARTIAN, "Andy Weir - The Martian - lu par Jean Dupont", "French"),
    (B.MARTIAN, "Andy Weir - The Martian (luisterboek)", "Dutch"),
    (B.MARTIAN, "Andy Weir - The Martian [ENG+GER]", "German"),
    (B.MARTIAN, "Andy_Weir-The_Martian-iNT-2015-GRP", "iNT"),
    (B.MARTIAN, "Andy Weir - The Martian [iNT] [MP3]", "iNT"),
    (B.MARTIAN, "Andy Weir - The Martian [MULTi] [M4B]", "several languages"),
    (B.MARTIAN, "Andy Weir - The Martian (Multi-Language) MP3", "several languages"),
    (B.MARTIAN, "Andy.Weir.The.Martian.MULTi.AUDIOBOOK-GRP", "several languages"),
    (FOWLES, "John Fowles - The French Lieutenant's Woman [FRENCH]", "French"),
    (FOWLES, "John Fowles - The French Lieutenant's Woman - Hörbuch", "German"),
    (B.GRIMM, "Brüder Grimm - Kinder- und Hausmärchen [ENGLISH]", "English"),
    (SWEDISH_BOOK, "Stieg Larsson - Mannen som hatade kvinnor [ENG]", "English"),
]


@pytest.mark.parametrize(("wanted", "title"), ACCEPTED, ids=[t for _, t in ACCEPTED])
def test_releases_in_the_books_language_are_accepted(wanted, title: str) -> None:  # type: ignore[no-untyped-def]
    accepted, reasons = verdict(wanted, title)
    assert accepted, reasons


@pytest.mark.parametrize(("wanted", "title", "why"), REJECTED, ids=[t for _, t, _ in REJECTED])
def test_releases_marked_as_another_language_are_rejected_with_the_reason(
    wanted, title: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    accepted, reasons = verdict(wanted, title)
    assert not accepted
    rejections = [r for r in reasons if r.startswith("Rejected:")]
    assert rejections and why in rejections[0], reasons


def test_the_language_the_indexer_reports_counts() -> None:
    accepted, reasons = verdict(B.MARTIAN, "Andy Weir - The Martian [MP3]", language="German")
    assert not accepted and "Rejected: another language (German); the book is in English" in reasons
    assert verdict(B.MARTIAN, "Andy Weir - The Martian [MP3]", language="en-US")[0]


def test_allowed_languages_and_multi_packs_pass_when_the_user_allows_them() -> None:
    prefs = RankingPrefs(allowed_languages=["Deutsch", "multi", "klingon"])
    assert prefs.allowed_languages == ["de", "multi"]  # names become codes; unknown ones are dropped
    assert verdict(B.MARTIAN, "Andy Weir - The Martian [GERMAN] [M4B]", prefs)[0]
    assert verdict(B.MARTIAN, "Andy Weir - The Martian [MULTi] [M4B]", prefs)[0]
    assert not verdict(B.MARTIAN, "Andy Weir - The Martian [FRENCH] [M4B]", prefs)[0]


def test_the_rule_can_be_switched_off() -> None:
    assert verdict(B.MARTIAN, "Andy Weir - The Martian [GERMAN]", RankingPrefs(reject_other_languages=False))[
        0
    ]


def test_every_language_is_found_by_its_names_codes_and_tags() -> None:
    for language in LANGUAGES:
        assert language_code(language.code) == language.code
        for word in language.words | language.tags:
            assert language_code(word) == language.code, word
        assert language_name(language.code) == str(language.english)
    words = [w for language in LANGUAGES for w in language.words | language.tags | language.hints]
    assert len(words) == len(set(words)), "a word may mark one language only"
