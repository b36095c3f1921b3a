"""PlexClient against a fake PMS on loopback: JSON and XML, paging, partial refresh, errors."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from rmab_desktop.clients.plex import PlexClient, PlexPin, PlexTvPinFlow
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    ServiceTimeoutError,
    ServiceUnreachableError,
    ValidationError,
)
from tests.fakes.plex_server import TOKEN, FakePlexServer, album, track


@pytest.fixture(scope="module")
def plex_server() -> Iterator[FakePlexServer]:
    with FakePlexServer() as server:
        server.albums["3"] = [
            album(
                str(100 + n),
                f"Book {n}",
                f"Author {n % 3}",
                guid=f"com.plexapp.agents.audnexus://B00000000{n}_us?lang=en" if n == 2 else None,
            )
            for n in range(7)
        ]
        server.tracks["3"] = [
            track(str(1000 + n), str(100 + n // 2), f"/data/audiobooks/Author/Book {n // 2}/part{n}.m4b")
            for n in range(6)
        ]
        yield server


@pytest.fixture
def server(plex_server: FakePlexServer) -> FakePlexServer:
    plex_server.reset()
    plex_server.xml = False
    plex_server.refreshes.clear()
    return plex_server


@pytest.mark.parametrize("xml", [False, True])
def test_sections_and_albums_in_json_and_xml(server: FakePlexServer, xml: bool) -> None:
    server.xml = xml
    with PlexClient(server.url, TOKEN) as client:
        sections = client.sections()
        assert [(s.key, s.type, s.locations) for s in sections] == [
            ("1", "movie", ("/storage/movies",)),
            ("3", "artist", ("/data/audiobooks",)),
        ]
        albums = list(client.albums("3", page_size=3))
        tracks = list(client.tracks("3", page_size=4))
    assert [a.title for a in albums] == [f"Book {n}" for n in range(7)]
    assert albums[1].author == "Author 1" and albums[1].year == 2013 and albums[1].rating_key == "101"
    assert albums[2].asin == "B000000002" and albums[0].asin is None
    assert tracks[0].file == "/data/audiobooks/Author/Book 0/part0.m4b" and tracks[0].album_key == "100"
    assert tracks[0].container == "m4b" and tracks[0].duration_ms == 60_000
    pages = [r.query.get("X-Plex-Container-Start") for r in server.requests if r.query.get("type") == "9"]
    assert pages == ["0", "3", "6"]
    assert all(r.headers["x-plex-token"] == TOKEN for r in server.requests)


def test_music_section_refuses_other_types(server: FakePlexServer) -> None:
    with PlexClient(server.url, TOKEN) as client:
        assert client.music_section("3").title == "Audiobooks"
        with pytest.raises(ValidationError, match="movie library"):
            client.music_section("1")
        with pytest.raises(ValidationError, match="no library"):
            client.music_section("42")


def test_partial_refresh_sends_the_path(server: FakePlexServer) -> None:
    with PlexClient(server.url, TOKEN) as client:
        client.refresh("3", "/data/audiobooks/Ann Leckie/Ancillary Justice [B00FO5O1NM]")
        client.refresh("3")
    assert server.refreshes == [
        ("3", "/data/audiobooks/Ann Leckie/Ancillary Justice [B00FO5O1NM]"),
        ("3", None),
    ]


def test_wrong_token_is_an_authentication_error_without_the_token(server: FakePlexServer) -> None:
    with PlexClient(server.url, "wrong-token") as client, pytest.raises(AuthenticationError) as info:
        client.sections()
    assert "wrong-token" not in str(info.value)


def test_garbage_and_timeouts_are_typed(server: FakePlexServer) -> None:
    server.garbage = True
    with PlexClient(server.url, TOKEN) as client, pytest.raises(InvalidResponseError):
        client.sections()
    server.garbage, server.delay = False, 0.5
    with (
        PlexClient(server.url, TOKEN, timeout=httpx.Timeout(0.1)) as client,
        pytest.raises(ServiceTimeoutError),
    ):
        client.sections()


def test_malformed_xml_and_entity_bombs_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><MediaContainer t="&b;"/>'
    )
    for body in (b"<MediaContainer><Directory", bomb, b"<html>login</html>", b'{"nope": 1}', b"[]"):
        transport = httpx.MockTransport(lambda request, body=body: httpx.Response(200, content=body))
        with (
            PlexClient("http://plex.local", TOKEN, transport=transport) as client,
            pytest.raises(InvalidResponseError),
        ):
            client.sections()


def test_refused_connection_is_unreachable() -> None:
    with PlexClient("http://127.0.0.1:9", TOKEN) as client, pytest.raises(ServiceUnreachableError):
        client.identity()


def test_pin_flow_reads_the_real_shape() -> None:
    pin = {
        "id": 111222333,
        "code": "CODE",
        "product": "0",
        "trusted": False,
        "clientIdentifier": "ClientId",
        "expiresIn": 900,
        "createdAt": "2022-02-01T00:00:00Z",
        "authToken": None,
        "newRegistration": None,
    }
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(f"{request.method} {request.url.path}")
        linked = len(calls) > 2
        return httpx.Response(200, json={**pin, "authToken": "auth_token" if linked else None})

    flow = PlexTvPinFlow("ClientId", transport=httpx.MockTransport(handler))
    created = flow.create_pin()
    assert created == PlexPin(111222333, "CODE", None)
    assert "code=CODE" in flow.auth_url(created) and "/auth#?" in flow.auth_url(created)
    assert flow.wait_for_token(created, sleep=lambda _s: False, interval=0) == "auth_token"
    assert calls == ["POST /api/v2/pins", "GET /api/v2/pins/111222333", "GET /api/v2/pins/111222333"]
