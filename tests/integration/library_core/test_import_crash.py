"""Kill the importing process at each step; start-up recovery leaves no partial book behind."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ImportOperation
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.library.scanner import LibraryScanner
from rmab_desktop.services.organize.importer import MANIFEST_NAME, STAGING_DIR, recover_imports
from rmab_desktop.services.organize.organizer import organize_book
from tests.audiofiles import make_audio

BOOK = {"title": "Crash Course", "authors": ["Ann Author"], "asin": "B0CRASH001", "narrators": ["Reader"]}
TARGET = "Ann Author/Crash Course {Reader} [B0CRASH001]"

CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    from rmab_desktop.db.engine import Database
    from rmab_desktop.domain.books import BookInfo
    from rmab_desktop.services.organize.organizer import organize_book

    url, source, library, mode, phase, index, book, request_id = sys.argv[1:9]

    def progress(update):
        if update.phase == phase and update.done >= int(index):
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no finally blocks: a real crash

    organize_book(source, BookInfo.from_json(json.loads(book)), library, mode=mode,
                  database=Database.connect(url), progress=progress,
                  request_id=int(request_id) if request_id else None)
    print("finished")
    """
)


def run_child(
    database_url: str,
    source: Path,
    library: Path,
    mode: str,
    phase: str,
    index: int,
    book: dict[str, object] = BOOK,
    request_id: int | None = None,
) -> int:
    """Import ``source`` in a child process that SIGKILLs itself at ``phase``; its exit code."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            database_url,
            str(source),
            str(library),
            mode,
            phase,
            str(index),
            json.dumps(book),
            str(request_id or ""),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    return result.returncode


@pytest.fixture
def source(tmp_path: Path) -> Path:
    src = tmp_path / "download"
    for i in range(1, 5):
        make_audio(src / f"{i:02d}.mp3", track=i)
    return src


def states(database: Database) -> list[str]:
    with database.session() as session:
        return [row.state for row in session.execute(select(ImportOperation)).scalars()]


@pytest.mark.parametrize(
    ("mode", "phase", "index", "completed"),
    [
        ("copy", "placing", 2, False),  # half the files staged
        ("copy", "tagging", 1, False),  # staged, tags half written
        ("copy", "verified", 4, True),  # verified, not yet renamed into place
        ("move", "placing", 3, False),
        ("move", "placed", 4, True),  # in place, sources not yet removed
    ],
)
def test_kill_mid_import_then_recover(
    database_url: str,
    database: Database,
    source: Path,
    tmp_path: Path,
    mode: str,
    phase: str,
    index: int,
    completed: bool,
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    code = run_child(database_url, source, library, mode, phase, index)
    assert code == -signal.SIGKILL, "the child must have died mid-import"
    staging = library / STAGING_DIR
    if phase != "placed":
        assert any(staging.iterdir()), "the crash left a staging folder behind"
        assert not (library / TARGET).exists(), "a library server never sees a partial book"

    counts = recover_imports(database)

    assert counts["completed" if completed else "rolled_back"] == 1
    assert not staging.exists() or not any(staging.iterdir())
    target = library / TARGET
    if completed:
        assert states(database) == ["done"]
        manifest = json.loads((target / MANIFEST_NAME).read_text())
        assert sorted(p.name for p in target.glob("*.mp3")) == [f["name"] for f in manifest["files"]]
        if mode == "move":
            assert not list(source.glob("*.mp3")), "a completed move removes the sources"
    else:
        assert states(database) == ["rolled_back"]
        assert not target.exists()
        assert len(list(source.glob("*.mp3"))) == 4, "rolling back never loses a source file"
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(library)
    books = scanner.list_books(library)
    assert [b.files for b in books] == ([4] if completed else [])

    # Running the import again (the job is retried) finishes the book, or finds it already there.
    if list(source.glob("*.mp3")):
        again = organize_book(source, BookInfo.from_json(BOOK), library, database=database)
        assert again.already_present is completed
        assert len(list((library / TARGET).glob("*.mp3"))) == 4


def test_recovery_leaves_a_live_importer_alone(database: Database, tmp_path: Path) -> None:
    staging = tmp_path / "lib" / STAGING_DIR / "op-x"
    staging.mkdir(parents=True)
    with database.session() as session:
        session.add(
            ImportOperation(
                source_path="/src",
                staging_path=str(staging),
                target_path=str(tmp_path / "lib" / "Book"),
                state="staging",
                manifest={"owner": "another-host:123:abc"},
            )
        )
    assert recover_imports(database) == {"rolled_back": 0, "completed": 0, "skipped": 1}
    assert staging.exists()
