"""Real OS notifications, with or without a tray icon.

- Linux: ``org.freedesktop.Notifications.Notify`` on the session bus. Sent with jeepney from one
  worker thread: PySide6's QtDBus cannot marshal Notify's ``u``/``as`` arguments from Python
  (it sends ``sisssava{sv}i``, which every daemon rejects) and ``QSystemTrayIcon.showMessage``
  does nothing without a StatusNotifier tray. The ``desktop-entry`` hint maps the popup to our
  .desktop file and icon.
- Windows and macOS: ``QSystemTrayIcon.showMessage`` (a Windows toast / macOS notification), from
  the app's tray icon or, when there is none, a temporary icon of our own.
- Anything else, or when the OS refuses: the fallback presenter (tray balloon or in-app toast).

Not desktop-notifier: in a frozen app it is not reliable on all three OSes. On macOS it needs a
signed app bundle and, outside one, uses a do-nothing backend that reports success (our fallback
would never run); on Windows it needs six winrt packages (not frozen or tested by our spec) and
registers an AppUserModelId in the registry; everywhere it wants an asyncio event loop beside
Qt's. Qt's tray message needs nothing the frozen app does not already ship, and Linux needs only
the one D-Bus call below.

:class:`OsNotifications.present` has the notifier presenter signature ``(title, message, level)``
and runs on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from rmab_desktop import APP_ID, APP_NAME
from rmab_desktop.ui import icons

if TYPE_CHECKING:
    from jeepney.io.blocking import DBusConnection

log = logging.getLogger(__name__)

Presenter = Callable[[str, str, str], None]
URGENCY = {"info": 1, "success": 1, "warning": 1, "error": 2}  # low 0, normal 1, critical 2
RETRY_AFTER_FAILURES_S = 300.0


class NotificationBackend(Protocol):
    name: str

    def available(self) -> bool: ...

    def send(self, title: str, message: str, level: str, on_failure: Callable[[BaseException], None]) -> None:
        """Show the notification; may complete later and then report a failure through ``on_failure``."""
        ...

    def close(self) -> None: ...


def session_bus_configured(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    address = environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return not address.startswith("disabled:")
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and Path(runtime, "bus").exists()


class FreedesktopNotifications:
    """The freedesktop Desktop Notifications spec over the session bus, off the GUI thread."""

    name = "freedesktop"

    def __init__(self, icon: str | None = None) -> None:
        self.icon = icon if icon is not None else str(icons.icon_path("app"))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="os-notify")
        self._connection: DBusConnection | None = None  # used only on the pool thread

    def available(self) -> bool:
        return sys.platform.startswith("linux") and session_bus_configured()

    def send(self, title: str, message: str, level: str, on_failure: Callable[[BaseException], None]) -> None:
        future = self._pool.submit(self._notify, title, message, level)

        def done(result: Future[int]) -> None:
            error = result.exception()
            if error is not None:
                on_failure(error)

        future.add_done_callback(done)

    def _notify(self, title: str, message: str, level: str) -> int:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        address = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.Notifications",
        )
        hints = {"urgency": ("y", URGENCY.get(level, 1)), "desktop-entry": ("s", APP_ID)}
        call = new_method_call(
            address, "Notify", "susssasa{sv}i", (APP_NAME, 0, self.icon, title, message, [], hints, -1)
        )
        for attempt in (1, 2):  # a daemon or bus restart drops our connection: reconnect once
            if self._connection is None:
                self._connection = open_dbus_connection(bus="SESSION")
            try:
                return int(self._connection.send_and_get_reply(call, timeout=5).body[0])
            except (OSError, ConnectionError):
                self._drop_connection()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _drop_connection(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None

    def close(self) -> None:
        self._pool.submit(self._drop_connection)
        self._pool.shutdown(wait=True, cancel_futures=True)


class TrayMessageNotifications:
    """``QSystemTrayIcon.showMessage``: native on Windows and macOS; needs a visible icon."""

    name = "tray-message"
    ICON_LINGER_MS = 15_000

    def __init__(self, tray_icon: QSystemTrayIcon | None = None) -> None:
        self.tray_icon = tray_icon
        self._own_icon: QSystemTrayIcon | None = None
        self._hide_timer: QTimer | None = None

    def available(self) -> bool:
        return sys.platform in ("win32", "darwin") and QSystemTrayIcon.isSystemTrayAvailable()

    def _icon(self) -> QSystemTrayIcon:
        if self.tray_icon is not None and self.tray_icon.isVisible():
            return self.tray_icon
        if self._own_icon is None:
            self._own_icon = QSystemTrayIcon(icons.app_icon())
            self._own_icon.setToolTip(APP_NAME)
            self._hide_timer = QTimer(singleShot=True, interval=self.ICON_LINGER_MS)
            self._hide_timer.timeout.connect(self._own_icon.hide)
        self._own_icon.show()
        assert self._hide_timer is not None
        self._hide_timer.start()
        return self._own_icon

    def send(self, title: str, message: str, level: str, on_failure: Callable[[BaseException], None]) -> None:
        kinds = {
            "warning": QSystemTrayIcon.MessageIcon.Warning,
            "error": QSystemTrayIcon.MessageIcon.Critical,
        }
        self._icon().showMessage(
            title, message, kinds.get(level, QSystemTrayIcon.MessageIcon.Information), 8000
        )

    def close(self) -> None:
        if self._own_icon is not None:
            self._own_icon.hide()


def default_backend(
    tray_icon: QSystemTrayIcon | None = None, platform: str | None = None
) -> NotificationBackend | None:
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return FreedesktopNotifications()
    if platform in ("win32", "darwin"):
        return TrayMessageNotifications(tray_icon)
    return None


class OsNotifications(QObject):
    """Presenter: the OS notification first, the fallback presenter when that is impossible or fails.

    After a failure the backend rests for a few minutes (no daemon now usually means none for a
    while) and notifications go straight to the fallback.
    """

    _backend_failed = Signal(str, str, str, str)

    def __init__(
        self,
        fallback: Presenter | None = None,
        *,
        backend: NotificationBackend | None = None,
        enabled: Callable[[], bool] = lambda: True,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        import time

        self.fallback = fallback
        self.backend = backend if backend is not None else default_backend()
        self.enabled = enabled
        self._clock = clock or time.monotonic
        self._resting_until = 0.0
        self.sent_natively = 0
        self._backend_failed.connect(self._on_backend_failed, Qt.ConnectionType.QueuedConnection)

    def present(self, title: str, message: str, level: str = "info") -> None:
        if not self.enabled():
            return
        backend = self.backend
        if backend is None or self._clock() < self._resting_until or not backend.available():
            self._fall_back(title, message, level)
            return
        self.sent_natively += 1
        backend.send(
            title,
            message,
            level,
            lambda error: self._backend_failed.emit(
                title, message, level, f"{type(error).__name__}: {error}"
            ),
        )

    @Slot(str, str, str, str)
    def _on_backend_failed(self, title: str, message: str, level: str, error: str) -> None:
        name = self.backend.name if self.backend else "?"
        log.info("OS notification via %s failed (%s); showing it in the app instead", name, error)
        self._resting_until = self._clock() + RETRY_AFTER_FAILURES_S
        self._fall_back(title, message, level)

    def _fall_back(self, title: str, message: str, level: str) -> None:
        if self.fallback is not None:
            self.fallback(title, message, level)

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()
