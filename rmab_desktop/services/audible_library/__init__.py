"""The user's Audible library and wishlist: export imports, sign-in and sync, wishlist requests.

Owner of ``audible_library_entries`` and ``audible_sync_history``.
"""

from __future__ import annotations

import time
from pathlib import Path

from rmab_desktop.domain.audible_library import ImportSummary, Shelf
from rmab_desktop.services.audible_library.exports import read_export
from rmab_desktop.services.audible_library.store import AudibleLibraryStore
from rmab_desktop.services.audible_library.wishlist import WishlistOutcome, plan_missing, request_missing

__all__ = [
    "AudibleLibraryStore",
    "WishlistOutcome",
    "import_export",
    "plan_missing",
    "request_missing",
]


def import_export(store: AudibleLibraryStore, path: Path, shelf: Shelf, region: str) -> ImportSummary:
    """Import an audible-cli or Libation export into the library (or the wishlist)."""
    started = time.monotonic()
    parsed = read_export(path)
    origin = parsed.format.rsplit("-", 1)[0]
    return store.save(
        parsed.titles,
        shelf,
        kind="import",
        origin=origin,
        source=str(path),
        region=region,
        errors=parsed.errors,
        started=started,
    )
