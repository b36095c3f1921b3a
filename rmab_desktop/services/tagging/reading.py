"""Fast, tolerant tag reading for the scanner (runs inside worker processes).

The mutagen class is picked by extension (cheaper than ``mutagen.File`` sniffing) and only the fields a library needs are kept, as a small plain dict that
pickles cheaply between processes and fits in a JSON column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mutagen import File as MutagenFile
from mutagen import FileType, MutagenError, Tags
from mutagen.flac import FLAC
from mutagen.id3 import Frame, Frames
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Tags
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from rmab_desktop.domain.library import EBOOK_EXTENSIONS
from rmab_desktop.services.tagging.ebooks import read_ebook_tags
from rmab_desktop.services.tagging.fields import FREEFORM_FIELD, clean, finish, put

_CLASSES: dict[str, Any] = {
    ".mp3": MP3,
    ".m4b": MP4,
    ".m4a": MP4,
    ".mp4": MP4,
    ".flac": FLAC,
    ".ogg": OggVorbis,
    ".oga": OggVorbis,
    ".opus": OggOpus,
}

_ID3 = {
    "title": "TIT2",
    "album": "TALB",
    "artist": "TPE1",
    "albumartist": "TPE2",
    "composer": "TCOM",
    "genre": "TCON",
    "grouping": "TIT1",
    "subtitle": "TIT3",
    "series": "MVNM",
    "series_part": "MVIN",
    "track": "TRCK",
    "disc": "TPOS",
    "language": "TLAN",
}
_MP4 = {
    "title": "©nam",
    "album": "©alb",
    "artist": "©ART",
    "albumartist": "aART",
    "composer": "©wrt",
    "genre": "©gen",
    "grouping": "©grp",
    "year": "©day",
    "series": "©mvn",
}
_VORBIS = {
    "title": ("title",),
    "album": ("album",),
    "artist": ("artist",),
    "albumartist": ("albumartist", "album artist", "album_artist"),
    "composer": ("composer",),
    "genre": ("genre",),
    "grouping": ("grouping", "contentgroup"),
    "year": ("date", "year"),
    "track": ("tracknumber",),
    "disc": ("discnumber",),
}
_ID3_KNOWN = {name: Frames[name] for name in (*_ID3.values(), "TDRC", "TYER", "TDRL", "TXXX")}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [_text(v) for v in value]
        joined = ", ".join(p for p in parts if p)
        return joined or None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, Frame):
        # mutagen sets a frame's fields from its specs at run time and declares none of them
        return _text(list(value.text))  # type: ignore[attr-defined]
    return clean(str(value))


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if key not in out:
        put(out, key, _text(value))


def _from_id3(tags: Any, out: dict[str, Any]) -> None:
    for key, frame_id in _ID3.items():
        frames = tags.getall(frame_id)
        if frames:
            _put(out, key, frames[0])
    year = tags.get("TDRC") or tags.get("TYER") or tags.get("TDRL")
    if year is not None:
        _put(out, "year", year)
    for frame in tags.getall("TXXX"):
        _freeform(out, frame.desc, frame.text)
    raw = [bytes(frame[:4]) for frame in getattr(tags, "unknown_frames", None) or ()]
    out["cover"] = bool(tags.getall("APIC")) or b"APIC" in raw
    out["chapters"] = len(tags.getall("CHAP")) or raw.count(b"CHAP")


def _freeform(out: dict[str, Any], name: str, value: Any) -> None:
    field = FREEFORM_FIELD.get(name.lower())
    if field:
        _put(out, field, value)


def _from_mp4(audio: MP4, out: dict[str, Any]) -> None:
    tags: dict[str, Any] | MP4Tags = audio.tags or {}
    for key, atom in _MP4.items():
        if atom in tags:
            _put(out, key, tags[atom])
    if "©mvi" in tags:
        _put(out, "series_part", tags["©mvi"])
    for atom, key in (("trkn", "track"), ("disk", "disc")):
        pairs = tags.get(atom)
        if pairs and pairs[0] and pairs[0][0]:
            out[key] = str(pairs[0][0])
    for atom, value in tags.items():
        if atom.startswith("----:"):
            _freeform(out, atom.rsplit(":", 1)[-1], [bytes(v) for v in value])
    out["cover"] = bool(tags.get("covr"))
    chapters = getattr(audio, "chapters", None)
    out["chapters"] = len(chapters) if chapters else 0


def _from_vorbis(tags: Any, out: dict[str, Any]) -> None:
    lowered: dict[str, list[str]] = {}
    for key, value in tags.items():
        lowered.setdefault(key.lower(), []).extend(value if isinstance(value, list) else [value])
    for field, names in _VORBIS.items():
        for name in names:
            if name in lowered:
                _put(out, field, lowered[name])
                break
    for name, value in lowered.items():
        _freeform(out, name, value)
    out["cover"] = "metadata_block_picture" in lowered


def read_tags(path: str) -> dict[str, Any]:
    """The library fields of one audio or ebook file; ``{"error": ...}`` when it cannot be parsed."""
    ext = Path(path).suffix.lower()
    if ext in EBOOK_EXTENSIONS:
        return read_ebook_tags(path)
    cls = _CLASSES.get(ext)
    audio: FileType | None
    try:
        if cls is MP3:
            # Parse only the frames we use; covers and long comments stay raw bytes (faster).
            audio = MP3(path, translate=False, known_frames=_ID3_KNOWN)
        else:
            audio = cls(path) if cls is not None else MutagenFile(path)
    except (MutagenError, OSError, ValueError, IndexError, KeyError, EOFError) as exc:
        if cls is OggVorbis:  # .ogg may hold Opus
            try:
                audio = OggOpus(path)
            except (MutagenError, OSError, ValueError):
                return {"error": f"{type(exc).__name__}: {exc}"[:300]}
        else:
            return {"error": f"{type(exc).__name__}: {exc}"[:300]}
    if audio is None:
        return {"error": "not a recognised audio file"}
    out: dict[str, Any] = {}
    info = getattr(audio, "info", None)
    length = getattr(info, "length", None)
    if length:
        out["duration"] = round(float(length), 3)
    bitrate = getattr(info, "bitrate", None)
    if bitrate:
        out["bitrate"] = int(bitrate)
    tags: Tags | None = audio.tags  # mutagen declares FileType.tags as always None
    if isinstance(audio, MP4):
        _from_mp4(audio, out)
    elif tags is not None and hasattr(tags, "getall"):
        _from_id3(tags, out)
    elif tags is not None:
        _from_vorbis(tags, out)
    if isinstance(audio, FLAC):
        out["cover"] = bool(out.get("cover") or audio.pictures)
    return finish(out)


def read_many(paths: list[str]) -> list[dict[str, Any]]:
    """Worker-process entry point: one chunk of paths, results in the same order."""
    return [read_tags(p) for p in paths]
