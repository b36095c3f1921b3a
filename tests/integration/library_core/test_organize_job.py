"""Job ``requests.organize`` through the real composition root: download -> library -> available."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import Audiobook, BlocklistEntry, DownloadHistory, JobRecord, LibraryItem, Request
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.job_payloads import OrganizePayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.events import AppEvent, EventKind
from tests.audiofiles import make_audio
from tests.integration.library_core.test_import_crash import run_child

BOOK = BookInfo(
    title="Persuasion", asin="B0PERSUAS1", authors=("Jane Austen",), narrators=("Juliet Stevenson",)
)


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[AppCore]:
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    app.prefs.library.root = str(tmp_path / "library")
    (tmp_path / "library").mkdir()
    yield app
    app.close()


def add_request(core: AppCore, download: Path) -> tuple[int, int, int]:
    with core.database.session() as session:
        book = Audiobook(
            asin=BOOK.asin,
            title=BOOK.title,
            authors=[{"name": "Jane Austen"}],
            narrators=["Juliet Stevenson"],
        )
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, status=RequestStatus.PROCESSING.value)
        session.add(request)
        session.flush()
        history = DownloadHistory(
            request_id=request.id,
            release_guid="guid-1",
            release_title="Jane.Austen-Persuasion.MP3",
            indexer="idx",
        )
        session.add(history)
        session.flush()
        return request.id, history.id, book.id


def run_organize(
    core: AppCore, request_id: int, history_id: int, download: Path, max_attempts: int = 5
) -> None:
    core.queue.enqueue(
        JobType.REQUESTS_ORGANIZE,
        OrganizePayload(request_id, download_history_id=history_id, download_path=str(download)),
        request_id=request_id,
        max_attempts=max_attempts,
    )
    assert core.executor.run_next() is not None


def test_download_becomes_available_and_the_user_is_told(core: AppCore, tmp_path: Path) -> None:
    download = tmp_path / "dl" / "Jane.Austen-Persuasion.MP3"
    for i in (1, 2):
        make_audio(download / f"{i:02d}.mp3", album="Persuasion", artist="Jane Austen", track=i)
    request_id, history_id, audiobook_id = add_request(core, download)
    events: list[AppEvent] = []
    core.events.subscribe(events.append)

    run_organize(core, request_id, history_id, download)

    details = core.requests.get(request_id)
    assert details.status == RequestStatus.AVAILABLE, details.status_message
    assert any(e.kind == EventKind.AVAILABLE and e.request_id == request_id for e in events)
    folder = Path(core.prefs.library.root) / "Jane Austen" / "Persuasion {Juliet Stevenson} [B0PERSUAS1]"
    assert len(list(folder.glob("*.mp3"))) == 2
    with core.database.session() as session:
        item = session.execute(
            select(LibraryItem).where(LibraryItem.audiobook_id == audiobook_id)
        ).scalar_one()
        assert item.match_confidence and item.match_confidence >= 0.85 and item.asin == "B0PERSUAS1"
        assert session.get(Audiobook, audiobook_id).library_path == str(folder)

    run_organize(core, request_id, history_id, download)  # a duplicate job changes nothing
    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE


def test_wrong_content_is_blocklisted_and_searched_again(core: AppCore, tmp_path: Path) -> None:
    download = tmp_path / "dl" / "Jane.Austen-Persuasion.MP3"
    make_audio(download / "01.mp3", album="The Pickwick Papers", artist="Charles Dickens")
    request_id, history_id, audiobook_id = add_request(core, download)

    run_organize(core, request_id, history_id, download)

    details = core.requests.get(request_id)
    assert details.status == RequestStatus.AWAITING_SEARCH
    assert "Pickwick" in (details.status_message or "")
    with core.database.session() as session:
        entry = session.execute(select(BlocklistEntry)).scalar_one()
        assert entry.audiobook_id == audiobook_id and entry.release_guid == "guid-1"
        assert (
            session.execute(select(JobRecord).where(JobRecord.type == JobType.REQUESTS_SEARCH)).first()
            is not None
        )
        assert session.get(DownloadHistory, history_id).status == "failed"
    assert not any(Path(core.prefs.library.root).iterdir())


def test_missing_download_retries_then_warns(core: AppCore, tmp_path: Path) -> None:
    missing = tmp_path / "dl" / "gone"
    request_id, history_id, _ = add_request(core, missing)
    run_organize(core, request_id, history_id, missing, max_attempts=1)
    details = core.requests.get(request_id)
    assert details.status == RequestStatus.WARN
    assert "does not exist" in (details.status_message or "")


def test_a_move_completed_by_start_up_recovery_ends_available(
    core: AppCore, tmp_path: Path, database_url: str
) -> None:
    """Killed after the files were placed, before the sources went: recovery finishes, the job sees it."""
    download = tmp_path / "dl" / "Jane.Austen-Persuasion.MP3"
    for i in (1, 2, 3):
        make_audio(download / f"{i:02d}.mp3", album="Persuasion", artist="Jane Austen", track=i)
    request_id, history_id, audiobook_id = add_request(core, download)
    library = Path(core.prefs.library.root)
    code = run_child(
        database_url, download, library, "move", "placed", 3, book=BOOK.to_json(), request_id=request_id
    )
    assert code == -signal.SIGKILL, "the importing process must have died with the files in place"
    core.close()

    restarted = open_core(tmp_path / "profile", database_url, log_to_console=False)  # recovers imports
    try:
        restarted.prefs.library.root = str(library)
        assert not list(download.glob("*.mp3")), "recovery completed the move and removed the sources"
        run_organize(restarted, request_id, history_id, download, max_attempts=1)
        details = restarted.requests.get(request_id)
        assert details.status == RequestStatus.AVAILABLE, details.status_message
        folder = library / "Jane Austen" / "Persuasion {Juliet Stevenson} [B0PERSUAS1]"
        assert len(list(folder.glob("*.mp3"))) == 3
        with restarted.database.session() as session:
            assert session.get(Audiobook, audiobook_id).library_path == str(folder)
    finally:
        restarted.close()
