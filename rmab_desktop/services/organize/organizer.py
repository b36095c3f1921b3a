"""``organize_book``: from a finished download to a tagged book folder in the library.

Audio is found recursively (clutter, samples, zero-byte and partial files skipped), ordered by
track numbers or natural sort, optionally merged into one M4B with chapters, named
``Title.ext`` or ``Title - ptNN.ext``, and imported through the staged :class:`Importer`.
The download itself is never modified (copies and merges are made from it).
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from mutagen import File as MutagenFile
from mutagen import MutagenError

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import AUDIO_EXTENSIONS, ImportedFile, ImportResult
from rmab_desktop.services.library.folders import is_ignored
from rmab_desktop.services.organize.importer import (
    MODES,
    STAGING_DIR,
    Importer,
    ImportPlan,
    PlannedFile,
    ProgressFn,
    SourceMissingError,
)
from rmab_desktop.services.organize.safe_names import MAX_COMPONENT_BYTES, inside_root, safe_component
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, render
from rmab_desktop.services.tagging.chapters import ChapterMergeError, merge_to_m4b, probe_parts
from rmab_desktop.services.tagging.sidecars import COVER_NAMES, IMAGE_EXTENSIONS, sidecar_files

tr = Translator("OrganizeErrors")

log = logging.getLogger(__name__)

MAX_COVER_BYTES = 20 * 1024 * 1024
_SAMPLE = re.compile(r"(?:^|[\W_])sample(?:$|[\W_])", re.IGNORECASE)


class NoAudioError(SourceMissingError):
    hint = tr.mark("The download holds no audio files (wrong content, or an archive that was not unpacked).")


@dataclass(frozen=True)
class OrganizeOptions:
    template: str = DEFAULT_TEMPLATE
    mode: str = "copy"
    tag: bool = True
    sidecars: bool = True
    merge_chapters: bool = False


@dataclass
class _Found:
    audio: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def find_audio(source: Path) -> _Found:
    """Audio files under ``source`` (or ``source`` itself), without clutter."""
    found = _Found()
    if source.is_file():
        found.audio.append(source)
        return found
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames if not is_ignored(d))
        for name in filenames:
            path = Path(dirpath) / name
            if is_ignored(name) or path.suffix.lower() not in AUDIO_EXTENSIONS:
                continue
            if path.stat().st_size == 0:
                found.skipped.append(tr("{file}: empty file skipped").format(file=name))
                continue
            found.audio.append(path)
    samples = [p for p in found.audio if _SAMPLE.search(p.stem)]
    if samples and len(samples) < len(found.audio):
        for path in samples:
            found.audio.remove(path)
            found.skipped.append(tr("{file}: sample skipped").format(file=path.name))
    return found


def find_cover(source: Path, audio: list[Path]) -> bytes | None:
    folder = source if source.is_dir() else source.parent
    images = sorted(
        (p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_EXTENSIONS and not is_ignored(p.name)),
        key=lambda p: (p.stem.lower() not in COVER_NAMES, len(p.parts), str(p)),
    )
    for image in images:
        if 0 < image.stat().st_size <= MAX_COVER_BYTES and image.suffix.lower() != ".webp":
            return image.read_bytes()
    return _embedded_cover(audio[0]) if audio else None


def _embedded_cover(path: Path) -> bytes | None:
    try:
        audio = MutagenFile(path)
    except (MutagenError, OSError):
        return None
    tags = getattr(audio, "tags", None)
    if tags is None:
        return None
    if hasattr(tags, "getall"):
        pictures = tags.getall("APIC")
        return bytes(pictures[0].data) if pictures else None
    if tags.get("covr"):
        return bytes(tags["covr"][0])
    pictures = getattr(audio, "pictures", None)
    return bytes(pictures[0].data) if pictures else None


def file_name(title: str, index: int, total: int, extension: str) -> str:
    """``Title.m4b`` or ``Title - pt01.mp3``; the part number survives any length limit."""
    ext = extension.lower()
    suffix = f" - pt{index:0{max(2, len(str(total)))}d}" if total > 1 else ""
    budget = MAX_COMPONENT_BYTES - len(suffix.encode()) - len(ext.encode())
    return safe_component(title, max_bytes=budget, fallback="Audiobook") + suffix + ext


def check_import(source: Path, library_root: Path, options: OrganizeOptions) -> None:
    """The checks every import plan starts with: a known mode, the source, the library folder."""
    if options.mode not in MODES:
        raise ValidationError(
            tr.mark("Unknown import mode '{mode}' (use copy, hardlink or move)"), mode=options.mode
        )
    if not source.exists():
        raise SourceMissingError(tr.mark("{source} does not exist"), source=source)
    if not library_root.is_dir():
        raise ValidationError(
            tr.mark("Library folder {library_root} does not exist"),
            hint=tr.mark("Choose it in Settings > Library."),
            library_root=library_root,
        )


def plan_book(
    source: Path, book: BookInfo, library_root: Path, options: OrganizeOptions, cover: bytes | None = None
) -> ImportPlan:
    check_import(source, library_root, options)
    found = find_audio(source)
    if not found.audio:
        raise NoAudioError(tr.mark("No audio files in {source}"), source=source)
    base = source if source.is_dir() else source.parent
    parts = probe_parts(found.audio, base)
    total = len(parts)
    files = tuple(
        PlannedFile(
            p.path,
            file_name(book.title, i, total, p.path.suffix),
            track=i if total > 1 else None,
            total=total,
        )
        for i, p in enumerate(parts, start=1)
    )
    target_rel = render(options.template, book)
    target = inside_root(library_root, target_rel)
    cover = cover if cover is not None else find_cover(source, found.audio)
    sidecars = sidecar_files(book, cover, metadata=options.sidecars)
    return ImportPlan(
        join_existing=target.is_dir() and not holds_audio(target),  # its ebook came first
        library_root=library_root,
        target_rel=target_rel,
        book=book,
        files=files,
        sidecars=sidecars,
        mode=options.mode,
        tag=options.tag,
        cover=cover,
        warnings=tuple(found.skipped),
    )


def preview(plan: ImportPlan) -> ImportResult:
    """What importing ``plan`` would place where, without touching anything (a dry run)."""
    return ImportResult(
        target_path=plan.target_rel,
        absolute_path=str(plan.library_root.resolve() / plan.target_rel),
        mode=plan.mode,
        files=tuple(
            ImportedFile(str(f.source), f"{plan.target_rel}/{f.name}", f.source.stat().st_size)
            for f in plan.files
        ),
        sidecars=tuple(plan.sidecars),
        dry_run=True,
        warnings=plan.warnings,
    )


def holds_audio(folder: Path) -> bool:
    """True when ``folder`` (an existing book folder) has audio files anywhere below it."""
    return folder.is_dir() and bool(find_audio(folder).audio)


def _merged_plan(plan: ImportPlan, source: Path, cancel: CancelToken | None) -> ImportPlan:
    """The plan with its parts replaced by one merged M4B, or the plan unchanged (with a warning)."""
    extensions = {f.source.suffix.lower() for f in plan.files}
    if len(plan.files) < 2 or len(extensions) != 1:
        return plan
    staging = plan.library_root / STAGING_DIR
    staging.mkdir(parents=True, exist_ok=True)
    output = staging / f"merge-{uuid.uuid4().hex[:12]}.m4b"
    base = source if source.is_dir() else source.parent
    try:
        chapters = merge_to_m4b([f.source for f in plan.files], plan.book, output, base=base, cancel=cancel)
    except ChapterMergeError as exc:
        return replace(plan, warnings=(*plan.warnings, f"{exc.user_message} {exc.user_hint}"))
    merged = PlannedFile(output, file_name(plan.book.title, 1, 1, ".m4b"), owned=True)
    note = tr.n("Merged %n file(s) into one M4B; chapters: {chapters}", len(plan.files)).format(
        chapters=chapters
    )
    return replace(plan, files=(merged,), warnings=(*plan.warnings, note))


def organize_book(
    source_dir: Path | str,
    book: BookInfo,
    library_root: Path | str,
    template: str = DEFAULT_TEMPLATE,
    mode: str = "copy",
    *,
    options: OrganizeOptions | None = None,
    database: Database | None = None,
    request_id: int | None = None,
    cover: bytes | None = None,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Organize one downloaded book into the library; see the module docstring."""
    opts = options or OrganizeOptions(template=template, mode=mode)
    source = Path(source_dir)
    root = Path(library_root)
    plan = plan_book(source, book, root, opts, cover)
    if dry_run:
        return preview(plan)
    if opts.merge_chapters:
        plan = _merged_plan(plan, source, cancel)
    return Importer(database).run(plan, request_id=request_id, progress=progress, cancel=cancel)
