"""ReadMeABook's notification backends as Apprise URLs (what our notification targets are).

ReadMeABook has four backend types, each with its own settings; the secret ones (``SECRET_FIELDS``)
are stored encrypted. Each becomes one or more Apprise URLs.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.events import EventKind

tr = Translator("MigrationImport")

SECRET_FIELDS = {
    "discord": ("webhookUrl",),
    "ntfy": ("accessToken",),
    "pushover": ("userKey", "appToken"),
    "apprise": ("urls", "authToken"),
}
EVENTS = {
    "request_pending_approval": EventKind.AWAITING_APPROVAL,
    "request_approved": EventKind.REQUEST_APPROVED,
    "request_grabbed": EventKind.DOWNLOADING,
    "request_available": EventKind.AVAILABLE,
    "request_error": EventKind.FAILED,
    "issue_reported": EventKind.ISSUE_REPORTED,
    # AudioBookRequest's events, as its reader names them
    "request_created": EventKind.REQUEST_CREATED,
    "available": EventKind.AVAILABLE,
    "failed": EventKind.FAILED,
}


class UnsupportedBackend(ValueError):
    """The backend cannot be expressed as an Apprise URL; the message says why."""


def _text(config: dict[str, Any], name: str) -> str:
    value = config.get(name)
    return str(value).strip() if value is not None else ""


def apprise_urls(kind: str, config: dict[str, Any]) -> list[str]:
    """The Apprise URLs of a backend whose secret fields are already decrypted."""
    if kind == "discord":
        parts = urlsplit(_text(config, "webhookUrl"))
        path = [part for part in parts.path.split("/") if part]
        if len(path) < 2 or "webhooks" not in path:
            raise UnsupportedBackend(tr("the Discord webhook address is not a webhook address"))
        webhook_id, token = path[-2], path[-1]
        query = {"botname": _text(config, "username")} if _text(config, "username") else {}
        if _text(config, "avatarUrl"):
            query["avatar_url"] = _text(config, "avatarUrl")
        return [f"discord://{quote(webhook_id)}/{quote(token)}" + (f"?{urlencode(query)}" if query else "")]
    if kind == "ntfy":
        topic = _text(config, "topic")
        if not topic:
            raise UnsupportedBackend(tr("the ntfy backend names no topic"))
        server = urlsplit(_text(config, "serverUrl") or "https://ntfy.sh")
        scheme = "ntfys" if server.scheme == "https" else "ntfy"
        token = _text(config, "accessToken")
        suffix = f"?{urlencode({'token': token})}" if token else ""
        return [f"{scheme}://{server.netloc}{server.path.rstrip('/')}/{quote(topic)}{suffix}"]
    if kind == "pushover":
        user, app = _text(config, "userKey"), _text(config, "appToken")
        if not user or not app:
            raise UnsupportedBackend(tr("the Pushover backend lacks its user key or app token"))
        device = _text(config, "device")
        return [f"pover://{quote(user)}@{quote(app)}" + (f"/{quote(device)}" if device else "")]
    if kind == "apprise":
        urls = [url.strip() for url in _text(config, "urls").replace("\n", ",").split(",") if url.strip()]
        if urls:
            return urls
        server, key = urlsplit(_text(config, "serverUrl")), _text(config, "configKey")
        if not server.netloc or not key:
            raise UnsupportedBackend(
                tr("the Apprise backend has neither URLs nor a server with a configuration key")
            )
        scheme = "apprises" if server.scheme == "https" else "apprise"
        token = _text(config, "authToken")
        query = {"tags": _text(config, "tag")} if _text(config, "tag") else {}
        if token:
            query["token"] = token
        return [
            f"{scheme}://{server.netloc}{server.path.rstrip('/')}/{quote(key)}"
            + (f"?{urlencode(query)}" if query else "")
        ]
    raise UnsupportedBackend(tr("backends of type '{kind}' have no counterpart here").format(kind=kind))
