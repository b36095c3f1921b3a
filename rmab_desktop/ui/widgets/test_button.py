"""A Test button with its result underneath; the test runs through the runner, never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui.widgets.test_result import TestResultLabel
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("TestButton")

TestPlan = tuple[Callable[..., ConnectionTestResult], tuple[Any, ...]] | ConnectionTestResult


class TestButton(QWidget):
    __test__ = False  # not a pytest class

    finished = Signal(bool)  # ok

    def __init__(
        self,
        runner: TaskRunner | ImmediateRunner,
        call: Callable[
            [], tuple[Callable[..., ConnectionTestResult], tuple[Any, ...]] | ConnectionTestResult
        ],
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``call`` runs on the GUI thread and returns (function, args) to run in the background,
        or a ready ConnectionTestResult (e.g. a field is missing). ``text`` defaults to "Test"."""
        super().__init__(parent)
        self.runner = runner
        self.call = call
        self.button = QPushButton(text or tr("Test"))
        self.button.clicked.connect(self.run)
        self.result = TestResultLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)

    @property
    def ok(self) -> bool | None:
        return self.result.ok

    def run(self) -> None:
        planned = self.call()
        if isinstance(planned, ConnectionTestResult):
            self._done(planned)
            return
        fn, args = planned
        self.button.setEnabled(False)
        self.result.show_busy(tr("Testing…"))
        self.runner.submit(
            fn,
            *args,
            on_result=self._done,
            on_error=self._error,
            on_finished=lambda: self.button.setEnabled(True),
        )

    def _done(self, result: ConnectionTestResult) -> None:
        self.result.show_result(result)
        self.finished.emit(result.ok)

    def _error(self, info: ErrorInfo) -> None:
        self.result.show_error(info)
        self.finished.emit(False)

    def reset(self) -> None:
        self.result.clear_result()
