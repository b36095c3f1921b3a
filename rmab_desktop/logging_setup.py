"""Logging to a rotating file (and stderr) with every known secret value redacted."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from rmab_desktop.domain import correlation

REDACTED = "********"
MIN_SECRET_LENGTH = 4


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
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

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


class CorrelationFilter(logging.Filter):
    """Adds ``record.correlation`` (`` [req-12 job-345]`` or empty) and its two ids to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "correlation"):
            bound = correlation.current()
            ref = bound.ref if bound is not None else ""
            record.correlation = f" [{ref}]" if ref else ""
            record.request_id = bound.request_id if bound is not None else None
            record.job_id = bound.job_id if bound is not None else None
        return True


CORRELATION = CorrelationFilter()
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s:%(correlation)s %(message)s"


def setup_logging(log_file: Path | None, level: int = logging.INFO, console: bool = True) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_rmab", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
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
        handler.addFilter(CORRELATION)
        handler.addFilter(REDACTOR)
        root.addHandler(handler)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
