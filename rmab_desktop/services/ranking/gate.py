"""The hard gate: is this release the wanted book, and nothing else?

A release passes only when the title is found as a whole word sequence, nothing but structure
(author, narrator, series, numbers, years, tags, brackets) stands before it, no further title word
follows it (Dune vs Dune Messiah), an author is named (automatic mode), the series number does not
contradict, it is not a box set, another language, an abridged or dramatized edition (unless
wanted), a forbidden word or a size that cannot hold the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking.book_terms import STOPWORDS, BookTerms
from rmab_desktop.services.ranking.languages import (
    INTERNATIONAL,
    MULTI_MARKERS,
    MULTI_TAGS,
    is_marker,
    language_code,
    language_name,
    language_of_word,
    written_as_tag,
)
from rmab_desktop.services.ranking.names import (
    NAME_CONNECTORS,
    author_at,
    given_next_to,
    name_positions,
    other_author_named,
    surname_like,
)
from rmab_desktop.services.ranking.prefs import RankingPrefs
from rmab_desktop.services.ranking.text import NUMBER_WORDS, Token, is_cjk, roman_value, tokenize, words
from rmab_desktop.services.ranking.vocabulary import (
    ABRIDGED_MARKERS,
    AUDIO_WORDS,
    DERIVATIVE_MARKERS,
    DRAMA_MARKERS,
    EBOOK_WORDS,
    OMNIBUS_MARKERS,
    PREFIX_ONLY_WORDS,
    SERIES_KEYWORDS,
    TAG_WORDS,
    bitrate_of,
    is_identifier,
    is_year,
)

MB = 1024 * 1024
tr = Translator("ReleaseRanking")  # reasons and verdicts shown in interactive search and the ranking try-it
_TAG_PIECE = re.compile(r"(?<![^\W_])[A-Za-z]{2,12}(?![^\W_])")
_SCENE_GROUP = re.compile(r"(?<=[^\W_])-([A-Za-z0-9]{2,20})$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_SUFFIX_CONNECTORS = frozenset({"by"})
_EDITION_WORDS = frozenset({"edition", "ed", "anniversary", "printing", "release"})


@dataclass
class GateResult:
    accepted: bool = True
    reasons: list[str] = field(default_factory=list)
    rejections: list[str] = field(default_factory=list)  # the reasons that rejected the release
    author_found: bool = False
    subtitle_found: bool = False
    narrator_found: bool = False
    series_numbers: set[str] = field(default_factory=set)
    window: tuple[int, int] | None = None
    tokens: list[Token] = field(default_factory=list)

    def reject(self, reason: str) -> None:
        self.accepted = False
        rejection = tr("Rejected: {reason}").format(reason=reason)
        self.reasons.append(rejection)
        self.rejections.append(rejection)


# -- title windows -----------------------------------------------------------------------------------
def _align(tokens: list[Token], start: int, variant: tuple[str, ...]) -> int | None:
    """End index when ``variant`` matches at ``start`` (stop words may be missing, split or
    joined words are tolerated), else None."""
    i, j, matched = 0, start, 0
    n = len(variant)
    while i < n:
        word = variant[i]
        here = tokens[j].text if j < len(tokens) else None
        if here == word:
            i, j, matched = i + 1, j + 1, matched + 1
        elif here is not None and j + 1 < len(tokens) and here + tokens[j + 1].text == word:
            i, j, matched = i + 1, j + 2, matched + 1
        elif (
            here is not None
            and len(here) > len(word)
            and here.startswith(word)
            and (joined := _joined(variant, i, here))
        ):
            i, j, matched = i + joined, j + 1, matched + joined  # "TheWayOfKings", "Spiderman"
        elif word in STOPWORDS and matched and i + 1 < n:
            i += 1  # "Harry Potter Philosopher's Stone" for "... and the ..."
        elif here in STOPWORDS and matched and j + 1 < len(tokens) and tokens[j + 1].text == word:
            j += 1
        else:
            return None
    return j if matched else None


def _joined(variant: tuple[str, ...], i: int, here: str) -> int:
    """How many title words, from ``i``, written together make ``here`` (0 when they do not)."""
    text = ""
    for count, word in enumerate(variant[i:], start=1):
        text += word
        if text == here:
            return count if count > 1 else 0
        if not here.startswith(text):
            return 0
    return 0


def _windows(tokens: list[Token], variant: tuple[str, ...]) -> list[tuple[int, int]]:
    sequences = [variant]
    if len(variant) > 1 and variant[0] in {"the", "a", "an"}:
        sequences.append(variant[1:])  # "Hobbit, The" / "Sanderson - Final Empire"
    found: list[tuple[int, int]] = []
    for seq in sequences:
        head = seq[0]
        for k, token in enumerate(tokens):
            if not (token.text.startswith(head) or head.startswith(token.text)):
                continue
            end = _align(tokens, k, seq)
            if end is not None and (k, end) not in found:
                found.append((k, end))
    return found


# -- structure around the title ----------------------------------------------------------------------
def _is_number(token: Token) -> bool:
    return token.text.isdigit()


def _number_word(token: Token) -> bool:
    """ "Second", "Two", "twenty one", "3rd": a number written as a word or an ordinal."""
    return bool(_ORDINAL.match(token.text)) or (
        token.text.isdigit() and (token.raw in NUMBER_WORDS or " " in token.raw)
    )


def _edition_number(tokens: list[Token], k: int) -> bool:
    """ "Second Edition", "10th Anniversary": a number that counts editions, not books."""
    return k + 1 < len(tokens) and _number_word(tokens[k]) and tokens[k + 1].text in _EDITION_WORDS


def _structured(tokens: list[Token], i: int, terms: BookTerms, *, prefix: bool) -> int:
    """How many tokens at ``i`` are structure (0 when tokens[i] is a word of some other title)."""
    token = tokens[i]
    word = token.text
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prefix and token.bracket:
        return 1
    if word in SERIES_KEYWORDS and nxt is not None and (_is_number(nxt) or roman_value(nxt.raw)):
        return 2
    if word == "full" and nxt is not None and nxt.text == "cast":
        return 2
    if word in {"read", "narrated", "written", "performed"} and nxt is not None and nxt.text == "by":
        return 2
    if _number_word(token):
        # "Second Foundation", "The Two Towers": a number word glued to a word is part of a title;
        # alone it is structure ("Book Two - ...", "... Second Edition").
        if nxt is None or nxt.boundary or nxt.text in _EDITION_WORDS:
            return 1
    elif (
        _is_number(token)
        or bitrate_of(word)
        or is_identifier(word)
        or word in TAG_WORDS
        or word in terms.author_words
        or word in terms.narrator_words
        or language_of_word(word, tag_position=token.bracket or token.boundary)
        or (token.bracket and is_marker(word))
    ):
        return 1
    if i in name_positions(tuple(tokens), terms):
        return 1  # "Joanne K. Rowling", "James M. Barrie": the wanted author's name spelled out
    if word in terms.series and (prefix or _series_run(tokens, i, terms)):
        return 1
    if any(surname_like(word, a.surname) and given_next_to(tokens, i, a) for a in terms.authors):
        return 1
    if prefix and (word in PREFIX_ONLY_WORDS or word in NAME_CONNECTORS):
        return 1
    if not prefix and word in _SUFFIX_CONNECTORS:
        return 1
    return 0


def _series_run(tokens: list[Token], i: int, terms: BookTerms) -> int:
    """The length of the series name starting at ``i`` (its leading article optional), else 0."""
    for seq in (terms.series, terms.series[1:] if terms.series[:1] in (("the",), ("a",)) else ()):
        if seq and tuple(t.text for t in tokens[i : i + len(seq)]) == seq:
            return len(seq)
    return 0


def _check_prefix(tokens: list[Token], start: int, terms: BookTerms) -> str | None:
    i = 0
    surnames = {a.surname for a in terms.authors}
    while i < start:
        step = _structured(tokens, i, terms, prefix=True)
        if not step and len(tokens[i].text) == 1 and tokens[i].text.isalpha() and not is_cjk(tokens[i].text):
            near = {t.text for t in tokens[max(0, i - 3) : min(start, i + 4)]}
            step = 1 if near & surnames else 0  # a middle initial: "F. M. Dostoevsky"
        if not step and _series_number_at(tokens, i):
            step = 1  # "The Dark Tower I - The Gunslinger"
        if not step:
            step = _series_name(tokens, i, start, terms)
        if not step:
            words_before = " ".join(t.raw for t in tokens[i:start])
            return tr("unstructured words before the title: “{words}”").format(words=words_before)
        i += step
    return None


def _series_name(tokens: list[Token], i: int, start: int, terms: BookTerms) -> int:
    """The length of a series name the catalog did not give, starting at ``i`` (else 0).

    Words before the title are a series name only in the layouts uploaders use for one: followed
    by its number ("Dark Tower 01 - The Gunslinger", "Dresden Files Book 1 - Storm Front"), by a
    colon right before the title ("Black Dagger Brotherhood: The King"), or made only of the
    title's own words ("Earthsea - A Wizard of Earthsea"). Words glued to the title ("Children of
    Dune", "Second Foundation") never are."""
    j = i
    while (
        j < start
        and (j == i or not tokens[j].boundary)
        and not _structured(tokens, j, terms, prefix=True)
        and not (j > i and _series_number_at(tokens, j))
    ):
        j += 1
    if j == start and not tokens[start].boundary:
        return 0
    k = j
    while k < start and tokens[k].text in PREFIX_ONLY_WORDS and not tokens[k].boundary:
        k += 1  # "Earthsea Cycle 1", "Red Rising Saga 2"
    numbered = k < start and (
        _series_number_at(tokens, k)
        or (tokens[k].text in SERIES_KEYWORDS and _series_number_at(tokens, k + 1))
    )
    content = {t.text for t in tokens[i:j]} - STOPWORDS - PREFIX_ONLY_WORDS
    if content <= terms.book_words:
        return (
            j - i if numbered or j == start else 0
        )  # "Earthsea - A Wizard of Earthsea", "Shannara 01 - ..."
    if content & terms.title_words:
        return 0  # "Dune Messiah 2 - Dune", "Children of Dune: Dune": another title of the series
    if numbered:
        return j - i
    if j != start:
        return 0
    # "Chapterhouse: Dune" is a title of its own: one word before a one-word title is too little
    # to tell a series name from another book's title.
    shortest = min(len(set(v) - STOPWORDS) for v in terms.title_variants)
    is_series_title = any(v in (terms.series, terms.series[1:]) for v in terms.title_variants)
    colon = ":" in tokens[start].gap and not is_series_title
    return j - i if colon and (len(content) > 1 or shortest > 1) else 0


