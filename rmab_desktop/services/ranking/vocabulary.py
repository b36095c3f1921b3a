"""The words release names use for structure rather than for a title: formats, tags, series
keywords, languages. All in the canonical form of :func:`rmab_desktop.services.ranking.text.canonical`."""

from __future__ import annotations

import re

FORMAT_WORDS = {
    "m4b": "m4b",
    "flac": "flac",
    "alac": "flac",
    "m4a": "m4a",
    "aac": "m4a",
    "mp4": "m4a",
    "mp3": "mp3",
    "ogg": "other",
    "opus": "other",
    "wma": "other",
    "aax": "other",
    "wav": "other",
}
SERIES_KEYWORDS = frozenset(
    {"book", "books", "bk", "bks", "vol", "vols", "volume", "volumes", "tome", "tomo", "band", "teil",
     "livre", "libro", "episode", "ep", "no", "nr", "number", "installment"}
)  # fmt: skip
# Words that may sit around a title without being part of another title.
TAG_WORDS = frozenset(
    {"audiobook", "audiobooks", "audio", "audible", "unabridged", "abridged", "retail", "kbps", "kbit", "tie",
     "movie", "film", "netflix", "hbo", "tv",
     "kbits", "kb", "k", "vbr", "cbr", "hq", "lq", "mono", "stereo", "cd", "cds", "web", "webrip", "rip",
     "chapters", "chaptered", "chapterized", "chapterised", "uncut", "edition", "remastered", "expanded",
     "anniversary", "deluxe", "revised", "updated", "reupload", "repack", "proper", "narrator", "narrators",
     "by", "ebook", "epub", "pdf", "mobi", "azw3", "untouched", "english", "eng", "dolby", "atmos", "aaxc",
     "multicast"}
    | set(FORMAT_WORDS)
)  # fmt: skip
# Series-ish words tolerated before a title ("Dune Chronicles 01 - Dune"), never after it.
PREFIX_ONLY_WORDS = frozenset(
    {"series", "saga", "chronicles", "cycle", "trilogy", "sequence", "universe", "cantos", "duology", "quartet",
     "quintet", "tetralogy"}
)  # fmt: skip
OMNIBUS_MARKERS = frozenset({"omnibus", "boxset", "box", "bundle", "anthology", "compendium"})
DRAMA_MARKERS = frozenset({"dramatized", "dramatised", "dramatization", "dramatisation"})
ABRIDGED_MARKERS = frozenset(
    {"abridged", "condensed", "gekurzt", "gekurzte", "abrege", "abregee", "resumido"}
)
# Words of works about a book, or of another medium, rather than the audiobook itself.
DERIVATIVE_MARKERS = frozenset(
    {"summary", "summaries", "analysis", "guide", "workbook", "companion", "graphic", "encyclopedia",
     "cliffsnotes", "sparknotes", "takeaways", "retold", "adapted", "soundtrack", "ost", "podcast", "interview", "lecture",
     "lectures", "documentary", "bluray", "bdrip", "dvdrip", "x264", "x265", "h264",
     "hevc", "1080p", "720p", "2160p", "hdtv", "webdl"}
)  # fmt: skip
EBOOK_WORDS = frozenset({"epub", "pdf", "mobi", "azw", "azw3", "kfx", "ebook", "cbz", "cbr", "fb2"})
AUDIO_WORDS = frozenset({"audiobook", "audiobooks", "audio", "audible", "narrated", "unabridged", "abridged",
                         "kbps", "aax", "aaxc"}) | frozenset(FORMAT_WORDS)  # fmt: skip
_BITRATE = re.compile(r"^(\d{2,4})(?:kbps|kbit|kbits|kb|k)$")
_IDENTIFIER = re.compile(r"^(?:b0[0-9a-z]{8}|\d{9}[0-9x]|97[89]\d{10})$")  # ASIN, ISBN-10/13


def is_identifier(word: str) -> bool:
    return bool(_IDENTIFIER.match(word))


def bitrate_of(word: str) -> int | None:
    match = _BITRATE.match(word)
    if match:
        value = int(match.group(1))
        return value if 8 <= value <= 3000 else None
    return None


def is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2099
