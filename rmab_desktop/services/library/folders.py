"""Walking a library folder and reading its folder names the way Audiobookshelf does.

* A folder that directly holds audio or ebook files is one book (both formats of a book live in
  one folder); files in deeper folders belong to it.
* ``CD1``/``Disc 02``/``Disk 3`` folders merge into their parent's book.
* Audio and ebook files at the library root are each a book of their own.
* Names starting with a dot, ``@eaDir``, partial-download extensions and folders holding a
  ``.ignore`` file are skipped (so staged imports in ``.rmab-staging`` are never seen).
* Only regular files are read (a FIFO named ``x.mp3`` is skipped and reported); a symbolic
  link is followed only when it points inside the library folder (else skipped and reported),
  and linked folders are never descended (their target is scanned where it lies).
* ``Author/[Series/]Book`` levels; the book folder name carries ``Book N - ``, a year,
  ``{Narrator}`` and ``[ASIN]`` (peers-more.md 3.1, 3.2).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import BOOK_FILE_EXTENSIONS, Evidence

tr = Translator("LibraryScan")

IGNORED_EXTENSIONS = frozenset(
    {".part", ".tmp", ".crdownload", ".download", ".bak", ".old", ".temp", ".tempfile", ".!qb", ".aria2"}
)
SIDECAR_NAMES = frozenset({"metadata.json", "desc.txt", "reader.txt"})
_BOOK_SUFFIXES = tuple(BOOK_FILE_EXTENSIONS)
_DISC = re.compile(r"^(?:cd|disc|disk)\s*\d{1,3}$", re.IGNORECASE)
# An ASIN, with its label if any: "[B00B7NPRY8]", "(ASIN: B00B7NPRY8)", "ASIN B00B7NPRY8", "[0143111582]".
_ASIN_BRACKETED = re.compile(
    r"[\[(]\s*(?:asin\s*[:=_-]?\s*)?(B0[A-Z0-9]{8}|\d{9}[0-9X])\s*[\])]", re.IGNORECASE
)
_ASIN_BARE = re.compile(r"(?<![A-Za-z0-9])(?:asin[\s:=_-]*)?(B0[A-Z0-9]{8})(?![A-Za-z0-9])", re.IGNORECASE)
_REGION = re.compile(r"\[(?:us|uk|ca|au|fr|de|jp|it|in|es|br)\]", re.IGNORECASE)
_NARRATOR = re.compile(r"\{([^{}]*)\}\s*$")
_SEQUENCE = re.compile(
    r"^(?:(?:vol(?:ume)?|book|bk|part|#)\.?\s*)(\d{1,3}(?:\.\d{1,2})?)\.?$|^(\d{1,3}(?:\.\d{1,2})?)\.?$",
    re.IGNORECASE,
)
_SEQUENCE_PREFIX = re.compile(
    r"^(?:vol(?:ume)?|book|bk|#)\.?\s*(\d{1,3}(?:\.\d{1,2})?)\s*[-.:]?\s+(.+)$", re.IGNORECASE
)
_DOTTED_SEQUENCE = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)\.?\s+(\D.*)$")
_YEAR = re.compile(r"^\(?((?:1[5-9]|20)\d\d)\)?$")
_YEAR_PREFIX = re.compile(r"^\(?((?:1[5-9]|20)\d\d)\)?\s*-\s*(.+)$")


class FileEntry(NamedTuple):
    """A tuple: 250,000 of them are built per walk and sent to reader processes."""

    path: str  # absolute
    size: int
    mtime_ns: int


@dataclass
class BookFolder:
    """Audio and ebook files (``audio``) and sidecars of one book as found on disk."""

    rel: str  # relative to the root, "/"-separated; a root-level file's own name
    audio: list[FileEntry] = field(default_factory=list)
    sidecars: list[FileEntry] = field(default_factory=list)


def is_ignored(name: str) -> bool:
    """Same rule as the walk below (which inlines it for speed)."""
    if name.startswith(".") or name == "@eaDir":
        return True
    return os.path.splitext(name)[1].lower() in IGNORED_EXTENSIONS


def is_disc_folder(name: str) -> bool:
    return bool(_DISC.match(name.strip()))


def _encodable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class LibraryWalker:
    """``os.scandir`` walk that yields :class:`BookFolder` groups; names it cannot store go to ``errors``."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.errors: list[str] = []
        self.files_seen = 0
        self._real_root = os.path.realpath(root)

    def books(self, start: str | None = None) -> Iterator[BookFolder]:
        """Books below ``start`` (default: the root); a missing ``start`` holds none, and a
        root-level audio file as ``start`` is its own book."""
        top = start or self.root
        if top != self.root:
            if os.path.isdir(top):
                yield from self._visit(top, self._rel(top), inside=None)
            elif os.path.dirname(top) == self.root:
                audio, _sidecars, _dirs = self._list(self.root, only=os.path.basename(top))
                for entry in audio:
                    yield BookFolder(rel=self._rel(entry.path), audio=[entry])
            return
        audio, _sidecars, dirs = self._list(top)
        for entry in audio:  # root-level files are books of their own
            yield BookFolder(rel=self._rel(entry.path), audio=[entry])
        for path, name in dirs:
            yield from self._visit(path, name, inside=None)

    def _rel(self, path: str) -> str:
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def _list(
        self, path: str, only: str | None = None
    ) -> tuple[list[FileEntry], list[FileEntry], list[tuple[str, str]]]:
        """Audio files, sidecars and (path, name) of sub-folders; the hot loop of every rescan."""
        audio: list[FileEntry] = []
        sidecars: list[FileEntry] = []
        dirs: list[tuple[str, str]] = []
        try:
            with os.scandir(path) as it:
                for entry in it:
                    name = entry.name
                    if only is not None and name != only:
                        continue
                    if name[0] == "." or name == "@eaDir":
                        if name == ".ignore":
                            return [], [], []
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if (name.isascii() or self._storable(entry.path, name)) and not is_ignored(name):
                                dirs.append((entry.path, name))
                            continue
                        lowered = name.lower()
                        if lowered.endswith(_BOOK_SUFFIXES):
                            found = audio  # audio and ebooks make a book
                        elif lowered in SIDECAR_NAMES:
                            found = sidecars
                        else:
                            if entry.is_symlink():
                                self._outside(entry.path)  # reported, never followed
                            continue
                        if not name.isascii() and not self._storable(entry.path, name):
                            continue
                        if entry.is_file(follow_symlinks=False) or self._followable(entry.path):
                            st = entry.stat()
                            found.append(FileEntry(entry.path, st.st_size, st.st_mtime_ns))
                    except OSError as exc:
                        self.errors.append(
                            tr("{path}: {reason}").format(path=entry.path, reason=exc.strerror or exc)
                        )
        except OSError as exc:
            self.errors.append(tr("{path}: {reason}").format(path=path, reason=exc.strerror or exc))
            return [], [], []
        self.files_seen += len(audio) + len(sidecars)
        if len(dirs) > 1:
            dirs.sort()
        if len(audio) > 1:
            audio.sort()  # by path: tuples compare their first field first
        return audio, sidecars, dirs

    def _storable(self, path: str, name: str) -> bool:
        """A name the database can store (UTF-8); others are reported and skipped."""
        if _encodable(name):
            return True
        self.errors.append(tr("{path}: name is not valid UTF-8; skipped").format(path=repr(path)))
        return False

    def _outside(self, path: str) -> bool:
        """A link whose target lies outside the library folder: reported, True."""
        target = os.path.realpath(path)
        try:
            if os.path.commonpath([self._real_root, target]) == self._real_root:
                return False
        except ValueError:  # another drive (Windows)
            pass
        self.errors.append(
            tr("{path}: links to {target}, outside the library folder; skipped").format(
                path=path, target=target
            )
        )
        return True

    def _followable(self, path: str) -> bool:
        """Neither a regular file nor a directory: only a link to a file inside the library is read."""
        if os.path.islink(path):
            if self._outside(path):
                return False
            if os.path.isfile(path):
                return True
        self.errors.append(tr("{path}: not a regular file; skipped").format(path=path))
        return False

    def _visit(self, path: str, rel: str, inside: BookFolder | None) -> Iterator[BookFolder]:
        audio, sidecars, dirs = self._list(path)
        if inside is not None:  # everything below a book folder belongs to that book
            inside.audio.extend(audio)
            for sub, _name in dirs:
                yield from self._visit(sub, rel, inside)
            return
        if audio:
            book = BookFolder(rel=rel, audio=audio, sidecars=sidecars)
            for sub, name in dirs:  # disc folders merge; "Author/Series/Book 3/" beside loose files does not
                if is_disc_folder(name):
                    yield from self._visit(sub, rel, book)
                else:
                    yield from self._visit(sub, f"{rel}/{name}", None)
            yield book
            return
        disc_dirs = [d for d in dirs if is_disc_folder(d[1])]
        if disc_dirs:
            book = BookFolder(rel=rel, sidecars=sidecars)
            for sub, _name in disc_dirs:
                yield from self._visit(sub, rel, book)
            if book.audio:
                yield book
        for sub, name in dirs:
            if not disc_dirs or (sub, name) not in disc_dirs:
                yield from self._visit(sub, f"{rel}/{name}", None)


