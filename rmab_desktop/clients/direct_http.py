"""Direct HTTP downloads (public-domain sources): off-thread, resumable with Range, size verified.

Each download has a small JSON record under ``<root>/.rmab-direct/`` so a restart resumes the
``.part`` file where it stopped instead of starting again. The app polls :meth:`get` like any
other client; a worker thread per active download does the transfer and can be cancelled.

A large file has no total deadline but a stall deadline: each STALL_MIN_BYTES received buy
another ``stall_seconds``, so a server that goes silent, or drips a byte now and then, ends the
attempt (it resumes with Range, up to RETRIES times) instead of holding the download for ever.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
from pathvalidate import sanitize_filename

from rmab_desktop.clients._http import new_client
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT, Deadline, deadline
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.downloads import DownloadItem, DownloadState, NewDownload
from rmab_desktop.domain.errors import CancelledError, ServiceTimeoutError, ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

log = logging.getLogger(__name__)

SERVICE = "The download server"
RETRIES = 3
STALL_SECONDS = 60.0
STALL_MIN_BYTES = 16 * 1024
STATE_DIR = ".rmab-direct"
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


class PermanentDownloadError(Exception):
    """The server said no (4xx), or the bytes are wrong: retrying will not help."""


@dataclass
class _Transfer:
    record: dict[str, Any]
    cancel: CancelToken = field(default_factory=CancelToken)
    thread: threading.Thread | None = None
    done_bytes: int = 0
    speed_bps: int = 0


def _filename(url: str, name: str, fallback: str) -> str:
    """The file's own name when the release gives one (a URL like ``/ebooks/105.epub3.images``
    does not end in the file's name), else the URL's last part, else ``fallback``."""
    last = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return sanitize_filename(name) or sanitize_filename(last) or sanitize_filename(fallback) or "download.bin"


class DirectHttpClient:
    kind = "direct_http"
    protocols = frozenset({"http"})

    def __init__(
        self,
        root: Path,
        *,
        timeout: float = 30.0,
        stall_seconds: float = STALL_SECONDS,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.root = Path(root)
        self.stall_seconds = stall_seconds
        self._timeout = httpx.Timeout(timeout, connect=CONNECT_TIMEOUT)
        self._transport = transport
        self._lock = threading.Lock()
        self._transfers: dict[str, _Transfer] = {}

    # -- records ----------------------------------------------------------------------------
    def _record_path(self, item_id: str) -> Path:
        return self.root / STATE_DIR / f"{item_id}.json"

    def _load(self, item_id: str) -> dict[str, Any] | None:
        try:
            record = json.loads(self._record_path(item_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def _save(self, record: dict[str, Any]) -> None:
        path = self._record_path(record["id"])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(path)

    # -- client API -------------------------------------------------------------------------
    def version(self) -> str:
        return "built-in"

    def default_save_path(self) -> str:
        return str(self.root)

    def add(self, item: NewDownload) -> str:
        files = [(f.url, f.name, f.size_bytes) for f in item.http_files] or [
            (item.url or "", "", item.size_bytes)
        ]
        if not all(urlsplit(url).scheme in ("http", "https") for url, _, _ in files):
            raise ValidationError(tr.mark("A direct download needs http(s) URLs."))
        item_id = hashlib.sha1("\n".join(url for url, _, _ in files).encode()).hexdigest()[:20]
        base = Path(item.save_path) if item.save_path else self.root
        folder = base / (sanitize_filename(item.name) or item_id)
        record = {
            "id": item_id,
            "name": item.name,
            "folder": str(folder),
            "files": [
                # a single file's size estimate comes from the indexer: the server's length wins
                {
                    "url": url,
                    "filename": _filename(url, name, item.name),
                    "expected_size": size,
                    "size": None,
                }
                for url, name, size in files
            ],
            "category": item.category,
            "status": "active",
            "error": None,
        }
        with self._lock:
            existing = self._transfers.get(item_id)
            if existing and existing.thread and existing.thread.is_alive():
                return item_id
        self._save(record)
        self._start(record)
        return item_id

    def get(self, item_id: str) -> DownloadItem:
        with self._lock:
            transfer = self._transfers.get(item_id)
        record = transfer.record if transfer else self._load(item_id)
        if record is None:
            return DownloadItem(id=item_id, name="", state=DownloadState.MISSING)
        if record["status"] == "active" and (
            transfer is None or not transfer.thread or not transfer.thread.is_alive()
        ):
            transfer = self._start(record)  # resume after a restart or a crash of the thread
        return self._item(record, transfer)

    def list(self, category: str | None = None) -> list[DownloadItem]:
        folder = self.root / STATE_DIR
        ids = [p.stem for p in folder.glob("*.json")] if folder.is_dir() else []
        items = [self.get(i) for i in sorted(ids)]
        return [i for i in items if category is None or i.category == category]

    def remove(self, item_id: str, delete_data: bool) -> None:
        with self._lock:
            transfer = self._transfers.pop(item_id, None)
        if transfer is not None:
            transfer.cancel.cancel()
            if transfer.thread is not None:
                transfer.thread.join(timeout=10)
        record = transfer.record if transfer else self._load(item_id)
        self._record_path(item_id).unlink(missing_ok=True)
        if record and delete_data:
            shutil.rmtree(record["folder"], ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            transfers = list(self._transfers.values())
        for transfer in transfers:
            transfer.cancel.cancel()
        for transfer in transfers:
            if transfer.thread is not None:
                transfer.thread.join(timeout=10)

    # -- transfer ---------------------------------------------------------------------------
    @staticmethod
    def _total(record: dict[str, Any]) -> int | None:
        sizes = [f.get("size") or f.get("expected_size") for f in record["files"]]
        return sum(sizes) if all(sizes) else None

    def _item(self, record: dict[str, Any], transfer: _Transfer | None) -> DownloadItem:
        folder = Path(record["folder"])
        status, total = record["status"], self._total(record)
        if status == "done":
            state, done = DownloadState.COMPLETED, total
        elif status == "failed":
            state, done = DownloadState.FAILED, 0
        else:
            state, done = DownloadState.DOWNLOADING, transfer.done_bytes if transfer else 0
        speed = transfer.speed_bps if transfer and state == DownloadState.DOWNLOADING else 0
        progress = 1.0 if status == "done" else (done / total if total and done else 0.0)
        return DownloadItem(
            id=record["id"],
            name=record["name"],
            state=state,
            progress=min(progress, 1.0),
            size_bytes=total,
            downloaded_bytes=done,
            speed_bps=speed,
            eta_seconds=int((total - done) / speed) if speed and total and done is not None else None,
            save_path=str(folder.parent),
            content_path=str(folder),
            category=record.get("category"),
            error=record.get("error"),
        )

    def _start(self, record: dict[str, Any]) -> _Transfer:
        transfer = _Transfer(record)
        transfer.thread = threading.Thread(
            target=self._run, args=(transfer,), name=f"direct-http-{record['id']}", daemon=True
        )
        with self._lock:
            self._transfers[record["id"]] = transfer
        transfer.thread.start()
        return transfer

    def _run(self, transfer: _Transfer) -> None:
        record = transfer.record
        for attempt in range(RETRIES + 1):
            try:
                transfer.done_bytes = 0
                for file in record["files"]:
                    self._transfer(transfer, file)
            except CancelledError:
                return
            except PermanentDownloadError as exc:
                record.update(status="failed", error=str(exc))
            except (httpx.HTTPError, OSError, ServiceTimeoutError) as exc:
                if attempt < RETRIES and not transfer.cancel.wait(min(2**attempt, 10)):
                    log.info("Direct download %s interrupted (%s); resuming", record["id"], exc)
                    continue
                if transfer.cancel.cancelled:
                    return
                stalled = isinstance(exc, ServiceTimeoutError)
                why = f"no progress for {self.stall_seconds:g} seconds" if stalled else type(exc).__name__
                record.update(status="failed", error=f"Download interrupted: {why}")
            else:
                record.update(status="done", error=None)
            break
        if not transfer.cancel.cancelled:
            self._save(record)

    def _transfer(self, transfer: _Transfer, file: dict[str, Any]) -> None:
        record = transfer.record
        folder = Path(record["folder"])
        folder.mkdir(parents=True, exist_ok=True)
        target, part = folder / file["filename"], folder / (file["filename"] + ".part")
        if target.exists() and target.stat().st_size == (file.get("size") or target.stat().st_size):
            transfer.done_bytes += target.stat().st_size  # finished before a restart
            return
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        with (
            deadline(SERVICE, self.stall_seconds, cancel=transfer.cancel) as stall,
            new_client(timeout=self._timeout, transport=self._transport, follow_redirects=True) as http,
            http.stream("GET", file["url"], headers=headers) as response,
        ):
            total = self._expected_total(response, have)
            if response.status_code == 416 and have and have == file.get("size"):
                total = have  # the part was already complete
            elif response.status_code >= 400:
                raise PermanentDownloadError(
                    f"The server answered HTTP {response.status_code} for {file['url']}"
                )
            elif response.status_code != 206:
                have = 0  # no Range support: start again
            file["size"] = total
            self._save(record)
            transfer.done_bytes += have
            if response.status_code != 416:
                self._copy(response, part, have, transfer, stall)
        size = part.stat().st_size
        expected = total or file.get("expected_size")
        if expected is not None and size != expected:
            part.unlink(missing_ok=True)
            raise PermanentDownloadError(f"Size check failed: received {size} bytes, expected {expected}.")
        part.replace(target)

    @staticmethod
    def _expected_total(response: httpx.Response, have: int) -> int | None:
        if response.status_code == 206:
            match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
            if match and int(match.group(1)) != have:
                raise httpx.RemoteProtocolError("Range answer does not start where we asked")
            if match and match.group(3) != "*":
                return int(match.group(3))
            length = response.headers.get("Content-Length")
            return have + int(length) if length and length.isdigit() else None
        length = response.headers.get("Content-Length")
        return int(length) if response.status_code == 200 and length and length.isdigit() else None

    def _copy(
        self, response: httpx.Response, part: Path, have: int, transfer: _Transfer, stall: Deadline
    ) -> None:
        window_start, window_bytes, unpaid = time.monotonic(), 0, 0
        with part.open("ab" if have else "wb") as handle:
            for chunk in response.iter_bytes():
                transfer.cancel.raise_if_cancelled()
                handle.write(chunk)
                transfer.done_bytes += len(chunk)
                window_bytes += len(chunk)
                unpaid += len(chunk)
                if unpaid >= STALL_MIN_BYTES:
                    stall.postpone(self.stall_seconds)
                    unpaid = 0
                elapsed = time.monotonic() - window_start
                if elapsed >= 1.0:
                    transfer.speed_bps = int(window_bytes / elapsed)
                    window_start, window_bytes = time.monotonic(), 0
