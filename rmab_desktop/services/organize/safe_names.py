"""File and folder names that are valid on Windows, macOS and Linux, and stay inside the library.

Rules: NFC; no control, bidi-override or zero-width characters; none of ``<>:"/\\|?*``;
no reserved device names (CON, NUL, COM1 ...); no leading dots (hidden, and ``..``) and no
trailing dots or spaces; at most 255 *bytes* of UTF-8 per component (a Cyrillic or CJK name
reaches that at a third or less of 255 characters).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from pathvalidate import sanitize_filename

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("OrganizeErrors")

MAX_COMPONENT_BYTES = 255
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_REPLACE = {":": " -", "/": "-", "\\": "-", "|": "-", '"': "'", "<": "", ">": "", "?": "", "*": ""}
_SPACES = re.compile(r"\s+")


def clean_text(value: str) -> str:
    """NFC, control/invisible characters removed, whitespace collapsed (also for tag values)."""
    text = unicodedata.normalize("NFC", value)
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return _SPACES.sub(" ", text).strip()


def truncate_bytes(text: str, max_bytes: int) -> str:
    """Cut on a character boundary (never inside a UTF-8 sequence or before a combining mark)."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    cut = encoded[:max_bytes].decode("utf-8", "ignore")
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    if len(cut) < len(text) and unicodedata.combining(text[len(cut)]):
        cut = cut[:-1]  # the next character would have modified the last one kept
    return cut


def _trim(text: str) -> str:
    return text.strip(" ").rstrip(". ").lstrip(". ")


def clean_component(value: str) -> str:
    """The name without forbidden characters, before any length limit."""
    text = clean_text(value)
    for bad, good in _REPLACE.items():
        text = text.replace(bad, good)
    return _trim(_SPACES.sub(" ", text))


def safe_component(value: str, *, max_bytes: int = MAX_COMPONENT_BYTES, fallback: str = "_") -> str:
    text = _trim(truncate_bytes(clean_component(value), max_bytes))
    for _ in range(3):  # pathvalidate renames reserved names ("CON" -> "CON_"), which can add a byte
        checked = _trim(truncate_bytes(sanitize_filename(text, platform="universal"), max_bytes))
        if checked == text:
            break
        text = checked
    return text or fallback


def safe_filename(stem: str, extension: str, *, max_bytes: int = MAX_COMPONENT_BYTES) -> str:
    ext = "." + re.sub(r"[^A-Za-z0-9]", "", extension.lstrip("."))[:10].lower() if extension else ""
    return safe_component(stem, max_bytes=max_bytes - len(ext.encode())) + ext


def inside_root(root: Path, relative: str) -> Path:
    """``root/relative`` resolved; raises when it would land outside ``root`` (``..``, links, absolute)."""
    if not relative or os.path.isabs(relative) or re.match(r"^[A-Za-z]:", relative):
        raise ValidationError(
            tr.mark("'{relative}' is not a relative path inside the library"), relative=relative
        )
    base = root.resolve()
    target = (base / relative).resolve()
    if target == base or not target.is_relative_to(base):
        raise ValidationError(
            tr.mark("'{relative}' would leave the library folder {base}"), relative=relative, base=base
        )
    return target
