"""Indexer RSS monitoring against local Torznab, Newznab and Prowlarr fakes: a waiting request's
release is grabbed from the feed within one poll, decoys never are (same title by another author,
the next book of the series, another language), nothing is grabbed twice (also after a restart),
and each feed is polled within its indexer's limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import open_core
from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Request
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.job_payloads import GrabPayload, RssPollPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services import rss
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.indexers import IndexerService
from rmab_desktop.services.indexers.models import IndexerConfig, IndexerType
from rmab_desktop.services.rss import RssMonitor, RssStore
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.prowlarr_server import API_KEY as PROWLARR_KEY
from tests.fakes.prowlarr_server import FakeIndexer, ProwlarrServer
from tests.fakes.torznab_server import API_KEY, TorznabServer
from tests.pipeline_kit import BOOK, PipelineKit, make_kit

CLAIMED_SIZE = 60 * 60 * 128_000 // 8  # 128 kbps for the book's hour
WANTED = "Jane Doe - The Quiet Test [MP3 128kbps]"
DECOYS = [
    "John Roe - The Quiet Test [M4B]",  # the same title by another author
    "Jane Doe - The Quiet Test Returns [M4B]",  # the next book of the series
    "Jane Doe - The Quiet Test [GERMAN] [M4B]",  # another language
    "Jane Doe - Die stille Probe (Hörbuch) [M4B]",  # a translation
    "Someone Else - Unrelated Book [MP3]",
]


def offer(title: str, index: int) -> FakeRelease:
    return FakeRelease(title, size=CLAIMED_SIZE, seeders=12, infohash=f"{index + 1:040x}", author=None)


@pytest.fixture
def torznab() -> Iterator[TorznabServer]:
    with TorznabServer([offer(t, i) for i, t in enumerate([*DECOYS, WANTED])]) as server:
        yield server


def indexer_service(database: Database, *configs: tuple[IndexerConfig, str]) -> IndexerService:
    indexers = IndexerService(ConfigStore(database), CredentialStore())
    indexers.save_configs([config for config, _ in configs])
    for config, key in configs:
        indexers.set_api_key(config, key)
    return indexers


@pytest.fixture
def kit(database: Database, tmp_path: Path, torznab: TorznabServer) -> Iterator[PipelineKit]:
    indexers = indexer_service(
        database, (IndexerConfig(id="loop", name="LoopTracker", url=torznab.url), API_KEY)
    )
    pipeline = make_kit(database, tmp_path / "direct", indexers)
    yield pipeline
    pipeline.close()


def monitor_for(kit: PipelineKit) -> RssMonitor:
    """A monitor as open_core builds it: a new one is what a restart gives."""
    indexers = kit.acquisition.deps.indexers
    assert isinstance(indexers, IndexerService)
    return RssMonitor(indexers, RssStore(kit.database), kit.acquisition, kit.requests, clock=kit.clock)


def grabs(kit: PipelineKit) -> list[GrabPayload]:
    return [GrabPayload.from_json(job.payload) for job in kit.jobs(JobType.REQUESTS_GRAB)]


def candidate_titles(payload: GrabPayload) -> list[str]:
    return [c["release"]["title"] for c in payload.candidates]


def test_one_poll_hands_only_the_wanted_release_to_the_grab_job(
    kit: PipelineKit, torznab: TorznabServer
) -> None:
    request_id = kit.add_request()
    reports = monitor_for(kit).poll()

    assert [(r.key, r.items, r.new, r.error) for r in reports] == [("loop", 6, 6, None)]
    assert reports[0].grabbed == [(request_id, WANTED)]
    [grab] = grabs(kit)
    assert grab.request_id == request_id and candidate_titles(grab) == [WANTED]
    assert kit.status(request_id) == RequestStatus.SEARCHING
    assert "LoopTracker" in (kit.requests.get(request_id).status_message or "")
    [poll] = torznab.feed_polls()
    assert poll["cat"] == "3030,7020" and poll["limit"] == "100"  # caps <limits max>


def test_nothing_is_grabbed_twice_across_polls_and_restarts(kit: PipelineKit) -> None:
    request_id = kit.add_request()
    monitor_for(kit).poll()
    kit.clock.advance(minutes=15)
    assert monitor_for(kit).poll()[0].new == 0
    # the request waits again (say its download failed elsewhere): the feed's old item stays used
    with kit.database.session() as session:
        row = session.get(Request, request_id)
        assert row is not None
        row.status = RequestStatus.AWAITING_SEARCH.value
    kit.clock.advance(minutes=15)
    report = monitor_for(kit).poll()[0]
    assert (report.new, report.grabbed) == (0, [])
    assert len(grabs(kit)) == 1


def test_a_release_grabbed_from_one_feed_is_not_grabbed_from_another(
    database: Database, tmp_path: Path, torznab: TorznabServer
) -> None:
    with TorznabServer([offer(WANTED, 5)]) as mirror:
        indexers = indexer_service(
            database,
            (IndexerConfig(id="loop", name="LoopTracker", url=torznab.url), API_KEY),
            (IndexerConfig(id="mirror", name="Mirror", url=mirror.url), API_KEY),
        )
        kit = make_kit(database, tmp_path / "direct", indexers)
        first = kit.add_request()
        monitor = monitor_for(kit)
        assert monitor.poll("loop")[0].grabbed == [(first, WANTED)]
        kit.requests.set_status(first, RequestStatus.AWAITING_SEARCH, "waiting again")
        report = monitor.poll("mirror")[0]
        assert (report.new, report.grabbed) == (1, [])  # same infohash: the same release
        kit.close()


def test_requests_not_waiting_for_a_release_are_left_alone(kit: PipelineKit) -> None:
    elsewhere = (RequestStatus.AWAITING_APPROVAL, RequestStatus.AWAITING_RELEASE, RequestStatus.DOWNLOADING)
    for index, status in enumerate(elsewhere):
        kit.add_request(replace(BOOK, asin=f"B0QUIET00{index}"), status=status)
    assert monitor_for(kit).poll()[0].grabbed == []
    assert grabs(kit) == []


def test_a_feed_is_polled_within_its_reported_daily_limit(database: Database, tmp_path: Path) -> None:
    with TorznabServer([offer(WANTED, 0)], newznab=True) as newznab:
        newznab.api_limits = (3, 10, 0, 5)  # 10 searches a day: at most 5 for the feed, one per 4.8 h
        config = IndexerConfig(id="nz", name="NZB", type=IndexerType.NEWZNAB, url=newznab.url)
        kit = make_kit(database, tmp_path / "direct", indexer_service(database, (config, API_KEY)))
        monitor = monitor_for(kit)
        monitor.poll()  # learns the limit from the feed
        kit.clock.advance(minutes=15)
        report = monitor.poll()[0]
        assert report.skipped and "10 searches a day" in report.skipped
        kit.clock.advance(hours=5)
        assert monitor.poll()[0].skipped is None
        assert len(newznab.feed_polls()) == 2
        kit.close()


def test_caps_limit_sets_the_page_size_once(kit: PipelineKit, torznab: TorznabServer) -> None:
    torznab.caps_max = 3
    monitor = monitor_for(kit)
    assert monitor.poll()[0].items == 3
    kit.clock.advance(minutes=20)
    monitor.poll()
    caps = [r for r in torznab.requests if r.query.get("t") == "caps"]
    assert len(caps) == 1 and [p["limit"] for p in torznab.feed_polls()] == ["3", "3"]


def test_prowlarr_feeds_are_polled_per_indexer_within_its_query_limit(
    database: Database, tmp_path: Path
) -> None:
    busy = FakeIndexer(1, "Busy", [offer(t, i) for i, t in enumerate(DECOYS)], query_limit=4)
    tracker = FakeIndexer(2, "Tracker", [offer(WANTED, 9)])
    with ProwlarrServer([busy, tracker]) as prowlarr:
        config = IndexerConfig(id="pr", name="Prowlarr", type=IndexerType.PROWLARR, url=prowlarr.url)
        kit = make_kit(database, tmp_path / "direct", indexer_service(database, (config, PROWLARR_KEY)))
        request_id = kit.add_request()
        reports = {r.key: r for r in monitor_for(kit).poll()}
        assert set(reports) == {"pr:1", "pr:2"}
        assert reports["pr:1"].grabbed == [] and reports["pr:2"].grabbed == [(request_id, WANTED)]
        assert [s["indexerIds"] for s in prowlarr.searches()] == [["1"], ["2"]]
        kit.clock.advance(minutes=15)
        again = {r.key: r for r in monitor_for(kit).poll()}
        assert again["pr:1"].skipped and again["pr:2"].skipped is None  # 4 a day: one poll per 12 h
        kit.close()


def test_a_failing_feed_is_reported_and_the_others_still_poll(database: Database, tmp_path: Path) -> None:
    with TorznabServer([offer(WANTED, 0)]) as good, TorznabServer([]) as bad:
        bad.api_key = "another key"
        indexers = indexer_service(
            database,
            (IndexerConfig(id="bad", name="Bad", url=bad.url), API_KEY),
            (IndexerConfig(id="good", name="Good", url=good.url), API_KEY),
        )
        kit = make_kit(database, tmp_path / "direct", indexers)
        request_id = kit.add_request()
        reports = {r.key: r for r in monitor_for(kit).poll()}
        assert "Incorrect user credentials" in (reports["bad"].error or "")
        assert reports["good"].grabbed == [(request_id, WANTED)]
        assert RssStore(database).feed("bad").last_error  # type: ignore[union-attr]
        kit.close()


def test_the_feature_polls_every_quarter_hour_with_a_typed_payload(kit: PipelineKit) -> None:
    feature = rss.feature(monitor_for(kit))
    [schedule] = feature.schedules
    assert (schedule.job_type, schedule.cron) == (JobType.RSS_POLL, "*/15 * * * *")
    [job] = feature.jobs
    assert job.payload is RssPollPayload
    assert RssPollPayload.from_json({"v": 1, "feed_key": "loop"}).feed_key == "loop"
    assert timedelta(0) == rss.monitor.min_gap(None)


def test_rmab_rss_poll_reports_each_feed_and_queues_the_grab(
    tmp_path: Path, database_url: str, torznab: TorznabServer, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "profile"

    def rmab(*argv: str) -> tuple[int, str]:
        code = main(["--profile-dir", str(profile), "--database-url", database_url, *argv])
        return code, capsys.readouterr().out

    assert rmab("rss", "poll") == (
        0,
        "No feed to poll. Add a Torznab, Newznab or Prowlarr indexer: rmab indexers add\n",
    )
    core = open_core(profile, database_url, log_to_console=False)
    try:
        config = IndexerConfig(id="loop", name="LoopTracker", url=torznab.url)
        core.indexers.save_configs([config])
        core.indexers.set_api_key(config, API_KEY)
        request_id = make_kit(core.database, tmp_path / "direct", core.indexers).add_request()
    finally:
        core.close()

    code, out = rmab("rss", "poll", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "feed": "loop",
            "name": "LoopTracker",
            "items": 6,
            "new": 6,
            "grabbed": [{"request_id": request_id, "release": WANTED}],
            "skipped": None,
            "error": None,
        }
    ]
    assert rmab("rss", "poll") == (0, "LoopTracker: 6 items, 0 new\n")
    torznab.api_key = "changed on the indexer"
    code = main(["--profile-dir", str(profile), "--database-url", database_url, "rss", "poll"])
    out, err = capsys.readouterr()
    assert code != 0 and out.startswith("LoopTracker: failed: ")
    error, hint = err.strip().splitlines()
    assert error.startswith("error: No indexer feed could be read (LoopTracker: ") and hint.startswith(
        "hint: "
    )
