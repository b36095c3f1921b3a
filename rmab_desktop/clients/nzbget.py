"""NZBGet through its JSON-RPC API (``/jsonrpc``, HTTP Basic auth), mapped to :class:`DownloadItem`.

Categories are passed with each NZB; we never edit NZBGet's own configuration.
"""

from __future__ import annotations

import base64
import itertools
import json
from typing import Any

import httpx
from pathvalidate import sanitize_filename

from rmab_desktop.clients._http import new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT
from rmab_desktop.clients.fields import dicts, integer, mapping, quote, string
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    ServiceError,
    ValidationError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "NZBGet"
QUEUE_STATES = {
    "QUEUED": DownloadState.QUEUED,
    "PAUSED": DownloadState.PAUSED,
    "DOWNLOADING": DownloadState.DOWNLOADING,
    "FETCHING": DownloadState.DOWNLOADING,
}
_ids = itertools.count(1)


def nzb_filename(name: str) -> str:
    """A release title as a safe ``.nzb`` file name (no separators, no leading dots)."""
    safe = sanitize_filename(name, replacement_text="_").lstrip(". _") or "release"
    return safe if safe.lower().endswith(".nzb") else f"{safe}.nzb"


def _size(item: dict[str, Any], prefix: str) -> int | None:
    """64-bit sizes come split in Lo/Hi words (older versions have no plain field)."""
    lo, hi = integer(item.get(f"{prefix}Lo")), integer(item.get(f"{prefix}Hi"))
    if lo is None:
        mb = integer(item.get(f"{prefix}MB"))
        return mb * 1024 * 1024 if mb is not None else None
    return (hi or 0) * 2**32 + lo


def map_group(item: dict[str, Any], speed_bps: int | None = None) -> DownloadItem:
    """A ``listgroups`` entry (queue)."""
    size, remaining = _size(item, "FileSize"), _size(item, "RemainingSize") or 0
    status = (string(item.get("Status")) or "QUEUED").upper()
    if status.startswith("PP_") or status in ("LOADING_PARS", "VERIFYING_SOURCES", "REPAIRING", "UNPACKING"):
        state = DownloadState.CHECKING
    elif "Status" not in item and item.get("ActiveDownloads"):
        state = DownloadState.DOWNLOADING  # old versions have no Status field
    else:
        state = QUEUE_STATES.get(status, DownloadState.QUEUED)
    progress = (size - remaining) / size if size else 0.0
    eta = int(remaining / speed_bps) if speed_bps and state == DownloadState.DOWNLOADING else None
    return DownloadItem(
        id=str(integer(item.get("NZBID"))),
        name=string(item.get("NZBName")) or "",
        state=state,
        progress=max(0.0, min(progress, 1.0)),
        size_bytes=size,
        downloaded_bytes=(size - remaining) if size is not None else None,
        speed_bps=speed_bps if state == DownloadState.DOWNLOADING else 0,
        eta_seconds=eta,
        save_path=string(item.get("DestDir")),
        content_path=string(item.get("DestDir")),
        category=string(item.get("Category")),
    )


def map_history(item: dict[str, Any]) -> DownloadItem:
    """A ``history`` entry: SUCCESS/* and WARNING/* are done; FAILURE/* and DELETED/* failed."""
    status = string(item.get("Status")) or ""
    kind = status.partition("/")[0].upper()
    failed = kind in ("FAILURE", "DELETED")
    path = string(item.get("FinalDir")) or string(item.get("DestDir"))
    return DownloadItem(
        id=str(integer(item.get("NZBID"))),
        name=string(item.get("NZBName")) or string(item.get("Name")) or "",
        state=DownloadState.FAILED if failed else DownloadState.COMPLETED,
        progress=0.0 if failed else 1.0,
        size_bytes=_size(item, "FileSize"),
        speed_bps=0,
        save_path=path,
        content_path=path,
        category=string(item.get("Category")),
        error=f"NZBGet: {quote(status)}" if failed else None,
    )