# Lower-case words that start a surname: "von Mises, Ludwig", "de la Cruz, Juana", "Le Guin, Ursula K.".
SURNAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "dos", "das", "ter",
     "ten", "zu", "st", "st.", "bin", "ibn", "al", "el", "mac", "o"}
)  # fmt: skip
_NAME_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|phd|md|obe|mbe|kbe)\.?$", re.IGNORECASE)
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.?){1,3}$")


def _surname_piece(piece: str, *, compound: bool) -> bool:
    """ "Kishimi", "von Mises", "de la Cruz" (and, when ``compound``, "García Márquez")."""
    words = piece.split()
    while len(words) > 1 and words[0].lower() in SURNAME_PARTICLES:
        words = words[1:]
    return len(words) == 1 or (compound and len(words) == 2)


def _given_piece(piece: str, *, strict: bool) -> bool:
    """ "Ichiro", "J.R.R.", "Ursula K." - or, unless ``strict``, any short piece ("Anna Maria"); a
    longer one is more likely a second person ("Homer, Robert Fagles")."""
    words = piece.split()
    if not words or len(words) > 3 or _NAME_SUFFIX.match(piece):
        return False
    if len(words) == 1 or all(_INITIAL.match(w) for w in words[1:]):
        return True
    return not strict and len(piece.replace(".", "")) <= 12


