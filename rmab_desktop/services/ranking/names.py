"""Finding the wanted book's authors in a release name.

A surname counts when the given names written next to it fit the wanted ones: the same words,
an initial for a spelled-out name either way ("J.M." / "James M.", "JK" / "Joanne K."), middle
names present or left out, surname particles ("Le", "von", "de la") ignored. Given names next to
the surname that do not fit ("J.T. Barrie" for J. M. Barrie, "Christopher Tolkien" for J. R. R.
Tolkien) mean another person, whatever else the name shares.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from rmab_desktop.services.ranking.book_terms import STOPWORDS, AuthorName, BookTerms
from rmab_desktop.services.ranking.text import Token, is_cjk
from rmab_desktop.services.ranking.vocabulary import TAG_WORDS

NAME_CONNECTORS = frozenset(
    {"by", "and", "with", "feat", "ft", "read", "narrated", "written", "tr", "trans", "translated", "translator",
     "ed", "editor", "narr"}
)  # fmt: skip
# Lower-case words inside surnames: "Ursula K. Le Guin", "Ludwig von Mises", "Juana de la Cruz".
PARTICLES = frozenset(
    {"le", "la", "de", "del", "della", "der", "den", "di", "da", "du", "des", "dos", "das", "van", "von", "ter",
     "ten", "zu", "bin", "ibn", "al", "st"}
)  # fmt: skip
_MAX_GIVEN = 5


def surname_like(word: str, surname: str) -> bool:
    """Transliteration variants of long surnames (Dostoevsky / Dostoyevsky); short ones must match."""
    return (
        len(surname) >= 6
        and word[:1] == surname[:1]
        and word[-1:] == surname[-1:]
        and abs(len(word) - len(surname)) <= 2
        and fuzz.ratio(word, surname) >= 88
    )


def given_next_to(tokens: list[Token], i: int, author: AuthorName) -> bool:
    neighbours = {tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(tokens)}
    return bool(neighbours & (set(author.given) | {author.initials}))


def _initial_runs(tokens: list[Token], idx: int) -> set[str]:
    """Initials written before/after position ``idx``: "j r r" -> "jrr", "jrr" -> "jrr"."""
    runs = set()
    for direction in (-1, 1):
        letters = ""
        k = idx + direction
        while 0 <= k < len(tokens) and len(tokens[k].text) <= 3 and tokens[k].text.isalpha():
            letters = tokens[k].text + letters if direction < 0 else letters + tokens[k].text
            runs.add(letters)
            k += direction
    return runs


# -- given names ------------------------------------------------------------------------------------
def _same_given(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _spelled_out(names: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """Joined initials ("jrr", "jk") become letters when they are initials of the other side's names."""
    initials = "".join(word[0] for word in other if word)
    out: list[str] = []
    for word in names:
        if 1 < len(word) <= 4 and word not in other and word in initials:
            out.extend(word)
        else:
            out.append(word)
    return out


def _subsequence(short: list[str], long_: list[str]) -> bool:
    position = 0
    for word in short:
        while position < len(long_) and not _same_given(word, long_[position]):
            position += 1
        if position == len(long_):
            return False
        position += 1
    return True


