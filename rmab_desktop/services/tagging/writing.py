"""Writing book tags that both Plex and Audiobookshelf read (peers-more.md 3.3 and 4.1).

album = title, artist + album artist = author(s), composer = narrator(s), grouping =
"Series, Book N", series in MVNM/MVIN (ID3), ``©mvn``/``©mvi`` (MP4) and SERIES/SERIES-PART
freeform fields, ASIN as TXXX/freeform/Vorbis ``ASIN``, description, year, genre, album sort,
track n/N, and the cover embedded. Values are cleaned of NUL, BOM and control characters.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from mutagen import MutagenError
from mutagen.flac import FLAC, Picture
from mutagen.id3 import (
    APIC,
    COMM,
    ID3,
    MVIN,
    MVNM,
    TALB,
    TCOM,
    TCON,
    TDRC,
    TIT1,
    TIT2,
    TIT3,
    TLAN,
    TPE1,
    TPE2,
    TPUB,
    TRCK,
    TSOA,
    TXXX,
    ID3NoHeaderError,
    TextFrame,
)
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.organize.safe_names import clean_text

tr = Translator("OrganizeErrors")

TAGGABLE = frozenset({".mp3", ".m4b", ".m4a", ".mp4", ".flac", ".ogg", ".oga", ".opus"})
VorbisFile = TypeVar("VorbisFile", FLAC, OggVorbis, OggOpus)  # the files tagged with Vorbis comments


class TaggingError(RmabError):
    hint = tr.mark("The file may be damaged or not the format its extension says; it was imported untagged.")


@dataclass(frozen=True)
class BookTags:
    """Plain values for one file; built once per book by :func:`book_tags`."""

    title: str
    album: str
    authors: str
    narrators: str
    subtitle: str
    series: str
    series_part: str
    grouping: str
    album_sort: str
    year: str
    genre: str
    description: str
    asin: str
    publisher: str
    language: str
    track: int | None = None
    track_total: int | None = None


def book_tags(book: BookInfo, *, track: int | None = None, total: int | None = None) -> BookTags:
    series_part = book.series_position or ""
    grouping = f"{book.series}, Book {series_part}" if book.series and series_part else book.series or ""
    title = (
        book.title if not track or (total or 0) <= 1 else f"{book.title} - Part {track:0{len(str(total))}d}"
    )
    year = book.year
    return BookTags(
        title=clean_text(title),
        album=clean_text(book.title),
        authors=clean_text(", ".join(book.authors)),
        narrators=clean_text(", ".join(book.narrators)),
        subtitle=clean_text(book.subtitle or ""),
        series=clean_text(book.series or ""),
        series_part=clean_text(series_part),
        grouping=clean_text(grouping),
        album_sort=clean_text(f"{book.series} {series_part} - {book.title}" if grouping else book.title),
        year=str(year) if year else "",
        genre=clean_text("/".join(book.genres)),
        description=(book.description or "").replace("\x00", "").strip(),
        asin=clean_text(book.asin or ""),
        publisher=clean_text(book.publisher or ""),
        language=clean_text(book.language or ""),
        track=track,
        track_total=total,
    )


def write_tags(path: Path, tags: BookTags, cover: bytes | None = None) -> None:
    """Writes in place (callers pass a staged copy, never the seeding original)."""
    ext = path.suffix.lower()
    try:
        if ext == ".mp3":
            _write_id3(path, tags, cover)
        elif ext in (".m4b", ".m4a", ".mp4"):
            _write_mp4(path, tags, cover)
        elif ext == ".flac":
            _write_vorbis(FLAC(path), tags, cover)
        elif ext == ".opus":
            _write_vorbis(OggOpus(path), tags, cover)
        elif ext in (".ogg", ".oga"):
            try:
                vorbis = OggVorbis(path)
            except MutagenError:  # an .ogg may hold Opus
                _write_vorbis(OggOpus(path), tags, cover)
            else:
                _write_vorbis(vorbis, tags, cover)
        else:
            raise TaggingError(
                tr.mark("Cannot tag {name}: {ext} files are not supported"), name=path.name, ext=ext
            )
    except (MutagenError, OSError, ValueError) as exc:
        raise TaggingError(tr.mark("Cannot tag {name}: {reason}"), name=path.name, reason=exc) from exc


def _fields(tags: BookTags) -> dict[str, str]:
    """Canonical name -> value, empty values left out."""
    values = {
        "title": tags.title,
        "album": tags.album,
        "artist": tags.authors,
        "albumartist": tags.authors,
        "composer": tags.narrators,
        "subtitle": tags.subtitle,
        "series": tags.series,
        "series-part": tags.series_part,
        "grouping": tags.grouping,
        "albumsort": tags.album_sort,
        "date": tags.year,
        "genre": tags.genre,
        "description": tags.description,
        "asin": tags.asin,
        "publisher": tags.publisher,
        "language": tags.language,
    }
    return {k: v for k, v in values.items() if v}


def _write_id3(path: Path, tags: BookTags, cover: bytes | None) -> None:
    try:
        id3 = ID3(path)
    except ID3NoHeaderError:
        id3 = ID3()
    values = _fields(tags)
    frames: dict[str, type[TextFrame]] = {
        "title": TIT2,
        "album": TALB,
        "artist": TPE1,
        "albumartist": TPE2,
        "composer": TCOM,
        "subtitle": TIT3,
        "grouping": TIT1,
        "albumsort": TSOA,
        "date": TDRC,
        "genre": TCON,
        "publisher": TPUB,
        "language": TLAN,
        "series": MVNM,
    }
    for name, frame in frames.items():
        if name in values:
            id3.delall(frame.__name__)
            id3.add(frame(encoding=3, text=[values[name]]))
    if tags.series_part:
        id3.delall("MVIN")
        id3.add(MVIN(encoding=3, text=[tags.series_part]))
    for name, desc in (("asin", "ASIN"), ("series", "SERIES"), ("series-part", "SERIES-PART")):
        if name in values:
            id3.delall(f"TXXX:{desc}")
            id3.add(TXXX(encoding=3, desc=desc, text=[values[name]]))
    if tags.description:
        id3.delall("COMM")
        id3.add(COMM(encoding=3, lang="eng", desc="", text=[tags.description]))
    if tags.track:
        id3.delall("TRCK")
        id3.add(TRCK(encoding=3, text=[f"{tags.track}/{tags.track_total or tags.track}"]))
    if cover:
        id3.delall("APIC")
        id3.add(APIC(encoding=3, mime=_mime(cover), type=3, desc="Cover", data=cover))
    id3.save(path, v2_version=4)


def _write_mp4(path: Path, tags: BookTags, cover: bytes | None) -> None:
    mp4 = MP4(path)
    if mp4.tags is None:
        mp4.add_tags()
    values = _fields(tags)
    atoms = {
        "title": "©nam",
        "album": "©alb",
        "artist": "©ART",
        "albumartist": "aART",
        "composer": "©wrt",
        "grouping": "©grp",
        "albumsort": "soal",
        "date": "©day",
        "genre": "©gen",
        "description": "desc",
        "series": "©mvn",
    }
    for name, atom in atoms.items():
        if name in values:
            mp4[atom] = [values[name]]
    if tags.description:
        mp4["©cmt"] = [tags.description]
    if tags.series_part.isdigit():
        mp4["©mvi"] = [int(tags.series_part)]
    for name in ("asin", "series", "series-part", "subtitle", "publisher", "language"):
        atom = f"----:com.apple.iTunes:{name.upper()}"
        if name in values:
            mp4[atom] = [MP4FreeForm(values[name].encode("utf-8"))]
    mp4["stik"] = [2]  # audiobook
    if tags.track:
        mp4["trkn"] = [(tags.track, tags.track_total or 0)]
    if cover:
        kind = MP4Cover.FORMAT_PNG if _mime(cover) == "image/png" else MP4Cover.FORMAT_JPEG
        mp4["covr"] = [MP4Cover(cover, imageformat=kind)]
    mp4.save()


def _write_vorbis(audio: VorbisFile, tags: BookTags, cover: bytes | None) -> None:
    if audio.tags is None:
        audio.add_tags()
    values = _fields(tags)
    for name, value in values.items():
        audio[name.upper()] = [value]
    if tags.description:
        audio["COMMENT"] = [tags.description]
    if tags.series:
        audio["MVNM"] = [tags.series]
    if tags.series_part:
        audio["MVIN"] = [tags.series_part]
    if tags.track:
        audio["TRACKNUMBER"] = [str(tags.track)]
        audio["TRACKTOTAL"] = [str(tags.track_total or tags.track)]
    if cover:
        picture = Picture()
        picture.type, picture.mime, picture.desc, picture.data = 3, _mime(cover), "Cover", cover
        if isinstance(audio, FLAC):
            audio.clear_pictures()
            audio.add_picture(picture)
        else:
            audio["METADATA_BLOCK_PICTURE"] = [base64.b64encode(picture.write()).decode("ascii")]
    audio.save()


def _mime(data: bytes) -> str:
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
