"""UI fixtures: a real AppCore on the database under test, and the window's Shell with a runner.

Pages and dialogs are built from the services they take; registered factories get ``(core, shell)``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.shell import Shell
from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner


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
