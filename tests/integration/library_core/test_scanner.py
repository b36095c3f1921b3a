"""The folder scanner on real audio: grouping, incremental rescans, removal, progress and cancel."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryFile, LibraryItem
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.library.scanner import LibraryScanner, ScanProgress
from tests.audiofiles import make_audio

FORMATS = (".mp3", ".m4b", ".flac", ".ogg", ".opus")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    for index, ext in enumerate(FORMATS):
        make_audio(
            root
            / f"Author {index}/Series/Book 1 - Title {index} {{Reader {index}}} [B0TEST000{index}]/01{ext}",
            album=f"Title {index}",
            artist=f"Author {index}",
            composer=f"Reader {index}",
            asin=f"B0TEST000{index}",
            series="Series",
            series_part="1",
        )
    for disc in (1, 2):
        make_audio(root / f"Disc Author/Disc Book/CD{disc}/01.mp3", album="Disc Book", track=disc)
    make_audio(root / "Loose Book.m4b", album="Loose Book", artist="Loose Author")
    make_audio(root / ".rmab-staging/op-1/01.mp3", album="Half imported")
    make_audio(root / "Ignored/Book/01.mp3", album="Ignored")
    (root / "Ignored" / ".ignore").write_text("")
    partial = make_audio(root / "Partial/Book/01.mp3")
    partial.rename(partial.with_name("01.mp3.part"))
    return root


def books_by_path(scanner: LibraryScanner, root: Path) -> dict[str, object]:
    return {b.path: b for b in scanner.list_books(root)}


def test_groups_books_like_audiobookshelf(database: Database, library: Path) -> None:
    scanner = LibraryScanner(database, workers=1)
    stats = scanner.scan(library)
    books = books_by_path(scanner, library)
    assert set(books) == {
        *(f"Author {i}/Series/Book 1 - Title {i} {{Reader {i}}} [B0TEST000{i}]" for i in range(len(FORMATS))),
        "Disc Author/Disc Book",
        "Loose Book.m4b",
    }
    assert stats.files == 8 and stats.files_read == 8 and stats.books == 7
    disc = books["Disc Author/Disc Book"]
    assert disc.files == 2 and disc.duration_seconds and disc.duration_seconds > 1.5
    first = books["Author 0/Series/Book 1 - Title 0 {Reader 0} [B0TEST0000]"]
    assert (first.title, first.authors, first.narrators) == ("Title 0", ("Author 0",), ("Reader 0",))
    assert (first.series, first.series_position, first.asin) == ("Series", "1", "B0TEST0000")
    for index, ext in enumerate(FORMATS):
        book = books[f"Author {index}/Series/Book 1 - Title {index} {{Reader {index}}} [B0TEST000{index}]"]
        assert book.format == ext.lstrip(".") and book.asin == f"B0TEST000{index}", ext


def test_book_folder_below_loose_files_is_its_own_book(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_audio(root / "Brandon Sanderson/The Way of Kings.m4b", album="The Way of Kings")
    make_audio(root / "Brandon Sanderson/Stormlight Archive/Book 3 - Oathbringer/01.mp3")
    make_audio(root / "Anne Rice/Interview with the Vampire/01.mp3")
    make_audio(root / "Anne Rice/Interview with the Vampire/CD 2/01.mp3")
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(root)
    books = books_by_path(scanner, root)
    assert {path: b.files for path, b in books.items()} == {
        "Brandon Sanderson": 1,
        "Brandon Sanderson/Stormlight Archive/Book 3 - Oathbringer": 1,
        "Anne Rice/Interview with the Vampire": 2,
    }


def test_unchanged_rescan_reads_nothing_and_changes_are_picked_up(database: Database, library: Path) -> None:
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(library)
    again = scanner.scan(library)
    assert (again.files_read, again.files_unchanged, again.books_changed) == (0, 8, 0)

    changed = library / "Loose Book.m4b"
    make_audio(changed, album="Loose Book Renamed", artist="Loose Author", seconds=2.0)
    os.utime(changed, ns=(1, 1_000_000_000))
    added = make_audio(library / "New Author/New Book/01.flac", album="New Book", artist="New Author")
    removed_book = library / "Disc Author/Disc Book/CD2/01.mp3"
    removed_book.unlink()
    third = scanner.scan(library)
    assert third.files_read == 2 and third.files_removed == 1
    books = books_by_path(scanner, library)
    assert books["Loose Book.m4b"].title == "Loose Book Renamed"
    assert books["Disc Author/Disc Book"].files == 1
    assert "New Author/New Book" in books and added.exists()

    for path in (library / "New Author").rglob("*.flac"):
        path.unlink()
    fourth = scanner.scan(library)
    assert fourth.files_removed == 1 and "New Author/New Book" not in books_by_path(scanner, library)
    with database.session() as session:
        assert session.scalar(select(func.count(LibraryItem.id))) == 7
        assert session.scalar(select(func.count(LibraryFile.id))) == 7


def test_parallel_workers_give_the_same_books(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "many"
    template = make_audio(tmp_path / "t.mp3", album="x")
    for i in range(40):
        for part in range(10):
            target = root / f"Author {i % 7}/Book {i}/{part:02d}.mp3"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(template.read_bytes())
    scanner = LibraryScanner(database, workers=2)
    stats = scanner.scan(root)
    assert stats.files == 400 and stats.files_read == 400 and stats.books == 40
    assert all(b.files == 10 for b in scanner.list_books(root))


def test_progress_and_cancel(database: Database, library: Path) -> None:
    updates: list[ScanProgress] = []
    token = CancelToken()

    def progress(update: ScanProgress) -> None:
        updates.append(update)
        if update.phase == "reading":
            token.cancel()

    stats = LibraryScanner(database, workers=1).scan(library, progress=progress, cancel=token)
    assert stats.cancelled
    assert updates[0].phase == "walking"
    # Whatever was written is whole: every stored book has all its files.
    scanner = LibraryScanner(database, workers=1)
    resumed = scanner.scan(library)
    assert not resumed.cancelled and resumed.books == 7
    assert resumed.files_read + stats.files_read == 8


def test_subpath_scan_only_touches_that_folder(database: Database, library: Path) -> None:
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(library)
    make_audio(library / "Disc Author/Disc Book/CD3/01.mp3", album="Disc Book", track=3)
    stats = scanner.scan(library, subpath="Disc Author/Disc Book")
    assert stats.files_read == 1 and stats.books == 1
    assert len(scanner.list_books(library)) == 7


def test_hostile_and_broken_files(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    make_audio(root / "Autor $(rm -rf)/Tïtle; `x` ‮gnp.mp3/01.mp3", album="Weird")
    broken = root / "Broken Author/Broken Book/01.mp3"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not audio at all" * 10)
    bad_name = os.fsencode(root) + b"/Bad\xffName/Book"
    os.makedirs(bad_name)
    with open(bad_name + b"/01.mp3", "wb") as handle:
        handle.write(b"x")
    scanner = LibraryScanner(database, workers=1)
    stats = scanner.scan(root)
    assert stats.books == 2
    assert any("Broken" in e for e in stats.errors)
    assert any("UTF-8" in e for e in stats.errors)
    weird = next(b for b in scanner.list_books(root) if b.title == "Weird")
    assert weird.path.startswith("Autor $(rm -rf)/")


def test_missing_root_is_a_clear_error(database: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        LibraryScanner(database).scan(tmp_path / "nope")


def test_sidecar_metadata_feeds_the_book(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "side"
    make_audio(root / "Some Author/Some Book/01.mp3")
    (root / "Some Author/Some Book/metadata.json").write_text(
        '{"title": "From Sidecar", "authors": ["Side Author"], "asin": "B0SIDECAR1", "series": ["Saga #2"]}'
    )
    (root / "Some Author/Some Book/reader.txt").write_text("Side Reader\n")
    scanner = LibraryScanner(database, workers=1)
    scanner.scan(root)
    [book] = scanner.list_books(root, with_evidence=True)
    assert (book.title, book.asin, book.series, book.series_position) == (
        "From Sidecar",
        "B0SIDECAR1",
        "Saga",
        "2",
    )
    assert book.narrators == ("Side Reader",)
    assert {e.source for e in book.evidence} == {"sidecar", "folder"}
    (root / "Some Author/Some Book/metadata.json").write_text('{"title": "Changed Sidecar"}')
    stats = scanner.scan(root)
    assert stats.books_changed == 1 and stats.files_read == 0
    assert scanner.list_books(root)[0].title == "Changed Sidecar"


def test_fifo_outside_links_and_a_hostile_sidecar_do_not_stop_the_scan(
    database: Database, tmp_path: Path
) -> None:
    root, outside = tmp_path / "lib", tmp_path / "outside"
    make_audio(root / "Good Author/Good Book/01.mp3", album="Good Book")
    deep = make_audio(root / "Deep Author/Deep Book/01.mp3", album="Deep Book")
    (deep.parent / "metadata.json").write_text("[" * 200_000 + "]" * 200_000)
    os.mkfifo(root / "Good Author/Good Book/02.mp3")
    make_audio(outside / "secret.mp3", album="Outside Secret")
    make_audio(outside / "Book/01.mp3", album="Outside Folder")
    (root / "Link Author/Link Book").mkdir(parents=True)
    (root / "Link Author/Link Book/01.mp3").symlink_to(outside / "secret.mp3")
    (root / "Link Author/Linked Folder").symlink_to(outside / "Book")
    (root / "Good Author/Good Book/03.mp3").symlink_to(root / "Good Author/Good Book/01.mp3")

    finished: list[object] = []
    scanner = LibraryScanner(database, workers=1)
    worker = threading.Thread(target=lambda: finished.append(scanner.scan(root)), daemon=True)
    worker.start()
    worker.join(timeout=120)  # a deadline against a hang, not a timing assert
    assert finished, "the scan blocked"
    stats = finished[0]
    books = books_by_path(scanner, root)
    assert set(books) == {"Good Author/Good Book", "Deep Author/Deep Book"}
    assert books["Good Author/Good Book"].files == 2  # 01.mp3 and the link to it inside the library
    assert books["Deep Author/Deep Book"].title == "Deep Book"
    errors = "\n".join(stats.errors)
    assert "02.mp3: not a regular file" in errors
    assert "Link Book/01.mp3: links to" in errors and "Linked Folder: links to" in errors
    assert "Outside" not in " ".join(b.title for b in books.values())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds child processes through /proc")
def test_a_killed_scan_leaves_no_reader_processes(tmp_path: Path) -> None:
    root = tmp_path / "big"
    template = make_audio(tmp_path / "t.mp3", album="x").read_bytes()
    for book in range(400):
        folder = root / f"Author {book % 40}/Book {book}"
        folder.mkdir(parents=True)
        for part in range(10):
            (folder / f"{part:02d}.mp3").write_bytes(template)
    script = tmp_path / "scan.py"
    script.write_text(SCAN_SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    scan = subprocess.Popen(
        [sys.executable, str(script), str(root), str(tmp_path / "db.sqlite3")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert scan.stdout is not None and scan.stdout.readline().strip() == "reading"
        readers = _wait_for(lambda: _descendants(scan.pid) if len(_descendants(scan.pid)) >= 2 else None)
        assert readers and scan.poll() is None, "the scan ended before it could be killed"
        scan.send_signal(signal.SIGKILL)
        scan.wait()
        survivors = _wait_for(lambda: [p for p in readers if _alive(p)] or None, until_none=True)
        assert not survivors, f"reader processes outlived the scan: {survivors}"
    finally:
        if scan.poll() is None:
            scan.kill()


SCAN_SCRIPT = """
import sys
from pathlib import Path

