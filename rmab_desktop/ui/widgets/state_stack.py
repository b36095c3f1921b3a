"""A list's four faces: loading, failed to load (with Try again), empty (saying what to do), and the
content itself. Admin queues (approvals, reported problems) show one of them at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui.widgets.empty_state import EmptyState

tr = Translator("StateStack")


class StateStack(QStackedWidget):
    def __init__(self, content: QWidget, icon_name: str, retry: Callable[[], None]) -> None:
        super().__init__()
        self.content = content
        self.loading = EmptyState(icon_name, tr("Loading…"), tr("This takes a moment."))
        self.error = EmptyState("error", tr("Could not load"), "", tr("Try again"), retry)
        self.empty = EmptyState(icon_name, "", "")
        for widget in (self.loading, self.error, self.empty, content):
            self.addWidget(widget)
        self.setCurrentWidget(self.loading)
        self.answered = False  # the first load came back (then refreshes keep what is shown)

    def show_loading(self) -> None:
        """Only before the first answer: a refresh keeps what is shown."""
        if not self.answered:
            self.setCurrentWidget(self.loading)

    def show_error(self, message: str) -> None:
        self.error.set_text(tr("Could not load"), message)
        self._show(self.error)

    def show_empty(self, title: str, text: str) -> None:
        self.empty.set_text(title, text)
        self._show(self.empty)

    def show_content(self) -> None:
        self._show(self.content)

    def _show(self, widget: QWidget) -> None:
        self.answered = True
        self.setCurrentWidget(widget)

    @property
    def state(self) -> str:
        """ "loading", "error", "empty" or "content" (for tests and screenshots)."""
        return {id(self.loading): "loading", id(self.error): "error", id(self.empty): "empty"}.get(
            id(self.currentWidget()), "content"
        )
