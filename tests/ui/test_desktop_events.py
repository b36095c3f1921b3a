"""The running app shows the user's own events on the desktop, from any thread, and no others."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from PySide6.QtWidgets import QApplication

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.ui.application import DesktopApp


def test_own_events_reach_the_desktop_from_a_worker_thread(qtbot, core: AppCore, monkeypatch) -> None:
    desktop = DesktopApp(QApplication.instance(), core, None, show_crash_dialog=False)
    qtbot.addWidget(desktop.window)
    desktop.notifier.set_presenter(None)  # only the history: no toast outliving the window
    assert core.users is not None
    me = core.users.current()
    events = [
        AppEvent(
            EventKind.REQUEST_CREATED, "Requested: Dune", "You asked for it", request_id=None, user_id=me.id
        ),
        AppEvent(EventKind.AVAILABLE, "Available: Dune", "Dune is in your library", user_id=me.id),
        AppEvent(EventKind.DOWNLOADING, "Downloading: Emma", "someone else's", user_id=me.id + 100),
    ]
    worker = threading.Thread(target=lambda: [core.events.publish(e) for e in events])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(desktop.notifier.history) >= 1, timeout=3000)
    qtbot.wait(50)
    assert desktop.notifier.history == [("Available: Dune", "Dune is in your library", "success")]
    monkeypatch.setattr(desktop, "app", SimpleNamespace(exit=lambda code: None))  # keep pytest-qt's loop
    desktop.quit_now()