def _series_number_at(tokens: list[Token], k: int) -> bool:
    """A series position: digits (not a year) or a roman numeral, followed by a separator or more."""
    if k >= len(tokens):
        return False
    token = tokens[k]
    if token.text.isdigit() and not is_year(token.text) and not _number_word(token):
        return True
    single_roman = len(token.raw) == 1 and roman_value(token.raw) is not None
    return single_roman and (k + 1 == len(tokens) or tokens[k + 1].boundary)


def _check_suffix(tokens: list[Token], end: int, terms: BookTerms) -> str | None:
    if end >= len(tokens) or tokens[end].boundary:
        return None
    following = tuple(t.text for t in tokens[end : end + 2])
    if any(following[: len(c)] == c for c in terms.continuations) or _structured(
        tokens, end, terms, prefix=False
    ):
        return None
    shown = " ".join(t.raw for t in tokens[max(0, end - 2) : end + 2])
    return tr("a longer, different title: “... {words}”").format(words=shown)


# -- series numbers and box sets --------------------------------------------------------------------
def _number_at(tokens: list[Token], k: int) -> str | None:
    if k >= len(tokens):
        return None
    token = tokens[k]
    if token.text.isdigit() and not is_year(token.text):
        return token.text
    value = roman_value(token.raw)
    return str(value) if value else None