class NzbgetClient:
    kind = "nzbget"
    protocols = frozenset({"usenet"})

    def __init__(
        self,
        url: str,
        username: str = "",
        password: str = "",
        *,
        timeout: float = 15.0,
        verify_tls: bool = True,
    ) -> None:
        self.url = normalize_base_url(url)
        auth = httpx.BasicAuth(username, password) if username or password else None
        self._http = new_client(
            auth=auth, timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT), verify=verify_tls
        )

    def call(self, method: str, *params: Any) -> Any:
        body = {"version": "1.1", "method": method, "params": list(params), "id": next(_ids)}
        try:
            response = send(self._http, SERVICE, "POST", f"{self.url}/jsonrpc", content=json.dumps(body))
        except AuthenticationError as exc:
            raise AuthenticationError(
                tr.mark("NZBGet at {url} refused the user name or password."),
                service=SERVICE,
                hint=tr.mark("Check ControlUsername and ControlPassword (NZBGet: Settings > Security)."),
                url=self.url,
            ) from exc
        except ServiceError as exc:
            raise type(exc)(f"{exc.user_message.rstrip('.')} at {self.url}.", service=SERVICE) from exc
        data = parse_json(response, SERVICE)
        if not isinstance(data, dict):
            raise InvalidResponseError(
                tr.mark("NZBGet sent a reply that is not a JSON-RPC envelope."), service=SERVICE
            )
        if data.get("error"):
            error = data["error"]
            message = error.get("message") if isinstance(error, dict) else str(error)
            raise ServiceError(
                tr.mark("NZBGet could not run '{method}': {reason}"),
                service=SERVICE,
                method=method,
                reason=quote(message),
            )
        return data.get("result")

    def version(self) -> str:
        return str(self.call("version"))

    def default_save_path(self) -> str:
        config = {
            string(entry.get("Name")): string(entry.get("Value")) for entry in dicts(self.call("config"))
        }
        return config.get("DestDir") or ""

    def add(self, item: NewDownload) -> str:
        if not item.nzb:
            raise ValidationError(tr.mark("NZBGet needs the NZB file's content."))
        name = nzb_filename(item.name)
        content = base64.b64encode(item.nzb).decode()
        nzb_id = self.call(
            "append", name, content, item.category or "", 0, False, item.paused, "", 0, "FORCE", []
        )
        if not isinstance(nzb_id, int) or nzb_id <= 0:
            raise ServiceError(
                tr.mark("NZBGet did not accept '{name}'."),
                service=SERVICE,
                hint=tr.mark("The NZB file may be damaged; the next release will be tried."),
                name=item.name,
            )
        return str(nzb_id)

    def _speed(self) -> int:
        return integer(mapping(self.call("status")).get("DownloadRate")) or 0

    def get(self, item_id: str) -> DownloadItem:
        for item in dicts(self.call("listgroups", 0)):
            if str(integer(item.get("NZBID"))) == item_id:
                return map_group(item, self._speed())
        for item in dicts(self.call("history", False)):
            if str(integer(item.get("NZBID"))) == item_id:
                return map_history(item)
        return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        speed = self._speed()
        items = [map_group(i, speed) for i in dicts(self.call("listgroups", 0))]
        items += [map_history(i) for i in dicts(self.call("history", False))]
        return [i for i in items if category is None or i.category == category]

    def remove(self, item_id: str, delete_data: bool) -> None:
        """Queue items are deleted (with their partial files); history items are removed from history.

        NZBGet cannot delete finished files through its API; the download service deletes them.
        """
        nzb_id = int(item_id)
        queued = any(integer(i.get("NZBID")) == nzb_id for i in dicts(self.call("listgroups", 0)))
        command = ("GroupFinalDelete" if delete_data else "GroupDelete") if queued else "HistoryFinalDelete"
        if not self.call("editqueue", command, "", [nzb_id]):
            raise ServiceError(
                tr.mark("NZBGet could not remove item {item_id}."), service=SERVICE, item_id=item_id
            )

    def close(self) -> None:
        self._http.close()
