"""Correlation ids: which request and job a log line, job event or notification belongs to.

A request is ``req-<id>`` and a job ``job-<id>``; together ``req-12 job-345``. The job executor
binds the running job (and its request) in a context variable; the logging filter in
``rmab_desktop.logging_setup`` writes the reference into every line logged meanwhile, and the
event bus stamps it on the events published, so a user can hand over one short reference and
the Activity log finds everything that belongs to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

_REF = re.compile(r"^\[?\s*(?:req-(\d+))?\s*(?:job-(\d+))?\s*\]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Correlation:
    request_id: int | None = None
    job_id: int | None = None

    @property
    def ref(self) -> str:
        """``req-12 job-345``, ``req-12``, ``job-345`` or ``""``."""
        parts = []
        if self.request_id is not None:
            parts.append(f"req-{self.request_id}")
        if self.job_id is not None:
            parts.append(f"job-{self.job_id}")
        return " ".join(parts)

    def matches(self, request_id: int | None, job_id: int | None) -> bool:
        """True when something of this request and job (each given part must agree) is meant."""
        if self.request_id is not None and request_id != self.request_id:
            return False
        return self.job_id is None or job_id == self.job_id


_current: ContextVar[Correlation | None] = ContextVar("rmab_correlation", default=None)


def current() -> Correlation | None:
    return _current.get()


@contextmanager
def bound(*, request_id: int | None = None, job_id: int | None = None) -> Iterator[Correlation]:
    """Everything logged or published inside the block carries this request and job."""
    correlation = Correlation(request_id, job_id)
    token = _current.set(correlation)
    try:
        yield correlation
    finally:
        _current.reset(token)


def parse(text: str) -> Correlation | None:
    """``req-12``, ``job-345``, ``req-12 job-345`` or ``[req-12 job-345]``; None for other text."""
    found = _REF.match(text.strip())
    if found is None or not any(found.groups()):
        return None
    request, job = found.groups()
    return Correlation(int(request) if request else None, int(job) if job else None)