def _comma_people(pieces: list[str]) -> list[str]:
    """People from the comma-separated pieces of one name list: "Last, First" pairs are joined
    ("Kishimi, Ichiro, Koga, Fumitake"), full names stay whole ("Douglas Preston, Lincoln Child"),
    names in scripts written without spaces are each a person ("東野圭吾, 湊かなえ")."""
    if len(pieces) < 2 or any(_NO_SPACE_SCRIPT.search(p) for p in pieces):
        return pieces
    people: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        if following is not None and _NAME_SUFFIX.match(following):
            people.append(f"{piece} {following}")  # "Martin Luther King, Jr."
            i += 2
        elif following is not None and (
            (_surname_piece(piece, compound=False) and _given_piece(following, strict=False))
            or (_surname_piece(piece, compound=True) and _given_piece(following, strict=True))
        ):
            people.append(f"{following} {piece}")
            i += 2
        else:
            people.append(piece)
            i += 1
    return people


@lru_cache(maxsize=8192)  # a library repeats its authors and narrators on every book
def split_people(text: str | None) -> tuple[str, ...]:
    """``"A & B"``, ``"A, B"``, ``"A; B"`` -> names; ``"Last, First"`` becomes ``"First Last"``."""
    if not text:
        return ()
    parts = [p.strip() for p in re.split(r"\s*(?:;|&|\band\b|/|、|，)\s*", text) if p.strip()]
    names: list[str] = []
    for part in parts:
        names.extend(_comma_people([p.strip() for p in part.split(",") if p.strip()]))
    return tuple(dict.fromkeys(n for n in names if n))


def parse_book_name(name: str, has_series_folder: bool) -> dict[str, str | None]:
    """Title, ASIN, narrators, sequence and year from a book folder or file name."""
    stem = name
    if "/" not in name and os.path.splitext(name)[1].lower() in BOOK_FILE_EXTENSIONS:
        stem = os.path.splitext(name)[0]
    result: dict[str, str | None] = {"asin": None, "narrators": None, "sequence": None, "year": None}
    found = _ASIN_BRACKETED.search(stem) or _ASIN_BARE.search(stem)
    if found:
        result["asin"] = found.group(1).upper()
        stem = (stem[: found.start()] + stem[found.end() :]).strip(" -_.:")
    stem = _REGION.sub("", stem).strip()
    narr = _NARRATOR.search(stem)
    if narr:
        result["narrators"] = narr.group(1).strip() or None
        stem = stem[: narr.start()].strip()
    segments = [s.strip() for s in re.split(r"\s+-\s+", stem) if s.strip()]
    kept: list[str] = []
    for index, segment in enumerate(segments):
        seq = _SEQUENCE.match(segment)
        if seq and result["sequence"] is None and (has_series_folder or seq.group(1)) and len(segments) > 1:
            result["sequence"] = seq.group(1) or seq.group(2)
            continue
        year = _YEAR.match(segment)
        if year and result["year"] is None and len(segments) > 1 and index < len(segments) - 1:
            result["year"] = year.group(1)
            continue
        kept.append(segment)
    if kept and has_series_folder and result["sequence"] is None:
        dotted = _DOTTED_SEQUENCE.match(kept[0])  # ABS: "1. Title" / "01 Title" in a series folder
        if dotted:
            result["sequence"], kept[0] = dotted.group(1), dotted.group(2)
    if kept:
        prefixed = _SEQUENCE_PREFIX.match(kept[0])
        if prefixed and result["sequence"] is None:
            result["sequence"], kept[0] = prefixed.group(1), prefixed.group(2)
        year_prefixed = _YEAR_PREFIX.match(kept[0])
        if year_prefixed and result["year"] is None:
            result["year"], kept[0] = year_prefixed.group(1), year_prefixed.group(2)
    result["title"] = " - ".join(kept).strip() or None
    result["raw"] = stem
    return result


def folder_evidence(rel: str) -> Evidence:
    """Evidence from the path levels: ``Author/[Series/]Book``; higher levels are ignored."""
    parts = [p for p in rel.split("/") if p]
    if not parts:
        return Evidence(source="folder")
    has_series = len(parts) >= 3
    parsed = parse_book_name(parts[-1], has_series)
    author = parts[-3] if has_series else (parts[-2] if len(parts) == 2 else None)
    series = parts[-2] if has_series else None
    year = parsed.get("year")
    return Evidence(
        source="folder",
        title=parsed.get("title"),
        authors=split_people(author),
        narrators=split_people(parsed.get("narrators")),
        series=series,
        series_position=parsed.get("sequence"),
        asin=parsed.get("asin"),
        year=int(year) if year else None,
        raw=parsed.get("raw"),
    )
