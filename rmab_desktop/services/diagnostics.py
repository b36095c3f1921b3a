"""A problem a user can hand over: one zip with the recent log, versions, OS, settings and the list
of configured services, with every secret removed.

Secrets are removed two ways, because a bundle is meant to be posted in public: by the redactor
(values the app knows to be secrets, and credentials inside URLs: user:password@ and key-like query
parameters), and by dropping anything stored under a key that names a secret.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rmab_desktop import APP_NAME, __version__
from rmab_desktop.domain.redaction import REDACTED
from rmab_desktop.services.desktop.components import bundled_components

LOG_TAIL_BYTES = 2_000_000
SECRET_KEY = re.compile(
    r"pass(word|phrase)?|secret|token|api_?key|apikey|cookie|auth|credential", re.IGNORECASE
)


@dataclass(frozen=True)
class DiagnosticsInputs:
    log_files: list[Path]
    settings: dict[str, Any]
    services: list[dict[str, Any]]
    database: dict[str, Any]
    versions: dict[str, str] = field(default_factory=dict)  # e.g. the Qt version, from the UI


def scrub(value: Any, redact: Callable[[str], str]) -> Any:
    """A copy of ``value`` with every secret-named entry and every secret in text replaced."""
    if isinstance(value, dict):
        return {
            key: REDACTED
            if SECRET_KEY.search(str(key)) and item not in (None, "", False)
            else scrub(item, redact)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item, redact) for item in value]
    if isinstance(value, str):
        return redact(value)
    return value


def versions(extra: dict[str, str]) -> dict[str, Any]:
    """The app, Python, OS and every bundled component's version (the About dialog's list)."""
    return {
        "app": f"{APP_NAME} {__version__}",
        "python": sys.version.split()[0],
        "os": platform.platform(),
        "machine": platform.machine(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "components": {component.name: component.version for component in bundled_components()},
        **extra,
    }


def _log_tail(files: Iterable[Path]) -> str:
    """The newest ``LOG_TAIL_BYTES`` of the log, across its rotated files, oldest first."""
    chunks: list[str] = []
    budget = LOG_TAIL_BYTES
    for path in files:  # newest first
        if budget <= 0 or not path.is_file():
            continue
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - budget))
            data = handle.read()
        budget -= len(data)
        chunks.insert(0, data.decode("utf-8", errors="replace"))
    return "".join(chunks)


def write_bundle(target: Path, inputs: DiagnosticsInputs, redact: Callable[[str], str]) -> Path:
    """Write the zip to ``target`` (its folder must exist); returns the path written."""
    created = datetime.now(UTC).isoformat(timespec="seconds")
    documents = {
        "about.json": {"created": created, **versions(inputs.versions)},
        "settings.json": scrub(inputs.settings, redact),
        "services.json": scrub(inputs.services, redact),
        "database.json": scrub(inputs.database, redact),
    }
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, document in documents.items():
            bundle.writestr(name, json.dumps(document, indent=2, ensure_ascii=False, default=str))
        bundle.writestr("rmab-desktop.log", redact(_log_tail(inputs.log_files)))
        bundle.writestr(
            "README.txt",
            f"{APP_NAME} diagnostics, {created}.\nPasswords, API keys and tokens were removed "
            "before this file was written. Attach it to your bug report.\n",
        )
    partial.replace(target)
    return target