def _numbers_from(tokens: list[Token], k: int) -> list[str]:
    """A number, a range "1-3" / "1 to 3", or a list "1, 2 and 3" starting at ``k``."""
    first = _number_at(tokens, k)
    if first is None:
        return []
    found = [first]
    j = k + 1
    while j < len(tokens):
        token = tokens[j]
        if token.text in {"to", "thru", "through", "and"}:
            following = _number_at(tokens, j + 1)
            if following is None or not tokens[j + 1].text.isdigit():
                break
            found += _expand(found[-1], following, token.text != "and")
            j += 2
            continue
        following = _number_at(tokens, j) if token.text.isdigit() else None
        if following is None:
            break
        if token.gap == "." and "." not in found[-1]:
            found[-1] = f"{found[-1]}.{token.raw}"  # "Book 2.5"
        elif "-" in token.gap or "–" in token.gap:
            found += _expand(found[-1], following, True)
        elif "," in token.gap:
            found.append(following)
        else:
            break
        j += 1
    return found


def _expand(low: str, high: str, is_range: bool) -> list[str]:
    a, b = int(low), int(high)
    if not is_range:
        return [high]
    return [str(n) for n in range(a + 1, b + 1)] if 0 < b - a <= 50 else []


def _series_numbers(tokens: list[Token], window: tuple[int, int], terms: BookTerms) -> list[list[str]]:
    start, end = window
    groups: list[list[str]] = []
    for k, token in enumerate(tokens):
        if start <= k < end:
            continue
        if token.text in SERIES_KEYWORDS:
            numbers = _numbers_from(tokens, k + 1)
            if numbers:
                groups.append(numbers)
        elif (length := _series_run(tokens, k, terms)) and not start <= k + length - 1 < end:
            after = k + length
            while after < len(tokens) and tokens[after].text in SERIES_KEYWORDS | {"series", "saga"}:
                after += 1
            if after != start:
                numbers = _numbers_from(tokens, after)
                if numbers:
                    groups.append(numbers)
    if start > 0 and (tokens[start].boundary or not _number_word(tokens[start - 1])):
        number = _number_at(tokens, start - 1)  # "Dark Tower 01 - The Gunslinger", "... 01 The Gunslinger"
        if number and tokens[start - 1].text.isdigit() and int(number) < 100:
            groups.append([number])
    if (
        end < len(tokens)
        and not tokens[end].boundary
        and tokens[end].text.isdigit()
        and not _edition_number(tokens, end)
    ):
        numbers = _numbers_from(tokens, end)
        if numbers and not is_year(tokens[end].text):
            groups.append(numbers)
    return groups


