"""Problems users report with a book in the library, as every layer sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from rmab_desktop.domain.i18n import Marked, Translator, text

_tr = Translator("ReportedProblems")

NOTE_LIMIT = 250  # characters of the reporter's note


class ProblemKind(StrEnum):
    WRONG_BOOK = "wrong_book"
    BAD_AUDIO = "bad_audio"  # corrupt or incomplete audio
    WRONG_EDITION = "wrong_edition"  # wrong narrator or edition
    OTHER = "other"


class ProblemStatus(StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    REPLACED = "replaced"


# Shown through rmab_desktop.domain.i18n.text().
KIND_LABELS: dict[ProblemKind, Marked] = {
    ProblemKind.WRONG_BOOK: _tr.mark("Wrong book"),
    ProblemKind.BAD_AUDIO: _tr.mark("Corrupt or incomplete audio"),
    ProblemKind.WRONG_EDITION: _tr.mark("Wrong narrator or edition"),
    ProblemKind.OTHER: _tr.mark("Other"),
}
STATUS_LABELS: dict[ProblemStatus, Marked] = {
    ProblemStatus.OPEN: _tr.mark("Open"),
    ProblemStatus.DISMISSED: _tr.mark("Dismissed"),
    ProblemStatus.REPLACED: _tr.mark("Replaced"),
}


@dataclass(frozen=True)
class ReportedProblem:
    id: int
    request_id: int | None
    audiobook_id: int
    asin: str
    title: str
    kind: ProblemKind
    note: str
    status: ProblemStatus
    reporter_id: int | None
    reporter: str  # the reporter's name as shown
    requester: str  # whose request it is
    created_at: datetime
    resolution_note: str | None = None
    resolved_at: datetime | None = None

    @property
    def kind_label(self) -> str:
        return text(KIND_LABELS[self.kind])

    @property
    def status_label(self) -> str:
        return text(STATUS_LABELS[self.status])


@dataclass(frozen=True)
class Replacement:
    """What replacing a reported book did."""

    problem: ReportedProblem
    blocklisted: tuple[str, ...]  # release titles blocked for the book
    removed: tuple[str, ...]  # files and downloads the app removed (its own imports only)
    kept: tuple[str, ...]  # files the app did not import: left where they are
    problems: tuple[str, ...] = field(default=())  # what could not be done (a server unreachable)
    searching: bool = True  # False: an administrator picks the release (interactive search)
