"""Import an existing library: scan a folder, propose a catalog match per book, link what the user
confirms, and optionally move books into the path template after showing every move.

The workflow is UI-agnostic: the dialog (or a test) makes the decisions. Nothing is linked or
moved except what the caller passes to :meth:`LibraryImport.link` or :meth:`LibraryImport.move`.
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import AudibleCacheEntry, Audiobook, LibraryItem
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import LibraryBook, WantedBook
from rmab_desktop.services.catalog.audiobooks import set_library_path, set_library_path_of, track_book
from rmab_desktop.services.catalog.cache import book_info
from rmab_desktop.services.library.availability import Requests, make_available
from rmab_desktop.services.library.backends import Progress
from rmab_desktop.services.library.matching import LINK_THRESHOLD, match_books
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.organize.organizer import OrganizeOptions, organize_book

tr = Translator("LibraryImport")

LOOKUP_LIMIT = 500  # catalog lookups per import, to stay polite to the catalog


@dataclass(frozen=True)
class Candidate:
    """A book the app knows (tracked audiobook or cached catalog entry) a library book may be."""

    key: str  # "ab:<audiobooks.id>" or "cat:<asin>:<region>"
    book: BookInfo
    audiobook_id: int | None = None

    @property
    def label(self) -> str:
        authors = ", ".join(self.book.authors)
        return f"{self.book.title} — {authors}" + (f" [{self.book.asin}]" if self.book.asin else "")


@dataclass(frozen=True)
class Proposal:
    """What the app thinks one scanned book is. ``confident`` proposals may be bulk-accepted."""

    book: LibraryBook  # path relative to the scanned folder
    folder: str  # absolute
    candidate: Candidate | None
    confidence: float
    reason: str
    alternatives: tuple[Candidate, ...] = ()

    @property
    def confident(self) -> bool:
        return self.candidate is not None and self.confidence >= LINK_THRESHOLD


@dataclass(frozen=True)
class PlannedMove:
    folder: str
    target_rel: str
    target: str
    candidate: Candidate
    problem: str | None = None  # why this move cannot be done (target exists, no audio ...)


@dataclass
class MoveReport:
    moved: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def _as_found(folder: str, book: BookInfo) -> LibraryBook:
    """A confirmed book as the matcher sees it: the folder, described by the book it was confirmed as."""
    return LibraryBook(
        path=folder,
        title=book.title,
        subtitle=book.subtitle,
        authors=book.authors,
        narrators=book.narrators,
        series=book.series,
        series_position=book.series_position,
        asin=book.asin,
    )


class LibraryImport:
    def __init__(
        self,
        database: Database,
        scanner: LibraryScanner | None = None,
        requests: Requests | None = None,
        lookup: Callable[[str], BookInfo | None] | None = None,
    ) -> None:
        """``lookup(asin)`` asks the catalog about ASINs found in the folder that the app does not know."""
        self.database = database
        self.scanner = scanner or LibraryScanner(database)
        self.requests = requests
        self.lookup = lookup

    def scan(
        self, folder: str, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[LibraryBook]:
        self.scanner.scan(folder, progress=progress, cancel=cancel)
        return self.scanner.list_books(folder, with_evidence=True)

    def candidates(
        self, books: Sequence[LibraryBook] = (), cancel: CancelToken | None = None
    ) -> list[Candidate]:
        """Tracked audiobooks, then cached catalog entries, then catalog lookups of the ASINs the
        scanned ``books`` carry that neither knows (at most ``LOOKUP_LIMIT``)."""
        with self.database.session() as session:
            tracked = session.execute(select(Audiobook)).scalars().all()
            found = [Candidate(f"ab:{row.id}", book_info(row), row.id) for row in tracked]
            known = {(row.asin, row.region) for row in tracked if row.asin}
            for row in session.execute(select(AudibleCacheEntry)).scalars():
                if (row.asin, row.region) not in known:
                    found.append(Candidate(f"cat:{row.asin}:{row.region}", book_info(row)))
        if self.lookup is None:
            return found
        known_asins = {c.book.asin.upper() for c in found if c.book.asin}
        wanted = sorted({a.upper() for b in books for a in (b.asin, *(e.asin for e in b.evidence)) if a})
        for asin in [a for a in wanted if a not in known_asins][:LOOKUP_LIMIT]:
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                info = self.lookup(asin)
            except RmabError:
                continue  # unknown ASIN, or the catalog is unreachable: the book stays unmatched
            if info is not None:
                found.append(Candidate(f"cat:{info.asin}:{info.region}", info))
        return found

    def propose(
        self, folder: str, books: Sequence[LibraryBook], candidates: Sequence[Candidate]
    ) -> list[Proposal]:
        """One proposal per scanned book: the best candidate that names it, with its confidence."""
        by_key = {c.key: c for c in candidates}
        matches = match_books([WantedBook(c.key, c.book) for c in candidates], list(books))
        claims: dict[str, list[tuple[float, str, Candidate]]] = defaultdict(list)
        for match in matches:
            path = match.path or match.suggestion
            if path is not None:
                claims[path].append((match.confidence if match.path else min(match.confidence, LINK_THRESHOLD - 0.01),
                                     match.reason, by_key[match.id]))  # fmt: skip
        proposals = []
        for book in books:
            ranked = sorted(claims.get(book.path, []), key=lambda c: -c[0])
            absolute = os.path.join(folder, *book.path.split("/"))
            if not ranked:
                proposals.append(Proposal(book, absolute, None, 0.0, "no known book matches"))
                continue
            confidence, reason, best = ranked[0]
            proposals.append(
                Proposal(book, absolute, best, confidence, reason, tuple(c for _, _, c in ranked[1:]))
            )
        return proposals

    def link(self, decisions: Sequence[tuple[Proposal, Candidate]]) -> int:
        """Link each confirmed book to its candidate (creating the tracked audiobook if needed)."""
        linked = 0
        with self.database.session() as session:
            for proposal, candidate in decisions:
                audiobook_id = candidate.audiobook_id or track_book(session, candidate.book)
                item_id = session.scalar(
                    select(LibraryItem.id).where(
                        LibraryItem.backend == "folder", LibraryItem.external_id == proposal.folder
                    )
                )
                if item_id is None:
                    continue
                confidence = proposal.confidence if candidate == proposal.candidate else 1.0
                reason = proposal.reason if candidate == proposal.candidate else "confirmed by the user"
                session.execute(
                    update(LibraryItem)
                    .where(LibraryItem.id == item_id)
                    .values(audiobook_id=audiobook_id, match_confidence=confidence, match_reason=reason)
                )
                set_library_path(session, audiobook_id, proposal.folder)
                linked += 1
        if self.requests is not None and decisions:
            make_available(self.requests, lambda: [_as_found(p.folder, c.book) for p, c in decisions])
        return linked

    def plan_moves(
        self, decisions: Sequence[tuple[Proposal, Candidate]], library_root: str, template: str
    ) -> list[PlannedMove]:
        """Where each confirmed book would go (a dry run of the organizer: nothing is touched)."""
        options = OrganizeOptions(template=template, mode="move", tag=False, sidecars=False)
        targets: dict[str, str] = {}
        plans = []
        for proposal, candidate in decisions:
            try:
                result = organize_book(
                    proposal.folder, candidate.book, library_root, options=options, dry_run=True
                )
            except RmabError as exc:
                plans.append(PlannedMove(proposal.folder, "", "", candidate, exc.user_message))
                continue
            target = result.absolute_path
            problem = None
            if os.path.normcase(os.path.abspath(target)) == os.path.normcase(
                os.path.abspath(proposal.folder)
            ):
                problem = "already in place"
            elif target in targets:
                problem = f"same target as {targets[target]}"
            elif os.path.exists(target):
                problem = "a folder with this name already exists"
            targets.setdefault(target, proposal.folder)
            plans.append(PlannedMove(proposal.folder, result.target_path, target, candidate, problem))
        return plans

    def move(
        self, moves: Sequence[PlannedMove], library_root: str, template: str,
        progress: Progress | None = None, cancel: CancelToken | None = None,
    ) -> MoveReport:  # fmt: skip
        """Move the books the user consented to (staged and crash-safe, see the organizer)."""
        if not os.path.isdir(library_root):
            raise ValidationError(
                f"{library_root} is not a folder.", hint="Choose the library folder in Settings."
            )
        options = OrganizeOptions(template=template, mode="move", tag=False, sidecars=False)
        report = MoveReport()
        for done, plan in enumerate(moves):
            if cancel is not None:
                cancel.raise_if_cancelled()
            if plan.problem:
                report.failed.append((plan.folder, plan.problem))
                continue
            try:
                organize_book(
                    plan.folder, plan.candidate.book, library_root, options=options, database=self.database
                )
            except RmabError as exc:
                report.failed.append((plan.folder, exc.user_message))
                continue
            report.moved.append(plan.target)
            book = plan.candidate.book
            with self.database.session() as session:
                set_library_path_of(session, book, plan.target)
            _remove_empty_parents(Path(plan.folder))
            if progress is not None:
                progress(tr("Moved {done} of {total}").format(done=done + 1, total=len(moves)))
        return report


def _remove_empty_parents(folder: Path) -> None:
    """Remove the emptied book folder (and empty disc folders); never anything with files left."""
    if not folder.is_dir():
        return
    for path in [*sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True), folder]:
        with contextlib.suppress(OSError):  # not empty: the user's other files stay
            path.rmdir()
