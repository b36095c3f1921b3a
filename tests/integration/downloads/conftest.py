"""Small real audio for the download-client tests (the daemons come from tests/daemons.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.audiofiles import template


@pytest.fixture(scope="session")
def audio_book_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like a real release: 'Author - Title' with one ffmpeg-made chapter MP3."""
    folder = tmp_path_factory.mktemp("release") / "Jane Doe - The Quiet Test"
    folder.mkdir()
    shutil.copy(template(".mp3", seconds=12), folder / "01 - Chapter One.mp3")
    return folder
