"""The pipeline with real daemons: search -> grab -> monitor -> downloaded through qBittorrent.

The releases come from a fake Torznab indexer through the real IndexerService and ranking.
Transmission seeds a folder with an ffmpeg-made MP3; qBittorrent downloads it, the two finding
each other through a loopback tracker. The best-ranked candidate is a torrent nobody seeds: it
stalls, is blocklisted, and the next candidate is grabbed automatically.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.clients.torrent_file import info_hash, make_torrent
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.db.engine import Database
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.job_payloads import OrganizePayload, RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.downloads import DownloadClientConfig, MonitorSettings
from rmab_desktop.services.indexers import IndexerService
from rmab_desktop.services.indexers.models import IndexerConfig
from rmab_desktop.services.rss import RssMonitor, RssStore
from tests.daemons import Daemon, wait_until
from tests.fakes.bt_tracker import FakeTracker
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.torznab_server import API_KEY, TorznabServer
from tests.pipeline_kit import PipelineKit, make_kit

pytestmark = [pytest.mark.daemons, pytest.mark.slow]

CLAIMED_SIZE = 60 * 60 * 128_000 // 8  # what the indexer says: 128 kbps for the book's hour


@pytest.fixture(scope="module")
def tracker() -> Iterator[FakeTracker]:
    with FakeTracker() as fake:
        yield fake


@pytest.fixture
def torznab() -> Iterator[TorznabServer]:
    with TorznabServer() as server:
        yield server


@pytest.fixture
def kit(
    database: Database, tmp_path: Path, qbittorrent_daemon: Daemon, torznab: TorznabServer
) -> Iterator[PipelineKit]:
    indexers = IndexerService(ConfigStore(database), CredentialStore())
    indexer = IndexerConfig(name="LoopTracker", url=torznab.url)
    indexers.save_configs([indexer])
    indexers.set_api_key(indexer, API_KEY)
    pipeline = make_kit(database, tmp_path / "direct", indexers)
    qbt = DownloadClientConfig(
        kind="qbittorrent",
        url=qbittorrent_daemon.url,
        username=qbittorrent_daemon.username,
        category="rmab-e2e",
    )
    pipeline.downloads.save_client(qbt, secret=qbittorrent_daemon.password)
    pipeline.configure(
        monitor=MonitorSettings(
            first_poll_seconds=0.2, poll_seconds=0.5, stalled_minutes=0.3, missing_grace_seconds=5
        )
    )
    yield pipeline
    pipeline.close()


def _offer(title: str, torrent: bytes, seeders: int) -> FakeRelease:
    return FakeRelease(
        title, size=CLAIMED_SIZE, seeders=seeders, infohash=info_hash(torrent), author="Jane Doe"
    )


def test_request_is_downloaded_through_qbittorrent_after_a_stalled_release_is_replaced(
    kit: PipelineKit,
    tracker: FakeTracker,
    torznab: TorznabServer,
    transmission_daemon: Daemon,
    qbittorrent_daemon: Daemon,
    audio_book_dir: Path,
    tmp_path: Path,
) -> None:
    seeded = make_torrent(audio_book_dir, trackers=[tracker.announce_url])
    seeder = TransmissionClient(
        transmission_daemon.url, transmission_daemon.username, transmission_daemon.password
    )
    seeder.add(NewDownload("seed", torrent=seeded, save_path=str(audio_book_dir.parent)))
    tracker.add_seed(info_hash(seeded), transmission_daemon.peer_port or 0)
    wait_until(lambda: seeder.get(info_hash(seeded)).state == DownloadState.SEEDING, 15, what="seeding")

    nobody = tmp_path / "Jane Doe - The Quiet Test [dead]"
    nobody.mkdir()
    (nobody / "01.mp3").write_bytes(os.urandom(50_000))
    unseeded = make_torrent(nobody, trackers=[tracker.announce_url])

    torznab.releases = [
        _offer("Jane Doe - The Quiet Test (Unabridged) [M4B]", unseeded, seeders=40),  # ranked first
        _offer("Jane Doe - The Quiet Test [MP3 128kbps]", seeded, seeders=7),
        _offer("Jane Doe - The Quiet Test Returns [M4B]", seeded, seeders=90),  # another book
    ]
    torznab.torrents = [unseeded, seeded, seeded]
    request_id = kit.add_request()
    kit.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id)

    started = time.monotonic()
    kit.run_until(lambda: kit.settled(request_id), 90)
    assert kit.status(request_id) == RequestStatus.DOWNLOADED, kit.requests.get(request_id).status_message
    elapsed = time.monotonic() - started

    history = kit.history(request_id)
    assert [h.release_title for h in history] == [
        "Jane Doe - The Quiet Test (Unabridged) [M4B]",
        "Jane Doe - The Quiet Test [MP3 128kbps]",
    ]
    assert history[0].status == "failed" and "Stalled" in (history[0].error or "")
    assert history[1].status == "completed" and history[1].client_item_id == info_hash(seeded)
    dead = Release(guid=history[0].release_guid, title="", infohash=info_hash(unseeded))
    assert kit.blocklist.is_blocked(kit.requests.get(request_id).audiobook_id, dead)
    assert history[1].seeding_ratio == 1 and history[1].seeding_seconds == 172800  # the tracker's minimums
    details = kit.requests.get(request_id)
    assert details.progress == 1.0 and details.download_attempts == 2

    downloaded = Path(history[1].download_path or "")
    assert downloaded.is_relative_to(qbittorrent_daemon.download_dir)
    source = audio_book_dir / "01 - Chapter One.mp3"
    target = downloaded if downloaded.is_file() else downloaded / source.name
    assert target.read_bytes() == source.read_bytes()

    organize = kit.jobs(JobType.REQUESTS_ORGANIZE, JobStatus.QUEUED)
    assert len(organize) == 1
    assert OrganizePayload.from_json(organize[0].payload) == OrganizePayload(
        request_id, download_history_id=history[1].id, download_path=str(downloaded)
    )
    messages = [e.message for e in kit.requests.timeline(request_id)]
    assert any("Blocklisted “Jane Doe - The Quiet Test (Unabridged) [M4B]”" in m for m in messages)
    assert any("trying the next release" in m for m in messages)
    assert not any("Returns" in m and "Grabbed" in m for m in messages)
    print(f"\nsearch -> stalled -> replaced -> downloaded took {elapsed:.1f} s")


def test_an_rss_item_for_a_waiting_request_is_downloaded_through_qbittorrent(
    kit: PipelineKit,
    tracker: FakeTracker,
    torznab: TorznabServer,
    transmission_daemon: Daemon,
    qbittorrent_daemon: Daemon,
    audio_book_dir: Path,
) -> None:
    seeded = make_torrent(audio_book_dir, trackers=[tracker.announce_url])
    seeder = TransmissionClient(
        transmission_daemon.url, transmission_daemon.username, transmission_daemon.password
    )
    seeder.add(NewDownload("seed", torrent=seeded, save_path=str(audio_book_dir.parent)))
    tracker.add_seed(info_hash(seeded), transmission_daemon.peer_port or 0)
    wait_until(lambda: seeder.get(info_hash(seeded)).state == DownloadState.SEEDING, 15, what="seeding")
    decoys = ["John Roe - The Quiet Test [M4B]", "Jane Doe - The Quiet Test [GERMAN] [M4B]"]
    torznab.releases = [
        *(
            FakeRelease(t, size=CLAIMED_SIZE, seeders=90, infohash=f"{i + 1:040x}")
            for i, t in enumerate(decoys)
        ),
        _offer("Jane Doe - The Quiet Test [MP3 128kbps]", seeded, seeders=7),
    ]
    torznab.torrents = [b"", b"", seeded]
    request_id = kit.add_request()
    indexers = kit.acquisition.deps.indexers
    assert isinstance(indexers, IndexerService)
    monitor = RssMonitor(indexers, RssStore(kit.database), kit.acquisition, kit.requests, clock=kit.clock)

    [report] = monitor.poll()
    assert report.grabbed == [(request_id, "Jane Doe - The Quiet Test [MP3 128kbps]")]
    kit.run_until(lambda: kit.settled(request_id), 60)
    assert kit.status(request_id) == RequestStatus.DOWNLOADED, kit.requests.get(request_id).status_message
    [grab] = kit.history(request_id)
    assert grab.client_item_id == info_hash(seeded) and grab.status == "completed"
    kit.clock.advance(minutes=15)
    assert RssMonitor(indexers, RssStore(kit.database), kit.acquisition, kit.requests).poll()[0].grabbed == []
    assert len(kit.jobs(JobType.REQUESTS_GRAB)) == 1
