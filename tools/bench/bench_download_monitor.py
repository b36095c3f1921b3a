"""Benchmark the download side: a status read from real qBittorrent and Transmission daemons, and
one monitor poll of the pipeline (status read + progress write + re-enqueue) on SQLite.

Run: python tools/bench/bench_download_monitor.py   (needs qbittorrent-nox and transmission-daemon)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring

from rmab_desktop.clients.qbittorrent import QBittorrentClient
from rmab_desktop.clients.torrent_file import make_torrent
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.services.downloads import DownloadClientConfig, MonitorSettings
from tests.daemons import start_qbittorrent, start_transmission
from tests.fakes.download_client import FakeDownloadClient
from tests.fakes.memory_keyring import MemoryKeyring
from tests.pipeline_kit import BOOK, StaticIndexers, make_kit

ROUNDS = 200


def _median_ms(fn, rounds: int = ROUNDS) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def bench_daemons(root: Path) -> None:
    payload = root / "payload" / "Book"
    payload.mkdir(parents=True)
    (payload / "a.mp3").write_bytes(os.urandom(100_000))
    torrent = make_torrent(payload)
    for start, client_type in (
        (start_qbittorrent, QBittorrentClient),
        (start_transmission, TransmissionClient),
    ):
        daemon = start(root)
        try:
            client = client_type(daemon.url, daemon.username, daemon.password)
            item_id = client.add(NewDownload("bench", torrent=torrent, save_path=str(daemon.download_dir)))
            print(
                f"{daemon.kind:13s} status read: median {_median_ms(lambda c=client, i=item_id: c.get(i)):.2f} ms"
            )
        finally:
            daemon.stop()


def bench_monitor(root: Path) -> None:
    url = sqlite_url(root / "bench.sqlite3")
    database = Database.connect(url)
    upgrade(database.engine)
    fake = FakeDownloadClient()
    kit = make_kit(database, root / "direct", StaticIndexers(), factory=lambda *a, **k: fake)
    kit.downloads.save_client(DownloadClientConfig(kind="qbittorrent", url="http://fake.invalid"))
    kit.configure(monitor=MonitorSettings(first_poll_seconds=0, poll_seconds=0))
    request_id = kit.add_request(BOOK)
    from rmab_desktop.domain.releases import RankedRelease, Release

    release = Release(
        guid="g", title="Jane Doe - The Quiet Test", magnet_url="magnet:?xt=urn:btih:" + "ab" * 20
    )
    kit.indexers.files = {"g": release.magnet_url or ""}
    kit.acquisition.grab_chosen(request_id, RankedRelease(release, True, 1.0))
    kit.run_due()  # the grab
    item_id = next(iter(fake.items))
    fake.set(item_id, state=DownloadState.DOWNLOADING, progress=0.5, speed_bps=1000, eta_seconds=60)
    print(f"monitor poll (SQLite, scripted client): median {_median_ms(kit.run_due, 300):.2f} ms")
    kit.close()
    database.dispose()


if __name__ == "__main__":
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        bench_daemons(Path(tmp))
        bench_monitor(Path(tmp))
