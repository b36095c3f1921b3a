"""TaskRunner: results, errors and progress arrive on the GUI thread; finished always fires; cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import AuthenticationError
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown(5000)


def _run(runner, qtbot, fn, *args, **kwargs) -> dict:
    """Submit ``fn`` and wait for ``finished``; records every callback and the thread it ran on."""
    seen: dict = {"progress": [], "on_gui": set(), "order": []}
    gui = QThread.currentThread()

    def record(key):
        def callback(value=None):
            seen["on_gui"].add(QThread.currentThread() is gui)
            seen["order"].append(key)
            if key == "progress":
                seen["progress"].append(value)
            else:
                seen[key] = value

        return callback

    seen["handle"] = runner.submit(
        fn,
        *args,
        on_result=record("result"),
        on_error=record("error"),
        on_progress=record("progress"),
        on_finished=record("finished"),
        **kwargs,
    )
    qtbot.waitUntil(lambda: "finished" in seen, timeout=30_000)
    return seen


def test_result_arrives_on_gui_thread_then_finished(runner, qtbot):
    worker_threads = []

    def work(a, b, *, scale):
        worker_threads.append(threading.current_thread() is threading.main_thread())
        return (a + b) * scale

    seen = _run(runner, qtbot, work, 2, 3, scale=10)
    assert seen["result"] == 50
    assert "error" not in seen
    assert worker_threads == [False]
    assert seen["on_gui"] == {True}
    assert seen["order"] == ["result", "finished"]
    assert seen["handle"].done


def test_error_is_explained_and_finished_still_fires(runner, qtbot):
    def fail():
        raise AuthenticationError("Prowlarr refused the API key.", service="prowlarr")

    seen = _run(runner, qtbot, fail)
    info = seen["error"]
    assert isinstance(info, ErrorInfo)
    assert info.message == "Prowlarr refused the API key."
    assert "API key" in info.hint
    assert info.exc_type == "AuthenticationError"
    assert "Traceback" in info.details
    assert seen["order"] == ["error", "finished"]


def test_unexpected_exception_becomes_error_info(runner, qtbot):
    seen = _run(runner, qtbot, lambda: {}["missing"])
    assert seen["error"].exc_type == "KeyError"
    assert seen["error"].message.startswith("Unexpected error")


def test_progress_and_cancel(runner, qtbot):
    started = threading.Event()

    def long_task(*, progress, cancel: CancelToken):
        for step in range(200):
            progress(step)
            started.set()
            if cancel.wait(0.01):
                cancel.raise_if_cancelled()
        return "not cancelled"

    seen: dict = {"progress": []}
    handle = runner.submit(
        long_task,
        with_progress=True,
        on_progress=seen["progress"].append,
        on_result=lambda v: seen.setdefault("result", v),
        on_finished=lambda: seen.setdefault("finished", True),
    )
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(seen["progress"]) > 0, timeout=30_000)
    handle.cancel()
    qtbot.waitUntil(lambda: "finished" in seen, timeout=30_000)
    assert "result" not in seen  # a cancelled task delivers no result
    assert handle.cancelled and handle.done


def test_pools_are_owned_and_bounded(runner, qtbot):
    assert runner.capacity("library") == 1
    assert runner.capacity("network") >= 2
    gate = threading.Event()
    running = []

    def hold():
        running.append(1)
        gate.wait(5)

    for _ in range(3):
        runner.submit(hold, pool="library")
    qtbot.waitUntil(lambda: len(running) == 1, timeout=30_000)
    assert runner.in_flight("library") == 3
    qtbot.wait(100)
    assert len(running) == 1  # one writer at a time
    gate.set()
    qtbot.waitUntil(lambda: runner.in_flight("library") == 0, timeout=30_000)
    assert len(running) == 3


def test_shutdown_cancels_and_waits(qapp):
    runner = TaskRunner()
    observed = []

    def waits(*, progress, cancel):
        observed.append(cancel.wait(10))

    runner.submit(waits, with_progress=True, pool="pipeline")
    QThread.msleep(50)
    assert runner.shutdown(5000)
    assert observed == [True]
    after = runner.submit(lambda: observed.append("ran"))
    assert after.cancelled  # nothing runs after shutdown


def test_immediate_runner_same_api():
    runner = ImmediateRunner()
    got: dict = {}
    runner.submit(lambda x: x * 2, 21, on_result=lambda v: got.setdefault("r", v))
    runner.submit(
        lambda *, progress, cancel: progress(0.5),
        with_progress=True,
        on_progress=lambda v: got.setdefault("p", v),
    )
    runner.submit(lambda: 1 / 0, on_error=lambda info: got.setdefault("e", info.exc_type))
    assert got == {"r": 42, "p": 0.5, "e": "ZeroDivisionError"}


def test_callbacks_of_a_deleted_widget_are_skipped(runner, qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    gate = threading.Event()
    finished = []
    runner.submit(gate.wait, 5, on_result=label.setText, on_finished=lambda: finished.append(True))
    shiboken6.delete(label)
    gate.set()
    qtbot.waitUntil(lambda: finished == [True], timeout=30_000)  # no RuntimeError from setText
