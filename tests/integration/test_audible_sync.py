"""Audible sign-in, sync and sign-out against the local stand-in of Audible's API and Amazon's auth."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rmab_desktop.clients.audible_account import AudibleEndpoints
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord
from rmab_desktop.domain.audible_library import Shelf
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    ServiceError,
    ValidationError,
)
from rmab_desktop.domain.job_payloads import AudibleSyncPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.audible_library import AudibleLibraryStore, feature
from rmab_desktop.services.audible_library.account import KEY_NAME, AudibleAccount
from rmab_desktop.services.audible_library.sync import sync_library, sync_wishlist
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from tests.fakes.audible_account_server import LANDED_URL, FakeAudibleAccount, library_item


@pytest.fixture
def fake() -> Iterator[FakeAudibleAccount]:
    with FakeAudibleAccount() as server:
        yield server


@pytest.fixture
def account(fake: FakeAudibleAccount, tmp_path: Path) -> AudibleAccount:
    return AudibleAccount(
        CredentialStore(),
        tmp_path / "audible",
        lambda region: AudibleEndpoints.for_region(region, fake.url, fake.url),
        client_options={"library_page_size": 2, "wishlist_page_size": 2},
    )


@pytest.fixture
def store(database: Database) -> AudibleLibraryStore:
    return AudibleLibraryStore(database, lambda: None)


def _sign_in(account: AudibleAccount) -> None:
    attempt = account.begin("us")
    assert attempt.url.startswith("https://www.amazon.com/ap/signin?") and "code_challenge" in attempt.url
    info = account.finish(attempt, LANDED_URL)
    assert (info.name, info.device_name) == ("Jane", "Jane's Audible for iPhone")


def test_sign_in_registers_a_device_and_keeps_it_encrypted(
    account: AudibleAccount, fake: FakeAudibleAccount, tmp_path: Path
) -> None:
    _sign_in(account)
    assert len(fake.devices) == 1
    sealed = (tmp_path / "audible" / "auth-us.bin").read_bytes()
    token = next(iter(fake.access_tokens))
    assert token.encode() not in sealed and b"PRIVATE KEY" not in sealed and b"Atnr|" not in sealed
    assert account.credentials.get(KEY_NAME.format(region="us")) is not None
    assert account.status("us") is not None and account.status("de") is None


def test_a_landed_address_without_code_is_refused_in_words(account: AudibleAccount) -> None:
    with pytest.raises(ValidationError, match="no Audible authorization code") as caught:
        account.finish(account.begin("us"), "https://www.amazon.com/ap/maplanding?openid.mode=cancel")
    assert "openid.oa2.authorization_code" in caught.value.hint


def test_first_sync_reads_every_page_with_progress_ratings_and_dates(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore
) -> None:
    _sign_in(account)
    summary = sync_library(store, account.client("us"), "us")
    assert (summary.added, summary.updated, summary.removed, summary.errors) == (5, 0, 0, ())
    pages = [r.query["page"] for r in fake.requests if r.path == "/1.0/library"]
    assert pages == ["1", "2", "3"]
    assert (
        "percent_complete"
        in next(r for r in fake.requests if r.path == "/1.0/library").query["response_groups"]
    )
    entries = {e.asin: e for e in store.entries()}
    first, third = entries["B0SYNC0001"], entries["B0SYNC0003"]
    assert first.rating == 4.0 and first.average_rating == 4.25 and first.series_title == "The Synced Saga"
    assert first.progress_percent == 17.0 and not first.finished
    assert third.finished and third.rating is None
    assert first.purchase_date == datetime(2024, 1, 2, 10, 0, tzinfo=UTC)
    assert first.cover_url.endswith("B0SYNC0001._SL500_.jpg")

    wished = sync_wishlist(store, account.client("us"), "us")
    assert wished.added == 3 and [r.query["page"] for r in fake.requests if r.path == "/1.0/wishlist"] == [
        "0",
        "1",
    ]
    history = store.history()
    assert [(h.kind, h.shelf, h.added) for h in history] == [
        ("sync", Shelf.WISHLIST, 3),
        ("sync", Shelf.LIBRARY, 5),
    ]


def test_next_sync_is_incremental_and_a_full_one_removes_returned_titles(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore
) -> None:
    _sign_in(account)
    sync_library(store, account.client("us"), "us")
    recent = (datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    fake.library.append(library_item(9, purchase_date=recent))
    fake.requests.clear()
    again = sync_library(store, account.client("us"), "us")
    assert (again.added, again.updated, again.removed) == (1, 0, 0)
    assert "purchased_after" in next(r for r in fake.requests if r.path == "/1.0/library").query
    assert store.history(1)[0].kind == "sync_incremental"

    fake.library = [i for i in fake.library if i["asin"] != "B0SYNC0002"]
    full = sync_library(store, account.client("us"), "us", full=True)
    assert (full.added, full.updated, full.removed) == (0, 0, 1)
    assert "B0SYNC0002" not in {e.asin for e in store.entries()}


def test_expired_token_is_refreshed_before_the_call_and_a_rejected_one_after_401(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore
) -> None:
    _sign_in(account)
    client = account.client("us")
    client.auth.expires = (datetime.now(UTC) - timedelta(minutes=5)).timestamp()  # type: ignore[union-attr]
    sync_library(store, client, "us")
    paths = [r.path for r in fake.requests]
    assert paths.index("/auth/token") < paths.index("/1.0/library")

    fake.revoke_access_tokens()  # Amazon ended the token early: 401, refresh, retry
    fake.requests.clear()
    summary = sync_library(store, account.client("us"), "us", full=True)
    assert summary.errors == () and [r.path for r in fake.requests][:3] == [
        "/1.0/library",
        "/auth/token",
        "/1.0/library",
    ]
    assert store.history(1)[0].errors == 0


def test_a_refused_refresh_asks_to_sign_in_again_and_is_recorded(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore
) -> None:
    _sign_in(account)
    fake.revoke_access_tokens()
    fake.refusing_refresh = True
    with pytest.raises(AuthenticationError, match="no longer accepts") as caught:
        sync_library(store, account.client("us"), "us")
    assert "Sign in to Audible again" in caught.value.hint
    failed = store.history(1)[0]
    assert failed.errors == 1 and "no longer accepts" in failed.message and store.entries() == []


def test_sign_out_deregisters_and_forgets(
    account: AudibleAccount, fake: FakeAudibleAccount, tmp_path: Path
) -> None:
    _sign_in(account)
    account.sign_out("us")
    assert fake.devices == set() and "/auth/deregister" in [r.path for r in fake.requests]
    assert not (tmp_path / "audible" / "auth-us.bin").exists()
    assert account.credentials.get(KEY_NAME.format(region="us")) is None
    with pytest.raises(ValidationError, match="not signed in"):
        account.client("us")


def test_failed_deregistration_keeps_the_sign_in(account: AudibleAccount, fake: FakeAudibleAccount) -> None:
    _sign_in(account)
    fake.fail_status = 503
    with pytest.raises(Exception, match="You are still signed in") as caught:
        account.sign_out("us")
    assert "--forget" in caught.value.hint  # type: ignore[attr-defined]
    fake.fail_status = None
    assert account.status("us") is not None
    account.sign_out("us", forget_only=True)
    assert account.status("us") is None


def _result(database: Database, job_id: int) -> dict[str, object]:
    with database.session() as session:
        row = session.get(JobRecord, job_id)
        assert row is not None
        return dict(row.result or {})


def test_the_scheduled_sync_job_syncs_when_signed_in_and_skips_otherwise(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore, database: Database
) -> None:
    queue = JobQueue(database)
    executor = JobExecutor(queue, JobHandlers(feature(store, account, lambda: "us").jobs))
    queue.enqueue(JobType.AUDIBLE_SYNC, AudibleSyncPayload())
    job = executor.run_next()
    assert job is not None and job.status == JobStatus.DONE
    assert _result(database, job.id) == {"skipped": "not signed in to Audible (us)"} and store.entries() == []

    _sign_in(account)
    queue.enqueue(JobType.AUDIBLE_SYNC, AudibleSyncPayload(region="us", full=True))
    job = executor.run_next()
    assert job is not None and job.status == JobStatus.DONE
    assert len(store.entries()) == 5 and len(store.entries(Shelf.WISHLIST)) == 3
    assert _result(database, job.id)["library_history_id"] == store.history(2)[1].id


def test_garbage_and_server_errors_are_worded_and_recorded(
    account: AudibleAccount, fake: FakeAudibleAccount, store: AudibleLibraryStore
) -> None:
    _sign_in(account)
    fake.garbage = True
    with pytest.raises(InvalidResponseError, match="Audible sent a body that is not JSON"):
        sync_wishlist(store, account.client("us"), "us")
    fake.garbage = False
    fake.fail_status = 500
    with pytest.raises(ServiceError, match="Audible answered HTTP 500 for your library"):
        sync_library(store, account.client("us"), "us")
    assert [h.errors for h in store.history()] == [1, 1] and store.entries() == []
