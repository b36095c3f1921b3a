"""Sends one message to one Apprise URL and explains a failure in words a user can act on.

Apprise (2.x) returns a structured result whose per-attempt log entries say why a service
failed; the last warning becomes the error message, with secrets redacted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rmab_desktop.domain.errors import ServiceUnreachableError, ValidationError
from rmab_desktop.logging_setup import REDACTOR

if TYPE_CHECKING:
    import apprise

SECRET_SEGMENT_LENGTH = 16
URL_HINT = (
    "Use an Apprise URL such as discord://webhook_id/webhook_token, ntfys://topic, "
    "pover://user@token, mailtos://user:password@example.com, json://host/path or form://host/path."
)
DELIVERY_HINT = (
    "Check the URL (host, token, topic) and that the service is reachable; the app retries automatically."
)


@dataclass(frozen=True)
class Delivery:
    target: str  # the URL with its secrets masked
    latency_ms: float


def _register_secrets(url: str) -> None:
    """The whole URL, its password and long path tokens (webhook keys) never reach a log."""
    REDACTOR.register(url)
    try:
        parts = urlsplit(url)
        REDACTOR.register(parts.password)
    except ValueError:
        return
    for segment in parts.path.split("/"):
        if len(segment) >= SECRET_SEGMENT_LENGTH:
            REDACTOR.register(segment)


def _load(url: str) -> apprise.Apprise:
    import apprise  # here, not at start-up (~45 ms)

    url = url.strip()
    _register_secrets(url)
    target = apprise.Apprise()
    if not url or not target.add(url):
        raise ValidationError("Apprise does not recognise this notification URL.", hint=URL_HINT)
    return target


def _shown(target: apprise.Apprise) -> str:
    """The loaded URL as Apprise prints it, passwords and tokens hidden, without its query."""
    url: str = target[0].url(privacy=True)
    return url.split("?", 1)[0]


def masked(url: str) -> str:
    """The URL as Apprise prints it with passwords and tokens hidden, or a placeholder."""
    try:
        target = _load(url)
    except ValidationError:
        return "(invalid URL)"
    return _shown(target)


def validate_url(url: str) -> str:
    _load(url)
    return url.strip()


def send(url: str, title: str, body: str, notify_type: str = "info") -> Delivery:
    """Deliver or raise ``ServiceUnreachableError`` with Apprise's own reason (secrets redacted)."""
    target = _load(url)
    shown = _shown(target)
    started = time.monotonic()
    result = target.notify(title=title, body=body, notify_type=notify_type)
    latency = (time.monotonic() - started) * 1000
    if not result:
        problems = [
            entry.message
            for service in result.results
            for entry in service.logs()
            if entry.level in ("WARNING", "ERROR", "CRITICAL")
        ]
        reason = REDACTOR.redact(problems[-1] if problems else "the service did not accept it")
        raise ServiceUnreachableError(
            f"Could not deliver to {shown}: {reason}", service="notifications", hint=DELIVERY_HINT
        )
    return Delivery(target=shown, latency_ms=latency)
