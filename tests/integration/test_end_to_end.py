"""The whole journey with real components: request -> search -> rank -> grab -> download ->
organize and tag -> library scan -> available -> notification.

Fakes only where the real thing cannot run here: Audible (catalog lookup), a Torznab indexer
offering a real .torrent, a loopback BitTorrent tracker and a webhook receiving Apprise's post.
Real: the app core from ``open_core`` with every service, the job queue and executor, a
Transmission daemon seeding an ffmpeg-made audiobook, qBittorrent downloading it over loopback,
mutagen reading the tags written into the library folder.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen import File as MutagenFile

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.clients.torrent_file import info_hash, make_torrent
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.paths import AppPaths
from rmab_desktop.services.downloads import DownloadClientConfig, MonitorSettings
from rmab_desktop.services.events import EventKind
from rmab_desktop.services.indexers import IndexerConfig
from rmab_desktop.settings import Preferences, SettingsStore
from tests.audiofiles import make_audio
from tests.daemons import Daemon, wait_until
from tests.fakes.audible_server import FakeAudible, generated_product
from tests.fakes.bt_tracker import FakeTracker
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.loopback_http import FakeRequest, Reply
from tests.fakes.torznab_server import API_KEY, TorznabServer
from tests.fakes.webhook_receiver import WebhookReceiver, webhook_receiver

pytestmark = [pytest.mark.e2e, pytest.mark.daemons, pytest.mark.slow]


ASIN = "B0E2ETEST1"
TITLE = "The Lighthouse Keeper's Almanac"
AUTHOR = "Ada Quill"
NARRATOR = "Sam Reader"
RUNTIME_MINUTES = 60
CLAIMED_SIZE = RUNTIME_MINUTES * 60 * 128_000 // 8  # what the indexer says: 128 kbps for an hour
DEADLINE_SECONDS = 150


class TorrentIndexer(TorznabServer):
    """The Torznab fake serving a real .torrent for its one release."""

    torrent: bytes = b""

    def route(self, request: FakeRequest) -> Reply:
        if request.path.startswith("/download/"):
            return Reply(200, self.torrent, "application/x-bittorrent")
        return super().route(request)


def audible_product() -> dict:
    product = generated_product(1)
    product.update(
        asin=ASIN,
        title=TITLE,
        subtitle=None,
        authors=[{"asin": "B0AUQUILL1", "name": AUTHOR}],
        narrators=[{"name": NARRATOR}],
        runtime_length_min=RUNTIME_MINUTES,
        release_date="2021-05-04",
    )
    return product


@pytest.fixture
def release_dir(tmp_path: Path) -> Path:
    """What a real release looks like: 'Author - Title' with two ffmpeg-made chapter MP3s."""
    folder = tmp_path / "seed" / f"{AUTHOR} - {TITLE}"
    for number in (1, 2):
        make_audio(folder / f"{number:02d} - Chapter {number}.mp3", seconds=8, frequency=330 + 110 * number)
    return folder


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[FakeAudible, TorrentIndexer, FakeTracker, WebhookReceiver]]:
    audible = FakeAudible(products=[audible_product()]).start()
    with TorrentIndexer() as indexer, FakeTracker() as tracker, webhook_receiver() as hook:
        yield audible, indexer, tracker, hook
    audible.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, world, qbittorrent_daemon: Daemon) -> Iterator[AppCore]:
    """The app as a user set it up (as the first-run wizard saves it)."""
    audible, indexer, _tracker, hook = world
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    prefs = Preferences.model_validate(
        {
            "first_run_done": True,
            "catalog": {"region": "us", "audible_base_url": audible.base_url},
            "library": {"root": str(tmp_path / "Audiobooks"), "backend": "folder"},
        }
    )
    (tmp_path / "Audiobooks").mkdir()
    SettingsStore(paths.settings_file).save(prefs)
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    assert core.indexers and core.downloads and core.notifications and core.library
    torznab = IndexerConfig(name="Loopback Torznab", url=indexer.url)
    core.indexers.save_configs([torznab])
    core.indexers.set_api_key(torznab, API_KEY)
    core.downloads.save_client(
        DownloadClientConfig(
            name="qBittorrent",
            kind="qbittorrent",
            url=qbittorrent_daemon.url,
            username=qbittorrent_daemon.username,
            category="rmab-journey",
        ),
        secret=qbittorrent_daemon.password,
    )
    settings = core.downloads.settings()
    fast = MonitorSettings(
        first_poll_seconds=0.2, poll_seconds=0.5, stalled_minutes=2, missing_grace_seconds=10
    )
    core.downloads.save_settings(settings.model_copy(update={"monitor": fast}))
    core.notifications.create(
        "Household webhook", hook.hook_url(), [EventKind.DOWNLOADING, EventKind.AVAILABLE, EventKind.FAILED]
    )
    yield core
    core.close()


def seed(transmission: Daemon, tracker: FakeTracker, folder: Path) -> bytes:
    torrent = make_torrent(folder, trackers=[tracker.announce_url])
    seeder = TransmissionClient(transmission.url, transmission.username, transmission.password)
    seeder.add(NewDownload("seed", torrent=torrent, save_path=str(folder.parent)))
    tracker.add_seed(info_hash(torrent), transmission.peer_port or 0)
    wait_until(lambda: seeder.get(info_hash(torrent)).state == DownloadState.SEEDING, 20, what="seeding")
    return torrent


def run_until_available(core: AppCore, request_id: int) -> list[RequestStatus]:
    """Run due jobs as the app's job pump does, recording every status the request passes through."""
    seen: list[RequestStatus] = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        status = core.requests.get(request_id).status
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == RequestStatus.AVAILABLE or status in (RequestStatus.FAILED, RequestStatus.WARN):
            return seen
        if time.monotonic() > deadline:
            jobs = [(j.type, j.status.value, j.last_error) for j in core.queue.list_jobs()]
            raise AssertionError(f"request stuck at {seen}; jobs: {jobs}")
        core.notifications.flush()
        if core.executor.run_next() is None:
            time.sleep(0.1)


