"""The answer of every Test button: did it work, and if not, what should the user fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConnectionTestResult:
    ok: bool
    message: str
    hint: str = ""
    latency_ms: float | None = None
    details: str = ""
