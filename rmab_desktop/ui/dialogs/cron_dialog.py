"""Edit a schedule's cron expression with live validation and a preview of the next runs."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import ScheduledJob
from rmab_desktop.services.scheduler import next_run, validate_cron
from rmab_desktop.ui.formatting import local_time

tr = Translator("CronDialog")

EXAMPLES = tr.mark(
    "Examples: “0 */6 * * *” every six hours · “30 3 * * *” daily at 03:30 · “0 9 * * 1” Mondays at 09:00"
)


class CronDialog(QDialog):
    def __init__(self, schedule: ScheduledJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit schedule — {name}").format(name=schedule.name))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edit = QLineEdit(schedule.cron)
        self.edit.setPlaceholderText(tr("minute hour day-of-month month day-of-week"))
        self.edit.setAccessibleDescription(text(EXAMPLES))
        form.addRow(tr("&Cron"), self.edit)
        layout.addLayout(form)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(tr("Next runs or the problem"))
        layout.addWidget(self.feedback)
        examples = QLabel(text(EXAMPLES))
        examples.setObjectName("pageSubtitle")
        examples.setWordWrap(True)
        layout.addWidget(examples)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self._validate()

    def cron(self) -> str:
        return " ".join(self.edit.text().split())

    def error(self) -> str:
        """The validation message shown, or "" when the expression is valid."""
        try:
            validate_cron(self.cron())
        except ValidationError as exc:
            return f"{exc.user_message} {exc.user_hint}".strip()
        return ""

    def _validate(self) -> None:
        problem = self.error()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problem)
        if problem:
            self.feedback.setStyleSheet("color: #c92a2a;")
            self.feedback.setText(problem)
            return
        self.feedback.setStyleSheet("")
        runs, after = [], datetime.now(UTC)
        for _ in range(3):
            after = next_run(self.cron(), after)
            runs.append(local_time(after))
        self.feedback.setText(tr("Next runs: {times}").format(times=", ".join(runs)))
