"""Unexpected errors: log the traceback (secrets redacted) and tell the user where the log is.

``CrashHandler.install()`` replaces ``sys.excepthook`` and ``threading.excepthook``. Errors on
worker threads are carried to the GUI thread by a queued signal before the dialog shows.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop import APP_NAME
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.logging_setup import REDACTOR

log = logging.getLogger("rmab_desktop.crash")

tr = Translator("CrashDialog")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadExceptHook = Callable[[threading.ExceptHookArgs], object]


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.setWindowTitle(tr("{app} — unexpected error").format(app=APP_NAME))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel("<b>{}</b>".format(tr("Something went wrong.")))
        self.summary = QLabel(
            tr(
                "{app} hit an unexpected error and that action did not finish. Your library and "
                "requests are safe; background jobs will resume.\n\n{summary}"
            ).format(app=APP_NAME, summary=summary)
        )
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        where = QLabel(tr("The details were written to the log file:\n{path}").format(path=log_file))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Error details"))
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(tr("Open log folder"))
        self.open_button.clicked.connect(self.open_log_folder)
        self.details_button = QPushButton(tr("Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for widget in (heading, self.summary, where, self.details, buttons):
            layout.addWidget(widget)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(tr("Hide details") if shown else tr("Show details"))
        self.adjustSize()

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))


class CrashHandler(QObject):
    _crashed = Signal(str, str)  # summary, details (both redacted)

    def __init__(self, log_file: Path, show_dialog: bool = True) -> None:
        super().__init__()
        self.log_file = log_file
        self.show_dialog = show_dialog
        self.dialog: CrashDialog | None = None
        self.reports: list[tuple[str, str]] = []
        self._previous: tuple[ExceptHook, ThreadExceptHook] | None = None
        self._crashed.connect(self._present, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        summary = REDACTOR.redact(f"{exc_type.__name__}: {exc}")
        details = REDACTOR.redact("".join(traceback.format_exception(exc_type, exc, tb)))
        self._crashed.emit(summary, details)

    def _present(self, summary: str, details: str) -> None:
        self.reports.append((summary, details))
        if not self.show_dialog or self.dialog is not None:
            return  # one dialog at a time; later errors are in the log
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(summary, details, self.log_file, parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        self.dialog = None
