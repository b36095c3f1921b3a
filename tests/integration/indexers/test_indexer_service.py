"""IndexerService: config in the database, keys in the keyring, query tiers, several indexers."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import AuthenticationError, ConfigurationError, ValidationError
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.indexers import IndexerConfig, IndexerService, IndexerType, query_tiers
from rmab_desktop.services.ranking import rank_releases
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.internet_archive_server import FakeItem, InternetArchiveServer
from tests.fakes.prowlarr_server import API_KEY as PROWLARR_KEY
from tests.fakes.prowlarr_server import TORRENT_BYTES, FakeIndexer, ProwlarrServer
from tests.fakes.torznab_server import API_KEY, TorznabServer

DUNE = BookInfo.from_json(
    {"title": "Dune (Unabridged)", "authors": ["Frank Herbert"], "runtime_minutes": 1270, "language": "en"}
)


@pytest.fixture
def service(database: Database) -> IndexerService:
    return IndexerService(
        ConfigStore(database), CredentialStore(), http_factory=lambda: httpx.Client(timeout=2.0)
    )


@pytest.fixture(scope="module")
def torznab() -> Iterator[TorznabServer]:
    releases = [
        FakeRelease("F. Herbert - Dune [M4B]", size=600_000_000),
        FakeRelease("Dune Messiah [MP3]", size=300_000_000),
    ]
    with TorznabServer(releases) as server:
        yield server


def test_query_tiers_strip_edition_noise() -> None:
    book = BookInfo.from_json(
        {
            "title": "The Stand (Part 1 of 2) [Dramatized Adaptation]",
            "authors": ["Stephen King", "Jane Doe - translator"],
        }
    )
    assert query_tiers(book) == ["The Stand Stephen King", "The Stand"]
    assert query_tiers(BookInfo.from_json({"title": "Star Wars: Thrawn, Book 1", "authors": []})) == [
        "Star Wars Thrawn"
    ]
    assert query_tiers(DUNE, custom_terms="  dune   herbert ") == ["dune herbert"]


def test_configs_round_trip_and_key_in_keyring(service: IndexerService, memory_keyring: object) -> None:
    config = IndexerConfig(
        name="T", type=IndexerType.TORZNAB, url="http://x", seed_ratio=1.5, seed_minutes=60
    )
    service.save_configs([config])
    service.set_api_key(config, "s3cret")
    [loaded] = service.configs()
    assert loaded == config and "s3cret" not in loaded.model_dump_json()
    assert CredentialStore().get(config.secret_name()) == "s3cret"


def test_search_falls_back_to_title_only_and_applies_seed_rules(
    service: IndexerService, torznab: TorznabServer
) -> None:
    config = IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url=torznab.url, seed_ratio=2.0)
    service.save_configs([config])
    service.set_api_key(config, API_KEY)
    torznab.requests.clear()
    releases = service.search(DUNE)
    assert torznab.queries() == ["Dune Frank Herbert", "Dune"]  # nothing for tier 1 -> tier 2
    assert {r.title for r in releases} == {"F. Herbert - Dune [M4B]", "Dune Messiah [MP3]"}
    assert all(r.minimum_ratio == 2.0 for r in releases)
    best = rank_releases(DUNE, releases)[0]
    assert best.accepted and best.release.title == "F. Herbert - Dune [M4B]"
    assert service.fetch_release_file(best.release).startswith(b"d8:announce")


def test_one_failing_indexer_does_not_stop_the_others(
    service: IndexerService, torznab: TorznabServer
) -> None:
    good = IndexerConfig(name="Good", type=IndexerType.TORZNAB, url=torznab.url)
    bad = IndexerConfig(name="Bad", type=IndexerType.NEWZNAB, url=torznab.url)
    service.save_configs([bad, good])
    service.set_api_key(good, API_KEY)
    service.set_api_key(bad, "wrong")
    assert service.search(DUNE)
    assert [name for name, _ in service.last_report.errors] == ["Bad"]
    service.save_configs([bad])
    with pytest.raises(AuthenticationError):
        service.search(DUNE)
    service.save_configs([])
    with pytest.raises(ConfigurationError):
        service.search(DUNE)


def test_prowlarr_categories_per_indexer_and_grab(service: IndexerService) -> None:
    indexers = [
        FakeIndexer(1, "Audio", [FakeRelease("Frank Herbert - Dune [M4B]", magnet=True)], priority=5),
        FakeIndexer(2, "Books", [FakeRelease("Frank Herbert - Dune [EPUB]", categories=(7020,))]),
        FakeIndexer(3, "Skipped", [FakeRelease("Frank Herbert - Dune [MP3]")]),
    ]
    with ProwlarrServer(indexers) as server:
        config = IndexerConfig(
            name="Prowlarr",
            type=IndexerType.PROWLARR,
            url=server.url,
            indexer_categories={3: []},
            indexer_ebook_categories={1: []},
        )
        service.save_configs([config])
        service.set_api_key(config, PROWLARR_KEY)
        audio = service.search(DUNE)
        assert [(r.indexer, r.indexer_priority) for r in audio] == [("Audio", 5)]
        assert server.searches()[0]["indexerIds"] == ["1", "2"] and server.searches()[0]["categories"] == [
            "3030"
        ]
        ebooks = service.search(DUNE, kind="ebook")
        assert [r.indexer for r in ebooks] == ["Books"]
        magnet = service.fetch_release_file(audio[0])
        assert isinstance(magnet, str) and magnet.startswith("magnet:")
        assert service.fetch_release_file(ebooks[0]) == TORRENT_BYTES
        test = service.test(config)
        assert test.ok and "3 enabled indexers" in test.message and test.latency_ms is not None
        failed = service.test(config, api_key="wrong")
        assert not failed.ok and "Prowlarr" in failed.hint


def test_internet_archive_needs_no_account(service: IndexerService) -> None:
    item = FakeItem("dune_librivox", "Dune", "Frank Herbert", chapters=2, formats=("64Kbps MP3",))
    with InternetArchiveServer([item]) as server:
        config = IndexerConfig(name="Archive", type=IndexerType.INTERNET_ARCHIVE, url=server.url)
        service.save_configs([config])
        [release] = service.search(DUNE)
        assert release.protocol == "http" and len(release.http_files) == 2
        assert service.test(config).ok
        with pytest.raises(ValidationError):
            service.fetch_release_file(release)


def test_test_button_explains_failures(service: IndexerService, torznab: TorznabServer) -> None:
    config = IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url=torznab.url)
    assert service.test(config, api_key=API_KEY).ok
    result = service.test(config, api_key="wrong")
    assert not result.ok and "API key" in result.hint
    with TorznabServer() as gone:
        url = gone.url
    down = service.test(IndexerConfig(name="Gone", url=url), api_key=API_KEY)
    assert not down.ok and "Cannot connect" in down.message


def test_magnet_only_release_needs_no_request(service: IndexerService) -> None:
    release = Release(guid="m", title="x", magnet_url="magnet:?xt=urn:btih:" + "b" * 40)
    assert service.fetch_release_file(release) == release.magnet_url
