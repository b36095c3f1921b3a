"""UrlImports: a link becomes a book in the library, through the same organize and tag steps as
a download (job "url.import": progress, cancel, the user's rate limit)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import ConfigurationError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import UrlImportPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.library import ImportResult
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.organize.organizer import OrganizeOptions, organize_book
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, render
from rmab_desktop.services.tagging.reading import read_tags
from rmab_desktop.services.url_audio.source import UrlSource, download_audio, probe_url
from rmab_desktop.settings import LibrarySettings

tr = Translator("UrlImport")

CONTEXT = "url"


@dataclass(frozen=True)
class UrlPreview:
    source: UrlSource
    book: BookInfo
    target_path: str  # the book folder, relative to the library folder

    def to_json(self) -> dict[str, Any]:
        return {
            **self.source.to_json(),
            "title": self.book.title,
            "author": self.book.authors[0] if self.book.authors else None,
            "target_path": self.target_path,
        }


class UrlImports:
    def __init__(
        self,
        database: Database,
        queue: JobQueue,
        library: Callable[[], LibrarySettings],
        rate_limit_bps: Callable[[], int | None],
        work_dir: Path,
    ) -> None:
        self.database = database
        self.queue = queue
        self._library = library
        self._rate_limit = rate_limit_bps
        self.work_dir = work_dir

    def rate_limit_bps(self) -> int | None:
        """The user's speed limit for the app's own downloads (Settings > Download clients)."""
        return self._rate_limit()

    def preview(self, url: str, *, title: str | None = None, author: str | None = None) -> UrlPreview:
        """What the link holds and where it would go; ``title``/``author`` replace the page's."""
        source = probe_url(url)
        book = _book(source, title, author)
        return UrlPreview(source, book, render(self._library().path_template or DEFAULT_TEMPLATE, book))

    def enqueue(self, url: str, *, title: str | None = None, author: str | None = None) -> int:
        return self.queue.enqueue(
            JobType.URL_IMPORT, UrlImportPayload(url, title=title, author=author), priority=5
        )

    def __call__(self, ctx: JobContext, payload: UrlImportPayload) -> dict[str, Any]:
        """Job ``url.import``."""
        return self.run(
            payload.url,
            title=payload.title,
            author=payload.author,
            progress=ctx.progress,
            cancel=ctx.cancel,
            note=lambda message: ctx.event(message, context=CONTEXT),
            work_name=f"job-{ctx.job.id}",
        )

    def run(
        self,
        url: str,
        *,
        title: str | None = None,
        author: str | None = None,
        progress: Callable[[float], None] = lambda _p: None,
        cancel: CancelToken | None = None,
        note: Callable[[str], None] = lambda _m: None,
        work_name: str = "now",
    ) -> dict[str, Any]:
        """Download the link's audio and import it as a book; the folder and chapter count."""
        settings = self._library()
        if not settings.root:
            raise ConfigurationError("No library folder is set", hint="Choose it in Settings > Library.")
        preview = self.preview(url, title=title, author=author)
        note(f"Downloading the audio of {url}")
        folder = self.work_dir / f"url-{work_name}"
        try:
            audio = download_audio(
                url,
                folder,
                rate_limit_bps=self.rate_limit_bps(),
                progress=lambda p: progress(0.8 * p),
                cancel=cancel,
            )
            result = organize_book(
                audio,
                preview.book,
                settings.root,
                options=OrganizeOptions(
                    template=settings.path_template or DEFAULT_TEMPLATE,
                    mode="move",  # our own temporary copy
                    tag=settings.embed_tags,
                    sidecars=settings.write_sidecars,
                ),
                database=self.database,
                progress=lambda p: progress(0.8 + 0.2 * p.done / max(p.total, 1)),
                cancel=cancel,
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        LibraryScanner(self.database, workers=1).scan(settings.root, subpath=result.target_path)
        chapters = _chapters(result)
        note(
            tr.n("'{title}' is now in the library at {path} (%n chapter(s))", chapters).format(
                title=preview.book.title, path=result.target_path
            )
        )
        return {"path": result.absolute_path, "title": preview.book.title, "chapters": chapters}


def _book(source: UrlSource, title: str | None, author: str | None) -> BookInfo:
    name = (author or source.author or "").strip()
    if not name:
        raise ValidationError(
            f"The page at {source.url} names no author.", hint="Enter the author before importing."
        )
    runtime = round(source.duration / 60) if source.duration else None
    return BookInfo(title=(title or source.title).strip(), authors=(name,), runtime_minutes=runtime)


def _chapters(result: ImportResult) -> int:
    root = Path(result.absolute_path)
    counts = [int(read_tags(str(root / Path(f.target).name)).get("chapters") or 0) for f in result.files]
    return sum(counts)
