"""Torznab/Newznab, Prowlarr and Internet Archive clients against loopback fakes."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from rmab_desktop.clients.internet_archive import InternetArchiveClient
from rmab_desktop.clients.prowlarr import ProwlarrClient
from rmab_desktop.clients.torznab import TorznabClient
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    ServiceError,
    ServiceTimeoutError,
    ServiceUnreachableError,
)
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.internet_archive_server import FakeItem, InternetArchiveServer
from tests.fakes.prowlarr_server import API_KEY as PROWLARR_KEY
from tests.fakes.prowlarr_server import TORRENT_BYTES, FakeIndexer, ProwlarrServer
from tests.fakes.torznab_server import API_KEY, TorznabServer

RELEASES = [
    FakeRelease("Frank Herbert - Dune (Dune 1) [M4B] 64kbps", size=610_000_000, seeders=40, freeleech=True),
    FakeRelease("Frank Herbert - Dune Messiah [MP3]", size=300_000_000, seeders=3, magnet=True),
    FakeRelease("Some Film 1080p x264", categories=(2000,)),
]


@pytest.fixture(scope="module")
def torznab() -> Iterator[TorznabServer]:
    with TorznabServer(RELEASES) as server:
        yield server


@pytest.fixture(scope="module")
def newznab() -> Iterator[TorznabServer]:
    with TorznabServer(RELEASES, newznab=True) as server:
        yield server


@pytest.fixture(autouse=True)
def _reset(request: pytest.FixtureRequest) -> None:
    for name in ("torznab", "newznab"):
        if name in request.fixturenames:
            request.getfixturevalue(name).reset()


def fast_http(timeout: float = 2.0) -> httpx.Client:
    return httpx.Client(timeout=timeout)


def test_torznab_search_reads_every_attribute(torznab: TorznabServer) -> None:
    client = TorznabClient(torznab.url, API_KEY, name="Tracker", priority=5, http=fast_http())
    releases = client.search("dune", [3030])
    assert [r.title for r in releases] == [RELEASES[0].title, RELEASES[1].title]
    dune, messiah = releases
    assert dune.size_bytes == 610_000_000 and dune.seeders == 40 and dune.peers == 42
    assert dune.flags[0] == "freeleech" and dune.indexer == "Tracker" and dune.indexer_priority == 5
    assert (
        dune.protocol == "torrent"
        and dune.download_url
        and dune.download_url.startswith(torznab.url + "/download/")
    )
    assert dune.minimum_ratio == 1.0 and dune.minimum_seed_minutes == 2880 and dune.grabs == 7
    assert dune.categories == (3030,) and dune.publish_date is not None and dune.infohash
    assert messiah.magnet_url and messiah.magnet_url.startswith("magnet:?xt=urn:btih:")
    assert torznab.categories_asked() == [["3030"]]


def test_newznab_search_is_usenet_with_book_attrs(newznab: TorznabServer) -> None:
    newznab.releases = [
        FakeRelease("Herbert-Dune-2007-WEB", author="Frank Herbert", book="Dune", seeders=None)
    ]
    try:
        [release] = TorznabClient(newznab.url, API_KEY, protocol="usenet", http=fast_http()).search("dune")
    finally:
        newznab.releases = list(RELEASES)
    assert release.protocol == "usenet" and release.author == "Frank Herbert" and release.book_title == "Dune"
    assert release.seeders is None and release.download_url and "t=get" in release.download_url


def test_caps_lists_audiobook_categories(torznab: TorznabServer) -> None:
    caps = TorznabClient(torznab.url + "/api", API_KEY, http=fast_http()).caps()
    assert caps.server_title == "Fake Indexer" and caps.max_limit == 100
    assert caps.audiobook_categories() == [3030, 3130] and "book-search" in caps.searches


def test_wrong_api_key_is_an_authentication_error_with_a_hint(torznab: TorznabServer) -> None:
    with pytest.raises(AuthenticationError) as info:
        TorznabClient(torznab.url, "wrong", http=fast_http()).search("dune")
    assert "API key" in info.value.hint and "wrong" not in str(info.value)


def test_error_documents_bom_and_garbage(torznab: TorznabServer) -> None:
    client = TorznabClient(torznab.url, API_KEY, http=fast_http())
    torznab.error_code = 500
    with pytest.raises(RateLimitedError):
        client.search("dune")
    torznab.error_code = None
    torznab.bom = True
    assert len(client.search("dune")) == 2
    torznab.truncated = True
    with pytest.raises(InvalidResponseError):
        client.search("dune")
    torznab.reset()
    torznab.garbage = True
    with pytest.raises(InvalidResponseError):
        client.search("dune")
    torznab.reset()
    torznab.fail_status = 503
    with pytest.raises(ServiceError):
        client.search("dune")


def test_wrong_path_timeout_and_refused(torznab: TorznabServer) -> None:
    with pytest.raises(InvalidResponseError) as info:
        TorznabClient(torznab.url + "/nothing/here/", API_KEY, http=fast_http()).caps()
    assert "/api" in info.value.hint
    torznab.delay = 0.5
    with pytest.raises(ServiceTimeoutError):
        TorznabClient(torznab.url, API_KEY, http=fast_http(0.2)).search("dune")
    torznab.reset()
    with TorznabServer() as gone:
        url = gone.url
    with pytest.raises(ServiceUnreachableError):
        TorznabClient(url, API_KEY, http=fast_http()).search("dune")


# -- Prowlarr -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def prowlarr() -> Iterator[ProwlarrServer]:
    indexers = [
        FakeIndexer(
            1, "AudioTracker", [RELEASES[0], FakeRelease("Dune magnet [MP3]", magnet=True)], priority=10
        ),
        FakeIndexer(2, "UsenetIdx", [FakeRelease("Frank Herbert - Dune (2007) MP3", seeders=None)], "usenet"),
        FakeIndexer(3, "Disabled", [RELEASES[0]], enable=False),
    ]
    with ProwlarrServer(indexers) as server:
        yield server


def test_prowlarr_search_maps_json_and_sends_repeated_parameters(prowlarr: ProwlarrServer) -> None:
    client = ProwlarrClient(prowlarr.url, PROWLARR_KEY, http=fast_http())
    indexers = client.indexers()
    assert [(i.id, i.enabled, i.priority) for i in indexers] == [(1, True, 10), (2, True, 25), (3, False, 25)]
    releases = client.search("dune", [3030, 3040], [1, 2], priorities={1: 10})
    by_indexer = {r.indexer: r for r in reversed(releases)}
    assert set(by_indexer) == {"AudioTracker", "UsenetIdx"} and len(releases) == 3
    torrent, usenet = by_indexer["AudioTracker"], by_indexer["UsenetIdx"]
    assert torrent.indexer_id == 1 and torrent.indexer_priority == 10 and torrent.flags == ("freeleech",)
    assert torrent.categories == (3030,) and torrent.seeders == 40 and torrent.infohash
    assert usenet.protocol == "usenet" and usenet.seeders is None
    assert prowlarr.searches()[-1]["categories"] == ["3030", "3040"]
    assert prowlarr.searches()[-1]["indexerIds"] == ["1", "2"]


def test_prowlarr_release_file_bytes_or_magnet(prowlarr: ProwlarrServer) -> None:
    client = ProwlarrClient(prowlarr.url, PROWLARR_KEY, http=fast_http())
    assert client.fetch_release_file(f"{prowlarr.url}/1/download?link=abc&file=x") == TORRENT_BYTES
    magnet = client.fetch_release_file(f"{prowlarr.url}/1/download?link=magnet1&file=x")
    assert isinstance(magnet, str) and magnet.startswith("magnet:?xt=urn:btih:")


def test_prowlarr_wrong_key_and_not_prowlarr(prowlarr: ProwlarrServer, torznab: TorznabServer) -> None:
    with pytest.raises(AuthenticationError) as info:
        ProwlarrClient(prowlarr.url, "nope", http=fast_http()).status()
    assert "Prowlarr" in info.value.hint
    assert ProwlarrClient(prowlarr.url, PROWLARR_KEY, http=fast_http()).status()["version"].startswith("1.")
    with pytest.raises((InvalidResponseError, NotFoundError)):
        ProwlarrClient(torznab.url, PROWLARR_KEY, http=fast_http()).status()


# -- Internet Archive -----------------------------------------------------------------------------
def test_internet_archive_search_and_files() -> None:
    items = [
        FakeItem(
            "time_machine_librivox",
            "The Time Machine",
            "H. G. Wells",
            chapters=4,
            formats=("64Kbps MP3", "VBR MP3", "Ogg Vorbis"),
        ),
        FakeItem(
            "war_worlds_0902_librivox", "The War of the Worlds", ["H. G. Wells", "LibriVox"], chapters=2
        ),
    ]
    with InternetArchiveServer(items) as server:
        client = InternetArchiveClient(server.url, http=fast_http())
        docs = client.search("The Time Machine", "H. G. Wells")
        assert [d["identifier"] for d in docs] == ["time_machine_librivox"]
        assert "collection:(librivoxaudio)" in server.requests[-1].query["q"]
        release = client.release("time_machine_librivox")
        assert release is not None and release.protocol == "http" and release.files == 4
        assert release.title == "H. G. Wells - The Time Machine [MP3] (LibriVox)"
        assert [f.format for f in release.http_files] == ["VBR MP3"] * 4  # the best MP3 set
        assert release.size_bytes == 8000 and release.http_files[0].url.startswith(server.url + "/download/")
        other = client.release("war_worlds_0902_librivox")
        assert other is not None and other.author == "H. G. Wells"
        with pytest.raises(InvalidResponseError):
            client.release("missing_item")
        with httpx.Client() as http:
            assert http.get(release.http_files[0].url).content.startswith(b"ID3")


def test_prowlarr_and_archive_failures_are_typed(prowlarr: ProwlarrServer) -> None:
    client = ProwlarrClient(prowlarr.url, PROWLARR_KEY, http=fast_http())
    try:
        prowlarr.garbage = True
        with pytest.raises(InvalidResponseError):
            client.search("dune", [3030])
        prowlarr.reset()
        prowlarr.fail_status = 500
        with pytest.raises(ServiceError):
            client.indexers()
        prowlarr.reset()
        prowlarr.delay = 0.5
        with pytest.raises(ServiceTimeoutError):
            ProwlarrClient(prowlarr.url, PROWLARR_KEY, http=fast_http(0.2)).status()
    finally:
        prowlarr.reset()
    with InternetArchiveServer([]) as archive:
        archive.garbage = True
        with pytest.raises(InvalidResponseError):
            InternetArchiveClient(archive.url, http=fast_http()).search("Dune")
        archive.reset()
        assert InternetArchiveClient(archive.url, http=fast_http()).search("Dune") == []
