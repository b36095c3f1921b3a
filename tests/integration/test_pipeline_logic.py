"""Pipeline decisions with a scripted client: progress, stalls, failures, client outages, missing
items, no candidates left, retry of missing searches, manual override, cleanup, direct HTTP."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from rmab_desktop.clients.torrent_file import info_hash
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import DownloadHistory, Request
from rmab_desktop.domain.downloads import DownloadState
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.job_payloads import NoPayload, RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.downloads import DownloadClientConfig, MonitorSettings, PathMapping, SeedingRule
from rmab_desktop.services.downloads.factory import build_client
from rmab_desktop.services.pipeline.cleanup import seeding_met
from tests.fakes.download_client import FakeDownloadClient
from tests.fakes.range_file_server import RangeFileServer
from tests.pipeline_kit import PipelineKit, StaticIndexers, make_kit

SIZE = 60 * 60 * 128_000 // 8


def _torrent(name: str) -> bytes:
    import torf

    torrent = torf.Torrent(created_by=None)
    torrent.metainfo["info"].update(name=name, length=10, pieces=os.urandom(20), **{"piece length": 16384})
    return bytes(torrent.dump())


def _release(guid: str, title: str, seeders: int = 10, **extra: object) -> Release:
    return Release(guid=guid, title=title, indexer="Fake", size_bytes=SIZE, seeders=seeders, **extra)  # type: ignore[arg-type]


RELEASES = [
    _release("a", "Jane Doe - The Quiet Test (Unabridged) [M4B]", seeders=50),
    _release("b", "Jane Doe - The Quiet Test [MP3]", seeders=5),
    _release("x", "Jane Doe - The Quiet Test Returns [M4B]", seeders=99),  # another book: rejected
]


@pytest.fixture
def fake_client() -> FakeDownloadClient:
    return FakeDownloadClient()


@pytest.fixture
def local_downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "local-downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def kit(
    database: Database, tmp_path: Path, fake_client: FakeDownloadClient, local_downloads: Path
) -> Iterator[PipelineKit]:
    def factory(config, credentials, direct_root, **kwargs):  # type: ignore[no-untyped-def]
        return (
            fake_client
            if config.kind == "qbittorrent"
            else build_client(config, credentials, direct_root, **kwargs)
        )

    indexers = StaticIndexers(list(RELEASES), {r.guid: _torrent(r.guid) for r in RELEASES})
    pipeline = make_kit(database, tmp_path / "direct", indexers, factory=factory)
    pipeline.downloads.save_client(
        DownloadClientConfig(
            id="qbt",
            kind="qbittorrent",
            url="http://qbt.invalid",
            path_mappings=[PathMapping(remote="/remote/downloads", local=str(local_downloads))],
        )
    )
    pipeline.configure(
        monitor=MonitorSettings(
            first_poll_seconds=0,
            poll_seconds=30,  # longer than the kit's drain slack: one poll per _poll()
            stalled_minutes=30,
            missing_grace_seconds=60,
            unreachable_minutes=30,
        )
    )
    yield pipeline
    pipeline.close()


def _start(kit: PipelineKit) -> int:
    request_id = kit.add_request()
    kit.queue.enqueue(JobType.REQUESTS_SEARCH, RequestPayload(request_id), request_id=request_id)
    return request_id


def _hash(guid: str, kit: PipelineKit) -> str:
    return info_hash(kit.indexers.files[guid])  # type: ignore[arg-type]


def _poll(kit: PipelineKit) -> None:
    """Let one poll interval pass and run what is due."""
    kit.clock.advance(seconds=31)
    kit.drain()


def _grabbed(kit: PipelineKit, request_id: int) -> str:
    kit.drain()
    assert kit.status(request_id) == RequestStatus.DOWNLOADING
    return kit.history(request_id)[-1].client_item_id or ""


def test_progress_speed_eta_then_completion_hands_over_the_local_path(
    kit: PipelineKit, fake_client: FakeDownloadClient, local_downloads: Path
) -> None:
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    assert item_id == _hash("a", kit)  # the best accepted release, never the rejected "Returns"
    assert fake_client.added[0].category == "audiobooks"
    fake_client.set(item_id, state=DownloadState.DOWNLOADING, progress=0.5, speed_bps=2048, eta_seconds=90)
    _poll(kit)
    details = kit.requests.get(request_id)
    assert (details.progress, details.speed_bps, details.eta_seconds) == (0.5, 2048, 90)
    (local_downloads / "Book").mkdir()
    fake_client.set(item_id, state=DownloadState.SEEDING, progress=1.0, content_path="/remote/downloads/Book")
    _poll(kit)
    assert kit.status(request_id) == RequestStatus.DOWNLOADED
    organize = kit.jobs(JobType.REQUESTS_ORGANIZE, JobStatus.QUEUED)[0]
    assert organize.payload["download_path"] == str(local_downloads / "Book")
    events = [e.message for e in kit.requests.timeline(request_id)]
    assert "Downloaded 50%" in events
    assert sum(m.startswith("Started") for m in events) == 2  # search and grab; the monitor polls quietly
    assert kit.jobs(JobType.REQUESTS_MONITOR, JobStatus.QUEUED) == []  # monitoring ended
    assert len(kit.jobs(JobType.REQUESTS_MONITOR)) <= 2  # each poll deleted its predecessor's row


def test_stalled_download_is_blocklisted_and_the_next_candidate_grabbed(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    request_id = _start(kit)
    first = _grabbed(kit, request_id)
    fake_client.set(first, state=DownloadState.STALLED, progress=0.3)
    _poll(kit)
    kit.clock.advance(minutes=20)
    kit.drain()
    assert kit.status(request_id) == RequestStatus.DOWNLOADING  # still within the stall window
    kit.clock.advance(minutes=11)
    kit.drain()
    history = kit.history(request_id)
    assert [h.status for h in history] == ["failed", "downloading"]
    assert "Stalled" in (history[0].error or "")
    assert (first, True) in fake_client.removed
    assert history[1].client_item_id == _hash("b", kit)
    assert kit.blocklist.is_blocked(kit.requests.get(request_id).audiobook_id, RELEASES[0])


def test_failure_with_no_candidate_left_waits_for_the_scheduled_search(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    kit.indexers.releases = [RELEASES[0], RELEASES[2]]
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    fake_client.set(item_id, state=DownloadState.FAILED, error="qBittorrent reports 'missingFiles'")
    _poll(kit)
    details = kit.requests.get(request_id)
    assert details.status == RequestStatus.AWAITING_SEARCH
    assert "missingFiles" in (details.status_message or "")
    with kit.database.session() as session:
        next_at = session.get(Request, request_id).next_search_at
    assert next_at is not None and next_at > kit.clock() + timedelta(hours=23)
    kit.queue.enqueue(JobType.REQUESTS_RETRY_MISSING, NoPayload())
    kit.drain()
    assert len(kit.jobs(JobType.REQUESTS_SEARCH)) == 1  # not due yet
    kit.clock.advance(hours=25)
    kit.queue.enqueue(JobType.REQUESTS_RETRY_MISSING, NoPayload(), run_at=kit.clock())
    kit.drain()
    assert len(kit.jobs(JobType.REQUESTS_SEARCH)) == 2
    assert kit.indexers.searches == 2
    assert kit.status(request_id) == RequestStatus.AWAITING_SEARCH  # the only accepted one is blocklisted


def test_unreachable_client_is_retried_with_backoff_then_fails_without_blocklisting(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    request_id = _start(kit)
    _grabbed(kit, request_id)
    fake_client.reachable = False
    _poll(kit)
    assert kit.status(request_id) == RequestStatus.DOWNLOADING
    queued = kit.jobs(JobType.REQUESTS_MONITOR, JobStatus.QUEUED)
    assert len(queued) == 1 and queued[0].run_at > kit.clock()  # backed off, not spinning
    kit.clock.advance(minutes=31)
    kit.drain()
    details = kit.requests.get(request_id)
    assert details.status == RequestStatus.FAILED and "unreachable" in (details.status_message or "")
    assert kit.blocklist.list() == []


def test_item_missing_from_the_client_after_the_grace_period_fails(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    del fake_client.items[item_id]
    _poll(kit)
    assert kit.status(request_id) == RequestStatus.DOWNLOADING
    kit.clock.advance(minutes=2)
    kit.drain()
    assert "disappeared" in (kit.history(request_id)[0].error or "")
    assert kit.history(request_id)[1].client_item_id == _hash("b", kit)


def test_release_file_404_is_blocklisted_and_the_next_is_grabbed(kit: PipelineKit) -> None:
    del kit.indexers.files["a"]
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    assert item_id == _hash("b", kit)
    blocked = kit.blocklist.list()
    assert [b.release_guid for b in blocked] == ["a"] and "404" in blocked[0].reason


def test_client_down_at_grab_time_retries_the_job_and_blocks_nothing(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    fake_client.reachable = False
    _start(kit)
    kit.drain()
    grab = kit.jobs(JobType.REQUESTS_GRAB)[0]
    assert grab.status == JobStatus.QUEUED.value and "fake client" in (grab.last_error or "")
    assert kit.blocklist.list() == []


def test_user_choice_overrides_the_gate(kit: PipelineKit) -> None:
    request_id = kit.add_request()
    results = kit.acquisition.interactive_results(request_id)
    rejected = next(r for r, blocked in results if not r.accepted)
    assert rejected.release.guid == "x" and not any(blocked for _, blocked in results)
    kit.acquisition.grab_chosen(request_id, rejected)
    kit.drain()
    assert kit.history(request_id)[0].release_guid == "x"
    assert kit.status(request_id) == RequestStatus.DOWNLOADING


def test_choosing_another_release_replaces_the_running_download(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    request_id = _start(kit)
    first = _grabbed(kit, request_id)
    choice = next(r for r, _ in kit.acquisition.interactive_results(request_id) if r.release.guid == "b")
    kit.acquisition.grab_chosen(request_id, choice)
    _poll(kit)
    history = kit.history(request_id)
    assert [(h.release_guid, h.status) for h in history] == [("a", "cancelled"), ("b", "downloading")]
    assert (first, True) in fake_client.removed
    assert kit.status(request_id) == RequestStatus.DOWNLOADING


def test_cancelled_request_removes_its_download(kit: PipelineKit, fake_client: FakeDownloadClient) -> None:
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    kit.requests.set_status(request_id, RequestStatus.CANCELLED, "cancelled by the user")
    _poll(kit)
    assert (item_id, True) in fake_client.removed
    assert kit.history(request_id)[0].status == "cancelled"


def test_finished_path_not_visible_here_ends_in_warn(
    kit: PipelineKit, fake_client: FakeDownloadClient
) -> None:
    kit.configure(monitor=MonitorSettings(first_poll_seconds=0, poll_seconds=30, local_path_checks=3))
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    fake_client.set(item_id, state=DownloadState.COMPLETED, progress=1.0, content_path="/elsewhere/Book")
    for _ in range(4):
        _poll(kit)
    details = kit.requests.get(request_id)
    assert details.status == RequestStatus.WARN and "/elsewhere/Book" in (details.status_message or "")


@pytest.mark.parametrize(
    ("ratio", "seconds", "item_ratio", "item_seconds", "met"),
    [
        (1.0, None, 1.2, 10, True),
        (1.0, None, 0.4, 10**6, False),
        (1.0, 3600, 2.0, 100, False),
        (None, 3600, None, 7200, True),
        (1.0, None, None, 7200, False),  # unknown ratio: not met
        (None, None, 9.0, 10**6, False),  # no target: seed for ever
    ],
)
def test_seeding_targets(
    ratio: float | None, seconds: int | None, item_ratio: float | None, item_seconds: int | None, met: bool
) -> None:
    from rmab_desktop.domain.downloads import DownloadItem

    item = DownloadItem("h", "n", DownloadState.SEEDING, 1.0, ratio=item_ratio, seeding_seconds=item_seconds)
    assert seeding_met(item, ratio, seconds) is met


def test_cleanup_waits_for_the_seeding_targets_and_for_the_request(
    kit: PipelineKit, fake_client: FakeDownloadClient, local_downloads: Path
) -> None:
    kit.configure(seeding_default=SeedingRule(ratio=1.0, minutes=None))
    request_id = _start(kit)
    item_id = _grabbed(kit, request_id)
    (local_downloads / "Book").mkdir()
    fake_client.set(
        item_id, state=DownloadState.SEEDING, progress=1.0, content_path="/remote/downloads/Book", ratio=0.2
    )
    _poll(kit)
    kit.queue.enqueue(JobType.DOWNLOADS_CLEANUP, NoPayload())
    kit.drain()
    assert fake_client.removed == []  # still being organized
    kit.requests.set_status(request_id, RequestStatus.AVAILABLE, "in the library")
    kit.queue.enqueue(JobType.DOWNLOADS_CLEANUP, NoPayload())
    kit.drain()
    assert fake_client.removed == []  # ratio 0.2 < 1.0
    fake_client.set(item_id, ratio=1.5)
    kit.queue.enqueue(JobType.DOWNLOADS_CLEANUP, NoPayload())
    kit.drain()
    assert fake_client.removed == [(item_id, True)]
    with kit.database.session() as session:
        assert session.get(DownloadHistory, kit.history(request_id)[0].id).removed_from_client


def test_direct_http_404_is_replaced_by_the_next_http_release(kit: PipelineKit) -> None:
    kit.configure(monitor=MonitorSettings(first_poll_seconds=0, poll_seconds=0.2))
    with RangeFileServer() as server:
        server.files["/good/Quiet%20Test.mp3"] = b"ID3" + os.urandom(5000)
        kit.indexers.releases = [
            _release(
                "ia-404",
                "Jane Doe - The Quiet Test [MP3]",
                protocol="http",
                download_url=f"{server.url}/gone.mp3",
            ),
            _release(
                "ia-ok",
                "Jane Doe - The Quiet Test (LibriVox) [MP3]",
                protocol="http",
                download_url=f"{server.url}/good/Quiet%20Test.mp3",
            ),
        ]
        request_id = _start(kit)
        kit.run_until(lambda: kit.settled(request_id), 20)
        assert kit.status(request_id) == RequestStatus.DOWNLOADED
        history = kit.history(request_id)
        assert [h.release_guid for h in history] == ["ia-404", "ia-ok"]
        assert "404" in (history[0].error or "")
        folder = Path(history[1].download_path or "")
        assert (folder / "Quiet Test.mp3").read_bytes() == server.files["/good/Quiet%20Test.mp3"]
