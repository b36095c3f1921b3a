"""Real audio for tests: tiny ffmpeg-made templates, copied and tagged with mutagen directly.

The tags are written here with plain mutagen calls (not with the app's tag writer) so reading
code is checked against files it did not produce itself.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from mutagen.flac import FLAC
from mutagen.id3 import COMM, ID3, TALB, TCOM, TIT2, TPE1, TPE2, TRCK, TXXX
from mutagen.mp4 import MP4, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

TEMPLATE_DIR = Path("/tmp/rmab-test-audio-templates")
_CODECS = {
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "32k"],
    ".m4b": ["-c:a", "aac", "-b:a", "24k", "-f", "ipod"],
    ".m4a": ["-c:a", "aac", "-b:a", "24k", "-f", "ipod"],
    ".flac": ["-c:a", "flac"],
    ".ogg": ["-c:a", "libvorbis", "-q:a", "0"],
    ".opus": ["-c:a", "libopus", "-b:a", "16k"],
}


def ffmpeg_available() -> bool:
    return shutil.which("ffmpeg") is not None


@cache
def template(ext: str, seconds: float = 1.0, frequency: int = 440) -> Path:
    """A sine tone of ``seconds`` in the given container, made once per machine."""
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    out = TEMPLATE_DIR / f"tone-{frequency}-{seconds:g}{ext}"
    if not out.exists():
        tmp = out.with_name(f".{out.name}.tmp{ext}")
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
                f"sine=frequency={frequency}:duration={seconds}:sample_rate=22050",
                "-ac",
                "1",
                *_CODECS[ext],
                str(tmp),
            ],
            check=True,
        )
        tmp.replace(out)
    return out


def make_audio(path: Path, *, seconds: float = 1.0, frequency: int = 440, **tags: str | int) -> Path:
    """Copy a template to ``path`` and write ``tags`` (title, album, artist, albumartist,
    composer, asin, series, series_part, track, comment) the way common taggers do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template(path.suffix.lower(), seconds, frequency), path)
    if tags:
        write_raw_tags(path, **tags)
    return path


def write_raw_tags(path: Path, **tags: str | int) -> None:
    ext = path.suffix.lower()
    text = {k: str(v) for k, v in tags.items()}
    if ext == ".mp3":
        id3 = ID3()
        simple = {
            "title": TIT2,
            "album": TALB,
            "artist": TPE1,
            "albumartist": TPE2,
            "composer": TCOM,
            "track": TRCK,
        }
        for key, frame in simple.items():
            if key in text:
                id3.add(frame(encoding=3, text=[text[key]]))
        if "comment" in text:
            id3.add(COMM(encoding=3, lang="eng", desc="", text=[text["comment"]]))
        for key, desc in (("asin", "ASIN"), ("series", "SERIES"), ("series_part", "SERIES-PART")):
            if key in text:
                id3.add(TXXX(encoding=3, desc=desc, text=[text[key]]))
        id3.save(path)
    elif ext in (".m4b", ".m4a"):
        mp4 = MP4(path)
        atoms = {
            "title": "©nam",
            "album": "©alb",
            "artist": "©ART",
            "albumartist": "aART",
            "composer": "©wrt",
            "comment": "©cmt",
        }
        for key, atom in atoms.items():
            if key in text:
                mp4[atom] = [text[key]]
        if "track" in text:
            mp4["trkn"] = [(int(text["track"]), 0)]
        for key, name in (("asin", "ASIN"), ("series", "SERIES"), ("series_part", "SERIES-PART")):
            if key in text:
                mp4[f"----:com.apple.iTunes:{name}"] = [MP4FreeForm(text[key].encode())]
        mp4.save()
    else:
        audio = {".flac": FLAC, ".opus": OggOpus}.get(ext, OggVorbis)(path)
        names = {"track": "tracknumber", "series_part": "series-part"}
        for key, value in text.items():
            audio[names.get(key, key)] = [value]
        audio.save()


def make_chaptered_m4a(path: Path, chapters: tuple[str, ...], *, seconds_each: int = 4) -> Path:
    """An AAC M4A with one named chapter per ``chapters`` entry, made by ffmpeg."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = path.with_suffix(".chapters.txt")
    step = seconds_each * 1000
    meta.write_text(
        ";FFMETADATA1\n"
        + "".join(
            f"[CHAPTER]\nTIMEBASE=1/1000\nSTART={i * step}\nEND={(i + 1) * step}\ntitle={name}\n"
            for i, name in enumerate(chapters)
        )
    )
    duration = seconds_each * len(chapters)
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=330:duration={duration}",
         "-i", str(meta), "-map", "0:a", "-map_chapters", "1", "-c:a", "aac", "-b:a", "32k", str(path)],
        check=True,
    )  # fmt: skip
    meta.unlink()
    return path
