"""UI fixtures: a real AppCore on the database under test, and the window's Shell with a runner.

Pages and dialogs are built from the services they take; registered factories get ``(core, shell)``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.shell import Shell
from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner
from tests.fakes.audible_server import FakeAudible


@pytest.fixture(autouse=True)
def _close_leftover_windows(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Close and delete every top-level widget a test left behind.

    A palette or style change (the theme tests) re-polishes every live top-level widget; windows
    left half-torn-down by earlier tests in the same worker made that crash the worker."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[AppCore]:
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield core
    core.close()


@pytest.fixture
def runner() -> ImmediateRunner:
    """Synchronous runner: models and pages load in the constructor."""
    return ImmediateRunner()


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def shell(runner: ImmediateRunner, notifier: RecordingNotifier, qapp) -> Shell:  # type: ignore[no-untyped-def]
    return Shell(runner, notifier)


@pytest.fixture
def threaded_shell(qapp) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    yield Shell(runner, RecordingNotifier())
    runner.shutdown(5000)


@pytest.fixture(scope="module")
def fake_audible() -> Iterator[FakeAudible]:
    """The fake Audible catalog for tests of the whole window (a dozen generated books)."""
    server = FakeAudible()
    server.add_generated(12)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def catalog_core(tmp_path: Path, database_url: str, fake_audible: FakeAudible) -> Iterator[AppCore]:
    """A core whose Audible catalog is the fake server."""
    prefs = Preferences()
    prefs.catalog.audible_base_url = fake_audible.base_url
    prefs.catalog.audnexus_base_url = fake_audible.base_url
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield core
    core.close()
