"""The Activity log: job events from the database and the app's own log records, newest last."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Signal

from rmab_desktop.domain.correlation import Correlation
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import JobEvent
from rmab_desktop.logging_setup import CORRELATION, REDACTOR
from rmab_desktop.ui.formatting import local_time
from rmab_desktop.ui.models.reference_filter import ReferenceFilterProxy
from rmab_desktop.ui.models.row_model import Column, RowTableModel

tr = Translator("LogTable")

LEVELS = ["debug", "info", "warning", "error"]
# Each level as the table and the level filter show it (through i18n.text).
LEVEL_TEXT = {
    "debug": tr.mark("Debug"),
    "info": tr.mark("Info"),
    "warning": tr.mark("Warning"),
    "error": tr.mark("Error"),
}
LEVEL_LEVEL = {"debug": "muted", "info": "info", "warning": "warning", "error": "error"}
MAX_ROWS = 5000
TRIM_CHUNK = 500
RECENT_KEPT = 1000


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: str  # "e<event id>" for job events, "a<n>" for app log records
    time: datetime
    level: str
    source: str
    message: str
    job_id: int | None = None
    request_id: int | None = None

    @classmethod
    def from_event(cls, event: JobEvent) -> LogEntry:
        return cls(
            f"e{event.id}",
            event.created_at,
            event.level.value,
            event.context or "job",
            event.message,
            event.job_id,
            event.request_id,
        )

    @property
    def reference(self) -> str:
        """``req-12 job-345``: what a notification or a log line quotes, and the filter accepts."""
        return Correlation(self.request_id, self.job_id).ref

    def as_line(self) -> str:
        ref = f" [{self.reference}]" if self.reference else ""
        return f"{self.time.isoformat(timespec='seconds')} {self.level.upper():<7} {self.source}{ref}: {self.message}"


def _level_name(levelno: int) -> str:
    if levelno >= logging.ERROR:
        return "error"
    if levelno >= logging.WARNING:
        return "warning"
    if levelno >= logging.INFO:
        return "info"
    return "debug"


class LogModel(RowTableModel[LogEntry]):
    COL_TIME, COL_LEVEL, COL_SOURCE, COL_MESSAGE = range(4)

    def __init__(self, max_rows: int = MAX_ROWS) -> None:
        super().__init__(
            [
                Column(
                    tr.mark("Time"),
                    lambda e: local_time(e.time),
                    sort=lambda e: e.time.timestamp(),
                    tooltip=lambda e: e.time.astimezone().isoformat(timespec="seconds"),
                ),
                Column(
                    tr.mark("Level"),
                    lambda e: text(LEVEL_TEXT.get(e.level, e.level)),
                    sort=lambda e: LEVELS.index(e.level),
                    level=lambda e: LEVEL_LEVEL.get(e.level, "muted"),
                ),
                Column(
                    tr.mark("Source"),
                    lambda e: e.source + (f" [{e.reference}]" if e.reference else ""),
                    tooltip=lambda e: e.reference,
                ),
                Column(tr.mark("Message"), lambda e: e.message, tooltip=lambda e: e.message),
            ]
        )
        self.max_rows = max_rows

    def append(self, entries: Iterable[LogEntry]) -> None:
        """Add new entries at the end; trim the oldest in chunks past ``max_rows``."""
        fresh = [entry for entry in entries if self.row_of(entry.id) < 0]
        if not fresh:
            return
        start = self.rowCount()
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        for offset, entry in enumerate(fresh):
            self._index[entry.id] = start + offset
        self.endInsertRows()
        excess = self.rowCount() - self.max_rows
        if excess > 0:
            drop = min(self.rowCount(), excess + min(TRIM_CHUNK, self.max_rows // 10))
            self.beginRemoveRows(QModelIndex(), 0, drop - 1)
            del self._rows[:drop]
            self.endRemoveRows()
            self._reindex()


class LogProxy(ReferenceFilterProxy):
    """Minimum level plus free text (message, source) or a reference (``req-12``, ``job-345``)."""

    def __init__(self) -> None:
        super().__init__(lambda entry: (entry.request_id, entry.job_id))
        self._min_level = 1  # info

    def set_min_level(self, level: str) -> None:
        self.beginFilterChange()
        self._min_level = LEVELS.index(level)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        entry = self.row_object(source_row, source_parent)
        if entry is None or LEVELS.index(entry.level) < self._min_level:
            return False
        return self.text_accepts(entry, source_row, source_parent)


class LogBridge(QObject):
    """Carries log records from any thread to the GUI thread as LogEntry objects."""

    entry = Signal(object)


class QtLogHandler(logging.Handler):
    """A logging handler that forwards (redacted) records to the GUI through a LogBridge."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.bridge = LogBridge()
        self.addFilter(CORRELATION)
        self.addFilter(REDACTOR)
        self._counter = 0
        self.recent: deque[LogEntry] = deque(maxlen=RECENT_KEPT)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._counter += 1
            message = REDACTOR.redact(record.getMessage())
            if record.exc_info and record.exc_info[1] is not None:
                message += (
                    f" ({type(record.exc_info[1]).__name__}: {REDACTOR.redact(str(record.exc_info[1]))})"
                )
            entry = LogEntry(
                f"a{self._counter}",
                datetime.fromtimestamp(record.created, UTC),
                _level_name(record.levelno),
                record.name,
                message,
                getattr(record, "job_id", None),
                getattr(record, "request_id", None),
            )
            self.recent.append(entry)
            self.bridge.entry.emit(entry)
        except RuntimeError:
            pass  # the bridge is gone (the app is quitting)
        except Exception:
            self.handleError(record)
