"""The Audible and Audnexus clients against the local fake server (real response shapes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest

from rmab_desktop.clients.audible import AudibleClient, api_base_url, parse_product, series_position
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.domain.catalog import REGIONS, SortOrder
from rmab_desktop.domain.errors import (
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    ServiceTimeoutError,
    ServiceUnreachableError,
    ValidationError,
)
from tests.fakes.audible_server import FakeAudible


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


def _http(**kwargs: object) -> JsonHttp:
    return JsonHttp("Audible", backoff_seconds=0.01, max_backoff_seconds=0.02, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def client(fake: FakeAudible) -> Iterator[AudibleClient]:
    fake.fail_next("ok", 0)
    audible = AudibleClient(_http(), base_url=fake.base_url)
    yield audible
    audible.close()


def test_every_marketplace_has_its_host() -> None:
    assert set(REGIONS) == {"us", "ca", "uk", "au", "fr", "de", "jp", "it", "in", "es", "br"}
    assert api_base_url("uk") == "https://api.audible.co.uk"
    assert api_base_url("br") == "https://api.audible.com.br"
    assert api_base_url("jp", "http://proxy:8080/") == "http://proxy:8080"
    with pytest.raises(ValidationError):
        api_base_url("xx")


def test_search_sends_real_parameters_and_parses(client: AudibleClient, fake: FakeAudible) -> None:
    page = client.search("de", keywords="lantern", sort=SortOrder.NEWEST, page=1, page_size=10)
    path, query = fake.requests[-1]
    assert path == "/1.0/catalog/products"
    assert query["keywords"] == "lantern" and query["page"] == "0" and query["num_results"] == "10"
    assert query["products_sort_by"] == "-ReleaseDate" and "series" in query["response_groups"]
    assert [b.asin for b in page.books] == ["B0TESTFUT1", "B0TESTSER1"]
    assert page.total_results == 2 and not page.has_more
    assert all(book.region == "de" for book in page.books)


def test_product_fields_parsed_defensively(client: AudibleClient) -> None:
    book = client.product("B0TESTSER1", "us")
    assert book.title == "The Lantern Road" and book.subtitle == "Lantern Cycle, Book 1"
    assert [(a.name, a.asin) for a in book.authors] == [("Mara Quell", "B0AUTHOR01"), ("Tobin Ash", None)]
    assert book.series[0].title == "Lantern Cycle" and book.series[0].position == "1"
    assert book.runtime_minutes == 1736 and book.release_date == date(2021, 3, 9)
    assert book.description == "A road lit by lanterns. Jen walks it & finds more than light."
    assert book.rating == 5.0 and book.rating_count == 45454
    assert book.cover_url and book.cover_url.endswith("/covers/B0TESTSER1._SL500_.jpg")
    assert book.genres == ("Science Fiction & Fantasy", "Fantasy")
    no_series = client.product("B0TESTNOS1", "us")
    assert no_series.series == () and no_series.authors[0].asin is None
    assert client.product("B0TESTCLS1", "us").series[0].position == "2"  # "Book 2"


def test_unknown_asin_stub_is_not_found(client: AudibleClient) -> None:
    with pytest.raises(NotFoundError):
        client.product("B0NOTHERE1", "us")


def test_parse_survives_wrong_types() -> None:
    book = parse_product(
        {
            "asin": "X1",
            "title": "T",
            "authors": "nobody",
            "narrators": [None, {"name": 5}],
            "series": {"a": 1},
            "runtime_length_min": "12",
            "release_date": "soon",
            "rating": [],
            "product_images": {"90": "u"},
        },
        "us",
    )
    assert book.authors == () and book.narrators == ("5",) and book.series == ()
    assert book.runtime_minutes == 12 and book.release_date is None and book.cover_url == "u"
    assert series_position("Book 2.5") == "2.5" and series_position("") is None


def test_products_similar_suggestions_categories(client: AudibleClient) -> None:
    books = client.products(["B0TESTNOS1", "B0MISSING1", "B0TESTSER1"], "us")
    assert [b.asin for b in books] == ["B0TESTNOS1", "B0TESTSER1"]
    sims = client.similar("B0TESTSER1", "us", limit=3)
    assert len(sims) == 3 and all(b.asin != "B0TESTSER1" for b in sims)
    assert client.suggestions("chamber", "us")[:2] == [
        "The Chamber Below (Full-Cast Edition)",
        "The Chamber Below",
    ]
    assert client.suggestions("  ", "us") == []
    tree = client.categories("us")
    assert tree[0].name == "Science Fiction & Fantasy" and tree[0].children[0].parent_id == tree[0].id
    assert client.category("18572091011", "us").name == "Children's Audiobooks"
    best = client.best_sellers("us", category_id="18572091011")
    assert {b.asin for b in best.books} == {"B0TESTNOS1", "B0TESTFUL2"}


@pytest.mark.parametrize("mode", ["500", "429"])
def test_transient_errors_are_retried(client: AudibleClient, fake: FakeAudible, mode: str) -> None:
    fake.fail_next(mode, 2)
    assert client.product("B0TESTSER1", "us").asin == "B0TESTSER1"


def test_persistent_errors_become_typed(fake: FakeAudible) -> None:
    client = AudibleClient(_http(retries=1), base_url=fake.base_url)
    fake.fail_next("429", 5)
    with pytest.raises(RateLimitedError):
        client.product("B0TESTSER1", "us")
    fake.fail_next("500", 5)
    with pytest.raises(ServiceUnreachableError, match="HTTP 500"):
        client.search("us", keywords="x")
    fake.fail_next("garbage", 1)
    with pytest.raises(InvalidResponseError, match="not JSON"):
        client.product("B0TESTSER1", "us")
    fake.fail_next("ok", 0)


def test_slow_and_down(fake: FakeAudible) -> None:
    fake.slow_seconds = 0.5
    slow = AudibleClient(_http(timeout=httpx.Timeout(0.1), retries=0), base_url=fake.base_url)
    fake.fail_next("slow", 1)
    with pytest.raises(ServiceTimeoutError):
        slow.product("B0TESTSER1", "us")
    down = AudibleClient(_http(retries=1), base_url="http://127.0.0.1:9")
    with pytest.raises(ServiceUnreachableError, match="Cannot connect to Audible"):
        down.search("us", keywords="x")


def test_audnexus_book_chapters_author(fake: FakeAudible) -> None:
    fake.fail_next("ok", 0)
    client = AudnexusClient(_http(), base_url=fake.base_url)
    book = client.book("B0TESTSER1", "uk")
    assert book.runtime_minutes == 1736 and book.series[0].position == "1" and book.region == "uk"
    assert fake.requests[-1] == ("/books/B0TESTSER1", {"region": "uk"})
    chapters = client.chapters("B0TESTSER1", "us")
    assert [c.start_ms for c in chapters] == [0, 600000, 1200000]
    author = client.author("B0AUTHOR01", "us")
    assert author.name == "Mara Quell" and author.similar[0].asin == "B0AUTHOR02"
    with pytest.raises(NotFoundError):
        client.book("B0NOTHERE1", "us")
