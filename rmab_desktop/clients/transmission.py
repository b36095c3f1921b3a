"""Transmission through its JSON-RPC (transmission-rpc), mapped to :class:`DownloadItem`."""

from __future__ import annotations

import contextlib
import functools
import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rmab_desktop.clients.deadline import CONNECT_TIMEOUT, deadline, watch_session
from rmab_desktop.clients.fields import integer, items, number, quote, string
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

if TYPE_CHECKING:
    import transmission_rpc

SERVICE = "Transmission"
DEADLINE = 30.0  # one library call, answer read in full
LOCAL_ERROR = 3  # 1 and 2 are tracker warnings/errors: the data may still come from peers
FIELDS = [
    "hashString",
    "name",
    "status",
    "error",
    "errorString",
    "percentDone",
    "sizeWhenDone",
    "totalSize",
    "haveValid",
    "rateDownload",
    "eta",
    "uploadRatio",
    "secondsSeeding",
    "downloadDir",
    "labels",
    "peersConnected",
]


def map_torrent(fields: dict[str, Any]) -> DownloadItem:
    """A ``torrent-get`` object (camelCase fields) as a DownloadItem."""
    status, done = integer(fields.get("status")) or 0, number(fields.get("percentDone")) or 0.0
    error = integer(fields.get("error")) or 0
    if error == LOCAL_ERROR:
        state = DownloadState.FAILED
    elif status in (1, 2):
        state = DownloadState.CHECKING
    elif status in (5, 6):
        state = DownloadState.SEEDING
    elif status == 0:
        state = DownloadState.COMPLETED if done >= 1.0 else DownloadState.PAUSED
    elif status == 3:
        state = DownloadState.QUEUED
    elif done < 1.0 and not fields.get("rateDownload") and not fields.get("peersConnected"):
        state = DownloadState.STALLED
    else:
        state = DownloadState.DOWNLOADING
    eta, ratio = integer(fields.get("eta")), number(fields.get("uploadRatio"))
    download_dir, name = string(fields.get("downloadDir")) or "", string(fields.get("name")) or ""
    labels = [label for label in map(string, items(fields.get("labels"))) if label]
    return DownloadItem(
        id=string(fields.get("hashString")) or "",
        name=name,
        state=state,
        progress=done,
        size_bytes=integer(fields.get("sizeWhenDone")) or integer(fields.get("totalSize")),
        downloaded_bytes=integer(fields.get("haveValid")),
        speed_bps=integer(fields.get("rateDownload")) or 0,
        eta_seconds=eta if eta is not None and eta >= 0 else None,
        ratio=ratio if ratio is not None and ratio >= 0 else None,
        seeding_seconds=integer(fields.get("secondsSeeding")),
        save_path=download_dir or None,
        content_path=posixpath.join(download_dir, name) if download_dir and name else None,
        category=labels[0] if labels else None,
        error=quote(string(fields.get("errorString")) or "Transmission reports an error") if error else None,
    )


@functools.cache
def _watched_client_class() -> type:
    """transmission_rpc.Client whose requests session obeys deadlines.

    Imported here, not at start-up: transmission-rpc pulls in requests (~70 ms). The library
    makes its session in ``__init__`` and uses it at once, so the session is watched as it is set.
    """
    import transmission_rpc

    class WatchedClient(transmission_rpc.Client):
        @property
        def _http_session(self) -> Any:
            return self.__dict__["_http_session"]

        @_http_session.setter
        def _http_session(self, session: Any) -> None:
            self.__dict__["_http_session"] = watch_session(session)

    return WatchedClient


