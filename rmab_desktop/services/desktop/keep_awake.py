"""Keep the computer from sleeping while downloads or imports run (an optional preference).

On Linux we first ask logind for a ``sleep:idle`` block (``org.freedesktop.login1`` Inhibit over
the system bus, the lock is a file descriptor we hold; ``systemd-inhibit --list`` shows our name
and reason). Everywhere else, and on Linux without logind, wakepy's ``keep.running`` mode does it:
Windows ``SetThreadExecutionState`` (from wakepy's own thread), macOS ``caffeinate`` watching our
PID, Linux the desktop's session manager over the session bus (``org.gnome.SessionManager``,
``org.freedesktop.PowerManagement``). Every block ends with our process, so a crash leaves none.
wakepy is imported on first use (not at start-up).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, BinaryIO, Protocol, TypeVar

from sqlalchemy import func, or_, select

from rmab_desktop import APP_NAME
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models.jobs import JobRecord
from rmab_desktop.db.models.requests import Request
from rmab_desktop.domain.enums import JobStatus, RequestStatus

if TYPE_CHECKING:
    from jeepney.io.blocking import DBusConnection
    from wakepy import Mode

log = logging.getLogger(__name__)

BUSY_REQUEST_STATUSES = (RequestStatus.DOWNLOADING, RequestStatus.DOWNLOADED, RequestStatus.PROCESSING)


class Inhibition(Protocol):
    def release(self) -> None: ...


class Inhibitor(Protocol):
    name: str

    def acquire(self, reason: str) -> Inhibition:
        """Block sleep until ``release()``; raises ``OSError`` (or a D-Bus error) when unavailable."""
        ...


# ------------------------------------------------------------------------------- logind (Linux)
class _LogindBlock:
    def __init__(self, connection: DBusConnection, lock: BinaryIO) -> None:
        self.connection, self.lock = connection, lock

    def release(self) -> None:
        try:
            self.lock.close()  # logind drops the block when the last copy of its fd closes
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
        return _LogindBlock(conn, lock)


# ------------------------------------------------------------------------------- wakepy
T = TypeVar("T")


class _WakepyInhibition:
    def __init__(self, inhibitor: WakepyInhibitor, mode: Mode) -> None:
        self.inhibitor, self.mode = inhibitor, mode

    def release(self) -> None:
        self.inhibitor.on_own_thread(lambda: self.mode.__exit__(None, None, None))


class WakepyInhibitor:
    """wakepy's ``keep.running`` mode. A wakepy mode belongs to the thread that entered it, so
    entering and leaving both run on one worker thread of ours, whichever thread asks."""

    name = "wakepy"

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-awake")

    def on_own_thread(self, call: Callable[[], T]) -> T:
        return self._thread.submit(call).result()

    def acquire(self, reason: str) -> Inhibition:
        def enter() -> Mode:
            from wakepy import keep

            mode = keep.running(on_fail="pass")
            mode.__enter__()
            if not mode.active:
                mode.__exit__(None, None, None)
                raise OSError(mode.result.get_failure_text(style="inline"))
            return mode

        mode = self.on_own_thread(enter)
        log.debug("wakepy holds the block with %s", mode.active_method)
        return _WakepyInhibition(self, mode)


def inhibitors_for(platform: str | None = None) -> list[Inhibitor]:
    """The ways to block sleep on ``platform``, best first (tried in order at acquire time)."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return [Login1Inhibitor(), WakepyInhibitor()]
    return [WakepyInhibitor()]


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
