"""Info-hashes of .torrent files and magnet links, and torrents made for local files (torf).

The info-hash identifies a torrent in every client; we compute it before adding so the item can
be found again without guessing. ``make_torrent`` serves the path-mapping probe (a client that
finds the probe file at 100 % sees the same folder we do). torf is imported on first use: these
functions run in jobs, never at start-up.

Magnet links are read with the standard library, not ``torf.Magnet``: torf refuses links that
clients accept (a BitTorrent v2 hybrid's second ``xt=urn:btmh:``, ``x.pe`` peer hints, ``so``
file selections), and all we need is the ``urn:btih`` topic.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")


def info_hash(torrent: bytes) -> str:
    """Lower-case hex SHA-1 of the ``info`` dictionary (v1 info-hash), after torf validated it."""
    import torf

    try:
        return str(torf.Torrent.read_stream(torrent).infohash)
    except (torf.TorfError, ValueError) as exc:  # ValueError: over torf's 10 MB cap on .torrent files
        raise ValidationError(tr.mark("Not a valid .torrent file ({reason})."), reason=exc) from exc


_BTIH = re.compile(r"^urn:btih:([0-9a-fA-F]{40}|[A-Z2-7a-z]{32})$")


def magnet_info_hash(magnet: str) -> str:
    """The hex info-hash of a magnet URI (base32 hashes converted)."""
    parts = urlsplit(magnet.strip())
    if parts.scheme != "magnet":
        raise ValidationError(tr.mark("Not a magnet link."))
    for xt in parse_qs(parts.query).get("xt", []):
        match = _BTIH.match(xt)
        if match:
            value = match.group(1)
            if len(value) == 32:
                return base64.b32decode(value.upper()).hex()
            return value.lower()
    raise ValidationError(tr.mark("The magnet link carries no BitTorrent info-hash."))


def make_torrent(path: Path, *, trackers: list[str] | None = None) -> bytes:
    """A v1 .torrent for one file or a folder (torf picks the piece size; hidden files are left out)."""
    import torf

    try:
        torrent = torf.Torrent(path=Path(path), trackers=trackers, created_by=None)
        torrent.generate()
    except torf.PathError as exc:
        raise ValidationError(tr.mark("{path} holds no files."), path=path) from exc
    except torf.TorfError as exc:  # unreadable or missing
        raise ValidationError(
            tr.mark("Cannot make a torrent of {path}: {reason}"), path=path, reason=exc
        ) from exc
    return bytes(torrent.dump())
