"""ReadMeABook's notification backends become Apprise URLs that Apprise itself accepts."""

from __future__ import annotations

from typing import Any

import pytest

from rmab_desktop.services.migration_import.notification_urls import UnsupportedBackend, apprise_urls
from rmab_desktop.services.notifications import sender


@pytest.mark.parametrize(
    ("kind", "config", "expected"),
    [
        (
            "discord",
            {"webhookUrl": "https://discord.com/api/webhooks/123456/tok-en_1", "username": "RMAB"},
            ["discord://123456/tok-en_1?botname=RMAB"],
        ),
        ("ntfy", {"serverUrl": "https://ntfy.example.org/", "topic": "books", "accessToken": "tk_abc"},
         ["ntfys://ntfy.example.org/books?token=tk_abc"]),
        ("ntfy", {"topic": "books"}, ["ntfys://ntfy.sh/books"]),
        ("pushover", {"userKey": "u" * 30, "appToken": "a" * 30, "device": "phone"},
         [f"pover://{'u' * 30}@{'a' * 30}/phone"]),
        ("apprise", {"serverUrl": "http://apprise:8000", "urls": "mailto://me:pw@example.org, tgram://1:AB/2"},
         ["mailto://me:pw@example.org", "tgram://1:AB/2"]),
        ("apprise", {"serverUrl": "https://apprise.example.org", "configKey": "home", "tag": "books"},
         ["apprises://apprise.example.org/home?tags=books"]),
    ],
)  # fmt: skip
def test_each_backend_becomes_urls_apprise_accepts(
    kind: str, config: dict[str, Any], expected: list[str]
) -> None:
    urls = apprise_urls(kind, config)
    assert urls == expected
    for url in urls:
        assert sender.validate_url(url) == url


@pytest.mark.parametrize(
    ("kind", "config"),
    [
        ("discord", {"webhookUrl": "https://example.org/not-a-hook"}),
        ("ntfy", {"serverUrl": "https://ntfy.sh"}),
        ("pushover", {"userKey": "only-the-user"}),
        ("apprise", {"serverUrl": "http://apprise:8000"}),
        ("email", {"to": "me@example.org"}),
    ],
)
def test_backends_that_cannot_be_expressed_say_why(kind: str, config: dict[str, Any]) -> None:
    with pytest.raises(UnsupportedBackend) as raised:
        apprise_urls(kind, config)
    assert str(raised.value)
