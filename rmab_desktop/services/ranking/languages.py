"""Languages as release names mark them: each language's names (in English, in itself and in
other languages), its ISO codes and the scene tags uploaders use, and words uploaders write in it.

All words are in the canonical (folded, lower-case) form of
:func:`rmab_desktop.services.ranking.text.canonical`. Names and three-letter codes count anywhere
outside the title and the people's names; two-letter tags (``DE``, ``DK``) are ordinary words in
many titles and count only in tag positions (see ``gate._tag_position``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rmab_desktop.domain.i18n import Marked, Translator, text

tr = Translator("Languages")


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    english: Marked  # the English name, translated where it is shown
    native: str  # the name in the language itself
    names: frozenset[str]  # further names and three-letter codes (ISO 639-2)
    tags: frozenset[str] = frozenset()  # short scene tags: only in tag positions
    hints: frozenset[str] = frozenset()  # uploaders' words in this language ("horbuch", "lu par")

    @property
    def words(self) -> frozenset[str]:
        return self.names | {self.native}


def _lang(code: str, english: Marked, native: str, names: str, tags: str = "", hints: str = "") -> Language:
    return Language(
        code,
        english,
        native,
        frozenset(names.split()),
        frozenset({code, *tags.split()}),
        frozenset(hints.split()),
    )


LANGUAGES: tuple[Language, ...] = (
    _lang("en", tr.mark("English"), "english", "eng englisch anglais ingles inglese engels"),
    _lang("de", tr.mark("German"), "deutsch", "german ger deu allemand aleman tedesco duits tysk", "",
          "horbuch horbucher ungekurzt ungekurzte gekurzt gelesen sprecher lesung gesamtausgabe"),
    _lang("fr", tr.mark("French"), "francais", "french fre fra franzosisch frances francese frans fransk", "vf vff",
          "lu livre integrale abrege"),
    _lang("es", tr.mark("Spanish"), "espanol", "spanish castellano spa esp spanisch espagnol spagnolo", "",
          "audiolibro narrado leido completo"),
    _lang("it", tr.mark("Italian"), "italiano", "italian ita italienisch italien", "", "letto"),
    _lang("nl", tr.mark("Dutch"), "nederlands", "dutch dut nld niederlandisch flemish vlaams", "",
          "luisterboek voorgelezen"),
    _lang("sv", tr.mark("Swedish"), "svenska", "swedish swe schwedisch", "se", "ljudbok"),
    _lang("da", tr.mark("Danish"), "dansk", "danish dan danisch", "dk", "lydbog"),
    _lang("no", tr.mark("Norwegian"), "norsk", "norwegian nor norwegisch nob nno", "nb nn", "lydbok"),
    _lang("fi", tr.mark("Finnish"), "suomi", "finnish fin finnisch", "", "aanikirja"),
    _lang("pl", tr.mark("Polish"), "polski", "polish pol polnisch", "", "czyta"),
    _lang("pt", tr.mark("Portuguese"), "portugues", "portuguese por portugiesisch brasileiro", "br ptbr",
          "audiolivro"),
    _lang("ru", tr.mark("Russian"), "russkii", "russian rus russisch русскии", "", "audiokniga аудиокнига читает"),
    _lang("cs", tr.mark("Czech"), "cesky", "czech cze ces tschechisch cestina", "cz", "audiokniha"),
    _lang("hu", tr.mark("Hungarian"), "magyar", "hungarian hun ungarisch", "", "hangoskonyv"),
    _lang("tr", tr.mark("Turkish"), "turkce", "turkish tur turkisch", "", "sesli"),
    _lang("ja", tr.mark("Japanese"), "nihongo", "japanese jpn japanisch", "jp"),
    _lang("zh", tr.mark("Chinese"), "zhongwen", "chinese chi zho mandarin chinesisch", "cn"),
    _lang("ko", tr.mark("Korean"), "hangugeo", "korean kor koreanisch", "kr"),
)  # fmt: skip
BY_CODE = {language.code: language for language in LANGUAGES}
_BY_WORD = {word: language.code for language in LANGUAGES for word in language.words}
_BY_HINT = {word: language.code for language in LANGUAGES for word in language.hints}
_BY_TAG = {tag: language.code for language in LANGUAGES for tag in language.tags}
# Markers of a release in several languages, or in an unnamed one other than English ("iNT").
MULTI_MARKERS = frozenset({"multi", "multilang", "multilanguage", "multilingual", "multisub"})
MULTI_TAGS = frozenset({"dl"})  # German scene: "dual language", only as a tag
INTERNATIONAL = "iNT"


def language_name(code: str) -> str:
    """ "de" -> "German" in the current language, or the code itself when unknown."""
    language = BY_CODE.get(code)
    return text(language.english) if language else code


def language_code(value: str) -> str | None:
    """ "English"/"en"/"en-US"/"Deutsch"/"ger" -> "en"/"de"; None when unknown."""
    value = value.strip().lower()
    if not value:
        return None
    head = re.split(r"[-_ ]", value)[0]
    if head in BY_CODE:
        return head
    return _BY_WORD.get(value) or _BY_WORD.get(head) or _BY_TAG.get(head)


def is_marker(word: str) -> bool:
    """A tag or marker that names a language, several, or "iNT" (whatever its position)."""
    return word in _BY_TAG or word in MULTI_MARKERS or word in MULTI_TAGS or word == INTERNATIONAL.lower()


def written_as_tag(piece: str) -> bool:
    """ "DK", "GER", "iNT", "MULTi": capitals, one small letter at most."""
    return sum(ch.isupper() for ch in piece) >= 2 and sum(ch.islower() for ch in piece) <= 1


def language_of_word(word: str, *, tag_position: bool) -> str | None:
    """The language a word of a release name marks: a name or uploader's word anywhere, a short
    tag only in a tag position."""
    code = _BY_WORD.get(word) or _BY_HINT.get(word)
    if code is None and tag_position:
        code = _BY_TAG.get(word)
    return code
