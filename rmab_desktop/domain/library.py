"""Books found in a library, matches against wanted books, and import results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rmab_desktop.domain.books import BookInfo

AUDIO_EXTENSIONS = frozenset(
    {
        ".m4b",
        ".m4a",
        ".mp3",
        ".flac",
        ".ogg",
        ".oga",
        ".opus",
        ".mp4",
        ".aac",
        ".wma",
        ".wav",
        ".aiff",
        ".aif",
    }
)
# Ebook formats imported, scanned and shown beside the audio (best first, as the ranker prefers them).
EBOOK_EXTENSIONS = frozenset({".epub", ".azw3", ".azw", ".mobi", ".pdf"})
EBOOK_FORMAT_ORDER = ("epub", "azw3", "azw", "mobi", "pdf")
# Files that make a folder a book: audio and ebooks.
BOOK_FILE_EXTENSIONS = AUDIO_EXTENSIONS | EBOOK_EXTENSIONS


def is_ebook(path: str) -> bool:
    dot = path.rfind(".")
    return dot >= 0 and path[dot:].lower() in EBOOK_EXTENSIONS


@dataclass(frozen=True)
class Evidence:
    """What one source (folder names, embedded tags, sidecar files) says about a book.

    Sources are kept apart so the matcher can notice when they contradict each other.
    """

    source: str  # "folder" | "tags" | "sidecar"
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    series: str | None = None
    series_position: str | None = None
    asin: str | None = None
    year: int | None = None
    raw: str | None = None  # the unparsed folder or file name, for title candidates

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "narrators": list(self.narrators),
            "series": self.series,
            "series_position": self.series_position,
            "asin": self.asin,
            "year": self.year,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            source=str(data.get("source") or "tags"),
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            authors=tuple(data.get("authors") or ()),
            narrators=tuple(data.get("narrators") or ()),
            series=data.get("series"),
            series_position=data.get("series_position"),
            asin=data.get("asin"),
            year=data.get("year"),
        )


@dataclass(frozen=True)
class LibraryBook:
    """One book in a library: a folder of audio (disc folders merged), or a loose file at the root.

    The display fields are the merged view (sidecar > tags > folder, like Audiobookshelf);
    ``evidence`` keeps each source separately for matching.
    """

    path: str  # relative to the library root, "/"-separated
    title: str
    authors: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    series: str | None = None
    series_position: str | None = None
    asin: str | None = None
    subtitle: str | None = None
    year: int | None = None
    files: int = 0
    duration_seconds: float | None = None
    format: str | None = None  # the audio format; None for an ebook-only book
    size_bytes: int = 0
    evidence: tuple[Evidence, ...] = ()
    id: int | None = None
    ebook_formats: tuple[str, ...] = ()  # "epub", "pdf" ... beside (or instead of) the audio

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "narrators": list(self.narrators),
            "series": self.series,
            "series_position": self.series_position,
            "asin": self.asin,
            "year": self.year,
            "files": self.files,
            "duration_seconds": round(self.duration_seconds, 3) if self.duration_seconds else None,
            "format": self.format,
            "ebook_formats": list(self.ebook_formats),
            "size_bytes": self.size_bytes,
        }


@dataclass(frozen=True)
class WantedBook:
    """A book someone wants (a request or a catalog entry), identified by ``id``."""

    id: str
    book: BookInfo

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WantedBook:
        return cls(id=str(data.get("id")), book=BookInfo.from_json(data))


@dataclass(frozen=True)
class Match:
    """``path`` is set only for an automatic link; a suggestion keeps it None and names it in ``reason``."""

    id: str
    path: str | None
    confidence: float
    reason: str
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class ScanStats:
    root: str
    books: int
    files: int
    files_read: int
    files_unchanged: int
    files_removed: int
    books_changed: int
    seconds: float
    errors: tuple[str, ...] = ()
    cancelled: bool = False


@dataclass(frozen=True)
class ImportedFile:
    source: str
    target: str  # relative to the library root
    size_bytes: int
    sha256: str | None = None


@dataclass(frozen=True)
class ImportResult:
    target_path: str  # book folder relative to the library root
    absolute_path: str
    mode: str
    files: tuple[ImportedFile, ...] = ()
    sidecars: tuple[str, ...] = ()
    dry_run: bool = False
    already_present: bool = False
    tagged: bool = False
    merged: bool = False
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "target_path": self.target_path,
            "absolute_path": self.absolute_path,
            "mode": self.mode,
            "dry_run": self.dry_run,
            "already_present": self.already_present,
            "tagged": self.tagged,
            "merged": self.merged,
            "files": [
                {"source": f.source, "target": f.target, "size_bytes": f.size_bytes, "sha256": f.sha256}
                for f in self.files
            ],
            "sidecars": list(self.sidecars),
            "warnings": list(self.warnings),
        }
