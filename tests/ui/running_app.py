"""The composed DesktopApp for a test body, always quit before the body ends.

A DesktopApp still alive when pytest-qt ends the test's call phase left later QThreadPools unable
to start Python tasks in this process, so every test that builds one goes through ``running_app``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from PySide6.QtWidgets import QApplication

from rmab_desktop.ui.application import DesktopApp


@contextmanager
def running_app(core, qtbot) -> Iterator[DesktopApp]:  # type: ignore[no-untyped-def]
    desktop = DesktopApp(QApplication.instance(), core, None, show_crash_dialog=False)
    qtbot.addWidget(desktop.window)
    desktop.notifier.set_presenter(None)  # only the history: no toast outliving the window
    try:
        yield desktop
    finally:
        desktop.app = SimpleNamespace(exit=lambda code: None)  # keep pytest-qt's event loop
        desktop.quit_now()
