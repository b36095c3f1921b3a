"""Real daemons and small real audio for the download-client tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.daemons import nzbget_daemon, qbittorrent_daemon, transmission_daemon  # noqa: F401


def make_audio(path: Path, seconds: float = 3.0, frequency: int = 440) -> Path:
    """A real MP3 made by ffmpeg (a few KB per second)."""
    if shutil.which("ffmpeg") is None:
        raise RuntimeError("ffmpeg is not installed; tools/run-tests installs it (APT_PACKAGES).")
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency={frequency}:duration={seconds}",
            "-b:a",
            "64k",
            str(path),
        ],
        check=True,
    )
    return path


@pytest.fixture(scope="session")
def audio_book_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like a real release: 'Author - Title' with one chapter MP3 (about 100 KB)."""
    folder = tmp_path_factory.mktemp("release") / "Jane Doe - The Quiet Test"
    make_audio(folder / "01 - Chapter One.mp3", seconds=12)
    return folder
