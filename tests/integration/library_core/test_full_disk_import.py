"""A full library disk during an import: a worded error, the download untouched, no half book."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import DiskFullError
from rmab_desktop.services.organize import importer
from rmab_desktop.services.organize.organizer import organize_book
from tests.audiofiles import make_audio

BOOK = BookInfo(title="Full Disk", asin="B0FULL0001", authors=("Ann Author",))


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("mode", ["copy", "move"])
def test_no_space_left_mid_copy_keeps_the_download_and_leaves_no_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    source = tmp_path / "download"
    for part in (1, 2, 3):
        make_audio(source / f"{part:02d}.mp3", title=f"Part {part}", track=part)
    before = digest(source)
    library = tmp_path / "library"
    library.mkdir()
    copies = 0
    real_copy = importer._copy_with_hash

    def copy_until_full(src: Path, dest: Path) -> str:
        """The second file's copy writes half of it, then the disk is full (the write layer's error)."""
        nonlocal copies
        copies += 1
        if copies == 2:
            dest.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
            raise OSError(errno.ENOSPC, "No space left on device", str(dest))
        return real_copy(src, dest)

    monkeypatch.setattr(importer, "_copy_with_hash", copy_until_full)
    monkeypatch.setattr(importer.os, "link", _no_hard_links)  # move mode copies across "disks"
    with pytest.raises(DiskFullError) as failure:
        organize_book(source, BOOK, library, mode=mode)
    assert "disk is full" in failure.value.user_message and failure.value.hint
    assert copies == 2
    assert digest(source) == before  # the download is untouched, in move mode too
    assert [p for p in library.rglob("*") if p.is_file()] == []  # no half book, no staging leftovers
    assert not (library / importer.STAGING_DIR).exists()


def _no_hard_links(src: object, dst: object) -> None:
    raise OSError(errno.EXDEV, "Invalid cross-device link")
