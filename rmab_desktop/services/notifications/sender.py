"""Sends one message to one Apprise URL and explains a failure in words a user can act on.

Apprise (2.x) returns a structured result whose per-attempt log entries say why a service
failed; the last warning becomes the error message, with secrets redacted. Every delivery has an
overall deadline (Apprise's call ``timeout``, every retry included): a target that accepts and
never answers ends the call as a timeout after ``DELIVERY_SECONDS`` at most, never holding a job
or the app; a cancelled task (Quit) stops waiting at once. (Apprise's own ``cto``/``rto`` only
limit each socket operation, and a URL may raise them.)
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rmab_desktop.clients.deadline import current_deadline
from rmab_desktop.domain.cancel import current_cancel_token
from rmab_desktop.domain.errors import ServiceTimeoutError, ServiceUnreachableError, ValidationError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.logging_setup import REDACTOR

if TYPE_CHECKING:
    import apprise

tr = Translator("NotificationDelivery")

SECRET_SEGMENT_LENGTH = 16
DELIVERY_SECONDS = 30.0
CANCEL_POLL_SECONDS = 0.2
URL_HINT = tr.mark(
    "Use an Apprise URL such as discord://webhook_id/webhook_token, ntfys://topic, "
    "pover://user@token, mailtos://user:password@example.com, json://host/path or form://host/path."
)
DELIVERY_HINT = tr.mark(
    "Check the URL (host, token, topic) and that the service is reachable; the app retries automatically."
)
TIMEOUT_HINT = tr.mark(
    "The notification service accepted the connection but did not answer. Check that it is running "
    "and not overloaded; the app retries automatically."
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
        raise ValidationError(tr("Apprise does not recognise this notification URL."), hint=text(URL_HINT))
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
        return tr("(invalid URL)")
    return _shown(target)


def validate_url(url: str) -> str:
    _load(url)
    return url.strip()


def _notify(target: apprise.Apprise, **call: Any) -> apprise.AppriseResult:
    """``target.notify(**call)``, given up when the running task is cancelled (Quit stays prompt).

    The call runs on a daemon thread, which Apprise's own ``timeout`` ends soon after."""
    cancel = current_cancel_token()
    if cancel is None:
        return target.notify(**call)
    outcome: list[Any] = []
    finished = threading.Event()

    def run() -> None:
        try:
            outcome.append(target.notify(**call))
        except Exception as exc:  # handed to the waiting caller
            outcome.append(exc)
        finally:
            finished.set()

    threading.Thread(target=run, name="apprise-delivery", daemon=True).start()
    while not finished.wait(CANCEL_POLL_SECONDS):
        cancel.raise_if_cancelled()
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    result: apprise.AppriseResult = outcome[0]
    return result


def send(
    url: str, title: str, body: str, notify_type: str = "info", *, seconds: float = DELIVERY_SECONDS
) -> Delivery:
    """Deliver within ``seconds`` (less inside an enclosing deadline), or raise
    ``ServiceUnreachableError`` with Apprise's own reason (secrets redacted), ``ServiceTimeoutError``
    when the target did not answer in time."""
    from apprise import AppriseResultStatus

    target = _load(url)
    shown = _shown(target)
    enclosing = current_deadline()
    if enclosing is not None:
        seconds = min(seconds, max(enclosing.remaining(), 0.001))
    started = time.monotonic()
    result = _notify(target, title=title, body=body, notify_type=notify_type, timeout=seconds)
    latency = (time.monotonic() - started) * 1000
    if result.status == AppriseResultStatus.TIMEOUT:
        raise ServiceTimeoutError(
            tr.n(
                "Could not deliver to {target}: no answer, timed out after %n second(s).",
                max(1, round(seconds)),
            ).format(target=shown),
            service="notifications",
            hint=text(TIMEOUT_HINT),
        )
    if not result:
        problems = [
            entry.message
            for service in result.results
            for entry in service.logs()
            if entry.level in ("WARNING", "ERROR", "CRITICAL")
        ]
        reason = REDACTOR.redact(problems[-1] if problems else tr("the service did not accept it"))
        raise ServiceUnreachableError(
            tr("Could not deliver to {target}: {reason}").format(target=shown, reason=reason),
            service="notifications",
            hint=text(DELIVERY_HINT),
        )
    return Delivery(target=shown, latency_ms=latency)
