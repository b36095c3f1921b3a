"""Merging a multi-file book into one M4B with chapters, with ffmpeg when it is installed.

Order: track numbers when every file has a distinct one, else natural sort of the paths.
Chapter names: from file names ("01 - Name", "Chapter 1 - Name", "Part 1 - Name"), else from
title tags unless most files share one title (then it is the book title), else "Chapter N".
The result is checked (duration within 2 % of the parts); any failure means the caller keeps
the separate files. ffmpeg runs with an argument list, never through a shell.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mutagen.mp4 import MP4

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.tagging.reading import read_tags

tr = Translator("OrganizeErrors")

COPYABLE = frozenset({".m4a", ".m4b", ".mp4"})
DURATION_TOLERANCE = 0.02
_NAME_PATTERNS = (
    re.compile(r"^.*?\s-\s\d{1,4}\s-\s(?P<name>.+)$"),  # "Book - 01 - Name"
    re.compile(r"^(?:chapter|ch|part|track)\.?\s*\d{1,4}\s*[-.:_]\s*(?P<name>.+)$", re.IGNORECASE),
    re.compile(r"^\d{1,4}\s*[-._]\s*(?P<name>.+)$"),  # "01 - Name"
)
_PLACEHOLDER = re.compile(r"^(?:track|chapter|part|pt|kapitel|chapitre)?\s*\d+$", re.IGNORECASE)


class ChapterMergeError(RmabError):
    hint = tr.mark("The separate files were imported instead.")


@dataclass(frozen=True)
class AudioPart:
    path: Path
    duration: float
    track: int | None
    disc: int | None
    title: str | None
    bitrate: int | None


def natural_key(text: str) -> list[object]:
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def probe_parts(paths: list[Path], base: Path | None = None) -> list[AudioPart]:
    parts = []
    for path in paths:
        tags = read_tags(str(path))
        parts.append(
            AudioPart(
                path,
                float(tags.get("duration") or 0.0),
                tags.get("track"),
                tags.get("disc"),
                tags.get("title"),
                tags.get("bitrate"),
            )
        )
    return order_parts(parts, base)


def order_parts(parts: list[AudioPart], base: Path | None = None) -> list[AudioPart]:
    keys = [(p.disc or 1, p.track) for p in parts]
    if all(p.track for p in parts) and len(set(keys)) == len(parts):
        return sorted(parts, key=lambda p: (p.disc or 1, p.track or 0))

    def rel(p: AudioPart) -> str:
        return str(p.path.relative_to(base)) if base and p.path.is_relative_to(base) else str(p.path)

    return sorted(parts, key=lambda p: natural_key(rel(p)))


def chapter_names(parts: list[AudioPart], book_title: str) -> list[str]:
    titles = Counter(p.title for p in parts if p.title)
    shared = titles.most_common(1)[0][1] / len(parts) > 0.8 if titles and len(parts) > 1 else False
    names = []
    for index, part in enumerate(parts, start=1):
        name = _from_filename(part.path.stem)
        if (
            not name
            and part.title
            and not shared
            and part.title != book_title
            and not _PLACEHOLDER.match(part.title)
        ):
            name = part.title
        names.append(name or f"Chapter {index}")
    return names


def _from_filename(stem: str) -> str | None:
    for pattern in _NAME_PATTERNS:
        found = pattern.match(stem.strip())
        if found:
            name = found.group("name").strip()
            if name and not _PLACEHOLDER.match(name):
                return name
    return None


def _meta_escape(value: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", value)


def _ffmetadata(book: BookInfo, parts: list[AudioPart], names: list[str]) -> str:
    lines = [";FFMETADATA1", f"title={_meta_escape(book.title)}", f"album={_meta_escape(book.title)}"]
    if book.authors:
        lines += [
            f"artist={_meta_escape(', '.join(book.authors))}",
            f"album_artist={_meta_escape(', '.join(book.authors))}",
        ]
    start = 0
    for part, name in zip(parts, names, strict=True):
        end = start + round(part.duration * 1000)
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={start}",
            f"END={end}",
            f"title={_meta_escape(name)}",
        ]
        start = end
    return "\n".join(lines) + "\n"


def _concat_line(path: Path) -> str:
    return "file '" + str(path).replace("'", "'\\''") + "'"


def merge_to_m4b(
    paths: list[Path],
    book: BookInfo,
    output: Path,
    *,
    base: Path | None = None,
    ffmpeg: str | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Writes ``output`` and returns the number of chapters; raises ChapterMergeError."""
    binary = ffmpeg or shutil.which("ffmpeg")
    if not binary:
        raise ChapterMergeError(tr.mark("ffmpeg is not installed, so chapters cannot be merged"))
    parts = probe_parts(paths, base)
    if any(p.duration <= 0 for p in parts):
        raise ChapterMergeError(tr.mark("A file has no readable duration; chapters were not merged"))
    total = sum(p.duration for p in parts)
    names = chapter_names(parts, book.title)
    copy = all(p.path.suffix.lower() in COPYABLE for p in parts)
    rates = [p.bitrate for p in parts if p.bitrate]
    kbps = min(max(round(sum(rates) / len(rates) / 1000) if rates else 64, 32), 320)
    codec = ["-c:a", "copy"] if copy else ["-c:a", "aac", "-b:a", f"{kbps}k"]
    with tempfile.TemporaryDirectory(prefix="rmab-merge-") as tmp:
        listing = Path(tmp) / "list.txt"
        listing.write_text("\n".join(_concat_line(p.path.resolve()) for p in parts) + "\n", encoding="utf-8")
        meta = Path(tmp) / "meta.txt"
        meta.write_text(_ffmetadata(book, parts, names), encoding="utf-8")
        command = [
            binary,
            "-nostdin",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            str(listing),
            "-i",
            str(meta),
            "-map",
            "0:a",
            "-map_metadata",
            "1",
            "-map_chapters",
            "1",
            *codec,
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            str(output),
        ]
        timeout = max(300.0, total / 5 + 600)
        try:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                _wait(process, timeout, cancel)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
            stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            if process.returncode != 0:
                raise ChapterMergeError(tr.mark("ffmpeg failed: {reason}"), reason=stderr.strip()[-300:])
            merged = MP4(output)
            length = float(merged.info.length)  # type: ignore[attr-defined]  # mutagen declares FileType.info None
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            output.unlink(missing_ok=True)
            raise ChapterMergeError(tr.mark("Chapter merge failed: {reason}"), reason=exc) from exc
        except ChapterMergeError:
            output.unlink(missing_ok=True)
            raise
    if abs(length - total) > max(total * DURATION_TOLERANCE, 1.0):
        output.unlink(missing_ok=True)
        raise ChapterMergeError(f"Merged file lasts {length:.0f} s, the parts {total:.0f} s")
    return len(parts)


def _wait(process: subprocess.Popen[bytes], timeout: float, cancel: CancelToken | None) -> None:
    waited = 0.0
    while True:
        try:
            process.wait(timeout=0.5)
            return
        except subprocess.TimeoutExpired:
            waited += 0.5
            if cancel is not None and cancel.cancelled:
                raise ChapterMergeError(tr.mark("Chapter merge cancelled")) from None
            if waited >= timeout:
                raise ChapterMergeError(tr.mark("ffmpeg took too long")) from None
