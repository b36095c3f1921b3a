"""Audio from a link: ``rmab add-url`` against a local page whose ``<audio>`` points at an
ffmpeg-made M4A with chapters; yt-dlp's generic extractor reads the page, the audio goes through
the organize and tag steps, and the chapters arrive in the library."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.mp4 import MP4

from rmab_desktop.bootstrap import open_core
from rmab_desktop.cli import main
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import CancelledError
from rmab_desktop.services.url_audio import download_audio
from rmab_desktop.settings import Preferences, SettingsStore
from tests.audiofiles import ffmpeg_available, make_chaptered_m4a
from tests.fakes.media_page_server import MediaPageServer

CHAPTERS = ("Opening", "The Lamp Room", "Morning")


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """12 s of AAC in an M4A with three named chapters, made by ffmpeg."""
    assert ffmpeg_available(), "ffmpeg is required (tools/run-tests installs it)"
    return make_chaptered_m4a(tmp_path_factory.mktemp("media") / "book.m4a", CHAPTERS).read_bytes()


@pytest.fixture
def server(media: bytes) -> Iterator[MediaPageServer]:
    with MediaPageServer(media, title="The Lantern Keeper", author="Ada Quill") as page:
        yield page


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    (tmp_path / "Audiobooks").mkdir()
    prefs = Preferences.model_validate(
        {"first_run_done": True, "library": {"root": str(tmp_path / "Audiobooks")}}
    )
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)

    def run(*argv: str) -> tuple[int, object, str]:
        code = main(["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def test_add_url_imports_a_book_with_the_sources_chapters(
    rmab, server: MediaPageServer, tmp_path: Path, database_url: str
) -> None:  # type: ignore[no-untyped-def]
    code, preview, err = rmab("add-url", server.page_url, "--author", "Ada Quill", "--dry-run", "--json")
    assert code == 0, err
    assert preview["title"] == "The Lantern Keeper" and preview["author"] == "Ada Quill"
    assert preview["target_path"] == "Ada Quill/The Lantern Keeper"
    assert not list((tmp_path / "Audiobooks").iterdir())  # a preview changes nothing

    code, done, err = rmab(
        "add-url",
        server.page_url,
        "--author",
        "Ada Quill",
        "--title",
        "The Lantern Keeper's Almanac",
        "--json",
    )

    assert code == 0, err
    assert done["chapters"] == 3 and done["title"] == "The Lantern Keeper's Almanac"
    (book,) = (tmp_path / "Audiobooks" / "Ada Quill").glob("*/*.m4b")
    tags = MP4(book)
    assert tags["©alb"] == ["The Lantern Keeper's Almanac"] and "Ada Quill" in str(tags.get("©ART"))
    assert [c.title for c in tags.chapters] == list(CHAPTERS)
    assert not any((tmp_path / "profile").rglob("url-now"))  # the temporary download is gone
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        with core.database.session() as session:
            (item,) = session.query(LibraryItem).all()
            assert item.title == "The Lantern Keeper's Almanac" and item.format == "m4b"
    finally:
        core.close()


def test_a_page_without_an_author_asks_for_one(rmab, server: MediaPageServer) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab("add-url", server.page_url, "--dry-run")
    assert code != 0 and "names no author" in err and "hint:" in err and "Traceback" not in err


def test_not_a_link_and_a_page_without_audio_are_clear_errors(rmab, server: MediaPageServer) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab("add-url", "ftp://example.org/book", "--dry-run")
    assert code != 0 and "not a web address" in err
    code, _, err = rmab("add-url", f"{server.url}/nothing-here", "--author", "X", "--dry-run")
    assert code != 0 and "No audio found" in err and err.count("error:") == 1


def test_a_cancelled_download_stops_and_leaves_nothing(server: MediaPageServer, tmp_path: Path) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        download_audio(server.page_url, tmp_path / "dl", cancel=cancel)
    assert not list((tmp_path / "dl").glob("*.m4b"))
