"""Keep-awake: which way each OS blocks sleep, the hold/release state machine, the busy query."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models.catalog import Audiobook
from rmab_desktop.db.models.jobs import JobRecord
from rmab_desktop.db.models.requests import Request
from rmab_desktop.services.desktop.keep_awake import (
    ES_CONTINUOUS,
    ES_SYSTEM_REQUIRED,
    CommandInhibitor,
    KeepAwake,
    Login1Inhibitor,
    ScreenSaverInhibitor,
    WindowsExecutionState,
    caffeinate_command,
    inhibitors_for,
    systemd_inhibit_command,
    work_in_progress,
)


def _which(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_linux_prefers_logind_then_screensaver_then_systemd_inhibit() -> None:
    found = inhibitors_for("linux", _which("systemd-inhibit", "tail"))
    assert [type(i) for i in found] == [Login1Inhibitor, ScreenSaverInhibitor, CommandInhibitor]
    assert found[2].name == "systemd-inhibit"
    assert [i.name for i in inhibitors_for("linux", _which())] == ["logind", "screensaver"]


def test_macos_uses_caffeinate_and_windows_the_execution_state() -> None:
    assert [i.name for i in inhibitors_for("darwin", _which("caffeinate"))] == ["caffeinate"]
    assert inhibitors_for("darwin", _which()) == []
    assert [type(i) for i in inhibitors_for("win32", _which())] == [WindowsExecutionState]


def test_helper_commands_watch_our_pid() -> None:
    assert caffeinate_command("x", pid=42) == ["caffeinate", "-i", "-w", "42"]
    command = systemd_inhibit_command("Importing", pid=42)
    assert command[:2] == ["systemd-inhibit", "--what=sleep:idle"]
    assert "--why=Importing" in command and "--mode=block" in command
    assert command[-4:] == ["tail", "--pid=42", "-f", "/dev/null"]


def test_windows_flags_set_and_cleared() -> None:
    calls: list[int] = []
    inhibitor = WindowsExecutionState(call=lambda flags: calls.append(flags) or 1)
    held = inhibitor.acquire("x")
    held.release()
    assert calls == [ES_CONTINUOUS | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]


def test_command_inhibitor_runs_until_released() -> None:
    inhibitor = CommandInhibitor(
        "sleeper", lambda reason: [sys.executable, "-c", "import time; time.sleep(30)"]
    )
    held = inhibitor.acquire("test")
    process = held.process  # type: ignore[attr-defined]
    assert process.poll() is None
    held.release()
    assert process.returncode is not None


def test_command_inhibitor_that_exits_at_once_is_unavailable() -> None:
    with pytest.raises(OSError, match="exited with status 3"):
        CommandInhibitor("refused", lambda reason: [sys.executable, "-c", "raise SystemExit(3)"]).acquire("x")


class Unavailable:
    name = "broken"

    def acquire(self, reason: str):
        raise OSError("no bus")


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.events: list[str] = []

    def acquire(self, reason: str):
        self.events.append(f"acquire:{reason}")
        events = self.events

        class Held:
            def release(self) -> None:
                events.append("release")

        return Held()


def test_keep_awake_falls_through_and_is_idempotent() -> None:
    recording = Recording()
    keep = KeepAwake([Unavailable(), recording])
    keep.set_busy(True, "why")
    keep.set_busy(True, "why")
    assert keep.held and keep.active_method == "recording"
    keep.set_busy(False)
    keep.set_busy(False)
    assert recording.events == ["acquire:why", "release"]
    assert not keep.held and keep.active_method is None


def test_keep_awake_without_any_way_does_not_raise() -> None:
    keep = KeepAwake([Unavailable()])
    keep.set_busy(True)
    assert not keep.held


def test_real_linux_inhibitors_fail_cleanly_without_a_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("D-Bus inhibitors are Linux only")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/system_bus")
    keep = KeepAwake([Login1Inhibitor(), ScreenSaverInhibitor()])
    keep.set_busy(True)
    assert not keep.held


def test_work_in_progress_sees_active_jobs_and_busy_requests(database: Database) -> None:
    assert not work_in_progress(database)
    with database.session() as session:
        book = Audiobook(title="Project Hail Mary")
        session.add(book)
        session.flush()
        session.add(JobRecord(type="maintenance.vacuum", payload={}, status="done"))
        session.add(Request(audiobook_id=book.id, status="available"))
        book_id = book.id
    assert not work_in_progress(database)
    with database.session() as session:
        session.add(JobRecord(type="request.organize", payload={}, status="active"))
    assert work_in_progress(database)
    with database.session() as session:
        session.query(JobRecord).delete()
        session.add(Request(audiobook_id=book_id, status="downloading"))
    assert work_in_progress(database)


def test_systemd_inhibit_really_blocks_when_logind_runs() -> None:
    """On a machine with logind (not in containers) the real command holds a block."""
    if not _logind_answers():
        pytest.skip("no reachable systemd-logind here (container); covered by the fakes above")
    inhibitor = CommandInhibitor("systemd-inhibit", systemd_inhibit_command)
    held = inhibitor.acquire("rmab test")
    listing = subprocess.run(["systemd-inhibit", "--list"], capture_output=True, text=True).stdout
    held.release()
    assert "rmab test" in listing


def _logind_answers() -> bool:
    import shutil

    if not shutil.which("systemd-inhibit"):
        return False
    return subprocess.run(["systemd-inhibit", "--list"], capture_output=True).returncode == 0
