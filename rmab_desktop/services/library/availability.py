"""Requests still waiting for a book that is now in the library become available.

Used after a library refresh, a scan of recently added books and an import of an existing library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.library import LibraryBook, WantedBook
from rmab_desktop.services.library.matching import match_books

tr = Translator("LibraryAvailability")

# Waiting for the library, not in the middle of the pipeline (which links books itself).
WAITING = [
    RequestStatus.AWAITING_SEARCH,
    RequestStatus.AWAITING_RELEASE,
    RequestStatus.SEARCHING,
    RequestStatus.FAILED,
    RequestStatus.WARN,
]


class Requests(Protocol):
    def list(self, *, statuses: list[RequestStatus] | None = None, limit: int = 1000) -> list[Any]: ...
    def set_status(self, request_id: int, status: RequestStatus, message: str, **kwargs: Any) -> Any: ...


def make_available(
    requests: Requests, library: Callable[[], Sequence[LibraryBook]], job_id: int | None = None
) -> int:
    """Requests still waiting whose book is in ``library`` (read only when some wait) become available."""
    waiting = requests.list(statuses=WAITING)
    if not waiting:
        return 0
    found = 0
    for match in match_books([WantedBook(str(r.id), r.book) for r in waiting], list(library())):
        if match.path:
            requests.set_status(
                int(match.id),
                RequestStatus.AVAILABLE,
                tr("Found in the library at {path} ({reason})").format(path=match.path, reason=match.reason),
                job_id=job_id,
            )
            found += 1
    return found
