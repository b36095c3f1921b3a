"""Masks secrets in text: every registered secret value, and secret-named URL parameters.

One redactor for the process: the log handlers filter every record through it, and text a
server sends back is redacted with it before the app stores it (errors, job results, events).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

REDACTED = "********"
MIN_SECRET_LENGTH = 4
# Query parameters that carry a secret in the URLs services echo back (indexer API keys, tokens).
# Torznab's `t` (search, caps) names the function, not a secret: it stays readable in logs.
# A parameter named `key`, or whose name holds token/apikey/pass/secret/auth/sig (X-Plex-Token,
# access_token, passkey...). Torznab's `t` (search, caps) names the function: it stays readable.
_SECRET_PARAMETER = re.compile(
    r"(?P<name>[?&;](?:key|[\w.-]*(?:token|api_?key|apikey|pass(?:word|key)?|secret|auth|sig)[\w.-]*))"
    r"=(?P<value>[^&#\s\"'<>]+)",
    re.IGNORECASE,
)
# The user:password@ part of a URL (download clients, databases, notification URLs).
_URL_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]+@", re.IGNORECASE)


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
        """``text`` with every registered secret, URL credentials and secret-named URL parameters masked."""
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        text = _URL_USERINFO.sub(lambda m: f"{m['scheme']}{REDACTED}@", text)
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