class TransmissionClient:
    kind = "transmission"
    protocols = frozenset({"torrent"})

    def __init__(
        self,
        url: str,
        username: str = "",
        password: str = "",
        *,
        timeout: float = 15.0,
        deadline_seconds: float = DEADLINE,
    ) -> None:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError(tr.mark("'{url}' is not an http(s) address."), url=url)
        self.url = url
        self.deadline_seconds = deadline_seconds
        self._args: dict[str, Any] = {
            "protocol": parts.scheme,
            "host": parts.hostname,
            "port": parts.port or (443 if parts.scheme == "https" else 9091),
            "path": parts.path if parts.path not in ("", "/") else "/transmission/rpc",
            "username": username or None,
            "password": password or None,
            "timeout": (min(timeout, CONNECT_TIMEOUT), timeout),
        }
        self._client: transmission_rpc.Client | None = None

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        # Imported here, not at start-up: transmission-rpc pulls in requests (~70 ms).
        from transmission_rpc.error import (
            TransmissionAuthError,
            TransmissionConnectError,
            TransmissionError,
            TransmissionTimeoutError,
        )

        try:
            with deadline(SERVICE, self.deadline_seconds):
                yield
        except TransmissionAuthError as exc:
            raise AuthenticationError(
                tr.mark("Transmission at {url} refused the user name or password."),
                service=SERVICE,
                hint=tr.mark("Check rpc-username and rpc-password (Transmission: Preferences > Remote)."),
                url=self.url,
            ) from exc
        except TransmissionTimeoutError as exc:
            raise ServiceTimeoutError(
                tr.mark("Transmission at {url} did not answer in time."), service=SERVICE, url=self.url
            ) from exc
        except TransmissionConnectError as exc:
            raise ServiceUnreachableError(
                tr.mark("Cannot connect to Transmission at {url}."),
                service=SERVICE,
                hint=tr.mark(
                    "Check the address and port (default 9091), that remote access is enabled and this computer is in its whitelist."
                ),
                url=self.url,
            ) from exc
        except TransmissionError as exc:
            raise ServiceError(tr.mark("Transmission: {reason}"), service=SERVICE, reason=quote(exc)) from exc
        except (RecursionError, ValueError, TypeError, AttributeError, KeyError) as exc:
            # the library decoded an answer of a shape it (or map_torrent) cannot read
            raise InvalidResponseError(
                tr.mark("Transmission at {url} sent an answer the app cannot read ({kind})."),
                service=SERVICE,
                url=self.url,
                kind=type(exc).__name__,
            ) from exc

    @property
    def client(self) -> transmission_rpc.Client:
        if self._client is None:
            with self._errors():
                self._client = _watched_client_class()(**self._args)
        return self._client

    def version(self) -> str:
        with self._errors():
            return str(self.client.get_session().version)

    def default_save_path(self) -> str:
        with self._errors():
            return str(self.client.get_session().download_dir)

    def add(self, item: NewDownload) -> str:
        source: bytes | str
        if item.torrent:
            item_hash, source = info_hash(item.torrent), item.torrent
        elif item.magnet:
            item_hash, source = magnet_info_hash(item.magnet), item.magnet
        else:
            raise ValidationError(tr.mark("Transmission needs a .torrent file or a magnet link."))
        with self._errors():
            added = self.client.add_torrent(source, download_dir=item.save_path, paused=item.paused)
            if item.category:  # Transmission 3 ignores labels in torrent-add; torrent-set keeps them
                self.client.change_torrent(added.hash_string or item_hash, labels=[item.category])
        return item_hash

    def _get_fields(self, ids: list[int | str] | None) -> list[dict[str, Any]]:
        with self._errors():
            return [dict(t.fields) for t in self.client.get_torrents(ids=ids, arguments=FIELDS)]

    def get(self, item_id: str) -> DownloadItem:
        for fields in self._get_fields([item_id]):
            if str(fields.get("hashString", "")).lower() == item_id.lower():
                return map_torrent(fields)
        return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        found = [map_torrent(fields) for fields in self._get_fields(None)]
        return [i for i in found if category is None or i.category == category]

    def remove(self, item_id: str, delete_data: bool) -> None:
        with self._errors():
            self.client.remove_torrent(item_id, delete_data=delete_data)

    def set_category(self, item_id: str, category: str) -> None:
        with self._errors():
            self.client.change_torrent(item_id, labels=[category])

    def close(self) -> None:
        self._client = None
