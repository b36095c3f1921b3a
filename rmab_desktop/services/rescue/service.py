"""RequestRescue: the ways out for a request that is stuck or drifted from the library."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook
from rmab_desktop.domain.enums import EventLevel, RequestKind, RequestStatus
from rmab_desktop.domain.errors import RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import OrganizePayload, RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.library import ImportResult
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.services.catalog.audiobooks import set_ebook_path, set_library_path
from rmab_desktop.services.downloads.history import DownloadHistoryLog
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.linking import forget_items, unlink_book
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.requests import RequestService
from rmab_desktop.services.rescue.deletion import DeletionPlan, plan_deletion, remove_files

tr = Translator("Rescue")  # job log lines, written in the current language

log = logging.getLogger(__name__)

CONTEXT = "rescue"


class Organizer(Protocol):
    def organize(self, details: Any, source: Path, *, dry_run: bool = False) -> ImportResult: ...

    def root_for(self, ebook: bool) -> str: ...


class Downloads(Protocol):
    def remove(self, client_id: str, item_id: str, *, delete_data: bool) -> None: ...


class Library(Protocol):
    def refresh_path(self, path: str | None) -> None: ...


class RequestRescue:
    def __init__(
        self,
        database: Database,
        queue: JobQueue,
        requests: RequestService,
        organizer: Organizer,
        downloads: Downloads,
        library: Library,
        history: DownloadHistoryLog,
    ) -> None:
        """``library`` is told about the changed folders (Plex and Audiobookshelf drop the book)."""
        self.database = database
        self.queue = queue
        self.requests = requests
        self.organizer = organizer
        self.downloads = downloads
        self.library = library
        self.history = history

    # -- import by hand -----------------------------------------------------------------------
    def preview_import(self, request_id: int, path: str | Path) -> ImportResult:
        """What importing ``path`` (a folder or a file) into the request would place where."""
        details = self.requests.get(request_id)
        return self.organizer.organize(details, self._existing(path), dry_run=True)

    def import_files(self, request_id: int, path: str | Path) -> int:
        """Queue the import of ``path`` into the request (the organize job, as after a download,
        without the wrong-content check: the user chose these files); the job id."""
        source = self._existing(path)
        details = self.requests.get(request_id)
        self.organizer.organize(details, source, dry_run=True)  # refuse now what cannot work
        self.queue.add_event(
            tr("Import by hand of {path}").format(path=source),
            request_id=request_id,
            context=CONTEXT,
            metadata={"path": str(source)},
        )
        return self.queue.enqueue(
            JobType.REQUESTS_ORGANIZE,
            OrganizePayload(request_id, download_path=str(source), manual=True),
            request_id=request_id,
            priority=5,
        )

    @staticmethod
    def _existing(path: str | Path) -> Path:
        source = Path(path).expanduser()
        if not source.exists():
            raise ValidationError(
                tr.mark("{path} does not exist."),
                hint=tr("Pick a file or folder that holds the book."),
                path=source,
            )
        return source.resolve()

    # -- search again, re-check, start over ---------------------------------------------------
    def search_with_terms(self, request_id: int, terms: str | None) -> RequestDetails:
        """Save the request's own search words (empty: back to the book's title and author) and
        search again now."""
        self.requests.set_custom_terms(request_id, terms)
        return self.requests.retry(request_id)

    def recheck(self, request_id: int) -> RequestDetails:
        """Look at the request's folder in the library again: files there make it available; a
        folder that is gone (or empty) sends it back to the search."""
        details = self.requests.get(request_id)
        ebook = details.kind == RequestKind.EBOOK
        column = Audiobook.ebook_path if ebook else Audiobook.library_path
        with self.database.session() as session:
            folder = session.scalar(select(column).where(Audiobook.id == details.audiobook_id))
        if folder and self._holds_book(Path(folder), details.kind):
            return self.requests.set_status(
                request_id,
                RequestStatus.AVAILABLE,
                tr("Re-checked: the book is in the library at {folder}").format(folder=folder),
            )
        with self.database.session() as session:
            (set_ebook_path if ebook else set_library_path)(session, details.audiobook_id, None)
            unlink_book(session, details.audiobook_id)
        message = (
            tr("Re-checked: no files at {folder} any more; searching again").format(folder=folder)
            if folder
            else tr("Re-checked: no files linked to it any more; searching again")
        )
        return self._back_to_search(request_id, message)

    def start_over(self, request_id: int) -> RequestDetails:
        """Forget the attempts and search from scratch (running downloads of the request are
        removed from their client)."""
        self._remove_downloads(plan_deletion(self.database, request_id).downloads)
        self.requests.reset_attempts(request_id)
        return self._back_to_search(request_id, tr("Started over: searching from scratch"))

    def _back_to_search(self, request_id: int, message: str) -> RequestDetails:
        details = self.requests.set_status(
            request_id, RequestStatus.AWAITING_SEARCH, message, level=EventLevel.WARNING
        )
        self.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id)
        return details

    @staticmethod
    def _holds_book(folder: Path, kind: RequestKind) -> bool:
        from rmab_desktop.services.organize.ebooks import find_ebooks
        from rmab_desktop.services.organize.organizer import find_audio

        if not folder.is_dir():
            return False
        return bool(find_ebooks(folder) if kind == RequestKind.EBOOK else find_audio(folder).audio)

    # -- delete with files --------------------------------------------------------------------
    def deletion_plan(self, request_id: int) -> DeletionPlan:
        self.requests.get(request_id)  # NotFoundError for an unknown or deleted request
        return plan_deletion(self.database, request_id)

    def delete_with_files(
        self, request_id: int, *, downloads_now: bool = False
    ) -> tuple[DeletionPlan, list[str]]:
        """Delete the request and everything :meth:`deletion_plan` lists; downloads leave their
        client now (with their data) or, by default, once their seeding rules are met. Returns
        the plan carried out and the problems met (files that could not be removed)."""
        plan, problems = self.clear_book(request_id, downloads_now=downloads_now)
        self.requests.delete(request_id)
        return plan, problems

    def clear_book(self, request_id: int, *, downloads_now: bool) -> tuple[DeletionPlan, list[str]]:
        """Remove what :meth:`deletion_plan` lists (the request stays): its downloads, the files its
        imports placed, their library entries; the library server is told. Files the app did not
        import stay. Returns the plan carried out and the problems met."""
        details = self.requests.get(request_id)
        plan = plan_deletion(self.database, request_id)
        problems = self._remove_downloads(plan.downloads) if downloads_now else []
        problems += remove_files(plan)
        with self.database.session() as session:
            forget_items(session, plan.library_items)
            clear = set_ebook_path if details.kind == RequestKind.EBOOK else set_library_path
            clear(session, details.audiobook_id, None)
        root = Path(self.organizer.root_for(details.kind == RequestKind.EBOOK)).resolve()
        for folder in plan.rescan:
            try:
                subpath = folder.resolve().relative_to(root).as_posix()
                LibraryScanner(self.database, workers=1).scan(str(root), subpath=subpath)
            except (RmabError, ValueError) as exc:
                problems.append(f"{folder} not rescanned: {exc}")
        problems += self._tell_library(plan)
        return plan, problems

    def _tell_library(self, plan: DeletionPlan) -> list[str]:
        """The library server rescans each folder (or its parent, when the folder went)."""
        problems = []
        for folder in plan.folders:
            existing = folder if folder.is_dir() else folder.parent
            try:
                self.library.refresh_path(str(existing) if existing.is_dir() else None)
            except RmabError as exc:
                problems.append(f"The library was not refreshed: {exc.user_message}")
        return problems

    def _remove_downloads(self, entries: list[tuple[int, str, str]]) -> list[str]:
        """Each download leaves its client now, with its data (left alone, the cleanup job
        removes a finished one once its seeding rules are met)."""
        problems: list[str] = []
        for history_id, client_id, item_id in entries:
            try:
                self.downloads.remove(client_id, item_id, delete_data=True)
            except RmabError as exc:
                problems.append(f"{client_id}: {exc.user_message}")
                continue
            self.history.set_status(history_id, "cancelled", removed_from_client=True)
        return problems
