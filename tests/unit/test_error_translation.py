"""Errors shown to a user speak the user's language; logs keep English; no secret survives either."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from rmab_desktop.clients._http import new_client, send
from rmab_desktop.domain import i18n
from rmab_desktop.domain.errors import AuthenticationError, ServiceUnreachableError
from rmab_desktop.domain.redaction import REDACTOR
from rmab_desktop.workers.runner import ErrorInfo

GERMAN = {
    (
        "ServiceErrors",
        "{service} refused the token (HTTP {status}).",
    ): "{service} hat das Token abgelehnt (HTTP {status}).",
    (
        "Errors",
        "Check the user name, password or API key in Settings.",
    ): "Prüfen Sie Benutzername, Passwort oder API-Schlüssel in den Einstellungen.",
    (
        "ServiceErrors",
        "{service} sent a body that is not JSON.",
    ): "{service} hat keinen JSON-Inhalt gesendet.",
}


@pytest.fixture
def german() -> Iterator[None]:
    previous = i18n._backend
    i18n.install(lambda context, source, _d, _n: GERMAN.get((context, source), source))
    yield
    i18n.install(previous)


def _refusing(status: int) -> httpx.Client:
    return new_client(transport=httpx.MockTransport(lambda request: httpx.Response(status)))


def test_a_client_error_is_shown_translated_and_logged_in_english(german: None) -> None:
    with _refusing(401) as client, pytest.raises(AuthenticationError) as caught:
        send(client, "Prowlarr", "GET", "http://127.0.0.1:9696/api/v1/system/status")
    error = caught.value
    assert str(error) == "Prowlarr refused the token (HTTP 401)."
    assert error.user_message == "Prowlarr hat das Token abgelehnt (HTTP 401)."
    assert error.user_hint.startswith("Prüfen Sie Benutzername")
    info = ErrorInfo.from_exception(error)
    assert info.message == error.user_message and info.hint == error.user_hint


def test_a_secret_quoted_in_a_value_is_redacted_in_both_languages(german: None) -> None:
    REDACTOR.register("sekret-api-key-4711")
    error = ServiceUnreachableError(
        i18n.Translator("ServiceErrors").mark("{service} sent a body that is not JSON."),
        service="Echo at http://host/?apikey=sekret-api-key-4711",
    )
    assert "sekret-api-key-4711" not in str(error) and "sekret-api-key-4711" not in error.user_message
    assert error.user_message.endswith("hat keinen JSON-Inhalt gesendet.")


def test_a_broken_translation_falls_back_to_english() -> None:
    previous = i18n._backend
    i18n.install(lambda _c, source, _d, _n: source.replace("{status}", "{statut}"))
    try:
        with _refusing(403) as client, pytest.raises(AuthenticationError) as caught:
            send(client, "Plex", "GET", "http://127.0.0.1:32400/identity")
        assert caught.value.user_message == "Plex refused the token (HTTP 403)."
    finally:
        i18n.install(previous)
