"""The one interface every download client implements (see rmab_desktop/clients/)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from rmab_desktop.domain.downloads import DownloadItem, NewDownload


@runtime_checkable
class DownloadClient(Protocol):
    kind: str
    protocols: frozenset[str]

    def version(self) -> str:
        """Connect and log in; the client's version. Raises typed errors (unreachable, auth)."""
        ...

    def default_save_path(self) -> str:
        """Where the client saves when told nothing, in its own view of the file system."""
        ...

    def add(self, item: NewDownload) -> str:
        """Hand over a download; returns the id used by ``get``/``remove``."""
        ...

    def get(self, item_id: str) -> DownloadItem:
        """The item's state; ``DownloadState.MISSING`` when the client does not know it."""
        ...

    def list(self, category: str | None = None) -> list[DownloadItem]: ...

    def remove(self, item_id: str, delete_data: bool) -> None: ...

    def close(self) -> None: ...
