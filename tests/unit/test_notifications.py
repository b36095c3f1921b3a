"""Notification backends through the real Apprise library, delivered to a local webhook."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import NotificationBackend, utcnow
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services import health, notifications, requests
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.notifications import EventCatalog, NotificationService
from rmab_desktop.services.notifications.events import render
from tests.fakes.slow_servers import SilentServer
from tests.fakes.webhook_receiver import WebhookReceiver, post_fields, webhook_receiver

AVAILABLE = AppEvent(
    EventKind.AVAILABLE,
    "Audiobook available",
    "The Hobbit by J.R.R. Tolkien is in your library.",
    data={"book_title": "The Hobbit", "author": "J.R.R. Tolkien"},
)


def event_catalog() -> EventCatalog:
    """The event kinds as the app declares them (the request and health features)."""
    return EventCatalog(requests.EVENTS + health.EVENTS)


class Stack:
    def __init__(self, database: Database) -> None:
        self.queue = JobQueue(database)
        self.credentials = CredentialStore()
        self.service = NotificationService(database, self.credentials, self.queue, event_catalog())
        handlers = JobHandlers(notifications.feature(self.service).jobs)
        self.executor = JobExecutor(self.queue, handlers)

    def run_due(self, later: timedelta = timedelta(0)) -> list[int]:
        """Run every job due now (or ``later`` from now, to skip the retry backoff)."""
        ran = []
        while (
            job := self.queue.claim(types=[JobType.NOTIFICATIONS_DELIVER], now=utcnow() + later)
        ) is not None:
            self.executor.execute(job, CancelToken())
            ran.append(job.id)
        return ran


@pytest.fixture
def stack(database: Database) -> Stack:
    return Stack(database)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as hook:
        yield hook


def test_url_is_a_keyring_secret_never_in_the_database(stack: Stack, database: Database) -> None:
    url = "discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js"
    backend = stack.service.create("Discord", url, [EventKind.AVAILABLE])
    assert stack.credentials.get(backend.secret_name) == url
    with database.session() as session:
        row = session.scalar(select(NotificationBackend))
        assert row is not None
        stored = repr({c.name: getattr(row, c.name) for c in NotificationBackend.__table__.columns})
    assert "JHMHI8qBe7bk2ZwO5U711o3dV_js" not in stored
    assert "JHMHI8qBe7bk2ZwO5U711o3dV_js" not in stack.service.masked_url(backend.id)
    stack.service.delete(backend.id)
    assert stack.credentials.get(backend.secret_name) is None
    assert stack.service.list() == []


def test_invalid_url_and_empty_events_are_refused_with_a_hint(stack: Stack) -> None:
    with pytest.raises(ValidationError) as bad_url:
        stack.service.create("Mine", "notaservice://whatever", [EventKind.AVAILABLE])
    assert "discord://" in bad_url.value.hint
    with pytest.raises(ValidationError, match="at least one event"):
        stack.service.create("Mine", "json://127.0.0.1/x", [])
    assert stack.service.list() == []


def test_only_backends_that_chose_the_event_get_a_job(stack: Stack, receiver: WebhookReceiver) -> None:
    wants = stack.service.create("Hook", receiver.hook_url(), [EventKind.AVAILABLE, EventKind.FAILED])
    stack.service.create("Other", receiver.hook_url(path="/other"), [EventKind.FAILED])
    off = stack.service.create("Off", receiver.hook_url(path="/off"), [EventKind.AVAILABLE], enabled=False)
    jobs = stack.service.enqueue_for(AVAILABLE)
    assert [stack.queue.get(j).payload["backend_id"] for j in jobs] == [wants.id]
    assert stack.service.enqueue_for(AppEvent(EventKind.REQUEST_DENIED, "Denied", "x")) == []
    assert off.id != wants.id


def test_published_event_is_delivered_with_the_book_title(stack: Stack, receiver: WebhookReceiver) -> None:
    stack.service.create("Hook", receiver.hook_url("json"), [EventKind.AVAILABLE])
    stack.service.create("Form", receiver.hook_url("form", "/form"), [EventKind.AVAILABLE])
    bus = EventBus()
    unsubscribe = stack.service.subscribe(bus)
    bus.publish(AVAILABLE)
    assert stack.service.flush()
    assert len(stack.run_due()) == 2
    receiver.wait_for(2)
    posts = {post.path: post_fields(post) for post in receiver.posts}
    assert "The Hobbit" in posts["/hook"]["message"]
    assert posts["/hook"]["title"] == "Audiobook available"
    assert posts["/hook"]["type"] == "success"
    assert "The Hobbit" in posts["/form"]["message"]
    unsubscribe()
    stack.service.close()


def test_failing_backend_retries_with_backoff_and_explains(stack: Stack, receiver: WebhookReceiver) -> None:
    stack.service.create("Hook", receiver.hook_url(), [EventKind.AVAILABLE])
    receiver.fail_next(1, status=500)
    (job_id,) = stack.service.enqueue_for(AVAILABLE)
    stack.run_due()
    job = stack.queue.get(job_id)
    assert job.status == JobStatus.QUEUED and job.run_at > utcnow()
    assert job.last_error and "error=500" in job.last_error
    failures = [e.message for e in stack.queue.events(job_id=job_id) if e.message.startswith("Failed")]
    assert failures and "retrying at" in failures[0]
    assert stack.run_due() == []  # backoff: not due yet
    stack.run_due(later=timedelta(minutes=5))
    assert stack.queue.get(job_id).status == JobStatus.DONE
    assert "The Hobbit" in receiver.wait_for(1)[0]["message"]


def test_unreachable_backend_gives_up_after_max_attempts(stack: Stack) -> None:
    stack.service.create("Gone", "json://127.0.0.1:9/hook", [EventKind.FAILED])
    (job_id,) = stack.service.enqueue_for(AppEvent(EventKind.FAILED, "Failed", "The Hobbit failed"))
    for _ in range(6):
        stack.run_due(later=timedelta(hours=7))
    job = stack.queue.get(job_id)
    assert job.status == JobStatus.FAILED and job.attempts == 5
    assert job.last_error and "Connection error" in job.last_error


def test_deleted_or_disabled_backend_skips_delivery(stack: Stack, receiver: WebhookReceiver) -> None:
    backend = stack.service.create("Hook", receiver.hook_url(), [EventKind.AVAILABLE])
    first, second = stack.service.enqueue_for(AVAILABLE) + stack.service.enqueue_for(AVAILABLE)
    stack.service.update(backend.id, enabled=False)
    job = stack.queue.claim(types=[JobType.NOTIFICATIONS_DELIVER])
    assert job is not None and job.id == first
    stack.executor.execute(job, CancelToken())
    assert stack.queue.get(first).status == JobStatus.DONE
    stack.service.delete(backend.id)
    stack.run_due()
    assert stack.queue.get(second).status == JobStatus.DONE
    assert receiver.posts == []


def test_test_button_reports_success_refusal_and_hides_the_password(
    stack: Stack, receiver: WebhookReceiver
) -> None:
    good = stack.service.test_url(receiver.hook_url())
    assert good.ok and good.latency_ms is not None
    assert "ReadMeABook" in receiver.wait_for(1)[0]["title"]
    receiver.fail_next(1, status=401)
    refused = stack.service.test_url(f"form://alice:hunter2secret@127.0.0.1:{receiver.port}/x")
    assert not refused.ok
    assert "401" in refused.message or "Unauthorized" in refused.message
    assert "hunter2secret" not in refused.message and refused.hint
    down = stack.service.test_url("json://127.0.0.1:9/x")
    assert not down.ok and "Connection error" in down.message
    invalid = stack.service.test_url("nope")
    assert not invalid.ok and "discord://" in invalid.hint


def test_missing_keyring_entry_is_explained(stack: Stack) -> None:
    backend = stack.service.create("Hook", "json://127.0.0.1:9/x", [EventKind.AVAILABLE])
    stack.credentials.delete(backend.secret_name)
    result = stack.service.test(backend.id)
    assert not result.ok and "keychain" in result.message and "Settings" in result.hint


def test_update_replaces_url_only_when_given(stack: Stack, receiver: WebhookReceiver) -> None:
    backend = stack.service.create("Hook", "json://127.0.0.1:9/x", [EventKind.AVAILABLE])
    stack.service.update(backend.id, name="Renamed", url="", events=[EventKind.FAILED])
    assert stack.credentials.get(backend.secret_name) == "json://127.0.0.1:9/x"
    stack.service.update(backend.id, url=receiver.hook_url())
    updated = stack.service.get(backend.id)
    assert updated.name == "Renamed" and updated.events == {EventKind.FAILED}
    assert stack.service.test(backend.id).ok


def test_render_names_the_book_even_when_the_message_does_not() -> None:
    title, body = render(
        AppEvent(EventKind.FAILED, "Download failed", "No release found", data={"book_title": "Dune"})
    )
    assert title == "Download failed" and "Dune" in body


def test_cli_adds_tests_and_removes_a_backend(
    tmp_path, database_url: str, receiver: WebhookReceiver, capsys: pytest.CaptureFixture[str]
) -> None:
    from rmab_desktop.cli import main

    base = ["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url, "notifications"]
    assert main([*base, "add", "Hook", "--url", receiver.hook_url(), "--event", "available"]) == 0
    assert '"name": "Hook"' in capsys.readouterr().out
    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert f"127.0.0.1:{receiver.port}/hook" in listed and '"available"' in listed
    assert main([*base, "test", "1"]) == 0
    assert receiver.wait_for(1)
    assert main([*base, "remove", "1"]) == 0
    assert main([*base, "test", "1"]) == 1


def test_open_core_delivers_published_events(tmp_path, database_url: str, receiver: WebhookReceiver) -> None:
    from rmab_desktop.bootstrap import open_core

    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        core.notifications.create("Hook", receiver.hook_url(), [EventKind.AVAILABLE])
        core.events.publish(AVAILABLE)
        assert core.notifications.flush()
        job = core.executor.run_next()
        assert job is not None and job.status == JobStatus.DONE
        assert "The Hobbit" in receiver.wait_for(1)[0]["message"]
    finally:
        core.close()


def test_silent_backend_times_out_and_the_event_is_kept_for_retry(database: Database) -> None:
    """A target that accepts and never answers ends the delivery at the deadline, not Apprise's rto."""
    stack = Stack(database)
    stack.service.delivery_seconds = 1.0
    with SilentServer() as server:
        host = server.url.removeprefix("http://")
        # rto=600: without the overall deadline, Apprise itself would wait ten minutes.
        stack.service.create("Silent", f"json://{host}/hook?rto=600", [EventKind.AVAILABLE])
        (job_id,) = stack.service.enqueue_for(AVAILABLE)
        stack.run_due()
        assert server.accepted >= 1
        tested = stack.service.test_url(f"json://{host}/hook?rto=600")
    job = stack.queue.get(job_id)
    assert job.status == JobStatus.QUEUED and job.run_at > utcnow()  # kept, retried with backoff
    assert job.last_error and "timed out after 1 second" in job.last_error
    assert job.payload["title"] == "Audiobook available"
    assert not tested.ok and "timed out after 1 second" in tested.message
    assert "did not answer" in tested.hint


def test_cancelling_the_task_stops_waiting_for_a_silent_backend() -> None:
    """Quit cancels the running task: the delivery stops waiting at once, not at its deadline."""
    import threading

    from rmab_desktop.domain.errors import CancelledError
    from rmab_desktop.services.notifications import sender

    token = CancelToken()
    caught: list[BaseException] = []
    with SilentServer() as server:
        url = f"json://{server.url.removeprefix('http://')}/hook?rto=600"

        def deliver() -> None:
            with token.bound():
                try:
                    sender.send(url, "Title", "Body", seconds=600)
                except BaseException as exc:  # handed to the test thread
                    caught.append(exc)

        worker = threading.Thread(target=deliver, daemon=True)
        worker.start()
        while server.accepted == 0 and worker.is_alive():
            worker.join(0.05)
        token.cancel()
        worker.join(60)  # a delivery that ignored the cancel would wait its 600 s deadline
        assert not worker.is_alive()
    assert len(caught) == 1 and isinstance(caught[0], CancelledError)
