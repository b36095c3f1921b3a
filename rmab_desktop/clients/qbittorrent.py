"""qBittorrent through its WebUI API (qbittorrent-api), mapped to :class:`DownloadItem`."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

from rmab_desktop.clients.deadline import CONNECT_TIMEOUT, deadline, watch_session
from rmab_desktop.clients.fields import integer, mapping, number, quote, string
from rmab_desktop.clients.torrent_file import info_hash, magnet_info_hash
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    ServiceError,
    ServiceTimeoutError,
    ServiceUnreachableError,
    ValidationError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "qBittorrent"
DEADLINE = 30.0  # one library call (a login and a request at most), answer read in full
NO_ETA = 8640000
STATES = {
    "error": DownloadState.FAILED,
    "missingFiles": DownloadState.FAILED,
    "uploading": DownloadState.SEEDING,
    "stalledUP": DownloadState.SEEDING,
    "forcedUP": DownloadState.SEEDING,
    "queuedUP": DownloadState.SEEDING,
    "pausedUP": DownloadState.COMPLETED,
    "stoppedUP": DownloadState.COMPLETED,
    "checkingUP": DownloadState.CHECKING,
    "downloading": DownloadState.DOWNLOADING,
    "forcedDL": DownloadState.DOWNLOADING,
    "metaDL": DownloadState.DOWNLOADING,
    "forcedMetaDL": DownloadState.DOWNLOADING,
    "stalledDL": DownloadState.STALLED,
    "queuedDL": DownloadState.QUEUED,
    "allocating": DownloadState.QUEUED,
    "checkingDL": DownloadState.CHECKING,
    "checkingResumeData": DownloadState.CHECKING,
    "moving": DownloadState.CHECKING,
    "pausedDL": DownloadState.PAUSED,
    "stoppedDL": DownloadState.PAUSED,
}


def map_torrent(data: dict[str, Any]) -> DownloadItem:
    """One ``torrents/info`` (or sync/maindata) torrent as a DownloadItem."""
    raw_state = string(data.get("state")) or ""
    state = STATES.get(raw_state, DownloadState.QUEUED)
    eta = integer(data.get("eta"))
    size = integer(data.get("size")) or integer(data.get("total_size"))
    return DownloadItem(
        id=string(data.get("hash")) or string(data.get("infohash_v1")) or "",
        name=string(data.get("name")) or "",
        state=state,
        progress=number(data.get("progress")) or 0.0,
        size_bytes=size if size is not None and size >= 0 else None,
        downloaded_bytes=integer(data.get("completed")),
        speed_bps=integer(data.get("dlspeed")) or 0,
        eta_seconds=eta if eta is not None and 0 <= eta < NO_ETA else None,
        ratio=number(data.get("ratio")),
        seeding_seconds=integer(data.get("seeding_time")),
        save_path=string(data.get("save_path")),
        content_path=string(data.get("content_path")),
        category=string(data.get("category")),
        error=f"qBittorrent reports '{quote(raw_state)}'" if state == DownloadState.FAILED else None,
    )


@functools.cache
def _watched_client_class() -> type:
    """qbittorrentapi.Client whose requests session obeys deadlines (imported here, not at start-up)."""
    import qbittorrentapi

    class WatchedClient(qbittorrentapi.Client):
        @property
        def _session(self) -> Any:  # the library builds its session lazily, and again after a logout
            return watch_session(super()._session)

    return WatchedClient


class QBittorrentClient:
    kind = "qbittorrent"
    protocols = frozenset({"torrent"})

    def __init__(
        self,
        url: str,
        username: str = "",
        password: str = "",
        *,
        verify_tls: bool = True,
        timeout: float = 15.0,
        deadline_seconds: float = DEADLINE,
    ) -> None:
        self.url = url.rstrip("/")
        self.deadline_seconds = deadline_seconds
        self._api = _watched_client_class()(
            host=self.url,
            username=username or None,
            password=password or None,
            VERIFY_WEBUI_CERTIFICATE=verify_tls,
            REQUESTS_ARGS={"timeout": (min(timeout, CONNECT_TIMEOUT), timeout)},
            DISABLE_LOGGING_DEBUG_OUTPUT=True,
        )

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        import qbittorrentapi

        try:
            with deadline(SERVICE, self.deadline_seconds):
                yield
        except qbittorrentapi.LoginFailed as exc:
            raise AuthenticationError(
                tr.mark("qBittorrent at {url} refused the user name or password."),
                service=SERVICE,
                hint=tr.mark(
                    "Check the WebUI user name and password (qBittorrent: Tools > Options > Web UI)."
                ),
                url=self.url,
            ) from exc
        except (qbittorrentapi.Unauthorized401Error, qbittorrentapi.Forbidden403Error) as exc:
            raise AuthenticationError(
                tr.mark("qBittorrent at {url} refused access ({kind})."),
                service=SERVICE,
                hint=tr.mark(
                    "Check the user name and password; too many failed logins make qBittorrent ban the address for a while."
                ),
                url=self.url,
                kind=type(exc).__name__,
            ) from exc
        except qbittorrentapi.HTTPError as exc:
            raise InvalidResponseError(
                tr.mark("qBittorrent at {url} answered with an error: {reason}"),
                service=SERVICE,
                url=self.url,
                reason=quote(exc),
            ) from exc
        except qbittorrentapi.APIConnectionError as exc:
            text = str(exc).lower()
            if "timed out" in text or "timeout" in text:
                raise ServiceTimeoutError(
                    tr.mark("qBittorrent at {url} did not answer in time."), service=SERVICE, url=self.url
                ) from exc
            raise ServiceUnreachableError(
                tr.mark("Cannot connect to qBittorrent at {url}."),
                service=SERVICE,
                hint=tr.mark("Check the address and port, and that qBittorrent's Web UI is enabled."),
                url=self.url,
            ) from exc
        except qbittorrentapi.APIError as exc:
            raise ServiceError(tr.mark("qBittorrent: {reason}"), service=SERVICE, reason=quote(exc)) from exc
        except (RecursionError, ValueError, TypeError, AttributeError, KeyError) as exc:
            # the library decoded an answer of a shape it (or map_torrent) cannot read
            raise InvalidResponseError(
                tr.mark("qBittorrent at {url} sent an answer the app cannot read ({kind})."),
                service=SERVICE,
                url=self.url,
                kind=type(exc).__name__,
            ) from exc

    def version(self) -> str:
        with self._errors():
            self._api.auth_log_in()
            return str(self._api.app_version())

    def default_save_path(self) -> str:
        with self._errors():
            return str(self._api.app_default_save_path())

    def ensure_category(self, category: str, save_path: str | None) -> None:
        with self._errors():
            existing = self._api.torrents_categories()
            if category not in existing:
                self._api.torrents_create_category(name=category, save_path=save_path or "")
            elif save_path and mapping(existing[category]).get("savePath") != save_path:
                self._api.torrents_edit_category(name=category, save_path=save_path)

    def add(self, item: NewDownload) -> str:
        if item.torrent:
            item_hash = info_hash(item.torrent)
            source: dict[str, Any] = {"torrent_files": {f"{item_hash}.torrent": item.torrent}}
        elif item.magnet:
            item_hash = magnet_info_hash(item.magnet)
            source = {"urls": item.magnet}
        else:
            raise ValidationError(tr.mark("qBittorrent needs a .torrent file or a magnet link."))
        with self._errors():
            if item.category:
                self.ensure_category(item.category, item.save_path)
            answer = self._api.torrents_add(
                **source,
                save_path=item.save_path,
                category=item.category,
                tags="audiobook",
                is_paused=item.paused,
                is_stopped=item.paused,
                ratio_limit=-1,
                seeding_time_limit=-1,
            )
        if (
            str(answer).strip().lower().startswith("fail")
            and self.get(item_hash).state == DownloadState.MISSING
        ):
            raise ServiceError(
                tr.mark("qBittorrent did not accept '{name}'."), service=SERVICE, name=item.name
            )
        return item_hash

    def get(self, item_id: str) -> DownloadItem:
        with self._errors():
            items = [map_torrent(dict(row)) for row in self._api.torrents_info(torrent_hashes=item_id)]
        # emulators (RDT-Client) ignore the hashes filter: pick ours
        for item in items:
            if item.id.lower() == item_id.lower():
                return item
        return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        with self._errors():
            rows = self._api.torrents_info(category=category) if category else self._api.torrents_info()
            return [map_torrent(dict(row)) for row in rows]

    def remove(self, item_id: str, delete_data: bool) -> None:
        with self._errors():
            self._api.torrents_delete(delete_files=delete_data, torrent_hashes=item_id)

    def set_category(self, item_id: str, category: str) -> None:
        with self._errors():
            self.ensure_category(category, None)
            self._api.torrents_set_category(category=category, torrent_hashes=item_id)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._api.auth_log_out()
