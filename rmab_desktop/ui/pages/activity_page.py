"""The Activity page: jobs, scheduled jobs and the log (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rmab_desktop.ui.context import UiContext
from rmab_desktop.ui.widgets.empty_state import EmptyState


class ActivityPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState("activity", "Activity", "Jobs, schedules and the log appear here."))
