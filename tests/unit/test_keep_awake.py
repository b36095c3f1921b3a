"""Keep-awake: which way each OS blocks sleep, logind and wakepy against fake services on private
buses, the hold/release state machine, the busy query."""

from __future__ import annotations

import sys
import threading
import warnings
from collections.abc import Iterator

import pytest

from rmab_desktop import APP_NAME
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models.catalog import Audiobook
from rmab_desktop.db.models.jobs import JobRecord
from rmab_desktop.db.models.requests import Request
from rmab_desktop.services.desktop.keep_awake import (
    KeepAwake,
    Login1Inhibitor,
    WakepyInhibitor,
    inhibitors_for,
    work_in_progress,
)
from tests.private_dbus import LineReader, child_env, private_bus, start_fake

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus services are Linux")
GNOME_INHIBIT_SUSPEND = 4


def test_linux_asks_logind_first_then_wakepy_and_other_oses_wakepy() -> None:
    assert [type(i) for i in inhibitors_for("linux")] == [Login1Inhibitor, WakepyInhibitor]
    assert [type(i) for i in inhibitors_for("darwin")] == [WakepyInhibitor]
    assert [type(i) for i in inhibitors_for("win32")] == [WakepyInhibitor]


@pytest.fixture
def buses(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A private session bus and a private "system" bus, set in this process's environment."""
    with private_bus() as session, private_bus() as system:
        addresses = {"DBUS_SESSION_BUS_ADDRESS": session, "DBUS_SYSTEM_BUS_ADDRESS": system}
        for name, address in addresses.items():
            monkeypatch.setenv(name, address)
        yield child_env(**addresses)


@pytest.fixture
def gnome_session(buses: dict[str, str]) -> Iterator[LineReader]:
    reader = start_fake("tests.fakes.sleep_inhibitors", "gnome", env=buses)
    yield reader
    reader.stop()


@pytest.fixture
def logind(buses: dict[str, str]) -> Iterator[LineReader]:
    reader = start_fake("tests.fakes.sleep_inhibitors", "logind", env=buses)
    yield reader
    reader.stop()


@linux_only
def test_logind_block_is_held_by_our_fd_until_release(logind: LineReader) -> None:
    held = Login1Inhibitor().acquire("Importing Dune")
    logind.wait_for(lambda records: any("inhibit" in r for r in records))
    inhibit = next(r for r in logind.records() if "inhibit" in r)
    assert inhibit["inhibit"] == ["sleep:idle", APP_NAME, "Importing Dune", "block"]
    assert not any("released" in r for r in logind.records())
    held.release()
    logind.wait_for(lambda records: {"released": 1} in records)


@linux_only
def test_wakepy_inhibits_suspend_through_the_gnome_session_manager(gnome_session: LineReader) -> None:
    inhibitor = WakepyInhibitor()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        held = inhibitor.acquire("Downloading")
        # the fake prints the call from its own process: wait for the line, not just read it
        gnome_session.wait_for(lambda records: any("inhibit" in r for r in records))
        inhibit = next(r for r in gnome_session.records() if "inhibit" in r)
        assert inhibit["inhibit"][3] == GNOME_INHIBIT_SUSPEND  # keep running, not keep the screen on
        # Released from another thread than the one that asked: still wakepy's own thread inside.
        releaser = threading.Thread(target=held.release)
        releaser.start()
        releaser.join(10)
        gnome_session.wait_for(lambda records: {"uninhibit": inhibit["cookie"]} in records)
    assert [str(w.message) for w in caught] == []


@linux_only
def test_keep_awake_falls_back_to_wakepy_without_logind(gnome_session: LineReader) -> None:
    keep = KeepAwake(inhibitors_for("linux"))  # the private system bus has no login1
    keep.set_busy(True, "why")
    assert keep.held and keep.active_method == "wakepy"
    keep.set_busy(False)
    gnome_session.wait_for(lambda records: any("uninhibit" in r for r in records))
    assert not keep.held


@linux_only
def test_keep_awake_prefers_logind(logind: LineReader, gnome_session: LineReader) -> None:
    keep = KeepAwake(inhibitors_for("linux"))
    keep.set_busy(True, "why")
    assert keep.active_method == "logind"
    keep.set_busy(False)
    logind.wait_for(lambda records: {"released": 1} in records)
    assert not any("inhibit" in r for r in gnome_session.records())


@linux_only
def test_no_service_on_either_bus_means_no_block(buses: dict[str, str]) -> None:
    keep = KeepAwake(inhibitors_for("linux"))
    keep.set_busy(True)
    assert not keep.held


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
    keep = KeepAwake(inhibitors_for("linux"))
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
        session.add(JobRecord(type="requests.organize", payload={}, status="active"))
    assert work_in_progress(database)
    with database.session() as session:
        session.query(JobRecord).delete()
        session.add(Request(audiobook_id=book_id, status="downloading"))
    assert work_in_progress(database)
