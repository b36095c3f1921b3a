"""organize_book on real audio: tags in every format, sidecars, modes, idempotence, merge, round trip."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.library import WantedBook
from rmab_desktop.services.library.matching import match_books
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.organize import organizer
from rmab_desktop.services.organize.importer import MANIFEST_NAME, ImportConflictError
from rmab_desktop.services.organize.organizer import NoAudioError, OrganizeOptions, organize_book
from rmab_desktop.services.tagging import chapters
from rmab_desktop.services.tagging.reading import read_tags
from tests.audiofiles import make_audio

BOOK = BookInfo(
    title="The Final Empire",
    subtitle="Mistborn, Book 1",
    asin="B002UZMLXM",
    authors=("Brandon Sanderson",),
    narrators=("Michael Kramer",),
    series="Mistborn",
    series_position="1",
    description="A heist story.",
    genres=("Fantasy",),
    extra={"year": 2006},
)
TARGET = "Brandon Sanderson/Mistborn/Book 1 - The Final Empire {Michael Kramer} [B002UZMLXM]"
PARTS = ("Ashes", "Mists", "Empire")
COVER = b"\xff\xd8\xff\xe0" + b"fake jpeg body" * 10


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def download(tmp_path: Path) -> Path:
    src = tmp_path / "downloads" / "Brandon.Sanderson-The.Final.Empire.2006.MP3"
    for i in (3, 1, 2):  # written out of order; track tags decide
        make_audio(src / f"CD{i}" / f"{i:02d} - {PARTS[i - 1]}.mp3", title=f"Track {i}", track=i)
    make_audio(src / "sample.mp3")
    (src / "empty.mp3").write_bytes(b"")
    (src / "release.nfo").write_text("nfo")
    (src / "cover.jpg").write_bytes(COVER)
    return src


@pytest.mark.parametrize("ext", [".mp3", ".m4b", ".flac", ".ogg", ".opus"])
def test_tags_every_format_in_the_fields_plex_and_abs_read(tmp_path: Path, ext: str) -> None:
    src = make_audio(tmp_path / "dl" / f"book{ext}", album="Wrong Album", artist="Wrong Artist")
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(src, BOOK, library, cover=COVER)
    assert result.tagged and result.target_path == TARGET
    [imported] = [library / f.target for f in result.files]
    tags = read_tags(str(imported))
    assert tags["album"] == "The Final Empire" and tags["title"] == "The Final Empire"
    assert tags["artist"] == tags["albumartist"] == "Brandon Sanderson"
    assert tags["composer"] == "Michael Kramer" and tags["cover"] is True
    assert (tags["series"], tags["series_part"], tags["asin"], tags["year"]) == (
        "Mistborn",
        "1",
        "B002UZMLXM",
        2006,
    )
    if ext == ".mp3":
        id3 = ID3(imported)
        assert id3["TXXX:ASIN"].text == ["B002UZMLXM"] and id3["MVNM"].text == ["Mistborn"]
        assert id3["TIT1"].text == ["Mistborn, Book 1"] and id3.getall("APIC")[0].data == COVER
    elif ext == ".m4b":
        mp4 = MP4(imported)
        assert mp4["----:com.apple.iTunes:ASIN"][0] == b"B002UZMLXM" and mp4["©mvn"] == ["Mistborn"]
        assert mp4["stik"] == [2] and bytes(mp4["covr"][0]) == COVER
    else:
        audio = {".flac": FLAC, ".opus": OggOpus}.get(ext, OggVorbis)(imported)
        assert (
            audio["ASIN"] == ["B002UZMLXM"]
            and audio["SERIES"] == ["Mistborn"]
            and audio["SERIES-PART"] == ["1"]
        )
        assert audio["MVNM"] == ["Mistborn"] and audio["ALBUMARTIST"] == ["Brandon Sanderson"]
    assert src.read_bytes() != imported.read_bytes(), "the download copy keeps its own tags"
    assert read_tags(str(src))["album"] == "Wrong Album"


def test_copy_import_leaves_the_download_untouched(
    tmp_path: Path, download: Path, database: Database
) -> None:
    before = digest(download)
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(download, BOOK, library, database=database)
    assert digest(download) == before
    folder = library / TARGET
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        [
            MANIFEST_NAME,
            "cover.jpg",
            "desc.txt",
            "metadata.json",
            "reader.txt",
            "The Final Empire - pt01.mp3",
            "The Final Empire - pt02.mp3",
            "The Final Empire - pt03.mp3",
        ]
    )
    assert [read_tags(str(folder / f"The Final Empire - pt0{i}.mp3"))["track"] for i in (1, 2, 3)] == [
        1,
        2,
        3,
    ]
    assert any("sample" in w for w in result.warnings) and any("empty" in w for w in result.warnings)
    meta = json.loads((folder / "metadata.json").read_text())
    assert (
        meta["asin"] == "B002UZMLXM"
        and meta["series"] == ["Mistborn #1"]
        and meta["narrators"] == ["Michael Kramer"]
    )
    assert (folder / "reader.txt").read_text().strip() == "Michael Kramer"
    assert (folder / "cover.jpg").read_bytes() == COVER
    assert all(f.sha256 for f in result.files)
    assert not (library / ".rmab-staging").exists()


def test_rerun_is_idempotent_and_a_different_book_in_the_folder_is_a_conflict(
    tmp_path: Path, download: Path, database: Database
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    first = organize_book(download, BOOK, library, database=database)
    state = digest(library)
    again = organize_book(download, BOOK, library, database=database)
    assert again.already_present and not first.already_present
    assert digest(library) == state
    make_audio(download / "CD4" / "04 - Epilogue.mp3", track=4)
    with pytest.raises(ImportConflictError):
        organize_book(download, BOOK, library, database=database)
    assert digest(library) == state


def test_hardlink_mode_links_and_never_tags_the_seeding_copy(tmp_path: Path, download: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    before = digest(download)
    result = organize_book(download, BOOK, library, mode="hardlink")
    assert not result.tagged and any("hard links" in w for w in result.warnings)
    for imported in result.files:
        assert (library / imported.target).samefile(imported.source)
    assert digest(download) == before


def test_move_mode_removes_the_sources_after_the_book_is_in_place(tmp_path: Path, download: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(download, BOOK, library, mode="move")
    assert result.tagged
    assert not list(download.rglob("0*.mp3"))
    assert all(read_tags(str(library / f.target))["asin"] == "B002UZMLXM" for f in result.files)


def test_dry_run_changes_nothing(tmp_path: Path, download: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(download, BOOK, library, dry_run=True)
    assert result.dry_run and result.target_path == TARGET and len(result.files) == 3
    assert [f.target.rsplit("/", 1)[-1] for f in result.files] == [
        f"The Final Empire - pt0{i}.mp3" for i in (1, 2, 3)
    ]
    assert list(library.iterdir()) == []


def test_no_audio_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "dl"
    empty.mkdir()
    (empty / "book.pdf").write_bytes(b"%PDF")
    (tmp_path / "lib").mkdir()
    with pytest.raises(NoAudioError):
        organize_book(empty, BOOK, tmp_path / "lib")


def test_chapter_merge_makes_one_m4b_with_named_chapters(tmp_path: Path, download: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(download, BOOK, library, options=OrganizeOptions(merge_chapters=True))
    assert result.merged
    [merged] = result.files
    mp4 = MP4(library / merged.target)
    assert [c.title for c in mp4.chapters] == list(PARTS)
    assert abs(mp4.info.length - 3.2) < 0.2
    assert read_tags(str(library / merged.target))["asin"] == "B002UZMLXM"
    assert not list((library / ".rmab-staging").glob("*")) if (library / ".rmab-staging").exists() else True


def test_chapter_merge_falls_back_to_separate_files(
    tmp_path: Path, download: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chapters.shutil, "which", lambda _name: None)
    library = tmp_path / "lib"
    library.mkdir()
    result = organize_book(download, BOOK, library, options=OrganizeOptions(merge_chapters=True))
    assert not result.merged and len(result.files) == 3
    assert any("ffmpeg is not installed" in w for w in result.warnings)


def test_chapter_names_and_order_rules() -> None:
    parts = [
        chapters.AudioPart(Path("b/10 - The End.mp3"), 1, None, None, "Book", None),
        chapters.AudioPart(Path("b/2 - Middle.mp3"), 1, None, None, "Book", None),
        chapters.AudioPart(Path("b/Track 01.mp3"), 1, None, None, "Book", None),
    ]
    ordered = chapters.order_parts(parts)
    assert [p.path.name for p in ordered] == ["2 - Middle.mp3", "10 - The End.mp3", "Track 01.mp3"]
    assert chapters.chapter_names(ordered, "Book") == ["Middle", "The End", "Chapter 3"]


def test_organized_books_are_found_and_matched_by_the_scanner(tmp_path: Path, database: Database) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    books = [
        BOOK,
        BookInfo(title="Белые ночи " * 30, authors=("Фёдор Достоевский",), asin="B0CTK91XJ6"),
        BookInfo(title='What?: A <Story> of "AC/DC"', authors=("CON",), narrators=("A", "B", "C", "D")),
        BookInfo(
            title="She", subtitle="A History of Adventure", authors=("H. Rider Haggard",), asin="B004YWTD30"
        ),
        BookInfo(title="She and Allan", authors=("H. Rider Haggard",), series="Ayesha", series_position="0"),
    ]
    for index, book in enumerate(books):
        src = make_audio(tmp_path / "dl" / str(index) / "book.m4b")
        organize_book(src, book, library)
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(library)
    wanted = [WantedBook(str(i), b) for i, b in enumerate(books)]
    matches = match_books(wanted, scanner.list_books(library, with_evidence=True))
    assert all(m.path for m in matches), [m.reason for m in matches]
    assert len({m.path for m in matches}) == len(books)


def test_cover_from_embedded_art(tmp_path: Path) -> None:
    src = tmp_path / "dl"
    make_audio(src / "01.mp3")
    library = tmp_path / "lib"
    library.mkdir()
    first = organize_book(src, BOOK, library, cover=COVER)
    embedded = organizer.find_cover(library / first.target_path / "x", [library / first.files[0].target])
    assert embedded == COVER


def test_a_cancelled_import_leaves_no_staging_folder(tmp_path: Path, download: Path) -> None:
    from rmab_desktop.domain.cancel import CancelToken
    from rmab_desktop.domain.errors import CancelledError

    library = tmp_path / "lib"
    library.mkdir()
    cancel = CancelToken()
    sources = sorted(download.rglob("*.mp3"))

    def progress(update) -> None:  # type: ignore[no-untyped-def]
        if update.phase == "placing" and update.done >= 1:
            cancel.cancel()

    with pytest.raises(CancelledError):
        organize_book(download, BOOK, library, progress=progress, cancel=cancel)
    assert list(library.iterdir()) == []  # neither the book nor an empty .rmab-staging
    assert sorted(download.rglob("*.mp3")) == sources  # a cancelled copy loses nothing
