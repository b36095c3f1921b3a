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


LANGUAGES = {
    "en": {"english", "eng", "englisch", "anglais", "ingles", "inglese"},
    "de": {"german", "deutsch", "ger", "deu", "allemand", "aleman", "tedesco"},
    "fr": {"french", "francais", "fre", "fra", "franzosisch", "frances", "francese"},
    "es": {"spanish", "espanol", "castellano", "spa", "esp", "spanisch", "espagnol"},
    "it": {"italian", "italiano", "ita", "italienisch", "italien"},
    "nl": {"dutch", "nederlands", "dut", "nld", "niederlandisch"},
    "sv": {"swedish", "svenska", "swe", "schwedisch"},
    "da": {"danish", "dansk", "dan"},
    "no": {"norwegian", "norsk", "nor"},
    "fi": {"finnish", "suomi", "fin"},
    "pl": {"polish", "polski", "pol"},
    "pt": {"portuguese", "portugues", "por"},
    "ru": {"russian", "russkii", "rus", "русскии"},
    "ja": {"japanese", "jpn", "nihongo"},
    "zh": {"chinese", "chi", "zho", "mandarin"},
    "ko": {"korean", "kor"},
}
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "pl": "Polish", "pt": "Portuguese",
    "ru": "Russian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
}  # fmt: skip
# Two-letter codes are ordinary words in many titles: they count only inside brackets or alone
# between separators ("[DE]", "- NL -").
SHORT_CODES = {code: code for code in LANGUAGES} | {
    "dk": "da",
    "se": "sv",
    "jp": "ja",
    "cn": "zh",
    "ger": "de",
}
_LANGUAGE_BY_WORD = {word: code for code, names in LANGUAGES.items() for word in names}


# Words uploaders write in their own language ("gelesen von", "lu par", "Hörbuch"): they tell the
# edition's language as surely as a [GER] tag, and they are structure, not title words.
LANGUAGE_HINTS = {
    "horbuch": "de", "horbucher": "de", "ungekurzt": "de", "ungekurzte": "de", "gekurzt": "de", "gelesen": "de",
    "sprecher": "de", "lesung": "de", "gesamtausgabe": "de",
    "lu": "fr", "livre": "fr", "integrale": "fr", "abrege": "fr",
    "audiolibro": "es", "narrado": "es", "leido": "es", "completo": "es",
    "letto": "it", "luisterboek": "nl", "voorgelezen": "nl", "ljudbok": "sv", "lydbog": "da", "lydbok": "no",
    "audiokniga": "ru", "аудиокнига": "ru", "читает": "ru",
}  # fmt: skip


def language_name(code: str) -> str:
    """ "de" -> "German" (the first English name of the language), or the code itself."""
    return LANGUAGE_NAMES.get(code, code)


def language_code(value: str) -> str | None:
    """ "English"/"en"/"en-US"/"Deutsch" -> "en"/"de"; None when unknown."""
    value = value.strip().lower()
    if not value:
        return None
    head = re.split(r"[-_ ]", value)[0]
    if head in LANGUAGES:
        return head
    return _LANGUAGE_BY_WORD.get(value) or _LANGUAGE_BY_WORD.get(head) or SHORT_CODES.get(head)


def language_of_word(word: str, *, standalone: bool) -> str | None:
    code = _LANGUAGE_BY_WORD.get(word) or LANGUAGE_HINTS.get(word)
    if code is None and standalone:
        code = SHORT_CODES.get(word)
    return code


def bitrate_of(word: str) -> int | None:
    match = _BITRATE.match(word)
    if match:
        value = int(match.group(1))
        return value if 8 <= value <= 3000 else None
    return None


def is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2099
