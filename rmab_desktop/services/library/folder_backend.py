"""The embedded default backend: a plain library folder scanned by the app's own scanner."""

from __future__ import annotations

import os
import tempfile

from sqlalchemy import or_, select, update

from rmab_desktop.clients._http import timed_test
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import ConfigurationError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.library.backends import BackendBook, Progress
from rmab_desktop.services.library.scanner import BACKEND, LibraryScanner

tr = Translator("LibraryScan")

COVER_STEMS = ("cover", "folder")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def find_cover(folder: str) -> str | None:
    """``cover.*`` (or ``folder.*``) wins, else the first image, as Audiobookshelf decides."""
    try:
        names = sorted(e.name for e in os.scandir(folder) if e.is_file() and not e.name.startswith("."))
    except OSError:
        return None
    images = [n for n in names if os.path.splitext(n)[1].lower() in IMAGE_EXTENSIONS]
    for stem in COVER_STEMS:
        for name in images:
            if os.path.splitext(name)[0].lower() == stem:
                return os.path.join(folder, name)
    return os.path.join(folder, images[0]) if images else None


class FolderBackend:
    kind = LibraryBackendKind.FOLDER

    def __init__(self, root: str | None, scanner: LibraryScanner) -> None:
        if not root:
            raise ConfigurationError(
                tr.mark("No library folder is set."), hint=tr.mark("Choose your library folder in Settings.")
            )
        self.root = os.path.abspath(root)
        self.scanner = scanner

    def test(self) -> ConnectionTestResult:
        def probe() -> str:
            if not os.path.isdir(self.root):
                raise ValidationError(
                    tr.mark("{root} is not a folder."),
                    hint=tr.mark("Choose an existing folder."),
                    root=self.root,
                )
            try:
                with tempfile.TemporaryFile(dir=self.root, prefix=".rmab-write-test-"):
                    pass
            except OSError as exc:
                raise ValidationError(
                    tr.mark("The app cannot write into {root} ({reason})."),
                    hint=tr.mark("Choose a folder you can write to, or fix its permissions."),
                    root=self.root,
                    reason=exc.strerror,
                ) from exc
            return tr("Library folder {root} is readable and writable.").format(root=self.root)

        return timed_test("Library folder", probe)

    def list_books(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[BackendBook]:
        """Scan (incrementally), note covers for books that had none, return the books."""
        self.scanner.scan(self.root, progress=progress, cancel=cancel)
        self._fill_covers()
        books = self.scanner.list_books(self.root)
        with self.scanner.database.session() as session:
            covers = dict(
                session.execute(
                    select(LibraryItem.id, LibraryItem.cover_path).where(LibraryItem.backend == BACKEND)
                ).all()
            )
        return [
            BackendBook(
                external_id=os.path.join(self.root, *book.path.split("/")),
                book=book,
                local_path=os.path.join(self.root, *book.path.split("/")),
                cover=covers.get(book.id or -1),
            )
            for book in books
        ]

    def _fill_covers(self, under: str | None = None) -> None:
        prefix = (under or self.root).rstrip(os.sep) + os.sep
        with self.scanner.database.session() as session:
            rows = session.execute(
                select(LibraryItem.id, LibraryItem.path).where(
                    LibraryItem.backend == BACKEND,
                    LibraryItem.cover_path.is_(None),
                    or_(LibraryItem.path.startswith(prefix, autoescape=True), LibraryItem.path == under),
                )
            ).all()
        found = [
            {"id": id_, "cover_path": cover} for id_, path in rows if path and (cover := find_cover(path))
        ]
        if found:
            with self.scanner.database.session() as session:
                session.execute(update(LibraryItem), found)

    def refresh(self, path: str | None = None) -> None:
        subpath = os.path.relpath(path, self.root) if path else None
        if subpath and (subpath == os.pardir or subpath.startswith(os.pardir + os.sep)):
            raise ValidationError(
                tr.mark("{path} is not inside the library folder {root}."), path=path, root=self.root
            )
        self.scanner.scan(self.root, subpath=None if subpath in (None, os.curdir) else subpath)
        self._fill_covers(path)
