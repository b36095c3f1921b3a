"""The library watcher on a real folder: new, changed, moved and removed books appear without a
full rescan; a copy in progress is read once it settles; network shares and failures fall back
to the schedule. Waits are on conditions with generous deadlines, never on timings."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.library.service import LibraryService
from rmab_desktop.services.library.watcher import (
    LibraryWatcher,
    WatchMode,
    existing_targets,
    filesystem_type,
    scan_group,
    watched_folder,
)
from rmab_desktop.settings import LibrarySettings
from tests.audiofiles import make_audio

DEADLINE = 60.0


def wait_until(condition: Callable[[], Any], deadline: float = DEADLINE) -> Any:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    make_audio(root / "Ada Okafor/The Ember Crown/01.mp3", album="The Ember Crown", artist="Ada Okafor")
    make_audio(root / "Ben Novak/Glass River/01.m4b", album="Glass River", artist="Ben Novak")
    return root


@pytest.fixture
def service(database: Database, library: Path) -> LibraryService:
    service = LibraryService(database, ConfigStore(database), CredentialStore(), lambda: str(library))
    service.sync()
    return service


@pytest.fixture
def watched(service: LibraryService, library: Path) -> Iterator[tuple[LibraryWatcher, list[list[str]]]]:
    calls: list[list[str]] = []

    def refresh(targets: list[str]) -> None:
        calls.append(targets)
        service.refresh_paths(targets)

    watcher = LibraryWatcher(refresh, quiet=0.5)
    assert watcher.start(str(library)) == WatchMode.EVENTS
    yield watcher, calls
    watcher.stop()


def titles(service: LibraryService) -> dict[str, str]:
    return {entry.title: entry.path or "" for entry in service.entries()}


def test_new_changed_moved_and_removed_books_show_up(
    service: LibraryService, library: Path, tmp_path: Path, watched: tuple[LibraryWatcher, list[list[str]]]
) -> None:
    _watcher, calls = watched
    staging = tmp_path / "staging/Signal Orchard"
    for part in (1, 2, 3):
        make_audio(staging / f"0{part}.mp3", album="Signal Orchard", artist="Cleo Silva", track=part)
    shutil.copytree(staging, library / "Cleo Silva/Signal Orchard")
    assert wait_until(lambda: "Signal Orchard" in titles(service)), "a copied book appears"

    make_audio(
        library / "Ada Okafor/The Ember Crown/01.mp3", album="The Ember Crown Revised", artist="Ada Okafor"
    )
    assert wait_until(lambda: "The Ember Crown Revised" in titles(service)), "a changed book is re-read"

    (library / "Cleo Silva/Signal Orchard").rename(library / "Ada Okafor/Signal Orchard")
    moved = str(library / "Ada Okafor/Signal Orchard")
    assert wait_until(lambda: titles(service).get("Signal Orchard") == moved), "a moved book follows"

    shutil.rmtree(library / "Ben Novak")
    assert wait_until(lambda: "Glass River" not in titles(service)), "a removed book goes"
    assert len(service.entries()) == 2
    assert calls and all(str(library) not in targets for targets in calls), "never a full rescan"


def test_a_copy_in_progress_is_read_once_it_settles(
    service: LibraryService, library: Path, tmp_path: Path
) -> None:
    seen: list[int] = []

    def refresh(targets: list[str]) -> None:
        service.refresh_paths(targets)
        seen.extend(e.file_count for e in service.entries() if e.title == "Slow Copy")

    watcher = LibraryWatcher(refresh, quiet=2.0)
    watcher.start(str(library))
    try:
        template = make_audio(tmp_path / "t.mp3", album="Slow Copy", artist="Dmitri Petrov").read_bytes()
        folder = library / "Dmitri Petrov/Slow Copy"
        folder.mkdir(parents=True)
        for part in range(8):  # file after file, each well inside the quiet period
            (folder / f"{part:02d}.mp3").write_bytes(template)
            time.sleep(0.2)
        assert wait_until(lambda: seen), "the copied book appears"
        assert seen[0] == 8, "the book was read after its last file, not while it was copied"
    finally:
        watcher.stop()


def test_network_shares_and_failed_observers_fall_back_to_the_schedule(library: Path, tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nnas:/books {library} nfs4 rw 0 0\n")
    assert filesystem_type(str(library / "Ada Okafor"), mounts) == "nfs4"
    started: list[object] = []
    watcher = LibraryWatcher(lambda _t: None, mounts=mounts, observer_factory=lambda: started.append(1))
    assert watcher.start(str(library)) == WatchMode.SCHEDULE and not started

    class FailingObserver:
        def schedule(self, *_args: object, **_kwargs: object) -> None:
            raise OSError(28, "inotify watch limit reached")

    failing = LibraryWatcher(lambda _t: None, observer_factory=FailingObserver)
    assert failing.start(str(library)) == WatchMode.SCHEDULE


def test_watching_can_be_turned_off(service: LibraryService, library: Path) -> None:
    assert watched_folder(service, LibrarySettings(root=str(library))) == str(library)
    assert watched_folder(service, LibrarySettings(root=str(library), watch=False)) is None
    assert LibraryWatcher(lambda _t: None).start(None) == WatchMode.OFF


def test_changes_map_to_the_folder_a_scan_needs(library: Path) -> None:
    root = str(library)
    assert scan_group(root, f"{root}/A/Book/CD2/01.mp3", False) == f"{root}/A/Book"
    assert scan_group(root, f"{root}/A/Book/01.mp3", False) == f"{root}/A/Book"
    assert scan_group(root, f"{root}/A/Book", True) == f"{root}/A/Book"
    assert scan_group(root, f"{root}/Loose.m4b", False) == f"{root}/Loose.m4b"
    assert scan_group(root, f"{root}/.rmab-staging/op/01.mp3", False) is None
    assert scan_group(root, f"{root}/A/Book/01.mp3.part", False) is None
    assert scan_group(root, root, True) is None
    gone = f"{root}/Ada Okafor/Gone Book"
    assert existing_targets(root, [gone, f"{root}/Ada Okafor", f"{root}/Ada Okafor/The Ember Crown"]) == [
        f"{root}/Ada Okafor"
    ]


def test_stop_ends_the_threads(library: Path) -> None:
    before = threading.active_count()
    watcher = LibraryWatcher(lambda _t: None)
    watcher.start(str(library))
    watcher.stop()
    assert wait_until(lambda: threading.active_count() <= before)
    assert watcher.mode == WatchMode.OFF


def test_a_removed_top_level_folder_is_its_own_target(library: Path) -> None:
    root = str(library)
    assert existing_targets(root, [f"{root}/Gone Author/Book", f"{root}/Gone Author"]) == [
        f"{root}/Gone Author"
    ]
