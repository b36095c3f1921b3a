"""Rescuing stuck requests through the command line over the real core: import by hand (with a
preview), own search words, re-check the library, start over, request again, and delete a
request with exactly the files it imported."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.cli import main
from rmab_desktop.db.models import Audiobook, JobRecord, LibraryItem, Request
from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.settings import Preferences, SettingsStore
from tests.audiofiles import make_audio
from tests.ebookfiles import make_epub

ASIN = "B0PERSUAS1"
FOLDER = Path("Jane Austen") / "Persuasion {Juliet Stevenson} [B0PERSUAS1]"

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
        code = main(["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def stuck_request(core: AppCore, kind: RequestKind = RequestKind.AUDIOBOOK) -> int:
    """A request that ended in "needs attention", as after an import that found no audio."""
    with core.database.session() as session:
        book = session.scalar(select(Audiobook).where(Audiobook.asin == ASIN))
        if book is None:
            book = Audiobook(
                asin=ASIN,
                title="Persuasion",
                authors=[{"name": "Jane Austen"}],
                narrators=["Juliet Stevenson"],
            )
            session.add(book)
            session.flush()
        request = Request(
            audiobook_id=book.id,
            kind=kind.value,
            status=RequestStatus.WARN.value,
            status_message="Import failed: No audio files",
        )
        session.add(request)
        session.flush()
        return request.id


def audio_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "found on disk" / "persuasion"
    for i in (1, 2):
        make_audio(folder / f"{i:02d}.mp3", album="Something Else", artist="Unknown", track=i)
    return folder


def test_a_stuck_request_gets_its_files_imported_by_hand_after_a_preview(
    core: AppCore, rmab: Rmab, tmp_path: Path, library: Path
) -> None:
    request_id = stuck_request(core)
    folder = audio_folder(tmp_path)

    code, preview, _ = rmab("requests", "import", str(request_id), str(folder), "--dry-run", "--json")

    assert code == 0 and preview["dry_run"] and preview["target_path"] == FOLDER.as_posix()
    assert [f["target"] for f in preview["files"]] == [
        f"{FOLDER.as_posix()}/Persuasion - pt01.mp3",
        f"{FOLDER.as_posix()}/Persuasion - pt02.mp3",
    ]
    assert not any(library.iterdir())  # a preview changes nothing

    code, done, err = rmab("requests", "import", str(request_id), str(folder), "--json")

    assert code == 0, err
    assert done["request"]["status"] == "available"
    assert len(list((library / FOLDER).glob("*.mp3"))) == 2  # tagged otherwise, imported all the same
    assert (folder / "01.mp3").exists()  # copied: the user's files stay where they were


def test_importing_a_missing_path_says_so(core: AppCore, rmab: Rmab) -> None:
    request_id = stuck_request(core)
    code, _, err = rmab("requests", "import", str(request_id), "/nowhere/at/all")
    assert code != 0 and err.count("error:") == 1 and "does not exist" in err and "hint:" in err
    assert core.requests.get(request_id).status == RequestStatus.WARN


def test_own_search_words_search_again(core: AppCore, rmab: Rmab) -> None:
    request_id = stuck_request(core)

    code, changed, _ = rmab("requests", "terms", str(request_id), "Austen Persuasion 1818", "--json")

    assert code == 0 and changed["request"]["custom_search_terms"] == "Austen Persuasion 1818"
    assert changed["request"]["status"] == "awaiting_search"
    with core.database.session() as session:
        jobs = session.scalars(select(JobRecord.type).where(JobRecord.request_id == request_id)).all()
    assert jobs == ["requests.search"]


def test_recheck_and_start_over(core: AppCore, rmab: Rmab, tmp_path: Path, library: Path) -> None:
    request_id = stuck_request(core)
    assert rmab("requests", "import", str(request_id), str(audio_folder(tmp_path)))[0] == 0
    code, checked, _ = rmab("requests", "recheck", str(request_id), "--json")
    assert code == 0 and checked["request"]["status"] == "available"

    for path in (library / FOLDER).iterdir():  # the files drifted away from the library
        path.unlink()
    code, checked, _ = rmab("requests", "recheck", str(request_id), "--json")

    assert code == 0 and checked["request"]["status"] == "awaiting_search"
    with core.database.session() as session:
        assert session.scalar(select(Audiobook.library_path).where(Audiobook.asin == ASIN)) is None

    code, fresh, _ = rmab("requests", "start-over", str(request_id), "--json")
    assert code == 0 and fresh["request"]["attempts"] == {"search": 0, "download": 0, "import": 0}


def test_delete_with_files_removes_exactly_what_the_request_imported(
    core: AppCore, rmab: Rmab, tmp_path: Path, library: Path
) -> None:
    audio_request = stuck_request(core)
    assert rmab("requests", "import", str(audio_request), str(audio_folder(tmp_path)))[0] == 0
    ebook_request = stuck_request(core, RequestKind.EBOOK)
    epub = make_epub(tmp_path / "found" / "persuasion.epub", "Persuasion", "Jane Austen")
    assert rmab("requests", "import", str(ebook_request), str(epub))[0] == 0
    book_folder = library / FOLDER
    (book_folder / "my notes.txt").write_text("the user's own file")

    code, plan, _ = rmab("requests", "delete", str(audio_request), "--with-files", "--dry-run", "--json")

    assert code == 0 and plan["dry_run"]
    removed = sorted(Path(r["target"]).name for r in plan["removes"] if r["what"] == "file")
    assert removed == [".rmab-import.json", "Persuasion - pt01.mp3", "Persuasion - pt02.mp3"]
    # the ebook (another request's import), the sidecars it shares, and the user's own file stay
    assert sorted(Path(k).name for k in plan["keeps"]) == [
        ".rmab-import-ebook.json",
        "Persuasion.epub",
        "metadata.json",
        "my notes.txt",
        "reader.txt",
    ]
    assert len(list(book_folder.glob("*.mp3"))) == 2  # a dry run deletes nothing

    code, done, _ = rmab("requests", "delete", str(audio_request), "--with-files", "--json")

    assert code == 0 and done["problems"] == []
    assert not list(book_folder.glob("*.mp3")) and (book_folder / "Persuasion.epub").is_file()
    assert (book_folder / "my notes.txt").is_file()
    with core.database.session() as session:
        (item,) = session.scalars(select(LibraryItem)).all()
        assert item.format is None and item.ebook_formats == ["epub"]  # the ebook stays, rescanned
        assert session.scalar(select(Audiobook.library_path).where(Audiobook.asin == ASIN)) is None
        assert session.get(Request, audio_request).deleted_at is not None

    code, done, _ = rmab("requests", "delete", str(ebook_request), "--with-files", "--json")

    assert code == 0
    assert [p.name for p in book_folder.iterdir()] == ["my notes.txt"]  # only the user's file is left
    with core.database.session() as session:
        assert session.scalars(select(LibraryItem)).all() == []
