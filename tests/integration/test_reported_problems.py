"""Reported problems over the real core and command line: a user reports a wrong book; an admin
replaces it (the release is blocklisted for the book, only the app's own imported files go, the
requester keeps the same request and it is searched again) or dismisses a report."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.cli import main
from rmab_desktop.db.models import Audiobook, DownloadHistory, JobRecord, Request
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.reported_issues import ProblemKind
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.settings import Preferences, SettingsStore
from tests.audiofiles import make_audio

ASIN = "B0PERSUAS1"
FOLDER = Path("Jane Austen") / "Persuasion {Juliet Stevenson} [B0PERSUAS1]"
BAD_GUID = "https://indexer.example/release/4242"

Rmab = Callable[..., tuple[int, object, str]]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    prefs = Preferences.model_validate({"first_run_done": True, "library": {"root": str(root)}})
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    return root


@pytest.fixture
def core(tmp_path: Path, database_url: str, library: Path) -> Iterator[AppCore]:
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield app
    app.close()


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, core: AppCore, capsys: pytest.CaptureFixture[str]) -> Rmab:
    def run(*argv: str) -> tuple[int, object, str]:
        try:
            code = main(["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url, *argv])
        except SystemExit as exit_:  # a usage mistake, told in two lines by the parser
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def available_book(core: AppCore, tmp_path: Path, owner_id: int) -> int:
    """Alice's request for Persuasion, grabbed from an indexer and imported: available."""
    with core.database.session() as session:
        book = Audiobook(
            asin=ASIN, title="Persuasion", authors=[{"name": "Jane Austen"}], narrators=["Juliet Stevenson"]
        )
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, user_id=owner_id, status=RequestStatus.DOWNLOADED.value)
        session.add(request)
        session.flush()
        session.add(
            DownloadHistory(
                request_id=request.id,
                release_guid=BAD_GUID,
                release_title="Persuasion - Jane Austen (2019) [m4b]",
                indexer="Fake Tracker",
                status="completed",
                removed_from_client=True,  # seeded and gone: nothing left in the client
            )
        )
        request_id = request.id
    download = tmp_path / "downloads" / "persuasion"
    for i in (1, 2):
        make_audio(download / f"{i:02d}.mp3", album="Persuasion", artist="Jane Austen", track=i)
    job_id = core.rescue.import_files(request_id, download)
    while core.queue.get(job_id).status not in (JobStatus.DONE, JobStatus.FAILED):
        assert core.executor.run_next() is not None
    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    return request_id


def test_a_reported_wrong_book_is_replaced_for_the_same_requester(
    core: AppCore, rmab: Rmab, tmp_path: Path, library: Path
) -> None:
    admin = core.users.default_user()
    alice = core.users.create("alice")
    request_id = available_book(core, tmp_path, alice.id)
    own_file = library / FOLDER / "my notes.txt"
    own_file.write_text("the user's own file")
    heard: list[AppEvent] = []
    core.events.subscribe(heard.append)

    core.users.act_as(alice.id)
    problem = core.problems.report(request_id, ProblemKind.WRONG_BOOK, "This is Emma, not Persuasion")

    assert [e.kind for e in heard] == [EventKind.ISSUE_REPORTED]
    assert heard[0].user_id == alice.id and "Persuasion" in heard[0].title
    with pytest.raises(PermissionDeniedError):
        core.problems.replace(problem.id)  # only administrators replace

    core.users.act_as(admin.id)
    code, done, err = rmab("issues", "replace", str(problem.id), "--note", "grabbing another", "--json")

    assert code == 0, err
    assert done["problem"]["status"] == "replaced" and done["searching"]
    assert done["blocklisted"] == ["Persuasion - Jane Austen (2019) [m4b]"]
    [entry] = core.blocklist.list()
    assert entry.release_guid == BAD_GUID and entry.book_title == "Persuasion"  # for this book only
    request = core.requests.get(request_id)
    assert request.user_id == alice.id and request.status == RequestStatus.AWAITING_SEARCH
    assert request.search_attempts == 0
    assert not list((library / FOLDER).glob("*.mp3"))  # the app's import of the bad release went
    assert own_file.is_file()  # the user's file stays
    assert str(own_file) in done["kept"]
    with core.database.session() as session:
        searches = session.scalars(
            select(JobRecord).where(
                JobRecord.request_id == request_id,
                JobRecord.type == JobType.REQUESTS_SEARCH,
                JobRecord.status == JobStatus.QUEUED.value,
            )
        ).all()
        assert len(searches) == 1
        assert session.scalar(select(Audiobook.library_path).where(Audiobook.asin == ASIN)) is None
    code, _, err = rmab("issues", "replace", str(problem.id))
    assert code != 0 and err.count("error:") == 1 and "already handled" in err and "hint:" in err