def test_a_requested_book_arrives_tagged_in_the_library_and_the_household_is_told(
    core: AppCore, world, transmission_daemon: Daemon, qbittorrent_daemon: Daemon, release_dir: Path
) -> None:
    _audible, indexer, tracker, hook = world
    torrent = seed(transmission_daemon, tracker, release_dir)
    indexer.torrent = torrent
    indexer.releases = [
        FakeRelease(f"{AUTHOR} - {TITLE} [MP3]", size=CLAIMED_SIZE, seeders=4, infohash=info_hash(torrent)),
        FakeRelease(f"{AUTHOR} - {TITLE} (Abridged) [MP3]", size=CLAIMED_SIZE // 3, seeders=50),
        FakeRelease(f"{AUTHOR} - {TITLE} Returns [M4B]", size=CLAIMED_SIZE, seeders=90),
    ]

    started = time.monotonic()
    outcome = core.requests.create(ASIN)  # single-user mode: approved at once
    request_id = outcome.request.id
    statuses = run_until_available(core, request_id)
    elapsed = time.monotonic() - started

    details = core.requests.get(request_id)
    assert details.status == RequestStatus.AVAILABLE, details.status_message
    assert statuses[0] == RequestStatus.AWAITING_SEARCH and statuses[-1] == RequestStatus.AVAILABLE
    transitions = [e.metadata.get("to") for e in core.requests.timeline(request_id) if e.context == "request"]
    for status in ("awaiting_search", "searching", "downloading", "available"):
        assert status in transitions, transitions
    assert transitions.index("searching") < transitions.index("downloading") < transitions.index("available")
    grabbed = [
        e.message
        for e in core.requests.timeline(request_id)
        if "Abridged" in e.message and "Grabbed" in e.message
    ]
    assert not grabbed  # the abridged and the sequel were ranked out

    # qBittorrent really downloaded it over loopback, byte for byte.
    downloaded = list(qbittorrent_daemon.download_dir.rglob("01 - Chapter 1.mp3"))
    assert downloaded and downloaded[0].read_bytes() == (release_dir / "01 - Chapter 1.mp3").read_bytes()

    # Organized into the library folder and tagged.
    root = Path(core.prefs.library.root or "")
    files = sorted(root.rglob("*.mp3"))
    assert len(files) == 2, [str(p) for p in root.rglob("*")]
    assert all(path.is_relative_to(root) and AUTHOR in str(path.relative_to(root)) for path in files)
    for path in files:
        tags = MutagenFile(path, easy=True)
        assert tags is not None and tags.get("album") == [TITLE], (path, tags)
        assert AUTHOR in (tags.get("albumartist") or []) + (tags.get("artist") or []), tags
        assert NARRATOR in str(tags.get("composer") or tags.get("performer") or ""), tags

    # A library scan finds it, with the tags written, linked to the requested book.
    core.library.sync()
    (entry,) = [e for e in core.library.entries() if e.title == TITLE]
    assert entry.authors == (AUTHOR,) and entry.narrators == (NARRATOR,) and entry.asin == ASIN
    assert entry.file_count == 2 and entry.audiobook_id == details.audiobook_id

    # The household webhook heard about the grab and the arrival, each naming the book.
    core.notifications.flush()
    while core.executor.run_next() is not None:
        pass
    posts = {post["title"]: post["message"] for post in hook.wait_for(2)}
    assert posts.keys() == {f"Downloading: {TITLE}", f"Available: {TITLE}"}, posts
    assert all(TITLE in message for message in posts.values()), posts
    print(f"\nrequest -> available + notified took {elapsed:.1f} s; statuses {[s.value for s in statuses]}")
