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
