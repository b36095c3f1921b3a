"""Shows the answer of a Test button: what worked, or what failed and what to fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.theme import status_color
from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("TestResult")


class TestResultLabel(QLabel):
    __test__ = False  # not a pytest class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ok: bool | None = None
        self.hide()

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _show(self, text: str, level: str, ok: bool | None) -> None:
        self.ok = ok
        color = status_color(level, self._dark()).name() if level != "muted" else ""
        self.setStyleSheet(f"color: {color};" if color else "")
        self.setText(text)
        self.show()
        QTimer.singleShot(0, self, self.scroll_into_view)  # once the layout has made room for the text

    def scroll_into_view(self) -> None:
        """A result below the fold of a scrolled settings page or assistant step is brought into view."""
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.widget() is not None:
                parent.ensureWidgetVisible(self, 0, 16)
                return
            parent = parent.parentWidget()

    def show_busy(self, text: str) -> None:
        self._show(text, "muted", None)

    def show_result(self, result: ConnectionTestResult) -> None:
        if result.ok:
            if result.latency_ms is not None:
                line = tr("✓ {message} ({latency} ms)").format(
                    message=result.message, latency=number(result.latency_ms)
                )
            else:
                line = tr("✓ {message}").format(message=result.message)
            self._show(line, "success", True)
        else:
            self._show(f"✗ {result.message}" + (f"\n{result.hint}" if result.hint else ""), "error", False)

    def show_error(self, info: ErrorInfo) -> None:
        self._show(f"✗ {info.message}" + (f"\n{info.hint}" if info.hint else ""), "error", False)

    def clear_result(self) -> None:
        self.ok = None
        self.clear()
        self.hide()
