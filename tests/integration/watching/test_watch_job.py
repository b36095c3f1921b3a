"""The daily watch check runs through the real job executor from the app's composition root."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import JobStatus, Permission, RequestStatus
from rmab_desktop.domain.job_payloads import WatchCheckPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.watching import WatchKind, WatchMode
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible
from tests.integration.watching.test_watch_check import CATALOG, SERIES


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible(products=[dict(p) for p in CATALOG]).start()
    yield server
    server.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, fake: FakeAudible) -> Iterator[AppCore]:
    fake.fail_next("ok", 0)
    prefs = Preferences()
    prefs.catalog.audible_base_url = prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)
    core = open_core(tmp_path, database_url, log_to_console=False)
    yield core
    core.close()


def test_the_daily_check_requests_for_the_watcher_subject_to_approval(core: AppCore) -> None:
    schedules = {s.key: s for s in core.scheduler.list()}
    assert schedules["watching_check"].job_type == "watching.check" and schedules["watching_check"].enabled
    assert core.events  # the one bus every feature publishes on
    found: list[AppEvent] = []
    core.events.subscribe(found.append)

    core.users.default_user()
    reader = core.users.create("reader")
    core.users.set_permission(reader.id, Permission.AUTO_APPROVE, False)
    core.users.act_as(reader.id)
    core.watching.add(WatchKind.SERIES, SERIES["asin"], mode=WatchMode.ALL, region="us")
    core.users.act_as(None)  # the job runs for the watch's owner, whoever is signed in

    core.queue.enqueue(JobType.WATCHING_CHECK, WatchCheckPayload())
    job = core.executor.run_next()

    assert job is not None and job.status == JobStatus.DONE, job and job.last_error
    requests = core.requests.list()
    assert sorted(r.book.asin for r in requests) == ["B0LANT0001", "B0LANT0002", "B0LANT0003", "B0LANT0004"]
    assert {(r.user_id, r.status) for r in requests} == {(reader.id, RequestStatus.AWAITING_APPROVAL)}
    assert sorted(e.data["asin"] for e in found if e.kind == EventKind.WATCH_FOUND) == [
        "B0LANT0001",
        "B0LANT0002",
        "B0LANT0003",
        "B0LANT0004",
    ]
    events = [e.message for e in core.queue.events(job_id=job.id)]
    assert any(m.startswith("Lantern Cycle: 4 new books requested: The Lantern Road") for m in events)


def test_a_check_whose_watches_all_fail_fails_in_words(core: AppCore, fake: FakeAudible) -> None:
    watch = core.watching.add(WatchKind.SERIES, SERIES["asin"], region="us")
    core.queue.enqueue(JobType.WATCHING_CHECK, WatchCheckPayload(watch.id))
    fake.fail_next("500", 20)
    try:
        job = core.executor.run_next()
    finally:
        fake.fail_next("ok", 0)
    assert job is not None and job.status in (JobStatus.FAILED, JobStatus.QUEUED)  # retried later
    assert job.last_error and "Audible" in job.last_error
    assert core.watching.get(watch.id).last_error
