"""Free ebook sources end to end: an ebook-only request for a public-domain book, with no indexer
set up, is found on a loopback Gutendex (or Standard Ebooks), downloaded over direct HTTP,
imported and tagged; in-copyright and wrong-book results are never taken.

Real: the app core from ``open_core`` (queue, executor, request service, direct HTTP downloader,
organizer, scanner), a real EPUB built with ebooklib. Fakes at the HTTP boundary: Audible and the
ebook sources (their base URLs are the ``ebooks.*_url`` settings)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import Audiobook, LibraryItem
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.services.downloads import MonitorSettings
from rmab_desktop.services.ebooks import FreeEbookSources
from rmab_desktop.services.ranking import rank_releases
from rmab_desktop.services.tagging.ebooks import read_ebook_tags
from rmab_desktop.settings import EbookSettings, Preferences, SettingsStore
from tests.ebookfiles import make_epub
from tests.fakes.audible_server import FakeAudible, generated_product
from tests.fakes.ebook_sources_server import FakeEbook, GutendexServer, StandardEbooksServer
from tests.fakes.internet_archive_server import FakeItem, InternetArchiveServer

ASIN = "B0PERSUAS1"
DEADLINE_SECONDS = 60


@pytest.fixture
def epub(tmp_path: Path) -> bytes:
    return make_epub(tmp_path / "src" / "pg105.epub", "Persuasion", "Jane Austen").read_bytes()


@pytest.fixture
def books(epub: bytes, tmp_path: Path) -> list[FakeEbook]:
    other = make_epub(tmp_path / "src" / "other.epub", "Persuasion Revisited", "Anne Modern").read_bytes()
    return [
        FakeEbook(105, "Persuasion", "Jane Austen", epub),
        FakeEbook(9105, "Persuasion Revisited", "Anne Modern", other, copyright=True),
    ]


@pytest.fixture
def core(
    tmp_path: Path, database_url: str, books: list[FakeEbook]
) -> Iterator[tuple[AppCore, GutendexServer]]:
    product = generated_product(1)
    product.update(
        asin=ASIN,
        title="Persuasion",
        authors=[{"asin": "B0AUSTEN01", "name": "Jane Austen"}],
        narrators=[{"name": "Juliet Stevenson"}],
        release_date="2010-01-01",
    )
    audible = FakeAudible(products=[product]).start()
    with GutendexServer(books) as gutendex, StandardEbooksServer([]) as standard:
        prefs = Preferences.model_validate(
            {
                "first_run_done": True,
                "catalog": {
                    "region": "us",
                    "audible_base_url": audible.base_url,
                    "audnexus_base_url": audible.base_url,
                },
                "library": {"root": str(tmp_path / "Books")},
                "ebooks": {
                    "gutendex_url": gutendex.url,
                    "standard_ebooks_url": standard.url,
                    "internet_archive_url": standard.url,  # answers 404: one source down is survived
                },
            }
        )
        (tmp_path / "Books").mkdir()
        SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
        app = open_core(tmp_path / "profile", database_url, log_to_console=False)
        fast = MonitorSettings(first_poll_seconds=0.1, poll_seconds=0.3, missing_grace_seconds=10)
        app.downloads.save_settings(app.downloads.settings().model_copy(update={"monitor": fast}))
        yield app, gutendex
        app.close()
    audible.stop()


def run_until_settled(core: AppCore, request_id: int) -> RequestStatus:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        status = core.requests.get(request_id).status
        if status in (RequestStatus.AVAILABLE, RequestStatus.FAILED, RequestStatus.WARN):
            return status
        if time.monotonic() > deadline:
            jobs = [(j.type, j.status.value, j.last_error) for j in core.queue.list_jobs()]
            raise AssertionError(f"request stuck at {status}; jobs: {jobs}")
        if core.executor.run_next() is None:
            time.sleep(0.05)


def test_an_ebook_only_request_for_a_public_domain_book_arrives_tagged_from_gutenberg(
    core: tuple[AppCore, GutendexServer], tmp_path: Path
) -> None:
    app, gutendex = core
    outcome = app.requests.create(ASIN, ebook_only=True)

    status = run_until_settled(app, outcome.request.id)

    details = app.requests.get(outcome.request.id)
    assert status == RequestStatus.AVAILABLE, details.status_message
    assert any(r.path == "/books" and "Persuasion" in r.query.get("search", "") for r in gutendex.requests)
    (epub,) = (tmp_path / "Books").rglob("*.epub")
    assert epub.name == "Persuasion.epub" and "Jane Austen" in epub.parts
    tags = read_ebook_tags(str(epub))
    assert tags["asin"] == ASIN and tags["album"] == "Persuasion" and tags["artist"] == "Jane Austen"
    grabbed = [
        e.message for e in app.requests.timeline(outcome.request.id) if e.message.startswith("Grabbed")
    ]
    assert grabbed and "(Project Gutenberg)" in grabbed[0] and "Revisited" not in grabbed[0]
    with app.database.session() as session:
        book = session.scalar(select(Audiobook).where(Audiobook.asin == ASIN))
        assert book is not None and book.ebook_path == str(epub.parent) and book.library_path is None
        item = session.scalar(select(LibraryItem).where(LibraryItem.audiobook_id == book.id))
        assert item is not None and item.ebook_formats == ["epub"] and item.format is None


def _sources(gutendex: str, standard: str) -> FreeEbookSources:
    settings = EbookSettings(
        gutendex_url=gutendex, standard_ebooks_url=standard, internet_archive_url=standard
    )
    return FreeEbookSources(lambda: settings)


def test_the_gate_takes_only_the_public_domain_edition_of_the_right_book(books: list[FakeEbook]) -> None:
    wanted = BookInfo(title="Persuasion Revisited", authors=("Anne Modern",))
    with GutendexServer(books) as gutendex, StandardEbooksServer(books) as standard:
        releases = _sources(gutendex.url, standard.url).search(wanted, custom_terms="Persuasion")
        ranked = rank_releases(wanted, releases, kind="ebook")

    verdicts = {r.release.indexer: (r.accepted, r.reasons) for r in ranked if "Revisited" in r.release.title}
    accepted, reasons = verdicts["Project Gutenberg"]  # Gutenberg says it is still in copyright
    assert not accepted and any("public domain" in reason for reason in reasons)
    assert verdicts["Standard Ebooks"][0]  # the feed's rights say public domain
    persuasion = [r for r in ranked if r.release.book_title == "Persuasion"]
    assert persuasion and not any(r.accepted for r in persuasion)  # another book, never taken


def test_standard_ebooks_links_are_resolved_against_the_site(books: list[FakeEbook]) -> None:
    with StandardEbooksServer(books) as standard:
        (release,) = _sources("http://127.0.0.1:9", standard.url).search(
            BookInfo("Persuasion", authors=("Jane Austen",))
        )
        assert (
            release.http_files[0].url
            == f"{standard.url}/ebooks/jane-austen/persuasion/downloads/jane-austen_persuasion.epub"
        )
        assert release.extra["public_domain"] is True and release.author == "Jane Austen"


def test_internet_archive_texts_public_domain_only_and_never_a_loan(epub: bytes) -> None:
    items = [
        FakeItem("persuasion00aust", "Persuasion", "Austen, Jane", epub=epub),
        FakeItem(
            "persuasion1990", "Persuasion", "Austen, Jane", epub=epub, copyright_status="", lending=True
        ),
    ]
    with InternetArchiveServer(items) as archive, StandardEbooksServer([]) as standard:
        settings = EbookSettings(
            gutendex_url=standard.url, standard_ebooks_url=standard.url, internet_archive_url=archive.url
        )
        book = BookInfo("Persuasion", authors=("Jane Austen",))
        releases = FreeEbookSources(lambda: settings).search(book)
        ranked = rank_releases(book, releases, kind="ebook")
        assert [r.release.guid for r in ranked if r.accepted] == ["ia:persuasion00aust:epub"]
        assert all(r.release.guid != "ia:persuasion1990:epub" for r in ranked)  # the loan is not offered
        (file,) = ranked[0].release.http_files
        assert file.url == f"{archive.url}/download/persuasion00aust/persuasion00aust.epub"
        assert any("mediatype:(texts)" in r.query.get("q", "") for r in archive.requests)
