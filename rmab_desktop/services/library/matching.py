"""Linking library books to wanted books without ever linking the wrong one.

Each source of a library book (folder names, tags, sidecar) is judged on its own against the
wanted book: ASIN, title, authors, series position, narrators. A link needs agreement and no
contradiction: a source that names another title, another author or another ASIN turns a
would-be link into a *suggestion* (``path`` None, confidence below the threshold, the candidate
named in ``reason``). Titles are compared as whole keys, never by containment ("She" is not
"She and Allan"); a title may drop a subtitle only when what it drops cannot tell two books
apart (no numbers, parts or edition words) or is explained by series metadata.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.library import Evidence, LibraryBook, Match, WantedBook
from rmab_desktop.services.library.normalize import (
    ARTICLES,
    NUMBER_WORDS,
    key,
    name_parts,
    person_role,
    position_key,
    same_person,
    strip_marks,
    strip_noise,
    tokens,
)

LINK_THRESHOLD = 0.85
EDITION_PENALTY = 0.05  # another edition of the wanted work links, below the wanted edition itself
TRUNCATED_BYTES = 180
MAX_SUGGESTION_CANDIDATES = 200
_FILLER = frozenset(
    [
        "book",
        "books",
        "volume",
        "vol",
        "part",
        "no",
        "number",
        "series",
        "a",
        "an",
        "the",
        "of",
        "and",
        "novel",
        "edition",
        "episode",
        "tome",
        "band",
        "#",
    ]
)
_DISTINGUISHING = frozenset(
    [
        "part",
        "parts",
        "collection",
        "omnibus",
        "complete",
        "boxed",
        "box",
        "set",
        "trilogy",
        "duology",
        "saga",
        "abridged",
        "dramatized",
        "dramatised",
        "dramatisation",
        "dramatization",
        "adaptation",
        "radio",
        "cast",
        "sampler",
        "excerpt",
        "summary",
        "volume",
        "vol",
        "episode",
        "chapters",
        "season",
    ]
)
_NUMBER_WORDS = NUMBER_WORDS | {"first", "second", "third", "fourth", "fifth"}
_GENERIC = re.compile(
    r"^(?:unknown|untitled|audiobooks?|audio ?book|new folder|various|track\s*\d*|chapter\s*\d*|"
    r"disc\s*\d*|disk\s*\d*|cd\s*\d*|part\s*\d*|book\s*\d*|vol(?:ume)?\.?\s*\d*|\d+)$",
    re.IGNORECASE,
)
_RELEASE_NOISE = frozenset(
    [
        "mp3",
        "m4b",
        "m4a",
        "aac",
        "flac",
        "ogg",
        "opus",
        "unabridged",
        "audiobook",
        "audio",
        "retail",
        "kbps",
        "vbr",
        "cbr",
        "webrip",
        "read",
        "by",
        "narrated",
        "ungekurzt",
    ]
)
_YEAR_WORD = re.compile(r"^(?:1[5-9]|20)\d\d$")
_ASIN_ONLY = re.compile(r"^(?:B0[A-Z0-9]{8}|\d{9}[\dX])$")
_EDITION = {
    "abridged": re.compile(r"(?<!un)abridged|gekürzt(?!\w)", re.IGNORECASE),
    "dramatized": re.compile(r"dramati[sz]|radio (?:play|drama)|full[- ]cast|hörspiel", re.IGNORECASE),
}
_SPLIT = re.compile(r"\s*(?::|\s-\s|\(|\)|\[|\]|,\s+(?=(?:book|vol|volume|part)\b))\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Form:
    key: str
    dropped: tuple[str, ...] = ()  # folded tokens of the text left out of this form
    leading: bool = False  # the dropped text came before the kept part

    @property
    def full(self) -> bool:
        return not self.dropped


@lru_cache(maxsize=65536)
def title_forms(title: str | None, subtitle: str | None = None) -> tuple[_Form, ...]:
    """The whole title (with subtitle) plus shorter forms that drop trailing or leading parts."""
    if not title:
        return ()
    text = strip_noise(title)
    full_text = f"{text}: {strip_noise(subtitle)}" if subtitle else text
    parts = [p for p in _SPLIT.split(full_text) if p and p.strip()]
    forms = {key(full_text): _Form(key(full_text))}
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            if start == 0 and end == len(parts):
                continue
            kept = key(" ".join(parts[start:end]))
            dropped = tokens(" ".join(parts[:start] + parts[end:]))
            if kept and (kept not in forms or len(dropped) < len(forms[kept].dropped)):
                forms[kept] = _Form(kept, dropped, leading=start > 0)
    forms.pop("", None)
    return tuple(forms.values())


@dataclass(frozen=True)
class _Context:
    """Metadata that can explain a dropped title part: series names, positions, author names."""

    series: tuple[str, ...]
    positions: tuple[str, ...]
    people: tuple[str, ...]


def _explained(form: _Form, own: _Context, other: _Context) -> str | None:
    """'' when the dropped part is only metadata, 'subtitle' when harmless, None when distinguishing."""
    if form.full:
        return ""
    known = set(_FILLER)
    for text in (*own.series, *other.series, *own.people, *other.people):
        known.update(tokens(text))
    allowed_numbers = {p for p in other.positions if p}
    own_series = {t for text in own.series for t in tokens(text)} - _FILLER
    if own_series and own_series <= set(form.dropped):
        allowed_numbers.update(p for p in own.positions if p)  # "Mistborn, Book 1" is metadata
    rest: list[str] = []
    numbers: list[str] = []
    words = list(form.dropped)
    index = 0
    while index < len(words):
        word = words[index]
        if word in _NUMBER_WORDS:
            run = [word]
            while index + 1 < len(words) and words[index + 1] in _NUMBER_WORDS:
                index += 1
                run.append(words[index])
            numbers.append(position_key(" ".join(run)) or "")
        elif word not in known:
            rest.append(word)
        index += 1
    if any(n not in allowed_numbers for n in numbers):
        return None
    if not rest:
        return ""
    if form.leading or any(w in _DISTINGUISHING for w in rest):
        return None
    return "subtitle"


def _title_verdict(
    wanted_forms: list[_Form], lib_forms: list[_Form], wctx: _Context, lctx: _Context
) -> str | None:
    """'exact' | 'metadata' | 'subtitle' | None (no acceptable pair of forms)."""
    best: str | None = None
    rank = {"exact": 3, "metadata": 2, "subtitle": 1}
    lib_by_key = {f.key: f for f in lib_forms}
    for wf in wanted_forms:
        lf = lib_by_key.get(wf.key)
        if lf is None:
            continue
        w_ok = _explained(wf, wctx, lctx)
        l_ok = _explained(lf, lctx, wctx)
        if w_ok is None or l_ok is None:
            continue
        if wf.full and lf.full:
            verdict = "exact"
        elif not w_ok and not l_ok:
            verdict = "metadata"
        elif wf.full or lf.full:
            verdict = "subtitle"
        else:
            continue
        if best is None or rank[verdict] > rank[best]:
            best = verdict
    return best


def _authors_verdict(wanted: Sequence[str], wanted_narrators: Sequence[str], found: Sequence[str]) -> str:
    """'match' | 'mismatch' | 'unknown'; translators/editors count, narrators-as-artist do not clash."""
    if not wanted or not found:
        return "unknown"
    names = [person_role(w)[0] for w in wanted]
    for candidate in found:
        if any(same_person(candidate, n) for n in names):
            return "match"
    if all(any(same_person(c, n) for n in wanted_narrators) for c in found):
        return "unknown"
    return "mismatch"


_GROUP_NARRATORS = re.compile(
    r"full[- ]cast|various|multiple|\bcast\b|et al|virtual voice|uncredited", re.IGNORECASE
)


def _people_overlap(a: Sequence[str], b: Sequence[str]) -> str:
    if not a or not b or any(_GROUP_NARRATORS.search(n) for n in (*a, *b)):
        return "unknown"
    return "match" if any(same_person(x, y) for x in a for y in b) else "mismatch"


def _editions(texts: Iterable[str | None]) -> frozenset[str]:
    joined = " ".join(t for t in texts if t)
    return frozenset(name for name, pattern in _EDITION.items() if pattern.search(joined))


def _raw_words(text: str) -> list[str]:
    """Words as written (digits kept as digits), folded; "128kbps" -> "128", "kbps"."""
    folded = strip_marks(unicodedata.normalize("NFKC", text).casefold())
    return re.findall(r"\d+|[^\W\d_]+", re.sub(r"['’`]", "", folded))


def _is_generic(title: str | None) -> bool:
    if not title:
        return True
    text = title.strip()
    return bool(_GENERIC.match(text) or _ASIN_ONLY.match(text)) or not key(text)


@dataclass(frozen=True)
class _SourceView:
    evidence: Evidence
    forms: list[_Form]
    generic: bool
    truncated: bool  # a folder name near the 255-byte limit may have lost the end of its title


@dataclass(frozen=True)
class _LibView:
    book: LibraryBook
    sources: list[_SourceView]
    asins: dict[str, str]  # upper-case ASIN -> source
    editions: frozenset[str]


def _lib_view(book: LibraryBook) -> _LibView:
    evidence = list(book.evidence) or [
        Evidence(
            source="tags",
            title=book.title,
            subtitle=book.subtitle,
            authors=book.authors,
            narrators=book.narrators,
            series=book.series,
            series_position=book.series_position,
            asin=book.asin,
        )
    ]
    sources = []
    for ev in evidence:
        forms = list(title_forms(ev.title, ev.subtitle))
        if ev.source == "folder" and ev.raw and ev.raw != ev.title:
            known = {f.key for f in forms}
            forms += [f for f in title_forms(ev.raw) if f.key not in known]
        truncated = ev.source == "folder" and len((ev.raw or "").encode("utf-8")) >= TRUNCATED_BYTES
        sources.append(_SourceView(ev, forms, _is_generic(ev.title), truncated))
    asins = {ev.asin.upper(): ev.source for ev in evidence if ev.asin}
    editions = _editions(t for ev in evidence for t in (ev.title, ev.subtitle, ev.raw))
    return _LibView(book, sources, asins, editions)


@dataclass(frozen=True)
class _Verdict:
    confidence: float
    reason: str


class _Judge:
    """Compares one wanted book with one library book."""

    def __init__(self, wanted: BookInfo) -> None:
        self.wanted = wanted
        self.forms = list(title_forms(wanted.title, wanted.subtitle))
        self.context = _Context(
            series=(wanted.series,) if wanted.series else (),
            positions=(position_key(wanted.series_position) or "",),
            people=tuple(person_role(a)[0] for a in wanted.authors),
        )
        self.editions = _editions((wanted.title, wanted.subtitle))
        self.asin = (wanted.asin or "").upper() or None

    def title_of(self, src: _SourceView) -> str | None:
        ev = src.evidence
        lctx = _Context(
            series=(ev.series,) if ev.series else (),
            positions=(position_key(ev.series_position) or "",),
            people=ev.authors,
        )
        verdict = _title_verdict(self.forms, src.forms, self.context, lctx)
        if verdict is None and src.truncated and self._is_prefix(src.forms):
            verdict = "subtitle"
        if verdict is None and self._release_name_holds_title(ev):
            verdict = "metadata"
        return verdict

    def _release_name_holds_title(self, ev: Evidence) -> bool:
        """A release-style name ("Author.Name-Title.2006.MP3", "Mistborn 1 The Final Empire") holds
        the title when every other word is the author, narrator, series, a year, the series
        number or release noise."""
        words = _raw_words(ev.raw or ev.title or "")
        title = _raw_words(self.wanted.title)
        if title and title[0] in ARTICLES and len(title) > 1 and title[1:] == words[: len(title) - 1]:
            title = title[1:]
        span = next(
            (i for i in range(len(words) - len(title) + 1) if words[i : i + len(title)] == title), None
        )
        if not title or span is None:
            return False
        known = set(_FILLER) | _RELEASE_NOISE
        for text in (
            *self.wanted.authors,
            *self.wanted.narrators,
            self.wanted.series or "",
            self.wanted.subtitle or "",
        ):
            known.update(_raw_words(text))
        position = position_key(self.wanted.series_position)
        rest = words[:span] + words[span + len(title) :]
        for word in rest:
            if word.isdigit():
                if not (_YEAR_WORD.match(word) or (position and position_key(word) == position)):
                    return False
            elif word not in known:
                return False
        return True

    def authors_of(self, ev: Evidence) -> str:
        verdict = _authors_verdict(self.wanted.authors, self.wanted.narrators, ev.authors)
        if ev.source == "folder" and not ev.authors and ev.raw:
            segments = [s.strip() for s in re.split(r"\s+-\s+", ev.raw)]
            if any(same_person(s, a) for s in segments for a in self.context.people):
                verdict = "match"
        return verdict

    def judge(self, lib: _LibView) -> _Verdict | None:
        titles: dict[str, str | None] = {}
        authors: dict[str, str] = {}
        problems: list[tuple[str, str]] = []  # (source, what it says)
        for src in lib.sources:
            ev = src.evidence
            name = ev.source
            if not src.generic or key(ev.title or "") == key(self.wanted.title):  # "1984" is a title
                titles[name] = self.title_of(src)
                if titles[name] is None:
                    problems.append((name, f"{name} title is '{ev.title}'"))
            verdict = self.authors_of(ev)
            authors[name] = verdict
            if verdict == "mismatch" and name != "folder":
                problems.append((name, f"{name} author is {', '.join(ev.authors)}"))
            wanted_pos = position_key(self.wanted.series_position)
            found_pos = position_key(ev.series_position)
            if wanted_pos and found_pos and wanted_pos != found_pos and self._same_series(ev.series):
                problems.append((name, f"{name} says book {ev.series_position} of the series"))
        asin_source = lib.asins.get(self.asin) if self.asin else None
        other_asins = sorted(a for a in lib.asins if a != self.asin)
        title_hits = [v for v in titles.values() if v]
        author_match = "match" in authors.values()
        folder_author_clash = authors.get("folder") == "mismatch"
        label = f"'{lib.book.title}' at {lib.book.path}"

        if asin_source:
            return self._by_asin(asin_source, problems, bool(title_hits), authors.get("folder"), label)
        if not title_hits:
            return self._near_miss(lib, author_match, label)
        if problems:
            return _Verdict(0.45, f"title matches {label}, but {'; '.join(p for _, p in problems)}")
        if self.editions != lib.editions:
            diff = ", ".join(sorted(self.editions ^ lib.editions))
            return _Verdict(0.6, f"title matches {label}, but one of them is {diff}")
        narrators = _people_overlap(
            self.wanted.narrators, [n for s in lib.sources for n in s.evidence.narrators]
        )
        best_title = max(title_hits, key=["subtitle", "metadata", "exact"].index)
        if not author_match:
            if any(v == "mismatch" for v in authors.values()):
                return _Verdict(0.4, f"title matches {label}, but the author differs")
            if other_asins and self.asin:
                return _Verdict(
                    0.6,
                    f"title matches {label}, but it carries ASIN {other_asins[0]} and no author confirms it",
                )
            distinctive = (
                best_title == "exact" and len([t for t in tokens(self.wanted.title) if t not in _FILLER]) >= 3
            )
            if narrators == "match" or distinctive:
                return _Verdict(0.86, f"title matches {label} ({best_title}); no author to compare")
            return _Verdict(0.75, f"title matches {label}, but no author to confirm it")
        confidence = {"exact": 0.93, "metadata": 0.92, "subtitle": 0.88}[best_title]
        confidence += 0.02 * min(len(title_hits) - 1, 2)
        reason = f"title ({best_title}) and author match"
        if narrators == "match":
            confidence += 0.02
            reason += ", narrator agrees"
        other_edition = [f"ASIN {other_asins[0]}"] if other_asins and self.asin else []
        other_edition += ["another narrator"] if narrators == "mismatch" else []
        if other_edition:
            # Every request accepts any edition of the work (requests record the edition they were
            # made from, never a narration the user insisted on): another edition counts as having
            # it, ranked below the wanted edition so that one wins when both are present.
            confidence -= EDITION_PENALTY
            reason += f"; another edition of the work ({', '.join(other_edition)})"
        if folder_author_clash:
            confidence -= 0.05
            reason += "; folder above it is not the author"
        return _Verdict(min(confidence, 0.98), reason)

    def _by_asin(
        self,
        source: str,
        problems: list[tuple[str, str]],
        title_agrees: bool,
        folder_author: str | None,
        label: str,
    ) -> _Verdict:
        """The wanted ASIN is there. Embedded metadata (tags, sidecar) carrying it outweighs a folder
        name that says something else ("Incoming/abc123"), unless the folder sits under the wanted
        author and so names another of their books; contradicting metadata never does."""
        folder_counts = source == "folder" or folder_author == "match"
        blocking = [p for where, p in problems if where != "folder" or folder_counts]
        if blocking:
            return _Verdict(0.5, f"ASIN {self.asin} found in {source} of {label}, but {'; '.join(blocking)}")
        reason = f"ASIN {self.asin} in {source}" + (", title agrees" if title_agrees else "")
        if problems:
            reason += f" (the folder name says otherwise: {'; '.join(p for _, p in problems)})"
        return _Verdict(0.99, reason)

    def _is_prefix(self, forms: list[_Form]) -> bool:
        wanted = [f.key for f in self.forms if f.full]
        return any(len(f.key) >= 20 and w.startswith(f.key) for f in forms for w in wanted)

    def _same_series(self, series: str | None) -> bool:
        if not series or not self.wanted.series:
            return True
        return fuzz.token_set_ratio(key(series), key(self.wanted.series)) >= 80

    def _near_miss(self, lib: _LibView, author_match: bool, label: str) -> _Verdict | None:
        if not author_match:
            return None
        wanted_key = key(self.wanted.title)
        best = max(
            (fuzz.ratio(wanted_key, f.key) for s in lib.sources for f in s.forms if f.full), default=0.0
        )
        if best >= 85:
            return _Verdict(0.5, f"same author, similar title {label}")
        return None


def _index_keys(view: _LibView) -> tuple[set[str], set[str], set[str]]:
    forms = {f.key for src in view.sources for f in src.forms}
    surnames = {parts[-1] for src in view.sources for a in src.evidence.authors if (parts := name_parts(a))}
    return forms, surnames, set(view.asins)


def _same_author(
    authors: Sequence[str], by_surname: dict[str, set[int]], library: Sequence[LibraryBook]
) -> set[int]:
    found: set[int] = set()
    for author in authors:
        name = person_role(author)[0]
        parts = name_parts(name)
        if not parts:
            continue
        for index in sorted(by_surname.get(parts[-1], ())):
            book = library[index]
            names = {a for ev in book.evidence for a in ev.authors} or set(book.authors)
            if any(same_person(name, other) for other in names):
                found.add(index)
                if len(found) >= MAX_SUGGESTION_CANDIDATES:
                    return found
    return found


def match_books(wanted: Sequence[WantedBook], library: Sequence[LibraryBook]) -> list[Match]:
    """One :class:`Match` per wanted book, in order. ``path`` is set only for a confident, unique link."""
    views = [_lib_view(b) for b in library]
    by_form: dict[str, set[int]] = defaultdict(set)
    by_surname: dict[str, set[int]] = defaultdict(set)
    by_asin: dict[str, set[int]] = defaultdict(set)
    for index, view in enumerate(views):
        forms, surnames, asins = _index_keys(view)
        for f in forms:
            by_form[f].add(index)
        for s in surnames:
            by_surname[s].add(index)
        for a in asins:
            by_asin[a].add(index)

    scored: list[list[tuple[_Verdict, int]]] = []
    for item in wanted:
        judge = _Judge(item.book)
        candidates: set[int] = set()
        if judge.asin:
            candidates |= by_asin.get(judge.asin, set())
        for form in judge.forms:
            candidates |= by_form.get(form.key, set())
        if not candidates:  # only for "similar title by the same author" suggestions
            candidates = _same_author(item.book.authors, by_surname, library)
        results = [(v, i) for i in candidates if (v := judge.judge(views[i])) is not None]
        results.sort(key=lambda r: (-r[0].confidence, library[r[1]].path))
        scored.append(results)

    # A library book links to one wanted book at most: the most confident claim wins, ties link nothing.
    claims: dict[int, list[float]] = defaultdict(list)
    for results in scored:
        if results and results[0][0].confidence >= LINK_THRESHOLD:
            claims[results[0][1]].append(results[0][0].confidence)

    matches: list[Match] = []
    for item, results in zip(wanted, scored, strict=True):
        matches.append(_decide(item, results, library, claims))
    return matches


def _decide(
    item: WantedBook,
    results: list[tuple[_Verdict, int]],
    library: Sequence[LibraryBook],
    claims: dict[int, list[float]],
) -> Match:
    if not results:
        return Match(item.id, None, 0.0, "no library book has this ASIN or title")
    verdict, index = results[0]
    path = library[index].path
    if verdict.confidence < LINK_THRESHOLD:
        return Match(item.id, None, verdict.confidence, f"suggestion: {verdict.reason}", suggestion=path)
    rivals = [library[i].path for v, i in results[1:] if v.confidence >= verdict.confidence - 0.005]
    if rivals:
        capped = min(verdict.confidence, LINK_THRESHOLD - 0.05)
        return Match(
            item.id, None, capped, f"ambiguous: {path} and {rivals[0]} match equally well", suggestion=path
        )
    rival_claims = sorted(claims.get(index, []), reverse=True)
    if len(rival_claims) > 1 and (
        rival_claims[0] > verdict.confidence or rival_claims[0] - rival_claims[1] < 0.005
    ):
        capped = min(verdict.confidence, LINK_THRESHOLD - 0.05)
        return Match(
            item.id,
            None,
            capped,
            f"{path} also matches another wanted book as well or better",
            suggestion=path,
        )
    return Match(item.id, path, verdict.confidence, verdict.reason)


def wrong_content(wanted: BookInfo, tags: Evidence) -> str | None:
    """Why downloaded files are clearly another book (their tags name another title *and*
    another author, or another ASIN and another title), or None. Missing tags prove nothing."""
    judge = _Judge(wanted)
    view = _lib_view(LibraryBook(path="download", title=tags.title or "", evidence=(tags,)))
    source = view.sources[0]
    if source.generic:
        return None
    title_differs = judge.title_of(source) is None
    author_differs = judge.authors_of(tags) == "mismatch"
    asin_differs = bool(judge.asin and tags.asin and tags.asin.upper() != judge.asin)
    if title_differs and (author_differs or asin_differs):
        who = f" by {', '.join(tags.authors)}" if tags.authors else ""
        return f"the files are tagged as '{tags.title}'{who}" + (
            f" (ASIN {tags.asin})" if asin_differs else ""
        )
    return None
