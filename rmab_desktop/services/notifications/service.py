"""Notification backends (Apprise URLs kept in the keyring) and their delivery as queued jobs.

Every matching app event becomes one ``notifications.deliver`` job per backend, so a slow or
broken backend never blocks the others, failures retry with the queue's backoff, and each
attempt is visible as job events.
"""

from __future__ import annotations

import builtins
import contextlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import NotificationBackend
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.errors import NotFoundError, RmabError, SecretNotFoundError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NotificationPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.events import AppEvent, EventBus, EventKind
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.notifications import sender
from rmab_desktop.services.notifications.dispatcher import BackgroundDispatcher
from rmab_desktop.services.notifications.events import EventCatalog, notify_type, parse_events, render

tr = Translator("NotificationDelivery")  # job log lines, written in the current language

MAX_ATTEMPTS = 5
SECRET_PREFIX = "notification-backend-"
TEST_TITLE = "ReadMeABook Desktop test"
TEST_BODY = "Notifications work. Example: Project Hail Mary by Andy Weir is now available."


@dataclass(frozen=True)
class NotificationBackendInfo:
    id: int
    name: str
    kind: str
    secret_name: str
    events: frozenset[EventKind]
    enabled: bool
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def wants(self, kind: EventKind) -> bool:
        return self.enabled and kind in self.events


