"""Ebook requests through job "requests.organize": the ebook joins its audiobook's folder (or the
ebook library), EPUB metadata is written, the library shows one book with both formats, and a
fake ``calibredb`` on PATH receives the file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import Audiobook, DownloadHistory, LibraryItem, Request
from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.domain.job_payloads import OrganizePayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.tagging.ebooks import read_ebook_tags
from tests.audiofiles import make_audio
from tests.ebookfiles import make_epub

ASIN = "B0PERSUAS1"
FOLDER = Path("Jane Austen") / "Persuasion {Juliet Stevenson} [B0PERSUAS1]"


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[AppCore]:
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    app.prefs.library.root = str(tmp_path / "library")
    (tmp_path / "library").mkdir()
    yield app
    app.close()


def _audiobook(core: AppCore) -> int:
    with core.database.session() as session:
        found = session.scalar(select(Audiobook.id).where(Audiobook.asin == ASIN))
        if found is not None:
            return int(found)
        book = Audiobook(
            asin=ASIN, title="Persuasion", authors=[{"name": "Jane Austen"}], narrators=["Juliet Stevenson"]
        )
        session.add(book)
        session.flush()
        return book.id


def organize(core: AppCore, kind: RequestKind, download: Path) -> int:
    """A request of ``kind`` whose download finished at ``download``, organized by the real job."""
    audiobook_id = _audiobook(core)
    with core.database.session() as session:
        request = Request(audiobook_id=audiobook_id, status=RequestStatus.PROCESSING.value, kind=kind.value)
        session.add(request)
        session.flush()
        history = DownloadHistory(request_id=request.id, release_guid=f"g-{request.id}", release_title="x")
        session.add(history)
        session.flush()
        request_id, history_id = request.id, history.id
    core.queue.enqueue(
        JobType.REQUESTS_ORGANIZE,
        OrganizePayload(request_id, download_history_id=history_id, download_path=str(download)),
        request_id=request_id,
        max_attempts=1,
    )
    assert core.executor.run_next() is not None
    return request_id


def audio_download(tmp_path: Path) -> Path:
    download = tmp_path / "dl" / "Jane.Austen-Persuasion.MP3"
    for i in (1, 2):
        make_audio(download / f"{i:02d}.mp3", album="Persuasion", artist="Jane Austen", track=i)
    return download


def ebook_download(tmp_path: Path) -> Path:
    download = tmp_path / "dl" / "Jane Austen - Persuasion (epub)"
    make_epub(download / "persuasion.epub", "Persuasion", "Jane Austen")
    (download / "persuasion.nfo").write_text("release notes")
    return download


def _items(core: AppCore) -> list[LibraryItem]:
    with core.database.session() as session:
        rows = list(session.scalars(select(LibraryItem)))
        session.expunge_all()
        return rows


def test_the_ebook_later_joins_the_audiobook_folder_and_the_book_shows_both_formats(
    core: AppCore, tmp_path: Path
) -> None:
    audio_request = organize(core, RequestKind.AUDIOBOOK, audio_download(tmp_path))
    assert core.requests.get(audio_request).status == RequestStatus.AVAILABLE

    ebook_request = organize(core, RequestKind.EBOOK, ebook_download(tmp_path))

    details = core.requests.get(ebook_request)
    assert details.status == RequestStatus.AVAILABLE, details.status_message
    folder = Path(core.prefs.library.root or "") / FOLDER
    epub = folder / "Persuasion.epub"
    assert epub.is_file() and len(list(folder.glob("*.mp3"))) == 2
    assert not list(folder.glob("*.nfo"))
    tags = read_ebook_tags(str(epub))
    assert tags["asin"] == ASIN and tags["album"] == "Persuasion" and tags["artist"] == "Jane Austen"
    (item,) = _items(core)
    assert item.format == "mp3" and item.ebook_formats == ["epub"] and item.file_count == 3
    (entry,) = core.library.entries()
    assert entry.formats_text == "MP3 + EPUB" and entry.audiobook_id == details.audiobook_id
    with core.database.session() as session:
        book = session.get(Audiobook, details.audiobook_id)
        assert book is not None and book.ebook_path == str(folder) and book.library_path == str(folder)


def test_an_ebook_that_arrives_first_is_joined_by_its_audiobook(core: AppCore, tmp_path: Path) -> None:
    ebook_request = organize(core, RequestKind.EBOOK, ebook_download(tmp_path))
    assert core.requests.get(ebook_request).status == RequestStatus.AVAILABLE
    with core.database.session() as session:
        assert session.scalar(select(Audiobook.library_path).where(Audiobook.asin == ASIN)) is None

    audio_request = organize(core, RequestKind.AUDIOBOOK, audio_download(tmp_path))

    details = core.requests.get(audio_request)
    assert details.status == RequestStatus.AVAILABLE, details.status_message
    folder = Path(core.prefs.library.root or "") / FOLDER
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "Persuasion - pt01.mp3",
        "Persuasion - pt02.mp3",
        "Persuasion.epub",
        "metadata.json",
        "reader.txt",
    ]
    (item,) = _items(core)
    assert item.format == "mp3" and item.ebook_formats == ["epub"]


def test_a_separate_ebook_library_with_its_own_template(core: AppCore, tmp_path: Path) -> None:
    core.prefs.ebooks.root = str(tmp_path / "Ebooks")
    core.prefs.ebooks.path_template = "{author}/{title}"
    (tmp_path / "Ebooks").mkdir()

    request_id = organize(core, RequestKind.EBOOK, ebook_download(tmp_path))

    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    assert (tmp_path / "Ebooks" / "Jane Austen" / "Persuasion" / "Persuasion.epub").is_file()
    assert not any(Path(core.prefs.library.root or "").iterdir())
    (item,) = _items(core)
    assert item.format is None and item.ebook_formats == ["epub"] and item.asin == ASIN
    (entry,) = core.library.entries()
    assert entry.formats_text == "EPUB"  # an ebook alone is a book of the library too

    organize(core, RequestKind.AUDIOBOOK, audio_download(tmp_path))

    (entry,) = core.library.entries()  # the audiobook and its ebook elsewhere: one book, two formats
    assert entry.formats_text == "MP3 + EPUB" and entry.path == str(
        Path(core.prefs.library.root or "") / FOLDER
    )


def test_an_ebook_download_without_an_ebook_says_so(core: AppCore, tmp_path: Path) -> None:
    download = tmp_path / "dl" / "not an ebook"
    download.mkdir(parents=True)
    (download / "readme.txt").write_text("nothing here")

    request_id = organize(core, RequestKind.EBOOK, download)

    details = core.requests.get(request_id)
    assert details.status == RequestStatus.WARN
    assert "No ebook files" in (details.status_message or ""), details.status_message


def test_imported_ebooks_are_handed_to_calibre_when_asked(
    core: AppCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir, record = tmp_path / "bin", tmp_path / "calibredb-args.txt"
    bin_dir.mkdir()
    script = bin_dir / "calibredb"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\necho "Added book ids: 7"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    core.prefs.ebooks.calibre_add = True
    core.prefs.ebooks.calibre_library = str(tmp_path / "Calibre Library")

    request_id = organize(core, RequestKind.EBOOK, ebook_download(tmp_path))

    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    epub = Path(core.prefs.library.root or "") / FOLDER / "Persuasion.epub"
    assert record.read_text().splitlines() == [
        "add",
        "--with-library",
        str(tmp_path / "Calibre Library"),
        str(epub),
    ]
    assert any("Added to Calibre: Added book ids: 7" in e.message for e in core.requests.timeline(request_id))
