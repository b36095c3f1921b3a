"""Ebook requests through the pipeline: the ebook category is searched and releases are ranked as
ebooks (an EPUB is accepted for an ebook request, the audiobook of the same book is not)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.job_payloads import RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.indexers import IndexerConfig, IndexerService
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.torznab_server import API_KEY, TorznabServer
from tests.pipeline_kit import PipelineKit, make_kit

EPUB = FakeRelease("Jane Doe - The Quiet Test [EPUB]", size=2_000_000, categories=(7020,))
AUDIO = FakeRelease("Jane Doe - The Quiet Test (Unabridged) [M4B]", size=28_800_000, categories=(3030,))


@pytest.fixture
def server() -> Iterator[TorznabServer]:
    with TorznabServer([EPUB, AUDIO]) as torznab:
        yield torznab


@pytest.fixture
def kit(database: Database, tmp_path: Path, server: TorznabServer) -> Iterator[PipelineKit]:
    indexers = IndexerService(ConfigStore(database), CredentialStore())
    config = IndexerConfig(name="Loopback Torznab", url=server.url)
    indexers.save_configs([config])
    indexers.set_api_key(config, API_KEY)
    pipeline = make_kit(database, tmp_path / "direct", indexers)
    yield pipeline
    pipeline.close()


def _search(kit: PipelineKit, kind: str) -> list[str]:
    """Run the search job of a new request of ``kind``; the titles handed to the grab job."""
    request_id = kit.add_request(kind=kind)
    kit.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id)
    assert kit.run_due()
    grabs = kit.jobs(JobType.REQUESTS_GRAB)
    return [c["release"]["title"] for grab in grabs for c in grab.payload["candidates"]]


def test_ebook_request_searches_the_ebook_category_and_accepts_the_epub(
    kit: PipelineKit, server: TorznabServer
) -> None:
    assert _search(kit, "ebook") == [EPUB.title]
    assert server.categories_asked() and all(cats == ["7020"] for cats in server.categories_asked())


def test_audiobook_request_still_gets_the_audiobook(kit: PipelineKit, server: TorznabServer) -> None:
    assert _search(kit, "audiobook") == [AUDIO.title]
    assert all("7020" not in cats for cats in server.categories_asked())
