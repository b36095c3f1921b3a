"""Scanned names lose control characters, bidi overrides and isolates and misplaced zero-width
characters, from tags (written by mutagen into ffmpeg-made files) and from folder names alike."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.services.library.normalize import clean_text
from rmab_desktop.services.library.scanner import LibraryScanner
from tests.audiofiles import make_audio

RLO, PDI, LRI, ZWSP, ZWJ, ZWNJ = "\u202e", "\u2069", "\u2066", "\u200b", "\u200d", "\u200c"
FORBIDDEN = {
    chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}
FORBIDDEN |= {ZWSP, "\ufeff", "\u2060"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("The Hobbit", "The Hobbit"),
        (f"Evil{RLO}3pm.exe", "Evil3pm.exe"),
        (f"{LRI}Isolated{PDI} Title", "Isolated Title"),
        ("Bell\x07 and\x1b[31m escape", "Bell and[31m escape"),
        ("C1\x85line\x9bcontrol", "C1 linecontrol"),
        ("Two\nLines\tand tab", "Two Lines and tab"),
        (f"Zero{ZWSP}Width{ZWJ}Joiner{ZWNJ}s", "ZeroWidthJoiners"),
        (f"\ufeff  Padded  {ZWSP} ", "Padded"),
        (
            f"\u0645\u06cc{ZWNJ}\u062e\u0648\u0627\u0647\u0645",
            f"\u0645\u06cc{ZWNJ}\u062e\u0648\u0627\u0647\u0645",
        ),
        (f"\u0915\u094d{ZWJ}\u0937", f"\u0915\u094d{ZWJ}\u0937"),  # Devanagari keeps its joiner
        (
            f"Family \U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467",
            f"Family \U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467",
        ),
        (f"{RLO}{ZWSP}\x00", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def _assert_clean(value: object) -> None:
    values = value if isinstance(value, tuple) else (value,)
    for text in values:
        if isinstance(text, str):
            assert not (set(text) & FORBIDDEN), ascii(text)
            assert text == text.strip() and "  " not in text


@pytest.mark.parametrize("ext", [".mp3", ".m4b", ".flac"])
def test_hostile_tags_and_folder_names_are_cleaned(database: Database, tmp_path: Path, ext: str) -> None:
    root = tmp_path / "lib"
    make_audio(
        root / f"Folder{RLO}Author\x1b/Series\x07Name/Book{ZWSP} One/01{ext}",
        album=f"Book{RLO} One\x00",
        artist=f"{LRI}Ann{PDI}\tAuthor; Bob{ZWJ} Writer",
        composer=f"Nar\x9brator{ZWSP}",
        series=f"Sag{RLO}a\n",
        series_part="1",
    )
    make_audio(root / f"Only{RLO} Folder\x1b Author/Folder{ZWSP} Title\x07/01{ext}")
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(root)
    books = {b.title: b for b in scanner.list_books(root, with_evidence=True)}
    assert set(books) == {"Book One", "Folder Title"}, list(books)
    tagged = books["Book One"]
    assert tagged.authors == ("Ann Author", "Bob Writer"), tagged.authors
    assert tagged.narrators == ("Narrator",)
    assert tagged.series == "Saga"
    for book in books.values():
        for field in ("title", "subtitle", "authors", "narrators", "series", "series_position"):
            _assert_clean(getattr(book, field))
        for evidence in book.evidence:
            for field in ("title", "authors", "narrators", "series", "raw"):
                _assert_clean(getattr(evidence, field))
    assert all(unicodedata.is_normalized("NFC", a) for a in books["Folder Title"].authors)