def test_report_by_asin_list_and_dismiss_from_the_command_line(
    core: AppCore, rmab: Rmab, tmp_path: Path
) -> None:
    alice = core.users.create("alice")
    request_id = available_book(core, tmp_path, alice.id)

    code, reported, err = rmab(
        "issues", "report", ASIN.lower(), "--kind", "bad_audio", "--note", "Stops at 2 h", "--user", "alice",
        "--json",
    )  # fmt: skip

    assert code == 0, err
    assert reported["problem"]["request_id"] == request_id and reported["problem"]["kind"] == "bad_audio"
    assert reported["problem"]["reporter"] == "alice" and reported["problem"]["requester"] == "alice"
    code, _, err = rmab("issues", "report", str(request_id), "--user", "alice")
    assert code != 0 and "already reported" in err and err.count("hint:") == 1
    code, listed, _ = rmab("issues", "list", "--open", "--json")
    assert [p["id"] for p in listed["problems"]] == [reported["problem"]["id"]]

    code, dismissed, _ = rmab(
        "issues", "dismiss", str(reported["problem"]["id"]), "--note", "plays fine", "--json"
    )

    assert code == 0 and dismissed["problem"]["status"] == "dismissed"
    assert dismissed["problem"]["resolution_note"] == "plays fine"
    assert rmab("issues", "list", "--open", "--json")[1] == {"problems": []}
    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE  # nothing changed


def test_reports_are_refused_with_words(core: AppCore, rmab: Rmab, tmp_path: Path) -> None:
    alice = core.users.create("alice")
    request_id = available_book(core, tmp_path, alice.id)
    code, _, err = rmab("issues", "report", str(request_id), "--note", "x" * 251)
    assert code != 0 and "at most 250" in err and err.count("error:") == 1 and err.count("hint:") == 1
    code, _, err = rmab("issues", "report", "B0NOTHERE0")
    assert code != 0 and "B0NOTHERE0" in err and err.count("hint:") == 1
    code, _, err = rmab("issues", "report", "99999")
    assert code != 0 and "does not exist" in err
    code, _, err = rmab("issues", "report", str(request_id), "--kind", "nonsense")
    assert code != 0 and err.count("error:") == 1 and err.count("hint:") == 1


def test_replacing_takes_the_book_out_of_audiobookshelf_without_deleting_files(
    core: AppCore, tmp_path: Path
) -> None:
    from rmab_desktop.db.models import LibraryItem
    from rmab_desktop.domain.enums import LibraryBackendKind
    from rmab_desktop.services.library.backends import AbsSettings, LibraryBackendConfig
    from tests.fakes import audiobookshelf_server as fake_abs

    alice = core.users.create("alice")
    request_id = available_book(core, tmp_path, alice.id)
    with fake_abs.FakeAudiobookshelfServer() as server:
        server.items["lib_main"] = [
            fake_abs.item("li_persuasion", "Jane Austen/Persuasion", "Persuasion", ["Jane Austen"]),
            fake_abs.item("li_other", "Ann Leckie/Ancillary Justice", "Ancillary Justice", ["Ann Leckie"]),
        ]
        core.library.save_backend_config(
            LibraryBackendConfig(
                kind=LibraryBackendKind.AUDIOBOOKSHELF,
                audiobookshelf=AbsSettings(url=server.url, library_id="lib_main"),
            ),
            token=fake_abs.TOKEN,
        )
        core.library.sync()
        with core.database.session() as session:
            book_id = session.scalar(select(Audiobook.id).where(Audiobook.asin == ASIN))
            item = session.scalar(select(LibraryItem).where(LibraryItem.external_id == "li_persuasion"))
            assert item is not None
            item.audiobook_id = book_id  # as the library sync's matching links it
        problem = core.problems.report(request_id, ProblemKind.WRONG_EDITION, "", user=alice)

        done = core.problems.replace(problem.id)

        assert done.problems == ()
        assert server.removed == [("li_persuasion", False)]  # never hard=1: ABS would delete the files
        with core.database.session() as session:
            assert session.scalars(
                select(LibraryItem.external_id).where(LibraryItem.backend == "audiobookshelf")
            ).all() == ["li_other"]
