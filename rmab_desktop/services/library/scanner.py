"""The app's own incremental library scanner (product.md S6, performance.md section 6).

* One ``os.scandir`` walk; files whose size and mtime match the database are not re-read
  (keyed on path, never on inode: inodes are not stable on network shares).
* Tags of new or changed files are read by ``mutagen`` in worker *processes* (mutagen is pure
  Python and CPU-bound, so threads would share one core), in chunks of whole books.
* Results are written in bulk, one transaction per batch of about 1,000 files, while the
  workers keep reading; a cancelled scan leaves every written book complete.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import delete, insert, or_, select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryFile, LibraryItem, utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.library import LibraryBook, ScanStats
from rmab_desktop.services.library.books import FileRecord, assemble_book, read_sidecar
from rmab_desktop.services.library.folders import BookFolder, FileEntry, LibraryWalker
from rmab_desktop.services.library.rows import book_columns
from rmab_desktop.services.tagging.reading import read_many

log = logging.getLogger(__name__)

BACKEND = "folder"
DEFAULT_WORKERS = 2
CHUNK_FILES = 200
FLUSH_FILES = 1000
IN_PROCESS_BELOW = 300  # starting worker processes costs more than reading this many files
PROGRESS_INTERVAL = 0.1


@dataclass(frozen=True)
class ScanProgress:
    phase: str  # "walking" | "reading" | "saving" | "done"
    done: int
    total: int


ProgressFn = Callable[[ScanProgress], None]


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


class _Known(NamedTuple):
    """A stored file row, in SELECT order (rows become these without any per-field work)."""

    id: int
    path: str
    size: int
    mtime_ns: int
    item_id: int | None


@dataclass
class _Plan:
    book: BookFolder
    item_id: int | None
    to_read: list[str]


class LibraryScanner:
    """Scans one library root into ``library_items`` (backend "folder") and ``library_files``."""

    def __init__(self, database: Database, *, workers: int = DEFAULT_WORKERS) -> None:
        self.database = database
        self.workers = max(1, workers)

    # ------------------------------------------------------------------ public API
    def scan(
        self,
        root: str | Path,
        *,
        subpath: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> ScanStats:
        started = time.monotonic()
        cancel = cancel or CancelToken()
        root_path = _check_root(root)
        start = os.path.join(root_path, subpath) if subpath else root_path
        if subpath and not os.path.isdir(start):
            raise ValidationError(f"{start} is not a folder inside the library")
        report = _Reporter(progress)
        walker = LibraryWalker(root_path)
        report("walking", 0, 0, force=True)
        books = list(walker.books(start))
        cancel.raise_if_cancelled()
        known, items = self._load_state(start)
        plans, seen = self._plan(root_path, books, known, items)
        total_read = sum(len(p.to_read) for p in plans)
        writer = _Writer(self.database, root_path, known, items)
        cancelled = False
        read_done = 0
        report("reading", 0, total_read, force=True)
        try:
            for batch_plans, results in self._read(plans, total_read, cancel):
                read_done += sum(len(p.to_read) for p in batch_plans)
                writer.add(batch_plans, results)
                report("reading", read_done, total_read)
        except _Cancelled:
            cancelled = True
        writer.flush()
        removed = 0
        if not cancelled:
            removed = writer.remove_missing(seen)
        audio_files = sum(len(b.audio) for b in books)
        report("done", total_read, total_read, force=True)
        return ScanStats(
            root=root_path,
            books=len(books),
            files=audio_files,
            files_read=writer.files_read,
            files_unchanged=audio_files - writer.files_read,
            files_removed=removed,
            books_changed=writer.books_written,
            seconds=round(time.monotonic() - started, 3),
            errors=tuple(walker.errors + writer.errors),
            cancelled=cancelled,
        )

    def list_books(self, root: str | Path, *, with_evidence: bool = False) -> list[LibraryBook]:
        """Books under ``root`` as last scanned; ``with_evidence`` rebuilds per-source evidence."""
        root_path = _check_root(root)
        prefix = root_path.rstrip(os.sep) + os.sep
        with self.database.session() as session:
            rows = session.execute(
                select(LibraryItem)
                .where(
                    LibraryItem.backend == BACKEND, LibraryItem.external_id.like(_like_prefix(prefix), "\\")
                )
                .order_by(LibraryItem.external_id)
            ).scalars()
            books = [_row_to_book(row, root_path) for row in rows]
            if not with_evidence:
                return books
            files: dict[int, list[LibraryFile]] = {}
            for file_row in session.execute(
                select(LibraryFile).where(LibraryFile.path.like(_like_prefix(prefix), "\\"))
            ).scalars():
                if file_row.item_id is not None:
                    files.setdefault(file_row.item_id, []).append(file_row)
        rebuilt = []
        for book in books:
            rows_of_book = files.get(book.id or -1, [])
            audio = [
                FileRecord(f.path, f.size_bytes, f.tags or {}) for f in rows_of_book if not _is_sidecar(f)
            ]
            sidecars = [f.tags for f in rows_of_book if _is_sidecar(f)]
            fresh = assemble_book(book.path, audio, sidecars)
            rebuilt.append(replace(fresh, id=book.id))
        return rebuilt

    # ------------------------------------------------------------------ steps
    def _load_state(self, start: str) -> tuple[dict[str, _Known], dict[str, int]]:
        like = _like_prefix(start.rstrip(os.sep) + os.sep)
        files = LibraryFile.__table__.c  # Core rows: no ORM overhead for 100k-row reads
        with self.database.session() as session:
            result = session.connection().execute(
                select(files.id, files.path, files.size_bytes, files.mtime_ns, files.item_id).where(
                    files.path.like(like, "\\")
                )
            )
            # Integer and text columns: the driver's own tuples need no conversion.
            known = {row[1]: _Known._make(row) for row in result.cursor.fetchall()}
            items = dict(
                session.execute(
                    select(LibraryItem.external_id, LibraryItem.id).where(
                        LibraryItem.backend == BACKEND,
                        or_(LibraryItem.external_id.like(like, "\\"), LibraryItem.external_id == start),
                    )
                ).all()
            )
        return known, items

    def _plan(
        self, root: str, books: list[BookFolder], known: dict[str, _Known], items: dict[str, int]
    ) -> tuple[list[_Plan], set[str]]:
        seen: set[str] = set()
        plans: list[_Plan] = []
        for book in books:
            external = _external_id(root, book.rel)
            item_id = items.get(external)
            to_read: list[str] = []
            dirty = item_id is None
            for is_audio, entries in ((True, book.audio), (False, book.sidecars)):
                for entry in entries:
                    seen.add(entry.path)
                    old = known.get(entry.path)
                    if old is None or old.size != entry.size or old.mtime_ns != entry.mtime_ns:
                        dirty = True
                        if is_audio:
                            to_read.append(entry.path)
                    elif old.item_id != item_id:
                        dirty = True
            if dirty:
                plans.append(_Plan(book, item_id, to_read))
        gone_items = {known[p].item_id for p in known.keys() - seen}
        if gone_items:
            by_id = {v: k for k, v in items.items()}
            planned = {p.item_id for p in plans}
            for book in books:
                item_id = items.get(_external_id(root, book.rel))
                if (
                    item_id is not None
                    and item_id in gone_items
                    and item_id not in planned
                    and by_id.get(item_id)
                ):
                    plans.append(_Plan(book, item_id, []))
        return plans, seen

    def _read(
        self, plans: list[_Plan], total: int, cancel: CancelToken
    ) -> Iterator[tuple[list[_Plan], dict[str, dict[str, Any]]]]:
        chunks = list(_chunks(plans))
        if total < IN_PROCESS_BELOW or self.workers == 1:
            yield from _read_here(chunks, cancel)
            return
        done: set[int] = set()
        try:
            context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
            with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
                futures = {pool.submit(read_many, _paths(chunk)): index for index, chunk in enumerate(chunks)}
                try:
                    for future in as_completed(futures):
                        if cancel.cancelled:
                            raise _Cancelled
                        index = futures[future]
                        result = future.result()
                        done.add(index)
                        yield chunks[index], dict(zip(_paths(chunks[index]), result, strict=True))
                finally:
                    for future in futures:
                        future.cancel()
        except (BrokenProcessPool, OSError) as exc:
            # e.g. a frozen app without freeze_support, or no way to start processes: slower, not broken
            log.warning("Tag-reading processes failed (%s); reading in this process", exc)
            yield from _read_here([c for i, c in enumerate(chunks) if i not in done], cancel)


def _paths(chunk: list[_Plan]) -> list[str]:
    return [p for plan in chunk for p in plan.to_read]


def _read_here(
    chunks: list[list[_Plan]], cancel: CancelToken
) -> Iterator[tuple[list[_Plan], dict[str, dict[str, Any]]]]:
    for chunk in chunks:
        if cancel.cancelled:
            raise _Cancelled
        paths = _paths(chunk)
        yield chunk, dict(zip(paths, read_many(paths), strict=True))


class _Cancelled(Exception):
    pass


def _chunks(plans: list[_Plan]) -> Iterator[list[_Plan]]:
    chunk: list[_Plan] = []
    size = 0
    for plan in plans:
        chunk.append(plan)
        size += len(plan.to_read)
        if size >= CHUNK_FILES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Reporter:
    def __init__(self, progress: ProgressFn | None) -> None:
        self.progress = progress
        self.last = 0.0

    def __call__(self, phase: str, done: int, total: int, *, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now - self.last >= PROGRESS_INTERVAL:
            self.last = now
            self.progress(ScanProgress(phase, done, total))


class _Writer:
    """Buffers assembled books and writes them in bulk transactions."""

    def __init__(
        self, database: Database, root: str, known: dict[str, _Known], items: dict[str, int]
    ) -> None:
        self.database = database
        self.root = root
        self.known = known
        self.items = items
        self.pending: list[tuple[_Plan, dict[str, dict[str, Any]]]] = []
        self.pending_files = 0
        self.files_read = 0
        self.books_written = 0
        self.errors: list[str] = []

    def add(self, plans: list[_Plan], results: dict[str, dict[str, Any]]) -> None:
        for plan in plans:
            self.pending.append((plan, {p: results[p] for p in plan.to_read}))
            self.pending_files += len(plan.book.audio)
        if self.pending_files >= FLUSH_FILES:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending, self.pending_files = self.pending, [], 0
        with self.database.session() as session:
            stored = self._stored_tags(session, pending)
            new_items, changed_items, books = [], [], []
            for plan, fresh in pending:
                audio = []
                for entry in plan.book.audio:
                    tags = fresh.get(entry.path)
                    if tags is None:
                        tags = stored.get(entry.path, {})
                    elif tags.get("error"):
                        self.errors.append(f"{entry.path}: {tags['error']}")
                    audio.append(FileRecord(entry.path, entry.size, tags))
                sidecars = [
                    stored[s.path] if s.path in stored and not self._changed(s) else read_sidecar(s.path)
                    for s in plan.book.sidecars
                ]
                book = assemble_book(plan.book.rel, audio, sidecars)
                row = _item_row(book, _external_id(self.root, plan.book.rel))
                books.append((plan, audio, sidecars))
                if plan.item_id is None:
                    new_items.append(row)
                else:
                    changed_items.append({"id": plan.item_id, **row})
            if new_items:
                now = utcnow()
                for row in new_items:
                    row["added_at"] = now
                for item_id, external in session.execute(
                    insert(LibraryItem).returning(LibraryItem.id, LibraryItem.external_id), new_items
                ):
                    self.items[external] = item_id
            if changed_items:
                session.execute(update(LibraryItem), changed_items)
            self._write_files(session, books)
        self.books_written += len(pending)
        self.files_read += sum(len(plan.to_read) for plan, _ in pending)

    def _changed(self, entry: FileEntry) -> bool:
        old = self.known.get(entry.path)
        return old is None or old.size != entry.size or old.mtime_ns != entry.mtime_ns

    def _stored_tags(
        self, session: Any, pending: list[tuple[_Plan, dict[str, Any]]]
    ) -> dict[str, dict[str, Any]]:
        wanted = [
            entry.path
            for plan, fresh in pending
            for entry in (*plan.book.audio, *plan.book.sidecars)
            if entry.path not in fresh and entry.path in self.known
        ]
        stored: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            for path, tags in session.execute(
                select(LibraryFile.path, LibraryFile.tags).where(LibraryFile.path.in_(part))
            ):
                stored[path] = tags or {}
        return stored

    def _write_files(
        self, session: Any, books: list[tuple[_Plan, list[FileRecord], list[dict[str, Any]]]]
    ) -> None:
        inserts, updates = [], []
        for plan, audio, sidecars in books:
            item_id = self.items[_external_id(self.root, plan.book.rel)]
            entries = [
                (e, r.tags, r.tags.get("duration")) for e, r in zip(plan.book.audio, audio, strict=True)
            ]
            entries += [(e, s, None) for e, s in zip(plan.book.sidecars, sidecars, strict=True)]
            for entry, tags, duration in entries:
                row = {
                    "item_id": item_id,
                    "size_bytes": entry.size,
                    "mtime_ns": entry.mtime_ns,
                    "tags": tags,
                    "duration_seconds": duration,
                }
                old = self.known.get(entry.path)
                if old is None:
                    inserts.append({"path": entry.path, **row})
                else:
                    updates.append({"id": old.id, **row})
                self.known[entry.path] = _Known(
                    old.id if old else -1, entry.path, entry.size, entry.mtime_ns, item_id
                )
        if inserts:
            session.execute(insert(LibraryFile), inserts)
        if updates:
            session.execute(update(LibraryFile), updates)

    def remove_missing(self, seen: set[str]) -> int:
        gone = [path for path in self.known if path not in seen]
        with self.database.session() as session:
            for start in range(0, len(gone), 500):
                session.execute(delete(LibraryFile).where(LibraryFile.path.in_(gone[start : start + 500])))
            used = {k.item_id for p, k in self.known.items() if p in seen}
            empty = [item_id for item_id in self.items.values() if item_id not in used]
            for start in range(0, len(empty), 500):
                session.execute(delete(LibraryItem).where(LibraryItem.id.in_(empty[start : start + 500])))
        audio_gone = [
            p for p in gone if os.path.basename(p).lower() not in ("metadata.json", "desc.txt", "reader.txt")
        ]
        return len(audio_gone)


def _check_root(root: str | Path) -> str:
    path = os.path.abspath(os.fspath(root))
    if not os.path.isdir(path):
        raise ValidationError(f"{path} is not a folder", hint="Choose the folder that holds your audiobooks.")
    return path


def _external_id(root: str, rel: str) -> str:
    return os.path.join(root, *rel.split("/"))


def _is_sidecar(row: LibraryFile) -> bool:
    return bool((row.tags or {}).get("sidecar"))


def _item_row(book: LibraryBook, external: str) -> dict[str, Any]:
    return {"backend": BACKEND, "external_id": external, "path": external, **book_columns(book)}


def _row_to_book(row: LibraryItem, root: str) -> LibraryBook:
    rel = os.path.relpath(row.external_id, root).replace(os.sep, "/")
    return LibraryBook(
        id=row.id,
        path=rel,
        title=row.title,
        subtitle=row.subtitle,
        authors=tuple(row.authors or ()),
        narrators=tuple(row.narrators or ()),
        series=row.series_name,
        series_position=row.series_position,
        asin=row.asin,
        year=row.year,
        files=row.file_count,
        duration_seconds=row.duration_seconds,
        format=row.format,
        size_bytes=row.size_bytes,
    )
