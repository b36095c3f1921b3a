"""qBittorrent, Transmission and Deluge clients against the real daemons on loopback."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from rmab_desktop.clients.deluge import DelugeClient
from rmab_desktop.clients.qbittorrent import QBittorrentClient
from rmab_desktop.clients.torrent_file import info_hash, make_torrent
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.errors import AuthenticationError, ServiceUnreachableError
from tests.daemons import Daemon, free_port, wait_until

pytestmark = pytest.mark.daemons

CLIENTS = {"qbittorrent": QBittorrentClient, "transmission": TransmissionClient, "deluge": DelugeClient}


@pytest.fixture(params=sorted(CLIENTS))
def torrent_daemon(request: pytest.FixtureRequest) -> tuple[str, Daemon]:
    return request.param, request.getfixturevalue(f"{request.param}_daemon")


def _client(kind: str, daemon: Daemon, password: str | None = None):  # type: ignore[no-untyped-def]
    return CLIENTS[kind](daemon.url, daemon.username, daemon.password if password is None else password)


def _unique_payload(tmp_path: Path) -> Path:
    folder = tmp_path / f"Book {uuid.uuid4().hex[:8]}"
    folder.mkdir()
    (folder / "part1.mp3").write_bytes(os.urandom(40_000))
    return folder


def test_version_and_default_save_path(torrent_daemon: tuple[str, Daemon]) -> None:
    kind, daemon = torrent_daemon
    client = _client(kind, daemon)
    assert client.version()
    assert Path(client.default_save_path()) == daemon.download_dir


def test_add_existing_data_checks_to_finished_then_remove_keeps_data(
    torrent_daemon: tuple[str, Daemon], tmp_path: Path
) -> None:
    kind, daemon = torrent_daemon
    client = _client(kind, daemon)
    payload = _unique_payload(tmp_path)
    torrent = make_torrent(payload)
    shutil.copytree(payload, daemon.download_dir / payload.name)
    item_id = client.add(
        NewDownload(payload.name, torrent=torrent, category="rmab-test", save_path=str(daemon.download_dir))
    )
    assert item_id == info_hash(torrent)
    item = wait_until(lambda: (i := client.get(item_id)).finished and i, 20, what="finished after check")
    assert item.progress == 1.0
    assert item.category == "rmab-test"
    # qBittorrent names the file of a one-file torrent, Transmission the folder
    assert Path(item.content_path).is_relative_to(daemon.download_dir / payload.name)
    assert item in client.list("rmab-test")
    client.remove(item_id, delete_data=False)
    wait_until(lambda: client.get(item_id).state == DownloadState.MISSING, 10, what="removed")
    assert (daemon.download_dir / payload.name / "part1.mp3").exists()


def test_add_without_peers_is_incomplete_and_remove_with_data(
    torrent_daemon: tuple[str, Daemon], tmp_path: Path
) -> None:
    kind, daemon = torrent_daemon
    client = _client(kind, daemon)
    payload = _unique_payload(tmp_path)
    item_id = client.add(
        NewDownload(payload.name, torrent=make_torrent(payload), save_path=str(daemon.download_dir))
    )
    item = wait_until(
        lambda: (i := client.get(item_id)).state != DownloadState.MISSING and i, 10, what="added"
    )
    assert item.state in (
        DownloadState.DOWNLOADING,
        DownloadState.STALLED,
        DownloadState.CHECKING,
        DownloadState.QUEUED,
    )
    assert item.progress < 1.0
    client.remove(item_id, delete_data=True)
    wait_until(lambda: client.get(item_id).state == DownloadState.MISSING, 10, what="removed")


def test_add_magnet(torrent_daemon: tuple[str, Daemon]) -> None:
    kind, daemon = torrent_daemon
    client = _client(kind, daemon)
    infohash = uuid.uuid4().hex + "abcdef01"
    item_id = client.add(NewDownload("magnet", magnet=f"magnet:?xt=urn:btih:{infohash.upper()}&dn=Some+Book"))
    assert item_id == infohash
    item = wait_until(
        lambda: (i := client.get(item_id)).state != DownloadState.MISSING and i, 10, what="magnet"
    )
    assert not item.finished
    client.remove(item_id, delete_data=True)


def test_wrong_password_is_an_authentication_error(torrent_daemon: tuple[str, Daemon]) -> None:
    kind, daemon = torrent_daemon
    with pytest.raises(AuthenticationError) as caught:
        _client(kind, daemon, password="wrong").version()
    assert "password" in caught.value.user_message
    assert "wrong" not in caught.value.user_message


def test_unreachable_port_is_a_clear_error(torrent_daemon: tuple[str, Daemon]) -> None:
    kind, _daemon = torrent_daemon
    port = free_port()
    url = f"http://127.0.0.1:{port}" + ("/transmission/rpc" if kind == "transmission" else "")
    client = CLIENTS[kind](url, "u", "p", timeout=3)
    with pytest.raises(ServiceUnreachableError) as caught:
        client.version()
    assert str(port) in caught.value.user_message
