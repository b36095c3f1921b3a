"""Hand files to the desktop: reveal in the file manager, open with the system's player.

Windows selects the item in Explorer, macOS in Finder; on Linux the freedesktop FileManager1
D-Bus service selects it when a file manager offers it, else the folder is opened.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QDir, QProcess, QUrl
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QDesktopServices

FILE_MANAGER_SERVICE = "org.freedesktop.FileManager1"
FILE_MANAGER_PATH = "/org/freedesktop/FileManager1"


def _start(program: str, arguments: list[str]) -> bool:
    ok, _pid = QProcess.startDetached(program, arguments)
    return bool(ok)


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def _show_items_over_dbus(path: str) -> bool:
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    interface = bus.interface()
    registered = interface.isServiceRegistered(FILE_MANAGER_SERVICE) if interface is not None else None
    if registered is None or not registered.value():
        return False
    message = QDBusMessage.createMethodCall(
        FILE_MANAGER_SERVICE, FILE_MANAGER_PATH, FILE_MANAGER_SERVICE, "ShowItems"
    )
    message.setArguments([[QUrl.fromLocalFile(path).toString()], ""])
    return bus.send(message)


def reveal_in_file_manager(path: str, *, is_folder: bool = True, platform: str = sys.platform) -> bool:
    """Show ``path`` (a book folder or file) selected in the file manager; False if impossible.

    No disk access here (the GUI thread may call it): the caller says whether ``path`` is a folder.
    """
    if not path:
        return False
    if platform == "win32":
        return _start("explorer.exe", ["/select,", QDir.toNativeSeparators(path)])
    if platform == "darwin":
        return _start("open", ["-R", path])
    if _show_items_over_dbus(path):
        return True
    folder = path if is_folder else os.path.dirname(path)
    return _open_url(QUrl.fromLocalFile(folder))


def open_with_system_player(path: str) -> bool:
    """Open an audio file (or a folder) with the application the user chose for it."""
    return bool(path) and _open_url(QUrl.fromLocalFile(path))
