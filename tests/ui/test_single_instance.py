"""A second launch activates the first instance (same profile) and a different profile runs alone."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.ui.single_instance import (
    SingleInstance,
    claim_or_activate,
    notify_running_instance,
    server_name,
)


def test_second_launch_activates_the_first(qtbot, tmp_path: Path):
    first = claim_or_activate(tmp_path / "profile-a")
    assert first is not None
    try:
        activated = []
        first.activateRequested.connect(lambda: activated.append(True))
        name = server_name(tmp_path / "profile-a")
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(2000)
        socket.write(b"activate\n")
        socket.flush()
        qtbot.waitUntil(lambda: activated == [True], timeout=30_000)
        qtbot.waitUntil(lambda: socket.bytesAvailable() > 0, timeout=30_000)
        assert bytes(socket.readAll().data()).startswith(b"ok")
        socket.disconnectFromServer()
    finally:
        first.close()


def test_other_profile_is_independent(qtbot, tmp_path: Path):
    first = claim_or_activate(tmp_path / "a")
    try:
        assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
        assert not notify_running_instance(server_name(tmp_path / "b"))
        second = claim_or_activate(tmp_path / "b")
        assert isinstance(second, SingleInstance)
        second.close()
    finally:
        first.close()


def test_stale_server_name_is_reclaimed(qtbot, tmp_path: Path):
    name = server_name(tmp_path / "stale")
    guard = SingleInstance(name)
    assert guard.listen()
    guard.close()
    again = SingleInstance(name)
    assert again.listen()
    again.close()
