"""The one sanctioned path for background work: owned thread pools, results back on the GUI thread.

``TaskRunner.submit(fn, *args, pool=..., on_result=..., on_error=..., on_progress=...)`` runs a plain
callable in a named pool. Callbacks always run on the GUI thread: each task gets a
:class:`TaskSignals` object created on the GUI thread, and the worker only emits its signals
(queued connections). ``finished`` always fires, after ``result`` or ``error``.

``ImmediateRunner`` has the same API and runs everything synchronously, for tests.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeGuard, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import CancelledError, RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.logging_setup import REDACTOR

tr = Translator("TaskErrors")

log = logging.getLogger(__name__)

POOL_SIZES = {"network": 6, "library": 1, "pipeline": 3}

# What a callback returns is ignored, so lambdas that call a method returning a value fit too.
Callback = Callable[[Any], object] | None
FinishedCallback = Callable[[], object] | None
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class ErrorInfo:
    """What went wrong, in words a user can act on, plus the technical details for the log."""

    message: str
    hint: str = ""
    exc_type: str = ""
    details: str = ""

    @classmethod
    def from_exception(cls, exc: BaseException) -> ErrorInfo:
        details = REDACTOR.redact("".join(traceback.format_exception(exc)))
        if isinstance(exc, RmabError):
            return cls(REDACTOR.redact(exc.user_message), exc.user_hint, type(exc).__name__, details)
        text = str(exc) or type(exc).__name__
        return cls(
            REDACTOR.redact(tr("Unexpected error: {error}").format(error=text)),
            tr("This is a bug. The details are in the log file."),
            type(exc).__name__,
            details,
        )


def _call(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    token: CancelToken,
    progress: Callable[[Any], object] | None,
) -> Any:
    # Bound, the token also stops a network call in progress (clients/deadline.py), so cancel and
    # quit are prompt even when a server drips its answer.
    with token.bound():
        if progress is not None:
            return fn(*args, progress=progress, cancel=token, **kwargs)
        return fn(*args, **kwargs)


class TaskHandle:
    """Returned by ``submit``: cancel the task, and see whether it ended."""

    def __init__(self, pool: str) -> None:
        self.pool = pool
        self.token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class TaskSignals(QObject):
    """Created on the GUI thread; the worker emits, GUI-thread slots receive (queued)."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class _Relay(QObject):
    """Lives on the GUI thread and turns the task's signals into the caller's callbacks."""

    def __init__(
        self,
        handle: TaskHandle,
        on_result: Callback,
        on_error: Callback,
        on_progress: Callback,
        on_finished: FinishedCallback,
        release: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self.handle = handle
        self._on_result, self._on_error, self._on_progress = on_result, on_error, on_progress
        self._on_finished = on_finished
        self._release = release
        self.signals = TaskSignals()
        self.signals.result.connect(self._result)
        self.signals.error.connect(self._error)
        self.signals.progress.connect(self._progress)
        self.signals.finished.connect(self._finished)
        self.task: Task | None = None

    @Slot(object)
    def _result(self, value: object) -> None:
        if _alive(self._on_result):
            self._on_result(value)

    @Slot(object)
    def _error(self, info: object) -> None:
        if _alive(self._on_error):
            self._on_error(info)

    @Slot(object)
    def _progress(self, value: object) -> None:
        if _alive(self._on_progress) and not self.handle.cancelled:
            self._on_progress(value)

    @Slot()
    def _finished(self) -> None:
        self.handle.done = True
        try:
            if _alive(self._on_finished):
                self._on_finished()
        finally:
            self._release(self)


def _alive(callback: F | None) -> TypeGuard[F]:
    """False for no callback, or a method of a widget that was closed and deleted meanwhile."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class Task(QRunnable):
    """Runs one plain callable; never lets an exception escape into Qt."""

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        signals: TaskSignals,
        token: CancelToken,
        with_progress: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the relay keeps the Python object alive until finished
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._signals, self._token, self._with_progress = signals, token, with_progress

    def run(self) -> None:
        signals = self._signals
        try:
            if self._token.cancelled:
                return
            progress = signals.progress.emit if self._with_progress else None
            value = _call(self._fn, self._args, self._kwargs, self._token, progress)
        except CancelledError:
            pass
        except BaseException as exc:
            if not isinstance(exc, RmabError):
                log.warning(
                    "Background task %s failed", getattr(self._fn, "__name__", self._fn), exc_info=exc
                )
            signals.error.emit(ErrorInfo.from_exception(exc))
        else:
            if not self._token.cancelled:
                signals.result.emit(value)
        finally:
            signals.finished.emit()


class TaskRunner:
    """Owns the named pools ("network", "library", "pipeline"); never uses the global pool."""

    def __init__(self, sizes: dict[str, int] | None = None) -> None:
        self._pools: dict[str, QThreadPool] = {}
        for name, size in (sizes or POOL_SIZES).items():
            pool = QThreadPool()
            pool.setObjectName(f"rmab-{name}")
            pool.setMaxThreadCount(size)
            self._pools[name] = pool
        self._live: set[_Relay] = set()
        self._closed = False

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        pool: str = "network",
        on_result: Callback = None,
        on_error: Callback = None,
        on_progress: Callback = None,
        on_finished: FinishedCallback = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> TaskHandle:
        """Run ``fn(*args, **kwargs)`` in ``pool``; with ``with_progress`` it also gets
        ``progress=callable`` and ``cancel=CancelToken`` keyword arguments."""
        handle = TaskHandle(pool)
        target = self._pools[pool]
        relay = _Relay(handle, on_result, on_error, on_progress, on_finished, self._release)
        if self._closed:
            handle.cancel()
            relay.signals.finished.emit()
            return handle
        relay.task = Task(fn, args, kwargs, relay.signals, handle.token, with_progress)
        self._live.add(relay)
        target.start(relay.task)
        return handle

    def _release(self, relay: _Relay) -> None:
        # Drop the relay after the slot that delivered ``finished`` has returned.
        QTimer.singleShot(0, lambda: self._live.discard(relay))

    def in_flight(self, pool: str) -> int:
        """Tasks submitted to ``pool`` whose ``finished`` has not been delivered yet."""
        return sum(1 for relay in self._live if relay.handle.pool == pool and not relay.handle.done)

    def capacity(self, pool: str) -> int:
        return self._pools[pool].maxThreadCount()

    @property
    def pool_names(self) -> list[str]:
        return list(self._pools)

    def cancel_all(self, pool: str | None = None) -> None:
        for relay in list(self._live):
            if pool is None or relay.handle.pool == pool:
                relay.handle.cancel()

    def wait_for(self, pool: str, timeout_ms: int) -> bool:
        """Block until ``pool`` is idle (used only when quitting); True if it drained in time."""
        return self._pools[pool].waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything, drop queued tasks and wait for running ones; True if all ended."""
        self._closed = True
        self.cancel_all()
        drained = True
        for pool in self._pools.values():
            pool.clear()
            drained = pool.waitForDone(timeout_ms) and drained
        return drained


class ImmediateRunner:
    """Same API as :class:`TaskRunner`, but runs the callable at once on the calling thread."""

    pool_names = list(POOL_SIZES)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        pool: str = "network",
        on_result: Callback = None,
        on_error: Callback = None,
        on_progress: Callback = None,
        on_finished: FinishedCallback = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> TaskHandle:
        if pool not in POOL_SIZES:
            raise KeyError(pool)
        handle = TaskHandle(pool)
        progress = (on_progress or (lambda _value: None)) if with_progress else None
        try:
            value = _call(fn, args, kwargs, handle.token, progress)
        except CancelledError:
            pass
        except Exception as exc:
            if on_error is not None:
                on_error(ErrorInfo.from_exception(exc))
        else:
            if on_result is not None:
                on_result(value)
        finally:
            handle.done = True
            if on_finished is not None:
                on_finished()
        return handle

    def in_flight(self, pool: str) -> int:
        return 0

    def capacity(self, pool: str) -> int:
        return POOL_SIZES[pool]

    def cancel_all(self, pool: str | None = None) -> None:
        """Nothing runs in the background."""

    def wait_for(self, pool: str, timeout_ms: int) -> bool:
        return True

    def shutdown(self, timeout_ms: int = 0) -> bool:
        return True
