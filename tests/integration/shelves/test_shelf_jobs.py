"""The scheduled shelf sync runs through the real job executor; shelf requests respect approval."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import JobStatus, Permission, RequestStatus
from rmab_desktop.domain.job_payloads import ShelvesSyncPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible
from tests.fakes.goodreads_server import FakeGoodreads


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, fake: FakeAudible) -> Iterator[AppCore]:
    prefs = Preferences()
    prefs.catalog.audible_base_url = prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)
    core = open_core(tmp_path, database_url, log_to_console=False)
    yield core
    core.close()


def test_the_scheduled_sync_requests_for_the_shelf_owner_subject_to_approval(core: AppCore) -> None:
    assert core.shelves is not None and core.users is not None and core.requests is not None
    schedules = {s.key: s for s in core.scheduler.list()}
    assert schedules["shelves_sync"].job_type == "shelves.sync" and schedules["shelves_sync"].enabled

    core.users.default_user()
    reader = core.users.create("reader")
    core.users.set_permission(reader.id, Permission.AUTO_APPROVE, False)  # requests wait for an admin
    core.users.act_as(reader.id)
    with FakeGoodreads() as goodreads:
        shelf = core.shelves.add_goodreads(goodreads.feed_url())
        core.queue.enqueue(JobType.SHELVES_SYNC, ShelvesSyncPayload())
        job = core.executor.run_next()
    assert job is not None and job.status == JobStatus.DONE, job and job.last_error
    requests = core.requests.list()
    assert sorted(r.book.asin for r in requests) == ["B0TESTCLS1", "B0TESTSER1"]
    assert {(r.user_id, r.status) for r in requests} == {(reader.id, RequestStatus.AWAITING_APPROVAL)}
    assert core.shelves.summary(shelf.id).counts["requested"] == 2
    events = [e.message for e in core.queue.events(job_id=job.id)]
    assert any(f"Shelf {shelf.id} synced" in m for m in events)


def test_a_sync_job_whose_shelves_all_fail_fails_in_words(core: AppCore) -> None:
    assert core.shelves is not None
    with FakeGoodreads() as goodreads:
        shelf = core.shelves.add_goodreads(goodreads.feed_url())
    core.queue.enqueue(JobType.SHELVES_SYNC, ShelvesSyncPayload(shelf.id))  # the feed is gone now
    job = core.executor.run_next()
    assert job is not None and job.status in (JobStatus.FAILED, JobStatus.QUEUED)  # retried later
    assert job.last_error and "Cannot connect to Goodreads" in job.last_error
