"""Add from URL against a local page with an <audio> element: look up, edit the author, import
with progress; the book arrives with its chapters. yt-dlp, ffmpeg and the runner are real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.mp4 import MP4

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.dialogs.add_url_dialog import AddUrlDialog
from rmab_desktop.workers.runner import TaskRunner
from tests.audiofiles import make_chaptered_m4a
from tests.fakes.media_page_server import MediaPageServer

CHAPTERS = ("Opening", "The Lamp Room", "Morning")

DEADLINE_MS = 60_000


@pytest.fixture
def media(tmp_path: Path) -> bytes:
    return make_chaptered_m4a(tmp_path / "media" / "book.m4a", CHAPTERS).read_bytes()


@pytest.fixture
def core(tmp_path: Path, database_url: str, qapp) -> Iterator[AppCore]:  # type: ignore[no-untyped-def]
    (tmp_path / "Audiobooks").mkdir()
    prefs = Preferences.model_validate(
        {"first_run_done": True, "library": {"root": str(tmp_path / "Audiobooks")}}
    )
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield app
    app.close()


def test_look_up_edit_and_import_a_link_with_chapters(
    core: AppCore, qtbot, media: bytes, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    assert core.url_imports is not None
    with MediaPageServer(media, title="The Lantern Keeper", author="Ada Quill") as server:
        dialog = AddUrlDialog(core.url_imports, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.import_button.isEnabled()
        dialog.url.setText(server.page_url)
        dialog.lookup()
        qtbot.waitUntil(lambda: "names no author" in dialog.info.text(), timeout=DEADLINE_MS)
        assert not dialog.import_button.isEnabled()  # the page names no author: the user adds one

        dialog.author.setText("Ada Quill")
        dialog.lookup()
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=DEADLINE_MS)
        assert (
            dialog.title.text() == "The Lantern Keeper"
            and "goes to Ada Quill/The Lantern Keeper" in dialog.info.text()
        )

        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=DEADLINE_MS)
    assert dialog.progress.value() == 100 and "3 chapter" in dialog.info.text()
    (book,) = (tmp_path / "Audiobooks" / "Ada Quill" / "The Lantern Keeper").glob("*.m4b")
    assert [c.title for c in MP4(book).chapters] == list(CHAPTERS)
    runner.shutdown(5000)
