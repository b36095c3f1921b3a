"""Indexer limits: what a Newznab indexer reports in ``apilimits`` and what the user sets are
counted per indexer and day; searches skip a used-up indexer (the others still answer), grabs
wait without blocklisting, and the connection test (the Service status page) shows today's use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rmab_desktop.clients.torznab import parse_api_limits
from rmab_desktop.db.engine import Database
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.job_payloads import GrabPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import RankedRelease
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.indexers import IndexerConfig, IndexerService
from rmab_desktop.services.indexers.limits import IndexerLimitError, IndexerLimits
from rmab_desktop.services.indexers.models import IndexerType
from rmab_desktop.services.pipeline.candidates import candidate_to_payload
from tests.fakes.indexer_payloads import FakeRelease, newznab_feed
from tests.fakes.torznab_server import API_KEY, TorznabServer
from tests.pipeline_kit import make_kit

BOOK = BookInfo(title="The Quiet Test", authors=("Jane Doe",))
RELEASE = FakeRelease("Jane Doe - The Quiet Test [M4B]", size=28_800_000, categories=(3030,))


@pytest.fixture
def servers() -> Iterator[tuple[TorznabServer, TorznabServer]]:
    with TorznabServer([RELEASE], newznab=True) as limited, TorznabServer([RELEASE]) as other:
        limited.api_limits = (48, 50, 1, 5)
        yield limited, other


def _service(database: Database, *configs: IndexerConfig) -> IndexerService:
    service = IndexerService(ConfigStore(database), CredentialStore())
    service.save_configs(list(configs))
    for config in configs:
        service.set_api_key(config, API_KEY)
    return service


def test_the_reported_apilimits_are_read_from_a_feed() -> None:
    limits = parse_api_limits(newznab_feed([], limits=(44, 50, 1, 5)))
    assert limits is not None and (
        limits.api_current,
        limits.api_max,
        limits.grab_current,
        limits.grab_max,
    ) == (
        44,
        50,
        1,
        5,
    )
    assert parse_api_limits(newznab_feed([])) is None


def test_a_used_up_indexer_is_skipped_and_the_others_still_answer(
    database: Database, servers: tuple[TorznabServer, TorznabServer]
) -> None:
    limited, other = servers
    nzb = IndexerConfig(name="Slug", url=limited.url, type=IndexerType.NEWZNAB)
    torznab = IndexerConfig(name="Tracker", url=other.url)
    service = _service(database, nzb, torznab)

    assert len(service.search(BOOK)) == 2  # the indexer counts this search: 48 of 50
    assert service.limits.usage(nzb).api == 48 and service.limits.limit(nzb, "api") == 50
    service.search(BOOK)
    service.search(BOOK)  # the 50th search of the day
    asked = len(limited.requests)

    releases = service.search(BOOK)

    assert len(limited.requests) == asked  # not asked again today
    assert [r.indexer for r in releases] == ["Tracker"]
    assert any("50 of its 50 searches" in e.user_message for _, e in service.last_report.errors)
    assert "Today: 50 of 50 searches, 1 of 5 grabs." in service.test(nzb).message


def test_a_user_set_limit_wins_and_the_day_starts_over(
    database: Database, servers: tuple[TorznabServer, TorznabServer]
) -> None:
    _limited, other = servers
    config = IndexerConfig(name="Tracker", url=other.url, api_limit=1)
    service = _service(database, config)
    service.search(BOOK)
    with pytest.raises(IndexerLimitError, match="1 of its 1 searches"):
        service.search(BOOK)
    tomorrow = IndexerLimits(ConfigStore(database), clock=lambda: datetime.now(UTC) + timedelta(days=1))
    tomorrow.check(config, "api")  # a new day: no error
    assert tomorrow.usage(config).api == 0


def test_a_grab_over_the_limit_waits_and_blocklists_nothing(
    database: Database, servers: tuple[TorznabServer, TorznabServer], tmp_path: Path
) -> None:
    _limited, other = servers
    config = IndexerConfig(name="Tracker", url=other.url, grab_limit=0)
    service = _service(database, config)
    kit = make_kit(database, tmp_path / "direct", service)
    try:
        (release,) = service.search(BOOK)
        request_id = kit.add_request()
        candidate = RankedRelease(release, True, 50.0, {}, [])
        kit.queue.enqueue(
            JobType.REQUESTS_GRAB,
            GrabPayload(request_id, candidates=(candidate_to_payload(candidate),)),
            request_id=request_id,
        )
        assert kit.run_due()

        details = kit.requests.get(request_id)
        assert "Grab limit reached" in (details.status_message or "")
        assert not kit.blocklist.is_blocked(details.audiobook_id, release)
        assert kit.history(request_id) == []
    finally:
        kit.close()
