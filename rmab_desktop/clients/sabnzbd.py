"""SABnzbd through its HTTP API (``/api?mode=...&output=json&apikey=...``).

Numbers arrive as strings in queue slots ("267.44", "10"), old versions prefix a BOM, and the
time left can pass 24 hours ("57:27:45"): the parsers below accept all of that.
"""

from __future__ import annotations

from typing import Any

import httpx

from rmab_desktop.clients._http import new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT
from rmab_desktop.clients.fields import quote, string
from rmab_desktop.clients.nzbget import nzb_filename
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    ServiceError,
    ValidationError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "SABnzbd"
MB = 1024 * 1024
QUEUE_STATES = {
    "downloading": DownloadState.DOWNLOADING,
    "queued": DownloadState.QUEUED,
    "paused": DownloadState.PAUSED,
    "fetching": DownloadState.QUEUED,
    "grabbing": DownloadState.QUEUED,
    "propagating": DownloadState.QUEUED,
    "checking": DownloadState.CHECKING,
    "quickcheck": DownloadState.CHECKING,
}


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", "")) if value not in (None, "") else None
    except ValueError:
        return None


def parse_timeleft(value: Any) -> int | None:
    """'H:MM:SS' (hours may pass 24, days may prefix as 'D:HH:MM:SS') -> seconds."""
    parts = str(value or "").split(":")
    if len(parts) < 2 or not all(p.strip().isdigit() for p in parts):
        return None
    seconds = 0
    for part, unit in zip(reversed(parts), (1, 60, 3600, 86400), strict=False):
        seconds += int(part) * unit
    return seconds


def map_queue_slot(slot: dict[str, Any], speed_bps: int | None) -> DownloadItem:
    state = QUEUE_STATES.get(str(slot.get("status", "")).lower(), DownloadState.QUEUED)
    mb, mb_left = _number(slot.get("mb")), _number(slot.get("mbleft"))
    percentage = _number(slot.get("percentage"))
    size = int(mb * MB) if mb is not None else None
    done = int((mb - mb_left) * MB) if mb is not None and mb_left is not None else None
    downloading = state == DownloadState.DOWNLOADING
    return DownloadItem(
        id=str(slot.get("nzo_id", "")),
        name=str(slot.get("filename") or slot.get("name") or ""),
        state=state,
        progress=max(0.0, min((percentage or 0.0) / 100, 1.0)),
        size_bytes=size,
        downloaded_bytes=done,
        speed_bps=speed_bps if downloading else 0,
        eta_seconds=parse_timeleft(slot.get("timeleft")) if downloading else None,
        category=slot.get("cat") or None,
    )


def map_history_slot(slot: dict[str, Any]) -> DownloadItem:
    status = str(slot.get("status", "")).lower()
    if status == "completed":
        state = DownloadState.COMPLETED
    elif status == "failed":
        state = DownloadState.FAILED
    else:  # extracting, repairing, verifying, moving, running, queued
        state = DownloadState.CHECKING
    size = slot.get("bytes")
    storage = slot.get("storage") or None
    return DownloadItem(
        id=str(slot.get("nzo_id", "")),
        name=str(slot.get("name") or slot.get("nzb_name") or ""),
        state=state,
        progress=1.0 if state == DownloadState.COMPLETED else 0.0,
        size_bytes=int(size) if isinstance(size, int | float | str) and str(size).isdigit() else None,
        speed_bps=0,
        save_path=storage,
        content_path=storage,
        category=slot.get("category") or None,
        error=quote(string(slot.get("fail_message")) or "SABnzbd reports a failure")
        if state == DownloadState.FAILED
        else None,
    )


