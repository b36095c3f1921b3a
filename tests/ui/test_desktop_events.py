"""The running app shows the user's own events on the desktop, from any thread, and no others."""

from __future__ import annotations

import threading

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.events import AppEvent, EventKind
from tests.ui.running_app import running_app


def test_own_events_reach_the_desktop_from_a_worker_thread(qtbot, core: AppCore) -> None:
    me = core.users.current()
    events = [
        AppEvent(
            EventKind.REQUEST_CREATED, "Requested: Dune", "You asked for it", request_id=None, user_id=me.id
        ),
        AppEvent(EventKind.AVAILABLE, "Available: Dune", "Dune is in your library", user_id=me.id),
        AppEvent(EventKind.DOWNLOADING, "Downloading: Emma", "someone else's", user_id=me.id + 100),
    ]
    with running_app(core, qtbot) as desktop:
        worker = threading.Thread(target=lambda: [core.events.publish(e) for e in events])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(desktop.notifier.history) >= 1, timeout=30_000)
        qtbot.wait(50)
        assert desktop.notifier.history == [("Available: Dune", "Dune is in your library", "success")]


def test_a_request_waiting_from_another_desktop_shows_on_the_badge_and_is_news(qtbot, core: AppCore) -> None:
    from rmab_desktop.domain.catalog import CatalogBook, Person
    from rmab_desktop.services.events import EventBus
    from rmab_desktop.services.requests import ApprovalSettings, RequestService

    alice = core.users.create("alice")
    core.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    elsewhere = RequestService(core.database, core.queue, EventBus(), core.users, core.catalog.book)
    dune = CatalogBook("B0DUNE0001", "Dune", authors=(Person("Frank Herbert"),))
    with running_app(core, qtbot) as desktop:
        desktop.refresh_status()
        qtbot.waitUntil(lambda: desktop.badge_counts.get("approvals") == 0, timeout=30_000)

        elsewhere.create(dune.asin, user=alice, book=dune)  # on Alice's desktop: this bus hears nothing
        desktop.refresh_status()

        qtbot.waitUntil(lambda: desktop.window.pages_model.badge("approvals") == 1, timeout=30_000)
        qtbot.waitUntil(lambda: len(desktop.notifier.history) >= 1, timeout=30_000)
        assert desktop.notifier.history == [("Approvals", "Waiting for your approval: 1 request.", "info")]
