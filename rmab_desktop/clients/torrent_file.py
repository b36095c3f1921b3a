"""Just enough bencode for .torrent files: read the info-hash, and make a torrent for local files.

The info-hash identifies a torrent in every client; we compute it before adding so the item can
be found again without guessing. ``make_torrent`` serves the path-mapping probe (a client that
finds the probe file at 100 % sees the same folder we do).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rmab_desktop.domain.errors import ValidationError

Bencodable = int | bytes | str | list[Any] | dict[Any, Any]


def bencode(value: Bencodable) -> bytes:
    if isinstance(value, bool):
        raise TypeError("bencode has no booleans")
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode("utf-8")
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(item) for item in value) + b"e"
    if isinstance(value, dict):
        keys = sorted((k.encode("utf-8") if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in keys) + b"e"
    raise TypeError(f"cannot bencode {type(value).__name__}")


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    lead = data[pos : pos + 1]
    if lead == b"i":
        end = data.index(b"e", pos)
        return int(data[pos + 1 : end]), end + 1
    if lead == b"l":
        items, pos = [], pos + 1
        while data[pos : pos + 1] != b"e":
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos + 1
    if lead == b"d":
        result, pos = {}, pos + 1
        while data[pos : pos + 1] != b"e":
            key, pos = _decode(data, pos)
            result[key], pos = _decode(data, pos)
        return result, pos + 1
    if lead.isdigit():
        colon = data.index(b":", pos)
        length = int(data[pos:colon])
        start = colon + 1
        if start + length > len(data):
            raise ValueError("string runs past the end")
        return data[start : start + length], start + length
    raise ValueError(f"unexpected byte {lead!r} at {pos}")


def bdecode(data: bytes) -> Any:
    try:
        value, end = _decode(data, 0)
    except (ValueError, IndexError) as exc:
        raise ValidationError(f"Not a valid .torrent file ({exc}).") from exc
    if end != len(data):
        raise ValidationError("Not a valid .torrent file (trailing data).")
    return value


def info_hash(torrent: bytes) -> str:
    """Lower-case hex SHA-1 of the bencoded ``info`` dictionary (v1 info-hash)."""
    meta = bdecode(torrent)
    if not isinstance(meta, dict) or not isinstance(meta.get(b"info"), dict):
        raise ValidationError("Not a valid .torrent file (no info dictionary).")
    return hashlib.sha1(bencode(meta[b"info"])).hexdigest()


_BTIH = re.compile(r"^urn:btih:([0-9a-fA-F]{40}|[A-Z2-7a-z]{32})$")


def magnet_info_hash(magnet: str) -> str:
    """The hex info-hash of a magnet URI (base32 hashes converted)."""
    parts = urlsplit(magnet)
    if parts.scheme != "magnet":
        raise ValidationError("Not a magnet link.")
    for xt in parse_qs(parts.query).get("xt", []):
        match = _BTIH.match(xt)
        if match:
            value = match.group(1)
            if len(value) == 32:
                return base64.b32decode(value.upper()).hex()
            return value.lower()
    raise ValidationError("The magnet link carries no BitTorrent info-hash.")


def make_torrent(path: Path, *, piece_length: int = 16384, trackers: list[str] | None = None) -> bytes:
    """A v1 .torrent for one file or a folder (files in sorted order)."""
    path = Path(path)
    if path.is_file():
        files = [(path, [path.name])]
    else:
        files = [(p, list(p.relative_to(path).parts)) for p in sorted(path.rglob("*")) if p.is_file()]
        if not files:
            raise ValidationError(f"{path} holds no files.")
    pieces, buffer = [], b""
    for file_path, _ in files:
        with file_path.open("rb") as handle:
            while chunk := handle.read(piece_length - len(buffer)):
                buffer += chunk
                if len(buffer) == piece_length:
                    pieces.append(hashlib.sha1(buffer).digest())
                    buffer = b""
    if buffer:
        pieces.append(hashlib.sha1(buffer).digest())
    info: dict[str, Any] = {"name": path.name, "piece length": piece_length, "pieces": b"".join(pieces)}
    if path.is_file():
        info["length"] = path.stat().st_size
    else:
        info["files"] = [{"length": p.stat().st_size, "path": parts} for p, parts in files]
    meta: dict[str, Any] = {"info": info}
    if trackers:
        meta["announce"] = trackers[0]
    return bencode(meta)
