"""The app's own incremental library scanner.

* One ``os.scandir`` walk; files whose size and mtime match the database are not re-read
  (keyed on path, never on inode: inodes are not stable on network shares).
* Books with a new, changed or missing file go, in chunks of about 200 files, to reader
  *processes* while the walk goes on (:mod:`.scan_worker`: tinytag, then the book's row), so
  both cores work; a small scan reads in this process instead of starting any.
* Results are written in bulk, one transaction per batch of about 5,000 files, while the
  readers keep reading; a cancelled scan leaves every written book complete.
* Reader processes end with the scan: the pool is shut down on every exit path, and each
  reader exits by itself when the scanning process dies (even by SIGKILL), see
  :func:`.scan_worker.init_reader`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, or_, select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryFile, LibraryItem, utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import LibraryBook, ScanStats
from rmab_desktop.services.library.books import FileRecord, assemble_book
from rmab_desktop.services.library.folders import SIDECAR_NAMES, BookFolder, LibraryWalker
from rmab_desktop.services.library.scan_worker import BookResult, BookTask, init_reader, read_books

tr = Translator("LibraryScan")

log = logging.getLogger(__name__)

BACKEND = "folder"
DEFAULT_WORKERS = 2
CHUNK_FILES = 200
IN_FLIGHT_PER_WORKER = 4  # chunks queued per reader: enough to never starve, little memory
FLUSH_FILES = 5000
IN_PROCESS_BELOW = 300  # starting reader processes costs more than reading this many files
PROGRESS_INTERVAL = 0.1


@dataclass(frozen=True)
class ScanProgress:
    phase: str  # "walking" | "reading" | "saving" | "done"
    done: int
    total: int  # grows while the walk finds more to read


ProgressFn = Callable[[ScanProgress], None]


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


# A stored file row as the driver returns it, in SELECT order (no per-row work on 250,000 rows):
# (id, path, size, mtime_ns, item_id).
_Known = tuple[int, str, int, int, int | None]
_ID, _SIZE, _MTIME, _ITEM = 0, 2, 3, 4


class LibraryScanner:
    """Scans one library root into ``library_items`` (backend "folder") and ``library_files``.

    Scans through one scanner run one at a time (the app's watcher and a scheduled refresh may
    ask at once)."""

    def __init__(self, database: Database, *, workers: int = DEFAULT_WORKERS) -> None:
        self.database = database
        self.workers = max(1, workers)
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public API
    def scan(
        self,
        root: str | Path,
        *,
        subpath: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> ScanStats:
        """Scan ``root``, or only ``subpath`` below it (a folder, a root-level audio file, or a
        path that no longer exists: then whatever was stored under it is removed)."""
        started = time.monotonic()
        cancel = cancel or CancelToken()
        root_path = _check_root(root)
        start = root_path
        if subpath:
            start = os.path.normpath(os.path.join(root_path, subpath))
            if start != root_path and not start.startswith(root_path.rstrip(os.sep) + os.sep):
                raise ValidationError(
                    tr.mark("{subpath} is not inside the library folder {root_path}"),
                    subpath=subpath,
                    root_path=root_path,
                )
        with self._lock:
            return self._scan(root_path, start, _Reporter(progress), cancel, started)

    def _scan(
        self, root: str, start: str, report: _Reporter, cancel: CancelToken, started: float
    ) -> ScanStats:
        report("walking", 0, 0, force=True)
        known, items = self._load_state(start)
        walker = LibraryWalker(root)
        planner = _Planner(self.database, root, known, items)
        writer = _Writer(self.database, known, items)
        cancelled = False

        def announced(chunks: Iterator[list[BookTask]]) -> Iterator[list[BookTask]]:
            for index, chunk in enumerate(chunks):
                report("reading", writer.files_read, planner.to_read, force=index == 0)
                yield chunk

        try:
            for results in _read(
                announced(planner.chunks(walker.books(start), cancel)), self.workers, cancel
            ):
                writer.add(results)
                report("reading", writer.files_read, planner.to_read)
        except _Cancelled:
            cancelled = True
        writer.flush()
        removed = (
            0 if cancelled else writer.remove_missing(planner.unseen, planner.loaded_items - planner.alive)
        )
        if writer.books_written or removed:
            self.database.analyze(LibraryItem.__tablename__, LibraryFile.__tablename__)
        report("done", writer.files_read, planner.to_read, force=True)
        return ScanStats(
            root=root,
            books=planner.books,
            files=planner.audio_files,
            files_read=writer.files_read,
            files_unchanged=planner.audio_files - writer.files_read,
            files_removed=removed,
            books_changed=writer.books_written,
            seconds=round(time.monotonic() - started, 3),
            errors=tuple(walker.errors + writer.errors),
            cancelled=cancelled,
        )

    def iter_books(self, root: str | Path) -> Iterator[LibraryBook]:
        """Books under ``root`` as last scanned, in path order (one Core query, rows streamed)."""
        root_path = _check_root(root)
        items = LibraryItem.__table__.c
        query = (
            select(
                items.id, items.external_id, items.title, items.subtitle, items.authors, items.narrators,
                items.series_name, items.series_position, items.asin, items.year, items.file_count,
                items.duration_seconds, items.format, items.ebook_formats, items.size_bytes,
            )
            .where(items.backend == BACKEND, items.external_id.like(_like_prefix(root_path.rstrip(os.sep) + os.sep), "\\"))
            .order_by(items.external_id)
        )  # fmt: skip
        with self.database.session() as session:
            for row in session.connection().execute(query):
                yield _row_to_book(row, root_path)

    def list_books(self, root: str | Path, *, with_evidence: bool = False) -> list[LibraryBook]:
        """Books under ``root`` as last scanned; ``with_evidence`` rebuilds per-source evidence."""
        books = list(self.iter_books(root))
        if not with_evidence:
            return books
        prefix = _check_root(root).rstrip(os.sep) + os.sep
        files: dict[int, list[LibraryFile]] = {}
        with self.database.session() as session:
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
                    or_(files.path.like(like, "\\"), files.path == start)
                )
            )
            # Integer and text columns: the driver's own tuples need no conversion.
            known = {row[1]: row for row in result.cursor.fetchall()}
            items = dict(
                session.execute(
                    select(LibraryItem.external_id, LibraryItem.id).where(
                        LibraryItem.backend == BACKEND,
                        or_(LibraryItem.external_id.like(like, "\\"), LibraryItem.external_id == start),
                    )
                ).all()
            )
        return known, items


class _Cancelled(Exception):
    pass


class _Planner:
    """Walk side: which books need reading, with the stored tags of their unchanged files."""

    def __init__(
        self, database: Database, root: str, known: dict[str, _Known], items: dict[str, int]
    ) -> None:
        self.database = database
        self.root = root
        self.known = known
        self.items = items
        self.loaded_items = set(items.values())
        self.alive: set[int] = set()  # stored books still on disk
        self.unseen = set(known)  # stored files not found (yet)
        self.books = self.audio_files = self.to_read = 0

    def chunks(self, books: Iterable[BookFolder], cancel: CancelToken) -> Iterator[list[BookTask]]:
        known, unseen = self.known, self.unseen
        per_item = Counter(k[_ITEM] for k in known.values())
        chunk: list[tuple[BookFolder, str, list[str]]] = []
        size = 0
        for book in books:
            if cancel.cancelled:
                raise _Cancelled
            self.books += 1
            self.audio_files += len(book.audio)
            external = _external_id(self.root, book.rel)
            item_id = self.items.get(external)
            dirty = item_id is None
            unchanged: list[str] = []
            for entry in chain(book.audio, book.sidecars):
                path = entry.path
                unseen.discard(path)
                old = known.get(path)
                if old is None or old[_SIZE] != entry.size or old[_MTIME] != entry.mtime_ns:
                    dirty = True
                else:
                    unchanged.append(path)
                    if old[_ITEM] != item_id:
                        dirty = True
            if item_id is not None:
                self.alive.add(item_id)
                dirty = dirty or len(unchanged) != per_item[item_id]  # one of its files went away
            if dirty:
                chunk.append((book, external, unchanged))
                size += len(book.audio) + 1
                if size >= CHUNK_FILES:
                    yield self._tasks(chunk)
                    chunk, size = [], 0
        if chunk:
            yield self._tasks(chunk)

    def _tasks(self, chunk: list[tuple[BookFolder, str, list[str]]]) -> list[BookTask]:
        stored = self._stored_tags([path for _book, _external, unchanged in chunk for path in unchanged])
        tasks = []
        for book, external, unchanged in chunk:
            mine = {p: stored.get(p, {}) for p in unchanged}
            tasks.append(BookTask(book.rel, external, book.audio, book.sidecars, mine))
            self.to_read += sum(1 for e in book.audio if e.path not in mine)
        return tasks

    def _stored_tags(self, paths: list[str]) -> dict[str, dict[str, Any]]:
        stored: dict[str, dict[str, Any]] = {}
        if not paths:
            return stored
        with self.database.session() as session:
            for start in range(0, len(paths), 500):
                part = paths[start : start + 500]
                for path, tags in session.execute(
                    select(LibraryFile.path, LibraryFile.tags).where(LibraryFile.path.in_(part))
                ):
                    stored[path] = tags or {}
        return stored


def _read(chunks: Iterator[list[BookTask]], workers: int, cancel: CancelToken) -> Iterator[list[BookResult]]:
    """Results chunk by chunk: in reader processes, or here when there is little to read."""
    buffered: list[list[BookTask]] = []
    files = 0
    for chunk in chunks:
        buffered.append(chunk)
        files += sum(len(task.audio) - len(task.stored) for task in chunk)
        if workers > 1 and files >= IN_PROCESS_BELOW:
            yield from _read_in_pool(chain(buffered, chunks), workers, cancel)
            return
    yield from _read_here(buffered, cancel)


def _read_here(chunks: Iterable[list[BookTask]], cancel: CancelToken) -> Iterator[list[BookResult]]:
    for chunk in chunks:
        if cancel.cancelled:
            raise _Cancelled
        yield read_books(chunk)


def _read_in_pool(
    chunks: Iterator[list[BookTask]], workers: int, cancel: CancelToken
) -> Iterator[list[BookResult]]:
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
    pending: dict[Future[list[BookResult]], list[BookTask]] = {}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_reader)
    try:
        for chunk in chunks:
            pending[pool.submit(read_books, chunk)] = chunk
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                yield from _collect(done, pending, cancel)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            yield from _collect(done, pending, cancel)
    except (BrokenProcessPool, OSError) as exc:
        # e.g. a frozen app without freeze_support, or no way to start processes: slower, not broken
        log.warning("Tag-reading processes failed (%s); reading in this process", exc)
        yield from _read_here(chain(list(pending.values()), chunks), cancel)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    done: set[Future[list[BookResult]]],
    pending: dict[Future[list[BookResult]], list[BookTask]],
    cancel: CancelToken,
) -> Iterator[list[BookResult]]:
    for future in done:
        result = future.result()  # raises BrokenProcessPool while the chunk is still pending
        del pending[future]
        if cancel.cancelled:
            raise _Cancelled
        yield result


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
    """Buffers read books and writes them in bulk transactions."""

    def __init__(self, database: Database, known: dict[str, _Known], items: dict[str, int]) -> None:
        self.database = database
        self.known = known
        self.items = items
        self.pending: list[BookResult] = []
        self.pending_files = 0
        self.files_read = 0
        self.books_written = 0
        self.errors: list[str] = []

    def add(self, results: list[BookResult]) -> None:
        for result in results:
            self.files_read += result.read
            self.errors.extend(result.errors)
            if result.columns is not None:
                self.pending.append(result)
                self.pending_files += len(result.files)
        if self.pending_files >= FLUSH_FILES:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending, self.pending_files = self.pending, [], 0
        new_items, changed_items = [], []
        for result in pending:
            external = result.external
            row = {"backend": BACKEND, "external_id": external, "path": external, **(result.columns or {})}
            item_id = self.items.get(external)
            if item_id is None:
                new_items.append(row)
            else:
                changed_items.append({"id": item_id, **row})
        items = _table(LibraryItem)  # Core executemany: the ORM's bulk path costs more per row
        with self.database.session() as session:
            connection = session.connection()
            if new_items:
                now = utcnow()
                for row in new_items:
                    row["added_at"] = now
                for item_id, external in connection.execute(
                    items.insert().returning(items.c.id, items.c.external_id), new_items
                ):
                    self.items[external] = item_id
            if changed_items:
                session.execute(update(LibraryItem), changed_items)
            self._write_files(connection, pending)
        self.books_written += len(pending)

    def _write_files(self, connection: Any, pending: list[BookResult]) -> None:
        inserts, updates = [], []
        for result in pending:
            item_id = self.items[result.external]
            for entry, tags in result.files:
                row = {
                    "item_id": item_id,
                    "size_bytes": entry.size,
                    "mtime_ns": entry.mtime_ns,
                    "tags": tags,
                    "duration_seconds": tags.get("duration"),
                }
                old = self.known.get(entry.path)
                if old is None:
                    inserts.append({"path": entry.path, **row})
                else:
                    updates.append({"id": old[_ID], **row})
        if inserts:
            connection.execute(_table(LibraryFile).insert(), inserts)
        if updates:
            files = _table(LibraryFile)
            connection.execute(
                files.update().where(files.c.id == bindparam("file_id")),
                [{"file_id": row.pop("id"), **row} for row in updates],
            )

    def remove_missing(self, gone: set[str], empty_items: set[int]) -> int:
        """Forget files no longer on disk and books left without files; the audio files gone."""
        if not gone and not empty_items:
            return 0
        paths, item_ids = sorted(gone), sorted(empty_items)
        with self.database.session() as session:
            for start in range(0, len(paths), 500):
                session.execute(delete(LibraryFile).where(LibraryFile.path.in_(paths[start : start + 500])))
            for start in range(0, len(item_ids), 500):
                session.execute(delete(LibraryItem).where(LibraryItem.id.in_(item_ids[start : start + 500])))
        return sum(1 for p in paths if os.path.basename(p).lower() not in SIDECAR_NAMES)


def _table(model: type[LibraryItem] | type[LibraryFile]) -> Table:
    """A mapped class's Core table (typed as such: ``__table__`` is declared as any FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _check_root(root: str | Path) -> str:
    path = os.path.abspath(os.fspath(root))
    if not os.path.isdir(path):
        raise ValidationError(
            tr.mark("{path} is not a folder"),
            hint=tr.mark("Choose the folder that holds your audiobooks."),
            path=path,
        )
    return path


def _external_id(root: str, rel: str) -> str:
    return (
        f"{root.rstrip(os.sep)}{os.sep}{rel}"
        if os.sep == "/"
        else os.path.join(root, rel.replace("/", os.sep))
    )


def _is_sidecar(row: LibraryFile) -> bool:
    return bool((row.tags or {}).get("sidecar"))


def _row_to_book(row: Any, root: str) -> LibraryBook:
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
        ebook_formats=tuple(row.ebook_formats or ()),
    )
