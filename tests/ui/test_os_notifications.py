"""OS notifications against a real session D-Bus: a private dbus-daemon, a notification daemon
that checks the Notify signature like dunst/GNOME do, and dbus-monitor watching the bus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop import APP_ID, APP_NAME
from rmab_desktop.ui.os_notifications import FreedesktopNotifications, OsNotifications, session_bus_configured
from tests.private_dbus import LineReader, child_env, private_bus, start_fake

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="freedesktop notifications are Linux"
)


@pytest.fixture(scope="module")
def session_bus() -> Iterator[str]:
    with private_bus() as address:
        yield address


@pytest.fixture
def bus_env(session_bus: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    return child_env(DBUS_SESSION_BUS_ADDRESS=session_bus)


@pytest.fixture
def notify_daemon(bus_env: dict[str, str]) -> Iterator[LineReader]:
    reader = start_fake("tests.fakes.notification_daemon", env=bus_env)
    yield reader
    reader.stop()


@pytest.fixture
def monitor(bus_env: dict[str, str], qtbot) -> Iterator[LineReader]:
    assert shutil.which("dbus-monitor"), "apt package dbus-bin/dbus is required"
    process = subprocess.Popen(
        ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications'"],
        env=bus_env,
        stdout=subprocess.PIPE,
        text=True,
    )
    reader = LineReader(process)
    qtbot.waitUntil(lambda: bool(reader.lines), timeout=30_000)  # it prints its own NameAcquired first
    yield reader
    reader.stop()


def _notifications(reader: LineReader) -> list[dict]:
    return [json.loads(line)["notify"] for line in reader.lines if line.startswith('{"notify"')]


def test_notification_reaches_the_daemon_with_the_right_signature(qtbot, notify_daemon, monitor) -> None:
    fallback: list[tuple[str, str, str]] = []
    backend = FreedesktopNotifications()
    notifications = OsNotifications(lambda *a: fallback.append(a), backend=backend)
    try:
        assert backend.available()
        notifications.present("Download finished", "Project Hail Mary is in your library", "success")
        notifications.present("Import failed", "No audio files in the download", "error")
        qtbot.waitUntil(lambda: len(_notifications(notify_daemon)) == 2, timeout=30_000)
    finally:
        notifications.close()
    first, second = _notifications(notify_daemon)
    assert first["app_name"] == APP_NAME
    assert first["summary"] == "Download finished"
    assert first["body"] == "Project Hail Mary is in your library"
    assert first["hints"] == {"urgency": 1, "desktop-entry": APP_ID}
    assert first["app_icon"].endswith("app.svg") and Path(first["app_icon"]).is_file()
    assert second["hints"]["urgency"] == 2
    assert not any("rejected" in line for line in notify_daemon.lines)
    assert fallback == []
    qtbot.waitUntil(lambda: sum("member=Notify" in line for line in monitor.lines) == 2, timeout=30_000)
    assert any('string "Download finished"' in line for line in monitor.lines)
    assert any("uint32 0" in line for line in monitor.lines)  # replaces_id really is a uint32


def test_no_notification_daemon_falls_back_to_the_app(qtbot, bus_env) -> None:
    fallback: list[tuple[str, str, str]] = []
    notifications = OsNotifications(lambda *a: fallback.append(a), backend=FreedesktopNotifications())
    try:
        notifications.present("Request approved", "Dune is being searched", "info")
        qtbot.waitUntil(
            lambda: fallback == [("Request approved", "Dune is being searched", "info")], timeout=30_000
        )
        # While resting after a failure, the next one goes straight to the app.
        notifications.present("Second", "message", "warning")
        assert fallback[-1] == ("Second", "message", "warning")
        assert notifications.sent_natively == 1
    finally:
        notifications.close()


def test_disabled_bus_and_preference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    assert not session_bus_configured()
    fallback: list[tuple[str, str, str]] = []
    notifications = OsNotifications(lambda *a: fallback.append(a), backend=FreedesktopNotifications())
    notifications.present("t", "m", "info")
    assert fallback == [("t", "m", "info")]
    muted = OsNotifications(
        lambda *a: fallback.append(a), backend=FreedesktopNotifications(), enabled=lambda: False
    )
    muted.present("x", "y", "info")
    assert len(fallback) == 1
    notifications.close()
    muted.close()
