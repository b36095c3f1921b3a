"""Start-up before the core is open: the main window goes on screen first, the core opens on a
worker thread (imports, database, migrations, feature services) and is handed to the GUI thread.

Nothing here imports the core: the window's first frame needs only Qt and this module.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

STARTUP_MARK_ENV = "RMAB_STARTUP_MARK"  # a file; the wall time of the first expose is appended
EXPOSE_FALLBACK_MS = 1000  # platforms that never report an expose still open the core


@dataclass(frozen=True)
class EarlyPrefs:
    """What the first frame needs from the settings file, read without pydantic (~0.2 s).

    Anything odd gives the defaults: the full load on the worker validates the file and keeps a
    broken one aside.
    """

    theme: str = "system"
    language: str = "system"
    start_minimized: bool = False
    geometry_b64: str | None = None
    state_b64: str | None = None
    last_page: str = "activity"

    @classmethod
    def peek(cls, settings_file: Path) -> EarlyPrefs:
        try:
            data = json.loads(settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        window = data.get("window")
        window = window if isinstance(window, dict) else {}
        return cls(
            theme=_typed(data, "theme", str, cls.theme),
            language=_typed(data, "language", str, cls.language),
            start_minimized=_typed(data, "start_minimized", bool, cls.start_minimized),
            geometry_b64=_typed(window, "geometry_b64", str, None),
            state_b64=_typed(window, "state_b64", str, None),
            last_page=_typed(window, "last_page", str, cls.last_page),
        )


def _typed(mapping: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = mapping.get(key)
    return value if isinstance(value, kind) else default


class FirstExpose(QObject):
    """Calls ``callback`` once, when ``window`` is first exposed (its pixels can be on screen).

    Also appends that wall time to ``$RMAB_STARTUP_MARK`` for tools/bench/bench_startup.py.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        handle = window.windowHandle()
        if handle is None or not window.isVisible():
            QTimer.singleShot(0, self._fire)
            return
        self._handle = handle
        handle.installEventFilter(self)
        QTimer.singleShot(EXPOSE_FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle.isExposed():
            self._handle.removeEventFilter(self)
            mark = os.environ.get(STARTUP_MARK_ENV)
            if mark:
                with open(mark, "a", encoding="utf-8") as handle:
                    handle.write(f"{time.time():.6f}\n")
            self._fire()
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


class CoreLoader(QObject):
    """Runs ``open_core`` on a worker thread; ``on_ready(core)`` or ``on_failed(exc)`` then runs
    on the GUI thread."""

    _done = Signal(object, object)  # core, exception

    def __init__(
        self,
        open_core: Callable[[], Any],
        on_ready: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        super().__init__()
        self._open, self._on_ready, self._on_failed = open_core, on_ready, on_failed
        self._thread = threading.Thread(target=self._run, name="open-core")
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if not self._thread.is_alive() and self._thread.ident is None:
            self._thread.start()

    def _run(self) -> None:
        try:
            core = self._open()
        except Exception as exc:  # reported on the GUI thread
            self._done.emit(None, exc)
            return
        self._done.emit(core, None)

    @Slot(object, object)
    def _deliver(self, core: Any, error: Exception | None) -> None:
        self._thread.join()
        if error is not None:
            self._on_failed(error)
        else:
            self._on_ready(core)
