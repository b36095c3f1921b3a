"""CatalogService over a real database and the fake Audible server: cache, works, sections, offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from rmab_desktop.clients.audible import AudibleClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.catalog import Availability, SectionKind, SortOrder
from rmab_desktop.domain.errors import InvalidResponseError, ServiceUnreachableError, ValidationError
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.catalog.covers import CoverCache
from tests.fakes.audible_server import FakeAudible


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible()
    server.add_generated(120)
    server.start()
    yield server
    server.stop()


def make_service(
    database: Database, base_url: str, covers: Path, max_bytes: int = 10_000_000
) -> CatalogService:
    def http(name: str) -> JsonHttp:
        return JsonHttp(name, retries=1, backoff_seconds=0.01, max_backoff_seconds=0.02)

    return CatalogService(
        database,
        AudibleClient(http("Audible"), base_url=base_url),
        AudnexusClient(http("Audnexus"), base_url=base_url),
        CoverCache(covers, max_bytes=max_bytes),
    )


@pytest.fixture
def service(database: Database, fake: FakeAudible, tmp_path: Path) -> Iterator[CatalogService]:
    fake.fail_next("ok", 0)
    svc = make_service(database, fake.base_url, tmp_path / "covers")
    yield svc
    svc.close()


def test_search_caches_and_groups_editions_into_works(service: CatalogService) -> None:
    _, entries = service.search("chamber", "us", sort=SortOrder.RELEVANCE)
    assert {e.book.asin for e in entries} == {"B0TESTFUL2", "B0TESTCLS1"}
    # The full-cast edition and the classic narration are one work.
    assert entries[0].work_id is not None and entries[0].work_id == entries[1].work_id
    editions = service.cache.editions("B0TESTFUL2", "us")
    assert {a for a, _, _ in editions} == {"B0TESTFUL2", "B0TESTCLS1"}
    assert any("Hugh Lark" in note for _, _, note in editions)
    assert service.status.online is True
    with pytest.raises(ValidationError):
        service.search("   ")


def test_book_uses_cache_and_audnexus_fills_runtime(service: CatalogService, fake: FakeAudible) -> None:
    book = service.book("b0testfut1", "us")  # catalog has no runtime for it
    assert book.runtime_minutes == 600 and book.asin == "B0TESTFUT1"
    before = len(fake.requests)
    assert service.book("B0TESTFUT1", "us") == book  # fresh cache: no request
    assert len(fake.requests) == before


def test_badges_per_asin_and_per_work(service: CatalogService, database: Database) -> None:
    service.search("chamber", "us")
    with database.session() as session:
        session.add(
            LibraryItem(backend="folder", external_id="x", title="The Chamber Below", asin="B0TESTCLS1")
        )
    entries = {e.book.asin: e for e in service.search("chamber", "us")[1]}
    assert entries["B0TESTCLS1"].availability == Availability.IN_LIBRARY
    assert not entries["B0TESTCLS1"].extra["other_edition"]
    assert entries["B0TESTFUL2"].availability == Availability.IN_LIBRARY  # via its work
    assert entries["B0TESTFUL2"].extra["other_edition"]


def test_sections_add_remove_reorder_and_refresh(service: CatalogService) -> None:
    sections = service.sections(None)
    assert [s.kind for s in sections] == [SectionKind.POPULAR, SectionKind.NEW_RELEASES]
    fantasy = service.add_section(None, SectionKind.CATEGORY, title="Children", category_id="18572091011")
    order = service.move_section(None, fantasy.id, -5)
    assert order[0].id == fantasy.id
    with pytest.raises(ValidationError):
        service.add_section(None, SectionKind.CATEGORY)
    assert service.refresh_section(sections[0], size=80) == 80  # two pages of 50
    page = service.section_page(sections[0], offset=50, limit=50)
    assert page.total == 80 and len(page.entries) == 30 and page.refreshed_at is not None
    assert service.refresh_section(fantasy) == 2
    newest = service.section_page(sections[1])
    assert newest.total == 0  # not refreshed yet: empty, no live call
    service.remove_section(None, fantasy.id)
    assert fantasy.id not in [s.id for s in service.sections(None)]


def test_offline_cached_sections_still_show(database: Database, fake: FakeAudible, tmp_path: Path) -> None:
    online = make_service(database, fake.base_url, tmp_path / "c")
    popular = online.sections(None)[0]
    online.refresh_section(popular, size=20)
    online.book("B0TESTSER1", "us", refresh=True)
    offline = make_service(database, "http://127.0.0.1:9", tmp_path / "c")
    seen = []
    offline.status_listeners.append(seen.append)
    assert len(offline.section_page(popular).entries) == 20
    assert offline.book("B0TESTSER1", "us", refresh=True).title == "The Lantern Road"  # stale cache answers
    assert offline.status.online is False and "Cannot connect to Audible" in offline.status.message
    assert seen and seen[-1].online is False
    with pytest.raises(ServiceUnreachableError):
        offline.search("lantern", "us")


def test_categories_cached(service: CatalogService, fake: FakeAudible) -> None:
    tree = service.categories("us")
    assert tree[0].name and any(c.children for c in tree)
    before = len(fake.requests)
    assert {c.id for c in service.categories("us")} == {c.id for c in tree}
    assert len(fake.requests) == before


def test_similar_suggestions_author_series(service: CatalogService) -> None:
    assert service.similar("B0TESTSER1", "us", limit=4)
    assert "The Lantern Road" in service.suggestions("lantern", "us")
    by_author = service.author_books("Mara Quell", "us", author_asin="B0AUTHOR01")
    assert {e.book.asin for e in by_author} == {"B0TESTSER1", "B0TESTFUT1"}
    series = service.series_books("Lantern Cycle", "us", series_asin="B0SERIES01")
    assert [e.book.asin for e in series] == ["B0TESTSER1", "B0TESTFUT1"]


def test_cover_cache_thumbnails_and_bound(fake: FakeAudible, tmp_path: Path) -> None:
    covers = CoverCache(tmp_path / "covers", max_bytes=12_000)
    paths = [covers.fetch(f"{fake.base_url}/covers/B0GEN{i:05d}.jpg") for i in range(12)]
    with Image.open(paths[-1]) as image:
        assert image.size == (160, 160) and image.format == "JPEG"
    assert covers.size() <= 12_000
    assert paths[-1].exists() and not paths[0].exists()  # least recently used went first
    with pytest.raises(InvalidResponseError):
        covers.fetch(f"{fake.base_url}/1.0/catalog/categories")  # JSON, not an image
    with pytest.raises(ServiceUnreachableError):
        covers.fetch("http://127.0.0.1:9/x.jpg")
