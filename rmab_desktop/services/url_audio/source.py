"""A page or media link read and downloaded by yt-dlp: audio only, with the source's chapters.

yt-dlp knows YouTube, podcast pages, LibriVox, the Internet Archive and hundreds more sites; its
generic extractor reads any page with an HTML5 ``<audio>``/``<video>`` element or a direct media
link. The audio is kept as (or converted to) AAC in an M4B with the source's chapters embedded
by ffmpeg; the download honours the user's rate limit and stops when cancelled.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import CancelledError, RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("UrlImport")

log = logging.getLogger(__name__)

OUTPUT_NAME = "audio"
AUDIO_FORMAT = "bestaudio/best"
HTML5_EMBED = "HTML5MediaEmbed"


class UrlSourceError(RmabError):
    hint = tr.mark("Check the link in a browser; the site may need an account, or yt-dlp may not know it.")


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float
    end: float | None = None


@dataclass(frozen=True)
class UrlSource:
    url: str
    title: str
    author: str | None = None
    duration: float | None = None
    chapters: tuple[Chapter, ...] = ()
    site: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "duration_seconds": self.duration,
            "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in self.chapters],
            "site": self.site,
        }


class _Quiet:
    """yt-dlp's logger: its chatter goes to our log, not to the terminal."""

    def debug(self, message: str) -> None:
        log.debug("yt-dlp: %s", message)

    info = debug

    def warning(self, message: str) -> None:
        log.warning("yt-dlp: %s", message)

    def error(self, message: str) -> None:
        log.warning("yt-dlp: %s", message)


def _options(**extra: Any) -> dict[str, Any]:
    return {
        "quiet": True,
        "no_warnings": True,
        "noprogress": True,
        "logger": _Quiet(),
        "noplaylist": True,
        **extra,
    }


def _check(url: str) -> str:
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError(f"'{url}' is not a web address.", hint="Paste a link that starts with https://")
    return url


def _source(url: str, info: dict[str, Any]) -> UrlSource:
    chapters = tuple(
        Chapter(str(c.get("title") or f"Chapter {i}"), float(c.get("start_time") or 0.0), c.get("end_time"))
        for i, c in enumerate(info.get("chapters") or [], start=1)
    )
    author = info.get("artist") or info.get("creator") or info.get("uploader") or info.get("channel")
    title = str(info.get("track") or info.get("title") or "").strip()
    if info.get("extractor_key") == HTML5_EMBED:  # yt-dlp numbers a page's embeds: "Title (1)"
        title = re.sub(r"\s\(1\)$", "", title)
    return UrlSource(
        url=url,
        title=title or "Untitled",
        author=str(author).strip() if author else None,
        duration=float(info["duration"]) if info.get("duration") else None,
        chapters=chapters,
        site=str(info.get("extractor_key") or ""),
    )


def probe_url(url: str) -> UrlSource:
    """What the link holds (title, author, duration, chapters), without downloading it."""
    from yt_dlp import YoutubeDL
    from yt_dlp.utils import DownloadError

    url = _check(url)
    try:
        with YoutubeDL(_options(format=AUDIO_FORMAT)) as ydl:
            info = ydl.extract_info(url, download=False)
    except DownloadError as exc:
        raise UrlSourceError(f"No audio found at {url}: {_reason(exc)}") from exc
    if not isinstance(info, dict):
        raise UrlSourceError(f"No audio found at {url}.")
    return _source(url, info)


def download_audio(
    url: str,
    folder: Path,
    *,
    rate_limit_bps: int | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Download the link's audio into ``folder`` as one M4B with the source's chapters."""
    from yt_dlp import YoutubeDL
    from yt_dlp.utils import DownloadError

    cancel = cancel or CancelToken()

    def hook(status: dict[str, Any]) -> None:
        cancel.raise_if_cancelled()  # yt-dlp stops the transfer on an exception from a hook
        total = status.get("total_bytes") or status.get("total_bytes_estimate")
        if progress is not None and total:
            progress(min(1.0, float(status.get("downloaded_bytes") or 0) / float(total)))

    folder.mkdir(parents=True, exist_ok=True)
    options = _options(
        format=AUDIO_FORMAT,
        outtmpl=str(folder / f"{OUTPUT_NAME}.%(ext)s"),
        progress_hooks=[hook],
        ratelimit=rate_limit_bps or None,
        postprocessors=[
            {"key": "FFmpegExtractAudio", "preferredcodec": "m4a"},
            {"key": "FFmpegMetadata", "add_chapters": True, "add_metadata": False},
        ],
    )
    try:
        with YoutubeDL(options) as ydl:
            ydl.download([_check(url)])
    except DownloadError as exc:
        cancel.raise_if_cancelled()
        raise UrlSourceError(f"The audio at {url} could not be downloaded: {_reason(exc)}") from exc
    except CancelledError:
        raise
    files = sorted(folder.glob(f"{OUTPUT_NAME}.m4a"))
    if not files:
        raise UrlSourceError(f"The download of {url} left no audio file.")
    book_file = files[0].with_suffix(".m4b")  # the same container; players treat it as a book
    files[0].rename(book_file)
    return book_file


def _reason(exc: Exception) -> str:
    text = str(exc).replace("ERROR: ", "").strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
