"""Keep the computer from sleeping while downloads or imports run (an optional preference).

Per OS: Linux asks logind for a ``sleep:idle`` block (``org.freedesktop.login1`` Inhibit over the
system bus, the lock is a file descriptor we hold), else the desktop's
``org.freedesktop.ScreenSaver`` Inhibit on the session bus (cookie, tied to our connection), else
runs ``systemd-inhibit``; macOS runs ``caffeinate -i -w <our pid>``; Windows calls
``SetThreadExecutionState`` (per thread: call :meth:`KeepAwake.set_busy` from one long-lived
thread, the GUI thread). Helper processes watch our PID, so a crash never leaves a block behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import func, or_, select

from rmab_desktop import APP_NAME
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models.jobs import JobRecord
from rmab_desktop.db.models.requests import Request
from rmab_desktop.domain.enums import JobStatus, RequestStatus

log = logging.getLogger(__name__)

BUSY_REQUEST_STATUSES = (RequestStatus.DOWNLOADING, RequestStatus.DOWNLOADED, RequestStatus.PROCESSING)


class Inhibition(Protocol):
    def release(self) -> None: ...


class Inhibitor(Protocol):
    name: str

    def acquire(self, reason: str) -> Inhibition:
        """Block sleep until ``release()``; raises ``OSError`` (or a D-Bus error) when unavailable."""
        ...


# ------------------------------------------------------------------------------- helper process
class _ProcessInhibition:
    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class CommandInhibitor:
    """Holds a block as long as a helper process runs (``caffeinate``, ``systemd-inhibit``)."""

    def __init__(self, name: str, command: Callable[[str], Sequence[str]]) -> None:
        self.name = name
        self.command = command

    def acquire(self, reason: str) -> Inhibition:
        process = subprocess.Popen(
            list(self.command(reason)),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            code = process.wait(timeout=0.3)  # a refusal (no logind, polkit) ends at once
        except subprocess.TimeoutExpired:
            return _ProcessInhibition(process)
        raise OSError(f"{self.name} exited with status {code}")


def caffeinate_command(reason: str, pid: int | None = None) -> list[str]:
    return ["caffeinate", "-i", "-w", str(pid or os.getpid())]


def systemd_inhibit_command(reason: str, pid: int | None = None) -> list[str]:
    return [
        "systemd-inhibit",
        "--what=sleep:idle",
        f"--who={APP_NAME}",
        f"--why={reason}",
        "--mode=block",
        "tail",
        f"--pid={pid or os.getpid()}",
        "-f",
        "/dev/null",
    ]


# ------------------------------------------------------------------------------- D-Bus (Linux)
class _DBusInhibition:
    def __init__(self, connection, on_release: Callable[[], None]) -> None:  # type: ignore[no-untyped-def]
        self.connection = connection
        self.on_release = on_release

    def release(self) -> None:
        try:
            self.on_release()
        finally:
            self.connection.close()


class Login1Inhibitor:
    """``org.freedesktop.login1.Manager.Inhibit``: the block lasts while we hold the returned fd."""

    name = "logind"

    def acquire(self, reason: str) -> Inhibition:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        manager = DBusAddress(
            "/org/freedesktop/login1",
            bus_name="org.freedesktop.login1",
            interface="org.freedesktop.login1.Manager",
        )
        conn = open_dbus_connection(bus="SYSTEM", enable_fds=True)
        try:
            reply = conn.send_and_get_reply(
                new_method_call(manager, "Inhibit", "ssss", ("sleep:idle", APP_NAME, reason, "block")),
                timeout=3,
            )
            lock = reply.body[0].to_file("rb")
        except BaseException:
            conn.close()
            raise
        return _DBusInhibition(conn, lock.close)


class ScreenSaverInhibitor:
    """``org.freedesktop.ScreenSaver.Inhibit`` (GNOME, KDE, XFCE...): released with UnInhibit."""

    name = "screensaver"

    def acquire(self, reason: str) -> Inhibition:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        saver = DBusAddress(
            "/org/freedesktop/ScreenSaver",
            bus_name="org.freedesktop.ScreenSaver",
            interface="org.freedesktop.ScreenSaver",
        )
        conn = open_dbus_connection(bus="SESSION")
        try:
            reply = conn.send_and_get_reply(
                new_method_call(saver, "Inhibit", "ss", (APP_NAME, reason)), timeout=3
            )
            cookie = int(reply.body[0])
        except BaseException:
            conn.close()
            raise

        def uninhibit() -> None:
            conn.send_and_get_reply(new_method_call(saver, "UnInhibit", "u", (cookie,)), timeout=3)

        return _DBusInhibition(conn, uninhibit)


# ------------------------------------------------------------------------------- Windows
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001


class WindowsExecutionState:
    name = "SetThreadExecutionState"

    def __init__(self, call: Callable[[int], int] | None = None) -> None:
        self._call = call

    def _set(self, flags: int) -> None:
        call = self._call
        if call is None:
            import ctypes

            call = ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined]
        if not call(flags):
            raise OSError("SetThreadExecutionState failed")

    def acquire(self, reason: str) -> Inhibition:
        self._set(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)
        inhibitor = self

        class _Held:
            def release(self) -> None:
                inhibitor._set(ES_CONTINUOUS)

        return _Held()


def inhibitors_for(
    platform: str | None = None, which: Callable[[str], str | None] = shutil.which
) -> list[Inhibitor]:
    """The ways to block sleep on ``platform``, best first (tried in order at acquire time)."""
    platform = platform or sys.platform
    if platform == "win32":
        return [WindowsExecutionState()]
    if platform == "darwin":
        return [CommandInhibitor("caffeinate", caffeinate_command)] if which("caffeinate") else []
    found: list[Inhibitor] = [Login1Inhibitor(), ScreenSaverInhibitor()]
    if which("systemd-inhibit") and which("tail"):
        found.append(CommandInhibitor("systemd-inhibit", systemd_inhibit_command))
    return found


class KeepAwake:
    """Holds at most one block; ``set_busy`` is idempotent, thread-safe and never raises."""

    def __init__(self, inhibitors: Sequence[Inhibitor] | None = None) -> None:
        self.inhibitors = list(inhibitors_for() if inhibitors is None else inhibitors)
        self._held: Inhibition | None = None
        self.active_method: str | None = None
        self._lock = threading.Lock()

    @property
    def held(self) -> bool:
        return self._held is not None

    def set_busy(self, busy: bool, reason: str = "Downloading and importing audiobooks") -> None:
        with self._lock:
            self._set_busy(busy, reason)

    def _set_busy(self, busy: bool, reason: str) -> None:
        if busy and self._held is None:
            for inhibitor in self.inhibitors:
                try:
                    self._held = inhibitor.acquire(reason)
                except Exception as exc:  # unavailable here: try the next way
                    log.debug("Keep awake via %s unavailable: %s", inhibitor.name, exc)
                    continue
                self.active_method = inhibitor.name
                log.info("Keeping the computer awake (%s): %s", inhibitor.name, reason)
                return
            log.info("Cannot keep the computer awake: no way to block sleep on this system")
        elif not busy and self._held is not None:
            held, self._held, self.active_method = self._held, None, None
            try:
                held.release()
            except Exception as exc:
                log.warning("Releasing the sleep block failed: %s", exc)
            log.info("The computer may sleep again")


def work_in_progress(database: Database) -> bool:
    """True while a job runs or a request is downloading or being imported (a short query)."""
    with database.session() as session:
        active_jobs = select(func.count()).select_from(JobRecord).where(JobRecord.status == JobStatus.ACTIVE)
        busy_requests = (
            select(func.count())
            .select_from(Request)
            .where(or_(*(Request.status == status for status in BUSY_REQUEST_STATUSES)))
        )
        return bool(session.scalar(active_jobs)) or bool(session.scalar(busy_requests))