def _to_info(row: NotificationBackend) -> NotificationBackendInfo:
    return NotificationBackendInfo(
        id=row.id,
        name=row.name,
        kind=row.kind,
        secret_name=row.secret_name,
        events=parse_events(row.events or []),
        enabled=row.enabled,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Give the notification backend a name, e.g. 'Discord'.")
    if len(name) > 200:
        raise ValidationError("The name is longer than 200 characters.")
    return name


class NotificationService:
    def __init__(
        self,
        database: Database,
        credentials: SecretStore,
        queue: JobQueue,
        events: EventCatalog,
        *,
        delivery_seconds: float = sender.DELIVERY_SECONDS,
    ) -> None:
        self.database = database
        self.delivery_seconds = delivery_seconds  # one delivery's overall deadline
        self.credentials = credentials
        self.queue = queue
        self.events = events  # the kinds a backend can choose, declared by the features
        self._dispatcher: BackgroundDispatcher[AppEvent] = BackgroundDispatcher(
            self.enqueue_for, "notifications-dispatch"
        )

    def _clean_events(self, events: Iterable[EventKind | str]) -> list[str]:
        kinds = {EventKind(e) for e in events}
        if not kinds:
            raise ValidationError("Choose at least one event to be notified about.")
        return [kind.value for kind in self.events.labels() if kind in kinds]

    # -- backends ------------------------------------------------------------------------------
    def list(self) -> list[NotificationBackendInfo]:
        with self.database.session() as session:
            rows = session.scalars(select(NotificationBackend).order_by(NotificationBackend.name))
            return [_to_info(row) for row in rows]

    def get(self, backend_id: int) -> NotificationBackendInfo:
        with self.database.session() as session:
            return _to_info(self._row(session, backend_id))

    def create(
        self, name: str, url: str, events: Iterable[EventKind | str], *, enabled: bool = True
    ) -> NotificationBackendInfo:
        name, event_values = _clean_name(name), self._clean_events(events)
        url = sender.validate_url(url)
        secret_name = f"{SECRET_PREFIX}{uuid.uuid4().hex[:12]}"
        self.credentials.set(secret_name, url)
        try:
            with self.database.session() as session:
                row = NotificationBackend(
                    name=name, kind="apprise", secret_name=secret_name, events=event_values, enabled=enabled
                )
                session.add(row)
                session.flush()
                return _to_info(row)
        except Exception:
            self.credentials.delete(secret_name)
            raise

    def update(
        self,
        backend_id: int,
        *,
        name: str | None = None,
        url: str | None = None,
        events: Iterable[EventKind | str] | None = None,
        enabled: bool | None = None,
    ) -> NotificationBackendInfo:
        """Change what is given; an empty or missing ``url`` keeps the saved one."""
        clean_name = _clean_name(name) if name is not None else None
        event_values = self._clean_events(events) if events is not None else None
        new_url = sender.validate_url(url) if url else None
        with self.database.session() as session:
            row = self._row(session, backend_id)
            if new_url is not None:
                self.credentials.set(row.secret_name, new_url)
            if clean_name is not None:
                row.name = clean_name
            if event_values is not None:
                row.events = event_values
            if enabled is not None:
                row.enabled = enabled
            session.flush()
            return _to_info(row)

    def delete(self, backend_id: int) -> None:
        with self.database.session() as session:
            row = self._row(session, backend_id)
            secret_name = row.secret_name
            session.delete(row)
        with contextlib.suppress(SecretNotFoundError):
            self.credentials.delete(secret_name)

    def masked_url(self, backend_id: int) -> str:
        """For display: the saved URL with its tokens hidden."""
        return sender.masked(self._url(self.get(backend_id)))

    def _url(self, backend: NotificationBackendInfo) -> str:
        try:
            return self.credentials.require(backend.secret_name)
        except SecretNotFoundError as exc:
            raise SecretNotFoundError(
                f"The URL of notification backend '{backend.name}' is not in the keychain.",
                hint="Edit the backend in Settings > Notifications and enter its URL again.",
            ) from exc

    @staticmethod
    def _row(session: Session, backend_id: int) -> NotificationBackend:
        row = session.get(NotificationBackend, backend_id)
        if row is None:
            raise NotFoundError(f"Notification backend {backend_id} does not exist.")
        return row

    # -- test ----------------------------------------------------------------------------------
    def test_url(self, url: str) -> ConnectionTestResult:
        """Send a sample message now (call it off the GUI thread)."""
        try:
            delivery = sender.send(url, TEST_TITLE, TEST_BODY, "info", seconds=self.delivery_seconds)
        except RmabError as exc:
            return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
        return ConnectionTestResult(
            True, f"Test notification delivered to {delivery.target}.", latency_ms=delivery.latency_ms
        )

    def test(self, backend_id: int) -> ConnectionTestResult:
        try:
            url = self._url(self.get(backend_id))
        except RmabError as exc:
            return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
        return self.test_url(url)

    # -- delivery ------------------------------------------------------------------------------
    def subscribe(self, bus: EventBus) -> Callable[[], None]:
        """Listen to app events; jobs are enqueued from a background thread (see dispatcher)."""
        return bus.subscribe(self._dispatcher.submit)

    def flush(self, timeout: float = 10.0) -> bool:
        return self._dispatcher.flush(timeout)

    def close(self) -> None:
        self._dispatcher.close()

    def enqueue_for(self, event: AppEvent) -> builtins.list[int]:
        """One delivery job per enabled backend that chose this event."""
        backends = [b for b in self.list() if b.wants(event.kind)]
        if not backends:
            return []
        title, body = render(event, self.events.label(event.kind))
        job_ids = []
        with self.database.session() as session:
            for backend in backends:
                payload = NotificationPayload(
                    backend_id=backend.id,
                    title=title,
                    body=body,
                    notify_type=notify_type(event.kind),
                    event=event.kind.value,
                    request_id=event.request_id,
                )
                job_ids.append(
                    self.queue.enqueue(
                        JobType.NOTIFICATIONS_DELIVER,
                        payload,
                        priority=5,
                        max_attempts=MAX_ATTEMPTS,
                        session=session,
                    )
                )
        return job_ids

    def deliver(self, ctx: JobContext, payload: NotificationPayload) -> dict[str, Any]:
        try:
            backend = self.get(payload.backend_id)
        except NotFoundError:
            ctx.event(tr("The notification backend was deleted; nothing to send."), context="notifications")
            return {"skipped": "deleted"}
        if not backend.enabled:
            ctx.event(
                tr("'{name}' is disabled; not sent.").format(name=backend.name), context="notifications"
            )
            return {"skipped": "disabled"}
        delivery = sender.send(
            self._url(backend),
            payload.title,
            payload.body,
            payload.notify_type,
            seconds=self.delivery_seconds,
        )
        ctx.event(
            tr("Sent '{title}' to {name}").format(title=payload.title, name=backend.name),
            context="notifications",
            backend=backend.name,
            latency_ms=round(delivery.latency_ms, 1),
        )
        return {"backend": backend.name, "latency_ms": round(delivery.latency_ms, 1)}
