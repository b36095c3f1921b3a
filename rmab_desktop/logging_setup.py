"""Logging to a rotating file (and stderr) with every known secret value redacted."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rmab_desktop.domain import correlation
from rmab_desktop.domain.redaction import REDACTED, REDACTOR, SecretRedactor

__all__ = ["REDACTED", "REDACTOR", "SecretRedactor", "setup_logging"]


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