def given_fits(written: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Given names written in a release fit the wanted ones (initials, omitted middles, particles)."""
    w_given = tuple(w for w in wanted if w not in PARTICLES)
    r_given = tuple(w for w in written if w not in PARTICLES)
    r_list, w_list = _spelled_out(r_given, w_given), _spelled_out(w_given, r_given)
    if not r_list or not w_list:
        return True
    short, long_ = (r_list, w_list) if len(r_list) <= len(w_list) else (w_list, r_list)
    return _subsequence(short, long_)


def _name_word(token: Token, terms: BookTerms) -> bool:
    word = token.text
    if len(word) == 1:
        return word.isalpha()  # an initial ("K" is also a bitrate unit)
    if not word.isalpha() or word in NAME_CONNECTORS or word in TAG_WORDS or word in terms.narrator_words:
        return False
    if word in STOPWORDS and word not in PARTICLES:
        return False
    return word in terms.author_words or word not in terms.book_words


def _given_runs(tokens: list[Token], idx: int, terms: BookTerms) -> tuple[list[int], list[int]]:
    """Token positions of the name words written right before the surname, and right after it
    ("Tolkien, J.R.R.", "Liu Cixin"); neither crosses a separator other than the comma after it."""
    before: list[int] = []
    k = idx - 1
    while k >= 0 and len(before) < _MAX_GIVEN and not tokens[k + 1].boundary and _name_word(tokens[k], terms):
        before.insert(0, k)
        k -= 1
    after: list[int] = []
    k = idx + 1
    while k < len(tokens) and len(after) < _MAX_GIVEN and _name_word(tokens[k], terms):
        if tokens[k].boundary and not (k == idx + 1 and tokens[k].gap.strip() == ","):
            break
        after.append(k)
        k += 1
    return before, after


def _surname_at(token: Token, author: AuthorName) -> bool:
    surname = token.text
    return (
        surname in (author.surname, author.surname + "s")
        or (bool(author.given) and surname == "".join(author.tokens))  # "BrandonSanderson"
        or (bool(author.given) and surname_like(surname, author.surname))
    )


def _fits_one(word: str, wanted: tuple[str, ...]) -> bool:
    """A single written word is a particle, an initial, or one (or joined initials) of the wanted names."""
    if word in PARTICLES or (len(word) == 1 and not is_cjk(word)):
        return True
    return all(any(_same_given(part, w) for w in wanted) for part in _spelled_out((word,), wanted))


def _side(
    tokens: list[Token], positions: list[int], author: AuthorName, *, before: bool
) -> tuple[list[int], bool]:
    """The given names on one side of the surname that may belong to the author (nearest first),
    and whether another name word is written there too ("Robert M. Barrie", "Christopher Tolkien").
    Before the surname, everything back to the wanted first name counts: a middle name or a
    patronymic the catalog leaves out ("Fyodor Mikhailovich Dostoevsky")."""
    ordered = list(reversed(positions)) if before else positions
    first = next((w for w in author.given if w not in PARTICLES), "")
    if before and first:
        anchors = [n for n, k in enumerate(ordered) if _same_given(tokens[k].text, first)]
        if anchors:
            return ordered[: anchors[-1] + 1], False
    kept: list[int] = []
    for k in ordered:
        if not _fits_one(tokens[k].text, author.given):
            return kept, True
        kept.append(k)
    return kept, False


def _name_span(tokens: list[Token], idx: int, author: AuthorName, terms: BookTerms) -> list[int] | None:
    """The positions of the author's whole name around the surname at ``idx`` when the given names
    written there fit; [] when other given names are written there; None when none are."""
    before, after = _given_runs(tokens, idx, terms)
    for positions, is_before in ((before, True), (after, False)):
        kept, stranger = _side(tokens, positions, author, before=is_before)
        written = tuple(tokens[k].text for k in sorted(kept))
        real = [w for w in written if w not in PARTICLES]
        only_initials = all(len(w) == 1 for w in real)
        if real and given_fits(written, author.given) and not (stranger and only_initials):
            return sorted([*kept, idx])
        comma = not is_before and bool(after) and tokens[after[0]].gap.strip() == ","
        if real or (stranger and (is_before or comma)):
            return []  # other given names next to this surname
    return None


def author_at(tokens: list[Token], outside: set[int], author: AuthorName, terms: BookTerms) -> bool:
    for idx, token in enumerate(tokens):
        if idx not in outside or not _surname_at(token, author):
            continue
        if not author.given:
            return True
        span = _name_span(tokens, idx, author, terms)
        if span:
            return True
        if span is not None:
            continue  # other given names: another person with this surname
        exact = token.text in (author.surname, author.surname + "s") or token.text == "".join(author.tokens)
        near = {tokens[k].text for k in range(max(0, idx - 3), min(len(tokens), idx + 4)) if k != idx}
        if near & set(author.given) or author.initials in _initial_runs(tokens, idx):
            return True
        previous = tokens[idx - 1] if idx > 0 else None
        if exact and (previous is None or token.boundary or previous.text in NAME_CONNECTORS):
            return True  # "Herbert - Dune", "by Tolkien"
    return False


@lru_cache(maxsize=512)
def name_positions(tokens: tuple[Token, ...], terms: BookTerms) -> frozenset[int]:
    """Positions of every token of a wanted author's name written with fitting given names."""
    found: set[int] = set()
    listed = list(tokens)
    for author in terms.authors:
        if not author.given:
            continue
        for idx, token in enumerate(listed):
            if _surname_at(token, author):
                found.update(_name_span(listed, idx, author, terms) or ())
    return frozenset(found)


def other_author_named(tokens: list[Token], outside: set[int], terms: BookTerms) -> str | None:
    """The name after an explicit "by" that is none of the book's people, if any."""
    for idx, token in enumerate(tokens[:-1]):
        if idx not in outside or token.text != "by":
            continue
        if idx > 0 and tokens[idx - 1].text in {"read", "narrated", "performed"}:
            continue
        name: list[Token] = []
        for k in range(idx + 1, min(len(tokens), idx + 5)):
            if k > idx + 1 and (tokens[k].boundary or tokens[k].text in {"and", "narrated", "read"}):
                break
            name.append(tokens[k])
        if not name or not name[0].text.isalpha() or name[0].text in TAG_WORDS:
            continue
        everyone = set(range(len(name)))
        if any(author_at(name, everyone, a, terms) for a in terms.authors):
            continue
        if any(t.text in terms.narrator_words for t in name):
            continue
        return " ".join(t.raw for t in name)
    return None