from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.services.library.scanner import LibraryScanner


def progress(update):
    if update.phase == "reading" and not getattr(progress, "told", False):
        progress.told = True
        print("reading", flush=True)


if __name__ == "__main__":
    database = Database.connect(sqlite_url(Path(sys.argv[2])))
    upgrade(database.engine)
    LibraryScanner(database, workers=2).scan(sys.argv[1], progress=progress)
    print("finished", flush=True)
"""


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(probe, *, deadline: float = 60.0, until_none: bool = False):  # type: ignore[no-untyped-def]
    """Poll ``probe`` until it returns something (or, with ``until_none``, nothing) or the deadline."""
    end = time.monotonic() + deadline
    value = probe()
    while (value is None) != until_none and time.monotonic() < end:
        time.sleep(0.05)
        value = probe()
    return value


def test_a_scan_that_wrote_books_leaves_the_planner_reading_the_library_straight_through(
    database: Database, library: Path
) -> None:
    """Without statistics SQLite lists one backend's books through an index, a lookup per row."""
    if database.backend != "sqlite":
        pytest.skip("the query plan checked is SQLite's; PostgreSQL analyzes by itself")
    from sqlalchemy import text

    plan = "EXPLAIN QUERY PLAN SELECT title, authors FROM library_items WHERE backend = 'folder'"
    with database.session() as session:
        before = " ".join(str(row[-1]) for row in session.execute(text(plan)))
    LibraryScanner(database, workers=1).scan(library)
    with database.session() as session:
        after = " ".join(str(row[-1]) for row in session.execute(text(plan)))
    assert "USING INDEX" in before and after == "SCAN library_items"
