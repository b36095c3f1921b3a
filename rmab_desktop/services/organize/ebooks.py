"""``organize_ebook``: from a finished ebook download to an ebook file in the library.

The ebook goes next to the book's audiobook (the same book folder, which may already exist: the
files join it) or into a separate ebook library with its own path template. One file per format
is kept (the largest of each, so a sample or a preview does not win); EPUB metadata is written
into the staged copy by the importer, like audio tags.
"""

from __future__ import annotations

import os
from pathlib import Path

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import EBOOK_EXTENSIONS, EBOOK_FORMAT_ORDER, ImportResult
from rmab_desktop.services.library.folders import is_ignored
from rmab_desktop.services.organize.importer import (
    Importer,
    ImportPlan,
    PlannedFile,
    ProgressFn,
    SourceMissingError,
)
from rmab_desktop.services.organize.organizer import (
    OrganizeOptions,
    check_import,
    file_name,
    find_cover,
    preview,
)
from rmab_desktop.services.organize.safe_names import inside_root
from rmab_desktop.services.tagging.sidecars import sidecar_files

tr = Translator("OrganizeErrors")

EBOOK_MANIFEST = ".rmab-import-ebook.json"


class NoEbookError(SourceMissingError):
    hint = tr.mark(
        "The download holds no ebook file (EPUB, AZW3, MOBI or PDF): wrong content, or an archive."
    )


def _rank(path: Path) -> int:
    fmt = path.suffix.lower().lstrip(".")
    return EBOOK_FORMAT_ORDER.index(fmt) if fmt in EBOOK_FORMAT_ORDER else len(EBOOK_FORMAT_ORDER)


def find_ebooks(source: Path) -> list[Path]:
    """The ebook files of a download, one per format (the largest), best format first."""
    candidates: list[Path] = []
    if source.is_file():
        candidates = [source] if source.suffix.lower() in EBOOK_EXTENSIONS else []
    else:
        for dirpath, dirnames, filenames in os.walk(source):
            dirnames[:] = sorted(d for d in dirnames if not is_ignored(d))
            for name in filenames:
                path = Path(dirpath) / name
                if not is_ignored(name) and path.suffix.lower() in EBOOK_EXTENSIONS:
                    candidates.append(path)
    best: dict[str, Path] = {}
    for path in candidates:
        size = path.stat().st_size
        fmt = path.suffix.lower()
        if size and (fmt not in best or size > best[fmt].stat().st_size):
            best[fmt] = path
    return sorted(best.values(), key=_rank)


def plan_ebook(
    source: Path,
    book: BookInfo,
    library_root: Path,
    target_rel: str,
    options: OrganizeOptions,
    cover: bytes | None = None,
) -> ImportPlan:
    check_import(source, library_root, options)
    ebooks = find_ebooks(source)
    if not ebooks:
        raise NoEbookError(tr.mark("No ebook files in {source}"), source=source)
    inside_root(library_root, target_rel)
    cover = cover if cover is not None else find_cover(source, [])
    return ImportPlan(
        library_root=library_root,
        target_rel=target_rel,
        book=book,
        files=tuple(PlannedFile(path, file_name(book.title, 1, 1, path.suffix)) for path in ebooks),
        sidecars=sidecar_files(book, cover, metadata=options.sidecars),
        mode=options.mode,
        tag=options.tag,
        cover=cover,
        join_existing=True,
        manifest_name=EBOOK_MANIFEST,
    )


def organize_ebook(
    source: Path | str,
    book: BookInfo,
    library_root: Path | str,
    target_rel: str,
    *,
    options: OrganizeOptions | None = None,
    database: Database | None = None,
    request_id: int | None = None,
    cover: bytes | None = None,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Import the ebook files of ``source`` into ``library_root/target_rel``."""
    root = Path(library_root)
    plan = plan_ebook(Path(source), book, root, target_rel, options or OrganizeOptions(), cover)
    if dry_run:
        return preview(plan)
    return Importer(database).run(plan, request_id=request_id, progress=progress, cancel=cancel)
