"""Every client ends a call to a slow-drip, silent or refused server with a typed, worded error.

The slow-drip server sends a valid answer one byte every 2 s, so no socket read ever times out:
only the wall-clock deadline (clients/deadline.py) ends the call. The server counts the answers
it sent in full: a call that waited the drip out instead of cutting it off fails the test. The clients' own deadlines are
30-90 s; each call here runs inside an enclosing 3 s deadline, which bounds every deadline
within it, so the same mechanism is exercised in seconds. Timing is never asserted: a call that
ignored its deadline would end with another error (or after the drip completes, with success).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rmab_desktop.clients.audible import AudibleClient
from rmab_desktop.clients.audiobookshelf import AudiobookshelfClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.clients.deadline import deadline
from rmab_desktop.clients.internet_archive import InternetArchiveClient
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.clients.nzbget import NzbgetClient
from rmab_desktop.clients.plex import PlexClient
from rmab_desktop.clients.prowlarr import ProwlarrClient
from rmab_desktop.clients.qbittorrent import QBittorrentClient
from rmab_desktop.clients.sabnzbd import SabnzbdClient
from rmab_desktop.clients.torznab import TorznabClient
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import CancelledError, ServiceTimeoutError, ServiceUnreachableError
from tests.fakes.slow_servers import SilentServer, SlowDripServer, refused_url

BOUND_SECONDS = 3.0

PROBES: dict[str, tuple[str, Callable[[str], Any]]] = {
    "audible": (
        "Audible",
        lambda url: AudibleClient(JsonHttp("Audible", retries=0), base_url=url).search("us", keywords="x"),
    ),
    "audnexus": (
        "Audnexus",
        lambda url: AudnexusClient(JsonHttp("Audnexus", retries=0), base_url=url).book("B000000001", "us"),
    ),
    "prowlarr": ("Prowlarr", lambda url: ProwlarrClient(url, "prowlarr-key").status()),
    "torznab": ("Jackett", lambda url: TorznabClient(url, "torznab-key", name="Jackett").caps()),
    "newznab": (
        "NZBgeek",
        lambda url: TorznabClient(url, "newznab-key", name="NZBgeek", protocol="usenet").search("x"),
    ),
    "internet_archive": ("Internet Archive", lambda url: InternetArchiveClient(url).search("Walden")),
    "qbittorrent": ("qBittorrent", lambda url: QBittorrentClient(url, "admin", "secret").version()),
    "transmission": ("Transmission", lambda url: TransmissionClient(url + "/transmission/rpc").version()),
    "sabnzbd": ("SABnzbd", lambda url: SabnzbdClient(url, "sab-key").version()),
    "nzbget": ("NZBGet", lambda url: NzbgetClient(url, "nzbget", "secret").version()),
    "plex": ("Plex", lambda url: PlexClient(url, "plex-token").identity()),
    "audiobookshelf": ("Audiobookshelf", lambda url: AudiobookshelfClient(url, "abs-token").libraries()),
}


def _bounded(probe: Callable[[str], Any], url: str) -> Any:
    with deadline("test bound", BOUND_SECONDS):
        return probe(url)


@pytest.mark.parametrize("kind", PROBES)
def test_slow_drip_server_ends_with_a_timeout_error(kind: str) -> None:
    service, probe = PROBES[kind]
    with SlowDripServer() as server, pytest.raises(ServiceTimeoutError) as caught:
        _bounded(probe, server.url)
    assert server.accepted >= 1 and server.completed == 0  # cut off, not waited out
    assert service in caught.value.user_message
    assert "seconds" in caught.value.user_message
    assert caught.value.hint


@pytest.mark.parametrize("kind", PROBES)
def test_silent_server_ends_with_a_timeout_error(kind: str) -> None:
    service, probe = PROBES[kind]
    with SilentServer() as server, pytest.raises(ServiceTimeoutError) as caught:
        _bounded(probe, server.url)
    assert server.accepted >= 1
    assert service in caught.value.user_message


@pytest.mark.parametrize("kind", PROBES)
def test_refused_connection_ends_with_an_unreachable_error(kind: str) -> None:
    service, probe = PROBES[kind]
    with pytest.raises(ServiceUnreachableError) as caught:
        _bounded(probe, refused_url())
    assert not isinstance(caught.value, ServiceTimeoutError)
    assert service in caught.value.user_message and caught.value.hint


@pytest.mark.parametrize("kind", ["audible", "torznab", "qbittorrent", "transmission", "plex"])
def test_a_bound_cancel_token_stops_a_call_in_progress(kind: str) -> None:
    """No enclosing deadline here: only the cancel stops the call before the 30-90 s deadline."""
    _, probe = PROBES[kind]
    token = CancelToken()
    with SlowDripServer() as server, token.bound():
        timer = threading.Timer(0.5, token.cancel)
        timer.start()
        with pytest.raises(CancelledError):
            probe(server.url)
        timer.cancel()
    assert server.completed == 0


def test_a_good_answer_within_the_deadline_is_read_whole() -> None:
    """The drip of a short answer at a fast pace completes: deadlines do not cut healthy calls."""
    with SlowDripServer(body=b'{"version": "1.2.3"}', interval=0.001) as server:
        assert _bounded(PROBES["prowlarr"][1], server.url)["version"] == "1.2.3"


def test_direct_download_stall_fails_the_download(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rmab_desktop.clients import direct_http
    from rmab_desktop.domain.downloads import DownloadState, NewDownload

    monkeypatch.setattr(direct_http, "RETRIES", 0)
    with SlowDripServer(body=b"x" * 100_000, content_type="audio/mpeg") as server:
        client = direct_http.DirectHttpClient(tmp_path, stall_seconds=2.0)
        item_id = client.add(NewDownload(name="Walden", url=server.url + "/walden.mp3"))
        transfer = client._transfers[item_id]
        assert transfer.thread is not None
        transfer.thread.join(timeout=60)
        item = client.get(item_id)
    assert item.state == DownloadState.FAILED
    assert item.error and "no progress" in item.error