# -- the gate ------------------------------------------------------------------------------------------
def _inside_author_name(tokens: list[Token], window: tuple[int, int], terms: BookTerms) -> bool:
    """A title made of author-name words, glued to more of them, is the author's name."""
    start, end = window
    if not all(t.text in terms.author_words for t in tokens[start:end]):
        return False
    before = start > 0 and not tokens[start].boundary and tokens[start - 1].text in terms.author_words
    after = end < len(tokens) and not tokens[end].boundary and tokens[end].text in terms.author_words
    return before or after


def _series_use(tokens: list[Token], start: int, terms: BookTerms) -> bool:
    """The series name used as such: followed by a separator, a number or "Chronicles", "Book" ..."""
    length = _series_run(tokens, start, terms)
    after = start + length
    return bool(length) and (
        after >= len(tokens) or tokens[after].boundary or bool(_structured(tokens, after, terms, prefix=True))
    )


def _other_title_after(tokens: list[Token], window: tuple[int, int], terms: BookTerms) -> str | None:
    """ "Dune, Dune Messiah, Children of Dune": the title again, inside another title, after the
    wanted one - a list of books, not the book."""
    for variant in terms.title_variants:
        for start, end in _windows(tokens, variant):
            if start < window[1]:
                continue
            segment = start
            while segment > window[1] and not tokens[segment].boundary:
                segment -= 1
            words_before = tokens[segment:start] if not tokens[start].boundary else []
            glued_before = any(not _structured(tokens, k, terms, prefix=False) for k in range(segment, start))
            if words_before and glued_before:
                return " ".join(
                    t.raw for t in tokens[segment : min(len(tokens), end + 2)]
                )  # "Children of Dune"
            if not _series_use(tokens, start, terms) and _check_suffix(tokens, end, terms):
                return " ".join(t.raw for t in tokens[segment : min(len(tokens), end + 2)])
    return None


