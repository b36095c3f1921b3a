"""UI fixtures: a real AppCore on the database under test, a UiContext with a runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.ui.context import UiContext
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[AppCore]:
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield core
    core.close()


@pytest.fixture
def ui_ctx(core: AppCore, qapp) -> UiContext:
    """Synchronous runner: models and pages load in the constructor."""
    return UiContext(core, ImmediateRunner(), RecordingNotifier())


@pytest.fixture
def threaded_ctx(core: AppCore, qapp) -> Iterator[UiContext]:
    runner = TaskRunner()
    yield UiContext(core, runner, RecordingNotifier())
    runner.shutdown(5000)
