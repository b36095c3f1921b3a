"""The scheduled jobs of the catalog and requests features, run by the real executor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.catalog import SectionKind
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible()
    server.add_generated(70)
    server.start()
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


def test_schedules_are_registered(core: AppCore) -> None:
    keys = {s.key: s.job_type for s in core.scheduler.list()}
    assert (
        keys["catalog_refresh"] == "catalog.refresh"
        and keys["requests_release_check"] == "requests.release_check"
    )


def test_refresh_job_fills_every_shown_list(core: AppCore, fake: FakeAudible) -> None:
    core.catalog.add_section(None, SectionKind.CATEGORY, category_id="18572091011")
    core.queue.enqueue(JobType.CATALOG_REFRESH, NoPayload())
    job = core.executor.run_next()
    assert job is not None and job.status == JobStatus.DONE
    popular, _, category = core.catalog.sections(None)
    assert core.catalog.section_page(popular).total == 75  # 70 generated + 5 handmade
    assert core.catalog.section_page(category).total == 2
    assert core.catalog.categories()  # category tree cached too
    events = [e.message for e in core.queue.events(job_id=job.id)]
    assert any("Refreshed popular (us): 75 books" in m for m in events)


def test_refresh_job_fails_and_retries_when_audible_answers_garbage(core: AppCore, fake: FakeAudible) -> None:
    fake.fail_next("garbage", 1000)
    try:
        core.queue.enqueue(JobType.CATALOG_REFRESH, NoPayload())
        job = core.executor.run_next()
    finally:
        fake.fail_next("ok", 0)
    assert job is not None and job.status == JobStatus.QUEUED and "not JSON" in (job.last_error or "")


def test_release_check_job_starts_released_books(core: AppCore) -> None:
    request = core.requests.create("B0TESTFUT1", "us").request  # out in 2099
    assert request.status == RequestStatus.AWAITING_RELEASE
    core.requests.today = lambda: date(2099, 1, 15)
    core.queue.enqueue(JobType.REQUESTS_RELEASE_CHECK, NoPayload())
    job = core.executor.run_next()
    assert job is not None and job.status == JobStatus.DONE
    assert core.requests.get(request.id).status == RequestStatus.AWAITING_SEARCH
    searches = core.queue.list_jobs(job_type=JobType.REQUESTS_SEARCH)
    assert [j.payload["request_id"] for j in searches] == [request.id]