class SabnzbdClient:
    kind = "sabnzbd"
    protocols = frozenset({"usenet"})

    def __init__(self, url: str, api_key: str, *, timeout: float = 15.0, verify_tls: bool = True) -> None:
        self.url = normalize_base_url(url)
        self._key = api_key
        self._http = new_client(timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT), verify=verify_tls)

    def api(self, mode: str, *, files: dict[str, Any] | None = None, **params: str | int) -> Any:
        query = {"mode": mode, "output": "json", "apikey": self._key, **params}
        method = "POST" if files else "GET"
        try:
            response = send(self._http, SERVICE, method, f"{self.url}/api", params=query, files=files)
        except ServiceError as exc:
            raise type(exc)(f"{exc.user_message.rstrip('.')} at {self.url}.", service=SERVICE) from exc
        text = response.content.decode("utf-8-sig", errors="replace").strip()
        if "api key" in text[:200].lower() and ("incorrect" in text.lower() or "required" in text.lower()):
            raise AuthenticationError(
                tr.mark("SABnzbd at {url} refused the API key."),
                service=SERVICE,
                hint=tr.mark("Copy the API key from SABnzbd: Config > General > Security."),
                url=self.url,
            )
        data = parse_json(response, SERVICE)
        if isinstance(data, dict) and data.get("status") is False:
            raise ServiceError(
                tr.mark("SABnzbd refused '{mode}': {reason}"),
                service=SERVICE,
                mode=mode,
                reason=quote(data.get("error") or "no reason given"),
            )
        return data

    def version(self) -> str:
        version = self.api("version")
        self.api("queue", limit=1)  # 'version' needs no key; this checks the key
        return str(version.get("version") if isinstance(version, dict) else version)

    def default_save_path(self) -> str:
        config = self.api("get_config", section="misc")
        misc = (config.get("config") or {}).get("misc") or {} if isinstance(config, dict) else {}
        return str(misc.get("complete_dir") or "")

    def add(self, item: NewDownload) -> str:
        common: dict[str, str | int] = {
            "cat": item.category or "",
            "pp": 3,
            "priority": -2 if item.paused else 0,
            "nzbname": item.name,
        }
        if item.nzb:
            answer = self.api(
                "addfile", files={"name": (nzb_filename(item.name), item.nzb, "application/x-nzb")}, **common
            )
        elif item.url:
            answer = self.api("addurl", files=None, name=item.url, **common)
        else:
            raise ValidationError(tr.mark("SABnzbd needs an NZB file or an NZB URL."))
        ids = answer.get("nzo_ids") if isinstance(answer, dict) else None
        if not ids:
            raise ServiceError(tr.mark("SABnzbd did not accept '{name}'."), service=SERVICE, name=item.name)
        return str(ids[0])

    def _queue(self) -> tuple[list[dict[str, Any]], int | None]:
        data = self.api("queue")
        queue = data.get("queue") if isinstance(data, dict) else None
        if not isinstance(queue, dict):
            raise InvalidResponseError(tr.mark("SABnzbd's queue answer has no 'queue'."), service=SERVICE)
        kbps = _number(queue.get("kbpersec"))
        return list(queue.get("slots") or []), int(kbps * 1024) if kbps is not None else None

    def _history(self) -> list[dict[str, Any]]:
        data = self.api("history", limit=100)
        history = data.get("history") if isinstance(data, dict) else None
        if not isinstance(history, dict):
            raise InvalidResponseError(tr.mark("SABnzbd's history answer has no 'history'."), service=SERVICE)
        return list(history.get("slots") or [])

    def get(self, item_id: str) -> DownloadItem:
        slots, speed = self._queue()
        for slot in slots:
            if slot.get("nzo_id") == item_id:
                return map_queue_slot(slot, speed)
        for slot in self._history():
            if slot.get("nzo_id") == item_id:
                return map_history_slot(slot)
        return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        slots, speed = self._queue()
        items = [map_queue_slot(s, speed) for s in slots] + [map_history_slot(s) for s in self._history()]
        return [i for i in items if category is None or i.category == category]

    def remove(self, item_id: str, delete_data: bool) -> None:
        slots, _ = self._queue()
        where = "queue" if any(s.get("nzo_id") == item_id for s in slots) else "history"
        self.api(where, name="delete", value=item_id, del_files=1 if delete_data else 0)

    def close(self) -> None:
        self._http.close()
