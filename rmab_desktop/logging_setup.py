"""Logging to a rotating file (and stderr) with every known secret value redacted."""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from pathlib import Path
from typing import Any

REDACTED = "********"
MIN_SECRET_LENGTH = 4
# Query parameters that carry a secret in the URLs services echo back (indexer API keys, tokens).
SECRET_PARAMETERS = ("apikey", "api_key", "token", "password", "pass", "passkey", "key", "t", "x-plex-token")
_SECRET_PARAMETER = re.compile(
    r"(?P<name>[?&;](?:"
    + "|".join(re.escape(name) for name in SECRET_PARAMETERS)
    + r"))=(?P<value>[^&#\s\"'<>]+)",
    re.IGNORECASE,
)


class SecretRedactor(logging.Filter):
    """Replaces registered secret values in every record before any handler formats it."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def register(self, value: str | None) -> None:
        if value and len(value) >= MIN_SECRET_LENGTH:
            with self._lock:
                self._secrets.add(value)

    def redact(self, text: str) -> str:
        """``text`` with every registered secret and every secret-named URL parameter masked."""
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return _SECRET_PARAMETER.sub(lambda m: f"{m['name']}={REDACTED}", text)

    def redact_value(self, value: Any) -> Any:
        """A JSON-like value (job results, event metadata) with every string in it redacted."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {key: self.redact_value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.redact_value(item) for item in value]
        return value

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redact(formatted)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return True


REDACTOR = SecretRedactor()


def setup_logging(log_file: Path | None, level: int = logging.INFO, console: bool = True) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_rmab", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5_000_000, backupCount=3, encoding="utf-8"
            )
        )
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler._rmab = True  # type: ignore[attr-defined]
        handler.setFormatter(formatter)
        handler.addFilter(REDACTOR)
        root.addHandler(handler)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
