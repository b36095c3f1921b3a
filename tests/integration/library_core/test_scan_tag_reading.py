"""The scan's tinytag reader gives the fields the mutagen reader gives, on real ffmpeg-made files.

Chapters are the one field the scan no longer reads (the importer reads them with mutagen).
Durations and bitrates are computed by each library its own way: equal within a small margin.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3, TCON, TDRC, TIT1, TIT3, TLAN, TPE1, TPOS, TXXX
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from rmab_desktop.services.library.scan_worker import read_scan_tags
from rmab_desktop.services.tagging.reading import read_tags
from tests.audiofiles import make_audio

FORMATS = (".mp3", ".m4b", ".m4a", ".flac", ".ogg", ".opus")
COMMON = {
    "title": "Part One",
    "album": "The Ember Crown",
    "albumartist": "Ada Okafor",
    "composer": "Ben Novak",
    "asin": "B0TESTASIN",
    "series": "Ember Saga",
    "series_part": "2",
    "track": 3,
    "comment": "A long description " * 20,
}
JPEG = b"\xff\xd8\xff\xe0" + bytes(600)


def _enrich(path: Path) -> None:
    """Tags beyond what tests.audiofiles writes: genre, year, disc, grouping, subtitle, language,
    a second artist, a cover, written with plain mutagen the way common taggers do."""
    ext = path.suffix
    if ext == ".mp3":
        id3 = ID3(path)
        for frame in (
            TPE1(encoding=3, text=["Ada Okafor", "Cleo Silva"]),
            TCON(encoding=3, text=["Fantasy"]),
            TDRC(encoding=3, text=["2019-05-01"]),
            TPOS(encoding=3, text=["1/2"]),
            TIT1(encoding=3, text=["Ember Saga"]),
            TIT3(encoding=3, text=["A Subtitle"]),
            TLAN(encoding=3, text=["eng"]),
            TXXX(encoding=3, desc="AUDIBLE_ASIN", text=["B0OTHERAAA"]),
            APIC(encoding=3, mime="image/jpeg", type=3, desc="Cover", data=JPEG),
        ):
            id3.add(frame)
        id3.save(path)
    elif ext in (".m4b", ".m4a"):
        mp4 = MP4(path)
        mp4["©ART"] = ["Ada Okafor", "Cleo Silva"]
        mp4["©gen"] = ["Fantasy"]
        mp4["©day"] = ["2019"]
        mp4["disk"] = [(1, 2)]
        mp4["©grp"] = ["Ember Saga"]
        mp4["----:com.apple.iTunes:SUBTITLE"] = [MP4FreeForm(b"A Subtitle")]
        mp4["----:com.apple.iTunes:LANGUAGE"] = [MP4FreeForm(b"eng")]
        mp4["covr"] = [MP4Cover(JPEG, imageformat=MP4Cover.FORMAT_JPEG)]
        mp4.save()
    else:
        audio = {".flac": FLAC, ".opus": OggOpus}.get(ext, OggVorbis)(path)
        audio["artist"] = ["Ada Okafor", "Cleo Silva"]
        audio["genre"] = ["Fantasy"]
        audio["date"] = ["2019"]
        audio["discnumber"] = ["1"]
        audio["grouping"] = ["Ember Saga"]
        audio["subtitle"] = ["A Subtitle"]
        audio["language"] = ["eng"]
        picture = Picture()
        picture.type, picture.mime, picture.data = 3, "image/jpeg", JPEG
        if isinstance(audio, FLAC):
            audio.add_picture(picture)
        else:
            audio["metadata_block_picture"] = [base64.b64encode(picture.write()).decode("ascii")]
        audio.save()


def _compare(path: Path) -> None:
    expected = read_tags(str(path))
    expected.pop("chapters", None)
    actual = read_scan_tags(str(path))
    assert "error" not in expected and "error" not in actual
    assert set(actual) == set(expected), path.suffix
    for key in ("duration", "bitrate"):
        if key in expected:
            assert actual.pop(key) == pytest.approx(expected.pop(key), rel=0.05), (path.suffix, key)
    assert actual == expected, path.suffix


@pytest.mark.parametrize("ext", FORMATS)
def test_every_field_of_a_richly_tagged_file(tmp_path: Path, ext: str) -> None:
    path = make_audio(tmp_path / f"rich{ext}", seconds=3.0, **COMMON)
    _enrich(path)
    _compare(path)
    fields = read_scan_tags(str(path))
    assert fields["artist"] == "Ada Okafor, Cleo Silva" and fields["year"] == 2019 and fields["cover"]
    assert (fields["asin"], fields["series"], fields["series_part"], fields["track"]) == (
        "B0TESTASIN",
        "Ember Saga",
        "2",
        3,
    )


@pytest.mark.parametrize("ext", FORMATS)
def test_sparse_and_untagged_files(tmp_path: Path, ext: str) -> None:
    _compare(make_audio(tmp_path / f"sparse{ext}", album="Only An Album"))
    _compare(make_audio(tmp_path / f"bare{ext}"))


def test_a_file_tinytag_cannot_read_gets_mutagens_answer(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"not audio at all" * 10)
    fast, slow = read_scan_tags(str(broken)), read_tags(str(broken))
    assert fast["error"] == slow["error"] and fast["error"]


def test_a_reader_process_loads_no_database_or_network_library() -> None:
    """Each reader process imports the scan worker; with SQLAlchemy, httpx or mutagen loaded on the
    way it spent seconds of CPU before reading its first file."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys; import rmab_desktop.services.library.scan_worker; "
        "print(json.dumps(sorted(m for m in ('sqlalchemy', 'httpx', 'mutagen', 'pydantic', 'PySide6') "
        "if m in sys.modules)))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True).stdout)
    assert loaded == []