def _comma_list_after(tokens: list[Token], end: int, terms: BookTerms) -> str | None:
    """ "Carrie, Salem's Lot, The Shining": two or more comma-separated unknown titles right after
    the wanted one, before any bracket or dash - a list of books. Inside brackets one is enough:
    "Murderbot Diaries Vol. 1 (All Systems Red, Artificial Condition)"."""
    unknown: list[str] = []
    in_bracket = end > 0 and tokens[end - 1].bracket
    k = end
    while k < len(tokens) and tokens[k].gap.strip() == "," and tokens[k].bracket == in_bracket:
        j = k + 1
        while j < len(tokens) and not tokens[j].boundary:
            j += 1
        if any(
            not _structured(tokens, i, terms, prefix=False)
            for i in range(k, j)
            if tokens[i].text not in terms.book_words | STOPWORDS
        ):
            unknown.append(" ".join(t.raw for t in tokens[k:j]))
        k = j
    return ", ".join(unknown) if len(unknown) >= (1 if in_bracket else 2) else None


def _title_window(tokens: list[Token], terms: BookTerms, result: GateResult) -> tuple[int, int] | None:
    failure = None
    for variant in terms.title_variants:
        for window in _windows(tokens, variant):
            if _inside_author_name(tokens, window, terms):
                continue
            problem = _check_prefix(tokens, window[0], terms) or _check_suffix(tokens, window[1], terms)
            if problem is None:
                return window
            failure = failure or problem
    if failure:
        result.reject(failure)
    else:
        present = {t.text for t in tokens}
        missing = [w for w in terms.title_variants[-1] if w not in present and w not in STOPWORDS]
        shown = ", ".join(missing) or " ".join(terms.title_variants[-1])
        result.reject(tr("title words missing: {words}").format(words=shown))
    return None


def scene_group_bracketed(name: str) -> str:
    """ "Dune-GRP" -> "Dune [GRP]": a scene group glued to the end of a name by a bare dash, told
    from a title word by its capitals ("GRP", "SecTor7"); numbers, roman numerals and names
    written all in capitals are left alone ("Catch-22", "Rocky-II", "DUNE-MESSIAH")."""
    found = _SCENE_GROUP.search(name)
    if not found:
        return name
    group, rest = found.group(1), name[: found.start()]
    letters = "".join(ch for ch in group if ch.isalpha())
    capitals = letters.isupper() or any(ch.isupper() for ch in letters[1:])
    if (
        len(letters) < 2
        or not capitals
        or rest.upper() == rest
        or roman_value(group.lower())
        or group.lower() in NUMBER_WORDS
    ):
        return name
    return f"{rest} [{group}]"


def evaluate(
    release: Release,
    terms: BookTerms,
    prefs: RankingPrefs,
    *,
    interactive: bool = False,
    runtime_minutes: int | None = None,
    kind: str = "audiobook",
) -> GateResult:
    result = GateResult()
    if not terms.has_title:
        result.reject(tr("the wanted book has no title"))
        return result
    name = tags_bracketed(scene_group_bracketed(release.title), terms)
    tokens = tokenize(name)
    probe = GateResult()
    window = _title_window(tokens, terms, probe)
    if window is None and release.book_title:
        tokens = tokenize(f"{release.author or ''} - {release.book_title}")
        window = _title_window(tokens, terms, GateResult())
    if window is None:
        result.accepted = False
        result.reasons.extend(probe.reasons)
        result.tokens = tokens if not release.book_title else tokenize(name)
        return result
    result.window, result.tokens = window, tokens
    outside = {k for k in range(len(tokens)) if not window[0] <= k < window[1]}
    _check_people(release, tokens, outside, terms, result, interactive=interactive, prefs=prefs)
    _check_series(tokens, window, outside, terms, result)
    other = _other_title_after(tokens, window, terms) or _comma_list_after(tokens, window[1], terms)
    if other:
        result.reject(tr("several books listed (also “{other}”)").format(other=other))
    _check_edition(tokens, outside, terms, prefs, result)
    if kind == "ebook":
        _check_ebook(release, tokens, outside, prefs, result)
    else:
        _check_medium(release, tokens, outside, result)
    _check_language(release, tokens, outside, terms, result, prefs)
    if kind != "ebook":
        _check_size(release, prefs, result, runtime_minutes)
    _check_seeders(release, prefs, result)
    subtitle = terms.subtitle
    if subtitle:
        text = [t.text for t in tokens]
        result.subtitle_found = any(text[k : k + len(subtitle)] == list(subtitle) for k in range(len(text)))
    return result


