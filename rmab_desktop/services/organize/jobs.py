"""Job ``requests.organize``: a finished download becomes an available book.

0. An import of this download that start-up recovery already completed (the app died after a
   move placed the files, and recovery removed the sources) is taken as it is: straight to step 3.
1. The download's tags are checked: files clearly tagged as another book are *wrong content*:
   the release is blocklisted and the request goes back to searching.
2. organize + tag + staged import into the library (retried with backoff on file-system errors;
   after the last attempt the request is set to "warn" for a manual retry). An ebook request
   imports its ebook files next to the audiobook or into the ebook library, and may hand them
   to Calibre; files the user chose by hand (``manual``) skip the wrong-content check.
3. The imported folder is scanned, linked to the request's audiobook, and the library backend is
   told about the new folder (a failure there is only a warning: the files are in place); the
   download client moves the download to its post-import category, when one is set.
4. ``requests.set_status(AVAILABLE)`` publishes the AppEvent that notifies the user.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import EventLevel, RequestKind, RequestStatus
from rmab_desktop.domain.errors import ConfigurationError, NotFoundError, RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import OrganizePayload, RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.library import ImportResult
from rmab_desktop.services.downloads.blocklist import BlocklistService
from rmab_desktop.services.downloads.history import DownloadHistoryLog
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.books import FileRecord, tag_evidence
from rmab_desktop.services.library.linking import link_imported
from rmab_desktop.services.library.matching import wrong_content
from rmab_desktop.services.organize.calibre import add_to_calibre
from rmab_desktop.services.organize.ebooks import find_ebooks, organize_ebook
from rmab_desktop.services.organize.importer import ImportConflictError, ProgressFn, completed_import
from rmab_desktop.services.organize.organizer import OrganizeOptions, find_audio, organize_book
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, render
from rmab_desktop.services.tagging.reading import read_tags
from rmab_desktop.settings import EbookSettings, LibrarySettings, Preferences

log = logging.getLogger(__name__)
tr = Translator("Organize")  # request status messages and job log lines, written in the current language

CONTEXT = "organize"


class Requests(Protocol):
    def get(self, request_id: int) -> Any: ...
    def set_status(self, request_id: int, status: RequestStatus, message: str, **kwargs: Any) -> Any: ...
    def increment_attempts(self, request_id: int, kind: str) -> int: ...


class Refresher(Protocol):
    def refresh_path(self, path: str | None) -> None: ...


class Downloads(Protocol):
    def after_import(self, client_id: str, item_id: str) -> str | None: ...


class OrganizeJob:
    def __init__(
        self,
        database: Database,
        queue: JobQueue,
        requests: Requests,
        prefs: Preferences,
        library: Refresher,
        history: DownloadHistoryLog,
        blocklist: BlocklistService,
        downloads: Downloads,
    ) -> None:
        self.database = database
        self.queue = queue
        self.requests = requests
        self.prefs = prefs
        self.library = library
        self.history = history
        self.blocklist = blocklist
        self.downloads = downloads

    @property
    def settings(self) -> LibrarySettings:
        return self.prefs.library  # read at each run: the user may change Settings meanwhile

    @property
    def ebooks(self) -> EbookSettings:
        return self.prefs.ebooks

    def __call__(self, ctx: JobContext, payload: OrganizePayload) -> dict[str, Any]:
        request_id = payload.request_id
        details = self.requests.get(request_id)
        if details.status == RequestStatus.AVAILABLE:
            return {"skipped": "already available"}
        if not self.settings.root:
            raise ConfigurationError(
                tr("No library folder is set"), hint=tr("Choose it in Settings > Library.")
            )
        source = Path(self._download_path(payload))
        book: BookInfo = details.book
        finished = completed_import(self.database, request_id, source)
        if finished is not None:
            ctx.event(
                tr("The import into {path} was completed at start-up").format(path=finished.target_path),
                context=CONTEXT,
            )
            return self._available(ctx, payload, details, finished)
        self.requests.increment_attempts(request_id, "import")
        # Files the user chose by hand are imported as they are; a download is checked first.
        reason = None if payload.manual else self._wrong_content(source, book)
        if reason:
            return self._reject(ctx, payload, details, reason)
        ctx.event(
            tr("Organizing {source} into {library}").format(
                source=source, library=self.root_for(details.kind == RequestKind.EBOOK)
            ),
            context=CONTEXT,
        )
        try:
            result = self.organize(
                details,
                source,
                progress=lambda p: ctx.progress(0.9 * p.done / max(p.total, 1)),
                cancel=ctx.cancel,
            )
        except ImportConflictError as exc:
            self._warn(ctx, request_id, tr("Import stopped: {error}").format(error=exc.user_message))
            return {"conflict": exc.user_message}
        except (RmabError, OSError) as exc:
            message = exc.user_message if isinstance(exc, RmabError) else f"{type(exc).__name__}: {exc}"
            if ctx.job.attempts >= ctx.job.max_attempts:
                self._warn(
                    ctx,
                    request_id,
                    tr.n("Import failed after %n attempt(s): {error}", ctx.job.attempts).format(
                        error=message
                    ),
                )
            raise
        for warning in result.warnings:
            ctx.event(warning, EventLevel.WARNING, context=CONTEXT)
        return self._available(ctx, payload, details, result)

    def _available(
        self, ctx: JobContext, payload: OrganizePayload, details: Any, result: ImportResult
    ) -> dict[str, Any]:
        """Link the imported folder, tell the library server (and Calibre, for an ebook), move the
        download to its post-import category, and mark the request available."""
        book: BookInfo = details.book
        ebook = details.kind == RequestKind.EBOOK
        confidence = link_imported(
            self.database,
            self.root_for(ebook),
            result.target_path,
            result.absolute_path,
            book,
            details.audiobook_id,
            details.id,
            ebook=ebook,
        )
        self._refresh(ctx, result)
        if ebook and self.ebooks.calibre_add and not result.already_present:
            self._to_calibre(ctx, result)
        self._recategorize(ctx, payload.download_history_id)
        self.requests.set_status(
            details.id,
            RequestStatus.AVAILABLE,
            (
                tr("“{title}” was already in the library at {path}")
                if result.already_present
                else tr("“{title}” is now in the library at {path}")
            ).format(title=book.title, path=result.target_path),
            job_id=ctx.job.id,
            path=result.absolute_path,
        )
        return {"path": result.absolute_path, "files": len(result.files), "match_confidence": confidence}

    def organize(
        self,
        details: Any,
        source: Path,
        *,
        dry_run: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportResult:
        """Import ``source`` for the request as its kind says (audio, or ebook files), with the
        user's settings; ``dry_run`` only says what would go where."""
        if not self.settings.root:
            raise ConfigurationError(
                tr("No library folder is set"), hint=tr("Choose it in Settings > Library.")
            )
        book: BookInfo = details.book
        options = OrganizeOptions(
            template=self.settings.path_template or DEFAULT_TEMPLATE,
            mode=self.settings.import_mode,
            tag=self.settings.embed_tags,
            sidecars=self.settings.write_sidecars,
            merge_chapters=self.settings.merge_chapters,
        )
        common: dict[str, Any] = {
            "options": options,
            "database": self.database,
            "request_id": details.id,
            "dry_run": dry_run,
            "progress": progress,
            "cancel": cancel,
        }
        if details.kind == RequestKind.EBOOK:
            folder = self._ebook_folder(book, details.audiobook_id)
            return organize_ebook(source, book, self.root_for(True), folder, **common)
        return organize_book(source, book, self.root_for(False), **common)

    # ------------------------------------------------------------------ steps
    def root_for(self, ebook: bool) -> str:
        """The library folder an import of this kind goes to (the ebook library, when set)."""
        return (self.ebooks.root if ebook else None) or str(self.settings.root)

    def _download_path(self, payload: OrganizePayload) -> str:
        if payload.download_path:
            return payload.download_path
        if payload.download_history_id is not None:
            entry = self.history.get(payload.download_history_id)
            if entry is not None and entry.download_path:
                return entry.download_path
        raise NotFoundError(tr("The job does not say where the download is"), hint=tr("Retry the download."))

    def _ebook_folder(self, book: BookInfo, audiobook_id: int) -> str:
        """The ebook's book folder, relative to its root: the ebook library's template; else the
        folder the audiobook was imported to; else where the audiobook will go."""
        if self.ebooks.root:
            return render(self.ebooks.path_template or DEFAULT_TEMPLATE, book)
        with self.database.session() as session:
            audio_path = session.scalar(select(Audiobook.library_path).where(Audiobook.id == audiobook_id))
        root = Path(str(self.settings.root)).resolve()
        if audio_path and Path(audio_path).resolve().is_relative_to(root) and Path(audio_path).is_dir():
            return Path(audio_path).resolve().relative_to(root).as_posix()
        return render(self.settings.path_template or DEFAULT_TEMPLATE, book)

    def _recategorize(self, ctx: JobContext, history_id: int | None) -> None:
        """The client's post-import category (label) for the imported download, when one is set."""
        entry = self.history.get(history_id) if history_id is not None else None
        if entry is None or not entry.client_id or not entry.item_id:
            return
        try:
            category = self.downloads.after_import(entry.client_id, entry.item_id)
        except RmabError as exc:
            ctx.event(
                tr("Category not changed: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
                context=CONTEXT,
            )
            return
        if category:
            ctx.event(
                tr("Download moved to category “{category}”").format(category=category), context=CONTEXT
            )

    def _to_calibre(self, ctx: JobContext, result: ImportResult) -> None:
        files = [Path(result.absolute_path) / Path(f.target).name for f in result.files]
        try:
            report = add_to_calibre(
                files, configured=self.ebooks.calibredb_path, library=self.ebooks.calibre_library
            )
        except RmabError as exc:
            ctx.event(
                tr("Not added to Calibre: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
                context=CONTEXT,
            )
            return
        ctx.event(tr("Added to Calibre: {report}").format(report=report or tr("done")), context=CONTEXT)

    def _wrong_content(self, source: Path, book: BookInfo) -> str | None:
        if not source.exists():
            return None  # organize raises the clear "missing" error (and the job retries)
        paths = find_audio(source).audio[:50] + find_ebooks(source)
        files = [FileRecord(str(p), 0, read_tags(str(p))) for p in paths]
        evidence = tag_evidence(files)
        return wrong_content(book, evidence) if evidence else None

    def _reject(self, ctx: JobContext, payload: OrganizePayload, details: Any, reason: str) -> dict[str, Any]:
        history_id = payload.download_history_id
        entry = self.history.get(history_id) if history_id is not None else None
        if entry is not None:
            self.history.set_status(
                entry.id, "failed", error=tr("Wrong content: {reason}").format(reason=reason)
            )
            self.blocklist.add_manual(
                details.audiobook_id,
                entry.release_title,
                guid=entry.release_guid,
                indexer=entry.indexer,
                reason=f"wrong content: {reason}",
            )
        self.requests.set_status(
            details.id,
            RequestStatus.AWAITING_SEARCH,
            tr("Wrong book downloaded ({reason}); release blocklisted, searching again").format(
                reason=reason
            ),
            job_id=ctx.job.id,
            level=EventLevel.WARNING,
        )
        self.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(details.id), request_id=details.id)
        return {"wrong_content": reason}

    def _warn(self, ctx: JobContext, request_id: int, message: str) -> None:
        self.requests.set_status(
            request_id, RequestStatus.WARN, message, job_id=ctx.job.id, level=EventLevel.WARNING
        )

    def _refresh(self, ctx: JobContext, result: ImportResult) -> None:
        try:
            self.library.refresh_path(result.absolute_path)
        except RmabError as exc:
            ctx.event(
                tr("Library server not refreshed: {error}").format(error=exc.user_message),
                EventLevel.WARNING,
                context=CONTEXT,
            )
