"""One app per profile: a second launch asks the first to come to the front, then exits.

The server name is derived from the profile (data) folder, so two profiles can run side by side.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from rmab_desktop import APP_SLUG

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
TIMEOUT_MS = 1500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return f"{APP_SLUG}-{user}-{digest}"


def notify_running_instance(name: str) -> bool:
    """True when another instance answered and was asked to activate."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.waitForReadyRead(TIMEOUT_MS)  # the first instance acknowledges
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for "activate" messages from later launches."""

    activateRequested = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self._sockets: list[QLocalSocket] = []

    def listen(self) -> bool:
        """Start listening; a stale socket file left by a crashed instance is removed first."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("Single-instance server failed: %s", self.server.errorString())
        return ok

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(self._on_disconnected)

    def _on_ready(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        data = bytes(socket.readAll().data())
        if ACTIVATE.strip() in data:
            socket.write(b"ok\n")
            socket.flush()
            self.activateRequested.emit()

    def _on_disconnected(self) -> None:
        socket = self.sender()
        if socket in self._sockets:
            self._sockets.remove(socket)
            socket.deleteLater()

    def close(self) -> None:
        for socket in self._sockets:
            socket.readyRead.disconnect(self._on_ready)
            socket.disconnected.disconnect(self._on_disconnected)
            socket.abort()
        self._sockets.clear()
        self.server.close()


def claim_or_activate(data_dir: Path) -> SingleInstance | None:
    """The listening guard when this is the first instance; None after activating the first one."""
    name = server_name(data_dir)
    if notify_running_instance(name):
        return None
    guard = SingleInstance(name)
    guard.listen()
    return guard
