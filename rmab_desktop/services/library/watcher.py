"""Notices changes in the library folder and rescans only the books they touch.

watchdog's native observer (inotify, FSEvents, ReadDirectoryChangesW) reports what changed.
Changes are grouped by the folder a scan has to look at (the book's folder; a ``CD1`` folder's
parent; the nearest folder still there after a removal) and a group is handed to ``refresh``
once nothing in it has changed for ``quiet`` seconds, so a copy in progress is read once,
after its last file is written. ``refresh`` runs on the watcher's own thread, never Qt's.

Network shares rarely deliver change events: when the folder is on one (Linux: its
``/proc/mounts`` file system type) or the observer cannot start (e.g. the inotify watch limit),
the watcher stays off and the scheduled library refresh keeps the library current.

    watcher = LibraryWatcher(service.refresh_paths)
    watcher.start(root)   # -> WatchMode; blocking while it sets up watches: call it off the GUI thread
    watcher.stop()
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_OPENED,
    DirModifiedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.services.library.folders import is_disc_folder, is_ignored
from rmab_desktop.services.library.service import LibraryService
from rmab_desktop.settings import LibrarySettings

log = logging.getLogger(__name__)

QUIET_SECONDS = 1.5
MOUNTS = Path("/proc/mounts")
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ceph", "glusterfs", "lustre", "9p",
        "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.smbnetfs",
    }
)  # fmt: skip
_IGNORED_EVENTS = frozenset({EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE})


class WatchMode(StrEnum):
    OFF = "off"  # turned off, or no library folder
    EVENTS = "events"  # change events rescan the books they touch
    SCHEDULE = "schedule"  # no events here (network share, observer failed): scheduled refresh only


def watched_folder(library: LibraryService, settings: LibrarySettings) -> str | None:
    """The folder to watch: the folder backend's library folder, unless watching is turned off."""
    if not settings.watch or not settings.root:
        return None
    return settings.root if library.backend_config().kind == LibraryBackendKind.FOLDER else None


def filesystem_type(path: str, mounts: Path = MOUNTS) -> str | None:
    """The file system type of the mount holding ``path`` (Linux), else None."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    real = os.path.realpath(path)
    best, kind = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def scan_group(root: str, path: str, is_directory: bool) -> str | None:
    """The folder (or root-level file) a scan must look at for a change at ``path``; None when
    the walk ignores the path (hidden, ``@eaDir``, partial downloads) or it is the root itself."""
    rel = os.path.relpath(path, root)
    if rel == os.curdir or rel.startswith(os.pardir):
        return None
    parts = rel.split(os.sep)
    if any(is_ignored(part) for part in parts):
        return None
    folders = parts if is_directory else parts[:-1]
    if not folders:
        return path  # a root-level file is a book of its own
    for index, part in enumerate(folders):
        if is_disc_folder(part):  # a disc folder's files belong to its parent's book
            folders = folders[:index]
            break
    return os.path.join(root, *folders) if folders else root


def existing_targets(root: str, groups: Iterable[str]) -> list[str]:
    """Scan targets for settled groups: the nearest folder still there (a removed book's parent),
    without targets inside another target. A removed top-level folder or root-level file stays
    itself: the scan of a missing path forgets what was under it, with no walk of the root."""
    targets = set()
    for group in groups:
        target = group
        while target != root and os.path.dirname(target) != root and not os.path.isdir(target):
            target = os.path.dirname(target)
        targets.add(target)
    ordered = sorted(targets)
    return [t for t in ordered if not any(t.startswith(o.rstrip(os.sep) + os.sep) for o in ordered if o != t)]


class _Collector(FileSystemEventHandler):
    """Observer thread: note which group changed when; the flusher thread decides when to scan."""

    def __init__(self, watcher: LibraryWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS or isinstance(event, DirModifiedEvent):
            return  # a folder's own "modified" repeats what its entries' events say
        paths = [event.src_path, getattr(event, "dest_path", "")]
        self.watcher.note([os.fsdecode(p) for p in paths if p], event.is_directory)


class LibraryWatcher:
    """Watches one library folder; ``refresh(targets)`` rescans the given folders."""

    def __init__(
        self,
        refresh: Callable[[list[str]], Any],
        *,
        quiet: float = QUIET_SECONDS,
        mounts: Path = MOUNTS,
        observer_factory: Callable[[], Any] = Observer,
    ) -> None:
        self.refresh = refresh
        self.quiet = quiet
        self.mounts = mounts
        self.observer_factory = observer_factory
        self.mode = WatchMode.OFF
        self.root: str | None = None
        self._observer: Any = None
        self._flusher: threading.Thread | None = None
        self._changed = threading.Condition()
        self._pending: dict[str, float] = {}  # group -> time of its last event
        self._stopping = False

    def start(self, root: str | None) -> WatchMode:
        """(Re)start watching ``root`` (None: stay off); returns how the library is kept current."""
        self.stop()
        if not root or not os.path.isdir(root):
            return self.mode
        self.root = os.path.abspath(root)
        kind = filesystem_type(self.root, self.mounts)
        if kind in NETWORK_FILESYSTEMS:
            log.info(
                "Library folder %s is on %s: no change events there, the scheduled refresh keeps it",
                root,
                kind,
            )
            self.mode = WatchMode.SCHEDULE
            return self.mode
        observer = self.observer_factory()
        try:
            observer.schedule(_Collector(self), self.root, recursive=True)
            observer.start()
        except (OSError, RuntimeError) as exc:  # e.g. ENOSPC: the inotify watch limit
            log.warning("Cannot watch %s for changes (%s); the scheduled refresh keeps it current", root, exc)
            self.mode = WatchMode.SCHEDULE
            return self.mode
        self._observer, self._stopping = observer, False
        self._flusher = threading.Thread(target=self._run, name="library-watcher", daemon=True)
        self._flusher.start()
        self.mode = WatchMode.EVENTS
        log.info("Watching library folder %s for changes", root)
        return self.mode

    def stop(self) -> None:
        observer, flusher = self._observer, self._flusher
        self._observer = self._flusher = None
        with self._changed:
            self._stopping = True
            self._pending.clear()
            self._changed.notify_all()
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
        if flusher is not None and flusher is not threading.current_thread():
            flusher.join(timeout=30)
        self.mode = WatchMode.OFF

    def note(self, paths: list[str], is_directory: bool) -> None:
        root = self.root
        if root is None:
            return
        now = time.monotonic()
        groups = {g for p in paths if (g := scan_group(root, p, is_directory))}
        if groups:
            with self._changed:
                for group in groups:
                    self._pending[group] = now
                self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                settled = self._wait_for_settled()
                if settled is None:
                    return
            root = self.root
            if root is None:
                return
            targets = existing_targets(root, settled)
            try:
                self.refresh(targets)
            except Exception:  # a failed refresh must not end the watching; the next change retries
                log.exception("Refreshing the library after a change failed")

    def _wait_for_settled(self) -> list[str] | None:
        """Under the lock: block until some group has been quiet for ``quiet`` seconds."""
        while not self._stopping:
            if not self._pending:
                self._changed.wait()
                continue
            now = time.monotonic()
            busy = [g for g, last in self._pending.items() if now - last < self.quiet]
            settled = [
                g
                for g in self._pending
                if g not in busy
                and not any(b.startswith(g + os.sep) for b in busy)  # e.g. a book being copied
            ]
            if settled:
                for group in settled:
                    del self._pending[group]
                return settled
            self._changed.wait(min(self._pending.values()) + self.quiet - now + 0.05)
        return None
