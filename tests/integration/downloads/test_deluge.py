"""Deluge downloads a real torrent from a local seeder: Transmission seeds an ffmpeg-made MP3 and
the real ``deluged`` on loopback fetches it through a loopback tracker; after the import the
download moves to the client's post-import label."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.clients.deluge import DelugeClient
from rmab_desktop.clients.torrent_file import info_hash
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.db.engine import Database
from rmab_desktop.domain.downloads import NewDownload
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.downloads import DownloadClientConfig, DownloadService
from tests.daemons import Daemon, seed_folder, wait_until
from tests.fakes.bt_tracker import FakeTracker

pytestmark = pytest.mark.daemons


@pytest.fixture
def tracker() -> Iterator[FakeTracker]:
    with FakeTracker() as server:
        yield server


def test_deluge_downloads_a_locally_seeded_torrent_and_relabels_it_after_import(
    deluge_daemon: Daemon,
    transmission_daemon: Daemon,
    tracker: FakeTracker,
    audio_book_dir: Path,
    database: Database,
    tmp_path: Path,
) -> None:
    release = tmp_path / "seed" / f"Jane Doe - The Quiet Test {uuid.uuid4().hex[:6]}"
    shutil.copytree(audio_book_dir, release)
    torrent = seed_folder(transmission_daemon, tracker, release)
    seeder = TransmissionClient(
        transmission_daemon.url, transmission_daemon.username, transmission_daemon.password
    )

    service = DownloadService(ConfigStore(database), CredentialStore(), tmp_path / "direct")
    config = service.save_client(
        DownloadClientConfig(
            kind="deluge",
            url=deluge_daemon.url,
            username=deluge_daemon.username,
            category="rmab-audiobooks",
            post_import_category="rmab-imported",
        ),
        secret=deluge_daemon.password,
    )
    item_id = service.client(config.id)[1].add(
        NewDownload(release.name, torrent=torrent, category=config.category)
    )

    item = wait_until(lambda: (i := service.status(config.id, item_id)).finished and i, 60, what="downloaded")
    downloaded = Path(item.content_path or "")
    assert downloaded.is_relative_to(deluge_daemon.download_dir)
    assert (downloaded / "01 - Chapter One.mp3").read_bytes() == (
        release / "01 - Chapter One.mp3"
    ).read_bytes()
    assert item.category == "rmab-audiobooks" and item.progress == 1.0

    assert service.after_import(config.id, item_id) == "rmab-imported"
    assert service.status(config.id, item_id).category == "rmab-imported"
    client = DelugeClient(deluge_daemon.url, deluge_daemon.username, deluge_daemon.password)
    assert item_id in [i.id for i in client.list("rmab-imported")]
    client.remove(item_id, delete_data=True)
    seeder.remove(info_hash(torrent), delete_data=False)
    service.close()
