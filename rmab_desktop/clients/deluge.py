"""Deluge through its daemon RPC (deluge-client), mapped to :class:`DownloadItem`.

The daemon (``deluged``, default port 58846) authenticates with a user from its ``auth`` file.
Categories are Deluge labels (the Label plugin, enabled on first use); without the plugin a
download still works, it is just not labelled.
"""

from __future__ import annotations

import base64
import contextlib
import posixpath
import ssl
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from rmab_desktop.clients.torrent_file import info_hash, magnet_info_hash
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import (
    AuthenticationError,
    ServiceError,
    ServiceTimeoutError,
    ServiceUnreachableError,
    ValidationError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "Deluge"
DEFAULT_PORT = 58846
LABEL_PLUGIN = "Label"
KEYS = [
    "hash",
    "name",
    "state",
    "progress",
    "total_wanted",
    "total_done",
    "download_payload_rate",
    "eta",
    "ratio",
    "seeding_time",
    "save_path",
    "is_finished",
    "message",
    "label",
    "num_peers",
]
STATES = {
    "Downloading": DownloadState.DOWNLOADING,
    "Seeding": DownloadState.SEEDING,
    "Checking": DownloadState.CHECKING,
    "Moving": DownloadState.CHECKING,
    "Allocating": DownloadState.QUEUED,
    "Queued": DownloadState.QUEUED,
    "Error": DownloadState.FAILED,
}


def map_torrent(data: dict[str, Any]) -> DownloadItem:
    """One ``core.get_torrent_status`` dict as a DownloadItem."""
    raw, finished = str(data.get("state") or ""), bool(data.get("is_finished"))
    progress = float(data.get("progress") or 0.0) / 100.0
    if raw == "Paused":
        state = DownloadState.COMPLETED if finished else DownloadState.PAUSED
    elif raw == "Downloading" and not data.get("download_payload_rate") and not data.get("num_peers"):
        state = DownloadState.STALLED
    else:
        state = STATES.get(raw, DownloadState.QUEUED)
    save_path, name = str(data.get("save_path") or ""), str(data.get("name") or "")
    eta, ratio = data.get("eta"), data.get("ratio")
    return DownloadItem(
        id=str(data.get("hash") or ""),
        name=name,
        state=state,
        progress=1.0 if finished else progress,
        size_bytes=int(data["total_wanted"]) if data.get("total_wanted") else None,
        downloaded_bytes=int(data["total_done"]) if data.get("total_done") is not None else None,
        speed_bps=int(data.get("download_payload_rate") or 0),
        eta_seconds=int(eta) if isinstance(eta, int | float) and eta > 0 else None,
        ratio=float(ratio) if isinstance(ratio, int | float) and ratio >= 0 else None,
        seeding_seconds=int(data.get("seeding_time") or 0) or None,
        save_path=save_path or None,
        content_path=posixpath.join(save_path, name) if save_path and name else None,
        category=str(data.get("label") or "") or None,
        error=str(data.get("message") or "Deluge reports an error") if raw == "Error" else None,
    )


class DelugeClient:
    kind = "deluge"
    protocols = frozenset({"torrent"})

    def __init__(self, url: str, username: str = "", password: str = "", *, timeout: float = 15.0) -> None:
        parts = urlsplit(url if "://" in url else f"deluge://{url}")
        if not parts.hostname:
            raise ValidationError(tr.mark("'{url}' is not a Deluge daemon address (host:port)."), url=url)
        self.url = url
        self._args = (parts.hostname, parts.port or DEFAULT_PORT, username, password)
        self._timeout = timeout
        self._rpc: Any = None

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        from deluge_client.client import (  # type: ignore[import-untyped]
            CallTimeoutException,
            DelugeClientException,
            RemoteException,
        )

        try:
            yield
        except RemoteException as exc:
            text = str(exc)
            if "BadLoginError" in text or "AuthenticationRequired" in text or "Password" in text:
                self._rpc = None
                raise AuthenticationError(
                    tr.mark("Deluge at {url} refused the user name or password."),
                    service=SERVICE,
                    hint=tr.mark("Use a user from the daemon's auth file (Deluge: Preferences > Daemon)."),
                    url=self.url,
                ) from exc
            raise ServiceError(
                tr.mark("Deluge: {reason}"),
                service=SERVICE,
                reason=text.strip().splitlines()[-1] if text.strip() else exc,
            ) from exc
        except (CallTimeoutException, TimeoutError) as exc:
            self._rpc = None
            raise ServiceTimeoutError(
                tr.mark("Deluge at {url} did not answer in time."), service=SERVICE, url=self.url
            ) from exc
        except (DelugeClientException, OSError, ssl.SSLError) as exc:
            self._rpc = None
            raise ServiceUnreachableError(
                tr.mark("Cannot connect to Deluge at {url}."),
                service=SERVICE,
                hint=tr.mark(
                    "Check the daemon's address and port (default 58846) and that it allows remote connections."
                ),
                url=self.url,
            ) from exc

    def _call(self, method: str, *args: Any) -> Any:
        with self._errors():
            if self._rpc is None:
                from deluge_client import DelugeRPCClient  # type: ignore[import-untyped]

                rpc = DelugeRPCClient(*self._args, decode_utf8=True, timeout=self._timeout)
                rpc.connect()
                self._rpc = rpc
            return self._rpc.call(method, *args)

    def version(self) -> str:
        return str(self._call("daemon.info"))

    def default_save_path(self) -> str:
        return str(self._call("core.get_config_value", "download_location"))

    def add(self, item: NewDownload) -> str:
        options: dict[str, Any] = {"add_paused": item.paused}
        if item.save_path:
            options["download_location"] = item.save_path
        if item.torrent:
            item_hash = info_hash(item.torrent)
            encoded = base64.b64encode(item.torrent).decode()
            added = self._call("core.add_torrent_file", f"{item.name}.torrent", encoded, options)
        elif item.magnet:
            item_hash = magnet_info_hash(item.magnet)
            added = self._call("core.add_torrent_magnet", item.magnet, options)
        else:
            raise ValidationError(tr.mark("Deluge needs a .torrent file or a magnet link."))
        item_id = str(added or item_hash).lower()
        if item.category:
            self.set_category(item_id, item.category)
        return item_id

    def get(self, item_id: str) -> DownloadItem:
        data = self._call("core.get_torrent_status", item_id.lower(), KEYS)
        if not data:
            return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)
        return map_torrent(data)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        found = self._call("core.get_torrents_status", {}, KEYS) or {}
        items = [map_torrent({"hash": key, **value}) for key, value in found.items()]
        return [i for i in items if category is None or i.category == category]

    def remove(self, item_id: str, delete_data: bool) -> None:
        self._call("core.remove_torrent", item_id.lower(), delete_data)

    def set_category(self, item_id: str, category: str) -> None:
        """Label the torrent (labels are lower-case in Deluge); the Label plugin is enabled and the
        label created when needed."""
        label = category.strip().lower()
        if LABEL_PLUGIN not in (self._call("core.get_enabled_plugins") or []):
            self._call("core.enable_plugin", LABEL_PLUGIN)
        if label not in (self._call("label.get_labels") or []):
            self._call("label.add", label)
        self._call("label.set_torrent", item_id.lower(), label)

    def close(self) -> None:
        rpc, self._rpc = self._rpc, None
        if rpc is not None:
            with contextlib.suppress(Exception):
                rpc.disconnect()
