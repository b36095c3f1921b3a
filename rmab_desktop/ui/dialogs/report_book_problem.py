"""Report a problem with a book in the library (wrong book, bad audio, wrong edition, other).

Not to be confused with Help > Report a problem… (``report_problem.py``), which saves a diagnostics
bundle about the app itself. This one tells the household's administrators about a *book*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.reported_issues import KIND_LABELS, NOTE_LIMIT, ProblemKind, ReportedProblem

if TYPE_CHECKING:
    from rmab_desktop.services.reported_issues import ProblemReports
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("ReportBookProblemDialog")


class ReportBookProblemDialog(QDialog):
    """``target``: the book's request id or its ASIN."""

    def __init__(
        self,
        problems: ProblemReports,
        runner: Runner,
        target: int | str,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.problems, self.runner, self.target = problems, runner, target
        self.reported: ReportedProblem | None = None
        self.setWindowTitle(tr("Report a problem with this book"))
        layout = QVBoxLayout(self)
        heading = QLabel(tr("What is wrong with “{title}”?").format(title=title), wordWrap=True)
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        self.kinds = QButtonGroup(self)
        for position, kind in enumerate(ProblemKind):
            button = QRadioButton(text(KIND_LABELS[kind]))
            button.setProperty("kind", kind.value)
            self.kinds.addButton(button, position)
            layout.addWidget(button)
        self.kinds.button(0).setChecked(True)
        note_label = QLabel(tr("&Note for the administrators (optional)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(tr("Note for the administrators"))
        self.note.setPlaceholderText(tr("For example: the files are another book, or chapter 12 is missing."))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 16)
        note_label.setBuddy(self.note)
        self.counter = QLabel()
        self.counter.setAccessibleName(tr("Characters left"))
        self.note.textChanged.connect(self._count)
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(tr("Why the report was not sent"))
        for widget in (note_label, self.note, self.counter, self.message):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(tr("&Report"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._count()

    def kind(self) -> ProblemKind:
        checked = self.kinds.checkedButton()
        return ProblemKind(checked.property("kind")) if checked is not None else ProblemKind.OTHER

    def _count(self) -> None:
        left = NOTE_LIMIT - len(self.note.toPlainText())
        self.counter.setText(
            tr.n("%n character(s) left", left) if left >= 0 else tr.n("%n character(s) too many", -left)
        )
        self.send_button.setEnabled(left >= 0)

    def send(self) -> None:
        problems, target, kind, note = self.problems, self.target, self.kind(), self.note.toPlainText()
        self.send_button.setEnabled(False)
        self.message.setText(tr("Sending…"))
        self.runner.submit(
            lambda: problems.report(target, kind, note), on_result=self._sent, on_error=self._failed
        )

    def _sent(self, problem: ReportedProblem) -> None:
        self.reported = problem
        self.accept()

    def _failed(self, info: ErrorInfo) -> None:
        self.message.setText(f"{info.message} {info.hint}".strip())
        self.send_button.setEnabled(True)
