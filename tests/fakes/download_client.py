"""A scripted download client: tests set each item's state; it records adds and removals."""

from __future__ import annotations

import dataclasses
import itertools

from rmab_desktop.clients.torrent_file import info_hash, magnet_info_hash
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import ServiceUnreachableError


class FakeDownloadClient:
    kind = "qbittorrent"
    protocols = frozenset({"torrent", "usenet"})

    def __init__(self) -> None:
        self.items: dict[str, DownloadItem] = {}
        self.added: list[NewDownload] = []
        self.removed: list[tuple[str, bool]] = []
        self.reachable = True
        self._ids = itertools.count(1)

    def _check(self) -> None:
        if not self.reachable:
            raise ServiceUnreachableError("Cannot connect to the fake client.", service="fake")

    def version(self) -> str:
        self._check()
        return "fake 1.0"

    def default_save_path(self) -> str:
        return "/remote/downloads"

    def add(self, item: NewDownload) -> str:
        self._check()
        if item.torrent:
            item_id = info_hash(item.torrent)
        elif item.magnet:
            item_id = magnet_info_hash(item.magnet)
        else:
            item_id = f"nzb-{next(self._ids)}"
        self.added.append(item)
        self.items[item_id] = DownloadItem(item_id, item.name, DownloadState.QUEUED, save_path=item.save_path)
        return item_id

    def set(self, item_id: str, **changes: object) -> None:
        self.items[item_id] = dataclasses.replace(self.items[item_id], **changes)  # type: ignore[arg-type]

    def get(self, item_id: str) -> DownloadItem:
        self._check()
        return self.items.get(item_id) or DownloadItem(item_id, "", DownloadState.MISSING)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        self._check()
        return list(self.items.values())

    def remove(self, item_id: str, delete_data: bool) -> None:
        self._check()
        self.items.pop(item_id, None)
        self.removed.append((item_id, delete_data))

    def close(self) -> None:
        pass