def _check_people(
    release: Release,
    tokens: list[Token],
    outside: set[int],
    terms: BookTerms,
    result: GateResult,
    *,
    interactive: bool,
    prefs: RankingPrefs,
) -> None:
    found = [a for a in terms.authors if author_at(tokens, outside, a, terms)]
    attr_tokens = tokenize(release.author) if release.author else []
    attr_found = [
        a
        for a in terms.authors
        if attr_tokens and author_at(attr_tokens, set(range(len(attr_tokens))), a, terms)
    ]
    result.author_found = bool(found or attr_found)
    result.narrator_found = bool(terms.narrator_words) and any(
        tokens[k].text in terms.narrator_words for k in outside
    )
    if result.author_found:
        names = ", ".join(a.display for a in (found or attr_found))
        result.reasons.append(tr("Author found: {names}").format(names=names))
        return
    if not terms.authors:
        return
    other = other_author_named(tokens, outside, terms)
    if release.author and attr_tokens and not attr_found:
        other = other or release.author
    start, end = result.window or (0, 0)
    in_title = [a for a in terms.authors if author_at(tokens, set(range(start, end)), a, terms)]
    longer = any(tokens[k].text not in terms.author_words for k in range(start, end))
    bare = all(_structured(tokens, k, terms, prefix=False) for k in outside)
    if in_title and longer and bare and not other:
        # "Agatha Christie: An Autobiography": the author's name is part of the title itself.
        result.author_found = True
        result.reasons.append(tr("Author found in the title: {name}").format(name=in_title[0].display))
        return
    if other:
        result.reject(
            tr("written by someone else (“{other}”), not {author}").format(
                other=other, author=terms.authors[0].display
            )
        )
    elif interactive or not prefs.require_author:
        result.reasons.append(tr("No author named in the release (allowed in interactive search)"))
    else:
        result.reject(
            tr("no author of the book named (wanted {authors})").format(
                authors=", ".join(a.display for a in terms.authors)
            )
        )


def _check_series(
    tokens: list[Token], window: tuple[int, int], outside: set[int], terms: BookTerms, result: GateResult
) -> None:
    groups = _series_numbers(tokens, window, terms)
    numbers = {n for group in groups for n in group}
    result.series_numbers = numbers
    words_outside = {tokens[k].text for k in outside} - terms.book_words
    omnibus_word = words_outside & OMNIBUS_MARKERS
    if not terms.wants_omnibus and (omnibus_word or any(len(g) > 1 for g in groups)):
        longest = max(groups, key=len) if groups else []
        word = next(iter(omnibus_word), None)
        what = word or tr("books {first}-{last}").format(first=longest[0], last=longest[-1])
        result.reject(tr("a box set or omnibus ({what}), not a single book").format(what=what))
        return
    wanted = terms.series_position
    if wanted and numbers and not numbers & wanted:
        result.reject(
            tr("series number {found} but the book is number {wanted}").format(
                found=", ".join(sorted(numbers)), wanted=", ".join(sorted(wanted))
            )
        )
    elif wanted and numbers:
        result.reasons.append(
            tr("Series number {number} matches").format(number=", ".join(sorted(numbers & wanted)))
        )
    elif not wanted:
        end = window[1]
        glued = _number_at(tokens, end) if end < len(tokens) and not tokens[end].boundary else None
        glued = None if _edition_number(tokens, end) else glued
        if glued and tokens[end].text.isdigit() and 2 <= int(glued) < 1000:
            result.reject(
                tr("a numbered sequel (“... {number}”)").format(number=tokens[end].raw)
            )  # "Project Hail Mary 2"
        elif glued and tokens[end].text.isdigit() and _titled_volume(tokens, end + 1, terms):
            # "The Lord of the Rings 1 - The Fellowship of the Ring": one volume of the wanted work
            result.reject(
                tr("one numbered volume (“... {number} - {word} ...”)").format(
                    number=tokens[end].raw, word=tokens[end + 1].raw
                )
            )


def _titled_volume(tokens: list[Token], k: int, terms: BookTerms) -> bool:
    """After "Title N": a dash, then words that are not structure - the volume's own title."""
    if k >= len(tokens) or tokens[k].bracket or "-" not in tokens[k].gap:
        return False
    j = k
    while j < len(tokens) and (j == k or not tokens[j].boundary):
        j += 1
    return any(
        not _structured(tokens, i, terms, prefix=False)
        for i in range(k, j)
        if tokens[i].text not in terms.book_words | STOPWORDS
    )


