"""Retrying a unit of work that lost a race to insert the same unique row (PostgreSQL, several threads)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError

T = TypeVar("T")
RETRY_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure


def _retryable(exc: DBAPIError) -> bool:
    return isinstance(exc, IntegrityError) or getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES


def retry_on_conflict(work: Callable[[], T], attempts: int = 5) -> T:
    """Run ``work`` (one transaction); when a concurrent insert wins (or a deadlock picks this one),
    run it again: it then finds the row."""
    for attempt in range(attempts):
        try:
            return work()
        except DBAPIError as exc:
            if attempt == attempts - 1 or not _retryable(exc):
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))  # let the winner commit
    raise AssertionError("unreachable")
