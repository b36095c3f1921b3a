"""Staged, verified, crash-safe import of one book into the library.

Files are placed in ``<library>/.rmab-staging/<operation>/`` (a dot folder: Audiobookshelf and
Plex ignore it, and it is on the library's filesystem so the final step is one atomic rename),
verified (size, and SHA-256 for copies), tagged, given their sidecars, then renamed into place.
A library server therefore never sees half a book.

Every step is recorded in ``import_operations``. :func:`recover_imports`, called at start-up,
rolls back an operation that died while staging and completes one that died after it was
verified. A ``.rmab-import.json`` manifest in the book folder makes re-running idempotent.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import shutil
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ImportOperation
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import DiskFullError, RmabError, is_disk_full
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import ImportedFile, ImportResult
from rmab_desktop.services.job_queue import holder_is_dead_local_process
from rmab_desktop.services.organize.safe_names import inside_root
from rmab_desktop.services.tagging.files import WRITABLE, tag_book_file
from rmab_desktop.services.tagging.writing import TaggingError

tr = Translator("OrganizeErrors")

log = logging.getLogger(__name__)

STAGING_DIR = ".rmab-staging"
MANIFEST_NAME = ".rmab-import.json"
COPY_BLOCK = 1024 * 1024
MODES = ("copy", "hardlink", "move")


class OrganizeError(RmabError):
    """Base for import failures."""

    hint = tr.mark("Nothing was changed in the library. Check the message, then retry the import.")


class ImportConflictError(OrganizeError):
    hint = tr.mark("Another book already uses this folder. Move or rename it, or change the path template.")


class SourceMissingError(OrganizeError):
    hint = tr.mark("The download folder was moved or deleted. Check the download client, then retry.")


@dataclass(frozen=True)
class PlannedFile:
    source: Path
    name: str  # file name inside the book folder
    track: int | None = None
    total: int | None = None
    owned: bool = False  # a temporary file we made (chapter merge): moved, never copied


@dataclass(frozen=True)
class ImportPlan:
    library_root: Path
    target_rel: str
    book: BookInfo
    files: tuple[PlannedFile, ...]
    sidecars: dict[str, bytes] = field(default_factory=dict)
    mode: str = "copy"
    tag: bool = True
    cover: bytes | None = None
    warnings: tuple[str, ...] = ()
    # Files may join a book folder that already exists (an ebook beside its audiobook, or the
    # audiobook arriving after its ebook): each file is renamed into place, none is replaced.
    join_existing: bool = False
    manifest_name: str = MANIFEST_NAME


@dataclass(frozen=True)
class ImportProgress:
    phase: str  # "placing" | "tagging" | "verified" | "placed" | "done"
    done: int
    total: int
    name: str = ""


ProgressFn = Callable[[ImportProgress], None]


def new_owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _source_identity(plan: ImportPlan) -> list[dict[str, Any]]:
    out = []
    for planned in plan.files:
        st = planned.source.stat()
        out.append({"name": planned.name, "size": st.st_size, "owned": planned.owned})
    return out


class Importer:
    def __init__(self, database: Database | None = None, owner: str | None = None) -> None:
        self.database = database
        self.owner = owner or new_owner_id()

    def run(
        self,
        plan: ImportPlan,
        *,
        request_id: int | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportResult:
        if plan.mode not in MODES:
            raise OrganizeError(
                tr.mark("Unknown import mode '{mode}' (use copy, hardlink or move)"), mode=plan.mode
            )
        cancel = cancel or CancelToken()
        root = plan.library_root.resolve()
        target = inside_root(root, plan.target_rel)
        for planned in plan.files:
            if not planned.source.is_file():
                raise SourceMissingError(tr.mark("Source file {source} is missing"), source=planned.source)
        identity = _source_identity(plan)
        existing = _existing_import(target, identity, plan.manifest_name)
        if existing is not None:
            _cleanup_owned(plan)
            return _result(plan, target, existing, already_present=True)
        joining = target.exists() and plan.join_existing
        if target.exists() and not joining:
            raise ImportConflictError(
                tr.mark("{target_rel} already exists in the library with other files"),
                target_rel=plan.target_rel,
            )
        if joining:
            _refuse_taken_names(plan, target)
        staging = root / STAGING_DIR / f"op-{uuid.uuid4().hex[:12]}"
        op_id = self._record(plan, staging, target, request_id, identity)
        placed: list[ImportedFile] = []
        warnings = list(plan.warnings)
        try:
            staging.mkdir(parents=True)
            total = len(plan.files)
            for index, planned in enumerate(plan.files):
                cancel.raise_if_cancelled()
                _report(progress, "placing", index, total, planned.name)
                placed.append(self._place(planned, staging, plan.mode, root, warnings))
            tagged = self._tag(plan, staging, warnings, progress)
            for name, content in plan.sidecars.items():
                if not (joining and (target / name).exists()):  # a joining import keeps what is there
                    _write_bytes(staging / name, content)
            final = [_final_entry(staging, f) for f in placed]
            manifest = {"book": plan.book.to_json(), "sources": identity, "files": final, "mode": plan.mode}
            _write_bytes(
                staging / plan.manifest_name, json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            )
            _fsync_dir(staging)
            cancel.raise_if_cancelled()
            self._state(op_id, "verified", manifest={"files": final})
            _report(progress, "verified", total, total)
            if joining:
                _join(staging, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.rename(staging, target)
                except OSError as exc:
                    if target.exists():
                        raise ImportConflictError(
                            tr.mark("{target_rel} appeared in the library meanwhile"),
                            target_rel=plan.target_rel,
                        ) from exc
                    raise
            _fsync_dir(target.parent)
        except BaseException as exc:
            _remove_tree(staging)
            _remove_empty(root / STAGING_DIR)
            _cleanup_owned(plan)
            self._state(op_id, "rolled_back", error=str(exc)[:2000])
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise DiskFullError(
                    tr.mark("The library disk is full: {target_rel} was not imported."),
                    hint=tr.mark(
                        "Free some space in the library folder and import again; the download is untouched."
                    ),
                    target_rel=plan.target_rel,
                ) from exc
            raise
        self._state(op_id, "placed")
        _report(progress, "placed", len(plan.files), len(plan.files))
        if plan.mode == "move":
            _delete_sources(plan.files)
        self._state(op_id, "done")
        _report(progress, "done", len(plan.files), len(plan.files))
        _remove_empty(root / STAGING_DIR)
        return _result(plan, target, placed, tagged=tagged, warnings=warnings)

    # ------------------------------------------------------------------ steps
    def _place(
        self, planned: PlannedFile, staging: Path, mode: str, root: Path, warnings: list[str]
    ) -> ImportedFile:
        dest = staging / planned.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        size = planned.source.stat().st_size
        if planned.owned:
            os.replace(planned.source, dest)
            return ImportedFile(str(planned.source), planned.name, size)
        if mode in ("hardlink", "move"):
            try:
                os.link(planned.source, dest)
                if not os.path.samefile(planned.source, dest):
                    raise OrganizeError(tr.mark("Hard link check failed for {name}"), name=planned.name)
                return ImportedFile(str(planned.source), planned.name, size)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                    raise
                note = tr("{file}: a hard link is impossible ({reason}); copied instead").format(
                    file=planned.name, reason=exc.strerror
                )
                if note not in warnings:
                    warnings.append(note)
        digest = _copy_with_hash(planned.source, dest)
        if dest.stat().st_size != size:
            raise OrganizeError(tr.mark("Copy of {name} has the wrong size"), name=planned.name)
        if _hash_file(dest) != digest:
            raise OrganizeError(
                tr.mark("Copy of {name} does not match the original (disk error?)"), name=planned.name
            )
        return ImportedFile(str(planned.source), planned.name, size, digest)

    def _tag(self, plan: ImportPlan, staging: Path, warnings: list[str], progress: ProgressFn | None) -> bool:
        if not plan.tag:
            return False
        if plan.mode == "hardlink":
            warnings.append(
                tr("Tags not embedded: the files are hard links, and tagging would change the seeding copy")
            )
            return False
        tagged = False
        for index, planned in enumerate(plan.files):
            path = staging / planned.name
            if path.suffix.lower() not in WRITABLE:
                continue
            _report(progress, "tagging", index, len(plan.files), planned.name)
            if plan.mode == "move" and not planned.owned and path.stat().st_nlink > 1:
                _break_link(path)  # never rewrite the download's copy in place
            try:
                tagged |= tag_book_file(path, plan.book, plan.cover, track=planned.track, total=planned.total)
            except TaggingError as exc:
                warnings.append(exc.user_message)
        return tagged

    # ------------------------------------------------------------------ bookkeeping
    def _record(
        self,
        plan: ImportPlan,
        staging: Path,
        target: Path,
        request_id: int | None,
        identity: list[dict[str, Any]],
    ) -> int | None:
        if self.database is None:
            return None
        manifest = {
            "owner": self.owner,
            "sources": [str(f.source) for f in plan.files if not f.owned],
            "files": identity,
        }
        with self.database.session() as session:
            row = ImportOperation(
                request_id=request_id,
                source_path=str(plan.files[0].source.parent) if plan.files else "",
                staging_path=str(staging),
                target_path=str(target),
                mode=plan.mode,
                state="staging",
                manifest=manifest,
            )
            session.add(row)
            session.flush()
            return row.id

    def _state(
        self,
        op_id: int | None,
        state: str,
        *,
        error: str | None = None,
        manifest: dict[str, Any] | None = None,
    ) -> None:
        if self.database is None or op_id is None:
            return
        with self.database.session() as session:
            row = session.get(ImportOperation, op_id)
            if row is None:
                return
            row.state = state
            if error is not None:
                row.error = error
            if manifest:
                row.manifest = {**(row.manifest or {}), **manifest}


def _report(progress: ProgressFn | None, phase: str, done: int, total: int, name: str = "") -> None:
    if progress is not None:
        progress(ImportProgress(phase, done, total, name))


def _copy_with_hash(source: Path, dest: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(dest, "wb") as dst:
        while block := src.read(COPY_BLOCK):
            digest.update(block)
            dst.write(block)
        dst.flush()
        os.fsync(dst.fileno())
    shutil.copystat(source, dest, follow_symlinks=True)
    return digest.hexdigest()


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(COPY_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _break_link(path: Path) -> None:
    tmp = path.with_name(path.name + ".rmab-copy")
    shutil.copy2(path, tmp)
    os.replace(tmp, path)


def _write_bytes(path: Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _final_entry(staging: Path, placed: ImportedFile) -> dict[str, Any]:
    return {
        "name": placed.target,
        "size": (staging / placed.target).stat().st_size,
        "source_sha256": placed.sha256,
    }


def _refuse_taken_names(plan: ImportPlan, target: Path) -> None:
    taken = [f.name for f in plan.files if (target / f.name).exists()]
    if (target / plan.manifest_name).exists() or taken:
        what = ", ".join(taken) or "an earlier import of other files"
        raise ImportConflictError(
            tr.mark("{target_rel} already holds {what}"), target_rel=plan.target_rel, what=what
        )


def _join(staging: Path, target: Path) -> None:
    """Rename each staged file into the existing book folder (each rename is atomic), then drop
    the empty staging folder; a name that appeared meanwhile is a conflict, never overwritten."""
    moved: list[Path] = []
    try:
        for entry in sorted(staging.iterdir()):
            destination = target / entry.name
            if destination.exists():
                raise ImportConflictError(
                    tr.mark("{destination} appeared in the library meanwhile"), destination=destination
                )
            os.rename(entry, destination)
            moved.append(destination)
    except BaseException:
        for destination in moved:  # back to staging, which the caller removes
            os.rename(destination, staging / destination.name)
        raise
    staging.rmdir()
    _fsync_dir(target)


def _existing_import(
    target: Path, identity: list[dict[str, Any]], manifest_name: str = MANIFEST_NAME
) -> list[ImportedFile] | None:
    """The files of an earlier identical import at ``target``, or None."""
    try:
        manifest = json.loads((target / manifest_name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    comparable = [{k: f[k] for k in ("name", "size")} for f in identity if not f.get("owned")]
    recorded = [
        {k: f.get(k) for k in ("name", "size")} for f in manifest.get("sources", []) if not f.get("owned")
    ]
    if comparable != recorded:
        return None
    files = []
    for entry in manifest.get("files", []):
        path = target / entry["name"]
        if not path.is_file() or path.stat().st_size != entry["size"]:
            return None
        files.append(ImportedFile("", entry["name"], entry["size"], entry.get("source_sha256")))
    return files


def _result(
    plan: ImportPlan,
    target: Path,
    files: list[ImportedFile],
    *,
    already_present: bool = False,
    tagged: bool = False,
    warnings: list[str] | None = None,
) -> ImportResult:
    return ImportResult(
        target_path=plan.target_rel,
        absolute_path=str(target),
        mode=plan.mode,
        files=tuple(
            ImportedFile(f.source, f"{plan.target_rel}/{f.target}", f.size_bytes, f.sha256) for f in files
        ),
        sidecars=tuple(plan.sidecars),
        already_present=already_present,
        tagged=tagged,
        merged=any(f.owned for f in plan.files),
        warnings=tuple(warnings or plan.warnings),
    )


def _cleanup_owned(plan: ImportPlan) -> None:
    for planned in plan.files:
        if planned.owned:
            with contextlib.suppress(OSError):
                planned.source.unlink()


def _delete_sources(files: tuple[PlannedFile, ...]) -> None:
    for planned in files:
        if not planned.owned:
            with contextlib.suppress(FileNotFoundError):
                planned.source.unlink()


def _remove_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _remove_empty(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.rmdir()


def completed_import(database: Database, request_id: int, source: Path) -> ImportResult | None:
    """The finished import of this request's download ``source``, when its book folder is complete.

    A move-mode import whose process died after the files were placed is completed by
    :func:`recover_imports`, which also removes the sources: the retried organize job then finds
    the download empty and must take the book from here instead.
    """
    download = source.resolve()
    with database.session() as session:
        rows = session.execute(
            select(ImportOperation)
            .where(ImportOperation.request_id == request_id, ImportOperation.state == "done")
            .order_by(ImportOperation.id.desc())
        ).scalars()
        done = [(r.staging_path, r.target_path, r.source_path, r.mode, dict(r.manifest or {})) for r in rows]
    for staging_path, target_path, source_path, mode, recorded in done:
        sources = [*recorded.get("sources", []), source_path]
        if not any(Path(p).resolve().is_relative_to(download) for p in sources if p):
            continue
        target = Path(target_path)
        try:
            manifest = json.loads((target / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not _complete(target, manifest):
            continue
        root = Path(staging_path).parent.parent
        target_rel = target.relative_to(root).as_posix()
        files = tuple(
            ImportedFile("", f"{target_rel}/{f['name']}", f["size"], f.get("source_sha256"))
            for f in manifest["files"]
        )
        return ImportResult(
            target_path=target_rel, absolute_path=str(target), mode=mode, files=files, already_present=True
        )
    return None


def recover_imports(
    database: Database, *, is_abandoned: Callable[[str | None], bool] | None = None
) -> dict[str, int]:
    """Finish or undo imports whose process died; the composition root calls this at start-up.

    An operation is touched only when its owner is a dead process on this machine (another
    desktop sharing the database may be importing right now).
    """
    abandoned = is_abandoned or holder_is_dead_local_process
    counts = {"rolled_back": 0, "completed": 0, "skipped": 0}
    with database.session() as session:
        rows = session.execute(
            select(ImportOperation).where(ImportOperation.state.in_(("staging", "verified", "placed")))
        ).scalars()
        pending = [
            (r.id, r.state, r.staging_path, r.target_path, r.mode, dict(r.manifest or {})) for r in rows
        ]
    for op_id, state, staging_path, target_path, mode, manifest in pending:
        if not abandoned(manifest.get("owner")):
            counts["skipped"] += 1
            continue
        staging, target = Path(staging_path), Path(target_path)
        new_state, error = _recover_one(state, staging, target, mode, manifest)
        with database.session() as session:
            row = session.get(ImportOperation, op_id)
            if row is not None:
                row.state = new_state
                if error:
                    row.error = error
        counts["completed" if new_state == "done" else "rolled_back"] += 1
        log.info("Recovered import %s (%s -> %s)", op_id, state, new_state)
        _remove_empty(staging.parent)
    return counts


def _recover_one(
    state: str, staging: Path, target: Path, mode: str, manifest: dict[str, Any]
) -> tuple[str, str]:
    if state == "verified" and staging.is_dir() and not target.exists() and _complete(staging, manifest):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(staging, target)
        state = "placed"
    if (
        state in ("verified", "placed")
        and target.is_dir()
        and not staging.exists()
        and _complete(target, manifest)
    ):
        if mode == "move":
            _delete_sources(tuple(PlannedFile(Path(p), "") for p in manifest.get("sources", [])))
        return "done", ""
    _remove_tree(staging)
    return "rolled_back", f"Interrupted while {state}; the partial import was removed at start-up"


def _complete(folder: Path, manifest: dict[str, Any]) -> bool:
    files = manifest.get("files") or []
    return bool(files) and all(
        (folder / f["name"]).is_file()
        and (f.get("size") is None or (folder / f["name"]).stat().st_size == f["size"])
        for f in files
    )