def _has_phrase(tokens: list[Token], outside: set[int], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    head = phrase[0]
    for k in range(len(tokens) - n + 1):
        if tokens[k].text != head:
            continue
        if k in outside and tuple(t.text for t in tokens[k : k + n]) == phrase:
            return True
    return False


def _check_edition(
    tokens: list[Token], outside: set[int], terms: BookTerms, prefs: RankingPrefs, result: GateResult
) -> None:
    present = (
        {tokens[k].text for k in outside} - terms.author_words - terms.narrator_words
    )  # "Abrege" the author
    if not terms.wants_abridged and present & ABRIDGED_MARKERS:
        result.reject(tr("an abridged edition; the wanted book is unabridged"))
    graphic_audio = "graphicaudio" in present or _has_phrase(tokens, outside, ("graphic", "audio"))
    if not terms.wants_dramatized and (
        graphic_audio
        or present & DRAMA_MARKERS
        or _has_phrase(tokens, outside, ("radio", "drama"))
        or _has_phrase(tokens, outside, ("radio", "play"))
        or _has_phrase(tokens, outside, ("radio", "series"))
        or _has_phrase(tokens, outside, ("bbc", "radio"))
    ):
        result.reject(tr("a dramatized adaptation, not the wanted narration"))
    derivative = (present & DERIVATIVE_MARKERS) - terms.book_words - ({"graphic"} if graphic_audio else set())
    if derivative:
        result.reject(tr("not the audiobook itself (“{word}”)").format(word=sorted(derivative)[0]))
    if not terms.wants_part:
        part = _part_of(tokens, outside)
        if part:
            result.reject(tr("only {part} of the book").format(part=part))
    for phrase in prefs.forbidden_words:
        seq = tuple(words(phrase))
        if seq and not set(seq) <= terms.book_words and _has_phrase(tokens, outside, seq):
            result.reject(tr("forbidden word “{word}”").format(word=phrase))


def _part_of(tokens: list[Token], outside: set[int]) -> str | None:
    """ "part 1 of 2" / "CD 3 of 10" / "disc 2 of 4" outside the title."""
    for k in sorted(outside):
        if tokens[k].text in {"part", "pt", "cd", "disc", "disk"} and k + 3 < len(tokens):
            a, of, b = tokens[k + 1].text, tokens[k + 2].text, tokens[k + 3].text
            if a.isdigit() and of == "of" and b.isdigit() and int(a) <= int(b) and int(b) > 1:
                return f"{tokens[k].raw} {a} of {b}"
    return None


def _check_medium(release: Release, tokens: list[Token], outside: set[int], result: GateResult) -> None:
    present = {tokens[k].text for k in outside}
    standard = [c for c in release.categories if c < 100000]
    audio = bool(present & AUDIO_WORDS)
    if present & EBOOK_WORDS and not audio:
        result.reject(tr("an ebook, not an audiobook"))
    elif (
        standard
        and not audio
        and all(7000 <= c < 8000 for c in standard)
        and (release.size_bytes or 0) < 50 * MB
    ):
        result.reject(tr("in a book category and too small for an audiobook"))
    elif standard and all(1000 <= c < 3000 or 4000 <= c < 7000 for c in standard):
        result.reject(
            tr("in a video/software category ({category}), not an audiobook one").format(category=standard[0])
        )


def _check_ebook(
    release: Release, tokens: list[Token], outside: set[int], prefs: RankingPrefs, result: GateResult
) -> None:
    present = {tokens[k].text for k in outside}
    standard = [c for c in release.categories if c < 100000]
    if present & AUDIO_WORDS and not present & EBOOK_WORDS:
        result.reject(tr("an audiobook, not an ebook"))
    elif standard and all(3000 <= c < 4000 for c in standard):
        result.reject(tr("in an audio category, not an ebook one"))
    if release.size_bytes and release.size_bytes > prefs.max_ebook_mb * MB:
        result.reject(tr("{size} MB: too large for an ebook").format(size=f"{release.size_bytes / MB:.0f}"))


def _tag_position(tokens: list[Token], k: int, capitals: set[str]) -> bool:
    """A short word written in capitals in brackets (tags glued into a name are bracketed by
    ``tags_bracketed``) or alone between separators; "(tr.)" is not a tag."""
    token = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return token.raw in capitals and (token.bracket or (token.boundary and (nxt is None or nxt.boundary)))


def tags_bracketed(name: str, terms: BookTerms) -> str:
    """ "Andy.Weir.The.Martian.DK.MP3-GRP" -> "... [DK] ...": a language tag written in capitals
    ("DK", "iNT", "MULTi") becomes a bracketed tag, unless it is a word of the book or its
    author ("IT") or the whole name is in capitals."""
    if name.upper() == name:
        return name

    def wrap(found: re.Match[str]) -> str:
        piece = found.group(0)
        word = piece.lower()
        keep = word in terms.book_words or word in terms.author_words
        return f"[{piece}]" if not keep and written_as_tag(piece) and is_marker(word) else piece

    return _TAG_PIECE.sub(wrap, name)


def _check_language(
    release: Release,
    tokens: list[Token],
    outside: set[int],
    terms: BookTerms,
    result: GateResult,
    prefs: RankingPrefs,
) -> None:
    """Another language than the book's, a multi-language pack or an "iNT" release is rejected
    (the user may allow languages in the ranking settings)."""
    if not terms.language or not prefs.reject_other_languages:
        return
    found: set[str] = set()
    multi = international = False
    capitals = {piece.lower() for piece in _TAG_PIECE.findall(release.title) if written_as_tag(piece)}
    for k in sorted(outside):
        token = tokens[k]
        tag = _tag_position(tokens, k, capitals)
        if (
            token.text in terms.author_words
            or token.text in terms.narrator_words
            or (token.text in terms.book_words and not tag)  # "The French Lieutenant's Woman [FRENCH]"
            or (token.text in SERIES_KEYWORDS and k + 1 < len(tokens) and tokens[k + 1].text.isdigit())
        ):
            continue
        code = language_of_word(token.text, tag_position=tag)
        if code:
            found.add(code)
        multi = multi or token.text in MULTI_MARKERS or (tag and token.text in MULTI_TAGS)
        international = international or (token.text == INTERNATIONAL.lower() and tag)
    attr = release.extra.get("language")
    if isinstance(attr, str):
        code = language_code(attr)
        if code:
            found.add(code)
    allowed = {terms.language, *prefs.allowed_languages}
    book = language_name(terms.language)
    problems = []
    other = sorted(found - allowed)
    if other:
        names = ", ".join(language_name(code) for code in other)
        problems.append(
            tr("another language ({found}); the book is in {language}").format(found=names, language=book)
        )
    if multi and "multi" not in allowed:
        problems.append(tr("a release in several languages; the book is in {language}").format(language=book))
    if international and terms.language == "en" and not other:
        problems.append(tr("marked iNT, a release in a language other than English"))
    for problem in problems:
        result.reject(problem)


def estimated_kbps(size_bytes: int | None, runtime_minutes: int | None) -> float | None:
    if not size_bytes or not runtime_minutes or runtime_minutes <= 0:
        return None
    return size_bytes * 8 / (runtime_minutes * 60) / 1000


def _check_size(release: Release, prefs: RankingPrefs, result: GateResult, runtime: int | None) -> None:
    kbps = estimated_kbps(release.size_bytes, runtime)
    if kbps is not None:
        hours = (runtime or 0) / 60
        if kbps < prefs.min_kbps:
            result.reject(
                tr(
                    "too small for a {hours} h book (about {kbps} kbps): a sample, an abridged edition or "
                    "something else"
                ).format(hours=f"{hours:.1f}", kbps=f"{kbps:.0f}")
            )
        elif kbps > prefs.max_kbps:
            result.reject(
                tr("too large for a {hours} h book (about {kbps} kbps)").format(
                    hours=f"{hours:.1f}", kbps=f"{kbps:.0f}"
                )
            )
    elif release.size_bytes and release.size_bytes < prefs.min_size_mb * MB:
        result.reject(
            tr("only {size} MB: too small to be an audiobook").format(size=f"{release.size_bytes / MB:.1f}")
        )


def _check_seeders(release: Release, prefs: RankingPrefs, result: GateResult) -> None:
    if release.protocol == "torrent" and release.seeders is not None and release.seeders < prefs.min_seeders:
        result.reject(
            tr.n("%n seeder(s) (minimum {minimum})", release.seeders).format(minimum=prefs.min_seeders)
        )
