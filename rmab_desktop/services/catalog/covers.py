"""The cover thumbnail cache on disk, shared by every view.

``fetch(url)`` downloads a cover once (timeout, size limit, images only), scales it to a thumbnail
and writes it atomically under ``covers_dir``; later calls return the file. The folder is kept
under ``max_bytes`` by deleting the least recently used thumbnails. Thread-safe: views call it
from the runner's network pool, never from the GUI thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import tempfile
import threading
from pathlib import Path

import httpx
from PIL import Image, UnidentifiedImageError

from rmab_desktop.domain.errors import InvalidResponseError, ServiceUnreachableError

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024
THUMBNAIL_PX = 320
SUFFIX = ".jpg"


class CoverCache:
    def __init__(
        self,
        folder: Path,
        max_bytes: int = 200 * 1024 * 1024,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(10.0, connect=5.0), transport=transport, follow_redirects=True
        )
        self._total: int | None = None

    def close(self) -> None:
        self._client.close()

    def path_for(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha1(url.encode()).hexdigest()[:24]}{SUFFIX}"

    def cached(self, url: str) -> Path | None:
        path = self.path_for(url)
        return path if path.exists() else None

    def fetch(self, url: str) -> Path:
        """The local thumbnail of ``url``, downloading it when missing."""
        path = self.path_for(url)
        if path.exists():
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: pruned last
            return path
        data = self._download(url)
        thumb = self._thumbnail(data, url)
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(thumb)
        os.replace(tmp, path)
        self._grew(len(thumb))
        return path

    def _download(self, url: str) -> bytes:
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise ServiceUnreachableError(
                        f"Cover download failed (HTTP {response.status_code}).", service="Covers"
                    )
                if not response.headers.get("content-type", "image/").startswith("image/"):
                    raise InvalidResponseError("The cover address did not send an image.", service="Covers")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_DOWNLOAD_BYTES:
                        raise InvalidResponseError("The cover image is too large.", service="Covers")
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.HTTPError as exc:
            raise ServiceUnreachableError(
                f"Cover download failed ({type(exc).__name__}).", service="Covers"
            ) from exc

    @staticmethod
    def _thumbnail(data: bytes, url: str) -> bytes:
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
                out = io.BytesIO()
                image.convert("RGB").save(out, "JPEG", quality=85)
                return out.getvalue()
        except (UnidentifiedImageError, OSError) as exc:
            raise InvalidResponseError(
                f"The cover at {url} is not a readable image.", service="Covers"
            ) from exc

    # -- size bound -----------------------------------------------------------------------------
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.folder.glob(f"*{SUFFIX}") if p.is_file())

    def _grew(self, added: int) -> None:
        with self._lock:
            self._total = self.size() if self._total is None else self._total + added
            if self._total > self.max_bytes:
                self._total = self.prune()

    def prune(self, target_ratio: float = 0.8) -> int:
        """Delete least recently used thumbnails until the folder is under ``target_ratio`` of the bound."""
        files = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= self.max_bytes * target_ratio:
                break
            path.unlink(missing_ok=True)
            total -= size
        return total
