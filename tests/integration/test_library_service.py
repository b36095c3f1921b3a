"""LibraryService: folder backend over real audio, sync from a fake Plex, entries, summary, actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import ConfigurationError, NotFoundError
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.library.backends import LibraryBackendConfig, PlexSettings
from rmab_desktop.services.library.folder_backend import find_cover
from rmab_desktop.services.library.query import MISSING_BITS
from rmab_desktop.services.library.service import LibraryService
from tests.audiofiles import make_audio
from tests.fakes import plex_server as fake_plex
from tests.library_helpers import WaitingRequests


def make_service(database: Database, root: Path | None, **kwargs) -> LibraryService:  # type: ignore[no-untyped-def]
    return LibraryService(
        database, ConfigStore(database), CredentialStore(), lambda: str(root) if root else None, **kwargs
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "Library"
    book = root / "Terry Goodkind" / "Sword of Truth" / "Book 1 - Wizards First Rule [B002V0QK4C]"
    make_audio(book / "01.mp3", title="Part 1", album="Wizards First Rule", artist="Terry Goodkind", track=1)
    make_audio(book / "02.mp3", title="Part 2", album="Wizards First Rule", artist="Terry Goodkind", track=2)
    (book / "Cover.JPG").write_bytes(b"\xff\xd8\xff")
    make_audio(
        root / "Ann Leckie" / "Ancillary Justice" / "book.m4b", album="Ancillary Justice", artist="Ann Leckie"
    )
    return root


def test_folder_backend_sync_lists_books_with_covers(database: Database, library: Path) -> None:
    service = make_service(database, library)
    assert service.test().ok
    result = service.sync()
    assert (result.backend, result.books) == ("folder", 2)
    entries = {e.title: e for e in service.entries()}
    wizard = entries["Wizards First Rule"]
    assert wizard.cover and wizard.cover.endswith("Cover.JPG")
    assert wizard.asin == "B002V0QK4C" and wizard.series == "Sword of Truth" and wizard.file_count == 2
    assert wizard.path == str(
        library / "Terry Goodkind" / "Sword of Truth" / "Book 1 - Wizards First Rule [B002V0QK4C]"
    )
    assert entries["Ancillary Justice"].cover is None and entries["Ancillary Justice"].format == "m4b"
    assert (
        wizard.search_record().missing
        == MISSING_BITS["narrator"] | MISSING_BITS["year"] | MISSING_BITS["match"]
    )
    summary = service.summary()
    assert (summary.books, summary.authors, summary.matched) == (2, 2, 0) and summary.duration_seconds > 0
    # rescan of one book: a new cover is noticed
    (library / "Ann Leckie" / "Ancillary Justice" / "folder.png").write_bytes(b"\x89PNG")
    service.rescan(entries["Ancillary Justice"].id)
    assert service.entry(entries["Ancillary Justice"].id).cover.endswith("folder.png")


def test_folder_backend_needs_a_usable_folder(database: Database, tmp_path: Path) -> None:
    assert "No library folder" in make_service(database, None).test().message
    missing = make_service(database, tmp_path / "nope").test()
    assert not missing.ok and "not a folder" in missing.message


def test_find_cover_prefers_cover_then_any_image(tmp_path: Path) -> None:
    assert find_cover(str(tmp_path)) is None
    (tmp_path / "b.png").write_bytes(b"x")
    assert find_cover(str(tmp_path)).endswith("b.png")
    (tmp_path / "cover.webp").write_bytes(b"x")
    assert find_cover(str(tmp_path)).endswith("cover.webp")
    assert find_cover(str(tmp_path / "missing")) is None


def test_sync_from_plex_upserts_and_removes(database: Database) -> None:
    with fake_plex.FakePlexServer() as server:
        server.albums["3"] = [fake_plex.album(str(n), f"Book {n}", "Author") for n in range(3)]
        service = make_service(database, None)
        config = LibraryBackendConfig(
            kind=LibraryBackendKind.PLEX, plex=PlexSettings(url=server.url, section_id="3")
        )
        service.save_backend_config(config)
        service.credentials.set(config.plex.token_key, fake_plex.TOKEN)
        assert service.test().ok
        first = service.sync()
        assert (first.added, first.updated, first.removed) == (3, 0, 0)
        server.albums["3"] = [
            fake_plex.album("0", "Book 0 renamed", "Author"),
            fake_plex.album("9", "New", "A"),
        ]
        second = service.sync()
        assert (second.added, second.updated, second.removed) == (1, 1, 2)
        assert sorted(e.title for e in service.entries()) == ["Book 0 renamed", "New"]
        server.albums["3"] = []
        assert service.sync().removed == 0  # an empty answer never wipes the library
        assert len(service.entries()) == 2
        assert service.entries("folder") == []
        server.refreshes.clear()
        with pytest.raises(NotFoundError):
            service.rescan(service.entries()[0].id)  # Plex did not say where the book is


def test_retag_needs_a_tagger_and_a_folder(database: Database, library: Path) -> None:
    calls = []
    service = make_service(database, library, retagger=lambda path, book: calls.append((path, book.title)))
    service.sync()
    entry = next(e for e in service.entries() if e.title == "Ancillary Justice")
    service.retag(entry.id)
    assert calls == [(entry.path, "Ancillary Justice")]
    with pytest.raises(ConfigurationError):
        make_service(database, library).retag(entry.id)
    with pytest.raises(NotFoundError):
        service.retag(123456)


def test_sync_job_reports_progress_and_an_event(database: Database, library: Path) -> None:
    from rmab_desktop.services import library as library_feature
    from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
    from rmab_desktop.services.job_queue import JobQueue

    queue = JobQueue(database)
    handlers = JobHandlers(library_feature.feature(make_service(database, library), WaitingRequests({})).jobs)
    job_id = queue.enqueue(JobType.LIBRARY_SYNC, NoPayload())
    JobExecutor(queue, handlers).run_next()
    job = queue.get(job_id)
    assert job.status == "done" and job.progress == 1.0
    assert any("Library refreshed from folder: 2 books" in e.message for e in queue.events(job_id=job_id))


def test_retag_folder_writes_tags_and_cover(tmp_path: Path) -> None:
    from rmab_desktop.domain.books import BookInfo
    from rmab_desktop.services.library.service import first_audio_file, retag_folder
    from rmab_desktop.services.tagging.reading import read_tags

    folder = tmp_path / "Book"
    make_audio(folder / "CD2" / "01.mp3", album="Wrong", artist="Liar")
    make_audio(folder / "CD10" / "01.mp3", album="Wrong", artist="Liar")
    make_audio(folder / "CD1" / "01.m4b", album="Wrong", artist="Liar")
    assert first_audio_file(str(folder)) == str(folder / "CD1" / "01.m4b")
    book = BookInfo(
        title="Ancillary Justice", asin="B00FO5O1NM", authors=("Ann Leckie",), narrators=("Adjoa Andoh",)
    )
    assert retag_folder(str(folder), book) == 3
    tags = read_tags(str(folder / "CD10" / "01.mp3"))
    assert tags.get("album") == "Ancillary Justice" and tags.get("asin") == "B00FO5O1NM"
    assert "Ann Leckie" in str(tags.get("albumartist") or tags.get("artist"))


def test_server_covers_are_fetched_through_the_backend(database: Database) -> None:
    from rmab_desktop.domain.errors import NotFoundError as Missing
    from tests.fakes import audiobookshelf_server as fake_abs

    service = make_service(database, None)
    with fake_plex.FakePlexServer() as plex, fake_abs.FakeAudiobookshelfServer() as abs_server:
        plex.albums["3"] = [fake_plex.album("7", "Book", "Author"), fake_plex.album("8", "No cover", "A")]
        plex.thumbs = {"7"}
        config = LibraryBackendConfig(
            kind=LibraryBackendKind.PLEX, plex=PlexSettings(url=plex.url, section_id="3")
        )
        service.credentials.set(config.plex.token_key, fake_plex.TOKEN)
        service.save_backend_config(config)
        service.sync()
        covers = {e.title: e.cover for e in service.entries()}
        assert service.cover_bytes(covers["Book"]) == fake_plex.PNG_1X1
        with pytest.raises(Missing):
            service.cover_bytes(covers["No cover"])
        assert service.cover_bytes("abs:li_1") is None  # not the active backend
        abs_server.covers = {"li_1"}
        from rmab_desktop.services.library.backends import AbsSettings

        abs_config = LibraryBackendConfig(
            kind=LibraryBackendKind.AUDIOBOOKSHELF,
            audiobookshelf=AbsSettings(url=abs_server.url, library_id="lib_main"),
        )
        service.save_backend_config(abs_config, token=fake_abs.TOKEN)
        assert service.cover_bytes("abs:li_1") == fake_plex.PNG_1X1
        assert service.cover_bytes(covers["Book"]) is None


def test_folder_entries_are_those_under_the_library_root(
    database: Database, library: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "Old_100%"
    make_audio(elsewhere / "Someone" / "Other Book" / "a.mp3", album="Other Book", artist="Someone")
    service = make_service(database, library)
    service.sync()
    service.scanner.scan(str(elsewhere))  # e.g. the source of an import
    assert sorted(e.title for e in service.entries()) == ["Ancillary Justice", "Wizards First Rule"]
    assert [e.title for e in make_service(database, elsewhere).entries()] == ["Other Book"]


def test_sync_job_makes_waiting_requests_available_from_a_plex_library(database: Database) -> None:
    from rmab_desktop.domain.books import BookInfo
    from rmab_desktop.services import library as library_feature
    from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
    from rmab_desktop.services.job_queue import JobQueue

    waiting = WaitingRequests({
        7: BookInfo(title="Try It Out", authors=("Skrillex",)),
        8: BookInfo(title="She", authors=("H. Rider Haggard",)),
    })  # fmt: skip
    with fake_plex.FakePlexServer() as server:
        server.albums["3"] = [fake_plex.album("1", "Try It Out", "Skrillex"),
                              fake_plex.album("2", "She and Allan", "H. Rider Haggard")]  # fmt: skip
        service = make_service(database, None)
        config = LibraryBackendConfig(
            kind=LibraryBackendKind.PLEX, plex=PlexSettings(url=server.url, section_id="3")
        )
        service.save_backend_config(config, token=fake_plex.TOKEN)
        queue = JobQueue(database)
        handlers = JobHandlers(library_feature.feature(service, waiting).jobs)
        job_id = queue.enqueue(JobType.LIBRARY_SYNC, NoPayload())
        JobExecutor(queue, handlers).run_next()
    assert [request_id for request_id, _ in waiting.available] == [7]  # "She" is not "She and Allan"
    assert any("1 request now available" in e.message for e in queue.events(job_id=job_id))
